// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core/dissect: the byte-level parser shared by dissectSummary() and dissectTree().
//
// parseFrame() walks the layers once, fills the PacketSummary and records a Layout: where each layer
// starts, how long it is and where parsing stopped. The fast path only needs the summary; the tree builder
// re-reads the bytes at the recorded offsets to make its fields, so both paths agree on every bound check.

#include "dissect.h"

#include <cstdint>
#include <cstring>
#include <span>

namespace wirelab::detail {

inline std::uint16_t be16(const std::uint8_t *p)
{
    return std::uint16_t(p[0] << 8 | p[1]);
}
inline std::uint32_t be32(const std::uint8_t *p)
{
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}
inline std::uint32_t le32(const std::uint8_t *p)
{
    return std::uint32_t(p[3]) << 24 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[1]) << 8 | p[0];
}

enum class LinkKind : std::uint8_t
{
    None,
    Ethernet,
    Null,
    Loop,
    Raw,
    Sll,
    Sll2
};
enum class NetKind : std::uint8_t
{
    None,
    Arp,
    IPv4,
    IPv6,
    Other
};
enum class TransportKind : std::uint8_t
{
    None,
    Tcp,
    Udp,
    Icmp,
    Icmpv6,
    Other
};

// Which layer node the malformed marker belongs to.
enum class LayerId : std::uint8_t
{
    None,
    Link,
    Vlan,
    Net,
    Transport
};

struct VlanTag
{
    std::uint16_t offset;
    std::uint16_t tpid;
};

struct Ipv6Ext
{
    std::uint8_t type; // the header's own protocol number (0, 43, 44, 60, 51)
    std::uint16_t offset;
    std::uint16_t length; // bytes
};

enum class TcpOptStatus : std::uint8_t
{
    Ok,
    BadLength,
    TooShort,
    Overrun,
    NoLengthByte
};

struct TcpOpt
{
    std::uint8_t kind;
    std::uint8_t len; // as on the wire (1 for EOL/NOP)
    std::uint16_t offset;
    TcpOptStatus status;
};

struct IpOpt
{
    std::uint8_t type;
    std::uint8_t len;
    std::uint16_t offset;
};

constexpr int kMaxVlan = 4;
constexpr int kMaxIpv6Ext = 16;
constexpr int kMaxTcpOpts = 40;
constexpr int kMaxIpOpts = 40;

struct Layout
{
    int frameLength = 0;
    LinkKind link = LinkKind::None;
    int linkLength = 0;           // bytes of the link header (without VLAN tags)
    std::uint16_t etherType = 0;  // protocol of the link payload (after VLAN tags), or 0
    std::uint32_t nullFamily = 0; // Null/Loop address family
    int vlanCount = 0;
    VlanTag vlan[kMaxVlan];

    NetKind net = NetKind::None;
    int netOffset = -1;
    int netHeaderLength = 0; // IPv4 header incl. options; IPv6: 40 + extension headers
    int netEnd = 0;          // end of the IP payload within the captured bytes
    int ipOptCount = 0;
    IpOpt ipOpt[kMaxIpOpts];
    bool ipOptMalformed = false;
    int ipv6ExtCount = 0;
    Ipv6Ext ipv6Ext[kMaxIpv6Ext];
    bool nonFirstFragment = false;

    TransportKind transport = TransportKind::None;
    int transportOffset = -1;
    int transportHeaderLength = 0;
    int tcpOptCount = 0;
    TcpOpt tcpOpt[kMaxTcpOpts];

    LayerId malformedLayer = LayerId::None;
    int malformedVlanIndex = 0;
    int malformedOffset = 0;
    char malformedText[112] = {};
};

// Walks the frame. Fills `s` (reset first) and `l`. Returns false when not even the link layer decoded.
bool parseFrame(LinkType link, std::span<const std::uint8_t> frame, PacketSummary &s, Layout &l);

// Names shared by the summary and the tree.
const char *ipProtoName(std::uint8_t proto);   // "TCP", "UDP", "ICMP", ... or nullptr
const char *etherTypeName(std::uint16_t type); // "IPv4", "ARP", ... or nullptr
const char *icmpTypeName(std::uint8_t type, std::uint8_t code, const char **codeName);
const char *icmpv6TypeName(std::uint8_t type);
const char *tcpOptionName(std::uint8_t kind); // "Maximum segment size", ...
const char *ipv6ExtName(std::uint8_t type);   // "IPv6 Hop-by-Hop Option", ...

// Appends "[SYN, ACK]"-style flag names (without brackets) to buf; returns the end pointer.
char *appendTcpFlagNames(char *p, char *end, std::uint16_t flags);

// Formats addresses without allocating; returns the end pointer. Buffers need 18 (MAC), 16 (IPv4), 46 (IPv6).
char *formatMac(char *p, const std::uint8_t *mac);
char *formatIpv4(char *p, const std::uint8_t *a);
char *formatIpv6(char *p, const std::uint8_t *a);
char *formatAddress(char *p, const NetAddress &a);

} // namespace wirelab::detail
