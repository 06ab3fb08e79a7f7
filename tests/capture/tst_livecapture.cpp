// SPDX-License-Identifier: GPL-3.0-or-later
// Live capture on loopback: it sees exactly the lab's traffic (the BPF filter from the ports it bound),
// goes through starting -> capturing -> stopped, stops at once even when nothing arrives, says in one
// sentence what to do when it may not capture, and leaves no thread or descriptor behind.
#include "capture/livecapture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <ctime>
#include <unistd.h>
#include "processresources.h"

using wirelab::test::countEntries;
using wirelab::test::openFdCount;
using wirelab::test::threadCount;

using namespace wirelab;

Q_DECLARE_METATYPE(wirelab::CaptureState)

namespace {

std::int64_t realtimeNs()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// The UDP destination port and payload of an Ethernet/IPv4/UDP frame (as "lo" captures), or -1.
int udpDestinationPort(const std::vector<std::uint8_t> &f, QByteArray *payload)
{
    if (f.size() < 14 + 20 + 8 || f[12] != 0x08 || f[13] != 0x00)
        return -1;
    const std::size_t ihl = std::size_t(f[14] & 0x0F) * 4;
    if (f[14 + 9] != 17 || f.size() < 14 + ihl + 8)
        return -1;
    const std::size_t udp = 14 + ihl;
    *payload = QByteArray(reinterpret_cast<const char *>(f.data() + udp + 8), qsizetype(f.size() - udp - 8));
    return (f[udp + 2] << 8) | f[udp + 3];
}

QList<CaptureState> states(const QSignalSpy &spy)
{
    QList<CaptureState> out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).value<CaptureState>();
    return out;
}

} // namespace

class TestLiveCapture final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filterForPortsNamesEveryPort();
    void seesTheFiveDatagramsSentToTheLabPort();
    void keepsUpWithABlastOfAThousandDatagrams();
    void packetsJustBeforeStopAreKept();
    void goesThroughStartingCapturingStopped();
    void stopsAtOnceWithoutTraffic();
    void aBadFilterFailsWithASentence();
    void aMissingDeviceFailsWithASentence();
    void withoutCaptureRightsSaysHowToFixIt();
    void twentyStartStopCyclesLeaveNoThreadOrDescriptor();
};

void TestLiveCapture::initTestCase()
{
    qRegisterMetaType<CaptureState>();
    QString why;
    if (!LiveCapture::canCapture(QStringLiteral("lo"), &why))
        QSKIP(qPrintable(why));
}

void TestLiveCapture::filterForPortsNamesEveryPort()
{
    QCOMPARE(LiveCapture::filterForPorts({}, {}), QString());
    QCOMPARE(LiveCapture::filterForPorts({8800}, {}), QStringLiteral("tcp port 8800"));
    QCOMPARE(LiveCapture::filterForPorts({8800, 8802}, {8801}),
             QStringLiteral("tcp port 8800 or tcp port 8802 or udp port 8801"));
}

void TestLiveCapture::seesTheFiveDatagramsSentToTheLabPort()
{
    QUdpSocket server, other, client;
    QVERIFY(server.bind(QHostAddress::LocalHost, 0));
    QVERIFY(other.bind(QHostAddress::LocalHost, 0)); // traffic the filter must keep out
    const quint16 port = server.localPort();

    LiveCapture capture;
    const std::int64_t before = realtimeNs();
    QVERIFY2(capture.start(QStringLiteral("lo"), LiveCapture::filterForPorts({}, {port})),
             qPrintable(capture.errorString()));
    QCOMPARE(capture.linkType(), LinkType::Ethernet);
    QTRY_COMPARE(capture.state(), CaptureState::Running);

    for (int i = 0; i < 5; ++i) {
        client.writeDatagram(QByteArray("datagram ") + QByteArray::number(i), QHostAddress::LocalHost, port);
        client.writeDatagram(QByteArray("noise"), QHostAddress::LocalHost, other.localPort());
    }
    std::vector<CapturedPacket> seen;
    QTRY_COMPARE_WITH_TIMEOUT(([&] {
                                  for (CapturedPacket &p : capture.takePackets())
                                      seen.push_back(std::move(p));
                                  return int(seen.size());
                              }()),
                              5, 10000);
    const std::int64_t after = realtimeNs();
    capture.stop();
    for (CapturedPacket &p : capture.takePackets())
        seen.push_back(std::move(p));
    QCOMPARE(int(seen.size()), 5);

    for (int i = 0; i < 5; ++i) {
        const CapturedPacket &p = seen[std::size_t(i)];
        QByteArray payload;
        QCOMPARE(udpDestinationPort(p.bytes, &payload), int(port));
        QCOMPARE(payload, QByteArray("datagram ") + QByteArray::number(i));
        QCOMPARE(p.originalLength, std::uint32_t(p.bytes.size()));
        // The run clock's axis: nanoseconds since the Unix epoch, like CLOCK_REALTIME.
        QVERIFY2(p.timeNs >= before - 1'000'000 && p.timeNs <= after + 1'000'000,
                 qPrintable(
                     QStringLiteral("packet time %1 outside [%2, %3]").arg(p.timeNs).arg(before).arg(after)));
        if (i)
            QVERIFY(p.timeNs >= seen[std::size_t(i - 1)].timeNs);
    }
    QCOMPARE(capture.droppedPackets(), 0u);
}

void TestLiveCapture::keepsUpWithABlastOfAThousandDatagrams()
{
    // The TCP vs UDP lab blasts 1000 datagrams and counts them on the wire: the capture must see all of
    // them, however fast they come, and report no drops of its own. They go to a port nobody listens on
    // (found free, then released), so this test adds nothing to the machine-wide UDP RcvbufErrors counter
    // the lab reads when the suites run in parallel.
    quint16 port = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        port = probe.localPort();
    }
    QUdpSocket client;
    LiveCapture capture;
    QVERIFY2(capture.start(QStringLiteral("lo"), LiveCapture::filterForPorts({}, {port})),
             qPrintable(capture.errorString()));
    QTRY_COMPARE(capture.state(), CaptureState::Running);
    const QByteArray payload(100, 'x');
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(client.writeDatagram(payload, QHostAddress::LocalHost, port), qint64(100));
    std::size_t seen = 0;
    QTRY_COMPARE_WITH_TIMEOUT(([&] {
                                  seen += capture.takePackets().size();
                                  return seen;
                              }()),
                              std::size_t(1000), 10000);
    capture.stop();
    QCOMPARE(capture.droppedPackets(), 0u);
}

void TestLiveCapture::packetsJustBeforeStopAreKept()
{
    // The lab's last packets (the closing FIN/ACK) are sent just before the controller stops the capture:
    // they must still be handed over, not lost in the kernel ring's unfinished block.
    QUdpSocket server, client;
    QVERIFY(server.bind(QHostAddress::LocalHost, 0));
    LiveCapture capture;
    QVERIFY(capture.start(QStringLiteral("lo"), LiveCapture::filterForPorts({}, {server.localPort()})));
    QTRY_COMPARE(capture.state(), CaptureState::Running);
    for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < 3; ++i)
            client.writeDatagram(QByteArray("last words"), QHostAddress::LocalHost, server.localPort());
        if (round < 4) {
            std::size_t seen = 0;
            QTRY_COMPARE_WITH_TIMEOUT(([&] {
                                          seen += capture.takePackets().size();
                                          return seen;
                                      }()),
                                      std::size_t(3), 5000);
        }
    }
    capture.stop();
    QCOMPARE(capture.takePackets().size(), std::size_t(3));
}

void TestLiveCapture::goesThroughStartingCapturingStopped()
{
    LiveCapture capture;
    QCOMPARE(capture.state(), CaptureState::Idle);
    QSignalSpy spy(&capture, &LiveCapture::stateChanged);
    QVERIFY(capture.start(QStringLiteral("lo"), QStringLiteral("udp port 9")));
    QTRY_COMPARE(capture.state(), CaptureState::Running);
    capture.stop();
    QCOMPARE(capture.state(), CaptureState::Stopped);
    QTRY_COMPARE(spy.size(), 3);
    QCOMPARE(states(spy),
             (QList<CaptureState>{CaptureState::Starting, CaptureState::Running, CaptureState::Stopped}));
    QCOMPARE(captureStateText(CaptureState::Running), QStringLiteral("Capturing"));
    QVERIFY(capture.errorString().isEmpty());
}

void TestLiveCapture::stopsAtOnceWithoutTraffic()
{
    LiveCapture capture;
    QVERIFY(capture.start(QStringLiteral("lo"), QStringLiteral("udp port 9")));
    QTRY_COMPARE(capture.state(), CaptureState::Running);
    QTest::qWait(300); // let the thread settle into poll()
    QElapsedTimer timer;
    timer.start();
    capture.stop();
    // The eventfd wakes the thread; without it stop() would wait for poll's timeout or for traffic that
    // never comes (the libpcap 1.10.3 trap). Generous bound: this checks "does not hang", not speed.
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("stop() took %1 ms").arg(timer.elapsed())));
    QCOMPARE(capture.state(), CaptureState::Stopped);
}

void TestLiveCapture::aBadFilterFailsWithASentence()
{
    LiveCapture capture;
    QSignalSpy spy(&capture, &LiveCapture::stateChanged);
    QVERIFY(!capture.start(QStringLiteral("lo"), QStringLiteral("tcp port banana")));
    QCOMPARE(capture.state(), CaptureState::Failed);
    const QString error = capture.errorString();
    QVERIFY2(error.startsWith(QStringLiteral("The capture filter \"tcp port banana\" is not valid")),
             qPrintable(error));
    QVERIFY2(error.endsWith(QLatin1Char('.')) && !error.contains(QLatin1Char('\n')), qPrintable(error));
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(states(spy), (QList<CaptureState>{CaptureState::Starting, CaptureState::Failed}));
    capture.stop(); // harmless after a failure; the state stays Failed
    QCOMPARE(capture.state(), CaptureState::Failed);
}

void TestLiveCapture::aMissingDeviceFailsWithASentence()
{
    LiveCapture capture;
    QVERIFY(!capture.start(QStringLiteral("nosuchdev0"), QString()));
    QCOMPARE(capture.state(), CaptureState::Failed);
    QVERIFY2(capture.errorString().contains(QStringLiteral("nosuchdev0")), qPrintable(capture.errorString()));
    QString why;
    QVERIFY(!LiveCapture::canCapture(QStringLiteral("nosuchdev0"), &why));
    QVERIFY2(why.contains(QStringLiteral("no network device called nosuchdev0")), qPrintable(why));
}

void TestLiveCapture::withoutCaptureRightsSaysHowToFixIt()
{
    // As root, ask a child process that has given up root (nobody, no capabilities).
    if (geteuid() != 0)
        QSKIP("needs root to start a child without capture rights");
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WIRELAB_TST_UNPRIVILEGED_CHILD"), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(30000));
    const QString why = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
    QCOMPARE(child.exitCode(), 0);
    QVERIFY2(
        why.startsWith(QStringLiteral("Wirelab may not capture on lo: run it as root or give it the capture "
                                      "right with `sudo setcap cap_net_raw,cap_net_admin+eip ")),
        qPrintable(why));
    QVERIFY2(why.endsWith(QStringLiteral("or use the lab network (coming soon).")), qPrintable(why));
    QVERIFY(!why.contains(QLatin1Char('\n')));
}

void TestLiveCapture::twentyStartStopCyclesLeaveNoThreadOrDescriptor()
{
    {
        LiveCapture warmUp; // first use may load libraries / open lasting descriptors
        QVERIFY(warmUp.start(QStringLiteral("lo"), QStringLiteral("udp port 9")));
        warmUp.stop();
    }
    const int threads = countEntries("/proc/self/task");
    const int fds = countEntries("/proc/self/fd");
    LiveCapture capture;
    for (int i = 0; i < 20; ++i) {
        QVERIFY2(capture.start(QStringLiteral("lo"), QStringLiteral("udp port 9")),
                 qPrintable(capture.errorString()));
        QVERIFY(countEntries("/proc/self/task") > threads);
        if (i % 2)
            QTRY_COMPARE(capture.state(), CaptureState::Running);
        capture.stop();
    }
    QCOMPARE(countEntries("/proc/self/task"), threads);
    QCOMPARE(countEntries("/proc/self/fd"), fds);
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("WIRELAB_TST_UNPRIVILEGED_CHILD")) {
        // Give up root and every capability, then ask.
        if (setgid(65534) != 0 || setuid(65534) != 0)
            return 3;
        QCoreApplication app(argc, argv);
        QString why;
        if (LiveCapture::canCapture(QStringLiteral("lo"), &why))
            return 4;
        std::printf("%s\n", why.toUtf8().constData());
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestLiveCapture test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_livecapture.moc"
