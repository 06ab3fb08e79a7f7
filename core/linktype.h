// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace wirelab {

// Link-layer header types, numbered as in pcap/pcapng files (LINKTYPE_* values, tcpdump.org/linktypes.html).
enum class LinkType : std::uint16_t {
    Null = 0,         // BSD loopback: 4-byte address family in host byte order of the writer
    Ethernet = 1,     // also what Linux "lo" captures as
    Raw = 101,        // raw IPv4/IPv6, what TUN devices give
    Loop = 108,       // OpenBSD loopback: 4-byte address family in network byte order
    LinuxSll = 113,   // Linux cooked capture v1 ("any" device)
    Ipv4 = 228,       // raw IPv4 only
    Ipv6 = 229,       // raw IPv6 only
    LinuxSll2 = 276,  // Linux cooked capture v2
};

// Human name of a link type ("Ethernet", "Linux cooked v2", ...); "unknown (N)" for others.
const char *linkTypeName(LinkType type);

} // namespace wirelab
