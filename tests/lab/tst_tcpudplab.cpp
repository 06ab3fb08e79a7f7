// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the TCP vs UDP lab headless, on real sockets and a real loopback capture, and asserts what a
// student should see, with the evidence in every failure message. Then writes the capture as pcapng and
// checks our dissection against tshark's for every packet.
#include "capture/capturefile.h"
#include "capturesession.h"
#include "dissect/dissect.h"
#include "lab/labcontroller.h"
#include "lab/labregistry.h"
#include "labs.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace wirelab;

// Without capture rights the lab still runs, but nothing here can be checked: fail loudly, with the reason.
#define REQUIRE_CAPTURE()                                                                                    \
    do {                                                                                                     \
        if (!m_controller->captureProblem().isEmpty())                                                       \
            QFAIL(qPrintable(QStringLiteral("No capture: %1").arg(m_controller->captureProblem())));         \
    } while (false)

class TestTcpUdpLab final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theLabIsRegisteredWithItsSteps();
    void theSynCarriesAnMssOption();
    void threeTcpWritesArriveAsOneRead();
    void threeUdpDatagramsArriveAsThreeReads();
    void headersAreMeasuredFromTheWire();
    void theUdpBlastLosesDatagramsAndTheKernelCountsThem();
    void theTcpBlastArrivesComplete();
    void bothSidesSendFinAndAck();
    void everyCheckpointPassed();
    void ourDissectionMatchesTshark();
    void cleanupTestCase();

private:
    const HeadlessReport &report(const QString &checkpointId);

    LabRegistry m_registry;
    CaptureSession m_session;
    std::unique_ptr<LabController> m_controller;
    std::map<QString, HeadlessReport> m_reports;
    bool m_allPassed = false;
};

void TestTcpUdpLab::initTestCase()
{
    setupAllLabs(m_registry);
    const LabDefinition *lab = m_registry.find(QStringLiteral("tcp-udp"));
    QVERIFY(lab);
    m_controller = std::make_unique<LabController>(&m_session);
    QString why;
    QVERIFY2(m_controller->start(*lab, {}, &why), qPrintable(why));
    m_allPassed = runLabHeadless(*m_controller, 5000, [this](const HeadlessReport &r) {
        QVERIFY2(!m_reports.count(r.checkpointId), qPrintable(r.checkpointId + QStringLiteral(" reported twice")));
        m_reports[r.checkpointId] = r;
        qInfo("%s %s: %s", r.result.passed ? "PASS" : "FAIL", qPrintable(r.checkpointId), qPrintable(r.result.evidence));
    });
    m_controller->stop();
    qInfo("%zu packets captured with filter \"%s\"; the capture reported %llu dropped",
          m_session.store().size(), qPrintable(m_controller->captureFilter()),
          static_cast<unsigned long long>(m_controller->droppedPackets()));
}

void TestTcpUdpLab::cleanupTestCase()
{
    m_controller.reset();
}

const HeadlessReport &TestTcpUdpLab::report(const QString &checkpointId)
{
    static const HeadlessReport missing;
    const auto it = m_reports.find(checkpointId);
    return it == m_reports.end() ? missing : it->second;
}

void TestTcpUdpLab::theLabIsRegisteredWithItsSteps()
{
    const LabDefinition *lab = m_registry.find(QStringLiteral("tcp-udp"));
    QVERIFY(lab);
    QCOMPARE(lab->title.text(), QStringLiteral("TCP vs UDP"));
    QCOMPARE(lab->steps.size(), std::size_t(5));
    for (const LabStep &step : lab->steps) {
        QVERIFY2(!step.guide.isEmpty() && step.guide.text().contains(QStringLiteral("notes L")), qPrintable(step.id));
        QVERIFY2(!step.actions.empty(), qPrintable(step.id));
        QVERIFY2(!step.checkpoints.empty(), qPrintable(step.id));
    }
    QString why;
    QVERIFY(lab->parameter(QStringLiteral("udp.rcvbuf")));
    QVERIFY(!lab->parameter(QStringLiteral("udp.rcvbuf"))->parse(QStringLiteral("12"), &why).isValid());
    QCOMPARE(why, QStringLiteral("udp.rcvbuf must be between 256 and 4194304; got 12."));
    QCOMPARE(m_reports.size(), std::size_t(9));
}

void TestTcpUdpLab::theSynCarriesAnMssOption()
{
    REQUIRE_CAPTURE();
    const HeadlessReport &handshake = report(QStringLiteral("tcp.handshake"));
    QVERIFY2(handshake.result.passed, qPrintable(handshake.result.evidence));
    const HeadlessReport &mss = report(QStringLiteral("tcp.syn.mss"));
    QVERIFY2(mss.result.passed, qPrintable(mss.result.evidence));
    // And straight from the packets: the first packet of the run is the SYN, with an MSS.
    QVERIFY(m_session.store().size() > 3);
    const PacketSummary syn = m_session.summary(0);
    QCOMPARE(syn.protocol, Protocol::Tcp);
    QCOMPARE(syn.tcpFlags, std::uint16_t(TcpSyn));
    QVERIFY2(syn.tcpMss > 0, qPrintable(QString::fromStdString(summaryInfo(syn))));
    QCOMPARE(syn.dstPort, m_controller->endpoints().tcpPorts.front());
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
    for (const LabEvent &e : m_session.events().all()) {
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
    for (const LabEvent &e : m_session.events().all()) {
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
    for (const LabEvent &e : m_session.events().all()) {
        if (e.kind == QLatin1String("udp.blast.recv"))
            received = e.data.value(QStringLiteral("received")).toLongLong();
        if (e.kind == QLatin1String("counter.udp.rcvbuferrors"))
            delta = e.data.value(QStringLiteral("delta")).toLongLong();
    }
    QVERIFY2(received >= 0 && received < 1000, qPrintable(r.result.evidence));
    QVERIFY2(delta >= 1000 - received, qPrintable(r.result.evidence));
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

void TestTcpUdpLab::everyCheckpointPassed()
{
    REQUIRE_CAPTURE();
    QStringList failed;
    for (const auto &[id, r] : m_reports) {
        if (!r.result.passed)
            failed << id + QStringLiteral(": ") + r.result.evidence;
    }
    QVERIFY2(m_allPassed && failed.isEmpty(), qPrintable(failed.join(QLatin1Char('\n'))));
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
    QVERIFY2(writePcapng(path, m_session.store(), &why), qPrintable(why));

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
        QVERIFY(index < m_session.store().size());
        const PacketSummary s = m_session.summary(index);
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
    QCOMPARE(compared, m_session.store().size());
}

QTEST_GUILESS_MAIN(TestTcpUdpLab)
#include "tst_tcpudplab.moc"
