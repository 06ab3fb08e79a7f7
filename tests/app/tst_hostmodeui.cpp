// SPDX-License-Identifier: GPL-3.0-or-later
// Where the lab network is refused (simulated with WIRELAB_FORCE_HOST_MODE=1, set before anything probes),
// the window says so in one sentence: what the student loses and how to enable the lab network; the lab
// still runs, on 127.0.0.1, and the breakpoint panel explains why it cannot hold packets.

#include "breakpointpanel.h"
#include "lab/labcontroller.h"
#include "labnet/labnetwork.h"
#include "mainwindow.h"
#include "networkpanel.h"
#include "topologyview.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace wirelab;

class tst_HostModeUi final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theStatusBarSaysWhatIsLostAndHowToEnableTheLabNetwork();
    void theLabRunsOnTheLoopbackAndBreakpointsSayWhyNot();
};

void tst_HostModeUi::initTestCase()
{
    // Before the first probe: the result is cached for the process.
    qputenv("WIRELAB_FORCE_HOST_MODE", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WirelabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hostmodeui"));
    QSettings().clear();
    QVERIFY(!LabController::sandboxAvailability().available);
}

void tst_HostModeUi::theStatusBarSaysWhatIsLostAndHowToEnableTheLabNetwork()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const SandboxAvailability a = LabController::sandboxAvailability();
    QVERIFY(!a.loses.isEmpty());
    QVERIFY(!a.howToEnable.isEmpty());
    const QString text = w.networkModeLabel()->text();
    QVERIFY2(text.startsWith(QLatin1String("Host mode: ")), qPrintable(text));
    QVERIFY2(text.contains(a.loses), qPrintable(text));
    QVERIFY2(text.contains(a.howToEnable), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("WIRELAB_FORCE_HOST_MODE")), qPrintable(text));
    // Automatic picks host mode here; the addresses say so.
    w.selectLab(QStringLiteral("tcp-udp"));
    QCOMPARE(w.networkPanel()->topology()->hosts().at(0).address, QStringLiteral("127.0.0.1"));
}

void tst_HostModeUi::theLabRunsOnTheLoopbackAndBreakpointsSayWhyNot()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.startLab(QStringLiteral("tcp-udp")));
    QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), LabController::State::Running, 15000);
    QCOMPARE(w.controller()->networkMode(), NetworkMode::Host);
    QVERIFY(!w.controller()->wire());
    const QString text = w.networkModeLabel()->text();
    QVERIFY2(text.startsWith(QLatin1String("Host mode: ")), qPrintable(text));
    QVERIFY(text.contains(LabController::sandboxAvailability().loses));
    QLabel *mode = w.breakpointPanel()->findChild<QLabel *>(QStringLiteral("breakpointModeLabel"));
    QVERIFY(mode->text().startsWith(QLatin1String("Host mode")));
    QVERIFY(!w.breakpointPanel()->stepButton()->isEnabled());
    QCOMPARE(w.networkPanel()->topology()->hosts().at(1).address, QStringLiteral("127.0.0.1"));
    w.stopLab();
}

QTEST_MAIN(tst_HostModeUi)
#include "tst_hostmodeui.moc"
