// SPDX-License-Identifier: GPL-3.0-or-later
// TCP conversation tracking on hand-built conversations: relative numbers, the handshake and its RTT,
// per-side states, retransmissions, duplicate ACKs, interleaved conversations and port reuse.
#include "packets.h"

#include "dissect/dissect.h"
#include "dissect/tcptracker.h"

#include <QTest>

using namespace wirelab;
using namespace pkt;

namespace {

constexpr std::int64_t kMs = 1000000;

struct Feeder
{
    TcpConversationTracker tracker;
    std::uint32_t number = 0;
    std::int64_t now = 1700000000LL * 1000000000LL;

    // Sends one segment; returns its frame number.
    std::uint32_t send(bool fromA, std::uint16_t portA, std::uint16_t portB, std::uint32_t seq,
                       std::uint32_t ack, std::uint16_t flags, std::uint16_t win, const Bytes &opts = {},
                       int dataLen = 0, std::int64_t afterNs = kMs)
    {
        now += afterNs;
        const Bytes data(std::size_t(dataLen), 'd');
        const Bytes frame =
            fromA ? ethernet(ipv4(kA, kB, 6, tcp(portA, portB, seq, ack, flags, win, opts, data)))
                  : ethernet(ipv4(kB, kA, 6, tcp(portB, portA, seq, ack, flags, win, opts, data)));
        PacketSummary s;
        dissectSummary(LinkType::Ethernet, span(frame), s);
        tracker.add(++number, now, s);
        lastSummary = s;
        return number;
    }
    const TcpPacketAnalysis &a(std::uint32_t frame) const
    {
        const TcpPacketAnalysis *p = tracker.analysis(frame);
        if (!p)
            qFatal("no analysis for frame %u", frame);
        return *p;
    }
    PacketSummary lastSummary;
};

Bytes synOpts()
{
    return cat({mss(1460), sackPerm(), {1, 1}, wscale(7)});
}

} // namespace

class TcpTracker : public QObject
{
    Q_OBJECT

private slots:
    void handshakeDataAndClose();
    void interleavedConversations();
    void midStreamCapture();
    void portReuseStartsNewStream();
    void nonTcpIsIgnored();
    void manyPacketsStayCompact();
};

void TcpTracker::handshakeDataAndClose()
{
    Feeder f;
    const std::uint16_t c = 41234, s = 8800;
    const auto syn = f.send(true, c, s, 1000, 0, SYN, 64240, synOpts(), 0, 0);
    QCOMPARE(f.tracker.conversations().size(), std::size_t(1));
    QCOMPARE(f.tracker.conversations()[0].clientState, TcpState::SynSent);
    QCOMPARE(f.tracker.conversations()[0].serverState, TcpState::Closed);
    const auto synAck = f.send(false, c, s, 5000, 1001, SYN | ACK, 65160, synOpts(), 0, 1 * kMs);
    QCOMPARE(f.tracker.conversations()[0].serverState, TcpState::SynReceived);
    const auto ack = f.send(true, c, s, 1001, 5001, ACK, 502, {}, 0, 2 * kMs);

    const TcpConversation &conv = f.tracker.conversations()[0];
    QCOMPARE(conv.clientPort, c);
    QCOMPARE(conv.serverPort, s);
    QCOMPARE(conv.clientAddress.toString(), QStringLiteral("10.0.0.1"));
    QCOMPARE(conv.clientIsn, 1000u);
    QCOMPARE(conv.serverIsn, 5000u);
    QVERIFY(conv.sawSyn && conv.sawSynAck && conv.handshakeComplete);
    QCOMPARE(conv.synFrame, syn);
    QCOMPARE(conv.synAckFrame, synAck);
    QCOMPARE(conv.ackFrame, ack);
    QCOMPARE(conv.initialRttNs, 3 * kMs); // SYN -> ACK of the SYN-ACK
    QCOMPARE(conv.clientState, TcpState::Established);
    QCOMPARE(conv.serverState, TcpState::Established);

    QCOMPARE(f.a(syn).relativeSeq, 0u);
    QCOMPARE(f.a(syn).nextSeq, 1u);
    QVERIFY(f.a(syn).fromClient);
    QCOMPARE(f.a(synAck).relativeSeq, 0u);
    QCOMPARE(f.a(synAck).relativeAck, 1u);
    QVERIFY(!f.a(synAck).fromClient);
    QCOMPARE(f.a(synAck).ackRttNs, 1 * kMs);
    QCOMPARE(f.a(ack).relativeSeq, 1u);
    QCOMPARE(f.a(ack).relativeAck, 1u);
    QCOMPARE(f.a(ack).initialRttNs, 3 * kMs);
    QCOMPARE(f.a(ack).windowScale, 7);
    QCOMPARE(QString::fromStdString(summaryInfo(f.lastSummary, &f.a(ack))),
             QStringLiteral("41234 → 8800 [ACK] Seq=1 Ack=1 Win=64256 Len=0"));

    const auto d1 = f.send(true, c, s, 1001, 5001, ACK | PSH, 502, {}, 100);
    QCOMPARE(f.a(d1).relativeSeq, 1u);
    QCOMPARE(f.a(d1).nextSeq, 101u);
    const auto a1 = f.send(false, c, s, 5001, 1101, ACK, 509, {}, 0, 1 * kMs);
    QCOMPARE(f.a(a1).relativeAck, 101u);
    QCOMPARE(f.a(a1).ackRttNs, 1 * kMs);
    QVERIFY(f.a(a1).flags & TcpHasSeqAckAnalysis);

    f.send(true, c, s, 1101, 5001, ACK | PSH, 502, {}, 100);
    f.send(true, c, s, 1201, 5001, ACK | PSH, 502, {}, 100);
    const auto a2 = f.send(false, c, s, 5001, 1201, ACK, 509);
    for (std::uint32_t n = 1; n <= 3; ++n) {
        const auto dup = f.send(false, c, s, 5001, 1201, ACK, 509);
        QVERIFY(f.a(dup).flags & TcpDupAck);
        QCOMPARE(f.a(dup).dupAckNumber, n);
        QCOMPARE(f.a(dup).dupAckOfFrame, a2);
        QCOMPARE(QString::fromStdString(summaryInfo(f.lastSummary, &f.a(dup))),
                 QStringLiteral("[TCP Dup ACK %1#%2] 8800 → 41234 [ACK] Seq=1 Ack=201 Win=65152 Len=0")
                     .arg(a2)
                     .arg(n));
    }
    QVERIFY(!(f.a(a2).flags & TcpDupAck));
    const auto rtx = f.send(true, c, s, 1201, 5001, ACK | PSH, 502, {}, 100, 500 * kMs);
    QVERIFY(f.a(rtx).flags & TcpRetransmission);
    QCOMPARE(f.a(rtx).relativeSeq, 201u);
    QVERIFY(QString::fromStdString(summaryInfo(f.lastSummary, &f.a(rtx)))
                .startsWith(QLatin1String("[TCP Retransmission] ")));
    QCOMPARE(f.tracker.conversations()[0].retransmissions, 1u);
    QCOMPARE(f.tracker.conversations()[0].dupAcks, 3u);

    f.send(false, c, s, 5001, 1301, ACK, 509);
    // Close: client FIN, server ACK, server FIN, client ACK.
    const auto fin1 = f.send(true, c, s, 1301, 5001, FIN | ACK, 502);
    QCOMPARE(f.a(fin1).nextSeq, 302u);
    QCOMPARE(f.tracker.conversations()[0].clientState, TcpState::FinWait1);
    QCOMPARE(f.tracker.conversations()[0].serverState, TcpState::CloseWait);
    f.send(false, c, s, 5001, 1302, ACK, 509);
    QCOMPARE(f.tracker.conversations()[0].clientState, TcpState::FinWait2);
    f.send(false, c, s, 5001, 1302, FIN | ACK, 509);
    QCOMPARE(f.tracker.conversations()[0].serverState, TcpState::LastAck);
    QCOMPARE(f.tracker.conversations()[0].clientState, TcpState::TimeWait);
    const auto last = f.send(true, c, s, 1302, 5002, ACK, 502);
    QCOMPARE(f.tracker.conversations()[0].serverState, TcpState::Closed);
    QCOMPARE(f.a(last).relativeSeq, 302u);
    QCOMPARE(f.a(last).relativeAck, 2u);
    QCOMPARE(f.tracker.conversations()[0].bytesFromClient, 400u);
    QCOMPARE(f.tracker.conversations()[0].packets, std::uint64_t(last));
    QCOMPARE(QString::fromLatin1(tcpStateName(TcpState::TimeWait)), QStringLiteral("TIME_WAIT"));
}

void TcpTracker::interleavedConversations()
{
    Feeder f;
    const auto synA = f.send(true, 1111, 80, 100, 0, SYN, 1000);
    const auto synB = f.send(false, 2222, 81, 900, 0, SYN, 1000); // B's client is 10.0.0.2
    const auto synAckB = f.send(true, 2222, 81, 7000, 901, SYN | ACK, 1000);
    const auto synAckA = f.send(false, 1111, 80, 3000, 101, SYN | ACK, 1000);
    const auto ackA = f.send(true, 1111, 80, 101, 3001, ACK, 1000);
    const auto dataB = f.send(false, 2222, 81, 901, 7001, ACK | PSH, 1000, {}, 10);
    const auto ackB = f.send(true, 2222, 81, 7001, 911, ACK, 1000);
    QCOMPARE(f.tracker.conversations().size(), std::size_t(2));
    QCOMPARE(f.a(synA).conversation, 0u);
    QCOMPARE(f.a(synAckA).conversation, 0u);
    QCOMPARE(f.a(ackA).conversation, 0u);
    QCOMPARE(f.a(synB).conversation, 1u);
    QCOMPARE(f.a(synAckB).conversation, 1u);
    QCOMPARE(f.a(dataB).conversation, 1u);
    QVERIFY(f.a(synB).fromClient);
    QVERIFY(!f.a(synAckB).fromClient);
    QCOMPARE(f.tracker.conversations()[1].clientAddress.toString(), QStringLiteral("10.0.0.2"));
    QCOMPARE(f.a(dataB).relativeSeq, 1u);
    QCOMPARE(f.a(ackB).relativeAck, 11u);
    QCOMPARE(f.a(ackA).relativeAck, 1u);
    QCOMPARE(f.tracker.conversations()[0].initialRttNs, 4 * kMs);
    QCOMPARE(f.tracker.conversations()[1].initialRttNs,
             4 * kMs); // B's SYN (frame 2) -> B's first ACK (frame 6)
    QCOMPARE(f.tracker.analysis(synA)->conversation, 0u);
    QVERIFY(!f.tracker.analysis(999));
}

void TcpTracker::midStreamCapture()
{
    Feeder f;
    const auto d = f.send(false, 5000, 443, 123456, 654321, ACK | PSH, 1000, {}, 50);
    const TcpConversation &c = f.tracker.conversations()[0];
    QCOMPARE(c.clientAddress.toString(), QStringLiteral("10.0.0.2")); // sender of the first packet seen
    QCOMPARE(c.clientState, TcpState::Established);
    QCOMPARE(f.a(d).relativeSeq, 1u);
    QCOMPARE(f.a(d).relativeAck, 1u);
    QCOMPARE(f.a(d).windowScale, -1);
    QVERIFY(!c.sawSyn);
}

void TcpTracker::portReuseStartsNewStream()
{
    Feeder f;
    f.send(true, 3333, 80, 100, 0, SYN, 1000);
    f.send(false, 3333, 80, 500, 101, SYN | ACK, 1000);
    f.send(true, 3333, 80, 101, 501, RST | ACK, 0);
    QCOMPARE(f.tracker.conversations()[0].clientState, TcpState::Reset);
    const auto again = f.send(true, 3333, 80, 90000, 0, SYN, 1000);
    QCOMPARE(f.tracker.conversations().size(), std::size_t(2));
    QCOMPARE(f.a(again).conversation, 1u);
    QVERIFY(f.a(again).flags & TcpPortsReused);
    QCOMPARE(f.a(again).relativeSeq, 0u);
}

void TcpTracker::nonTcpIsIgnored()
{
    TcpConversationTracker t;
    PacketSummary s;
    const Bytes u = ethernet(ipv4(kA, kB, 17, udp(1, 2, {})));
    dissectSummary(LinkType::Ethernet, span(u), s);
    t.add(1, 0, s);
    QVERIFY(!t.analysis(1));
    QVERIFY(t.conversations().empty());
    t.clear();
    QVERIFY(t.conversations().empty());
}

void TcpTracker::manyPacketsStayCompact()
{
    static_assert(sizeof(TcpPacketAnalysis) <= 64);
    Feeder f;
    std::uint32_t seq = 1, ack = 1;
    f.send(true, 4444, 80, 0, 0, SYN, 1000);
    f.send(false, 4444, 80, 0, 1, SYN | ACK, 1000);
    for (int i = 0; i < 100000; ++i) {
        f.send(true, 4444, 80, seq, ack, ACK, 1000, {}, 100, 1000);
        seq += 100;
        f.send(false, 4444, 80, ack, seq, ACK, 1000, {}, 0, 1000);
    }
    QCOMPARE(f.tracker.conversations().size(), std::size_t(1));
    QCOMPARE(f.tracker.conversations()[0].retransmissions, 0u);
    QCOMPARE(f.tracker.conversations()[0].dupAcks, 0u);
    QCOMPARE(f.a(f.number).relativeAck, seq);
}

QTEST_GUILESS_MAIN(TcpTracker)
#include "tst_tcptracker.moc"
