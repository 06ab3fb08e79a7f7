// SPDX-License-Identifier: GPL-3.0-or-later
// 100 start/stop cycles of the TCP vs UDP lab, some with a live connection, leave no thread and no file
// descriptor behind.
#include "capturesession.h"
#include "lab/labcontroller.h"
#include "lab/labregistry.h"
#include "labs.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace wirelab;

namespace {

int countEntries(const char *path)
{
    return int(QDir(QString::fromLatin1(path)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

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
    void hundredCyclesLeakNothing();
};

void TestLabStartStop::hundredCyclesLeakNothing()
{
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
    for (int cycle = 0; cycle < 100; ++cycle) {
        LabController controller(&session);
        QString why;
        // Some cycles get a long blast that stop() has to interrupt.
        const bool interruptBlast = cycle % 10 == 9;
        const QVariantMap parameters = interruptBlast
            ? QVariantMap{{QStringLiteral("udp.blast_count"), 100000}} : QVariantMap{};
        QVERIFY2(controller.start(*lab, parameters, &why), qPrintable(QStringLiteral("cycle %1: %2").arg(cycle).arg(why)));
        captureProblem = controller.captureProblem();
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
    }
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

QTEST_GUILESS_MAIN(TestLabStartStop)
#include "tst_labstartstop.moc"
