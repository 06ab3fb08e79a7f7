// SPDX-License-Identifier: GPL-3.0-or-later
// dissectTree(): the details pane. Runs the same parser as the fast path, then turns the recorded layout
// into Wireshark-named fields with byte ranges and tshark-formatted values. One packet at a time, so
// clarity beats speed here.
#include "dissect_p.h"
#include "tcptracker.h"

#include <QDateTime>

#include <algorithm>

namespace wirelab {

using namespace detail;

namespace {

using F = ProtoField;

F &add(F &parent, const char *abbrev, const QString &label, const QString &value, int off, int len)
{
    F f;
    f.abbrev = abbrev;
    f.label = label;
    f.value = value;
    f.offset = off;
    f.length = len;
    parent.children.push_back(std::move(f));
    return parent.children.back();
}

F &text(F &parent, const QString &label, int off, int len)
{
    return add(parent, "", label, QString(), off, len);
}

QString dec(std::int64_t v)
{
    return QString::number(v);
}
QString hex(std::uint32_t v, int digits)
{
    return QStringLiteral("0x%1").arg(v, digits, 16, QLatin1Char('0'));
}

QString hexBytes(const std::uint8_t *p, int n)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(p), n).toHex());
}

QString mac(const std::uint8_t *p)
{
    char buf[20];
    return QString::fromLatin1(buf, int(formatMac(buf, p) - buf));
}
QString ipv4(const std::uint8_t *p)
{
    char buf[20];
    return QString::fromLatin1(buf, int(formatIpv4(buf, p) - buf));
}
QString ipv6(const std::uint8_t *p)
{
    char buf[48];
    return QString::fromLatin1(buf, int(formatIpv6(buf, p) - buf));
}

// Wireshark's bit picture: ".... ..1. = " for the bits of `mask` within a field `bits` wide.
QString bitPicture(std::uint32_t value, std::uint32_t mask, int bits)
{
    QString s;
    for (int i = bits - 1; i >= 0; --i) {
        const std::uint32_t b = 1u << i;
        s += (mask & b) ? ((value & b) ? QLatin1Char('1') : QLatin1Char('0')) : QLatin1Char('.');
        if (i && i % 4 == 0)
            s += QLatin1Char(' ');
    }
    return s + QStringLiteral(" = ");
}

QString seconds(std::int64_t ns)
{
    const bool neg = ns < 0;
    const std::uint64_t a = neg ? std::uint64_t(-(ns + 1)) + 1 : std::uint64_t(ns);
    return QStringLiteral("%1%2.%3")
        .arg(neg ? QStringLiteral("-") : QString())
        .arg(a / 1000000000u)
        .arg(a % 1000000000u, 9, 10, QLatin1Char('0'));
}

QString epoch(std::int64_t ns)
{
    std::int64_t sec = ns / 1000000000;
    std::int64_t frac = ns % 1000000000;
    if (frac < 0) {
        frac += 1000000000;
        --sec;
    }
    return QStringLiteral("%1.%2").arg(sec).arg(frac, 9, 10, QLatin1Char('0'));
}

QString plural(std::int64_t n, const char *unit)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(unit)).arg(n == 1 ? "" : "s");
}

QString setOrNot(bool b)
{
    return b ? QStringLiteral("Set") : QStringLiteral("Not set");
}

QString etherTypeLabel(std::uint16_t type)
{
    const char *name = etherTypeName(type);
    return QStringLiteral("%1 (%2)").arg(QLatin1String(name ? name : "Unknown"), hex(type, 4));
}

void addMalformed(F &layer, const Layout &l)
{
    F &m = add(layer, "_ws.malformed",
               QStringLiteral("[Malformed: %1]").arg(QString::fromLatin1(l.malformedText)), QString(),
               l.malformedOffset, std::max(0, l.frameLength - l.malformedOffset));
    m.malformed = true;
}

// ---- Frame ----

const char *linkTypeShort(LinkType t)
{
    switch (t) {
    case LinkType::Ethernet:
        return "Ethernet";
    case LinkType::Null:
        return "Null/Loopback";
    case LinkType::Loop:
        return "OpenBSD loopback";
    case LinkType::Raw:
        return "Raw IP";
    case LinkType::LinuxSll:
        return "Linux cooked-mode capture v1";
    case LinkType::LinuxSll2:
        return "Linux cooked-mode capture v2";
    case LinkType::Ipv4:
        return "Raw IPv4";
    case LinkType::Ipv6:
        return "Raw IPv6";
    }
    return "Unknown";
}

QString protocolsInFrame(LinkType link, const Layout &l, const PacketSummary &s, int capLen,
                         const TcpPacketAnalysis *a, bool quoted)
{
    QStringList p;
    switch (l.link) {
    case LinkKind::Ethernet:
        p << QStringLiteral("eth") << QStringLiteral("ethertype");
        for (int i = 0; i < l.vlanCount; ++i)
            p << QStringLiteral("vlan") << QStringLiteral("ethertype");
        break;
    case LinkKind::Sll:
    case LinkKind::Sll2:
        p << QStringLiteral("sll");
        if (l.linkLength && l.etherType >= 0x0600)
            p << QStringLiteral("ethertype");
        break;
    case LinkKind::Null:
    case LinkKind::Loop:
        p << QStringLiteral("null");
        break;
    case LinkKind::Raw:
        if (link == LinkType::Raw)
            p << QStringLiteral("raw");
        break;
    case LinkKind::None:
        break;
    }
    switch (l.net) {
    case NetKind::Arp:
        p << QStringLiteral("arp");
        break;
    case NetKind::IPv4:
        p << QStringLiteral("ip");
        break;
    case NetKind::IPv6:
        p << QStringLiteral("ipv6");
        for (int i = 0; i < l.ipv6ExtCount; ++i) {
            switch (l.ipv6Ext[i].type) {
            case 0:
                p << QStringLiteral("ipv6.hopopts");
                break;
            case 43:
                p << QStringLiteral("ipv6.routing");
                break;
            case 44:
                p << QStringLiteral("ipv6.fraghdr");
                break;
            case 60:
                p << QStringLiteral("ipv6.dstopts");
                break;
            case 51:
                p << QStringLiteral("ah");
                break;
            default:
                break;
            }
        }
        break;
    case NetKind::Other:
        if (l.netOffset < capLen)
            p << QStringLiteral("data");
        return p.join(QLatin1Char(':'));
    case NetKind::None:
        break;
    }
    switch (l.transport) {
    case TransportKind::Tcp:
        p << QStringLiteral("tcp");
        break;
    case TransportKind::Udp:
        p << QStringLiteral("udp");
        break;
    case TransportKind::Icmp:
        p << QStringLiteral("icmp");
        break;
    case TransportKind::Icmpv6:
        p << QStringLiteral("icmpv6");
        break;
    case TransportKind::Other:
    case TransportKind::None:
        break;
    }
    const bool hasPayload =
        s.payloadOffset >= 0 && s.payloadOffset < std::min(capLen, l.netEnd) && s.payloadLength > 0;
    // Like tshark (tcp.no_subdissector_on_error), retransmitted and out-of-order data is not handed on.
    const bool suppressed =
        l.transport == TransportKind::Tcp && a && (a->flags & (TcpRetransmission | TcpOutOfOrder));
    if (hasPayload && !s.malformed && !quoted && !suppressed)
        p << QStringLiteral("data");
    return p.join(QLatin1Char(':'));
}

void frameLayer(ProtoTree &t, LinkType link, const Layout &l, const PacketSummary &s, std::uint32_t number,
                std::int64_t timeNs, std::uint32_t origLen, const QString &innerProtocols,
                const TcpPacketAnalysis *a)
{
    const int cap = l.frameLength;
    F frame;
    frame.label = QStringLiteral("Frame %1: %2 bytes on wire (%3 bits), %4 bytes captured (%5 bits)")
                      .arg(number)
                      .arg(origLen)
                      .arg(std::uint64_t(origLen) * 8)
                      .arg(cap)
                      .arg(std::uint64_t(cap) * 8);
    frame.abbrev = "frame";
    frame.offset = 0;
    frame.length = cap;
    add(frame, "frame.encap_type",
        QStringLiteral("Encapsulation type: %1 (%2)")
            .arg(QLatin1String(linkTypeShort(link)))
            .arg(unsigned(link)),
        dec(unsigned(link)), 0, 0);
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(timeNs / 1000000, Qt::UTC);
    std::int64_t frac = timeNs % 1000000000;
    if (frac < 0)
        frac += 1000000000;
    const QString arrival = when.toString(QStringLiteral("MMM d, yyyy HH:mm:ss")) +
                            QStringLiteral(".%1 UTC").arg(frac, 9, 10, QLatin1Char('0'));
    add(frame, "frame.time", QStringLiteral("Arrival Time: ") + arrival, arrival, 0, 0);
    add(frame, "frame.time_epoch", QStringLiteral("Epoch Time: %1 seconds").arg(epoch(timeNs)), epoch(timeNs),
        0, 0);
    add(frame, "frame.number", QStringLiteral("Frame Number: %1").arg(number), dec(number), 0, 0);
    add(frame, "frame.len",
        QStringLiteral("Frame Length: %1 bytes (%2 bits)").arg(origLen).arg(std::uint64_t(origLen) * 8),
        dec(origLen), 0, 0);
    add(frame, "frame.cap_len",
        QStringLiteral("Capture Length: %1 bytes (%2 bits)").arg(cap).arg(std::uint64_t(cap) * 8), dec(cap),
        0, 0);
    QString protos = protocolsInFrame(link, l, s, cap, a, !innerProtocols.isEmpty());
    if (!innerProtocols.isEmpty())
        protos += QLatin1Char(':') + innerProtocols;
    add(frame, "frame.protocols", QStringLiteral("[Protocols in frame: %1]").arg(protos), protos, 0, 0);
    t.layers.push_back(std::move(frame));
}

// ---- Link layers ----

void macField(F &parent, const char *abbrev, const char *name, const std::uint8_t *d, int off)
{
    const QString m = mac(d + off);
    F &f = add(parent, abbrev, QStringLiteral("%1: %2").arg(QLatin1String(name), m), m, off, 6);
    const std::uint32_t top = std::uint32_t(d[off]) << 16 | std::uint32_t(d[off + 1]) << 8 | d[off + 2];
    const bool lg = d[off] & 2, ig = d[off] & 1;
    const QByteArray base(abbrev);
    add(f, (base + ".lg").constData(),
        bitPicture(top, 0x020000, 24) + QStringLiteral("LG bit: ") +
            (lg ? QStringLiteral("Locally administered address (this is NOT the factory default)")
                : QStringLiteral("Globally unique address (factory default)")),
        dec(lg), off, 3);
    add(f, (base + ".ig").constData(),
        bitPicture(top, 0x010000, 24) + QStringLiteral("IG bit: ") +
            (ig ? QStringLiteral("Group address (multicast/broadcast)")
                : QStringLiteral("Individual address (unicast)")),
        dec(ig), off, 3);
}

const char *vlanPriorityName(int p)
{
    static const char *const names[] = {"Best Effort (default)",
                                        "Background",
                                        "Excellent Effort",
                                        "Critical Applications",
                                        "Video, < 100ms latency and jitter",
                                        "Voice, < 10ms latency and jitter",
                                        "Internetwork Control",
                                        "Network Control"};
    return names[p & 7];
}

void vlanLayers(ProtoTree &t, const std::uint8_t *d, const Layout &l)
{
    for (int i = 0; i < l.vlanCount; ++i) {
        const int off = l.vlan[i].offset;
        F v;
        v.abbrev = "vlan";
        v.offset = off;
        const bool complete = off + 4 <= l.frameLength;
        v.length = complete ? 4 : l.frameLength - off;
        if (!complete) {
            v.label = QStringLiteral("802.1Q Virtual LAN");
            if (l.malformedLayer == LayerId::Vlan)
                addMalformed(v, l);
            t.layers.push_back(std::move(v));
            return;
        }
        const std::uint16_t tci = be16(d + off), type = be16(d + off + 2);
        const int pri = tci >> 13, dei = (tci >> 12) & 1, id = tci & 0x0FFF;
        v.label = QStringLiteral("802.1Q Virtual LAN, PRI: %1, DEI: %2, ID: %3").arg(pri).arg(dei).arg(id);
        add(v, "vlan.priority",
            bitPicture(tci, 0xE000, 16) +
                QStringLiteral("Priority: %1 (%2)").arg(QLatin1String(vlanPriorityName(pri))).arg(pri),
            dec(pri), off, 2);
        add(v, "vlan.dei",
            bitPicture(tci, 0x1000, 16) +
                (dei ? QStringLiteral("DEI: Eligible") : QStringLiteral("DEI: Ineligible")),
            dec(dei), off, 2);
        add(v, "vlan.id", bitPicture(tci, 0x0FFF, 16) + QStringLiteral("ID: %1").arg(id), dec(id), off, 2);
        if (type < 0x0600)
            add(v, "vlan.len", QStringLiteral("Length: %1").arg(type), dec(type), off + 2, 2);
        else
            add(v, "vlan.etype", QStringLiteral("Type: ") + etherTypeLabel(type), hex(type, 4), off + 2, 2);
        t.layers.push_back(std::move(v));
    }
}

const char *sllPacketType(int t)
{
    switch (t) {
    case 0:
        return "Unicast to us";
    case 1:
        return "Broadcast";
    case 2:
        return "Multicast";
    case 3:
        return "Unicast to another host";
    case 4:
        return "Sent by us";
    default:
        return "Unknown";
    }
}

const char *arphrdName(int t)
{
    switch (t) {
    case 1:
        return "Ethernet";
    case 512:
        return "PPP";
    case 768:
        return "IPIP";
    case 772:
        return "Loopback";
    case 776:
        return "IPv6-in-IPv4";
    case 778:
        return "GRE";
    case 801:
        return "IEEE 802.11";
    case 803:
        return "IEEE 802.11 + radiotap header";
    case 65534:
        return "None";
    default:
        return "Unknown";
    }
}

void sllFields(F &layer, const std::uint8_t *d, bool v2, const Layout &l)
{
    (void)l;
    const int pktOff = v2 ? 10 : 0, haOff = v2 ? 8 : 2, halenOff = v2 ? 11 : 4, addrOff = v2 ? 12 : 6,
              protoOff = v2 ? 0 : 14;
    const int pkttype = v2 ? d[pktOff] : be16(d + pktOff);
    const int hatype = be16(d + haOff);
    const int halen = v2 ? d[halenOff] : be16(d + halenOff);
    const std::uint16_t proto = be16(d + protoOff);
    auto protocolField = [&] {
        if (proto >= 0x0600)
            add(layer, "sll.etype", QStringLiteral("Protocol: ") + etherTypeLabel(proto), hex(proto, 4),
                protoOff, 2);
        else
            add(layer, "sll.ltype", QStringLiteral("Protocol: %1").arg(hex(proto, 4)), hex(proto, 4),
                protoOff, 2);
    };
    if (v2) {
        protocolField();
        const std::uint32_t ifindex = be32(d + 4);
        add(layer, "sll.ifindex", QStringLiteral("Interface index: %1").arg(ifindex), dec(ifindex), 4, 4);
    }
    const auto addPkt = [&] {
        add(layer, "sll.pkttype",
            QStringLiteral("Packet type: %1 (%2)").arg(QLatin1String(sllPacketType(pkttype))).arg(pkttype),
            dec(pkttype), pktOff, v2 ? 1 : 2);
    };
    const auto addHa = [&] {
        add(layer, "sll.hatype",
            QStringLiteral("Link-layer address type: %1 (%2)")
                .arg(QLatin1String(arphrdName(hatype)))
                .arg(hatype),
            dec(hatype), haOff, 2);
    };
    if (v2) {
        addHa();
        addPkt();
    } else {
        addPkt();
        addHa();
    }
    add(layer, "sll.halen", QStringLiteral("Link-layer address length: %1").arg(halen), dec(halen), halenOff,
        v2 ? 1 : 2);
    const int shown = std::min(halen, 8);
    if (halen == 6) {
        const QString m = mac(d + addrOff);
        add(layer, "sll.src.eth", QStringLiteral("Source: %1").arg(m), m, addrOff, 6);
    } else if (halen == 4 && hatype != 1) {
        const QString a = ipv4(d + addrOff);
        add(layer, "sll.src.ipv4", QStringLiteral("Source: %1").arg(a), a, addrOff, 4);
    } else if (shown > 0) {
        const QString b = hexBytes(d + addrOff, shown);
        add(layer, "sll.src.other", QStringLiteral("Source: %1").arg(b), b, addrOff, shown);
    }
    if (shown < 8) {
        const QString b = hexBytes(d + addrOff + shown, 8 - shown);
        add(layer, "sll.unused", QStringLiteral("Unused: %1").arg(b), b, addrOff + shown, 8 - shown);
    }
    if (!v2)
        protocolField();
}

void linkLayer(ProtoTree &t, LinkType link, const std::uint8_t *d, const Layout &l)
{
    F f;
    f.offset = 0;
    f.length = l.linkLength;
    switch (l.link) {
    case LinkKind::Ethernet: {
        f.abbrev = "eth";
        if (l.linkLength == 0) {
            f.label = QStringLiteral("Ethernet II");
            f.length = l.frameLength;
            break;
        }
        f.label = QStringLiteral("Ethernet II, Src: %1, Dst: %2").arg(mac(d + 6), mac(d));
        macField(f, "eth.dst", "Destination", d, 0);
        macField(f, "eth.src", "Source", d, 6);
        const std::uint16_t type = be16(d + 12);
        if (type < 0x0600)
            add(f, "eth.len", QStringLiteral("Length: %1").arg(type), dec(type), 12, 2);
        else
            add(f, "eth.type", QStringLiteral("Type: ") + etherTypeLabel(type), hex(type, 4), 12, 2);
        break;
    }
    case LinkKind::Null:
    case LinkKind::Loop:
        f.abbrev = "null";
        f.label = QStringLiteral("Null/Loopback");
        if (l.linkLength) {
            const char *fam = l.nullFamily == 2 ? "IP" : (l.etherType == 0x86DD ? "IPv6" : "Unknown");
            add(f, "null.family", QStringLiteral("Family: %1 (%2)").arg(QLatin1String(fam)).arg(l.nullFamily),
                dec(l.nullFamily), 0, 4);
        } else {
            f.length = l.frameLength;
        }
        break;
    case LinkKind::Sll:
    case LinkKind::Sll2:
        f.abbrev = "sll";
        f.label = l.link == LinkKind::Sll ? QStringLiteral("Linux cooked capture v1")
                                          : QStringLiteral("Linux cooked capture v2");
        if (l.linkLength)
            sllFields(f, d, l.link == LinkKind::Sll2, l);
        else
            f.length = l.frameLength;
        break;
    case LinkKind::Raw:
        if (link != LinkType::Raw)
            return;
        f.abbrev = "raw";
        f.label = QStringLiteral("Raw packet data");
        text(f, QStringLiteral("No link information available"), 0, 0);
        break;
    case LinkKind::None:
        return;
    }
    if (l.malformedLayer == LayerId::Link)
        addMalformed(f, l);
    t.layers.push_back(std::move(f));
}

// ---- ARP ----

void arpLayer(ProtoTree &t, const std::uint8_t *d, const Layout &l)
{
    const int off = l.netOffset;
    F f;
    f.abbrev = "arp";
    f.offset = off;
    f.length = l.netHeaderLength ? l.netHeaderLength : l.frameLength - off;
    f.label = QStringLiteral("Address Resolution Protocol");
    if (l.netHeaderLength == 0) {
        addMalformed(f, l);
        t.layers.push_back(std::move(f));
        return;
    }
    const std::uint16_t htype = be16(d + off), ptype = be16(d + off + 2), op = be16(d + off + 6);
    const int hln = d[off + 4], pln = d[off + 5];
    const char *opName = op == 1   ? "request"
                         : op == 2 ? "reply"
                         : op == 3 ? "reverse request"
                         : op == 4 ? "reverse reply"
                                   : "unknown";
    f.label += QStringLiteral(" (%1)").arg(QLatin1String(opName));
    add(f, "arp.hw.type",
        QStringLiteral("Hardware type: %1 (%2)").arg(htype == 1 ? "Ethernet" : "Unknown").arg(htype),
        dec(htype), off, 2);
    add(f, "arp.proto.type", QStringLiteral("Protocol type: ") + etherTypeLabel(ptype), hex(ptype, 4),
        off + 2, 2);
    add(f, "arp.hw.size", QStringLiteral("Hardware size: %1").arg(hln), dec(hln), off + 4, 1);
    add(f, "arp.proto.size", QStringLiteral("Protocol size: %1").arg(pln), dec(pln), off + 5, 1);
    add(f, "arp.opcode", QStringLiteral("Opcode: %1 (%2)").arg(QLatin1String(opName)).arg(op), dec(op),
        off + 6, 2);
    const bool ethIp = hln == 6 && pln == 4;
    int p = off + 8;
    auto hw = [&](const char *abbrevMac, const char *abbrevRaw, const char *name) {
        if (ethIp) {
            const QString m = mac(d + p);
            add(f, abbrevMac, QStringLiteral("%1 MAC address: %2").arg(QLatin1String(name), m), m, p, 6);
        } else if (hln) {
            const QString b = hexBytes(d + p, hln);
            add(f, abbrevRaw, QStringLiteral("%1 hardware address: %2").arg(QLatin1String(name), b), b, p,
                hln);
        }
        p += hln;
    };
    auto proto = [&](const char *abbrevIp, const char *abbrevRaw, const char *name) {
        if (ethIp) {
            const QString a = ipv4(d + p);
            add(f, abbrevIp, QStringLiteral("%1 IP address: %2").arg(QLatin1String(name), a), a, p, 4);
        } else if (pln) {
            const QString b = hexBytes(d + p, pln);
            add(f, abbrevRaw, QStringLiteral("%1 protocol address: %2").arg(QLatin1String(name), b), b, p,
                pln);
        }
        p += pln;
    };
    hw("arp.src.hw_mac", "arp.src.hw", "Sender");
    proto("arp.src.proto_ipv4", "arp.src.proto", "Sender");
    hw("arp.dst.hw_mac", "arp.dst.hw", "Target");
    proto("arp.dst.proto_ipv4", "arp.dst.proto", "Target");
    t.layers.push_back(std::move(f));
}

// ---- IPv4 / IPv6 ----

QString dscpShort(int dscp)
{
    if (dscp % 8 == 0)
        return QStringLiteral("CS%1").arg(dscp / 8);
    if (dscp == 46)
        return QStringLiteral("EF");
    if (dscp == 44)
        return QStringLiteral("VOICE-ADMIT");
    if (dscp == 1)
        return QStringLiteral("LE");
    if (dscp >= 10 && dscp <= 38 && dscp % 2 == 0 && (dscp % 8) >= 2 && (dscp % 8) <= 6)
        return QStringLiteral("AF%1%2").arg(dscp / 8).arg((dscp % 8) / 2);
    return QStringLiteral("Unknown");
}

QString dscpLong(int dscp)
{
    if (dscp == 0)
        return QStringLiteral("Default");
    if (dscp % 8 == 0)
        return QStringLiteral("Class Selector %1").arg(dscp / 8);
    if (dscp == 46)
        return QStringLiteral("Expedited Forwarding");
    const QString s = dscpShort(dscp);
    if (s.startsWith(QLatin1String("AF")))
        return QStringLiteral("Assured Forwarding %1%2").arg(dscp / 8).arg((dscp % 8) / 2);
    return s == QLatin1String("Unknown") ? s : s;
}

const char *ecnShort(int e)
{
    static const char *const n[] = {"Not-ECT", "ECT(1)", "ECT(0)", "CE"};
    return n[e & 3];
}
const char *ecnLong(int e)
{
    static const char *const n[] = {"Not ECN-Capable Transport", "ECN-Capable Transport codepoint '01'",
                                    "ECN-Capable Transport codepoint '10'", "Congestion Experienced"};
    return n[e & 3];
}

QString protoLabel(std::uint8_t p)
{
    const char *name = ipProtoName(p);
    return QStringLiteral("%1 (%2)").arg(QLatin1String(name ? name : "Unknown")).arg(p);
}

const char *ipOptionName(std::uint8_t type)
{
    switch (type) {
    case 0:
        return "End of Options List (EOL)";
    case 1:
        return "No Operation (NOP)";
    case 7:
        return "Record Route";
    case 68:
        return "Time Stamp";
    case 130:
        return "Security";
    case 131:
        return "Loose Source Route";
    case 136:
        return "Stream ID";
    case 137:
        return "Strict Source Route";
    case 148:
        return "Router Alert";
    default:
        return "Unknown";
    }
}

void ipv4Layer(ProtoTree &t, const std::uint8_t *d, const Layout &l)
{
    const int off = l.netOffset;
    F f;
    f.abbrev = "ip";
    f.offset = off;
    const int avail = l.frameLength - off;
    f.label = QStringLiteral("Internet Protocol Version 4");
    if (avail < 20) {
        f.length = std::max(0, avail);
        addMalformed(f, l);
        t.layers.push_back(std::move(f));
        return;
    }
    const std::uint8_t *p = d + off;
    const int ver = p[0] >> 4, ihlWords = p[0] & 15, ihl = ihlWords * 4;
    f.length = l.netHeaderLength ? l.netHeaderLength : std::min(avail, std::max(20, ihl));
    f.label += QStringLiteral(", Src: %1, Dst: %2").arg(ipv4(p + 12), ipv4(p + 16));
    add(f, "ip.version", bitPicture(p[0], 0xF0, 8) + QStringLiteral("Version: %1").arg(ver), dec(ver), off,
        1);
    if (ver != 4) {
        addMalformed(f, l);
        t.layers.push_back(std::move(f));
        return;
    }
    add(f, "ip.hdr_len",
        bitPicture(p[0], 0x0F, 8) + QStringLiteral("Header Length: %1 bytes (%2)").arg(ihl).arg(ihlWords),
        dec(ihl), off, 1);
    const int ds = p[1], dscp = ds >> 2, ecn = ds & 3;
    F &dsf = add(f, "ip.dsfield",
                 QStringLiteral("Differentiated Services Field: %1 (DSCP: %2, ECN: %3)")
                     .arg(hex(ds, 2), dscpShort(dscp), QLatin1String(ecnShort(ecn))),
                 hex(ds, 2), off + 1, 1);
    add(dsf, "ip.dsfield.dscp",
        bitPicture(ds, 0xFC, 8) +
            QStringLiteral("Differentiated Services Codepoint: %1 (%2)").arg(dscpLong(dscp)).arg(dscp),
        dec(dscp), off + 1, 1);
    add(dsf, "ip.dsfield.ecn",
        bitPicture(ds, 0x03, 8) + QStringLiteral("Explicit Congestion Notification: %1 (%2)")
                                      .arg(QLatin1String(ecnLong(ecn)))
                                      .arg(ecn),
        dec(ecn), off + 1, 1);
    const int total = be16(p + 2);
    add(f, "ip.len", QStringLiteral("Total Length: %1").arg(total), dec(total), off + 2, 2);
    const std::uint16_t id = be16(p + 4);
    add(f, "ip.id", QStringLiteral("Identification: %1 (%2)").arg(hex(id, 4)).arg(id), hex(id, 4), off + 4,
        2);
    const int flags = p[6] >> 5;
    QString flagText = QStringLiteral("Flags: %1").arg(hex(flags, 1));
    if (flags & 4)
        flagText += QStringLiteral(", Reserved bit");
    if (flags & 2)
        flagText += QStringLiteral(", Don't fragment");
    if (flags & 1)
        flagText += QStringLiteral(", More fragments");
    F &fl = add(f, "ip.flags", bitPicture(p[6], 0xE0, 8) + flagText, hex(flags, 2), off + 6, 1);
    add(fl, "ip.flags.rb", bitPicture(p[6], 0x80, 8) + QStringLiteral("Reserved bit: ") + setOrNot(flags & 4),
        dec((flags >> 2) & 1), off + 6, 1);
    add(fl, "ip.flags.df",
        bitPicture(p[6], 0x40, 8) + QStringLiteral("Don't fragment: ") + setOrNot(flags & 2),
        dec((flags >> 1) & 1), off + 6, 1);
    add(fl, "ip.flags.mf",
        bitPicture(p[6], 0x20, 8) + QStringLiteral("More fragments: ") + setOrNot(flags & 1), dec(flags & 1),
        off + 6, 1);
    const std::uint16_t fo = be16(p + 6) & 0x1FFF;
    add(f, "ip.frag_offset",
        bitPicture(be16(p + 6), 0x1FFF, 16) + QStringLiteral("Fragment Offset: %1").arg(fo * 8), dec(fo),
        off + 6, 2);
    add(f, "ip.ttl", QStringLiteral("Time to Live: %1").arg(p[8]), dec(p[8]), off + 8, 1);
    add(f, "ip.proto", QStringLiteral("Protocol: ") + protoLabel(p[9]), dec(p[9]), off + 9, 1);
    const std::uint16_t ck = be16(p + 10);
    add(f, "ip.checksum", QStringLiteral("Header Checksum: %1 [validation disabled]").arg(hex(ck, 4)),
        hex(ck, 4), off + 10, 2);
    add(f, "ip.checksum.status", QStringLiteral("[Header checksum status: Unverified]"), QStringLiteral("2"),
        0, 0);
    const QString src = ipv4(p + 12), dst = ipv4(p + 16);
    add(f, "ip.src", QStringLiteral("Source Address: %1").arg(src), src, off + 12, 4);
    add(f, "ip.dst", QStringLiteral("Destination Address: %1").arg(dst), dst, off + 16, 4);
    if (l.netHeaderLength > 20) {
        const int optLen = l.netHeaderLength - 20;
        QString label = QStringLiteral("Options: (%1 bytes)").arg(optLen);
        for (int i = 0; i < l.ipOptCount; ++i)
            label += QStringLiteral(", ") + QLatin1String(ipOptionName(l.ipOpt[i].type));
        F &opts = add(f, "ip.options", label, hexBytes(p + 20, optLen), off + 20, optLen);
        for (int i = 0; i < l.ipOptCount; ++i) {
            const IpOpt &o = l.ipOpt[i];
            F &opt = text(opts,
                          QStringLiteral("IP Option - %1%2")
                              .arg(QLatin1String(ipOptionName(o.type)))
                              .arg(o.len > 1 ? QStringLiteral(" (%1 bytes)").arg(o.len) : QString()),
                          o.offset, o.len);
            add(opt, "ip.opt.type", QStringLiteral("Type: %1").arg(o.type), dec(o.type), o.offset, 1);
            if (o.len > 1)
                add(opt, "ip.opt.len", QStringLiteral("Length: %1").arg(o.len), dec(o.len), o.offset + 1, 1);
        }
        if (l.ipOptMalformed)
            add(opts, "_ws.expert", QStringLiteral("[Bad IP option length]"), QString(), off + 20, optLen)
                .malformed = true;
    }
    if (l.malformedLayer == LayerId::Net)
        addMalformed(f, l);
    t.layers.push_back(std::move(f));
}

void ipv6ExtField(F &parent, const std::uint8_t *d, const Ipv6Ext &e)
{
    const int off = e.offset;
    const char *base = e.type == 0    ? "ipv6.hopopts"
                       : e.type == 43 ? "ipv6.routing"
                       : e.type == 44 ? "ipv6.fraghdr"
                       : e.type == 60 ? "ipv6.dstopts"
                                      : "ah";
    const QByteArray b(base);
    F &x = add(parent, base, QLatin1String(ipv6ExtName(e.type)), QString(), off, e.length);
    add(x, (b + ".nxt").constData(), QStringLiteral("Next Header: ") + protoLabel(d[off]), dec(d[off]), off,
        1);
    if (e.type == 44) {
        const std::uint16_t fo = be16(d + off + 2);
        add(x, "ipv6.fraghdr.offset", bitPicture(fo, 0xFFF8, 16) + QStringLiteral("Offset: %1").arg(fo >> 3),
            dec(fo >> 3), off + 2, 2);
        add(x, "ipv6.fraghdr.more",
            bitPicture(fo, 0x0001, 16) + QStringLiteral("More Fragments: ") +
                (fo & 1 ? QStringLiteral("Yes") : QStringLiteral("No")),
            dec(fo & 1), off + 2, 2);
        const std::uint32_t ident = be32(d + off + 4);
        add(x, "ipv6.fraghdr.ident", QStringLiteral("Identification: %1").arg(hex(ident, 8)), hex(ident, 8),
            off + 4, 4);
        return;
    }
    const int len = d[off + 1];
    if (e.type == 51) {
        add(x, "ah.length", QStringLiteral("Length: %1 (%2 bytes)").arg(len).arg(e.length), dec(len), off + 1,
            1);
        return;
    }
    add(x, (b + ".len").constData(), QStringLiteral("Length: %1").arg(len), dec(len), off + 1, 1);
    add(x, (b + ".len_oct").constData(), QStringLiteral("[Length: %1 bytes]").arg(e.length), dec(e.length),
        off + 1, 1);
    if (e.type == 43) {
        add(x, "ipv6.routing.type", QStringLiteral("Type: %1").arg(d[off + 2]), dec(d[off + 2]), off + 2, 1);
        add(x, "ipv6.routing.segleft", QStringLiteral("Segments Left: %1").arg(d[off + 3]), dec(d[off + 3]),
            off + 3, 1);
    }
}

void ipv6Layer(ProtoTree &t, const std::uint8_t *d, const Layout &l)
{
    const int off = l.netOffset;
    F f;
    f.abbrev = "ipv6";
    f.offset = off;
    const int avail = l.frameLength - off;
    f.label = QStringLiteral("Internet Protocol Version 6");
    if (avail < 40) {
        f.length = std::max(0, avail);
        addMalformed(f, l);
        t.layers.push_back(std::move(f));
        return;
    }
    const std::uint8_t *p = d + off;
    f.length = std::max(40, l.netHeaderLength);
    f.label += QStringLiteral(", Src: %1, Dst: %2").arg(ipv6(p + 8), ipv6(p + 24));
    const int ver = p[0] >> 4;
    add(f, "ip.version", bitPicture(p[0], 0xF0, 8) + QStringLiteral("Version: %1").arg(ver), dec(ver), off,
        1);
    add(f, "ipv6.version", bitPicture(p[0], 0xF0, 8) + QStringLiteral("Version: %1").arg(ver), dec(ver), off,
        1);
    if (ver != 6) {
        addMalformed(f, l);
        t.layers.push_back(std::move(f));
        return;
    }
    const std::uint32_t w = be32(p);
    const int tc = (w >> 20) & 0xFF, dscp = tc >> 2, ecn = tc & 3;
    F &tcf = add(f, "ipv6.tclass",
                 bitPicture(w, 0x0FF00000, 32) +
                     QStringLiteral("Traffic Class: %1 (DSCP: %2, ECN: %3)")
                         .arg(hex(tc, 2), dscpShort(dscp), QLatin1String(ecnShort(ecn))),
                 hex(tc, 8), off, 4);
    add(tcf, "ipv6.tclass.dscp",
        bitPicture(w, 0x0FC00000, 32) +
            QStringLiteral("Differentiated Services Codepoint: %1 (%2)").arg(dscpLong(dscp)).arg(dscp),
        dec(dscp), off, 4);
    add(tcf, "ipv6.tclass.ecn",
        bitPicture(w, 0x00300000, 32) + QStringLiteral("Explicit Congestion Notification: %1 (%2)")
                                            .arg(QLatin1String(ecnLong(ecn)))
                                            .arg(ecn),
        dec(ecn), off, 4);
    const std::uint32_t flow = w & 0xFFFFF;
    add(f, "ipv6.flow",
        bitPicture(w & 0xFFFFFF, 0x0FFFFF, 24) +
            QStringLiteral("Flow Label: 0x%1").arg(flow, 5, 16, QLatin1Char('0')),
        hex(flow, 6), off + 1, 3);
    const int plen = be16(p + 4);
    add(f, "ipv6.plen", QStringLiteral("Payload Length: %1").arg(plen), dec(plen), off + 4, 2);
    add(f, "ipv6.nxt", QStringLiteral("Next Header: ") + protoLabel(p[6]), dec(p[6]), off + 6, 1);
    add(f, "ipv6.hlim", QStringLiteral("Hop Limit: %1").arg(p[7]), dec(p[7]), off + 7, 1);
    const QString src = ipv6(p + 8), dst = ipv6(p + 24);
    add(f, "ipv6.src", QStringLiteral("Source Address: %1").arg(src), src, off + 8, 16);
    add(f, "ipv6.dst", QStringLiteral("Destination Address: %1").arg(dst), dst, off + 24, 16);
    for (int i = 0; i < l.ipv6ExtCount; ++i)
        ipv6ExtField(f, d, l.ipv6Ext[i]);
    if (l.malformedLayer == LayerId::Net)
        addMalformed(f, l);
    t.layers.push_back(std::move(f));
}

// ---- Transport ----

void dataLayer(ProtoTree &t, const std::uint8_t *d, int off, int end)
{
    if (off < 0 || end <= off)
        return;
    F f;
    f.abbrev = "data";
    f.offset = off;
    f.length = end - off;
    f.label = QStringLiteral("Data (%1)").arg(plural(end - off, "byte"));
    add(f, "data.data", QStringLiteral("Data: %1").arg(hexBytes(d + off, end - off)),
        hexBytes(d + off, end - off), off, end - off);
    add(f, "data.len", QStringLiteral("[Length: %1]").arg(end - off), dec(end - off), off, 0);
    t.layers.push_back(std::move(f));
}

const char *tcpKindName(std::uint8_t k)
{
    switch (k) {
    case 0:
        return "End of Option List";
    case 1:
        return "No-Operation";
    case 2:
        return "Maximum Segment Size";
    case 3:
        return "Window Scale";
    case 4:
        return "SACK Permitted";
    case 5:
        return "SACK";
    case 8:
        return "Time Stamp Option";
    case 19:
        return "TCP MD5 signature";
    case 28:
        return "User Timeout";
    case 29:
        return "TCP Authentication Option";
    case 30:
        return "Multipath TCP";
    case 34:
        return "TCP Fast Open Cookie";
    case 253:
        return "RFC3692-style Experiment 1";
    case 254:
        return "RFC3692-style Experiment 2";
    default:
        return "Unknown";
    }
}

void tcpOptions(F &tcp, const std::uint8_t *d, const Layout &l, const PacketSummary &s,
                const TcpPacketAnalysis *a)
{
    const int off = l.transportOffset + 20;
    const int len = l.transportHeaderLength - 20;
    if (len <= 0)
        return;
    QString label = QStringLiteral("Options: (%1 bytes)").arg(len);
    for (int i = 0; i < l.tcpOptCount; ++i)
        if (l.tcpOpt[i].status == TcpOptStatus::Ok)
            label += QStringLiteral(", ") + QLatin1String(tcpOptionName(l.tcpOpt[i].kind));
    F &opts = add(tcp, "tcp.options", label, hexBytes(d + off, len), off, len);
    const std::uint32_t peerBase = (a && (s.tcpFlags & TcpAck)) ? s.tcpAck - a->relativeAck : 0;
    for (int i = 0; i < l.tcpOptCount; ++i) {
        const TcpOpt &o = l.tcpOpt[i];
        const int p = o.offset;
        const QString kindLabel =
            QStringLiteral("Kind: %1 (%2)").arg(QLatin1String(tcpKindName(o.kind))).arg(o.kind);
        if (o.status != TcpOptStatus::Ok) {
            QString why;
            switch (o.status) {
            case TcpOptStatus::NoLengthByte:
                why = QStringLiteral("%1 (no room for the option length)");
                break;
            case TcpOptStatus::TooShort:
                why = QStringLiteral("%1 (with too-short option length = %2)")
                          .arg(QStringLiteral("%1"), plural(o.len, "byte"));
                break;
            case TcpOptStatus::Overrun:
                why = QStringLiteral("%1 (option length = %2 says option goes past end of options)")
                          .arg(QStringLiteral("%1"), plural(o.len, "byte"));
                break;
            case TcpOptStatus::BadLength:
                why = QStringLiteral("%1 (with option length = %2)")
                          .arg(QStringLiteral("%1"), plural(o.len, "byte"));
                break;
            case TcpOptStatus::Ok:
                break;
            }
            const int shown = std::max(1, std::min<int>(o.len ? o.len : 1, off + len - p));
            F &bad =
                add(opts, "_ws.expert", why.arg(QLatin1String(tcpOptionName(o.kind))), QString(), p, shown);
            bad.malformed = true;
            continue;
        }
        const QString raw = hexBytes(d + p, o.len);
        auto lenField = [&](F &opt) {
            add(opt, "tcp.option_kind", kindLabel, dec(o.kind), p, 1);
            add(opt, "tcp.option_len", QStringLiteral("Length: %1").arg(o.len), dec(o.len), p + 1, 1);
        };
        switch (o.kind) {
        case 0: {
            F &opt = add(opts, "tcp.options.eol", QStringLiteral("TCP Option - End of Option List (EOL)"),
                         raw, p, 1);
            add(opt, "tcp.option_kind", kindLabel, dec(o.kind), p, 1);
            break;
        }
        case 1: {
            F &opt =
                add(opts, "tcp.options.nop", QStringLiteral("TCP Option - No-Operation (NOP)"), raw, p, 1);
            add(opt, "tcp.option_kind", kindLabel, dec(o.kind), p, 1);
            break;
        }
        case 2: {
            const int mss = be16(d + p + 2);
            F &opt =
                add(opts, "tcp.options.mss",
                    QStringLiteral("TCP Option - Maximum segment size: %1 bytes").arg(mss), raw, p, o.len);
            lenField(opt);
            add(opt, "tcp.options.mss_val", QStringLiteral("MSS Value: %1").arg(mss), dec(mss), p + 2, 2);
            break;
        }
        case 3: {
            const int shift = d[p + 2];
            const int mult = 1 << std::min(shift, 14);
            F &opt =
                add(opts, "tcp.options.wscale",
                    QStringLiteral("TCP Option - Window scale: %1 (multiply by %2)").arg(shift).arg(mult),
                    raw, p, o.len);
            lenField(opt);
            add(opt, "tcp.options.wscale.shift", QStringLiteral("Shift count: %1").arg(shift), dec(shift),
                p + 2, 1);
            add(opt, "tcp.options.wscale.multiplier", QStringLiteral("[Multiplier: %1]").arg(mult), dec(mult),
                p + 2, 1);
            break;
        }
        case 4: {
            F &opt = add(opts, "tcp.options.sack_perm", QStringLiteral("TCP Option - SACK permitted"), raw, p,
                         o.len);
            lenField(opt);
            break;
        }
        case 5: {
            QString title = QStringLiteral("TCP Option - SACK");
            const int blocks = (o.len - 2) / 8;
            for (int b = 0; b < blocks; ++b)
                title += QStringLiteral(" %1-%2")
                             .arg(be32(d + p + 2 + 8 * b) - peerBase)
                             .arg(be32(d + p + 6 + 8 * b) - peerBase);
            F &opt = add(opts, "tcp.options.sack", title, raw, p, o.len);
            lenField(opt);
            const char *rel = peerBase || a ? " (relative)" : "";
            for (int b = 0; b < blocks; ++b) {
                const std::uint32_t le = be32(d + p + 2 + 8 * b) - peerBase;
                const std::uint32_t re = be32(d + p + 6 + 8 * b) - peerBase;
                add(opt, "tcp.options.sack_le",
                    QStringLiteral("left edge = %1%2").arg(le).arg(QLatin1String(rel)), dec(le),
                    p + 2 + 8 * b, 4);
                add(opt, "tcp.options.sack_re",
                    QStringLiteral("right edge = %1%2").arg(re).arg(QLatin1String(rel)), dec(re),
                    p + 6 + 8 * b, 4);
            }
            add(opt, "tcp.options.sack.count", QStringLiteral("[TCP SACK Count: %1]").arg(blocks),
                dec(blocks), p, o.len);
            break;
        }
        case 8: {
            const std::uint32_t tsval = be32(d + p + 2), tsecr = be32(d + p + 6);
            F &opt = add(opts, "tcp.options.timestamp",
                         QStringLiteral("TCP Option - Timestamps: TSval %1, TSecr %2").arg(tsval).arg(tsecr),
                         raw, p, o.len);
            lenField(opt);
            add(opt, "tcp.options.timestamp.tsval", QStringLiteral("Timestamp value: %1").arg(tsval),
                dec(tsval), p + 2, 4);
            add(opt, "tcp.options.timestamp.tsecr", QStringLiteral("Timestamp echo reply: %1").arg(tsecr),
                dec(tsecr), p + 6, 4);
            break;
        }
        default: {
            const bool exp = o.kind == 253 || o.kind == 254;
            F &opt =
                add(opts, exp ? "tcp.options.experimental" : "tcp.options.unknown",
                    QStringLiteral("TCP Option - %1").arg(QLatin1String(exp ? "Experimental" : "Unknown")),
                    raw, p, o.len);
            lenField(opt);
            if (o.len > 2) {
                const QString payload = hexBytes(d + p + 2, o.len - 2);
                add(opt, exp ? "tcp.options.experimental.data" : "tcp.options.unknown.payload",
                    QStringLiteral("Payload: %1").arg(payload), payload, p + 2, o.len - 2);
            }
            break;
        }
        }
    }
}

void tcpAnalysis(F &tcp, const TcpPacketAnalysis &a)
{
    if (!(a.flags & TcpHasSeqAckAnalysis))
        return;
    F &an = add(tcp, "tcp.analysis", QStringLiteral("[SEQ/ACK analysis]"), QString(), 0, 0);
    if (a.ackRttNs >= 0)
        add(an, "tcp.analysis.ack_rtt",
            QStringLiteral("[The RTT to ACK the segment was: %1 seconds]").arg(seconds(a.ackRttNs)),
            seconds(a.ackRttNs), 0, 0);
    if (a.initialRttNs >= 0)
        add(an, "tcp.analysis.initial_rtt", QStringLiteral("[iRTT: %1 seconds]").arg(seconds(a.initialRttNs)),
            seconds(a.initialRttNs), 0, 0);
    const std::uint16_t findings = a.flags & ~TcpHasSeqAckAnalysis;
    if (!findings)
        return;
    const QString one = QStringLiteral("1");
    {
        F &fl = add(an, "tcp.analysis.flags", QStringLiteral("[TCP Analysis Flags]"), one, 0, 0);
        auto flag = [&](std::uint16_t bit, const char *abbrev, const char *label) {
            if (findings & bit)
                add(fl, abbrev, QStringLiteral("[%1]").arg(QLatin1String(label)), one, 0, 0);
        };
        flag(TcpPortsReused, "tcp.analysis.reused_ports",
             "A new tcp session is started with the same ports as an earlier session in this trace");
        flag(TcpRetransmission | TcpFastRetransmission | TcpSpuriousRetransmission,
             "tcp.analysis.retransmission", "This frame is a (suspected) retransmission");
        flag(TcpFastRetransmission, "tcp.analysis.fast_retransmission",
             "This frame is a (suspected) fast retransmission");
        flag(TcpSpuriousRetransmission, "tcp.analysis.spurious_retransmission",
             "This frame is a (suspected) spurious retransmission");
        flag(TcpOutOfOrder, "tcp.analysis.out_of_order", "This frame is a (suspected) out-of-order segment");
        flag(TcpPreviousSegmentNotCaptured, "tcp.analysis.lost_segment",
             "Previous segment(s) not captured (common at capture start)");
        flag(TcpAckedUnseenSegment, "tcp.analysis.ack_lost_segment",
             "ACKed segment that wasn't captured (common at capture start)");
        flag(TcpWindowUpdate, "tcp.analysis.window_update", "TCP window update");
        flag(TcpWindowFull, "tcp.analysis.window_full",
             "TCP window specified by the receiver is now completely full");
        flag(TcpKeepAlive, "tcp.analysis.keep_alive", "TCP keep-alive segment");
        flag(TcpKeepAliveAck, "tcp.analysis.keep_alive_ack", "ACK to a TCP keep-alive segment");
        flag(TcpDupAck, "tcp.analysis.duplicate_ack", "This is a TCP duplicate ack");
        flag(TcpZeroWindowProbe, "tcp.analysis.zero_window_probe", "TCP Zero Window Probe");
        flag(TcpZeroWindow, "tcp.analysis.zero_window", "TCP Zero Window segment");
        flag(TcpZeroWindowProbeAck, "tcp.analysis.zero_window_probe_ack", "ACK to a TCP Zero Window Probe");
    }
    if ((findings & TcpDupAck) && a.dupAckNumber) {
        add(an, "tcp.analysis.duplicate_ack_num", QStringLiteral("[Duplicate ACK #: %1]").arg(a.dupAckNumber),
            dec(a.dupAckNumber), 0, 0);
        add(an, "tcp.analysis.duplicate_ack_frame",
            QStringLiteral("[Duplicate to the ACK in frame: %1]").arg(a.dupAckOfFrame), dec(a.dupAckOfFrame),
            0, 0);
    }
}

void tcpLayer(ProtoTree &t, const std::uint8_t *d, const Layout &l, const PacketSummary &s,
              const TcpPacketAnalysis *a)
{
    const int off = l.transportOffset;
    const int avail = l.netEnd - off;
    F f;
    f.abbrev = "tcp";
    f.offset = off;
    f.length =
        l.transportHeaderLength ? l.transportHeaderLength : std::max(0, std::min(avail, l.frameLength - off));
    f.label = QStringLiteral("Transmission Control Protocol");
    if (avail >= 4) {
        f.label += QStringLiteral(", Src Port: %1, Dst Port: %2").arg(s.srcPort).arg(s.dstPort);
        add(f, "tcp.srcport", QStringLiteral("Source Port: %1").arg(s.srcPort), dec(s.srcPort), off, 2);
        add(f, "tcp.dstport", QStringLiteral("Destination Port: %1").arg(s.dstPort), dec(s.dstPort), off + 2,
            2);
    }
    if (avail < 20) {
        addMalformed(f, l);
        t.layers.push_back(std::move(f));
        return;
    }
    const std::uint8_t *p = d + off;
    const bool syn = s.tcpFlags & TcpSyn, fin = s.tcpFlags & TcpFin, ack = s.tcpFlags & TcpAck;
    const bool headerOk = l.transportHeaderLength >= 20;
    const std::uint32_t seq = a ? a->relativeSeq : s.tcpSeq;
    const std::uint32_t ackNo = a ? a->relativeAck : s.tcpAck;
    f.label += QStringLiteral(", Seq: %1").arg(seq);
    if (ack)
        f.label += QStringLiteral(", Ack: %1").arg(ackNo);
    if (headerOk)
        f.label += QStringLiteral(", Len: %1").arg(s.payloadLength);
    if (a)
        add(f, "tcp.stream", QStringLiteral("[Stream index: %1]").arg(a->conversation), dec(a->conversation),
            0, 0);
    if (headerOk)
        add(f, "tcp.len", QStringLiteral("[TCP Segment Len: %1]").arg(s.payloadLength), dec(s.payloadLength),
            0, 0);
    const QString relSeq = a ? QStringLiteral("    (relative sequence number)") : QString();
    add(f, "tcp.seq", QStringLiteral("Sequence Number: %1%2").arg(seq).arg(relSeq), dec(seq), off + 4, 4);
    add(f, "tcp.seq_raw", QStringLiteral("Sequence Number (raw): %1").arg(s.tcpSeq), dec(s.tcpSeq), off + 4,
        4);
    if (headerOk) {
        const std::uint32_t next =
            a ? a->nextSeq : s.tcpSeq + s.payloadLength + (syn ? 1 : 0) + (fin ? 1 : 0);
        add(f, "tcp.nxtseq", QStringLiteral("[Next Sequence Number: %1%2]").arg(next).arg(relSeq), dec(next),
            0, 0);
    }
    const std::uint32_t shownAck = ack ? ackNo : s.tcpAck;
    add(f, "tcp.ack",
        QStringLiteral("Acknowledgment Number: %1%2")
            .arg(shownAck)
            .arg(a && ack ? QStringLiteral("    (relative ack number)") : QString()),
        dec(shownAck), off + 8, 4);
    add(f, "tcp.ack_raw", QStringLiteral("Acknowledgment number (raw): %1").arg(s.tcpAck), dec(s.tcpAck),
        off + 8, 4);
    const int hlWords = p[12] >> 4;
    add(f, "tcp.hdr_len",
        bitPicture(p[12], 0xF0, 8) +
            QStringLiteral("Header Length: %1 bytes (%2)").arg(hlWords * 4).arg(hlWords),
        dec(hlWords * 4), off + 12, 1);
    const std::uint16_t fl = be16(p + 12) & 0x0FFF;
    {
        char names[64];
        char *e = appendTcpFlagNames(names, names + sizeof names, fl & 0x1FF);
        F &flags = add(f, "tcp.flags",
                       QStringLiteral("Flags: 0x%1 (%2)")
                           .arg(fl, 3, 16, QLatin1Char('0'))
                           .arg(QString::fromLatin1(names, int(e - names))),
                       hex(fl, 4), off + 12, 2);
        auto bit = [&](const char *abbrev, std::uint16_t mask, const char *name) {
            add(flags, abbrev,
                bitPicture(fl, mask, 12) + QStringLiteral("%1: ").arg(QLatin1String(name)) +
                    setOrNot(fl & mask),
                dec((fl & mask) ? 1 : 0), off + 12, 2);
        };
        add(flags, "tcp.flags.res",
            bitPicture(fl, 0xE00, 12) + QStringLiteral("Reserved: ") + setOrNot(fl & 0xE00),
            dec((fl >> 9) & 7), off + 12, 2);
        bit("tcp.flags.ae", 0x100, "Accurate ECN");
        bit("tcp.flags.cwr", 0x080, "Congestion Window Reduced");
        bit("tcp.flags.ece", 0x040, "ECN-Echo");
        bit("tcp.flags.urg", 0x020, "Urgent");
        bit("tcp.flags.ack", 0x010, "Acknowledgment");
        bit("tcp.flags.push", 0x008, "Push");
        bit("tcp.flags.reset", 0x004, "Reset");
        bit("tcp.flags.syn", 0x002, "Syn");
        bit("tcp.flags.fin", 0x001, "Fin");
        static const char letters[] = "RRRACEUAPRSF";
        QString str;
        for (int i = 11; i >= 0; --i)
            str += (fl & (1u << i)) ? QLatin1Char(letters[11 - i]) : QChar(0x00B7);
        add(flags, "tcp.flags.str", QStringLiteral("[TCP Flags: %1]").arg(str), str, off + 12, 2);
    }
    add(f, "tcp.window_size_value", QStringLiteral("Window: %1").arg(s.tcpWindow), dec(s.tcpWindow), off + 14,
        2);
    std::uint64_t win = s.tcpWindow;
    const bool scaled = a && !syn && a->windowScale >= 0;
    if (scaled)
        win <<= std::min(a->windowScale, 14);
    add(f, "tcp.window_size", QStringLiteral("[Calculated window size: %1]").arg(win), dec(std::int64_t(win)),
        off + 14, 2);
    if (a && !syn) {
        if (a->windowScale >= 0) {
            const int factor = 1 << std::min(a->windowScale, 14);
            add(f, "tcp.window_size_scalefactor",
                QStringLiteral("[Window size scaling factor: %1]").arg(factor), dec(factor), off + 14, 2);
        } else if (a->windowScale == -1) {
            add(f, "tcp.window_size_scalefactor",
                QStringLiteral("[Window size scaling factor: -1 (unknown)]"), QStringLiteral("-1"), off + 14,
                2);
        } else {
            add(f, "tcp.window_size_scalefactor",
                QStringLiteral("[Window size scaling factor: -2 (no window scaling used)]"),
                QStringLiteral("-2"), off + 14, 2);
        }
    }
    const std::uint16_t ck = be16(p + 16);
    add(f, "tcp.checksum", QStringLiteral("Checksum: %1 [unverified]").arg(hex(ck, 4)), hex(ck, 4), off + 16,
        2);
    add(f, "tcp.checksum.status", QStringLiteral("[Checksum Status: Unverified]"), QStringLiteral("2"), 0, 0);
    add(f, "tcp.urgent_pointer", QStringLiteral("Urgent Pointer: %1").arg(s.tcpUrgent), dec(s.tcpUrgent),
        off + 18, 2);
    if (headerOk)
        tcpOptions(f, d, l, s, a);
    if (a)
        tcpAnalysis(f, *a);
    if (headerOk && s.payloadLength > 0) {
        const int pOff = off + l.transportHeaderLength;
        const int capEnd = std::min(l.netEnd, l.frameLength);
        if (capEnd > pOff) {
            const QString bytes = hexBytes(d + pOff, capEnd - pOff);
            add(f, "tcp.payload", QStringLiteral("TCP payload (%1)").arg(plural(s.payloadLength, "byte")),
                bytes, pOff, capEnd - pOff);
        }
    }
    if (l.malformedLayer == LayerId::Transport)
        addMalformed(f, l);
    t.layers.push_back(std::move(f));
}

void udpLayer(ProtoTree &t, const std::uint8_t *d, const Layout &l, const PacketSummary &s)
{
    const int off = l.transportOffset;
    const int avail = l.netEnd - off;
    F f;
    f.abbrev = "udp";
    f.offset = off;
    f.length = std::max(0, std::min(avail, 8));
    f.label = QStringLiteral("User Datagram Protocol");
    if (avail >= 4) {
        f.label += QStringLiteral(", Src Port: %1, Dst Port: %2").arg(s.srcPort).arg(s.dstPort);
        add(f, "udp.srcport", QStringLiteral("Source Port: %1").arg(s.srcPort), dec(s.srcPort), off, 2);
        add(f, "udp.dstport", QStringLiteral("Destination Port: %1").arg(s.dstPort), dec(s.dstPort), off + 2,
            2);
    }
    if (avail >= 8) {
        const int len = be16(d + off + 4);
        const std::uint16_t ck = be16(d + off + 6);
        add(f, "udp.length", QStringLiteral("Length: %1").arg(len), dec(len), off + 4, 2);
        add(f, "udp.checksum",
            QStringLiteral("Checksum: %1 %2")
                .arg(hex(ck, 4),
                     ck ? QStringLiteral("[unverified]") : QStringLiteral("[zero-value ignored]")),
            hex(ck, 4), off + 6, 2);
        add(f, "udp.checksum.status",
            QStringLiteral("[Checksum Status: %1]").arg(ck ? "Unverified" : "Not present"),
            QStringLiteral("%1").arg(ck ? 2 : 3), 0, 0);
        const int capEnd =
            std::min<std::int64_t>({l.netEnd, l.frameLength, std::int64_t(off) + 8 + s.payloadLength});
        if (!s.malformed && capEnd > off + 8)
            add(f, "udp.payload", QStringLiteral("UDP payload (%1)").arg(plural(s.payloadLength, "byte")),
                hexBytes(d + off + 8, capEnd - off - 8), off + 8, capEnd - off - 8);
    }
    if (l.malformedLayer == LayerId::Transport)
        addMalformed(f, l);
    t.layers.push_back(std::move(f));
    if (!s.malformed && avail >= 8)
        dataLayer(t, d, off + 8,
                  std::min<std::int64_t>({l.netEnd, l.frameLength, std::int64_t(off) + 8 + s.payloadLength}));
}

void icmpLayer(ProtoTree &t, const std::uint8_t *d, const Layout &l, const PacketSummary &s,
               ProtoTree *quoted)
{
    const bool v6 = l.transport == TransportKind::Icmpv6;
    const int off = l.transportOffset;
    const int avail = l.netEnd - off;
    F f;
    f.abbrev = v6 ? "icmpv6" : "icmp";
    f.offset = off;
    f.length = l.transportHeaderLength ? l.transportHeaderLength : std::max(0, avail);
    f.label = v6 ? QStringLiteral("Internet Control Message Protocol v6")
                 : QStringLiteral("Internet Control Message Protocol");
    if (avail >= 4) {
        const int type = d[off], code = d[off + 1];
        const std::uint16_t ck = be16(d + off + 2);
        if (v6) {
            const char *name = icmpv6TypeName(type);
            add(f, "icmpv6.type",
                QStringLiteral("Type: %1 (%2)").arg(QLatin1String(name ? name : "Unknown")).arg(type),
                dec(type), off, 1);
            add(f, "icmpv6.code", QStringLiteral("Code: %1").arg(code), dec(code), off + 1, 1);
            add(f, "icmpv6.checksum", QStringLiteral("Checksum: %1").arg(hex(ck, 4)), hex(ck, 4), off + 2, 2);
            if (s.icmpHasEcho) {
                add(f, "icmpv6.echo.identifier", QStringLiteral("Identifier: %1").arg(hex(s.icmpId, 4)),
                    hex(s.icmpId, 4), off + 4, 2);
                add(f, "icmpv6.echo.sequence_number", QStringLiteral("Sequence: %1").arg(s.icmpSeq),
                    dec(s.icmpSeq), off + 6, 2);
            }
        } else {
            const char *codeName = nullptr;
            const char *name = icmpTypeName(std::uint8_t(type), std::uint8_t(code), &codeName);
            add(f, "icmp.type",
                QStringLiteral("Type: %1 (%2)").arg(type).arg(QLatin1String(name ? name : "Unknown")),
                dec(type), off, 1);
            add(f, "icmp.code",
                codeName ? QStringLiteral("Code: %1 (%2)").arg(code).arg(QLatin1String(codeName))
                         : QStringLiteral("Code: %1").arg(code),
                dec(code), off + 1, 1);
            add(f, "icmp.checksum", QStringLiteral("Checksum: %1 [unverified]").arg(hex(ck, 4)), hex(ck, 4),
                off + 2, 2);
            if (s.icmpHasEcho) {
                const std::uint16_t idLe = std::uint16_t(s.icmpId >> 8 | s.icmpId << 8);
                const std::uint16_t seqLe = std::uint16_t(s.icmpSeq >> 8 | s.icmpSeq << 8);
                add(f, "icmp.ident",
                    QStringLiteral("Identifier (BE): %1 (%2)").arg(s.icmpId).arg(hex(s.icmpId, 4)),
                    dec(s.icmpId), off + 4, 2);
                add(f, "icmp.ident_le",
                    QStringLiteral("Identifier (LE): %1 (%2)").arg(idLe).arg(hex(idLe, 4)), dec(idLe),
                    off + 4, 2);
                add(f, "icmp.seq",
                    QStringLiteral("Sequence Number (BE): %1 (%2)").arg(s.icmpSeq).arg(hex(s.icmpSeq, 4)),
                    dec(s.icmpSeq), off + 6, 2);
                add(f, "icmp.seq_le",
                    QStringLiteral("Sequence Number (LE): %1 (%2)").arg(seqLe).arg(hex(seqLe, 4)), dec(seqLe),
                    off + 6, 2);
            }
        }
    }
    if (l.malformedLayer == LayerId::Transport)
        addMalformed(f, l);
    if (quoted) {
        for (F &layer : quoted->layers)
            f.children.push_back(std::move(layer));
        t.layers.push_back(std::move(f));
        return;
    }
    t.layers.push_back(std::move(f));
    if (!s.malformed && l.transportHeaderLength)
        dataLayer(t, d, off + l.transportHeaderLength, std::min(l.netEnd, l.frameLength));
}

void shiftOffsets(std::vector<F> &v, int by)
{
    for (auto it = v.begin(); it != v.end();) {
        if (it->abbrev == "_ws.malformed") { // quoted packets are cut short by design
            it = v.erase(it);
            continue;
        }
        if (it->length || it->offset)
            it->offset += by;
        shiftOffsets(it->children, by);
        ++it;
    }
}

// ICMP errors quote the offending packet's IP header and the start of its payload.
bool quotesPacket(const Layout &l, const PacketSummary &s)
{
    if (s.malformed || l.transportHeaderLength != 8)
        return false;
    if (l.transport == TransportKind::Icmp)
        return s.icmpType == 3 || s.icmpType == 4 || s.icmpType == 5 || s.icmpType == 11 || s.icmpType == 12;
    if (l.transport == TransportKind::Icmpv6)
        return s.icmpType >= 1 && s.icmpType <= 4;
    return false;
}

void buildNetwork(ProtoTree &t, const std::uint8_t *d, const Layout &l, const PacketSummary &s,
                  const TcpPacketAnalysis *a);

QString quotedTree(const std::uint8_t *d, const Layout &l, const PacketSummary &s, ProtoTree &out)
{
    const int base = l.transportOffset + 8;
    const int end = std::min(l.netEnd, l.frameLength);
    if (end - base < 20)
        return QString();
    PacketSummary is;
    Layout il;
    parseFrame(l.transport == TransportKind::Icmp ? LinkType::Ipv4 : LinkType::Ipv6,
               std::span<const std::uint8_t>(d + base, std::size_t(end - base)), is, il);
    if (il.net != NetKind::IPv4 && il.net != NetKind::IPv6)
        return QString();
    buildNetwork(out, d + base, il, is, nullptr);
    out.layers.erase(
        std::remove_if(out.layers.begin(), out.layers.end(), [](const F &f) { return f.abbrev == "data"; }),
        out.layers.end());
    shiftOffsets(out.layers, base);
    QStringList names;
    for (const F &layer : out.layers)
        names << QString::fromLatin1(layer.abbrev == "ipv6" ? "ipv6" : layer.abbrev);
    Q_UNUSED(s);
    return names.join(QLatin1Char(':'));
}

void ethernetPadding(ProtoTree &t, const std::uint8_t *d, const Layout &l)
{
    // tshark's ethertype dissector reports bytes after the network layer as eth.padding, also under SLL.
    const bool ethertypeLink =
        l.link == LinkKind::Ethernet || l.link == LinkKind::Sll || l.link == LinkKind::Sll2;
    if (!ethertypeLink || l.malformedLayer != LayerId::None)
        return;
    if (l.net != NetKind::IPv4 && l.net != NetKind::IPv6 && l.net != NetKind::Arp)
        return;
    if (l.netEnd <= 0 || l.netEnd >= l.frameLength)
        return;
    // Attach to the Ethernet layer, like Wireshark.
    for (F &layer : t.layers) {
        if (layer.abbrev == "eth" || layer.abbrev == "sll") {
            // Up to the 60-byte Ethernet minimum it is padding; beyond that a trailer.
            const int padEnd = std::max(l.netEnd, std::min(l.frameLength, 60));
            if (padEnd > l.netEnd) {
                const QString b = hexBytes(d + l.netEnd, padEnd - l.netEnd);
                add(layer, "eth.padding", QStringLiteral("Padding: %1").arg(b), b, l.netEnd,
                    padEnd - l.netEnd);
            }
            if (l.frameLength > padEnd) {
                const QString b = hexBytes(d + padEnd, l.frameLength - padEnd);
                add(layer, layer.abbrev == "sll" ? "sll.trailer" : "eth.trailer",
                    QStringLiteral("Trailer: %1").arg(b), b, padEnd, l.frameLength - padEnd);
            }
            return;
        }
    }
}

const ProtoField *findIn(const std::vector<ProtoField> &v, const QByteArray &abbrev)
{
    for (const ProtoField &f : v) {
        if (f.abbrev == abbrev)
            return &f;
        if (const ProtoField *c = findIn(f.children, abbrev))
            return c;
    }
    return nullptr;
}

void findAllIn(const std::vector<ProtoField> &v, const QByteArray &abbrev,
               std::vector<const ProtoField *> &out)
{
    for (const ProtoField &f : v) {
        if (f.abbrev == abbrev)
            out.push_back(&f);
        findAllIn(f.children, abbrev, out);
    }
}

QByteArray canonical(const QByteArray &abbrev)
{
    if (abbrev == "tcp.flags.ns")
        return QByteArrayLiteral("tcp.flags.ae");
    if (abbrev == "tcp.flags.ecn")
        return QByteArrayLiteral("tcp.flags.ece");
    return abbrev;
}

} // namespace

const ProtoField *ProtoTree::find(const QByteArray &abbrev) const
{
    return findIn(layers, canonical(abbrev));
}

std::vector<const ProtoField *> ProtoTree::findAll(const QByteArray &abbrev) const
{
    std::vector<const ProtoField *> out;
    findAllIn(layers, canonical(abbrev), out);
    return out;
}

namespace {

void buildNetwork(ProtoTree &t, const std::uint8_t *d, const Layout &l, const PacketSummary &s,
                  const TcpPacketAnalysis *a)
{
    switch (l.net) {
    case NetKind::Arp:
        arpLayer(t, d, l);
        break;
    case NetKind::IPv4:
        ipv4Layer(t, d, l);
        break;
    case NetKind::IPv6:
        ipv6Layer(t, d, l);
        break;
    case NetKind::Other:
        dataLayer(t, d, l.netOffset, l.frameLength);
        return;
    case NetKind::None:
        return;
    }
    ethernetPadding(t, d, l);
    if (l.malformedLayer == LayerId::Net)
        return;
    if (l.nonFirstFragment) {
        dataLayer(t, d, s.payloadOffset, std::min(l.netEnd, l.frameLength));
        return;
    }
    switch (l.transport) {
    case TransportKind::Tcp:
        tcpLayer(t, d, l, s, a);
        break;
    case TransportKind::Udp:
        udpLayer(t, d, l, s);
        break;
    case TransportKind::Icmp:
    case TransportKind::Icmpv6: {
        ProtoTree quoted;
        const bool q = quotesPacket(l, s) && !quotedTree(d, l, s, quoted).isEmpty();
        icmpLayer(t, d, l, s, q ? &quoted : nullptr);
        break;
    }
    case TransportKind::Other:
        dataLayer(t, d, l.transportOffset, std::min(l.netEnd, l.frameLength));
        break;
    case TransportKind::None:
        break;
    }
}

} // namespace

ProtoTree dissectTree(LinkType link, std::span<const std::uint8_t> frame, std::uint32_t frameNumber,
                      std::int64_t timeNs, std::uint32_t originalLength, const TcpPacketAnalysis *analysis)
{
    ProtoTree t;
    PacketSummary s;
    Layout l;
    parseFrame(link, frame, s, l);
    const std::uint8_t *d = frame.data();
    QString inner;
    if (quotesPacket(l, s)) {
        ProtoTree quoted;
        inner = quotedTree(d, l, s, quoted);
    }
    frameLayer(t, link, l, s, frameNumber, timeNs, originalLength, inner, analysis);
    linkLayer(t, link, d, l);
    vlanLayers(t, d, l);
    if (l.malformedLayer == LayerId::Link || l.malformedLayer == LayerId::Vlan)
        return t;
    buildNetwork(t, d, l, s, analysis);
    return t;
}

} // namespace wirelab
