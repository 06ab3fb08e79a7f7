// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hand-built frames for the dissection tests: small builders that write real header bytes.

#include <cstdint>
#include <span>
#include <vector>

namespace pkt {

using Bytes = std::vector<std::uint8_t>;

inline void put16(Bytes &b, std::uint16_t v)
{
    b.push_back(std::uint8_t(v >> 8));
    b.push_back(std::uint8_t(v));
}
inline void put32(Bytes &b, std::uint32_t v)
{
    put16(b, std::uint16_t(v >> 16));
    put16(b, std::uint16_t(v));
}
inline void append(Bytes &b, const Bytes &x)
{
    b.insert(b.end(), x.begin(), x.end());
}
inline Bytes str(const char *s)
{
    Bytes b;
    while (*s)
        b.push_back(std::uint8_t(*s++));
    return b;
}

inline std::uint16_t checksum(const Bytes &b, std::size_t from, std::size_t len, std::uint32_t sum = 0)
{
    for (std::size_t i = 0; i + 1 < len; i += 2)
        sum += std::uint32_t(b[from + i] << 8 | b[from + i + 1]);
    if (len & 1)
        sum += std::uint32_t(b[from + len - 1] << 8);
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return std::uint16_t(~sum);
}

struct V4
{
    std::uint8_t a[4];
};
struct V6
{
    std::uint8_t a[16];
};
inline const V4 kA{{10, 0, 0, 1}};
inline const V4 kB{{10, 0, 0, 2}};
inline const V6 kA6{{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}};
inline const V6 kB6{{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}};

struct Ip4Opts
{
    std::uint16_t id = 1;
    std::uint8_t flags = 2;       // DF
    std::uint16_t fragOffset = 0; // in 8-byte units
    std::uint8_t ttl = 64;
    std::uint8_t tos = 0;
    Bytes options;
};

inline Bytes ipv4(const V4 &src, const V4 &dst, std::uint8_t proto, const Bytes &payload,
                  const Ip4Opts &o = {})
{
    Bytes b;
    const int ihl = 5 + int(o.options.size()) / 4;
    b.push_back(std::uint8_t(0x40 | ihl));
    b.push_back(o.tos);
    put16(b, std::uint16_t(ihl * 4 + payload.size()));
    put16(b, o.id);
    put16(b, std::uint16_t(o.flags << 13 | o.fragOffset));
    b.push_back(o.ttl);
    b.push_back(proto);
    put16(b, 0);
    b.insert(b.end(), src.a, src.a + 4);
    b.insert(b.end(), dst.a, dst.a + 4);
    append(b, o.options);
    const std::uint16_t ck = checksum(b, 0, b.size());
    b[10] = std::uint8_t(ck >> 8);
    b[11] = std::uint8_t(ck);
    append(b, payload);
    return b;
}

inline Bytes ipv6(const V6 &src, const V6 &dst, std::uint8_t nh, const Bytes &payload,
                  std::uint8_t tclass = 0, std::uint32_t flow = 0, std::uint8_t hlim = 64)
{
    Bytes b;
    put32(b, 0x60000000u | std::uint32_t(tclass) << 20 | (flow & 0xFFFFF));
    put16(b, std::uint16_t(payload.size()));
    b.push_back(nh);
    b.push_back(hlim);
    b.insert(b.end(), src.a, src.a + 16);
    b.insert(b.end(), dst.a, dst.a + 16);
    append(b, payload);
    return b;
}

enum : std::uint16_t
{
    FIN = 1,
    SYN = 2,
    RST = 4,
    PSH = 8,
    ACK = 16,
    URG = 32,
    ECE = 64,
    CWR = 128,
    AE = 256
};

inline Bytes tcp(std::uint16_t sp, std::uint16_t dp, std::uint32_t seq, std::uint32_t ack,
                 std::uint16_t flags, std::uint16_t win, const Bytes &options = {}, const Bytes &data = {},
                 std::uint16_t urg = 0)
{
    Bytes b;
    put16(b, sp);
    put16(b, dp);
    put32(b, seq);
    put32(b, ack);
    const int off = (20 + int(options.size())) / 4;
    b.push_back(std::uint8_t(off << 4 | (flags >> 8)));
    b.push_back(std::uint8_t(flags));
    put16(b, win);
    put16(b, 0x1234);
    put16(b, urg);
    append(b, options);
    append(b, data);
    return b;
}

inline Bytes udp(std::uint16_t sp, std::uint16_t dp, const Bytes &data)
{
    Bytes b;
    put16(b, sp);
    put16(b, dp);
    put16(b, std::uint16_t(8 + data.size()));
    put16(b, 0xabcd);
    append(b, data);
    return b;
}

inline Bytes icmpEcho(bool request, std::uint16_t id, std::uint16_t seq, const Bytes &data, bool v6 = false)
{
    Bytes b;
    b.push_back(v6 ? (request ? 128 : 129) : (request ? 8 : 0));
    b.push_back(0);
    put16(b, 0);
    put16(b, id);
    put16(b, seq);
    append(b, data);
    if (!v6) {
        const std::uint16_t ck = checksum(b, 0, b.size());
        b[2] = std::uint8_t(ck >> 8);
        b[3] = std::uint8_t(ck);
    }
    return b;
}

inline Bytes ethernet(const Bytes &payload, std::uint16_t type = 0x0800, std::uint8_t dstLast = 2,
                      std::uint8_t srcLast = 1)
{
    Bytes b{0x02, 0, 0, 0, 0, dstLast, 0x02, 0, 0, 0, 0, srcLast};
    put16(b, type);
    append(b, payload);
    return b;
}

inline Bytes vlan(const Bytes &payload, std::uint16_t tci, std::uint16_t innerType = 0x0800)
{
    Bytes b;
    put16(b, tci);
    put16(b, innerType);
    append(b, payload);
    return b;
}

inline Bytes arp(std::uint16_t op, const std::uint8_t *senderMac, const V4 &senderIp,
                 const std::uint8_t *targetMac, const V4 &targetIp)
{
    Bytes b;
    put16(b, 1);
    put16(b, 0x0800);
    b.push_back(6);
    b.push_back(4);
    put16(b, op);
    b.insert(b.end(), senderMac, senderMac + 6);
    b.insert(b.end(), senderIp.a, senderIp.a + 4);
    b.insert(b.end(), targetMac, targetMac + 6);
    b.insert(b.end(), targetIp.a, targetIp.a + 4);
    return b;
}

// Options
inline Bytes mss(std::uint16_t v)
{
    return {2, 4, std::uint8_t(v >> 8), std::uint8_t(v)};
}
inline Bytes wscale(std::uint8_t shift)
{
    return {1, 3, 3, shift};
} // NOP + WS
inline Bytes sackPerm()
{
    return {4, 2};
}
inline Bytes timestamps(std::uint32_t a, std::uint32_t b)
{
    Bytes o{1, 1, 8, 10};
    put32(o, a);
    put32(o, b);
    return o;
}
inline Bytes sack(std::initializer_list<std::pair<std::uint32_t, std::uint32_t>> blocks)
{
    Bytes o{1, 1, 5, std::uint8_t(2 + 8 * blocks.size())};
    for (auto [l, r] : blocks) {
        put32(o, l);
        put32(o, r);
    }
    return o;
}
inline Bytes cat(std::initializer_list<Bytes> parts)
{
    Bytes b;
    for (const Bytes &p : parts)
        append(b, p);
    return b;
}

inline std::span<const std::uint8_t> span(const Bytes &b)
{
    return {b.data(), b.size()};
}

} // namespace pkt
