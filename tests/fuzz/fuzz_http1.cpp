// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the HTTP/1.x parser, the TCP stream reassembly and the HTTP/1.x tree.
//
// Input: byte 0 picks the parse context; the rest is parsed as one stream (requests, then responses with
// several request methods, pipelined until the bytes run out). Then the same bytes are cut into TCP
// segments (segment lengths and sequence jitter drawn from the input itself), fed in both directions
// through the tracker, the reassembler and the connection dissector, and every message's tree is built.
// Any range outside the bytes it describes aborts.

#include "dissect/http1.h"
#include "dissect/tcpstream.h"
#include "dissect/tcptracker.h"

#include <cstdlib>
#include <cstring>

using namespace wirelab;

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

void checkMessage(const Http1Message &m, std::uint64_t base, std::uint64_t size)
{
    const std::uint64_t end = base + size;
    auto in = [&](const Http1Range &r) { check(r.length == 0 || (r.offset >= base && r.end() <= end)); };
    in(m.message);
    in(m.startLine);
    in(m.headerBlock);
    in(m.body);
    for (const Http1Header &h : m.headers) {
        in(h.line);
        in(h.nameRange);
        in(h.valueRange);
    }
    for (const Http1Range &r : m.bodyData)
        in(r);
    for (const Http1Chunk &c : m.chunks) {
        in(c.sizeLine);
        in(c.data);
    }
    check(m.headers.size() <= kHttp1MaxHeaders);
}

QByteArray tcpFrame(bool fromClient, std::uint32_t seq, std::uint8_t flags, const std::uint8_t *p, std::size_t n)
{
    QByteArray f(54, '\0');
    f[12] = 0x08;
    auto *ip = reinterpret_cast<std::uint8_t *>(f.data() + 14);
    ip[0] = 0x45;
    const std::uint16_t total = std::uint16_t(40 + n);
    ip[2] = std::uint8_t(total >> 8);
    ip[3] = std::uint8_t(total);
    ip[8] = 64;
    ip[9] = 6;
    const std::uint8_t a[4] = {10, 0, 0, 1}, b[4] = {10, 0, 0, 2};
    std::memcpy(ip + 12, fromClient ? a : b, 4);
    std::memcpy(ip + 16, fromClient ? b : a, 4);
    auto *tcp = ip + 20;
    tcp[0] = fromClient ? 0x9c : 0x00;
    tcp[1] = fromClient ? 0x40 : 0x50;
    tcp[2] = fromClient ? 0x00 : 0x9c;
    tcp[3] = fromClient ? 0x50 : 0x40;
    tcp[4] = std::uint8_t(seq >> 24);
    tcp[5] = std::uint8_t(seq >> 16);
    tcp[6] = std::uint8_t(seq >> 8);
    tcp[7] = std::uint8_t(seq);
    tcp[12] = 0x50;
    tcp[13] = flags;
    tcp[14] = 0xff;
    f.append(reinterpret_cast<const char *>(p), qsizetype(n));
    return f;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::uint8_t mode = data[0];
    std::span<const std::uint8_t> rest(data + 1, size - 1);

    // 1. The pure parser, pipelined.
    static const char *const methods[] = {"GET", "HEAD", "CONNECT", ""};
    for (int pass = 0; pass < 2; ++pass) {
        std::size_t pos = 0;
        for (int i = 0; i < 1000 && pos < rest.size(); ++i) {
            Http1ParseContext ctx;
            ctx.isRequest = pass == 0;
            ctx.requestMethod = methods[(mode >> 1) & 3];
            ctx.streamClosed = mode & 1;
            Http1Message m;
            std::size_t used = 0;
            const auto st = parseHttp1Message(rest.subspan(pos), pos, ctx, m, &used);
            checkMessage(m, pos, rest.size() - pos);
            if (st != Http1ParseStatus::Complete || used == 0)
                break;
            check(used <= rest.size() - pos);
            pos += used;
        }
    }

    // 2. The stream path: segments in both directions, some out of order or repeated.
    TcpConversationTracker tracker;
    TcpStreamReassembler streams(1 << 20);
    std::uint32_t frame = 0;
    auto feed = [&](bool fromClient, std::uint32_t seq, std::uint8_t flags, const std::uint8_t *p, std::size_t n) {
        const QByteArray f = tcpFrame(fromClient, seq, flags, p, n);
        const std::span<const std::uint8_t> fb(reinterpret_cast<const std::uint8_t *>(f.constData()), std::size_t(f.size()));
        PacketSummary s;
        if (!dissectSummary(LinkType::Ethernet, fb, s))
            return;
        ++frame;
        tracker.add(frame, std::int64_t(frame) * 1000, s);
        streams.add(frame, std::int64_t(frame) * 1000, s, fb, tracker.analysis(frame));
    };
    feed(true, 1000, 0x02, nullptr, 0);
    feed(false, 9000, 0x12, nullptr, 0);
    std::uint32_t seq[2] = {1001, 9001};
    std::size_t pos = 0;
    for (int i = 0; i < 4096 && pos < rest.size(); ++i) {
        const std::uint8_t ctl = rest[pos];
        const std::size_t len = std::min<std::size_t>(1 + (ctl & 0x3f) * 7, rest.size() - pos);
        const bool fromClient = !(ctl & 0x80) || mode & 0x10;
        const int d = fromClient ? 0 : 1;
        std::uint32_t s = seq[d];
        if ((ctl & 0x40) && (mode & 0x20))
            s -= (ctl & 0x0f); // a retransmission overlapping what came before
        feed(fromClient, s, 0x18, rest.data() + pos, len);
        seq[d] = std::max(seq[d], s + std::uint32_t(len));
        pos += len;
    }
    if (mode & 0x40)
        feed(false, seq[1], 0x11, nullptr, 0);
    streams.finish();
    Http1ConnectionDissector http;
    http.update(streams);
    for (const TcpStream &st : streams.streams()) {
        check(std::size_t(st.data.size()) <= (1u << 20));
        for (const TcpStreamChunk &c : st.chunks)
            check(c.offset + c.length <= std::uint64_t(st.data.size()));
    }
    for (const Http1Message &m : http.messages()) {
        const TcpStream *st = streams.stream(m.conversation, m.fromClient);
        check(st != nullptr);
        checkMessage(m, 0, std::uint64_t(st->data.size()));
        for (std::uint32_t f = m.firstFrame; f <= m.lastFrame && f - m.firstFrame < 64; ++f) {
            const ProtoField t = http1Tree(m, st, f);
            check(t.offset >= 0 && t.length >= 0);
        }
    }
    return 0;
}
