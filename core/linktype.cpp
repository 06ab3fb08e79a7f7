// SPDX-License-Identifier: GPL-3.0-or-later
#include "linktype.h"

#include <cstdio>

namespace wirelab {

const char *linkTypeName(LinkType type)
{
    switch (type) {
    case LinkType::Null: return "BSD loopback";
    case LinkType::Ethernet: return "Ethernet";
    case LinkType::Raw: return "Raw IP";
    case LinkType::Loop: return "OpenBSD loopback";
    case LinkType::LinuxSll: return "Linux cooked v1";
    case LinkType::Ipv4: return "Raw IPv4";
    case LinkType::Ipv6: return "Raw IPv6";
    case LinkType::LinuxSll2: return "Linux cooked v2";
    }
    thread_local char buf[32];
    std::snprintf(buf, sizeof buf, "unknown (%u)", unsigned(type));
    return buf;
}

} // namespace wirelab
