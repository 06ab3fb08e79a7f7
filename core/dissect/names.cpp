// SPDX-License-Identifier: GPL-3.0-or-later
// Protocol names, value strings and address formatting (allocation-free).
#include "dissect_p.h"

#include <QString>

#include <cstring>

namespace wirelab {

const char *protocolName(Protocol p)
{
    switch (p) {
    case Protocol::Unknown:
        return "Unknown";
    case Protocol::Ethernet:
        return "Ethernet";
    case Protocol::LinuxSll:
        return "SLL";
    case Protocol::Loopback:
        return "NULL";
    case Protocol::Arp:
        return "ARP";
    case Protocol::IPv4:
        return "IPv4";
    case Protocol::IPv6:
        return "IPv6";
    case Protocol::Icmp:
        return "ICMP";
    case Protocol::Icmpv6:
        return "ICMPv6";
    case Protocol::Tcp:
        return "TCP";
    case Protocol::Udp:
        return "UDP";
    }
    return "Unknown";
}

QString NetAddress::toString() const
{
    char buf[64];
    char *end = detail::formatAddress(buf, *this);
    return QString::fromLatin1(buf, int(end - buf));
}

namespace detail {

const char *ipProtoName(std::uint8_t proto)
{
    switch (proto) {
    case 0:
        return "IPv6 Hop-by-Hop Option";
    case 1:
        return "ICMP";
    case 2:
        return "IGMP";
    case 4:
        return "IPIP";
    case 6:
        return "TCP";
    case 17:
        return "UDP";
    case 41:
        return "IPv6";
    case 43:
        return "Routing Header for IPv6";
    case 44:
        return "Fragment Header for IPv6";
    case 47:
        return "GRE";
    case 50:
        return "Encap Security Payload";
    case 51:
        return "Authentication Header";
    case 58:
        return "ICMPv6";
    case 59:
        return "IPv6 No Next Header";
    case 60:
        return "Destination Options for IPv6";
    case 89:
        return "OSPF IGP";
    case 103:
        return "PIM";
    case 112:
        return "VRRP";
    case 132:
        return "SCTP";
    default:
        return nullptr;
    }
}

const char *etherTypeName(std::uint16_t type)
{
    switch (type) {
    case 0x0800:
        return "IPv4";
    case 0x0806:
        return "ARP";
    case 0x86DD:
        return "IPv6";
    case 0x8100:
        return "802.1Q Virtual LAN";
    case 0x88A8:
        return "802.1ad Provider Bridge (Q-in-Q)";
    case 0x8035:
        return "RARP";
    case 0x88CC:
        return "802.1 Link Layer Discovery Protocol (LLDP)";
    case 0x8847:
        return "MPLS label switched packet";
    case 0x8863:
        return "PPPoE Discovery";
    case 0x8864:
        return "PPPoE Session";
    case 0x88E5:
        return "802.1AE (MACsec)";
    default:
        return nullptr;
    }
}

const char *icmpTypeName(std::uint8_t type, std::uint8_t code, const char **codeName)
{
    const char *c = nullptr;
    const char *t = nullptr;
    switch (type) {
    case 0:
        t = "Echo (ping) reply";
        break;
    case 3: {
        t = "Destination unreachable";
        static const char *const codes[] = {"Network unreachable",
                                            "Host unreachable",
                                            "Protocol unreachable",
                                            "Port unreachable",
                                            "Fragmentation needed",
                                            "Source route failed",
                                            "Destination network unknown",
                                            "Destination host unknown",
                                            "Source host isolated",
                                            "Network administratively prohibited",
                                            "Host administratively prohibited",
                                            "Network unreachable for TOS",
                                            "Host unreachable for TOS",
                                            "Communication administratively filtered",
                                            "Host precedence violation",
                                            "Precedence cutoff in effect"};
        if (code < sizeof codes / sizeof codes[0])
            c = codes[code];
        break;
    }
    case 4:
        t = "Source quench (flow control)";
        break;
    case 5: {
        t = "Redirect";
        static const char *const codes[] = {"Redirect for network", "Redirect for host",
                                            "Redirect for TOS and network", "Redirect for TOS and host"};
        if (code < 4)
            c = codes[code];
        break;
    }
    case 8:
        t = "Echo (ping) request";
        break;
    case 9:
        t = "Router advertisement";
        break;
    case 10:
        t = "Router solicitation";
        break;
    case 11:
        t = "Time-to-live exceeded";
        if (code == 0)
            c = "Time to live exceeded in transit";
        else if (code == 1)
            c = "Fragment reassembly time exceeded";
        break;
    case 12:
        t = "Parameter problem";
        break;
    case 13:
        t = "Timestamp request";
        break;
    case 14:
        t = "Timestamp reply";
        break;
    case 17:
        t = "Address mask request";
        break;
    case 18:
        t = "Address mask reply";
        break;
    default:
        break;
    }
    if (codeName)
        *codeName = c;
    return t;
}

const char *icmpv6TypeName(std::uint8_t type)
{
    switch (type) {
    case 1:
        return "Destination Unreachable";
    case 2:
        return "Packet Too Big";
    case 3:
        return "Time Exceeded";
    case 4:
        return "Parameter Problem";
    case 128:
        return "Echo (ping) request";
    case 129:
        return "Echo (ping) reply";
    case 130:
        return "Multicast Listener Query";
    case 131:
        return "Multicast Listener Report";
    case 132:
        return "Multicast Listener Done";
    case 133:
        return "Router Solicitation";
    case 134:
        return "Router Advertisement";
    case 135:
        return "Neighbor Solicitation";
    case 136:
        return "Neighbor Advertisement";
    case 137:
        return "Redirect";
    case 143:
        return "Multicast Listener Report Message v2";
    default:
        return nullptr;
    }
}

const char *tcpOptionName(std::uint8_t kind)
{
    switch (kind) {
    case 0:
        return "End of Option List (EOL)";
    case 1:
        return "No-Operation (NOP)";
    case 2:
        return "Maximum segment size";
    case 3:
        return "Window scale";
    case 4:
        return "SACK permitted";
    case 5:
        return "SACK";
    case 8:
        return "Timestamps";
    case 19:
        return "MD5 signature";
    case 28:
        return "User Timeout";
    case 29:
        return "TCP AO";
    case 30:
        return "Multipath TCP";
    case 34:
        return "TCP Fast Open Cookie";
    case 253:
    case 254:
        return "Experimental";
    default:
        return "Unknown";
    }
}

const char *ipv6ExtName(std::uint8_t type)
{
    switch (type) {
    case 0:
        return "IPv6 Hop-by-Hop Option";
    case 43:
        return "Routing Header for IPv6";
    case 44:
        return "Fragment Header for IPv6";
    case 51:
        return "Authentication Header";
    case 60:
        return "Destination Options for IPv6";
    default:
        return "IPv6 extension header";
    }
}

char *appendTcpFlagNames(char *p, char *end, std::uint16_t flags)
{
    static const char *const names[] = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
    bool first = true;
    for (int i = 0; i < 9; ++i) {
        if (!(flags & (1u << i)))
            continue;
        const std::size_t len = std::strlen(names[i]);
        if (end - p < std::ptrdiff_t(len + 2))
            break;
        if (!first) {
            *p++ = ',';
            *p++ = ' ';
        }
        std::memcpy(p, names[i], len);
        p += len;
        first = false;
    }
    if (first && end - p >= 6) {
        std::memcpy(p, "<None>", 6);
        p += 6;
    }
    return p;
}

static const char kHex[] = "0123456789abcdef";

char *formatMac(char *p, const std::uint8_t *mac)
{
    for (int i = 0; i < 6; ++i) {
        if (i)
            *p++ = ':';
        *p++ = kHex[mac[i] >> 4];
        *p++ = kHex[mac[i] & 15];
    }
    return p;
}

static char *appendDec(char *p, unsigned v)
{
    char tmp[12];
    int n = 0;
    do {
        tmp[n++] = char('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = tmp[--n];
    return p;
}

char *formatIpv4(char *p, const std::uint8_t *a)
{
    for (int i = 0; i < 4; ++i) {
        if (i)
            *p++ = '.';
        p = appendDec(p, a[i]);
    }
    return p;
}

// RFC 5952: lower case, leading zeros dropped, the longest run (>= 2) of zero groups as "::",
// IPv4-mapped addresses as ::ffff:a.b.c.d.
char *formatIpv6(char *p, const std::uint8_t *a)
{
    std::uint16_t g[8];
    for (int i = 0; i < 8; ++i)
        g[i] = std::uint16_t(a[2 * i] << 8 | a[2 * i + 1]);
    int bestStart = -1, bestLen = 0;
    for (int i = 0; i < 8;) {
        if (g[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && g[j] == 0)
            ++j;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    const bool mapped = bestStart == 0 && bestLen == 5 && g[5] == 0xFFFF;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            *p++ = ':';
            *p++ = ':';
            i += bestLen - 1;
            continue;
        }
        if (mapped && i == 6) {
            *p++ = ':';
            return formatIpv4(p, a + 12);
        }
        if (i && i != bestStart + bestLen)
            *p++ = ':';
        else if (i && bestStart < 0)
            *p++ = ':';
        const std::uint16_t v = g[i];
        bool started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const int nib = (v >> shift) & 15;
            if (nib || started || shift == 0) {
                *p++ = kHex[nib];
                started = true;
            }
        }
    }
    return p;
}

char *formatAddress(char *p, const NetAddress &a)
{
    switch (a.family) {
    case NetAddress::Family::Mac:
        return formatMac(p, a.bytes.data());
    case NetAddress::Family::IPv4:
        return formatIpv4(p, a.bytes.data());
    case NetAddress::Family::IPv6:
        return formatIpv6(p, a.bytes.data());
    case NetAddress::Family::None:
        break;
    }
    return p;
}

} // namespace detail
} // namespace wirelab
