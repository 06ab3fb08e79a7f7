// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hand-built Ethernet/IPv4/TCP and UDP frames for the shell's model tests: real header layouts with
// correct lengths and IPv4 checksums, so the dissector sees what the wire would carry.

#include "capture/livecapture.h"
#include "capturesession.h"
#include "dissect/dissect.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace wirelab::testing {

inline void put16(std::vector<std::uint8_t> &b, std::uint16_t v)
{
    b.push_back(std::uint8_t(v >> 8));
    b.push_back(std::uint8_t(v));
}

inline void put32(std::vector<std::uint8_t> &b, std::uint32_t v)
{
    put16(b, std::uint16_t(v >> 16));
    put16(b, std::uint16_t(v));
}

// Ethernet II + IPv4 header for a payload of transportLength bytes, 127.0.0.<srcHost> -> 127.0.0.<dstHost>.
inline std::vector<std::uint8_t> ethIpv4(std::uint8_t srcHost, std::uint8_t dstHost, std::uint8_t protocol,
                                         std::size_t transportLength)
{
    std::vector<std::uint8_t> b = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x00};
    const std::size_t ipStart = b.size();
    b.push_back(0x45);
    b.push_back(0);
    put16(b, std::uint16_t(20 + transportLength));
    put16(b, 0x1234);
    put16(b, 0x4000); // DF
    b.push_back(64);
    b.push_back(protocol);
    put16(b, 0); // checksum, below
    for (std::uint8_t host : {srcHost, dstHost}) {
        b.push_back(127);
        b.push_back(0);
        b.push_back(0);
        b.push_back(host);
    }
    std::uint32_t sum = 0;
    for (std::size_t i = ipStart; i < ipStart + 20; i += 2)
        sum += std::uint32_t(b[i] << 8 | b[i + 1]);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    b[ipStart + 10] = std::uint8_t(~sum >> 8);
    b[ipStart + 11] = std::uint8_t(~sum);
    return b;
}

// A TCP segment; a SYN carries MSS 65495, SACK permitted, timestamps and window scale 7 like Linux's.
inline std::vector<std::uint8_t> tcpFrame(std::uint8_t srcHost, std::uint16_t srcPort, std::uint8_t dstHost,
                                          std::uint16_t dstPort, std::uint32_t seq, std::uint32_t ack,
                                          std::uint16_t flags, const std::string &payload = {})
{
    std::vector<std::uint8_t> options;
    if (flags & TcpSyn)
        options = {2, 4, 0xff, 0xd7, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7};
    const std::size_t headerLength = 20 + options.size();
    std::vector<std::uint8_t> b = ethIpv4(srcHost, dstHost, 6, headerLength + payload.size());
    put16(b, srcPort);
    put16(b, dstPort);
    put32(b, seq);
    put32(b, ack);
    b.push_back(std::uint8_t((headerLength / 4) << 4));
    b.push_back(std::uint8_t(flags));
    put16(b, 65483);
    put16(b, 0); // checksum (offloaded on loopback captures too)
    put16(b, 0);
    b.insert(b.end(), options.begin(), options.end());
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

inline std::vector<std::uint8_t> udpFrame(std::uint8_t srcHost, std::uint16_t srcPort, std::uint8_t dstHost,
                                          std::uint16_t dstPort, const std::string &payload)
{
    std::vector<std::uint8_t> b = ethIpv4(srcHost, dstHost, 17, 8 + payload.size());
    put16(b, srcPort);
    put16(b, dstPort);
    put16(b, std::uint16_t(8 + payload.size()));
    put16(b, 0);
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

inline CapturedPacket packet(std::int64_t timeNs, std::vector<std::uint8_t> bytes)
{
    CapturedPacket p;
    p.timeNs = timeNs;
    p.originalLength = std::uint32_t(bytes.size());
    p.bytes = std::move(bytes);
    return p;
}

// A client (127.0.0.1:41000) talking to a server (127.0.0.2:8800): SYN, SYN-ACK, ACK, "ABC", its ACK,
// FIN/ACK, FIN/ACK, ACK; one packet per millisecond from t0.
inline std::vector<CapturedPacket> handshakeAndData(std::int64_t t0)
{
    constexpr std::uint32_t c = 1000, s = 5000;
    std::vector<CapturedPacket> out;
    std::int64_t t = t0;
    auto add = [&](std::vector<std::uint8_t> bytes) {
        out.push_back(packet(t, std::move(bytes)));
        t += 1'000'000;
    };
    add(tcpFrame(1, 41000, 2, 8800, c, 0, TcpSyn));
    add(tcpFrame(2, 8800, 1, 41000, s, c + 1, TcpSyn | TcpAck));
    add(tcpFrame(1, 41000, 2, 8800, c + 1, s + 1, TcpAck));
    add(tcpFrame(1, 41000, 2, 8800, c + 1, s + 1, TcpPsh | TcpAck, "ABC"));
    add(tcpFrame(2, 8800, 1, 41000, s + 1, c + 4, TcpAck));
    add(tcpFrame(1, 41000, 2, 8800, c + 4, s + 1, TcpFin | TcpAck));
    add(tcpFrame(2, 8800, 1, 41000, s + 1, c + 5, TcpFin | TcpAck));
    add(tcpFrame(1, 41000, 2, 8800, c + 5, s + 2, TcpAck));
    return out;
}

} // namespace wirelab::testing
