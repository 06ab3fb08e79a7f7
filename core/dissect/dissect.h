// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Layered packet dissection: pure functions over bytes.
//
// Two entry points over the same layer code:
//  - dissectSummary(): the fast path for packet lists, checkpoints and `wirelab-cli summary`; no
//    allocation beyond the info string, no tree.
//  - dissectTree(): the details tree, every field with its byte range and its Wireshark field name.
// Malformed input never crashes or reads past the end: the layer that runs out of bytes adds a field
// marked malformed ("_ws.malformed") and stops.

#include "linktype.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace wirelab {

class TcpConversationTracker;
struct TcpPacketAnalysis;

enum class Protocol : std::uint8_t {
    Unknown,
    Ethernet,
    LinuxSll,
    Loopback,
    Arp,
    IPv4,
    IPv6,
    Icmp,
    Icmpv6,
    Tcp,
    Udp,
};
const char *protocolName(Protocol p); // "TCP", "UDP", "IPv4", ... as in tshark's Protocol column

struct NetAddress
{
    enum class Family : std::uint8_t { None, Mac, IPv4, IPv6 } family = Family::None;
    std::array<std::uint8_t, 16> bytes{};
    QString toString() const; // 198.18.0.1, 2001:db8::1, 00:11:22:33:44:55
    bool operator==(const NetAddress &o) const = default;
};

// TCP flag bits as in the header's flags byte (plus NS in bit 8).
enum TcpFlag : std::uint16_t {
    TcpFin = 0x001, TcpSyn = 0x002, TcpRst = 0x004, TcpPsh = 0x008,
    TcpAck = 0x010, TcpUrg = 0x020, TcpEce = 0x040, TcpCwr = 0x080, TcpNs = 0x100,
};

// What the fast path learns about one packet.
struct PacketSummary
{
    Protocol protocol = Protocol::Unknown; // topmost protocol recognised
    NetAddress src, dst;                   // network-layer addresses, or MACs when there is no IP
    std::uint16_t srcPort = 0, dstPort = 0;
    bool hasPorts = false;
    bool malformed = false;
    std::uint8_t ipProtocol = 0;           // 6 TCP, 17 UDP, ...
    int transportOffset = -1;              // offset of the TCP/UDP header in the frame
    int payloadOffset = -1;                // offset of the transport payload
    std::uint32_t payloadLength = 0;       // transport payload bytes (by the IP/UDP length, not caplen)
    // TCP only
    std::uint16_t tcpFlags = 0;
    std::uint32_t tcpSeq = 0, tcpAck = 0;  // absolute
    std::uint32_t tcpWindow = 0;           // raw window field (unscaled)
    int tcpHeaderLength = 0;
    // Options seen on this segment (SYNs carry most of them); -1 when absent.
    int tcpMss = -1, tcpWindowScale = -1;
    bool tcpSackPermitted = false;
    bool tcpHasTimestamps = false;
    std::uint32_t tcpTsVal = 0, tcpTsEcr = 0;
    int headerBytes = 0;                   // all header bytes from link layer to transport, inclusive

    // IP details for the Info column.
    std::uint8_t ipTtl = 0;                // TTL or hop limit
    bool ipMoreFragments = false;
    bool ipNonFirstFragment = false;       // fragment offset != 0: no transport layer was decoded
    std::uint32_t ipId = 0;                // IPv4 identification, or the IPv6 fragment header's
    std::uint32_t ipFragmentOffset = 0;    // bytes
    // ICMP / ICMPv6
    std::uint8_t icmpType = 0, icmpCode = 0;
    bool icmpHasEcho = false;              // echo request/reply: id and seq valid
    std::uint16_t icmpId = 0, icmpSeq = 0;
    // ARP (Ethernet/IPv4 only)
    bool arpEthIpv4 = false;
    std::uint16_t arpOpcode = 0;
    std::array<std::uint8_t, 6> arpSenderMac{}, arpTargetMac{};
    std::array<std::uint8_t, 4> arpSenderIp{}, arpTargetIp{};
    // UDP
    std::uint16_t udpLength = 0;           // the UDP length field
    // TCP extras
    std::uint16_t tcpUrgent = 0;
    std::uint8_t tcpSackCount = 0;         // SACK blocks on this segment (at most 4)
    std::uint8_t tcpOptOrderCount = 0;
    std::array<std::uint32_t, 8> tcpSack{};    // left/right edges, absolute
    std::array<std::uint8_t, 10> tcpOptOrder{}; // kinds 2,3,4,5,8 in wire order (Info column order)
};

// Fills out from the frame's bytes. Returns false only when nothing at all could be decoded.
bool dissectSummary(LinkType link, std::span<const std::uint8_t> frame, PacketSummary &out);

// tshark-style Info column: "49152 → 8800 [SYN] Seq=0 Win=65495 Len=0 MSS=65495 SACK_PERM TSval=.. TSecr=0 WS=128".
// With analysis, sequence numbers are relative and [TCP Retransmission] / [TCP Dup ACK n#m] prefixes appear.
std::string summaryInfo(const PacketSummary &s, const TcpPacketAnalysis *analysis = nullptr);

// A node of the details tree.
struct ProtoField
{
    QByteArray abbrev;     // Wireshark field name ("tcp.flags.syn"); empty for a plain text node
    QString label;         // what the tree shows: "Source Port: 8800"
    QString value;         // the value as `tshark -T fields -e abbrev` prints it ("8800", "1", "0x0012")
    int offset = 0;        // byte range within the frame, for the hex view
    int length = 0;
    bool malformed = false;
    std::vector<ProtoField> children;
    QString note;          // optional plain-language explanation for students (the TLS dissector sets it)
};

struct ProtoTree
{
    std::vector<ProtoField> layers; // "Frame", "Ethernet II", "Internet Protocol Version 4", "TCP", ...
    // Depth-first search by Wireshark field name; nullptr when absent.
    // Also accepts the upstream Wireshark 4.0 names tcp.flags.ns / tcp.flags.ecn for the fields that the
    // installed tshark 4.0.17 calls tcp.flags.ae / tcp.flags.ece.
    const ProtoField *find(const QByteArray &abbrev) const;
    // All fields with that name, depth-first (SACK edges, VLAN tags and options repeat).
    std::vector<const ProtoField *> findAll(const QByteArray &abbrev) const;
};

// The full tree. frameNumber/timeNs/originalLength fill the "Frame" layer; analysis (may be null) adds
// relative sequence numbers, the handshake RTT and the [SEQ/ACK analysis] subtree.
ProtoTree dissectTree(LinkType link, std::span<const std::uint8_t> frame, std::uint32_t frameNumber,
                      std::int64_t timeNs, std::uint32_t originalLength,
                      const TcpPacketAnalysis *analysis = nullptr);

} // namespace wirelab
