// SPDX-License-Identifier: GPL-3.0-or-later
// The one walk over a frame's bytes: link layer, VLAN tags, ARP / IPv4 / IPv6 (with extension headers),
// ICMP / ICMPv6 / TCP (with options) / UDP. Every read is checked against the captured length and, above
// the IP layer, against the end the IP header claims. No allocation.
#include "dissect_p.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>

namespace wirelab::detail {

namespace {

struct Walker
{
    const std::uint8_t *d;
    int n;
    PacketSummary &s;
    Layout &l;

#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    void
    malformed(LayerId layer, int offset, const char *fmt, ...)
    {
        s.malformed = true;
        if (l.malformedLayer != LayerId::None)
            return; // the first problem is the one reported
        l.malformedLayer = layer;
        l.malformedVlanIndex = l.vlanCount;
        l.malformedOffset = std::clamp(offset, 0, n);
        va_list ap;
        va_start(ap, fmt);
        std::vsnprintf(l.malformedText, sizeof l.malformedText, fmt, ap);
        va_end(ap);
    }

    void setIpv4(NetAddress &a, int off)
    {
        a = NetAddress{};
        a.family = NetAddress::Family::IPv4;
        std::memcpy(a.bytes.data(), d + off, 4);
    }
    void setIpv6(NetAddress &a, int off)
    {
        a = NetAddress{};
        a.family = NetAddress::Family::IPv6;
        std::memcpy(a.bytes.data(), d + off, 16);
    }
    void setMac(NetAddress &a, int off)
    {
        a = NetAddress{};
        a.family = NetAddress::Family::Mac;
        std::memcpy(a.bytes.data(), d + off, 6);
    }

    bool link(LinkType type);
    void ethernetPayload(int off);
    void network(int off);
    void arp(int off);
    void ipv4(int off);
    void ipv6(int off);
    void transport(std::uint8_t proto, int off, int capEnd, std::int64_t reportedLength);
    void tcp(int off, int capEnd, std::int64_t reportedLength);
    void tcpOptions(int off, int end);
    void udp(int off, int capEnd, std::int64_t reportedLength);
    void icmp(bool v6, int off, int capEnd, std::int64_t reportedLength);
};

bool Walker::link(LinkType type)
{
    switch (type) {
    case LinkType::Ethernet:
        l.link = LinkKind::Ethernet;
        s.protocol = Protocol::Ethernet;
        if (n < 14) {
            malformed(LayerId::Link, 0, "Ethernet header truncated: 14 bytes needed, %d available", n);
            return n > 0;
        }
        l.linkLength = 14;
        setMac(s.dst, 0);
        setMac(s.src, 6);
        s.headerBytes = 14;
        ethernetPayload(12);
        return true;
    case LinkType::Null:
    case LinkType::Loop: {
        l.link = type == LinkType::Null ? LinkKind::Null : LinkKind::Loop;
        s.protocol = Protocol::Loopback;
        if (n < 4) {
            malformed(LayerId::Link, 0, "Loopback header truncated: 4 bytes needed, %d available", n);
            return n > 0;
        }
        l.linkLength = 4;
        s.headerBytes = 4;
        std::uint32_t family = be32(d);
        if (type == LinkType::Null) {
            // Host byte order of the machine that wrote the file: a family never needs the upper 16 bits.
            family = le32(d);
            if (family & 0xFFFF0000u)
                family = be32(d);
        }
        l.nullFamily = family;
        if (family == 2)
            l.etherType = 0x0800;
        else if (family == 24 || family == 28 || family == 30)
            l.etherType = 0x86DD;
        network(4);
        return true;
    }
    case LinkType::Raw:
        l.link = LinkKind::Raw;
        if (n < 1) {
            malformed(LayerId::Net, 0, "Raw IP packet is empty");
            return false;
        }
        if ((d[0] >> 4) == 4)
            l.etherType = 0x0800;
        else if ((d[0] >> 4) == 6)
            l.etherType = 0x86DD;
        network(0);
        return true;
    case LinkType::Ipv4:
        l.link = LinkKind::Raw;
        l.etherType = 0x0800;
        network(0);
        return n > 0;
    case LinkType::Ipv6:
        l.link = LinkKind::Raw;
        l.etherType = 0x86DD;
        network(0);
        return n > 0;
    case LinkType::LinuxSll:
        l.link = LinkKind::Sll;
        s.protocol = Protocol::LinuxSll;
        if (n < 16) {
            malformed(LayerId::Link, 0, "Linux cooked header truncated: 16 bytes needed, %d available", n);
            return n > 0;
        }
        l.linkLength = 16;
        s.headerBytes = 16;
        if (be16(d + 4) == 6)
            setMac(s.src, 6);
        l.etherType = be16(d + 14);
        network(16);
        return true;
    case LinkType::LinuxSll2:
        l.link = LinkKind::Sll2;
        s.protocol = Protocol::LinuxSll;
        if (n < 20) {
            malformed(LayerId::Link, 0, "Linux cooked v2 header truncated: 20 bytes needed, %d available", n);
            return n > 0;
        }
        l.linkLength = 20;
        s.headerBytes = 20;
        if (d[11] == 6)
            setMac(s.src, 12);
        l.etherType = be16(d);
        network(20);
        return true;
    }
    return false;
}

// off points at the Ethernet type field; walks VLAN tags.
void Walker::ethernetPayload(int off)
{
    std::uint16_t type = be16(d + off);
    int next = off + 2;
    while (type == 0x8100 || type == 0x88A8 || type == 0x9100) {
        if (l.vlanCount == kMaxVlan) {
            type = 0; // too deep: leave the rest undecoded
            break;
        }
        if (n - next < 4) {
            l.vlan[l.vlanCount] = {std::uint16_t(next), type};
            malformed(LayerId::Vlan, next, "802.1Q tag truncated: 4 bytes needed, %d available", n - next);
            l.vlanCount++;
            return;
        }
        l.vlan[l.vlanCount++] = {std::uint16_t(next), type};
        type = be16(d + next + 2);
        next += 4;
        s.headerBytes = next;
    }
    l.etherType = type;
    network(next);
}

void Walker::network(int off)
{
    switch (l.etherType) {
    case 0x0800:
        ipv4(off);
        break;
    case 0x86DD:
        ipv6(off);
        break;
    case 0x0806:
        arp(off);
        break;
    default:
        l.net = NetKind::Other;
        l.netOffset = off;
        break;
    }
}

void Walker::arp(int off)
{
    l.net = NetKind::Arp;
    l.netOffset = off;
    s.protocol = Protocol::Arp;
    const int avail = n - off;
    if (avail < 8) {
        malformed(LayerId::Net, off, "ARP header truncated: 8 bytes needed, %d available", avail);
        return;
    }
    const int hln = d[off + 4], pln = d[off + 5];
    const int len = 8 + 2 * (hln + pln);
    if (len > avail) {
        malformed(LayerId::Net, off, "ARP packet claims %d bytes, %d available", len, avail);
        return;
    }
    l.netHeaderLength = len;
    l.netEnd = off + len;
    s.headerBytes = off + len;
    s.arpOpcode = be16(d + off + 6);
    if (be16(d + off) == 1 && be16(d + off + 2) == 0x0800 && hln == 6 && pln == 4) {
        s.arpEthIpv4 = true;
        std::memcpy(s.arpSenderMac.data(), d + off + 8, 6);
        std::memcpy(s.arpSenderIp.data(), d + off + 14, 4);
        std::memcpy(s.arpTargetMac.data(), d + off + 18, 6);
        std::memcpy(s.arpTargetIp.data(), d + off + 24, 4);
    }
}

void Walker::ipv4(int off)
{
    l.net = NetKind::IPv4;
    l.netOffset = off;
    s.protocol = Protocol::IPv4;
    const int avail = n - off;
    if (avail < 20) {
        malformed(LayerId::Net, off, "IPv4 header truncated: 20 bytes needed, %d available", avail);
        return;
    }
    const std::uint8_t *p = d + off;
    if ((p[0] >> 4) != 4) {
        malformed(LayerId::Net, off, "Bogus IP version (%u, expected 4)", unsigned(p[0] >> 4));
        return;
    }
    const int ihl = (p[0] & 0x0F) * 4;
    s.ipProtocol = p[9];
    s.ipTtl = p[8];
    s.ipId = be16(p + 4);
    const std::uint16_t fragField = be16(p + 6);
    s.ipMoreFragments = fragField & 0x2000;
    s.ipFragmentOffset = std::uint32_t(fragField & 0x1FFF) * 8;
    setIpv4(s.src, off + 12);
    setIpv4(s.dst, off + 16);
    if (ihl < 20) {
        malformed(LayerId::Net, off, "Bogus IPv4 header length (%d bytes, must be at least 20)", ihl);
        return;
    }
    if (ihl > avail) {
        malformed(LayerId::Net, off, "IPv4 header claims %d bytes, %d available", ihl, avail);
        return;
    }
    int total = be16(p + 2);
    if (total == 0)
        total = avail; // TSO: the NIC fills it in later; use what was captured
    if (total < ihl) {
        malformed(LayerId::Net, off, "Bogus IPv4 total length (%d, less than the header length %d)", total,
                  ihl);
        return;
    }
    l.netHeaderLength = ihl;
    l.netEnd = std::min(off + total, n);
    s.headerBytes = off + ihl;

    // Options: listed, not interpreted.
    for (int q = off + 20; q < off + ihl && l.ipOptCount < kMaxIpOpts;) {
        const std::uint8_t type = d[q];
        if (type == 0 || type == 1) {
            l.ipOpt[l.ipOptCount++] = {type, 1, std::uint16_t(q)};
            ++q;
            if (type == 0)
                break;
            continue;
        }
        if (q + 1 >= off + ihl || d[q + 1] < 2 || q + d[q + 1] > off + ihl) {
            l.ipOptMalformed = true;
            break;
        }
        l.ipOpt[l.ipOptCount++] = {type, d[q + 1], std::uint16_t(q)};
        q += d[q + 1];
    }

    if (s.ipFragmentOffset != 0) {
        l.nonFirstFragment = true;
        s.ipNonFirstFragment = true;
        s.payloadOffset = off + ihl;
        s.payloadLength = std::uint32_t(total - ihl);
        return;
    }
    transport(p[9], off + ihl, l.netEnd, std::int64_t(total) - ihl);
}

void Walker::ipv6(int off)
{
    l.net = NetKind::IPv6;
    l.netOffset = off;
    s.protocol = Protocol::IPv6;
    const int avail = n - off;
    if (avail < 40) {
        malformed(LayerId::Net, off, "IPv6 header truncated: 40 bytes needed, %d available", avail);
        return;
    }
    const std::uint8_t *p = d + off;
    if ((p[0] >> 4) != 6) {
        malformed(LayerId::Net, off, "Bogus IP version (%u, expected 6)", unsigned(p[0] >> 4));
        return;
    }
    const int plen = be16(p + 4);
    std::int64_t reportedEnd = plen ? std::int64_t(off) + 40 + plen : n; // 0: jumbogram, use what we have
    const int capEnd = int(std::min<std::int64_t>(reportedEnd, n));
    s.ipTtl = p[7];
    setIpv6(s.src, off + 8);
    setIpv6(s.dst, off + 24);
    l.netEnd = capEnd;
    std::uint8_t nh = p[6];
    int cur = off + 40;
    s.ipProtocol = nh;
    s.headerBytes = cur;
    l.netHeaderLength = 40;
    while (nh == 0 || nh == 43 || nh == 44 || nh == 60 || nh == 51) {
        const char *name = ipv6ExtName(nh);
        if (l.ipv6ExtCount == kMaxIpv6Ext) {
            malformed(LayerId::Net, cur, "Too many IPv6 extension headers (more than %d)", kMaxIpv6Ext);
            return;
        }
        const int left = capEnd - cur;
        const int need = nh == 44 ? 8 : 2;
        if (left < need) {
            malformed(LayerId::Net, cur, "%s truncated: %d bytes needed, %d available", name, need, left);
            return;
        }
        const int len = nh == 44 ? 8 : nh == 51 ? (d[cur + 1] + 2) * 4 : (d[cur + 1] + 1) * 8;
        if (len > left) {
            malformed(LayerId::Net, cur, "%s claims %d bytes, %d available", name, len, left);
            return;
        }
        l.ipv6Ext[l.ipv6ExtCount++] = {nh, std::uint16_t(cur), std::uint16_t(len)};
        if (nh == 44) {
            const std::uint16_t fo = be16(d + cur + 2);
            s.ipFragmentOffset = fo & 0xFFF8;
            s.ipMoreFragments = fo & 1;
            s.ipId = be32(d + cur + 4);
            if (s.ipFragmentOffset)
                l.nonFirstFragment = true;
        }
        nh = d[cur];
        cur += len;
        s.ipProtocol = nh;
        s.headerBytes = cur;
        l.netHeaderLength = cur - off;
    }
    if (l.nonFirstFragment) {
        s.ipNonFirstFragment = true;
        s.payloadOffset = cur;
        s.payloadLength = std::uint32_t(std::max<std::int64_t>(0, reportedEnd - cur));
        return;
    }
    transport(nh, cur, capEnd, reportedEnd - cur);
}

void Walker::transport(std::uint8_t proto, int off, int capEnd, std::int64_t reportedLength)
{
    switch (proto) {
    case 6:
        tcp(off, capEnd, reportedLength);
        break;
    case 17:
        udp(off, capEnd, reportedLength);
        break;
    case 1:
        if (l.net == NetKind::IPv4)
            icmp(false, off, capEnd, reportedLength);
        else
            l.transport = TransportKind::Other;
        break;
    case 58:
        if (l.net == NetKind::IPv6)
            icmp(true, off, capEnd, reportedLength);
        else
            l.transport = TransportKind::Other;
        break;
    default:
        l.transport = TransportKind::Other;
        l.transportOffset = off;
        s.payloadOffset = off;
        s.payloadLength = std::uint32_t(std::max<std::int64_t>(0, reportedLength));
        break;
    }
}

void Walker::tcp(int off, int capEnd, std::int64_t reportedLength)
{
    l.transport = TransportKind::Tcp;
    l.transportOffset = off;
    s.protocol = Protocol::Tcp;
    s.transportOffset = off;
    const int avail = capEnd - off;
    const std::uint8_t *p = d + off;
    if (avail >= 4) {
        s.srcPort = be16(p);
        s.dstPort = be16(p + 2);
        s.hasPorts = true;
    }
    if (avail < 20) {
        malformed(LayerId::Transport, off, "TCP header truncated: 20 bytes needed, %d available", avail);
        return;
    }
    s.tcpSeq = be32(p + 4);
    s.tcpAck = be32(p + 8);
    s.tcpFlags = std::uint16_t(be16(p + 12) & 0x01FF);
    s.tcpWindow = be16(p + 14);
    s.tcpUrgent = be16(p + 18);
    const int hl = (p[12] >> 4) * 4;
    s.tcpHeaderLength = hl;
    if (hl < 20) {
        malformed(LayerId::Transport, off + 12, "Bogus TCP header length (%d bytes, must be at least 20)",
                  hl);
        return;
    }
    if (hl > avail) {
        malformed(LayerId::Transport, off + 12, "TCP header claims %d bytes, %d available", hl, avail);
        return;
    }
    l.transportHeaderLength = hl;
    s.headerBytes = off + hl;
    s.payloadOffset = off + hl;
    s.payloadLength = std::uint32_t(std::max<std::int64_t>(0, reportedLength - hl));
    tcpOptions(off + 20, off + hl);
}

void Walker::tcpOptions(int p, int end)
{
    auto order = [this](std::uint8_t kind) {
        if (s.tcpOptOrderCount < s.tcpOptOrder.size())
            s.tcpOptOrder[s.tcpOptOrderCount++] = kind;
    };
    while (p < end && l.tcpOptCount < kMaxTcpOpts) {
        const std::uint8_t kind = d[p];
        TcpOpt &o = l.tcpOpt[l.tcpOptCount++];
        o = {kind, 1, std::uint16_t(p), TcpOptStatus::Ok};
        if (kind == 0 || kind == 1) {
            ++p;
            continue;
        }
        const char *name = tcpOptionName(kind);
        if (p + 1 >= end) {
            o.status = TcpOptStatus::NoLengthByte;
            o.len = 0;
            malformed(LayerId::Transport, p, "TCP option %s has no length byte", name);
            return;
        }
        const int len = d[p + 1];
        o.len = std::uint8_t(len);
        if (len < 2) {
            // Not a lack of bytes: tshark reports it as an expert warning and stops reading options.
            o.status = TcpOptStatus::TooShort;
            return;
        }
        if (p + len > end) {
            o.status = TcpOptStatus::Overrun;
            malformed(LayerId::Transport, p, "TCP option %s claims %d bytes, %d left in the header", name,
                      len, end - p);
            return;
        }
        bool lengthOk = true;
        switch (kind) {
        case 2:
            lengthOk = len == 4;
            if (lengthOk) {
                s.tcpMss = be16(d + p + 2);
                order(kind);
            }
            break;
        case 3:
            lengthOk = len == 3;
            if (lengthOk) {
                s.tcpWindowScale = d[p + 2];
                order(kind);
            }
            break;
        case 4:
            lengthOk = len == 2;
            if (lengthOk) {
                s.tcpSackPermitted = true;
                order(kind);
            }
            break;
        case 5:
            lengthOk = len >= 10 && (len - 2) % 8 == 0;
            if (lengthOk) {
                for (int q = p + 2; q + 8 <= p + len && s.tcpSackCount < 4; q += 8) {
                    s.tcpSack[s.tcpSackCount * 2] = be32(d + q);
                    s.tcpSack[s.tcpSackCount * 2 + 1] = be32(d + q + 4);
                    s.tcpSackCount++;
                }
                order(kind);
            }
            break;
        case 8:
            lengthOk = len == 10;
            if (lengthOk) {
                s.tcpHasTimestamps = true;
                s.tcpTsVal = be32(d + p + 2);
                s.tcpTsEcr = be32(d + p + 6);
                order(kind);
            }
            break;
        default:
            break;
        }
        if (!lengthOk)
            o.status = TcpOptStatus::BadLength; // an expert warning in tshark, not a malformed packet
        p += len;
    }
}

void Walker::udp(int off, int capEnd, std::int64_t reportedLength)
{
    l.transport = TransportKind::Udp;
    l.transportOffset = off;
    s.protocol = Protocol::Udp;
    s.transportOffset = off;
    const int avail = capEnd - off;
    if (avail >= 4) {
        s.srcPort = be16(d + off);
        s.dstPort = be16(d + off + 2);
        s.hasPorts = true;
    }
    if (avail < 8) {
        malformed(LayerId::Transport, off, "UDP header truncated: 8 bytes needed, %d available", avail);
        return;
    }
    const int ulen = be16(d + off + 4);
    s.udpLength = std::uint16_t(ulen);
    l.transportHeaderLength = 8;
    s.headerBytes = off + 8;
    s.payloadOffset = off + 8;
    if (ulen < 8) {
        // A zero length is legal for jumbograms; otherwise the header is bogus.
        if (ulen == 0 && l.net == NetKind::IPv6) {
            s.payloadLength = std::uint32_t(std::max<std::int64_t>(0, reportedLength - 8));
            return;
        }
        malformed(LayerId::Transport, off + 4, "Bogus UDP length (%d, must be at least 8)", ulen);
        s.payloadLength = 0;
        return;
    }
    if (ulen > reportedLength) {
        malformed(LayerId::Transport, off + 4, "UDP length %d exceeds the IP payload length %lld", ulen,
                  static_cast<long long>(reportedLength));
        s.payloadLength = std::uint32_t(std::max<std::int64_t>(0, reportedLength - 8));
        return;
    }
    s.payloadLength = std::uint32_t(ulen - 8);
}

void Walker::icmp(bool v6, int off, int capEnd, std::int64_t reportedLength)
{
    l.transport = v6 ? TransportKind::Icmpv6 : TransportKind::Icmp;
    l.transportOffset = off;
    s.protocol = v6 ? Protocol::Icmpv6 : Protocol::Icmp;
    s.transportOffset = off;
    const char *name = v6 ? "ICMPv6" : "ICMP";
    const int avail = capEnd - off;
    if (avail < 4) {
        malformed(LayerId::Transport, off, "%s header truncated: 4 bytes needed, %d available", name, avail);
        return;
    }
    s.icmpType = d[off];
    s.icmpCode = d[off + 1];
    const bool echo = v6 ? (s.icmpType == 128 || s.icmpType == 129) : (s.icmpType == 0 || s.icmpType == 8);
    // Most ICMP messages have a 4-byte "rest of header" after type/code/checksum.
    const int hl = (avail >= 8) ? 8 : 4;
    if (echo) {
        if (avail < 8) {
            malformed(LayerId::Transport, off, "%s echo truncated: 8 bytes needed, %d available", name,
                      avail);
            return;
        }
        s.icmpHasEcho = true;
        s.icmpId = be16(d + off + 4);
        s.icmpSeq = be16(d + off + 6);
    }
    l.transportHeaderLength = hl;
    s.headerBytes = off + hl;
    s.payloadOffset = off + hl;
    s.payloadLength = std::uint32_t(std::max<std::int64_t>(0, reportedLength - hl));
}

} // namespace

bool parseFrame(LinkType link, std::span<const std::uint8_t> frame, PacketSummary &s, Layout &l)
{
    s = PacketSummary{};
    l.frameLength = int(std::min<std::size_t>(frame.size(), 0x7FFFFFFF));
    l.malformedText[0] = 0;
    Walker w{frame.data(), l.frameLength, s, l};
    return w.link(link);
}

} // namespace wirelab::detail
