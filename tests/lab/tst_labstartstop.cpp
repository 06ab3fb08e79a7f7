// SPDX-License-Identifier: GPL-3.0-or-later
// 100 start/stop cycles of the TCP vs UDP lab, some with a live connection, leave no thread and no file
// descriptor behind: in host mode, and in the lab network, where every cycle also starts and ends an agent
// process with its namespaces (the agent must be gone, and no descriptor of a namespace or TUN device may
// stay with us). And a breakpoint still holding a SYN when the lab stops releases nothing into the dead lab.
#include "capturesession.h"
#include "lab/labcontroller.h"
#include "lab/labregistry.h"
#include "labnet/labnetwork.h"
#include "labnet/wire.h"
#include "labs.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "processresources.h"

using wirelab::test::countEntries;
using wirelab::test::openFdCount;
using wirelab::test::threadCount;

using namespace wirelab;

namespace {

QString listFds()
{
    QStringList out;
    const QDir dir(QStringLiteral("/proc/self/fd"));
    for (const QString &name : dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)) {
        char target[256] = {};
        const QByteArray path = dir.filePath(name).toLocal8Bit();
        const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
        out << name + QStringLiteral("->") + QString::fromLocal8Bit(target, n > 0 ? int(n) : 0);
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestLabStartStop final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hundredCyclesLeakNothing_data();
    void hundredCyclesLeakNothing();
    void aHeldSynIsNeverReleasedIntoAStoppedLab();
};

// Whether process pid still exists (a zombie child counts: nobody reaped it).
bool processExists(int pid)
{
    return pid > 0 && (::kill(pid, 0) == 0 || errno != ESRCH);
}

void TestLabStartStop::hundredCyclesLeakNothing_data()
{
    QTest::addColumn<QString>("network");
    QTest::newRow("lab network") << QStringLiteral("sandbox");
    QTest::newRow("host mode") << QStringLiteral("host");
}

void TestLabStartStop::hundredCyclesLeakNothing()
{
    QFETCH(QString, network);
    NetworkMode mode = NetworkMode::Host;
    QVERIFY(parseNetworkMode(network, &mode));
    if (mode == NetworkMode::Sandbox && !LabController::sandboxAvailability().available)
        QFAIL(qPrintable(QStringLiteral("The lab network is not available: %1")
                             .arg(LabController::sandboxAvailability().reason)));
    LabRegistry registry;
    setupAllLabs(registry);
    const LabDefinition *lab = registry.find(QStringLiteral("tcp-udp"));
    QVERIFY(lab);
    CaptureSession session;

    const int threadsBefore = countEntries("/proc/self/task");
    const int fdsBefore = countEntries("/proc/self/fd");
    const QString fdListBefore = listFds();
    int connected = 0;
    QString captureProblem;
    std::vector<int> agents;
    for (int cycle = 0; cycle < 100; ++cycle) {
        LabController controller(&session);
        controller.setNetworkMode(mode);
        QString why;
        // Some cycles get a long blast that stop() has to interrupt.
        const bool interruptBlast = cycle % 10 == 9;
        const QVariantMap parameters = interruptBlast
            ? QVariantMap{{QStringLiteral("udp.blast_count"), 100000}} : QVariantMap{};
        QVERIFY2(controller.start(*lab, parameters, &why), qPrintable(QStringLiteral("cycle %1: %2").arg(cycle).arg(why)));
        captureProblem = controller.captureProblem();
        QCOMPARE(controller.networkMode(), mode);
        if (mode == NetworkMode::Sandbox) {
            QVERIFY(controller.network() && controller.wire());
            agents.push_back(controller.network()->agentPid());
            QVERIFY2(processExists(agents.back()),
                     qPrintable(QStringLiteral("cycle %1: no agent").arg(cycle)));
        } else {
            QVERIFY(!controller.network() && !controller.wire());
        }
        if (cycle % 3 == 0) {
            QSignalSpy finished(&controller, &LabController::actionFinished);
            controller.runAction(QStringLiteral("tcp.connect"));
            QVERIFY2(finished.wait(5000) || finished.count() > 0, qPrintable(QStringLiteral("cycle %1").arg(cycle)));
            QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(finished.at(0).at(2).toString()));
            ++connected;
        }
        if (cycle % 5 == 1)
            controller.runAction(QStringLiteral("udp.connect")); // stopped while it may still run
        if (interruptBlast) {
            controller.runAction(cycle % 20 == 9 ? QStringLiteral("tcp.blast") : QStringLiteral("udp.blast"));
            QTest::qWait(20);
        }
        controller.stop();
        QCOMPARE(controller.state(), LabController::State::Stopped);
        QVERIFY(!controller.network() && !controller.telemetry());
        if (mode == NetworkMode::Sandbox)
            QVERIFY2(
                !processExists(agents.back()),
                qPrintable(QStringLiteral("cycle %1: agent %2 still there").arg(cycle).arg(agents.back())));
    }
    QCOMPARE(agents.size(), std::size_t(mode == NetworkMode::Sandbox ? 100 : 0));
    QCOMPARE(connected, 34);
    QVERIFY(session.events().size() > 0);
    if (!captureProblem.isEmpty())
        qWarning("Capture was not available: %s", qPrintable(captureProblem));

    const int threadsAfter = countEntries("/proc/self/task");
    const int fdsAfter = countEntries("/proc/self/fd");
    QVERIFY2(threadsAfter <= threadsBefore,
             qPrintable(QStringLiteral("%1 threads before, %2 after").arg(threadsBefore).arg(threadsAfter)));
    QVERIFY2(fdsAfter <= fdsBefore, qPrintable(QStringLiteral("%1 descriptors before (%2), %3 after (%4)")
                                                   .arg(fdsBefore).arg(fdListBefore).arg(fdsAfter).arg(listFds())));
}

void TestLabStartStop::aHeldSynIsNeverReleasedIntoAStoppedLab()
{
    if (!LabController::sandboxAvailability().available)
        QFAIL(qPrintable(QStringLiteral("The lab network is not available: %1")
                             .arg(LabController::sandboxAvailability().reason)));
    LabRegistry registry;
    setupAllLabs(registry);
    const LabDefinition *lab = registry.find(QStringLiteral("tcp-udp"));
    QVERIFY(lab);
    CaptureSession session;
    const int threadsBefore = countEntries("/proc/self/task");
    const int fdsBefore = countEntries("/proc/self/fd");
    for (int round = 0; round < 5; ++round) {
        LabController controller(&session);
        controller.setNetworkMode(NetworkMode::Sandbox);
        QString why;
        QVERIFY2(controller.start(*lab, {}, &why), qPrintable(why));
        Wire *wire = controller.wire();
        QVERIFY(wire);
        QVERIFY2(wire->addBreakpoint(QStringLiteral("tcp.flags.syn == 1"), &why) > 0, qPrintable(why));
        controller.runAction(QStringLiteral("tcp.connect")); // its SYN is held; connect() waits
        QTRY_VERIFY_WITH_TIMEOUT(!wire->heldPackets().empty(), 3000);
        const int agent = controller.network()->agentPid();
        controller.stop(); // with the SYN still held
        QVERIFY(!processExists(agent));
        int synAcks = 0, syns = 0;
        for (std::size_t i = 0; i < session.store().size(); ++i) {
            const PacketSummary s = session.summary(i);
            if (s.protocol != Protocol::Tcp)
                continue;
            if ((s.tcpFlags & TcpSyn) && (s.tcpFlags & TcpAck))
                ++synAcks;
            else if (s.tcpFlags & TcpSyn)
                ++syns;
        }
        QVERIFY2(syns >= 1, "the held SYN was not recorded when it left the client");
        QCOMPARE(synAcks, 0); // the server never saw it
        for (const LabEvent &e : session.events().all())
            QVERIFY2(e.kind != QLatin1String("tcp.accept"), qPrintable(e.text));
    }
    QCOMPARE(countEntries("/proc/self/task"), threadsBefore);
    QVERIFY2(countEntries("/proc/self/fd") <= fdsBefore, qPrintable(listFds()));
}

QTEST_GUILESS_MAIN(TestLabStartStop)
#include "tst_labstartstop.moc"
