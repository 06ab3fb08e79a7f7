// SPDX-License-Identifier: GPL-3.0-or-later
// `wirelab-cli summary <capture>`: one line per packet, laid out like tshark's default output
//     1   0.000000    127.0.0.1 → 127.0.0.1    TCP 74 41234 → 8800 [SYN] Seq=0 ...
// This is the fast path the benchmark measures: packets come straight from libpcap (no store), each is
// dissected with dissectSummary() and fed to the TCP tracker, and the line is formatted into a big
// buffer with std::to_chars; no QString and no iostream per packet.

#include "clicommands.h"
#include "outputbuffer.h"

#include "capture/capturereader.h"
#include "dissect/dissect.h"
#include "dissect/tcptracker.h"

#include <QCoreApplication>

#include <arpa/inet.h>

#include <charconv>
#include <cstdio>

namespace wirelab::cli {

namespace {

// Writes addr as text into buf (at least 64 bytes); returns the length.
std::size_t formatAddress(const NetAddress &addr, char *buf)
{
    switch (addr.family) {
    case NetAddress::Family::IPv4: {
        char *p = buf;
        for (int i = 0; i < 4; ++i) {
            if (i)
                *p++ = '.';
            p = std::to_chars(p, buf + 64, unsigned(addr.bytes[std::size_t(i)])).ptr;
        }
        return std::size_t(p - buf);
    }
    case NetAddress::Family::IPv6:
        // RFC 5952 text (zero compression and all) is inet_ntop's job; IPv6 is the rare case here.
        if (inet_ntop(AF_INET6, addr.bytes.data(), buf, 64))
            return std::strlen(buf);
        return 0;
    case NetAddress::Family::Mac: {
        static const char hex[] = "0123456789abcdef";
        char *p = buf;
        for (int i = 0; i < 6; ++i) {
            if (i)
                *p++ = ':';
            *p++ = hex[addr.bytes[std::size_t(i)] >> 4];
            *p++ = hex[addr.bytes[std::size_t(i)] & 0xF];
        }
        return std::size_t(p - buf);
    }
    case NetAddress::Family::None:
        break;
    }
    return 0;
}

// Relative time as tshark prints it: seconds with `digits` decimals, right-aligned in 10 columns.
void appendTime(OutputBuffer &out, std::int64_t relativeNs, int digits)
{
    char buf[48];
    char *p = buf;
    std::uint64_t magnitude;
    if (relativeNs < 0) {
        *p++ = '-';
        magnitude = std::uint64_t(-(relativeNs + 1)) + 1;
    } else {
        magnitude = std::uint64_t(relativeNs);
    }
    p = std::to_chars(p, buf + sizeof buf, magnitude / 1000000000u).ptr;
    if (digits > 0) {
        *p++ = '.';
        std::uint64_t fraction = magnitude % 1000000000u;
        for (int i = digits; i < 9; ++i)
            fraction /= 10;
        char digitsBuf[9];
        for (int i = digits - 1; i >= 0; --i) {
            digitsBuf[i] = char('0' + fraction % 10);
            fraction /= 10;
        }
        std::memcpy(p, digitsBuf, std::size_t(digits));
        p += digits;
    }
    out.alignRight({buf, std::size_t(p - buf)}, 10);
}

} // namespace

int summaryCommand(const QStringList &args)
{
    if (args.size() != 1) {
        printError(QCoreApplication::translate(
            "Cli", "summary takes one capture file: run `wirelab-cli summary capture.pcapng`."));
        return ExitUsage;
    }
    CaptureFileReader reader;
    if (!reader.open(args.first())) {
        printError(reader.info().error);
        return ExitUsage;
    }
    const LinkType link = reader.info().linkType;
    const int digits = reader.timeDigits();
    OutputBuffer out(stdout);
    TcpConversationTracker tracker;
    CaptureRecord record;
    PacketSummary summary;
    std::int64_t originNs = 0;
    std::uint32_t number = 0;
    char address[64];
    std::string unknownInfo;
    static constexpr std::string_view arrow = " \xE2\x86\x92 "; // " → " as tshark prints it
    while (reader.next(record)) {
        ++number;
        if (number == 1)
            originNs = record.timeNs;
        summary = PacketSummary{};
        const bool decoded = dissectSummary(link, record.bytes, summary);

        char numberBuf[16];
        const auto numberEnd = std::to_chars(numberBuf, numberBuf + sizeof numberBuf, number).ptr;
        out.alignRight({numberBuf, std::size_t(numberEnd - numberBuf)}, 5);
        out.append(' ');
        appendTime(out, saturatingDifference(record.timeNs, originNs), digits);
        out.append(' ');
        out.alignRight({address, formatAddress(summary.src, address)}, 12);
        out.append(arrow);
        out.alignLeft({address, formatAddress(summary.dst, address)}, 12);
        out.append(' ');
        if (!decoded) {
            out.append(std::string_view(linkTypeName(link)));
            out.append(' ');
            out.number(record.originalLength);
            out.append(' ');
            out.append(std::string_view("Not dissected"));
            out.append('\n');
            continue;
        }
        out.append(std::string_view(protocolName(summary.protocol)));
        out.append(' ');
        out.number(record.originalLength);
        out.append(' ');
        const TcpPacketAnalysis *analysis = nullptr;
        if (summary.protocol == Protocol::Tcp) {
            tracker.add(number, record.timeNs, summary);
            analysis = tracker.analysis(number);
        }
        out.append(summaryInfo(summary, analysis));
        out.append('\n');
        if (!out.ok())
            break; // the reader went away (`| head`): stop quietly, as tshark does
    }
    out.flush();
    if (!reader.info().error.isEmpty()) {
        printError(reader.info().error);
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace wirelab::cli
