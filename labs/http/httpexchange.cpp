// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpexchange.h"

#include "capturesession.h"
#include "dissect/dissect.h"
#include "dissect/tcptracker.h"

#include <QCoreApplication>

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <map>
#include <memory>

namespace wirelab {

namespace {

// The wire's comments on packets it recorded but never delivered (core/labnet/wire.cpp, context "Wire"):
// those bytes never reached the receiver, so they do not count as arrived. Compared as translated, up to
// the first placeholder. Not literals in translate() on purpose: the strings belong to the Wire context.
constexpr const char *kWireContext = "Wire";
constexpr const char *kNotDelivered[] = {
    "Lost on the lab network (loss %1 %)",
    "Dropped by the lab network: the link's queue was full (%1 packets)",
    "Dropped by the lab network: the wire's buffer for this link is full",
    "Dropped by the lab network: the receiving host did not take the packet",
    "Dropped by the student at a breakpoint",
};

bool neverDelivered(const QString &comment)
{
    if (comment.isEmpty())
        return false;
    for (const char *source : kNotDelivered) {
        for (const QString &text : {QString::fromLatin1(source), QCoreApplication::translate(kWireContext, source)}) {
            const QString prefix = text.left(text.indexOf(QLatin1String("%1")) < 0 ? text.size() : text.indexOf(QLatin1String("%1")));
            if (!prefix.isEmpty() && comment.startsWith(prefix))
                return true;
        }
    }
    return false;
}

struct Segment
{
    std::uint32_t offset = 0; // relative sequence number of the first payload byte
    QByteArray data;
    std::uint32_t frame = 0;
    std::int64_t timeNs = 0;
};

// A piece of the reassembled stream: bytes [start, start + length) came in `frame` and were readable
// (everything before them had arrived) at deliveredNs.
struct Piece
{
    std::uint64_t start = 0, length = 0;
    std::uint32_t frame = 0;
    std::int64_t frameTimeNs = 0, deliveredNs = 0;
};

struct Direction
{
    std::vector<Segment> segments;
    QByteArray bytes;
    std::vector<Piece> pieces;

    void reassemble(bool sawSyn)
    {
        if (segments.empty())
            return;
        std::stable_sort(segments.begin(), segments.end(), [](const Segment &a, const Segment &b) {
            return a.offset != b.offset ? a.offset < b.offset : a.timeNs < b.timeNs;
        });
        std::uint64_t pos = sawSyn ? 1 : segments.front().offset;
        const std::uint64_t base = pos;
        std::int64_t readable = 0;
        for (const Segment &s : segments) {
            const std::uint64_t end = std::uint64_t(s.offset) + std::uint64_t(s.data.size());
            if (s.offset > pos)
                break; // a hole nothing in the capture fills: the stream ends here
            if (end <= pos)
                continue; // already have these bytes (a retransmission of delivered data)
            const std::uint64_t skip = pos - s.offset;
            readable = std::max(readable, s.timeNs);
            pieces.push_back({pos - base, end - pos, s.frame, s.timeNs, readable});
            bytes.append(s.data.constData() + skip, qsizetype(end - pos));
            pos = end;
        }
        segments.clear();
    }

    const Piece *pieceAt(std::uint64_t offset) const
    {
        auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                                   [](std::uint64_t o, const Piece &p) { return o < p.start; });
        if (it == pieces.begin())
            return nullptr;
        --it;
        return offset < it->start + it->length ? &*it : nullptr;
    }
    std::int64_t deliveredAt(std::uint64_t offset) const
    {
        const Piece *p = pieceAt(offset);
        return p ? p->deliveredNs : -1;
    }
    void framesIn(std::uint64_t from, std::uint64_t to, std::vector<std::uint32_t> &out) const
    {
        for (const Piece &p : pieces) {
            if (p.start + p.length <= from || p.start >= to)
                continue;
            if (out.empty() || out.back() != p.frame)
                out.push_back(p.frame);
        }
    }
};

struct Connection
{
    std::uint32_t conversation = 0;
    Direction toServer, toClient;
};

// ---------------------------------------------------------------- HTTP/1.x

struct Head
{
    QByteArray first;                  // request or status line
    std::vector<std::pair<QByteArray, QByteArray>> fields;
    qsizetype end = 0;                 // offset just after the blank line
};

// Parses a message head at pos; false when incomplete (need more) or malformed (*malformed set).
bool parseHead(const QByteArray &b, qsizetype pos, Head &head, bool *malformed)
{
    constexpr qsizetype kMaxHead = 64 * 1024;
    const qsizetype end = b.indexOf("\r\n\r\n", pos);
    if (end < 0) {
        *malformed = b.size() - pos > kMaxHead; // a head that never ends
        return false;
    }
    if (end - pos > kMaxHead) {
        *malformed = true;
        return false;
    }
    const QList<QByteArray> lines = b.mid(pos, end - pos).split('\n');
    head.first = lines.value(0).trimmed();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            *malformed = true;
            return false;
        }
        head.fields.emplace_back(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    head.end = end + 4;
    return true;
}

QByteArray field(const Head &h, const char *name)
{
    for (const auto &[n, v] : h.fields) {
        if (n == name)
            return v;
    }
    return {};
}

enum class BodyResult { Done, NeedMore, Malformed };

// A chunked body from pos; on Done, *end is just after the last CRLF. chunkEnds gets each chunk's last byte.
BodyResult parseChunked(const QByteArray &b, qsizetype pos, qsizetype *end, std::vector<qsizetype> *chunkEnds,
                        std::uint64_t *bodyBytes)
{
    for (int guard = 0; guard < 1000000; ++guard) {
        const qsizetype lineEnd = b.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return b.size() - pos > 1024 ? BodyResult::Malformed : BodyResult::NeedMore;
        QByteArray sizeText = b.mid(pos, lineEnd - pos);
        const qsizetype semi = sizeText.indexOf(';');
        if (semi >= 0)
            sizeText.truncate(semi);
        sizeText = sizeText.trimmed();
        bool ok = false;
        const qint64 size = sizeText.size() <= 8 ? sizeText.toLongLong(&ok, 16) : -1;
        if (!ok || size < 0)
            return BodyResult::Malformed;
        pos = lineEnd + 2;
        if (size == 0) {
            // Trailers (if any) end with an empty line.
            if (b.size() - pos < 2)
                return BodyResult::NeedMore;
            if (b.mid(pos, 2) == "\r\n") {
                *end = pos + 2;
                return BodyResult::Done;
            }
            const qsizetype t = b.indexOf("\r\n\r\n", pos);
            if (t < 0)
                return BodyResult::NeedMore;
            *end = t + 4;
            return BodyResult::Done;
        }
        if (b.size() - pos < size + 2)
            return BodyResult::NeedMore;
        if (b.mid(pos + size, 2) != "\r\n")
            return BodyResult::Malformed;
        chunkEnds->push_back(pos + size - 1);
        *bodyBytes += std::uint64_t(size);
        pos += size + 2;
    }
    return BodyResult::Malformed;
}

bool isToken(const QByteArray &t)
{
    if (t.isEmpty() || t.size() > 32)
        return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '-' || c == '_'; });
}

void parseHttp1(const Connection &c, const TcpConversation &conv, std::vector<HttpExchange> &out)
{
    const QByteArray &req = c.toServer.bytes;
    const QByteArray &rsp = c.toClient.bytes;
    std::vector<std::size_t> mine;
    qsizetype pos = 0;
    for (int n = 0; n < 100000 && pos < req.size(); ++n) {
        Head head;
        bool malformed = false;
        if (!parseHead(req, pos, head, &malformed))
            break;
        const QList<QByteArray> parts = head.first.split(' ');
        if (parts.size() != 3 || !isToken(parts.at(0)) || !parts.at(2).startsWith("HTTP/1."))
            break;
        qsizetype end = head.end;
        const QByteArray cl = field(head, "content-length");
        if (!cl.isEmpty()) {
            bool ok = false;
            const qint64 len = cl.toLongLong(&ok);
            if (!ok || len < 0 || req.size() - end < len)
                break;
            end += len;
        } else if (field(head, "transfer-encoding").toLower().contains("chunked")) {
            std::vector<qsizetype> chunks;
            std::uint64_t bytes = 0;
            if (parseChunked(req, end, &end, &chunks, &bytes) != BodyResult::Done)
                break;
        }
        HttpExchange x;
        x.protocol = QString::fromLatin1(parts.at(2));
        x.conversation = c.conversation;
        x.clientPort = conv.clientPort;
        x.serverPort = conv.serverPort;
        x.indexOnConnection = n;
        x.method = QString::fromLatin1(parts.at(0));
        x.uri = QString::fromLatin1(parts.at(1));
        x.host = QString::fromLatin1(field(head, "host"));
        if (const Piece *p = c.toServer.pieceAt(std::uint64_t(pos)))
            x.requestSentNs = p->frameTimeNs;
        x.requestDoneNs = c.toServer.deliveredAt(std::uint64_t(end - 1));
        c.toServer.framesIn(std::uint64_t(pos), std::uint64_t(end), x.requestFrames);
        mine.push_back(out.size());
        out.push_back(std::move(x));
        pos = end;
    }

    // Responses, in order (HTTP/1.x has no other way to pair them).
    pos = 0;
    const bool closed = conv.serverState != TcpState::Established && conv.serverState != TcpState::SynReceived
                        && conv.serverState != TcpState::Closed;
    for (std::size_t i = 0; i < mine.size() && pos < rsp.size(); ++i) {
        HttpExchange &x = out[mine[i]];
        Head head;
        bool malformed = false;
        if (!parseHead(rsp, pos, head, &malformed))
            break;
        const QList<QByteArray> parts = head.first.split(' ');
        bool ok = false;
        const int status = parts.size() >= 2 && parts.at(0).startsWith("HTTP/1.") ? parts.at(1).toInt(&ok) : 0;
        if (!ok || status < 100 || status > 999)
            break;
        x.status = status;
        x.firstByteNs = c.toClient.deliveredAt(std::uint64_t(pos));
        if (const Piece *p = c.toClient.pieceAt(std::uint64_t(pos)))
            x.responseFirstFrame = p->frame;
        qsizetype end = head.end;
        const QByteArray cl = field(head, "content-length");
        const QByteArray te = field(head, "transfer-encoding");
        x.transferEncoding = QString::fromLatin1(te);
        bool done = true;
        if (x.method == QLatin1String("HEAD") || status < 200 || status == 204 || status == 304) {
            // no body
        } else if (te.toLower().contains("chunked")) {
            std::vector<qsizetype> chunks;
            const BodyResult r = parseChunked(rsp, end, &end, &chunks, &x.responseBytes);
            x.chunkCount = int(chunks.size());
            for (qsizetype ce : chunks)
                x.chunkTimesNs.push_back(c.toClient.deliveredAt(std::uint64_t(ce)));
            done = r == BodyResult::Done;
        } else if (!cl.isEmpty()) {
            const qint64 len = cl.toLongLong(&ok);
            if (!ok || len < 0)
                break;
            x.contentLength = len;
            if (rsp.size() - end < len) {
                x.responseBytes = std::uint64_t(rsp.size() - end);
                end = rsp.size();
                done = false;
            } else {
                x.responseBytes = std::uint64_t(len);
                end += len;
            }
        } else {
            // Body until the server closes (HTTP/1.0 style).
            x.responseBytes = std::uint64_t(rsp.size() - end);
            end = rsp.size();
            done = closed;
        }
        if (end > pos) {
            x.lastByteNs = c.toClient.deliveredAt(std::uint64_t(end - 1));
            if (const Piece *p = c.toClient.pieceAt(std::uint64_t(end - 1)))
                x.responseLastFrame = p->frame;
        }
        x.responseWireBytes = std::uint64_t(end - pos);
        x.complete = done;
        if (!done)
            break;
        pos = end;
    }
}

// ---------------------------------------------------------------- HTTP/2

constexpr char kPreface[] = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
constexpr qsizetype kPrefaceLength = 24;

struct InflaterDeleter
{
    void operator()(nghttp2_hd_inflater *p) const { nghttp2_hd_inflate_del(p); }
};
using Inflater = std::unique_ptr<nghttp2_hd_inflater, InflaterDeleter>;

// Decodes one header block; false when HPACK says it is malformed (the direction's table is then lost).
bool inflate(nghttp2_hd_inflater *inf, const QByteArray &block, std::vector<std::pair<QByteArray, QByteArray>> &out)
{
    auto *in = reinterpret_cast<const std::uint8_t *>(block.constData());
    std::size_t left = std::size_t(block.size());
    for (int guard = 0; guard < 100000; ++guard) {
        nghttp2_nv nv;
        int flags = 0;
        const ssize_t rv = nghttp2_hd_inflate_hd2(inf, &nv, &flags, in, left, 1);
        if (rv < 0)
            return false;
        in += rv;
        left -= std::size_t(rv);
        if (flags & NGHTTP2_HD_INFLATE_EMIT) {
            out.emplace_back(QByteArray(reinterpret_cast<const char *>(nv.name), qsizetype(nv.namelen)),
                             QByteArray(reinterpret_cast<const char *>(nv.value), qsizetype(nv.valuelen)));
            if (out.size() > 10000)
                return false; // a header flood
        }
        if (flags & NGHTTP2_HD_INFLATE_FINAL) {
            nghttp2_hd_inflate_end_headers(inf);
            return true;
        }
        if ((flags & NGHTTP2_HD_INFLATE_EMIT) == 0 && left == 0)
            return false;
    }
    return false;
}

struct H2Frame
{
    qsizetype start = 0;               // offset of the 9-byte header
    std::uint32_t length = 0;
    std::uint8_t type = 0, flags = 0;
    std::uint32_t streamId = 0;
};

// Walks the frames of one direction from pos; calls fn(frame, payload) for each complete frame.
template<typename Fn>
void forEachFrame(const QByteArray &b, qsizetype pos, Fn fn)
{
    for (int guard = 0; guard < 10000000; ++guard) {
        if (b.size() - pos < 9)
            return;
        const auto *p = reinterpret_cast<const std::uint8_t *>(b.constData() + pos);
        H2Frame f;
        f.start = pos;
        f.length = (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
        f.type = p[3];
        f.flags = p[4];
        f.streamId = ((std::uint32_t(p[5]) << 24) | (std::uint32_t(p[6]) << 16) | (std::uint32_t(p[7]) << 8) | p[8])
                     & 0x7fffffffu;
        if (b.size() - pos - 9 < qsizetype(f.length))
            return; // need more
        if (!fn(f, b.mid(pos + 9, f.length)))
            return;
        pos += 9 + qsizetype(f.length);
    }
}

// The header block fragment of a HEADERS frame (padding and priority removed); false if malformed.
bool headerFragment(const H2Frame &f, const QByteArray &payload, QByteArray *fragment)
{
    qsizetype from = 0, to = payload.size();
    if (f.flags & 0x08) { // PADDED
        if (payload.isEmpty())
            return false;
        const int pad = std::uint8_t(payload.at(0));
        from = 1;
        to -= pad;
    }
    if (f.type == 1 && (f.flags & 0x20)) // PRIORITY
        from += 5;
    if (to < from)
        return false;
    *fragment = payload.mid(from, to - from);
    return true;
}

void parseHttp2(const Connection &c, const TcpConversation &conv, std::vector<HttpExchange> &out)
{
    const Direction &up = c.toServer, &down = c.toClient;
    std::map<std::uint32_t, std::size_t> byStream;
    Inflater upInf, downInf;
    {
        nghttp2_hd_inflater *a = nullptr, *b = nullptr;
        if (nghttp2_hd_inflate_new(&a) != 0)
            return;
        upInf.reset(a);
        if (nghttp2_hd_inflate_new(&b) != 0)
            return;
        downInf.reset(b);
    }
    int n = 0;
    const std::size_t firstOfConnection = out.size();
    std::array<int, 10> types{};
    QByteArray block;
    std::uint32_t blockStream = 0;
    qsizetype blockStart = 0;
    bool blockEndStream = false;
    forEachFrame(up.bytes, kPrefaceLength, [&](const H2Frame &f, const QByteArray &payload) {
        if (f.type < types.size())
            ++types[f.type];
        if (f.type == 1 || f.type == 9) { // HEADERS, CONTINUATION
            QByteArray fragment;
            if (f.type == 1) {
                if (!headerFragment(f, payload, &fragment))
                    return false;
                block = fragment;
                blockStream = f.streamId;
                blockStart = f.start;
                blockEndStream = f.flags & 0x01;
            } else {
                if (f.streamId != blockStream)
                    return false;
                block += payload;
            }
            if (block.size() > 1024 * 1024)
                return false;
            if (!(f.flags & 0x04)) // END_HEADERS not yet
                return true;
            std::vector<std::pair<QByteArray, QByteArray>> fields;
            if (!inflate(upInf.get(), block, fields))
                return false;
            if (byStream.count(blockStream))
                return true; // trailers
            HttpExchange x;
            x.protocol = QStringLiteral("h2");
            x.conversation = c.conversation;
            x.clientPort = conv.clientPort;
            x.serverPort = conv.serverPort;
            x.streamId = blockStream;
            x.indexOnConnection = n++;
            x.requestHeaderBytesCompressed = int(block.size());
            for (const auto &[name, value] : fields) {
                x.requestHeaderBytesDecoded += int(name.size() + value.size() + 32);
                if (name == ":method")
                    x.method = QString::fromLatin1(value);
                else if (name == ":path")
                    x.uri = QString::fromLatin1(value);
                else if (name == ":authority" || (name == "host" && x.host.isEmpty()))
                    x.host = QString::fromLatin1(value);
            }
            if (const Piece *p = up.pieceAt(std::uint64_t(blockStart)))
                x.requestSentNs = p->frameTimeNs;
            const qsizetype end = f.start + 9 + qsizetype(f.length);
            up.framesIn(std::uint64_t(blockStart), std::uint64_t(end), x.requestFrames);
            if (blockEndStream)
                x.requestDoneNs = up.deliveredAt(std::uint64_t(end - 1));
            byStream[blockStream] = out.size();
            out.push_back(std::move(x));
            return true;
        }
        if (f.type == 0) { // DATA from the client (a request body)
            auto it = byStream.find(f.streamId);
            if (it != byStream.end()) {
                HttpExchange &x = out[it->second];
                const qsizetype end = f.start + 9 + qsizetype(f.length);
                up.framesIn(std::uint64_t(f.start), std::uint64_t(end), x.requestFrames);
                if (f.flags & 0x01)
                    x.requestDoneNs = up.deliveredAt(std::uint64_t(end - 1));
            }
        }
        return true;
    });

    block.clear();
    blockStream = 0;
    forEachFrame(down.bytes, 0, [&](const H2Frame &f, const QByteArray &payload) {
        if (f.type < types.size())
            ++types[f.type];
        auto it = byStream.find(f.streamId);
        HttpExchange *x = it == byStream.end() ? nullptr : &out[it->second];
        const qsizetype end = f.start + 9 + qsizetype(f.length);
        if (x && (f.type == 0 || f.type == 1 || f.type == 9)) {
            if (x->firstByteNs < 0) {
                x->firstByteNs = down.deliveredAt(std::uint64_t(f.start));
                if (const Piece *p = down.pieceAt(std::uint64_t(f.start)))
                    x->responseFirstFrame = p->frame;
            }
            x->responseWireBytes += 9 + f.length;
            if (f.flags & 0x01 && f.type != 9) { // END_STREAM
                x->complete = true;
                x->lastByteNs = down.deliveredAt(std::uint64_t(end - 1));
                if (const Piece *p = down.pieceAt(std::uint64_t(end - 1)))
                    x->responseLastFrame = p->frame;
            }
        }
        if (f.type == 0 && x) {
            qsizetype pad = 0;
            if (f.flags & 0x08)
                pad = payload.isEmpty() ? 0 : 1 + std::uint8_t(payload.at(0));
            x->responseBytes += std::uint64_t(std::max<qsizetype>(0, payload.size() - pad));
        }
        if (f.type == 1 || f.type == 9) {
            QByteArray fragment;
            if (f.type == 1) {
                if (!headerFragment(f, payload, &fragment))
                    return false;
                block = fragment;
                blockStream = f.streamId;
            } else {
                if (f.streamId != blockStream)
                    return false;
                block += payload;
            }
            if (block.size() > 1024 * 1024)
                return false;
            if (!(f.flags & 0x04))
                return true;
            std::vector<std::pair<QByteArray, QByteArray>> fields;
            if (!inflate(downInf.get(), block, fields))
                return false;
            auto bit = byStream.find(blockStream);
            if (bit != byStream.end()) {
                HttpExchange &y = out[bit->second];
                if (y.status == 0) {
                    y.responseHeaderBytesCompressed = int(block.size());
                    for (const auto &[name, value] : fields) {
                        if (name == ":status")
                            y.status = value.toInt();
                    }
                }
            }
        }
        if (f.type == 3 && x && !x->complete) { // RST_STREAM ends the stream
            x->lastByteNs = down.deliveredAt(std::uint64_t(end - 1));
        }
        return true;
    });
    for (std::size_t i = firstOfConnection; i < out.size(); ++i)
        out[i].connectionFrameTypes = types;
}

} // namespace

std::vector<HttpExchange> httpExchanges(const CaptureSession &session)
{
    const PacketStore &store = session.store();
    const TcpConversationTracker &tcp = session.tcp();
    const std::vector<TcpConversation> &convs = tcp.conversations();
    std::map<std::uint32_t, Connection> connections;
    for (std::size_t i = 0; i < store.size(); ++i) {
        const PacketView view = store.at(i);
        const TcpPacketAnalysis *a = tcp.analysis(view.number);
        if (!a)
            continue;
        const PacketSummary s = session.summary(i);
        if (s.payloadLength == 0 || s.payloadOffset < 0 || std::size_t(s.payloadOffset) >= view.bytes.size())
            continue;
        if (neverDelivered(store.comment(i)))
            continue;
        const std::size_t avail = std::min<std::size_t>(view.bytes.size() - std::size_t(s.payloadOffset), s.payloadLength);
        Connection &c = connections[a->conversation];
        c.conversation = a->conversation;
        Segment seg;
        seg.offset = a->relativeSeq;
        seg.data = QByteArray(reinterpret_cast<const char *>(view.bytes.data()) + s.payloadOffset, qsizetype(avail));
        seg.frame = view.number;
        seg.timeNs = view.timeNs;
        (a->fromClient ? c.toServer : c.toClient).segments.push_back(std::move(seg));
    }

    std::vector<HttpExchange> out;
    for (auto &[index, c] : connections) {
        if (index >= convs.size())
            continue;
        const TcpConversation &conv = convs[index];
        c.toServer.reassemble(conv.sawSyn);
        c.toClient.reassemble(conv.sawSynAck);
        if (c.toServer.bytes.startsWith(QByteArray(kPreface, kPrefaceLength)))
            parseHttp2(c, conv, out);
        else
            parseHttp1(c, conv, out);
    }

    std::stable_sort(out.begin(), out.end(), [](const HttpExchange &a, const HttpExchange &b) {
        return a.requestSentNs != b.requestSentNs ? a.requestSentNs < b.requestSentNs : a.conversation < b.conversation;
    });
    // Pipelining and head-of-line waits on each HTTP/1.x connection.
    std::map<std::uint32_t, int> previous;
    for (int i = 0; i < int(out.size()); ++i) {
        HttpExchange &x = out[std::size_t(i)];
        if (x.protocol == QLatin1String("h2"))
            continue;
        auto it = previous.find(x.conversation);
        if (it != previous.end()) {
            const HttpExchange &p = out[std::size_t(it->second)];
            if (x.requestSentNs >= 0 && (p.lastByteNs < 0 || p.lastByteNs > x.requestSentNs)) {
                x.pipelined = true;
                x.pipelinedBehind = it->second;
                x.waitedForPrevious = x.firstByteNs >= 0 && p.lastByteNs >= 0 && x.firstByteNs >= p.lastByteNs;
            }
        }
        previous[x.conversation] = i;
    }
    return out;
}

HttpRunFigures httpRunFigures(const CaptureSession &session, const std::vector<HttpExchange> &all,
                              std::int64_t fromNs, std::int64_t toNs, const QString &protocol)
{
    HttpRunFigures f;
    std::map<std::uint32_t, int> perConnection;
    for (const HttpExchange &x : all) {
        if (x.requestSentNs < fromNs || x.requestSentNs > toNs)
            continue;
        if (!protocol.isEmpty() && x.protocol != protocol)
            continue;
        ++f.exchanges;
        if (x.complete)
            ++f.completed;
        ++perConnection[x.conversation];
        if (f.firstRequestNs < 0 || x.requestSentNs < f.firstRequestNs)
            f.firstRequestNs = x.requestSentNs;
        f.lastByteNs = std::max(f.lastByteNs, x.lastByteNs);
    }
    const std::vector<TcpConversation> &convs = session.tcp().conversations();
    for (const auto &[conv, count] : perConnection) {
        ++f.connections;
        f.maxOnOneConnection = std::max(f.maxOnOneConnection, count);
        if (conv < convs.size() && convs[conv].sawSyn && convs[conv].synFrame > 0) {
            ++f.handshakes;
            const std::size_t index = convs[conv].synFrame - 1;
            if (index < session.store().size()) {
                const std::int64_t t = session.store().at(index).timeNs;
                if (t < f.firstRequestNs)
                    f.firstRequestNs = t;
            }
        }
    }
    return f;
}

} // namespace wirelab
