// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the TCP vs UDP lab headless, on real sockets, once in the lab network (sandbox: namespaces, the
// wire's tap, addresses 198.18.0.x, no libpcap) and once in host mode (127.0.0.1 and a libpcap capture on
// lo), and asserts what a student should see, with the evidence in every failure message. Then writes the
// capture as pcapng and checks our dissection against tshark's for every packet.
#include "capture/capturefile.h"
#include "capturesession.h"
#include "dissect/dissect.h"
#include "lab/labcontroller.h"
#include "lab/labregistry.h"
#include "labnet/labnetwork.h"
#include "labs.h"
#include "headlesslabrun.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace wirelab;

// Without capture rights the lab still runs, but nothing here can be checked: fail loudly, with the reason.
#define REQUIRE_CAPTURE()                                                                                    \
    do {                                                                                                     \
        if (!m_run->controller->captureProblem().isEmpty())                                                  \
            QFAIL(qPrintable(QStringLiteral("No capture: %1").arg(m_run->controller->captureProblem())));    \
    } while (false)

class TestTcpUdpLab final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void theLabIsRegisteredWithItsSteps();
    void theRunSaysWhereItRuns();
    void theSynCarriesAnMssOption();
    void threeTcpWritesArriveAsOneRead();
    void threeUdpDatagramsArriveAsThreeReads();
    void headersAreMeasuredFromTheWire();
    void theUdpBlastLosesDatagramsAndTheKernelCountsThem();
    void theTcpBlastArrivesComplete();
    void bothSidesSendFinAndAck();
    void aLossyLinkLosesUdpAndTcpRetransmits();
    void aHeldSynIsRetransmittedByTheClientsKernel();
    void kernelTelemetryIsSampled();
    void everyCheckpointPassed();
    void ourDissectionMatchesTshark();
    void cleanupTestCase();

private:
    using Run = test::HeadlessLabRun;
    const HeadlessReport &report(const QString &checkpointId);
    std::vector<LabEvent> events(const QString &kind) const;

    LabRegistry m_registry;
    std::map<QString, Run> m_runs; // by global data tag: "sandbox", "host"
    Run *m_run = nullptr;
};

void TestTcpUdpLab::initTestCase_data()
{
    test::addNetworkModeRows();
}

void TestTcpUdpLab::initTestCase()
{
    setupAllLabs(m_registry);
    QVERIFY(m_registry.find(QStringLiteral("tcp-udp")));
}

// The lab runs once per network mode, the first time a test of that mode needs it.
void TestTcpUdpLab::init()
{
    QFETCH_GLOBAL(QString, network);
    Run &run = m_runs[network];
    m_run = &run;
    if (run.done())
        return;
    const QString why = test::runLabOnce(m_registry, QStringLiteral("tcp-udp"), network, run, 5000);
    QVERIFY2(run.duplicateReport.isEmpty(), qPrintable(run.duplicateReport + QStringLiteral(" reported twice")));
    if (!why.isEmpty())
        QFAIL(qPrintable(why));
    qInfo("capture filter \"%s\"; the capture reported %llu dropped", qPrintable(run.controller->captureFilter()),
          static_cast<unsigned long long>(run.controller->droppedPackets()));
}

void TestTcpUdpLab::cleanupTestCase()
{
    m_runs.clear();
}

const HeadlessReport &TestTcpUdpLab::report(const QString &checkpointId)
{
    static const HeadlessReport missing;
    const auto it = m_run->reports.find(checkpointId);
    return it == m_run->reports.end() ? missing : it->second;
}

std::vector<LabEvent> TestTcpUdpLab::events(const QString &kind) const
{
    std::vector<LabEvent> out;
    for (LabEvent &e : m_run->session->events().all()) {
        if (e.kind == kind)
            out.push_back(std::move(e));
    }
    return out;
}

void TestTcpUdpLab::theLabIsRegisteredWithItsSteps()
{
    const LabDefinition *lab = m_registry.find(QStringLiteral("tcp-udp"));
    QVERIFY(lab);
    QCOMPARE(lab->title.text(), QStringLiteral("TCP vs UDP"));
    QCOMPARE(lab->steps.size(), std::size_t(7));
    for (const LabStep &step : lab->steps) {
        QVERIFY2(!step.guide.isEmpty() && step.guide.text().contains(QStringLiteral("notes L")), qPrintable(step.id));
        QVERIFY2(!step.actions.empty(), qPrintable(step.id));
        QVERIFY2(!step.checkpoints.empty(), qPrintable(step.id));
    }
    QString why;
    QVERIFY(lab->parameter(QStringLiteral("udp.rcvbuf")));
    QVERIFY(!lab->parameter(QStringLiteral("udp.rcvbuf"))->parse(QStringLiteral("12"), &why).isValid());
    QCOMPARE(why, QStringLiteral("udp.rcvbuf must be between 256 and 4194304; got 12."));
    QCOMPARE(m_run->reports.size(), std::size_t(12));
    // Every lab gets the link settings as parameters; impossible ones are refused in one sentence.
    QVERIFY(lab->parameter(QStringLiteral("link.delay_ms")));
    QVERIFY(lab->parameter(QStringLiteral("link.c2s.loss_pct")));
    QVERIFY(!lab->parameter(QStringLiteral("link.loss_pct"))->parse(QStringLiteral("120"), &why).isValid());
    QCOMPARE(why, QStringLiteral("link.loss_pct must be between 0 and 100; got 120."));
    QVERIFY(!lab->parameter(QStringLiteral("link.delay_ms"))->parse(QStringLiteral("-5"), &why).isValid());
    QCOMPARE(why, QStringLiteral("link.delay_ms must be between 0 and 10000; got -5."));
}

void TestTcpUdpLab::theRunSaysWhereItRuns()
{
    const std::vector<LabEvent> modes = events(QStringLiteral("network.mode"));
    QCOMPARE(modes.size(), std::size_t(1));
    QCOMPARE(modes.front().data.value(QStringLiteral("mode")).toString(), networkModeName(m_run->mode));
    QCOMPARE(m_run->controller->networkMode(), m_run->mode);
    if (m_run->mode == NetworkMode::Host) {
        QVERIFY(m_run->controller->networkDescription().startsWith(QStringLiteral("host mode: ")));
        QVERIFY(!m_run->controller->captureFilter().isEmpty()); // libpcap on lo, filtered to the lab's ports
        QCOMPARE(m_run->session->store().at(0).linkType, LinkType::Ethernet);
        return;
    }
    // The lab network: the wire's tap is the capture (raw IP, no libpcap, no filter), and every packet is
    // between the lab's own hosts, 198.18.0.1 (client) and 198.18.0.2 (server).
    const QVariantMap addresses = modes.front().data.value(QStringLiteral("addresses")).toMap();
    QCOMPARE(addresses.value(QStringLiteral("client")).toString(), QStringLiteral("198.18.0.1"));
    QCOMPARE(addresses.value(QStringLiteral("server")).toString(), QStringLiteral("198.18.0.2"));
    QVERIFY(m_run->controller->captureFilter().isEmpty());
    QCOMPARE(m_run->controller->droppedPackets(), std::uint64_t(0));
    QVERIFY(m_run->session->store().size() > 100);
    const QString client = QStringLiteral("198.18.0.1"), server = QStringLiteral("198.18.0.2");
    for (std::size_t i = 0; i < m_run->session->store().size(); ++i) {
        QCOMPARE(m_run->session->store().at(i).linkType, LinkType::Raw);
        const PacketSummary s = m_run->session->summary(i);
        QVERIFY2(
            (s.src.toString() == client && s.dst.toString() == server) ||
                (s.src.toString() == server && s.dst.toString() == client),
            qPrintable(
                QStringLiteral("packet %1: %2 -> %3").arg(i + 1).arg(s.src.toString(), s.dst.toString())));
    }
}

void TestTcpUdpLab::theSynCarriesAnMssOption()
{
    REQUIRE_CAPTURE();
    const HeadlessReport &handshake = report(QStringLiteral("tcp.handshake"));
    QVERIFY2(handshake.result.passed, qPrintable(handshake.result.evidence));
    const HeadlessReport &mss = report(QStringLiteral("tcp.syn.mss"));
    QVERIFY2(mss.result.passed, qPrintable(mss.result.evidence));
    // And straight from the packets: the first packet of the run is the SYN, with an MSS.
    QVERIFY(m_run->session->store().size() > 3);
    const PacketSummary syn = m_run->session->summary(0);
    QCOMPARE(syn.protocol, Protocol::Tcp);
    QCOMPARE(syn.tcpFlags, std::uint16_t(TcpSyn));
    QVERIFY2(syn.tcpMss > 0, qPrintable(QString::fromStdString(summaryInfo(syn))));
    QCOMPARE(syn.dstPort, m_run->controller->endpoints().tcpPorts.front());
    const HeadlessReport &udp = report(QStringLiteral("udp.connect.silent"));
    QVERIFY2(udp.result.passed, qPrintable(udp.result.evidence));
}

void TestTcpUdpLab::threeTcpWritesArriveAsOneRead()
{
    REQUIRE_CAPTURE();
    const HeadlessReport &r = report(QStringLiteral("tcp.one.read"));
    QVERIFY2(r.result.passed, qPrintable(r.result.evidence));
    int sends = 0, reads = 0;
    QString got;
    for (const LabEvent &e : m_run->session->events().all()) {
        if (e.data.value(QStringLiteral("action")) != QStringLiteral("send3"))
            continue;
        if (e.kind == QLatin1String("tcp.send"))
            ++sends;
        if (e.kind == QLatin1String("tcp.recv")) {
            ++reads;
            got = e.data.value(QStringLiteral("payload")).toString();
        }
    }
    QCOMPARE(sends, 3);
    QCOMPARE(reads, 1);
    QCOMPARE(got, QStringLiteral("ABC"));
}

void TestTcpUdpLab::threeUdpDatagramsArriveAsThreeReads()
{
    REQUIRE_CAPTURE();
    const HeadlessReport &r = report(QStringLiteral("udp.three.reads"));
    QVERIFY2(r.result.passed, qPrintable(r.result.evidence));
    QStringList reads;
    for (const LabEvent &e : m_run->session->events().all()) {
        if (e.kind == QLatin1String("udp.recv") && e.data.value(QStringLiteral("action")) == QStringLiteral("send3"))
            reads << e.data.value(QStringLiteral("payload")).toString();
    }
    QCOMPARE(reads, (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
}

void TestTcpUdpLab::headersAreMeasuredFromTheWire()
{
    REQUIRE_CAPTURE();
    const HeadlessReport &r = report(QStringLiteral("header.bytes"));
    QVERIFY2(r.result.passed, qPrintable(r.result.evidence));
    QVERIFY2(r.result.evidence.contains(QStringLiteral("8-byte UDP header")), qPrintable(r.result.evidence));
}

void TestTcpUdpLab::theUdpBlastLosesDatagramsAndTheKernelCountsThem()
{
    REQUIRE_CAPTURE();
    const HeadlessReport &r = report(QStringLiteral("udp.blast.loss"));
    QVERIFY2(r.result.passed, qPrintable(r.result.evidence));
    qint64 received = -1, delta = -1;
    for (const LabEvent &e : m_run->session->events().all()) {
        if (e.kind == QLatin1String("udp.blast.recv"))
            received = e.data.value(QStringLiteral("received")).toLongLong();
        if (e.kind == QLatin1String("counter.udp.rcvbuferrors"))
            delta = e.data.value(QStringLiteral("delta")).toLongLong();
    }
    qint64 senderDrops = 0;
    for (const LabEvent &e : events(QStringLiteral("counter.client.txdrops")))
        senderDrops = e.data.value(QStringLiteral("delta")).toLongLong();
    if (m_run->mode == NetworkMode::Host)
        QCOMPARE(senderDrops, 0);
    QVERIFY2(received >= 0 && received < 1000, qPrintable(r.result.evidence));
    // What left the client and did not reach the application, the server's kernel counted.
    QVERIFY2(delta >= 1000 - senderDrops - received, qPrintable(r.result.evidence));
}

void TestTcpUdpLab::theTcpBlastArrivesComplete()
{
    REQUIRE_CAPTURE();
    const HeadlessReport &r = report(QStringLiteral("tcp.blast.complete"));
    QVERIFY2(r.result.passed, qPrintable(r.result.evidence));
}

void TestTcpUdpLab::bothSidesSendFinAndAck()
{
    REQUIRE_CAPTURE();
    const HeadlessReport &r = report(QStringLiteral("tcp.fin.both"));
    QVERIFY2(r.result.passed, qPrintable(r.result.evidence));
}

void TestTcpUdpLab::aLossyLinkLosesUdpAndTcpRetransmits()
{
    REQUIRE_CAPTURE();
    const HeadlessReport &udp = report(QStringLiteral("udp.loss.stays.lost"));
    const HeadlessReport &tcp = report(QStringLiteral("tcp.loss.retransmitted"));
    if (m_run->mode == NetworkMode::Host) {
        // Nothing in host mode can drop one TCP segment: the step says so and is skipped, not passed.
        for (const HeadlessReport *r : {&udp, &tcp}) {
            QVERIFY2(!r->result.passed && r->result.skipped, qPrintable(r->result.evidence));
            QVERIFY2(r->result.evidence.contains(QStringLiteral("needs the lab network")),
                     qPrintable(r->result.evidence));
        }
        return;
    }
    QVERIFY2(udp.result.passed, qPrintable(udp.result.evidence));
    QVERIFY2(tcp.result.passed, qPrintable(tcp.result.evidence));
    // Straight from the store: the wire's comments mark the lost packets.
    int lostComments = 0;
    for (std::size_t i = 0; i < m_run->session->store().size(); ++i) {
        if (m_run->session->store().comment(i).contains(QStringLiteral("Lost"), Qt::CaseInsensitive))
            ++lostComments;
    }
    QVERIFY2(lostComments > 0, qPrintable(udp.result.evidence));
    const std::vector<LabEvent> recv = events(QStringLiteral("loss.udp.recv"));
    QCOMPARE(recv.size(), std::size_t(1));
    const int received = recv.front().data.value(QStringLiteral("received")).toInt();
    // 10 % of 200: the chance of a count outside 2..60 is far below one in a million.
    QVERIFY2(received >= 140 && received <= 198, qPrintable(udp.result.evidence));
}

void TestTcpUdpLab::aHeldSynIsRetransmittedByTheClientsKernel()
{
    REQUIRE_CAPTURE();
    const HeadlessReport &r = report(QStringLiteral("tcp.syn.held.retransmitted"));
    if (m_run->mode == NetworkMode::Host) {
        QVERIFY2(!r.result.passed && r.result.skipped, qPrintable(r.result.evidence));
        return;
    }
    QVERIFY2(r.result.passed, qPrintable(r.result.evidence));
    const std::vector<LabEvent> release = events(QStringLiteral("hold.release"));
    QCOMPARE(release.size(), std::size_t(1));
    QVERIFY2(release.front().data.value(QStringLiteral("released")).toInt() >= 2,
             qPrintable(release.front().text));
    QCOMPARE(events(QStringLiteral("hold.connected")).size(), std::size_t(1));
}

void TestTcpUdpLab::kernelTelemetryIsSampled()
{
    // TCP_INFO of the lab's listener and connections, in whichever namespace they live.
    const std::vector<LabEvent> listener = events(QStringLiteral("telemetry.listener"));
    QVERIFY2(!listener.empty(), "no listener sample");
    QCOMPARE(listener.front().host, QStringLiteral("server"));
    QCOMPARE(listener.front().data.value(QStringLiteral("backlog")).toInt(), 16);
    const std::vector<LabEvent> tcp = events(QStringLiteral("telemetry.tcp"));
    QVERIFY2(!tcp.empty(), "no connection sample");
    bool clientWithRtt = false;
    for (const LabEvent &e : tcp)
        clientWithRtt = clientWithRtt || (e.host == QLatin1String("client") &&
                                          e.data.value(QStringLiteral("rtt_us")).toUInt() > 0);
    QVERIFY(clientWithRtt);
    QVERIFY2(!events(QStringLiteral("telemetry.counter")).empty(), "no counters from /proc/net");
}

void TestTcpUdpLab::everyCheckpointPassed()
{
    REQUIRE_CAPTURE();
    QStringList failed;
    for (const auto &[id, r] : m_run->reports) {
        const bool skippedInHostMode =
            r.result.skipped && m_run->mode == NetworkMode::Host &&
            (r.stepId == QLatin1String("loss") || r.stepId == QLatin1String("hold"));
        if (!r.result.passed && !skippedInHostMode)
            failed << id + QStringLiteral(": ") + r.result.evidence;
    }
    QVERIFY2(m_run->allPassed && failed.isEmpty(), qPrintable(failed.join(QLatin1Char('\n'))));
}

void TestTcpUdpLab::ourDissectionMatchesTshark()
{
    REQUIRE_CAPTURE();
    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty())
        QSKIP("tshark is not installed (the test command installs it)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tcp-udp.pcapng"));
    QString why;
    QVERIFY2(writePcapng(path, m_run->session->store(), &why), qPrintable(why));

    QProcess process;
    process.start(tshark, {QStringLiteral("-n"), QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                           QStringLiteral("-E"), QStringLiteral("separator=|"),
                           QStringLiteral("-e"), QStringLiteral("frame.number"),
                           QStringLiteral("-e"), QStringLiteral("tcp.srcport"), QStringLiteral("-e"), QStringLiteral("tcp.dstport"),
                           QStringLiteral("-e"), QStringLiteral("tcp.flags"), QStringLiteral("-e"), QStringLiteral("tcp.seq_raw"),
                           QStringLiteral("-e"), QStringLiteral("tcp.ack_raw"), QStringLiteral("-e"), QStringLiteral("tcp.len"),
                           QStringLiteral("-e"), QStringLiteral("udp.srcport"), QStringLiteral("-e"), QStringLiteral("udp.dstport"),
                           QStringLiteral("-e"), QStringLiteral("udp.length")});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    std::size_t compared = 0;
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QList<QByteArray> f = line.split('|');
        QCOMPARE(f.size(), 10);
        const std::size_t index = f[0].toULongLong() - 1;
        QVERIFY(index < m_run->session->store().size());
        const PacketSummary s = m_run->session->summary(index);
        const QByteArray where = "frame " + f[0] + ": " + line + " vs ours " + QByteArray::fromStdString(summaryInfo(s));
        if (!f[1].isEmpty()) {
            QVERIFY2(s.protocol == Protocol::Tcp, where.constData());
            QVERIFY2(f[1].toUInt() == s.srcPort && f[2].toUInt() == s.dstPort, where.constData());
            QVERIFY2(f[3].toUInt(nullptr, 16) == s.tcpFlags, where.constData());
            QVERIFY2(f[4].toUInt() == s.tcpSeq, where.constData());
            QVERIFY2(f[5].toUInt() == s.tcpAck, where.constData());
            QVERIFY2(f[6].toUInt() == s.payloadLength, where.constData());
        } else {
            QVERIFY2(!f[7].isEmpty(), where.constData());
            QVERIFY2(s.protocol == Protocol::Udp, where.constData());
            QVERIFY2(f[7].toUInt() == s.srcPort && f[8].toUInt() == s.dstPort, where.constData());
            QVERIFY2(f[9].toUInt() == s.payloadLength + 8, where.constData());
        }
        ++compared;
    }
    QCOMPARE(compared, m_run->session->store().size());
}

QTEST_GUILESS_MAIN(TestTcpUdpLab)
#include "tst_tcpudplab.moc"
