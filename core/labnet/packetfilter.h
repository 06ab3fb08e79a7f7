// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Filters for breakpoints on the wire: either a capture filter (BPF syntax, compiled by libpcap's
// pcap_compile for raw IP and run with pcap_offline_filter) or a small display-filter language over the
// dissected summary, as students know it from Wireshark:
//   tcp.flags.syn == 1 && tcp.flags.ack == 0
//   udp.dstport == 8801 || ip.dst == 198.18.0.2
//   tcp.len > 0 and not tcp.flags.fin
// Fields: ip.src ip.dst ip.addr ip.proto ip.ttl frame.len tcp tcp.srcport tcp.dstport tcp.port tcp.len
// tcp.seq_raw tcp.ack_raw tcp.window_size_value tcp.flags.{syn,ack,fin,reset,push,urg} udp udp.srcport
// udp.dstport udp.port udp.length icmp. Operators == != < <= > >=, and/&&, or/||, not/!, parentheses.
// A bare field name tests presence. A filter that is neither valid display filter nor valid BPF is refused
// with one sentence naming the position of the problem.

#include <QString>

#include <cstdint>
#include <memory>
#include <span>

namespace wirelab {

class PacketFilter final
{
public:
    PacketFilter();
    ~PacketFilter();
    PacketFilter(PacketFilter &&) noexcept;
    PacketFilter &operator=(PacketFilter &&) noexcept;

    // Tries the display-filter syntax first, then BPF. Returns false with *error on both failures.
    bool compile(const QString &expression, QString *error);
    bool isValid() const;
    QString expression() const;
    enum class Kind { None, Display, Bpf };
    Kind kind() const;

    // Matches one raw IP packet (no link header: what the wire moves). Thread-compatible: a compiled
    // filter may be used from one thread at a time.
    bool matches(std::span<const std::uint8_t> ipPacket) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace wirelab
