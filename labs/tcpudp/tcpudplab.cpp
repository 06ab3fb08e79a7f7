// SPDX-License-Identifier: GPL-3.0-or-later
#include "tcpudplab.h"

#include "tcpudpinstance.h"

#include "dissect/dissect.h"
#include "dissect/tcptracker.h"
#include "lab/labevidence.h"
#include "lab/labregistry.h"

#include <QCoreApplication>

#include <algorithm>

using namespace wirelab;

namespace {

constexpr const char *kContext = "TcpUdpLab";

// The lab's context for every user-visible string ("TcpUdpLab"), so lupdate files them together.
class TcpUdpLab
{
    Q_DECLARE_TR_FUNCTIONS(TcpUdpLab)
};

LabText text(const char *source)
{
    return labText(kContext, source);
}

// One packet of the lab's traffic as the checkpoints see it.
struct LabPacket
{
    std::uint32_t number = 0;
    std::int64_t timeNs = 0;
    PacketSummary s;
    QByteArray payload;

    bool isTcp() const { return s.protocol == Protocol::Tcp || s.ipProtocol == 6; }
    bool isUdp() const { return s.protocol == Protocol::Udp || s.ipProtocol == 17; }
    bool has(std::uint16_t flag) const { return (s.tcpFlags & flag) != 0; }
    int udpHeaderBytes() const { return s.payloadOffset - s.transportOffset; }
};

std::uint16_t tcpPort(const LabEvidence &e)
{
    return e.endpoints().tcpPorts.empty() ? 0 : e.endpoints().tcpPorts.front();
}
std::uint16_t udpPort(const LabEvidence &e)
{
    return e.endpoints().udpPorts.empty() ? 0 : e.endpoints().udpPorts.front();
}
std::uint16_t blastPort(const LabEvidence &e)
{
    return e.endpoints().udpPorts.size() < 2 ? 0 : e.endpoints().udpPorts.at(1);
}

// Every packet to or from one of the lab's ports, with its transport payload.
std::vector<LabPacket> labPackets(const LabEvidence &e, bool tcp, std::uint16_t port)
{
    std::vector<LabPacket> out;
    e.forEachPacket([&](const PacketView &view, const PacketSummary &s) {
        const bool isTcp = s.protocol == Protocol::Tcp;
        const bool isUdp = s.protocol == Protocol::Udp;
        if ((tcp && !isTcp) || (!tcp && !isUdp) || !s.hasPorts)
            return true;
        if (s.srcPort != port && s.dstPort != port)
            return true;
        LabPacket p;
        p.number = view.number;
        p.timeNs = view.timeNs;
        p.s = s;
        if (s.payloadOffset >= 0 && std::size_t(s.payloadOffset) <= view.bytes.size()) {
            const std::size_t avail = view.bytes.size() - std::size_t(s.payloadOffset);
            const std::size_t len = std::min<std::size_t>(avail, s.payloadLength);
            p.payload = QByteArray(reinterpret_cast<const char *>(view.bytes.data()) + s.payloadOffset, qsizetype(len));
        }
        out.push_back(std::move(p));
        return true;
    });
    return out;
}

std::vector<LabEvent> eventsOf(const LabEvidence &e, const QString &kind, const QString &action = {})
{
    std::vector<LabEvent> out;
    for (LabEvent &event : e.events().all()) {
        if (event.kind != kind)
            continue;
        if (!action.isEmpty() && event.data.value(QStringLiteral("action")).toString() != action)
            continue;
        out.push_back(std::move(event));
    }
    return out;
}

CheckResult noCapture(const LabEvidence &e)
{
    return {false, TcpUdpLab::tr("No packets to check: %1").arg(e.captureProblem())};
}

QString endpoint(const PacketSummary &s, bool source)
{
    return QStringLiteral("%1:%2").arg(source ? s.src.toString() : s.dst.toString())
        .arg(source ? s.srcPort : s.dstPort);
}

// The handshake on the lab's TCP port: the first SYN to it, the SYN-ACK that acknowledges it, and the
// client's ACK of the SYN-ACK. Found from the packets themselves, not from any lab state.
struct Handshake
{
    const LabPacket *syn = nullptr, *synAck = nullptr, *ack = nullptr;
};
Handshake findHandshake(const std::vector<LabPacket> &tcp, std::uint16_t port)
{
    Handshake h;
    for (const LabPacket &p : tcp) {
        if (!h.syn) {
            if (p.has(TcpSyn) && !p.has(TcpAck) && p.s.dstPort == port)
                h.syn = &p;
        } else if (!h.synAck) {
            if (p.has(TcpSyn) && p.has(TcpAck) && p.s.srcPort == port && p.s.dstPort == h.syn->s.srcPort
                && p.s.tcpAck == h.syn->s.tcpSeq + 1)
                h.synAck = &p;
        } else if (!h.ack) {
            if (!p.has(TcpSyn) && p.has(TcpAck) && p.s.dstPort == port && p.s.srcPort == h.syn->s.srcPort
                && p.s.tcpAck == h.synAck->s.tcpSeq + 1)
                h.ack = &p;
        }
    }
    return h;
}

CheckResult checkHandshake(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const std::uint16_t port = tcpPort(e);
    const std::vector<LabPacket> tcp = labPackets(e, true, port);
    const Handshake h = findHandshake(tcp, port);
    if (!h.syn)
        return {false, TcpUdpLab::tr("No SYN to port %1 in the capture yet (%2 TCP packets on that port).").arg(port).arg(tcp.size())};
    if (!h.synAck)
        return {false, TcpUdpLab::tr("SYN #%1 seen, but no SYN-ACK answering it yet.").arg(h.syn->number)};
    if (!h.ack)
        return {false, TcpUdpLab::tr("SYN #%1 and SYN-ACK #%2 seen, but not the client's ACK yet.")
                           .arg(h.syn->number).arg(h.synAck->number)};
    return {true, TcpUdpLab::tr("SYN #%1, SYN-ACK #%2, ACK #%3 between %4 and %5.")
                      .arg(h.syn->number).arg(h.synAck->number).arg(h.ack->number)
                      .arg(endpoint(h.syn->s, true), endpoint(h.syn->s, false))};
}

CheckResult checkSynMss(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const std::uint16_t port = tcpPort(e);
    const std::vector<LabPacket> tcp = labPackets(e, true, port);
    const Handshake h = findHandshake(tcp, port);
    if (!h.syn)
        return {false, TcpUdpLab::tr("No SYN to port %1 in the capture yet.").arg(port)};
    if (h.syn->s.tcpMss < 0)
        return {false, TcpUdpLab::tr("SYN #%1 has no MSS option (its TCP header is %2 bytes).")
                           .arg(h.syn->number).arg(h.syn->s.tcpHeaderLength)};
    QString more;
    if (h.synAck && h.synAck->s.tcpMss >= 0)
        more = TcpUdpLab::tr(" The SYN-ACK #%1 answers with MSS=%2.").arg(h.synAck->number).arg(h.synAck->s.tcpMss);
    return {true, TcpUdpLab::tr("SYN #%1 carries MSS=%2 in a %3-byte TCP header (20 fixed + %4 bytes of options).")
                          .arg(h.syn->number).arg(h.syn->s.tcpMss).arg(h.syn->s.tcpHeaderLength)
                          .arg(h.syn->s.tcpHeaderLength - 20)
                      + more};
}

CheckResult checkUdpConnectSilent(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const std::vector<LabEvent> connects = eventsOf(e, QStringLiteral("udp.connect"));
    if (connects.empty())
        return {false, TcpUdpLab::tr("The UDP socket has not called connect() yet.")};
    const LabEvent &connect = connects.front();
    const int localPort = connect.data.value(QStringLiteral("local_port")).toInt();
    // Datagrams sent later (step 2) are fine; only packets between connect() and the first send count.
    const std::vector<LabEvent> sends = eventsOf(e, QStringLiteral("udp.send"));
    const std::int64_t until = sends.empty() ? std::numeric_limits<std::int64_t>::max() : sends.front().timeNs;
    int before = 0;
    for (const LabPacket &p : labPackets(e, false, udpPort(e))) {
        if (p.timeNs < until && (p.s.srcPort == localPort || p.s.dstPort == localPort))
            ++before;
    }
    if (before > 0)
        return {false, TcpUdpLab::tr("%1 UDP packets involving port %2 appeared before anything was sent.").arg(before).arg(localPort)};
    return {true, TcpUdpLab::tr("connect() on UDP port %1 towards port %2 returned at once, and no packet for it appeared "
                     "on the wire: UDP has no handshake.")
                      .arg(localPort).arg(connect.data.value(QStringLiteral("server_port")).toInt())};
}

CheckResult checkTcpOneRead(const LabEvidence &e)
{
    const std::vector<LabEvent> sends = eventsOf(e, QStringLiteral("tcp.send"), QStringLiteral("send3"));
    const std::vector<LabEvent> reads = eventsOf(e, QStringLiteral("tcp.recv"), QStringLiteral("send3"));
    if (sends.size() < 3 || reads.empty())
        return {false, TcpUdpLab::tr("Waiting for the three send() calls and the server's read (%1 sends, %2 reads so far).")
                           .arg(sends.size()).arg(reads.size())};
    const QString got = reads.front().data.value(QStringLiteral("payload")).toString();
    if (!e.captureAvailable())
        return noCapture(e);
    // The data segments the client sent, as captured.
    const std::uint16_t port = tcpPort(e);
    QStringList segments;
    QByteArray onWire;
    for (const LabPacket &p : labPackets(e, true, port)) {
        if (p.s.dstPort != port || p.payload.isEmpty() || onWire.size() >= 3)
            continue;
        segments << TcpUdpLab::tr("#%1 \"%2\"").arg(p.number).arg(QString::fromLatin1(p.payload));
        onWire += p.payload;
    }
    if (!onWire.startsWith("ABC"))
        return {false, TcpUdpLab::tr("The capture does not show A, B and C on the wire yet (seen: %1).")
                           .arg(segments.isEmpty() ? TcpUdpLab::tr("nothing") : segments.join(QLatin1String(", ")))};
    if (got != QLatin1String("ABC"))
        return {false, TcpUdpLab::tr("The server's first recv() returned \"%1\", not \"ABC\"; try a longer server.read_delay_ms. "
                          "On the wire: %2.").arg(got, segments.join(QLatin1String(", ")))};
    return {true, TcpUdpLab::tr("3 send() calls (A, B, C) travelled in %1 segment(s): %2; the server's single recv() returned "
                     "\"ABC\": TCP delivers a byte stream, not messages.")
                      .arg(segments.size()).arg(segments.join(QLatin1String(", ")))};
}

CheckResult checkUdpThreeReads(const LabEvidence &e)
{
    const std::vector<LabEvent> reads = eventsOf(e, QStringLiteral("udp.recv"), QStringLiteral("send3"));
    if (reads.size() < 3)
        return {false, TcpUdpLab::tr("%1 of 3 datagrams received so far.").arg(reads.size())};
    QStringList got;
    for (const LabEvent &r : reads)
        got << QStringLiteral("\"%1\"").arg(r.data.value(QStringLiteral("payload")).toString());
    if (!e.captureAvailable())
        return noCapture(e);
    const std::uint16_t port = udpPort(e);
    QStringList datagrams;
    for (const LabPacket &p : labPackets(e, false, port)) {
        if (p.s.dstPort == port && p.payload.size() == 1)
            datagrams << QStringLiteral("#%1").arg(p.number);
    }
    if (reads.size() != 3 || datagrams.size() != 3)
        return {false, TcpUdpLab::tr("Expected 3 reads and 3 one-byte datagrams; got %1 reads (%2) and %3 datagrams on the wire.")
                           .arg(reads.size()).arg(got.join(QLatin1String(", "))).arg(datagrams.size())};
    return {true, TcpUdpLab::tr("3 datagrams on the wire (%1) and 3 separate recvfrom() results (%2): UDP keeps message boundaries.")
                      .arg(datagrams.join(QLatin1String(", ")), got.join(QLatin1String(", ")))};
}

CheckResult checkHeaderBytes(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const std::uint16_t tport = tcpPort(e);
    const std::uint16_t uport = udpPort(e);
    int tcpCount = 0, tcpMin = 1 << 30, tcpMax = 0;
    const LabPacket *tcpBig = nullptr;
    const std::vector<LabPacket> tcp = labPackets(e, true, tport);
    for (const LabPacket &p : tcp) {
        if (p.payload.isEmpty())
            continue;
        ++tcpCount;
        tcpMin = std::min(tcpMin, p.s.tcpHeaderLength);
        tcpMax = std::max(tcpMax, p.s.tcpHeaderLength);
        if (!tcpBig && p.payload.size() == 100)
            tcpBig = &p;
    }
    int udpCount = 0, udpMin = 1 << 30, udpMax = 0;
    const LabPacket *udpBig = nullptr;
    const std::vector<LabPacket> udp = labPackets(e, false, uport);
    for (const LabPacket &p : udp) {
        if (p.s.dstPort != uport)
            continue;
        ++udpCount;
        udpMin = std::min(udpMin, p.udpHeaderBytes());
        udpMax = std::max(udpMax, p.udpHeaderBytes());
        if (!udpBig && p.payload.size() == 100)
            udpBig = &p;
    }
    if (!tcpBig || !udpBig)
        return {false, TcpUdpLab::tr("Waiting for the 100-byte message over TCP and over UDP (%1 TCP data segments, %2 datagrams so far).")
                           .arg(tcpCount).arg(udpCount)};
    auto range = [](int low, int high) {
        return low == high ? QString::number(low) : QStringLiteral("%1-%2").arg(low).arg(high);
    };
    if (tcpMin < 20 || tcpMax > 60 || udpMin != 8 || udpMax != 8)
        return {false, TcpUdpLab::tr("Unexpected header sizes: TCP %1 bytes, UDP %2 bytes.")
                           .arg(range(tcpMin, tcpMax), range(udpMin, udpMax))};
    return {true, TcpUdpLab::tr("100 bytes over TCP (#%1): %2-byte TCP header (20 fixed + %3 of options), %4 bytes on the wire; "
                     "over UDP (#%5): 8-byte UDP header, %6 bytes on the wire. This run's %7 TCP data segments had "
                     "%8-byte headers; its %9 datagrams had 8-byte headers.")
                      .arg(tcpBig->number).arg(tcpBig->s.tcpHeaderLength).arg(tcpBig->s.tcpHeaderLength - 20)
                      .arg(tcpBig->s.headerBytes + tcpBig->payload.size())
                      .arg(udpBig->number).arg(udpBig->s.headerBytes + udpBig->payload.size())
                      .arg(tcpCount).arg(range(tcpMin, tcpMax)).arg(udpCount)};
}

CheckResult checkUdpBlastLoss(const LabEvidence &e)
{
    const std::vector<LabEvent> sent = eventsOf(e, QStringLiteral("udp.blast.sent"));
    const std::vector<LabEvent> recv = eventsOf(e, QStringLiteral("udp.blast.recv"));
    const std::vector<LabEvent> counter = eventsOf(e, QStringLiteral("counter.udp.rcvbuferrors"));
    if (sent.empty() || recv.empty() || counter.empty())
        return {false, TcpUdpLab::tr("Waiting for the blast to finish.")};
    const int n = sent.back().data.value(QStringLiteral("count")).toInt();
    const int x = recv.back().data.value(QStringLiteral("received")).toInt();
    const qint64 y = counter.back().data.value(QStringLiteral("delta")).toLongLong();
    const QString rcvbuf = e.parameters().value(QStringLiteral("udp.rcvbuf")).toString();
    if (!e.captureAvailable())
        return noCapture(e);
    int onWire = 0;
    const std::uint16_t port = blastPort(e);
    for (const LabPacket &p : labPackets(e, false, port)) {
        if (p.s.dstPort == port)
            ++onWire;
    }
    // The counter is per network namespace: the server host's own in the lab network, the whole machine's
    // in host mode, where other programs' drops add to it.
    const std::vector<LabEvent> mode = eventsOf(e, QStringLiteral("network.mode"));
    const bool labNetwork =
        !mode.empty() && mode.back().data.value(QStringLiteral("mode")).toString() == QLatin1String("sandbox");
    const QString scope = labNetwork
        ? TcpUdpLab::tr("the server host's own counter")
        : TcpUdpLab::tr("it counts the whole machine in host mode, so other programs' drops add to it");
    const QString figures = TcpUdpLab::tr("received %1 of %2; the kernel's Udp RcvbufErrors counter rose by %3 (%4); "
                               "%5 datagrams seen on the wire; SO_RCVBUF asked for %6 bytes.")
                                .arg(x).arg(n).arg(y).arg(scope).arg(onWire).arg(rcvbuf);
    if (y < 0)
        return {false, TcpUdpLab::tr("The kernel's UDP counters in /proc/net/snmp could not be read: %1").arg(figures)};
    if (x >= n)
        return {false, TcpUdpLab::tr("Nothing was lost: %1").arg(figures)};
    // In the lab network a sender faster than the wire also loses datagrams before they leave it: its
    // interface queue overflows (counted as the interface's tx drops), and sendto() still said yes.
    const std::vector<LabEvent> tx = eventsOf(e, QStringLiteral("counter.client.txdrops"));
    const qint64 senderDrops =
        tx.empty() ? 0 : std::max<qint64>(0, tx.back().data.value(QStringLiteral("delta")).toLongLong());
    QString senderText;
    if (senderDrops > 0)
        senderText =
            QLatin1Char(' ') +
            TcpUdpLab::tr(
                "%1 more never left the client: its network interface's queue was full, and sendto() "
                "did not say so either.")
                .arg(senderDrops);
    if (y < onWire - x)
        return {false,
                TcpUdpLab::tr("The drop counter rose by less than the loss: %1").arg(figures + senderText)};
    if (onWire + senderDrops < n)
        return {false, TcpUdpLab::tr("Fewer datagrams on the wire than sent (is the capture dropping?): %1")
                           .arg(figures + senderText)};
    return {true, TcpUdpLab::tr("UDP has no flow control: %1").arg(figures + senderText)};
}

CheckResult checkTcpBlastComplete(const LabEvidence &e)
{
    const std::vector<LabEvent> sent = eventsOf(e, QStringLiteral("tcp.blast.sent"));
    const std::vector<LabEvent> recv = eventsOf(e, QStringLiteral("tcp.blast.recv"));
    if (sent.empty() || recv.empty())
        return {false, TcpUdpLab::tr("Waiting for the TCP blast to finish.")};
    const qint64 total = sent.back().data.value(QStringLiteral("bytes")).toLongLong();
    const qint64 got = recv.back().data.value(QStringLiteral("bytes")).toLongLong();
    const bool inOrder = recv.back().data.value(QStringLiteral("in_order")).toBool();
    const int waits = sent.back().data.value(QStringLiteral("waits")).toInt();
    const qint64 waitedMs = sent.back().data.value(QStringLiteral("waited_ms")).toLongLong();
    const int reads = recv.back().data.value(QStringLiteral("reads")).toInt();
    if (!e.captureAvailable())
        return noCapture(e);
    const std::uint16_t port = tcpPort(e);
    qint64 wireBytes = 0;
    int zeroWindows = 0, retransmitted = 0;
    for (const LabPacket &p : labPackets(e, true, port)) {
        if (p.s.dstPort == port) {
            wireBytes += p.payload.size();
            const TcpPacketAnalysis *analysis = e.tcp().analysis(p.number);
            if (analysis && (analysis->flags & (TcpRetransmission | TcpFastRetransmission | TcpSpuriousRetransmission)))
                ++retransmitted;
        } else if (p.s.tcpWindow == 0 && !p.has(TcpSyn) && !p.has(TcpRst)) {
            ++zeroWindows;
        }
    }
    const QString figures = TcpUdpLab::tr("%1 of %2 bytes arrived %3 in %4 reads; the sender waited %5 times (%6 ms) for "
                               "the receiver; %7 zero-window advertisements from the server; %8 data bytes to "
                               "the server on the wire, including %9 retransmitted segments.")
                                .arg(got).arg(total)
                                .arg(inOrder ? TcpUdpLab::tr("in order") : TcpUdpLab::tr("out of order"))
                                .arg(reads).arg(waits).arg(waitedMs).arg(zeroWindows).arg(wireBytes)
                                .arg(retransmitted);
    if (got != total || !inOrder)
        return {false, figures};
    if (wireBytes < total)
        return {false, TcpUdpLab::tr("Fewer bytes on the wire than sent (is the capture dropping?): %1").arg(figures)};
    return {true, TcpUdpLab::tr("TCP lost nothing: %1").arg(figures)};
}

CheckResult checkFinBothWays(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const std::uint16_t port = tcpPort(e);
    const std::vector<LabPacket> tcp = labPackets(e, true, port);
    const LabPacket *clientFin = nullptr, *serverFin = nullptr, *clientFinAck = nullptr, *serverFinAck = nullptr;
    for (const LabPacket &p : tcp) {
        const bool fromServer = p.s.srcPort == port;
        if (p.has(TcpFin)) {
            if (fromServer && !serverFin)
                serverFin = &p;
            if (!fromServer && !clientFin)
                clientFin = &p;
        }
        // An ACK that covers the FIN (FIN takes one sequence number, after the segment's data).
        if (p.has(TcpAck)) {
            if (clientFin && !clientFinAck && fromServer && p.s.dstPort == clientFin->s.srcPort
                && p.s.tcpAck == clientFin->s.tcpSeq + clientFin->s.payloadLength + 1)
                clientFinAck = &p;
            if (serverFin && !serverFinAck && !fromServer && p.s.srcPort == serverFin->s.dstPort
                && p.s.tcpAck == serverFin->s.tcpSeq + serverFin->s.payloadLength + 1)
                serverFinAck = &p;
        }
    }
    auto n = [](const LabPacket *p) { return p ? QStringLiteral("#%1").arg(p->number) : TcpUdpLab::tr("missing"); };
    const QString figures = TcpUdpLab::tr("client FIN %1 (ACK %2), server FIN %3 (ACK %4)")
                                .arg(n(clientFin), n(clientFinAck), n(serverFin), n(serverFinAck));
    if (!clientFin || !serverFin || !clientFinAck || !serverFinAck)
        return {false, TcpUdpLab::tr("Not closed both ways yet: %1.").arg(figures)};
    return {true, TcpUdpLab::tr("Closed both ways: %1.").arg(figures)};
}

// Steps that need the lab network read the run's "network.mode" event: in host mode they are skipped,
// with the reason and how to get the lab network, never passed.
bool needsLabNetwork(const LabEvidence &e, CheckResult *skipped)
{
    const std::vector<LabEvent> modes = eventsOf(e, QStringLiteral("network.mode"));
    if (modes.empty() ||
        modes.back().data.value(QStringLiteral("mode")).toString() == QLatin1String("sandbox"))
        return false;
    const QVariantMap &data = modes.back().data;
    QString why = data.value(QStringLiteral("reason")).toString();
    const QString how = data.value(QStringLiteral("how_to_enable")).toString();
    skipped->passed = false;
    skipped->skipped = true;
    skipped->evidence =
        TcpUdpLab::tr("Skipped: this step needs the lab network, and this run is in host mode.");
    if (!why.isEmpty())
        skipped->evidence += QLatin1Char(' ') + why;
    if (!how.isEmpty())
        skipped->evidence += QLatin1Char(' ') + how;
    return true;
}

bool hasComment(const LabEvidence &e, std::uint32_t number)
{
    return number > 0 && !e.packets().comment(number - 1).isEmpty();
}

CheckResult checkUdpLossStaysLost(const LabEvidence &e)
{
    CheckResult skipped;
    if (needsLabNetwork(e, &skipped))
        return skipped;
    const std::vector<LabEvent> sent = eventsOf(e, QStringLiteral("loss.udp.sent"));
    const std::vector<LabEvent> recv = eventsOf(e, QStringLiteral("loss.udp.recv"));
    if (sent.empty() || recv.empty())
        return {false, TcpUdpLab::tr("Waiting for the datagrams through the lossy link.")};
    if (!e.captureAvailable())
        return noCapture(e);
    const int count = sent.back().data.value(QStringLiteral("count")).toInt();
    const int local = sent.back().data.value(QStringLiteral("local_port")).toInt();
    const int received = recv.back().data.value(QStringLiteral("received")).toInt();
    const std::uint16_t port = udpPort(e);
    int onWire = 0, lost = 0;
    QStringList lostFrames;
    for (const LabPacket &p : labPackets(e, false, port)) {
        if (p.s.srcPort != local || p.s.dstPort != port)
            continue;
        ++onWire;
        if (hasComment(e, p.number)) {
            ++lost;
            if (lostFrames.size() < 5)
                lostFrames << QStringLiteral("#%1").arg(p.number);
        }
    }
    const QString figures =
        TcpUdpLab::tr("%1 datagrams sent from port %2, %3 on the wire, %4 marked lost by the link "
                      "(%5), %6 received by the server; none was sent again.")
            .arg(count)
            .arg(local)
            .arg(onWire)
            .arg(lost)
            .arg(lostFrames.isEmpty() ? TcpUdpLab::tr("none") : lostFrames.join(QLatin1String(", ")))
            .arg(received);
    if (onWire != count)
        return {false, TcpUdpLab::tr("The capture does not show every datagram: %1").arg(figures)};
    if (lost == 0 || received >= count)
        return {false, TcpUdpLab::tr("Nothing was lost this time: %1").arg(figures)};
    if (received != count - lost)
        return {false, TcpUdpLab::tr("Received and lost do not add up: %1").arg(figures)};
    return {true, TcpUdpLab::tr("Lost stays lost over UDP: %1").arg(figures)};
}

CheckResult checkTcpRetransmitsLoss(const LabEvidence &e)
{
    CheckResult skipped;
    if (needsLabNetwork(e, &skipped))
        return skipped;
    const std::vector<LabEvent> sent = eventsOf(e, QStringLiteral("loss.tcp.sent"));
    const std::vector<LabEvent> recv = eventsOf(e, QStringLiteral("loss.tcp.recv"));
    if (sent.empty() || recv.empty())
        return {false, TcpUdpLab::tr("Waiting for the TCP transfer through the lossy link.")};
    if (!e.captureAvailable())
        return noCapture(e);
    const qint64 bytes = sent.back().data.value(QStringLiteral("bytes")).toLongLong();
    const int local = sent.back().data.value(QStringLiteral("local_port")).toInt();
    const qint64 got = recv.back().data.value(QStringLiteral("bytes")).toLongLong();
    const bool inOrder = recv.back().data.value(QStringLiteral("in_order")).toBool();
    const std::uint16_t port = tcpPort(e);
    int segments = 0, lost = 0, retransmitted = 0;
    QStringList frames;
    for (const LabPacket &p : labPackets(e, true, port)) {
        if (p.s.srcPort != local || p.s.dstPort != port)
            continue;
        if (p.payload.isEmpty() && !p.has(TcpSyn) && !p.has(TcpFin))
            continue;
        ++segments;
        if (hasComment(e, p.number))
            ++lost;
        const TcpPacketAnalysis *analysis = e.tcp().analysis(p.number);
        if (analysis &&
            (analysis->flags & (TcpRetransmission | TcpFastRetransmission | TcpSpuriousRetransmission))) {
            ++retransmitted;
            if (frames.size() < 5)
                frames << QStringLiteral("#%1").arg(p.number);
        }
    }
    const QString figures =
        TcpUdpLab::tr("the client sent %1 bytes from port %2 in %3 segments; the link lost %4 of them; "
                      "%5 retransmissions (%6); the server received %7 bytes %8.")
            .arg(bytes)
            .arg(local)
            .arg(segments)
            .arg(lost)
            .arg(retransmitted)
            .arg(frames.isEmpty() ? TcpUdpLab::tr("none") : frames.join(QLatin1String(", ")))
            .arg(got)
            .arg(inOrder ? TcpUdpLab::tr("in order") : TcpUdpLab::tr("out of order"));
    if (got != bytes || !inOrder || bytes <= 0)
        return {false, TcpUdpLab::tr("TCP did not deliver everything: %1").arg(figures)};
    if (retransmitted == 0)
        return {false, TcpUdpLab::tr("No retransmission in the capture: %1").arg(figures)};
    return {true, TcpUdpLab::tr("TCP repaired the loss: %1").arg(figures)};
}

CheckResult checkSynHeldRetransmitted(const LabEvidence &e)
{
    CheckResult skipped;
    if (needsLabNetwork(e, &skipped))
        return skipped;
    const std::vector<LabEvent> release = eventsOf(e, QStringLiteral("hold.release"));
    if (release.empty())
        return {false, TcpUdpLab::tr("Waiting for the held SYN to be released.")};
    if (!e.captureAvailable())
        return noCapture(e);
    const int local = release.back().data.value(QStringLiteral("local_port")).toInt();
    const std::uint16_t port = tcpPort(e);
    std::vector<const LabPacket *> syns;
    const LabPacket *synAck = nullptr, *ack = nullptr;
    const std::vector<LabPacket> tcp = labPackets(e, true, port);
    for (const LabPacket &p : tcp) {
        if (p.s.srcPort == local && p.s.dstPort == port && p.has(TcpSyn) && !p.has(TcpAck))
            syns.push_back(&p);
        else if (!syns.empty() && !synAck && p.s.srcPort == port && p.s.dstPort == local && p.has(TcpSyn) &&
                 p.has(TcpAck) && p.s.tcpAck == syns.front()->s.tcpSeq + 1)
            synAck = &p;
        else if (synAck && !ack && p.s.srcPort == local && !p.has(TcpSyn) && p.has(TcpAck) &&
                 p.s.tcpAck == synAck->s.tcpSeq + 1)
            ack = &p;
    }
    if (syns.size() < 2)
        return {false,
                TcpUdpLab::tr(
                    "%1 SYN(s) from port %2 in the capture; the kernel's retransmission has not shown yet.")
                    .arg(syns.size())
                    .arg(local)};
    const LabPacket &first = *syns[0], &second = *syns[1];
    const double gap = double(second.timeNs - first.timeNs) / 1e9;
    const QString figures =
        TcpUdpLab::tr("SYN #%1 and SYN #%2 from port %3, sequence numbers %4 and %5, %6 s apart")
            .arg(first.number)
            .arg(second.number)
            .arg(local)
            .arg(first.s.tcpSeq)
            .arg(second.s.tcpSeq)
            .arg(gap, 0, 'f', 3);
    if (first.s.tcpSeq != second.s.tcpSeq)
        return {false, TcpUdpLab::tr("The two SYNs differ: %1.").arg(figures)};
    if (gap < 0.7 || gap > 2.0)
        return {false, TcpUdpLab::tr("The SYNs are not about one second apart: %1.").arg(figures)};
    if (!synAck || !ack)
        return {false, TcpUdpLab::tr("%1, but the handshake has not completed yet.").arg(figures)};
    return {true, TcpUdpLab::tr(
                      "%1: the client's kernel sent the same SYN again after its 1 s timeout while the wire "
                      "held both; after the release SYN-ACK #%2 and ACK #%3 completed the handshake.")
                      .arg(figures)
                      .arg(synAck->number)
                      .arg(ack->number)};
}

LabParameter intParameter(const char *key, const char *label, const char *help, int value, int min, int max)
{
    LabParameter p;
    p.key = QLatin1String(key);
    p.label = text(label);
    p.help = text(help);
    p.type = LabParameter::Type::Int;
    p.defaultValue = value;
    p.minimum = min;
    p.maximum = max;
    return p;
}

} // namespace

void setupTcpUdpLab(LabRegistry &registry)
{
    LabDefinition lab;
    lab.id = QStringLiteral("tcp-udp");
    lab.title = text(QT_TRANSLATE_NOOP("TcpUdpLab", "TCP vs UDP"));
    lab.summary = text(QT_TRANSLATE_NOOP(
        "TcpUdpLab",
        "Open a real TCP connection and a UDP socket between a client and a server and compare them on the "
        "wire: "
        "the handshake, a byte stream against datagrams, header bytes, loss without flow control, the close, "
        "a lossy link, and a SYN held on the wire."));
    lab.notesReference = QStringLiteral("L138-317");

    lab.parameters.push_back(intParameter("tcp.port",
        QT_TRANSLATE_NOOP("TcpUdpLab", "TCP server port"),
        QT_TRANSLATE_NOOP("TcpUdpLab", "Port the TCP server listens on at 127.0.0.1; 0 picks any free port (the notes use 8800)."),
        0, 0, 65535));
    lab.parameters.push_back(intParameter("udp.port",
        QT_TRANSLATE_NOOP("TcpUdpLab", "UDP server port"),
        QT_TRANSLATE_NOOP("TcpUdpLab", "Port the UDP server is bound to at 127.0.0.1; 0 picks any free port (the notes use 8801)."),
        0, 0, 65535));
    lab.parameters.push_back(intParameter("udp.rcvbuf",
        QT_TRANSLATE_NOOP("TcpUdpLab", "UDP receive buffer (bytes)"),
        QT_TRANSLATE_NOOP("TcpUdpLab", "SO_RCVBUF of the socket the blast hits; the kernel doubles it and caps it at net.core.rmem_max."),
        4096, 256, 4194304));
    lab.parameters.push_back(intParameter("udp.blast_count",
        QT_TRANSLATE_NOOP("TcpUdpLab", "Messages per blast"),
        QT_TRANSLATE_NOOP("TcpUdpLab", "How many messages the UDP blast and the TCP blast send."),
        1000, 10, 100000));
    lab.parameters.push_back(intParameter("udp.blast_payload",
        QT_TRANSLATE_NOOP("TcpUdpLab", "Bytes per blast message"),
        QT_TRANSLATE_NOOP("TcpUdpLab", "Payload size of each message in the UDP and TCP blasts."),
        100, 4, 8192));
    lab.parameters.push_back(intParameter("tcp.rcvbuf",
        QT_TRANSLATE_NOOP("TcpUdpLab", "TCP server receive buffer (bytes)"),
        QT_TRANSLATE_NOOP("TcpUdpLab", "SO_RCVBUF of the TCP server, which bounds the window it advertises; 0 keeps the kernel's autotuning."),
        4096, 0, 4194304));
    lab.parameters.push_back(intParameter("tcp.sndbuf",
        QT_TRANSLATE_NOOP("TcpUdpLab", "TCP client send buffer (bytes)"),
        QT_TRANSLATE_NOOP("TcpUdpLab", "SO_SNDBUF the client sets for the TCP blast, so a closed window makes send() wait; 0 keeps the kernel's autotuning."),
        4096, 0, 4194304));
    lab.parameters.push_back(intParameter("server.read_delay_ms",
        QT_TRANSLATE_NOOP("TcpUdpLab", "Server read delay (ms)"),
        QT_TRANSLATE_NOOP("TcpUdpLab", "How long the servers wait before reading, so that several writes have arrived."),
        200, 0, 5000));
    {
        LabParameter p;
        p.key = QStringLiteral("tcp.nodelay");
        p.label = text(QT_TRANSLATE_NOOP("TcpUdpLab", "Disable Nagle (TCP_NODELAY)"));
        p.help = text(QT_TRANSLATE_NOOP("TcpUdpLab", "Send each small write at once instead of letting Nagle's algorithm hold it back."));
        p.type = LabParameter::Type::Bool;
        p.defaultValue = false;
        lab.parameters.push_back(std::move(p));
    }

    LabStep handshake;
    handshake.id = QStringLiteral("handshake");
    handshake.title = text(QT_TRANSLATE_NOOP("TcpUdpLab", "1. Connect: TCP handshakes, UDP does not"));
    handshake.guide = text(QT_TRANSLATE_NOOP("TcpUdpLab",
        "<p>TCP is connection-oriented: before any data moves, the client and the server agree on their "
        "initial sequence numbers in a <b>three-way handshake</b> (notes L205, L209-213):</p>"
        "<ul><li>the client sends a <b>SYN</b>,</li><li>the server answers with a <b>SYN-ACK</b>,</li>"
        "<li>the client confirms with an <b>ACK</b>.</li></ul>"
        "<p>Your program never sees this: the kernel does the whole exchange and <code>accept()</code> "
        "only hands over a finished connection (notes L219-224).</p>"
        "<p>Press <i>Connect over TCP</i> and find the three packets in the list and as arrows in the ladder. "
        "Click the SYN: its options include the <b>MSS</b>, the largest segment this side is willing to receive.</p>"
        "<p>Then press <i>Connect a UDP socket</i>. <code>connect()</code> on a UDP socket only records the "
        "peer's address in the kernel; UDP keeps no connection state, so nothing appears on the wire "
        "(notes L246).</p>"));
    handshake.actions = {
        {QStringLiteral("tcp.connect"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Connect over TCP"))},
        {QStringLiteral("udp.connect"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Connect a UDP socket"))},
    };
    handshake.checkpoints = {
        {QStringLiteral("tcp.handshake"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "SYN, SYN-ACK, ACK appear in the capture")), checkHandshake},
        {QStringLiteral("tcp.syn.mss"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "The SYN carries an MSS option")), checkSynMss},
        {QStringLiteral("udp.connect.silent"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "A UDP connect() puts nothing on the wire")), checkUdpConnectSilent},
    };
    lab.steps.push_back(std::move(handshake));

    LabStep stream;
    stream.id = QStringLiteral("stream");
    stream.title = text(QT_TRANSLATE_NOOP("TcpUdpLab", "2. Three writes: one stream, three datagrams"));
    stream.guide = text(QT_TRANSLATE_NOOP("TcpUdpLab",
        "<p>TCP carries a <b>stream of bytes</b>; UDP carries <b>messages</b> with fixed boundaries "
        "(notes L152, L244).</p>"
        "<p>Press <i>Send A, B, C over TCP</i>: the client makes three separate <code>send()</code> calls of "
        "one byte each. The server waits a moment (<code>server.read_delay_ms</code>) and then calls "
        "<code>recv()</code> once. It gets <code>ABC</code>: the boundaries between the writes are gone. "
        "Look at the wire too: how many segments carried the three bytes? With Nagle's algorithm on, the "
        "kernel may hold back small writes until the previous one is acknowledged.</p>"
        "<p>Press <i>Send A, B, C over UDP</i>: three datagrams on the wire, and three separate "
        "<code>recvfrom()</code> results, however long the server waited. An application that needs "
        "messages over TCP must frame them itself (a length prefix, a delimiter).</p>"));
    stream.actions = {
        {QStringLiteral("tcp.send3"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Send A, B, C over TCP"))},
        {QStringLiteral("udp.send3"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Send A, B, C over UDP"))},
    };
    stream.checkpoints = {
        {QStringLiteral("tcp.one.read"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Three TCP writes arrive as one read")), checkTcpOneRead},
        {QStringLiteral("udp.three.reads"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Three UDP datagrams arrive as three reads")), checkUdpThreeReads},
    };
    lab.steps.push_back(std::move(stream));

    LabStep headers;
    headers.id = QStringLiteral("headers");
    headers.title = text(QT_TRANSLATE_NOOP("TcpUdpLab", "3. Header bytes per message"));
    headers.guide = text(QT_TRANSLATE_NOOP("TcpUdpLab",
        "<p>Every message pays for its headers. A TCP header is 20 bytes plus up to 40 bytes of options, "
        "20 to 60 in all (notes L232); a UDP header is always 8 bytes: two ports, a length and a "
        "checksum (notes L248).</p>"
        "<p>Press <i>Send 100 bytes over each</i> and click both packets. In the details tree compare the "
        "TCP header length (on Linux usually 32 bytes: 20 plus 12 bytes of timestamp option) with UDP's 8. "
        "Both ride in the same 20-byte IPv4 header and, on loopback, a 14-byte Ethernet header.</p>"
        "<p>For one-byte messages like those of step 2 the headers are many times larger than the data; "
        "that is why chatty protocols batch their writes.</p>"));
    headers.actions = {
        {QStringLiteral("compare.send"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Send 100 bytes over each"))},
    };
    headers.checkpoints = {
        {QStringLiteral("header.bytes"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "TCP's header (20 bytes and more) and UDP's 8 bytes measured on the wire")), checkHeaderBytes},
    };
    lab.steps.push_back(std::move(headers));

    LabStep blast;
    blast.id = QStringLiteral("blast");
    blast.title = text(QT_TRANSLATE_NOOP("TcpUdpLab", "4. Blast: UDP drops, TCP waits"));
    blast.guide = text(QT_TRANSLATE_NOOP(
        "TcpUdpLab",
        "<p>UDP has no flow control: a sender never learns that the receiver cannot keep up (notes L254), "
        "and a datagram that is lost stays lost (notes L252).</p>"
        "<p>Press <i>Blast datagrams over UDP</i>. The client sends <code>udp.blast_count</code> datagrams "
        "as "
        "fast as it can to a server socket whose receive buffer is tiny (<code>udp.rcvbuf</code>) and which "
        "does not read until the blast is over. Then the server drains its socket. Every datagram is on the "
        "wire, but only a handful reach the application; the kernel counts the rest in the "
        "<b>RcvbufErrors</b> column of <code>/proc/net/snmp</code>. In host mode that counter covers the "
        "whole machine, so other programs' drops are counted too; in the lab network it is the server's own. "
        "There the client may even lose datagrams before they leave it: its network interface's queue "
        "overflows, and <code>sendto()</code> does not say so.</p>"
        "<p>Press <i>Blast the same over TCP</i>. The same number of messages goes over the TCP connection "
        "to a server with a small receive buffer (<code>tcp.rcvbuf</code>) that also starts reading late. "
        "Nothing is lost: as the server's buffer fills, the window it advertises shrinks, sometimes to "
        "zero, and the sender's <code>send()</code> has to wait (notes L199).</p>"));
    blast.actions = {
        {QStringLiteral("udp.blast"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Blast datagrams over UDP"))},
        {QStringLiteral("tcp.blast"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Blast the same over TCP"))},
    };
    blast.checkpoints = {
        {QStringLiteral("udp.blast.loss"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "The UDP blast loses datagrams and the kernel counts the drops")), checkUdpBlastLoss},
        {QStringLiteral("tcp.blast.complete"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "The same amount over TCP arrives complete and in order")), checkTcpBlastComplete},
    };
    lab.steps.push_back(std::move(blast));

    LabStep close;
    close.id = QStringLiteral("close");
    close.title = text(QT_TRANSLATE_NOOP("TcpUdpLab", "5. Close: FIN and ACK from each side"));
    close.guide = text(QT_TRANSLATE_NOOP("TcpUdpLab",
        "<p>A TCP connection closes in each direction separately: each side sends a <b>FIN</b> when it has "
        "nothing more to send, and the other side acknowledges it: FIN, ACK, FIN, ACK (notes L205).</p>"
        "<p>Press <i>Close the connections</i>. The client closes first; the server's <code>recv()</code> "
        "returns 0 (end of stream), and then it closes too. Sometimes the server's FIN carries the ACK of "
        "the client's FIN, and you see three packets instead of four.</p>"
        "<p>Closing the UDP socket sends nothing: there was never a connection to end.</p>"));
    close.actions = {
        {QStringLiteral("close"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Close the connections"))},
    };
    close.checkpoints = {
        {QStringLiteral("tcp.fin.both"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "A FIN from each side, each acknowledged")), checkFinBothWays},
    };
    lab.steps.push_back(std::move(close));

    LabStep loss;
    loss.id = QStringLiteral("loss");
    loss.title = text(QT_TRANSLATE_NOOP("TcpUdpLab", "6. A lossy link: UDP loses, TCP repairs"));
    loss.guide = text(QT_TRANSLATE_NOOP(
        "TcpUdpLab",
        "<p>Until now nothing was lost on the way: only a full receive buffer dropped datagrams. Now the "
        "link "
        "itself drops one packet in ten, in both directions, as a bad radio link would.</p>"
        "<p>Press <i>Send through a lossy link</i>. The action sets 10 % loss on the link, sends 200 "
        "numbered "
        "datagrams over UDP and 256 KiB over a new TCP connection, and then puts the link back as it was.</p>"
        "<p>In the packet list a lost packet is still shown, with the comment <i>Lost on the lab "
        "network</i>: "
        "it left the client, but the server never got it. For UDP that is the end of it: no one notices and "
        "no one sends it again (notes L252). TCP notices the missing acknowledgement and sends the segment "
        "again; the ladder marks these retransmissions, and the server still receives every byte in order "
        "(notes L199).</p>"
        "<p>This step needs the lab network; in host mode it is skipped, because nothing there can drop a "
        "single TCP segment.</p>"));
    loss.actions = {
        {QStringLiteral("loss.compare"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Send through a lossy link"))},
    };
    loss.checkpoints = {
        {QStringLiteral("udp.loss.stays.lost"),
         text(QT_TRANSLATE_NOOP("TcpUdpLab", "Datagrams lost on the link stay lost")), checkUdpLossStaysLost},
        {QStringLiteral("tcp.loss.retransmitted"),
         text(QT_TRANSLATE_NOOP("TcpUdpLab", "TCP retransmits what the link lost and delivers every byte")),
         checkTcpRetransmitsLoss},
    };
    lab.steps.push_back(std::move(loss));

    LabStep hold;
    hold.id = QStringLiteral("hold");
    hold.title = text(QT_TRANSLATE_NOOP("TcpUdpLab", "7. Hold a SYN: the kernel sends it again"));
    hold.guide = text(QT_TRANSLATE_NOOP(
        "TcpUdpLab",
        "<p>A breakpoint on the wire holds packets that match a filter until you let them go. The program "
        "does not know, and neither does its kernel: the kernel keeps its own timers.</p>"
        "<p>Press <i>Hold a SYN for 1.5 s</i>. The action sets the breakpoint "
        "<code>tcp.flags.syn == 1 &amp;&amp; tcp.flags.ack == 0</code>, opens a new connection, waits 1.5 "
        "seconds and releases what is held. The client's SYN waits on the wire. After one second without a "
        "SYN-ACK the client's kernel sends the same SYN again (same sequence number): its first "
        "retransmission timeout. Both are released, the server answers, and the handshake completes "
        "(notes L209-213).</p>"
        "<p>Try it by hand in the network panel: set the breakpoint, connect, and press Step, Release all or "
        "Drop. Drop the SYNs and watch the gaps double: 1 s, 2 s, 4 s.</p>"
        "<p>This step needs the lab network; in host mode it is skipped, because there is no wire to hold a "
        "packet on.</p>"));
    hold.actions = {
        {QStringLiteral("syn.hold"), text(QT_TRANSLATE_NOOP("TcpUdpLab", "Hold a SYN for 1.5 s"))},
    };
    hold.checkpoints = {
        {QStringLiteral("tcp.syn.held.retransmitted"),
         text(QT_TRANSLATE_NOOP("TcpUdpLab", "A held SYN is sent again by the client's kernel about 1 s "
                                             "later, then the handshake completes")),
         checkSynHeldRetransmitted},
    };
    lab.steps.push_back(std::move(hold));

    lab.create = [] { return std::make_unique<TcpUdpLabInstance>(); };
    registry.add(std::move(lab));
}
