// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A synthetic capture that exercises the TCP analysis (handshake, data, dup ACKs, fast and plain
// retransmissions, zero window, window update, every flag, FIN, RST), UDP on a VLAN, ARP, ICMP, IPv4
// fragments and options, IPv6 with extension headers and ICMPv6, and a few bogus TCP option lengths.
// Used by tst_tshark_diff (compared field by field with tshark) and by tst_tcptracker.

#include "packets.h"

#include <cstdint>
#include <vector>

namespace pkt {

struct TimedFrame
{
    std::int64_t timeNs;
    Bytes bytes;
};

inline std::vector<TimedFrame> syntheticEthernet()
{
    std::vector<TimedFrame> out;
    std::int64_t t = 1700000000LL * 1000000000LL;
    auto add = [&](const Bytes &b, std::int64_t dtNs = 1000000) {
        t += dtNs;
        out.push_back({t, b});
    };
    const std::uint32_t c = 1000, s = 5000;
    const std::uint16_t cp = 40000, sp = 38080;
    auto c2s = [&](std::uint32_t seq, std::uint32_t ack, std::uint16_t flags, std::uint16_t win,
                   const Bytes &opts, const Bytes &data = {}, std::uint16_t urg = 0) {
        return ethernet(ipv4(kA, kB, 6, tcp(cp, sp, seq, ack, flags, win, opts, data, urg)));
    };
    auto s2c = [&](std::uint32_t seq, std::uint32_t ack, std::uint16_t flags, std::uint16_t win,
                   const Bytes &opts, const Bytes &data = {}, std::uint16_t urg = 0) {
        return ethernet(ipv4(kB, kA, 6, tcp(sp, cp, seq, ack, flags, win, opts, data, urg)), 0x0800, 1, 2);
    };
    const Bytes a100(100, 'a'), b100(100, 'b'), c100(100, 'c');
    // 1-3 handshake
    add(c2s(c, 0, SYN, 64240, cat({mss(1460), sackPerm(), {8, 10, 0, 0, 0, 1, 0, 0, 0, 0}, wscale(7)})));
    add(s2c(s, c + 1, SYN | ACK, 65160,
            cat({mss(1460), sackPerm(), {8, 10, 0, 0, 0, 2, 0, 0, 0, 1}, wscale(7)})));
    add(c2s(c + 1, s + 1, ACK, 502, timestamps(3, 2)));
    // 4-6 three data segments
    add(c2s(c + 1, s + 1, ACK | PSH, 502, timestamps(4, 2), a100));
    add(c2s(c + 101, s + 1, ACK | PSH, 502, timestamps(4, 2), b100));
    add(c2s(c + 201, s + 1, ACK | PSH, 502, timestamps(4, 2), c100));
    // 7 ack of the first, 8-10 three duplicate ACKs (the second segment was "lost"), one with SACK
    add(s2c(s + 1, c + 101, ACK, 509, timestamps(5, 4)));
    add(s2c(s + 1, c + 101, ACK, 509, cat({timestamps(5, 4), sack({{c + 201, c + 301}})})));
    add(s2c(s + 1, c + 101, ACK, 509, timestamps(5, 4)));
    add(s2c(s + 1, c + 101, ACK, 509, timestamps(5, 4)));
    // 11 fast retransmission, 12 a later plain retransmission
    add(c2s(c + 101, s + 1, ACK | PSH, 502, timestamps(6, 5), b100));
    add(c2s(c + 101, s + 1, ACK | PSH, 502, timestamps(6, 5), b100), 500000000);
    // 13 zero window, 14 window update, 15 every flag with urgent data
    add(s2c(s + 1, c + 301, ACK, 0, timestamps(7, 6)));
    add(s2c(s + 1, c + 301, ACK, 509, timestamps(7, 6)));
    add(s2c(s + 1, c + 301, ACK | URG | PSH | ECE | CWR | AE, 509, timestamps(7, 6), str("x"), 1));
    // 16 FIN, 17 RST, 18 no flags at all
    add(c2s(c + 301, s + 2, FIN | ACK, 502, timestamps(8, 7)));
    add(s2c(s + 2, c + 302, RST | ACK, 0, {}));
    add(s2c(s + 2, 0, 0, 0, {}));
    // 19 UDP in a VLAN tag, 20-21 ARP request/reply
    add(ethernet(vlan(ipv4(kA, kB, 17, udp(41000, 41001, str("hello"))), 0x2064), 0x8100));
    const std::uint8_t macA[6] = {2, 0, 0, 0, 0, 1}, macB[6] = {2, 0, 0, 0, 0, 2}, zero[6] = {};
    add(ethernet(arp(1, macA, kA, zero, kB), 0x0806, 0xff, 1));
    {
        Bytes padded = ethernet(arp(1, macA, kA, zero, kB), 0x0806, 0xff, 1);
        padded.resize(60, 0); // what an Ethernet NIC sends: padded to the 60-byte minimum
        add(padded);
        Bytes small = ethernet(ipv4(kA, kB, 17, udp(41000, 41003, str("p"))));
        small.resize(60, 0);
        add(small);
    }
    add(ethernet(arp(2, macB, kB, macA, kA), 0x0806, 1, 2));
    // 22-23 ICMP echo, 24 port unreachable quoting a UDP header
    add(ethernet(ipv4(kA, kB, 1, icmpEcho(true, 0x1234, 1, str("abcd")))));
    add(ethernet(ipv4(kB, kA, 1, icmpEcho(false, 0x1234, 1, str("abcd"))), 0x0800, 1, 2));
    {
        Bytes unreach{3, 3, 0, 0, 0, 0, 0, 0};
        append(unreach, ipv4(kA, kB, 17, udp(1, 2, {})));
        const std::uint16_t ck = checksum(unreach, 0, unreach.size());
        unreach[2] = std::uint8_t(ck >> 8);
        unreach[3] = std::uint8_t(ck);
        add(ethernet(ipv4(kB, kA, 1, unreach), 0x0800, 1, 2));
    }
    // 25-26 IPv4 fragments, 27 IPv4 with a Router Alert option
    {
        Ip4Opts f1;
        f1.id = 0x55;
        f1.flags = 1;
        add(ethernet(ipv4(kA, kB, 17, udp(41000, 41002, Bytes(16, 'z')), f1)));
        Ip4Opts f2;
        f2.id = 0x55;
        f2.flags = 0;
        f2.fragOffset = 3;
        add(ethernet(ipv4(kA, kB, 17, Bytes(16, 'y'), f2)));
        Ip4Opts ra;
        ra.options = {0x94, 4, 0, 0};
        ra.tos = 0xB8;
        add(ethernet(ipv4(kA, kB, 17, udp(41000, 41002, str("q")), ra)));
    }
    // 28 IPv6 hop-by-hop + UDP, 29 ICMPv6 echo, 30 atomic fragment + TCP, 31 routing + dest options + TCP SYN
    {
        Bytes hbh{17, 0, 1, 4, 0, 0, 0, 0};
        append(hbh, udp(41234, 41235, str("v6")));
        add(ethernet(ipv6(kA6, kB6, 0, hbh, 0x12, 0x54321), 0x86DD));
        add(ethernet(ipv6(kA6, kB6, 58, icmpEcho(true, 7, 2, str("ping"), true), 0x12, 0x54321), 0x86DD));
        Bytes frag{6, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef};
        append(frag, tcp(41001, 41002, 3, 4, ACK, 5));
        add(ethernet(ipv6(kA6, kB6, 44, frag), 0x86DD));
        Bytes rt{60, 2, 0, 0, 0, 0, 0, 0};
        rt.insert(rt.end(), kB6.a, kB6.a + 16);
        append(rt, {6, 0, 1, 4, 0, 0, 0, 0});
        append(rt, tcp(46000, 47000, 1, 0, SYN, 100));
        add(ethernet(ipv6(kA6, kB6, 43, rt), 0x86DD));
        Bytes later{17, 0, 0, 8 << 3 | 1, 0xde, 0xad, 0xbe, 0xef}; // offset 64, more fragments
        append(later, Bytes(16, 'x'));
        add(ethernet(ipv6(kA6, kB6, 44, later), 0x86DD));
    }
    // 32 truncated TCP header (IP total length says more than captured), 33-36 bad option lengths
    {
        Bytes full = ethernet(ipv4(
            kA, kB, 6, tcp(40000, 40081, 7, 0, SYN, 10, cat({mss(1460), wscale(3), sackPerm(), {0, 0}}))));
        full.resize(54);
        add(full);
        add(ethernet(ipv4(kA, kB, 6, tcp(40001, 40081, 7, 0, SYN, 10, {2, 1, 0, 0}))));
        add(ethernet(ipv4(kA, kB, 6, tcp(40002, 40081, 7, 0, SYN, 10, {2, 8, 0, 0}))));
        add(ethernet(ipv4(kA, kB, 6, tcp(40003, 40081, 7, 0, SYN, 10, {8, 10, 0, 0}))));
        add(ethernet(ipv4(kA, kB, 6, tcp(40003, 40081, 7, 0, SYN, 10, {99, 4, 0, 0, 98, 2, 0, 0}))));
    }
    // 37-41 a second conversation without handshake: keep-alive, keep-alive ACK, out of order, lost segment
    {
        auto x = [&](std::uint32_t seq, std::uint32_t ack, std::uint16_t fl, const Bytes &data) {
            return ethernet(ipv4(kA, kB, 6, tcp(42000, 42001, seq, ack, fl, 1000, {}, data)));
        };
        auto y = [&](std::uint32_t seq, std::uint32_t ack, std::uint16_t fl) {
            return ethernet(ipv4(kB, kA, 6, tcp(42001, 42000, seq, ack, fl, 1000, {}, {})), 0x0800, 1, 2);
        };
        add(x(100, 900, ACK | PSH, Bytes(10, 'k')));
        add(y(900, 110, ACK));
        add(x(109, 900, ACK, Bytes(1, 0)));                  // keep-alive
        add(y(900, 110, ACK));                               // keep-alive ACK
        add(x(130, 900, ACK | PSH, Bytes(10, 'm')));         // previous segment not captured
        add(x(110, 900, ACK | PSH, Bytes(10, 'l')), 100000); // out of order (within 3 ms)
        add(x(140, 900, ACK | PSH, Bytes(10, 'n')));
        add(y(900, 150, ACK));
        add(x(150, 900, ACK | PSH, Bytes(10, 'o')));
        add(y(900, 125, ACK));                      // an old ACK
        add(x(120, 900, ACK | PSH, Bytes(5, 'p'))); // spurious retransmission (already acked)
    }
    // ACK number without the ACK flag; a zero window segment that is also a retransmission
    add(c2s(c + 302, 77, PSH, 502, {}, str("late")));
    add(c2s(c + 302, s + 3, ACK | PSH, 0, {}, str("late")), 600000000);
    return out;
}

} // namespace pkt
