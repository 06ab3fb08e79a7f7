// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hand-built raw IP packets (what a TUN device gives) for the packet filter and wire tests.

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace wirelab::testpackets {

using Bytes = std::vector<std::uint8_t>;
using V4 = std::array<std::uint8_t, 4>;
using V6 = std::array<std::uint8_t, 16>;

inline constexpr V4 kClient4{198, 18, 0, 1};
inline constexpr V4 kServer4{198, 18, 0, 2};
inline constexpr V4 kOther4{198, 18, 0, 3};
inline constexpr V6 kClient6{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
inline constexpr V6 kServer6{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};

enum : std::uint8_t
{
    Fin = 0x01,
    Syn = 0x02,
    Rst = 0x04,
    Psh = 0x08,
    Ack = 0x10,
    Urg = 0x20
};

inline void put16(Bytes &b, std::size_t at, std::uint16_t v)
{
    b[at] = std::uint8_t(v >> 8);
    b[at + 1] = std::uint8_t(v);
}
inline void put32(Bytes &b, std::size_t at, std::uint32_t v)
{
    put16(b, at, std::uint16_t(v >> 16));
    put16(b, at + 2, std::uint16_t(v));
}

inline std::uint16_t ipv4Checksum(const Bytes &b)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < 20; i += 2)
        sum += std::uint32_t(b[i] << 8 | b[i + 1]);
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return std::uint16_t(~sum);
}

inline Bytes transportTcp(std::uint16_t sport, std::uint16_t dport, std::uint8_t flags, std::uint32_t seq,
                          std::uint32_t ack, std::size_t payload, std::uint16_t window = 65535)
{
    Bytes t(20 + payload, 0);
    put16(t, 0, sport);
    put16(t, 2, dport);
    put32(t, 4, seq);
    put32(t, 8, ack);
    t[12] = 5 << 4;
    t[13] = flags;
    put16(t, 14, window);
    for (std::size_t i = 0; i < payload; ++i)
        t[20 + i] = std::uint8_t('a' + i % 26);
    return t;
}

inline Bytes transportUdp(std::uint16_t sport, std::uint16_t dport, std::size_t payload)
{
    Bytes t(8 + payload, 0);
    put16(t, 0, sport);
    put16(t, 2, dport);
    put16(t, 4, std::uint16_t(8 + payload));
    for (std::size_t i = 0; i < payload; ++i)
        t[8 + i] = std::uint8_t(i);
    return t;
}

inline Bytes ipv4(V4 src, V4 dst, std::uint8_t proto, const Bytes &transport, std::uint8_t ttl = 64)
{
    Bytes b(20 + transport.size(), 0);
    b[0] = 0x45;
    put16(b, 2, std::uint16_t(20 + transport.size()));
    put16(b, 4, 0x1234);
    b[6] = 0x40; // DF
    b[8] = ttl;
    b[9] = proto;
    std::memcpy(&b[12], src.data(), 4);
    std::memcpy(&b[16], dst.data(), 4);
    put16(b, 10, ipv4Checksum(b));
    std::copy(transport.begin(), transport.end(), b.begin() + 20);
    return b;
}

inline Bytes ipv6(V6 src, V6 dst, std::uint8_t next, const Bytes &transport, std::uint8_t hops = 64)
{
    Bytes b(40 + transport.size(), 0);
    b[0] = 0x60;
    put16(b, 4, std::uint16_t(transport.size()));
    b[6] = next;
    b[7] = hops;
    std::memcpy(&b[8], src.data(), 16);
    std::memcpy(&b[24], dst.data(), 16);
    std::copy(transport.begin(), transport.end(), b.begin() + 40);
    return b;
}

inline Bytes tcp4(V4 src, V4 dst, std::uint16_t sport, std::uint16_t dport, std::uint8_t flags,
                  std::size_t payload = 0, std::uint32_t seq = 1000, std::uint32_t ack = 0)
{
    return ipv4(src, dst, 6, transportTcp(sport, dport, flags, seq, ack, payload));
}
inline Bytes udp4(V4 src, V4 dst, std::uint16_t sport, std::uint16_t dport, std::size_t payload)
{
    return ipv4(src, dst, 17, transportUdp(sport, dport, payload));
}
inline Bytes tcp6(V6 src, V6 dst, std::uint16_t sport, std::uint16_t dport, std::uint8_t flags,
                  std::size_t payload = 0)
{
    return ipv6(src, dst, 6, transportTcp(sport, dport, flags, 1000, 0, payload));
}
inline Bytes udp6(V6 src, V6 dst, std::uint16_t sport, std::uint16_t dport, std::size_t payload)
{
    return ipv6(src, dst, 17, transportUdp(sport, dport, payload));
}
inline Bytes icmpEcho4(V4 src, V4 dst)
{
    Bytes t(8, 0);
    t[0] = 8; // echo request
    put16(t, 4, 7);
    put16(t, 6, 1);
    return ipv4(src, dst, 1, t);
}

} // namespace wirelab::testpackets
