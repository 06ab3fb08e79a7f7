// SPDX-License-Identifier: GPL-3.0-or-later
// The fast path: dissectSummary() and the tshark-style Info column. No allocation besides the returned
// std::string: text is built in a stack buffer with std::to_chars.
#include "dissect_p.h"
#include "tcptracker.h"

#include <charconv>
#include <cstring>

namespace wirelab {

using namespace detail;

bool dissectSummary(LinkType link, std::span<const std::uint8_t> frame, PacketSummary &out)
{
    Layout layout;
    return parseFrame(link, frame, out, layout);
}

namespace {

// Bounded text builder on a stack buffer.
class Text
{
public:
    void str(const char *s) { str(s, std::strlen(s)); }
    void str(const char *s, std::size_t n)
    {
        n = std::min<std::size_t>(n, std::size_t(kEnd - m_p));
        std::memcpy(m_p, s, n);
        m_p += n;
    }
    void ch(char c)
    {
        if (m_p < kEnd)
            *m_p++ = c;
    }
    void u(std::uint64_t v)
    {
        auto r = std::to_chars(m_p, kEnd, v);
        if (r.ec == std::errc())
            m_p = r.ptr;
    }
    void i(std::int64_t v)
    {
        auto r = std::to_chars(m_p, kEnd, v);
        if (r.ec == std::errc())
            m_p = r.ptr;
    }
    void hex(std::uint32_t v, int digits)
    {
        static const char kHex[] = "0123456789abcdef";
        if (kEnd - m_p < digits)
            return;
        for (int k = digits - 1; k >= 0; --k)
            *m_p++ = kHex[(v >> (4 * k)) & 15];
    }
    void address(const NetAddress &a)
    {
        if (kEnd - m_p >= 48)
            m_p = formatAddress(m_p, a);
    }
    void ipv4(const std::uint8_t *a)
    {
        if (kEnd - m_p >= 16)
            m_p = formatIpv4(m_p, a);
    }
    void mac(const std::uint8_t *a)
    {
        if (kEnd - m_p >= 18)
            m_p = formatMac(m_p, a);
    }
    void flags(std::uint16_t f) { m_p = appendTcpFlagNames(m_p, kEnd, f); }
    void padTo(std::size_t from, std::size_t width)
    {
        while (std::size_t(m_p - m_buf) - from < width && m_p < kEnd)
            *m_p++ = ' ';
    }
    std::size_t size() const { return std::size_t(m_p - m_buf); }
    std::string result() const { return std::string(m_buf, size()); }

private:
    char m_buf[600];
    char *m_p = m_buf;
    char *const kEnd = m_buf + sizeof m_buf;
};

const char kArrow[] = " \xE2\x86\x92 "; // " → "

void tcpPrefix(Text &t, const TcpPacketAnalysis &a)
{
    // tshark prepends each marker in turn, so the last one it adds comes first.
    const std::uint16_t f = a.flags;
    if (f & TcpZeroWindowProbeAck)
        t.str("[TCP ZeroWindowProbeAck] ");
    if (f & TcpZeroWindow)
        t.str("[TCP ZeroWindow] ");
    if (f & TcpZeroWindowProbe)
        t.str("[TCP ZeroWindowProbe] ");
    if ((f & TcpDupAck) && a.dupAckNumber) {
        t.str("[TCP Dup ACK ");
        t.u(a.dupAckOfFrame);
        t.ch('#');
        t.u(a.dupAckNumber);
        t.str("] ");
    }
    if (f & TcpKeepAliveAck)
        t.str("[TCP Keep-Alive ACK] ");
    if (f & TcpKeepAlive)
        t.str("[TCP Keep-Alive] ");
    if (f & TcpWindowFull)
        t.str("[TCP Window Full] ");
    if (f & TcpWindowUpdate)
        t.str("[TCP Window Update] ");
    if (f & TcpAckedUnseenSegment)
        t.str("[TCP ACKed unseen segment] ");
    if (f & TcpPreviousSegmentNotCaptured)
        t.str("[TCP Previous segment not captured] ");
    if (f & TcpOutOfOrder)
        t.str("[TCP Out-Of-Order] ");
    if (f & TcpSpuriousRetransmission)
        t.str("[TCP Spurious Retransmission] ");
    if (f & TcpFastRetransmission)
        t.str("[TCP Fast Retransmission] ");
    if (f & TcpRetransmission)
        t.str("[TCP Retransmission] ");
    if (f & TcpPortsReused)
        t.str("[TCP Port numbers reused] ");
}

void tcpInfo(Text &t, const PacketSummary &s, const TcpPacketAnalysis *a)
{
    if (a)
        tcpPrefix(t, *a);
    t.u(s.srcPort);
    t.str(kArrow);
    t.u(s.dstPort);
    if (s.tcpHeaderLength == 0) // fewer than 20 bytes: ports only
        return;
    t.str(" [");
    t.flags(s.tcpFlags);
    t.str("] Seq=");
    t.u(a ? a->relativeSeq : s.tcpSeq);
    if (s.tcpFlags & TcpAck) {
        t.str(" Ack=");
        t.u(a ? a->relativeAck : s.tcpAck);
    }
    t.str(" Win=");
    std::uint64_t win = s.tcpWindow;
    if (a && a->windowScale >= 0 && !(s.tcpFlags & TcpSyn))
        win <<= std::min(a->windowScale, 14);
    t.u(win);
    if (s.payloadOffset < 0) // the header claims more bytes than there are: no length, no options
        return;
    if (s.tcpFlags & TcpUrg) {
        t.str(" Urg=");
        t.u(s.tcpUrgent);
    }
    t.str(" Len=");
    t.u(s.payloadLength);
    // SACK edges are relative to the peer's initial sequence number, like the Ack field.
    const std::uint32_t peerBase = (a && (s.tcpFlags & TcpAck)) ? s.tcpAck - a->relativeAck : 0;
    for (int k = 0; k < s.tcpOptOrderCount; ++k) {
        switch (s.tcpOptOrder[k]) {
        case 2:
            t.str(" MSS=");
            t.u(std::uint32_t(s.tcpMss));
            break;
        case 3:
            t.str(" WS=");
            t.u(1u << std::min(s.tcpWindowScale, 14));
            break;
        case 4:
            t.str(" SACK_PERM");
            break;
        case 5:
            for (int b = 0; b < s.tcpSackCount; ++b) {
                t.str(" SLE=");
                t.u(std::uint32_t(s.tcpSack[2 * b] - peerBase));
                t.str(" SRE=");
                t.u(std::uint32_t(s.tcpSack[2 * b + 1] - peerBase));
            }
            break;
        case 8:
            t.str(" TSval=");
            t.u(s.tcpTsVal);
            t.str(" TSecr=");
            t.u(s.tcpTsEcr);
            break;
        default:
            break;
        }
    }
}

void icmpInfo(Text &t, const PacketSummary &s)
{
    if (s.protocol == Protocol::Icmp) {
        const char *codeName = nullptr;
        const char *name = icmpTypeName(s.icmpType, s.icmpCode, &codeName);
        if (!name) {
            t.str("Unknown ICMP (type ");
            t.u(s.icmpType);
            t.str(", code ");
            t.u(s.icmpCode);
            t.ch(')');
            return;
        }
        if (s.icmpHasEcho) {
            const std::size_t start = t.size();
            t.str(name);
            t.padTo(start, 20);
            t.str(" id=0x");
            t.hex(s.icmpId, 4);
            t.str(", seq=");
            t.u(s.icmpSeq);
            t.ch('/');
            t.u(std::uint16_t(s.icmpSeq >> 8 | s.icmpSeq << 8));
            t.str(", ttl=");
            t.u(s.ipTtl);
            return;
        }
        t.str(name);
        if (codeName) {
            t.str(" (");
            t.str(codeName);
            t.ch(')');
        }
        return;
    }
    const char *name = icmpv6TypeName(s.icmpType);
    if (!name) {
        t.str("Unknown ICMPv6 (type ");
        t.u(s.icmpType);
        t.str(", code ");
        t.u(s.icmpCode);
        t.ch(')');
        return;
    }
    t.str(name);
    if (s.icmpHasEcho) {
        t.str(" id=0x");
        t.hex(s.icmpId, 4);
        t.str(", seq=");
        t.u(s.icmpSeq);
        t.str(", hop limit=");
        t.u(s.ipTtl);
    }
}

void arpInfo(Text &t, const PacketSummary &s)
{
    if (!s.arpEthIpv4) {
        t.str("ARP opcode ");
        t.u(s.arpOpcode);
        return;
    }
    const bool gratuitous = s.arpSenderIp == s.arpTargetIp;
    if (s.arpOpcode == 1) {
        if (gratuitous) {
            t.str("Gratuitous ARP for ");
            t.ipv4(s.arpSenderIp.data());
            t.str(" (Request)");
            return;
        }
        t.str("Who has ");
        t.ipv4(s.arpTargetIp.data());
        t.str("? Tell ");
        t.ipv4(s.arpSenderIp.data());
    } else if (s.arpOpcode == 2) {
        if (gratuitous) {
            t.str("Gratuitous ARP for ");
            t.ipv4(s.arpSenderIp.data());
            t.str(" (Reply)");
            return;
        }
        t.ipv4(s.arpSenderIp.data());
        t.str(" is at ");
        t.mac(s.arpSenderMac.data());
    } else {
        t.str("ARP opcode ");
        t.u(s.arpOpcode);
    }
}

} // namespace

std::string summaryInfo(const PacketSummary &s, const TcpPacketAnalysis *analysis)
{
    Text t;
    switch (s.protocol) {
    case Protocol::Tcp:
        tcpInfo(t, s, analysis);
        break;
    case Protocol::Udp:
        t.u(s.srcPort);
        t.str(kArrow);
        t.u(s.dstPort);
        if (s.transportOffset >= 0 && s.payloadOffset >= 0) {
            t.str(" Len=");
            t.u(s.payloadLength);
        }
        break;
    case Protocol::Icmp:
    case Protocol::Icmpv6:
        icmpInfo(t, s);
        break;
    case Protocol::Arp:
        arpInfo(t, s);
        break;
    case Protocol::IPv4:
    case Protocol::IPv6: {
        const char *name = ipProtoName(s.ipProtocol);
        if (s.ipNonFirstFragment) {
            if (s.protocol == Protocol::IPv4) {
                t.str("Fragmented IP protocol (proto=");
                t.str(name ? name : "Unknown");
                t.ch(' ');
                t.u(s.ipProtocol);
                t.str(", off=");
                t.u(s.ipFragmentOffset);
                t.str(", ID=");
                t.hex(s.ipId, 4);
                t.ch(')');
            } else {
                t.str("IPv6 fragment (off=");
                t.u(s.ipFragmentOffset);
                t.str(" more=");
                t.str(s.ipMoreFragments ? "y" : "n");
                t.str(" ident=0x");
                t.hex(s.ipId, 8);
                t.str(" nxt=");
                t.u(s.ipProtocol);
                t.ch(')');
            }
        } else if (s.headerBytes > 0 && !s.malformed) {
            t.str(name ? name : "IP protocol");
            t.str(" (");
            t.u(s.ipProtocol);
            t.ch(')');
        }
        break;
    }
    case Protocol::Ethernet:
    case Protocol::LinuxSll:
    case Protocol::Loopback:
    case Protocol::Unknown:
        break;
    }
    if (s.malformed)
        t.str("[Malformed Packet]"); // tshark appends it without a space
    return t.result();
}

} // namespace wirelab
