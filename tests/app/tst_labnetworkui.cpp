// SPDX-License-Identifier: GPL-3.0-or-later
// The lab network as a student sees it in the window, offscreen, with the real lab running in the lab
// network (no fake controller): the network panel's controls set the wire's link, impossible values are
// refused with the link's own sentence, a breakpoint typed into the panel holds the SYN of "Connect over
// TCP" until Step, the kernel's rtt shows the configured delay, packets the wire lost are marked in the
// list, the details and the ladder, and the status bar names the mode. Where the lab network cannot run,
// the live cases skip with the reason. (Host mode is tst_hostmodeui: the probe is cached per process.)

#include "breakpointpanel.h"
#include "capturesession.h"
#include "detailsmodel.h"
#include "guidepanel.h"
#include "lab/labcontroller.h"
#include "lab/labdefinition.h"
#include "labnet/labnetwork.h"
#include "labnet/linkimpairment.h"
#include "labnet/wire.h"
#include "ladderview.h"
#include "mainwindow.h"
#include "networkpanel.h"
#include "packetlistmodel.h"
#include "parameterpanel.h"
#include "telemetrypanel.h"
#include "topologyview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace wirelab;

class tst_LabNetworkUi final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void theNetworkPanelShowsTheLabsHostsAndItsLink();
    void linkSettingsBeforeTheStartAreTheLinkParameters();
    void impossibleValuesAreRefusedWithTheLinksSentence();
    void theControlsSetTheWireWhileTrafficFlows();
    void aBreakpointHoldsTheSynUntilStep();
    void aLabStepsOwnBreakpointShowsWhileItHolds();
    void aDelayOf50MsShowsInTheKernelsRtt();
    void packetsTheWireLostAreMarked();
    void udpLossStaysLostWhileTcpRetransmits();
    void theStatusBarNamesTheLabNetwork();
    void theNetworkSettingIsRemembered();
    void thePanelsSpeakGerman();

private:
    // Starts the TCP vs UDP lab in the lab network; false (after QSKIP-worthy reason in *why) when the
    // lab network cannot run here.
    bool startInLabNetwork(MainWindow &w, QString *why);
    static int rowWithInfo(const MainWindow &w, const QString &needle);
    // Runs a lab action and waits until it finished (true when it succeeded).
    static bool runAndWait(MainWindow &w, const QString &action, int timeoutMs = 15000);
};

void tst_LabNetworkUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WirelabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_labnetworkui"));
}

void tst_LabNetworkUi::init()
{
    QSettings().clear();
}

bool tst_LabNetworkUi::startInLabNetwork(MainWindow &w, QString *why)
{
    const SandboxAvailability a = LabController::sandboxAvailability();
    if (!a.available) {
        *why = QStringLiteral("The lab network cannot run here: %1 %2").arg(a.reason, a.howToEnable);
        return false;
    }
    w.setNetworkSetting(QStringLiteral("sandbox"));
    if (!w.startLab(QStringLiteral("tcp-udp"))) {
        *why = QStringLiteral("The lab did not start: ") + w.controller()->errorString();
        return false;
    }
    if (!QTest::qWaitFor([&] { return w.controller()->state() == LabController::State::Running; }, 15000)) {
        *why = QStringLiteral("The lab did not reach Running: ") + w.controller()->errorString();
        return false;
    }
    if (w.controller()->networkMode() != NetworkMode::Sandbox || !w.controller()->wire()) {
        *why =
            QStringLiteral("The lab runs, but not in the lab network: ") + w.controller()->networkProblem();
        return false;
    }
    return true;
}

int tst_LabNetworkUi::rowWithInfo(const MainWindow &w, const QString &needle)
{
    for (int r = 0; r < w.packetModel()->rowCount(); ++r)
        if (w.packetModel()->index(r, PacketListModel::InfoColumn).data().toString().contains(needle))
            return r;
    return -1;
}

bool tst_LabNetworkUi::runAndWait(MainWindow &w, const QString &action, int timeoutMs)
{
    QSignalSpy finished(w.controller(), &LabController::actionFinished);
    w.runAction(action);
    return QTest::qWaitFor(
        [&] {
            for (const QList<QVariant> &args : finished)
                if (args.at(0).toString() == action)
                    return true;
            return false;
        },
        timeoutMs);
}

void tst_LabNetworkUi::theNetworkPanelShowsTheLabsHostsAndItsLink()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.selectLab(QStringLiteral("tcp-udp"));
    NetworkPanel *panel = w.networkPanel();
    QCOMPARE(panel->lab(), w.registry().find(QStringLiteral("tcp-udp")));
    const auto &hosts = panel->topology()->hosts();
    QCOMPARE(hosts.size(), std::size_t(2));
    QCOMPARE(hosts[0].name, QStringLiteral("client"));
    QCOMPARE(hosts[1].name, QStringLiteral("server"));
    // Before the start the addresses are those the next run will get.
    w.setNetworkSetting(QStringLiteral("host"));
    QCOMPARE(panel->topology()->hosts()[1].address, QStringLiteral("127.0.0.1"));
    w.setNetworkSetting(QStringLiteral("sandbox"));
    QCOMPARE(panel->topology()->hosts()[0].address, QStringLiteral("198.18.0.1"));
    QCOMPARE(panel->topology()->hosts()[1].address, QStringLiteral("198.18.0.2"));
    QCOMPARE(panel->topology()->links().size(), std::size_t(1));
    QCOMPARE(panel->topology()->selectedLink(), 0);
    // The link.* parameters are the network panel's, not the parameter panel's.
    QVERIFY(!w.parameterPanel()->editor(QStringLiteral("link.delay_ms")));
    QVERIFY(w.parameterPanel()->editor(QStringLiteral("udp.rcvbuf")));
    // One editor per field and direction, with units.
    QVERIFY(panel->editor(NetworkPanel::AToB, NetworkPanel::Delay)->suffix().contains(QLatin1String("ms")));
    QVERIFY(
        panel->editor(NetworkPanel::BToA, NetworkPanel::Rate)->suffix().contains(QLatin1String("Mbit/s")));
    QVERIFY(panel->editor(NetworkPanel::AToB, NetworkPanel::Loss)->suffix().contains(QLatin1Char('%')));
    // Every preset is offered.
    for (const LinkPreset &preset : linkPresets())
        QVERIFY2(panel->presetBox()->findData(preset.id) >= 0, qPrintable(preset.id));
    // A click on the line selects the link.
    panel->topology()->setSelectedLink(-1);
    QTest::mouseClick(panel->topology(), Qt::LeftButton, {}, panel->topology()->linkMidpoint(0));
    QCOMPARE(panel->topology()->selectedLink(), 0);
}

void tst_LabNetworkUi::linkSettingsBeforeTheStartAreTheLinkParameters()
{
    MainWindow w;
    w.show();
    w.selectLab(QStringLiteral("tcp-udp"));
    NetworkPanel *panel = w.networkPanel();
    QVERIFY(panel->sameBothWays()->isChecked());
    panel->editor(NetworkPanel::AToB, NetworkPanel::Delay)->setValue(50);
    // Same both ways: the other direction follows.
    QCOMPARE(panel->editor(NetworkPanel::BToA, NetworkPanel::Delay)->value(), 50.0);
    QCOMPARE(panel->impairment(0, NetworkPanel::BToA).delayMs, 50.0);
    QCOMPARE(panel->linkParameters().value(QStringLiteral("link.delay_ms")).toDouble(), 50.0);

    // Directions apart: 10 % loss only from the server to the client.
    panel->sameBothWays()->setChecked(false);
    panel->editor(NetworkPanel::BToA, NetworkPanel::Loss)->setValue(10);
    QCOMPARE(panel->impairment(0, NetworkPanel::AToB).lossPercent, 0.0);
    QCOMPARE(panel->impairment(0, NetworkPanel::BToA).lossPercent, 10.0);
    const QVariantMap params = panel->linkParameters();
    QCOMPARE(params.value(QStringLiteral("link.loss_pct")).toDouble(), 0.0);
    QCOMPARE(params.value(QStringLiteral("link.s2c.loss_pct")).toDouble(), 10.0);
    QCOMPARE(params.value(QStringLiteral("link.c2s.loss_pct")).toDouble(), 0.0);

    // `--set link.delay_ms=20` as the command line gives it lands in the panel.
    QString error;
    QVERIFY2(w.setParameter(QStringLiteral("link.delay_ms"), QStringLiteral("20"), &error),
             qPrintable(error));
    QCOMPARE(panel->editor(NetworkPanel::AToB, NetworkPanel::Delay)->value(), 20.0);
    QVERIFY(!w.setParameter(QStringLiteral("link.loss_pct"), QStringLiteral("120"), &error));
    QVERIFY2(error.contains(QLatin1String("120")), qPrintable(error));

    // A preset sets both directions.
    const LinkPreset *sat = findLinkPreset(QStringLiteral("satellite"));
    QVERIFY(sat);
    QVERIFY(panel->applyPreset(QStringLiteral("satellite")));
    QCOMPARE(panel->impairment(0, NetworkPanel::AToB), sat->each);
    QCOMPARE(panel->impairment(0, NetworkPanel::BToA), sat->each);
    QVERIFY(panel->sameBothWays()->isChecked());
    QCOMPARE(panel->editor(NetworkPanel::BToA, NetworkPanel::Delay)->value(), sat->each.delayMs);
}

void tst_LabNetworkUi::impossibleValuesAreRefusedWithTheLinksSentence()
{
    MainWindow w;
    w.show();
    w.selectLab(QStringLiteral("tcp-udp"));
    NetworkPanel *panel = w.networkPanel();
    panel->editor(NetworkPanel::AToB, NetworkPanel::Loss)->setValue(5);
    QVERIFY(panel->errorText().isEmpty());

    // 120 % loss: refused with LinkImpairment's sentence, the link keeps its 5 %.
    LinkImpairment bad;
    bad.lossPercent = 120;
    QString expected;
    QVERIFY(!bad.validate(&expected));
    panel->editor(NetworkPanel::AToB, NetworkPanel::Loss)->setValue(120);
    QCOMPARE(panel->errorText(), expected);
    QVERIFY(panel->errorLabel()->isVisibleTo(panel));
    QCOMPARE(panel->impairment(0, NetworkPanel::AToB).lossPercent, 5.0);
    QCOMPARE(panel->linkParameters().value(QStringLiteral("link.loss_pct")).toDouble(), 5.0);

    // A negative delay too.
    panel->editor(NetworkPanel::AToB, NetworkPanel::Loss)->setValue(5);
    QVERIFY(panel->errorText().isEmpty());
    LinkImpairment negative;
    negative.delayMs = -20;
    QVERIFY(!negative.validate(&expected));
    panel->editor(NetworkPanel::AToB, NetworkPanel::Delay)->setValue(-20);
    QCOMPARE(panel->errorText(), expected);
    QCOMPARE(panel->impairment(0, NetworkPanel::AToB).delayMs, 0.0);

    // Fixing the value clears the message.
    panel->editor(NetworkPanel::AToB, NetworkPanel::Delay)->setValue(20);
    QVERIFY(panel->errorText().isEmpty());
    QCOMPARE(panel->impairment(0, NetworkPanel::AToB).delayMs, 20.0);
}

void tst_LabNetworkUi::theControlsSetTheWireWhileTrafficFlows()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.selectLab(QStringLiteral("tcp-udp"));
    NetworkPanel *panel = w.networkPanel();
    panel->editor(NetworkPanel::AToB, NetworkPanel::Delay)->setValue(30); // before the start
    QString why;
    if (!startInLabNetwork(w, &why))
        QSKIP(qPrintable(why));
    LabController *c = w.controller();
    const QString client = QStringLiteral("client"), server = QStringLiteral("server");
    // What was set before the start is on the wire, both ways.
    QCOMPARE(c->wire()->impairment(client, server).delayMs, 30.0);
    QCOMPARE(c->wire()->impairment(server, client).delayMs, 30.0);
    // The topology shows the live addresses.
    QCOMPARE(panel->topology()->hosts()[0].address, c->network()->address(client).toString());
    QCOMPARE(panel->topology()->hosts()[1].address, c->network()->address(server).toString());

    // Traffic flows while the link changes.
    w.runAction(QStringLiteral("tcp.connect"));
    panel->editor(NetworkPanel::AToB, NetworkPanel::Delay)->setValue(50);
    QCOMPARE(c->wire()->impairment(client, server).delayMs, 50.0);
    QCOMPARE(c->wire()->impairment(server, client).delayMs, 50.0);

    panel->sameBothWays()->setChecked(false);
    panel->editor(NetworkPanel::AToB, NetworkPanel::Jitter)->setValue(4);
    panel->editor(NetworkPanel::AToB, NetworkPanel::Rate)->setValue(8);
    panel->editor(NetworkPanel::BToA, NetworkPanel::Loss)->setValue(12.5);
    panel->editor(NetworkPanel::BToA, NetworkPanel::Duplicate)->setValue(3);
    panel->editor(NetworkPanel::BToA, NetworkPanel::Reorder)->setValue(7);
    LinkImpairment c2s;
    c2s.delayMs = 50;
    c2s.jitterMs = 4;
    c2s.rateMbit = 8;
    LinkImpairment s2c;
    s2c.delayMs = 50;
    s2c.lossPercent = 12.5;
    s2c.duplicatePercent = 3;
    s2c.reorderPercent = 7;
    QCOMPARE(c->wire()->impairment(client, server), c2s);
    QCOMPARE(c->wire()->impairment(server, client), s2c);
    QCOMPARE(c->linkImpairment(server, client), s2c);

    // Refused while running too, and the wire keeps what it had.
    panel->editor(NetworkPanel::BToA, NetworkPanel::Loss)->setValue(150);
    QVERIFY2(panel->errorText().contains(QLatin1String("150")), qPrintable(panel->errorText()));
    QCOMPARE(c->wire()->impairment(server, client).lossPercent, 12.5);

    // A preset: both directions at once.
    QVERIFY(panel->applyPreset(QStringLiteral("3g")));
    QCOMPARE(c->wire()->impairment(client, server), findLinkPreset(QStringLiteral("3g"))->each);
    QCOMPARE(c->wire()->impairment(server, client), findLinkPreset(QStringLiteral("3g"))->each);
    QVERIFY(panel->errorText().isEmpty());

    // A lab step that changes the link itself (as "Send through a lossy link" does): the panel follows
    // within its 500 ms while it is on screen.
    w.raiseDock(QStringLiteral("network"));
    LinkImpairment fromStep;
    fromStep.delayMs = 7;
    fromStep.lossPercent = 2;
    QString error;
    QVERIFY2(c->setLinkImpairment(client, server, fromStep, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(panel->impairment(0, NetworkPanel::AToB), fromStep, 3000);
    QCOMPARE(panel->editor(NetworkPanel::AToB, NetworkPanel::Delay)->value(), 7.0);
    QCOMPARE(panel->editor(NetworkPanel::AToB, NetworkPanel::Loss)->value(), 2.0);
    QVERIFY(!panel->sameBothWays()->isChecked());
    w.stopLab();
}

void tst_LabNetworkUi::aBreakpointHoldsTheSynUntilStep()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.raiseDock(QStringLiteral("breakpoints"));
    QString why;
    if (!startInLabNetwork(w, &why))
        QSKIP(qPrintable(why));
    BreakpointPanel *bp = w.breakpointPanel();

    // A typo is refused where it was typed.
    QTest::keyClicks(bp->filterEdit(), QStringLiteral("tcp.flags.syn ==="));
    QTest::mouseClick(bp->addButton(), Qt::LeftButton);
    QCOMPARE(bp->breakpointCount(), 0);
    QVERIFY(bp->errorLabel()->isVisibleTo(bp));
    QVERIFY(!bp->errorLabel()->text().isEmpty());

    // Hold the client's SYN.
    bp->filterEdit()->clear();
    QTest::keyClicks(bp->filterEdit(), QStringLiteral("tcp.flags.syn == 1 && tcp.flags.ack == 0"));
    QTest::mouseClick(bp->addButton(), Qt::LeftButton);
    QCOMPARE(bp->breakpointCount(), 1);
    QVERIFY(bp->errorLabel()->isHidden());
    QCOMPARE(bp->breakpointList()->topLevelItemCount(), 1);

    w.runAction(QStringLiteral("tcp.connect"));
    QTRY_VERIFY_WITH_TIMEOUT(bp->heldCount() >= 1, 10000);
    QTreeWidgetItem *held = bp->heldList()->topLevelItem(0);
    QVERIFY2(held->text(3).contains(QLatin1String("SYN")), qPrintable(held->text(3)));
    QCOMPARE(held->text(2), QStringLiteral("client → server"));
    QVERIFY(bp->stepButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(bp->breakpointHits(0) >= 1, 3000);
    // Held means not delivered: no SYN-ACK while it waits.
    QTest::qWait(300);
    QCOMPARE(rowWithInfo(w, QStringLiteral("[SYN, ACK]")), -1);

    // Step (F10) releases it: the handshake completes.
    QVERIFY(bp->stepAction()->isEnabled());
    QCOMPARE(bp->stepAction()->shortcut(), QKeySequence(Qt::Key_F10));
    QTest::mouseClick(bp->stepButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithInfo(w, QStringLiteral("[SYN, ACK]")) >= 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(w.guidePanel()->checkpoint(0, 0).passed, 10000);
    // The SYN was recorded as it left the client, marked as held: the ladder shows where it waited.
    const int synRow = rowWithInfo(w, QStringLiteral("[Held at breakpoint"));
    QVERIFY(synRow >= 0);
    w.raiseDock(QStringLiteral("ladder"));
    QTRY_VERIFY_WITH_TIMEOUT(w.ladderView()->arrowCount() > synRow, 5000);
    int synArrow = -1;
    for (int a = 0; a < w.ladderView()->arrowCount(); ++a)
        if (w.ladderView()->packetOfArrow(a) == synRow)
            synArrow = a;
    QVERIFY(synArrow >= 0);
    QVERIFY(w.ladderView()->arrowWasHeld(synArrow));
    QVERIFY(!w.ladderView()->arrowIsLost(synArrow));
    QVERIFY2(w.ladderView()->arrowLabel(synArrow).startsWith(QLatin1String("[Held] SYN")),
             qPrintable(w.ladderView()->arrowLabel(synArrow)));
    // A SYN the client's kernel retransmitted meanwhile may still wait: let it go too.
    bp->releaseAll();
    QTRY_COMPARE_WITH_TIMEOUT(bp->heldCount(), 0, 5000);

    // Switched off, it holds nothing more; removed, it is gone from the wire.
    bp->setBreakpointEnabled(0, false);
    QCOMPARE(w.controller()->wire()->breakpoints().at(0).enabled, false);
    bp->removeBreakpoint(0);
    QCOMPARE(bp->breakpointCount(), 0);
    QVERIFY(w.controller()->wire()->breakpoints().empty());
    w.stopLab();
    QCOMPARE(bp->heldCount(), 0);
}

void tst_LabNetworkUi::aLabStepsOwnBreakpointShowsWhileItHolds()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.raiseDock(QStringLiteral("breakpoints"));
    QString why;
    if (!startInLabNetwork(w, &why))
        QSKIP(qPrintable(why));
    const LabDefinition *lab = w.controller()->lab();
    bool hasHold = false;
    for (const LabStep &step : lab->steps)
        for (const LabAction &action : step.actions)
            hasHold |= action.id == QLatin1String("syn.hold");
    if (!hasHold)
        QSKIP("This TCP vs UDP lab has no \"Hold a SYN\" action.");
    BreakpointPanel *bp = w.breakpointPanel();
    QSignalSpy finished(w.controller(), &LabController::actionFinished);
    // "Hold a SYN for 1.5 s": the lab sets its own breakpoint on the wire; the panel shows it and the SYN.
    w.runAction(QStringLiteral("syn.hold"));
    QTRY_VERIFY_WITH_TIMEOUT(bp->heldCount() >= 1, 10000);
    QCOMPARE(bp->breakpointCount(), 1);
    QVERIFY2(bp->breakpointList()->topLevelItem(0)->text(0).contains(QLatin1String("set by the lab")),
             qPrintable(bp->breakpointList()->topLevelItem(0)->text(0)));
    QVERIFY(bp->heldList()->topLevelItem(0)->text(3).contains(QLatin1String("SYN")));
    // The lab releases it and removes its breakpoint: both go from the panel.
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(bp->heldCount(), 0, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(bp->breakpointCount(), 0, 3000);
    w.stopLab();
}

void tst_LabNetworkUi::aDelayOf50MsShowsInTheKernelsRtt()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.raiseDock(QStringLiteral("telemetry"));
    w.selectLab(QStringLiteral("tcp-udp"));
    QString error;
    QVERIFY2(w.setParameter(QStringLiteral("link.delay_ms"), QStringLiteral("50"), &error),
             qPrintable(error));
    QString why;
    if (!startInLabNetwork(w, &why))
        QSKIP(qPrintable(why));
    w.runAction(QStringLiteral("tcp.connect"));
    QTRY_VERIFY_WITH_TIMEOUT(rowWithInfo(w, QStringLiteral("[SYN, ACK]")) >= 0, 10000);
    TelemetryPanel *t = w.telemetryPanel();
    QTRY_VERIFY_WITH_TIMEOUT(!t->connections().isEmpty() && t->sampleCount(0) >= 2, 10000);
    // The kernel measured the round trip the wire made: 2 x 50 ms (plus a little).
    QTRY_VERIFY_WITH_TIMEOUT(t->lastRttMs(0) >= 95, 5000);
    QVERIFY2(t->lastRttMs(0) < 250, qPrintable(QString::number(t->lastRttMs(0))));
    QVERIFY(t->lastCwnd(0) >= 1);
    QVERIFY(t->replotCount() > 0);
    // The server's listener and its accept queue.
    QTRY_VERIFY_WITH_TIMEOUT(!t->listeners().isEmpty(), 5000);
    QVERIFY(t->backlog(0) > 0);
    // The wire's own figures, named as such.
    QTRY_VERIFY_WITH_TIMEOUT(t->wireText().contains(QLatin1String("forwarded")), 3000);
    w.stopLab();
}

void tst_LabNetworkUi::packetsTheWireLostAreMarked()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QString why;
    if (!startInLabNetwork(w, &why))
        QSKIP(qPrintable(why));
    NetworkPanel *panel = w.networkPanel();
    // Every datagram from the client is lost.
    panel->sameBothWays()->setChecked(false);
    panel->editor(NetworkPanel::AToB, NetworkPanel::Loss)->setValue(100);
    QCOMPARE(
        w.controller()->wire()->impairment(QStringLiteral("client"), QStringLiteral("server")).lossPercent,
        100.0);
    QVERIFY(runAndWait(w, QStringLiteral("udp.connect")));
    w.runAction(QStringLiteral("udp.send3"));
    QTRY_VERIFY_WITH_TIMEOUT(rowWithInfo(w, QStringLiteral("[Lost on the lab network")) >= 0, 10000);
    const int row = rowWithInfo(w, QStringLiteral("[Lost on the lab network"));
    QVERIFY(
        w.session()->store().comment(std::size_t(row)).startsWith(QLatin1String("Lost on the lab network")));
    QCOMPARE(w.packetModel()->index(row, 0).data(PacketListModel::ColoringRuleRole).toString(),
             QStringLiteral("Dropped on the wire"));
    QVERIFY(w.packetModel()->index(row, 0).data(Qt::FontRole).value<QFont>().strikeOut());
    // The details tree starts with the comment, as Wireshark shows it.
    w.selectPacket(row);
    const QModelIndex comment = w.detailsModel()->indexForAbbrev("frame.comment");
    QVERIFY(comment.isValid());
    QCOMPARE(comment.parent().data().toString(), QStringLiteral("Packet comments"));
    QCOMPARE(comment.parent().row(), 0);
    // The ladder draws it as lost.
    w.raiseDock(QStringLiteral("ladder"));
    QTRY_VERIFY_WITH_TIMEOUT(w.ladderView()->arrowCount() > 0, 5000);
    int lostArrow = -1;
    for (int a = 0; a < w.ladderView()->arrowCount(); ++a)
        if (w.ladderView()->packetOfArrow(a) == row)
            lostArrow = a;
    QVERIFY(lostArrow >= 0);
    QVERIFY(w.ladderView()->arrowIsLost(lostArrow));
    QVERIFY2(w.ladderView()->arrowLabel(lostArrow).startsWith(QLatin1String("[Lost]")),
             qPrintable(w.ladderView()->arrowLabel(lostArrow)));
    w.stopLab();
}

void tst_LabNetworkUi::udpLossStaysLostWhileTcpRetransmits()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.raiseDock(QStringLiteral("ladder"));
    QString why;
    if (!startInLabNetwork(w, &why))
        QSKIP(qPrintable(why));
    bool hasLossStep = false;
    for (const LabStep &step : w.controller()->lab()->steps)
        for (const LabAction &action : step.actions)
            hasLossStep |= action.id == QLatin1String("loss.compare");
    if (!hasLossStep)
        QSKIP("This TCP vs UDP lab has no \"Send through a lossy link\" action.");
    // The step sets 10 % loss each way itself, sends 200 datagrams and 256 KiB over TCP, then restores the
    // link: with 250 and more packets at 10 %, some are lost (the chance of none is below 1e-9).
    QVERIFY(runAndWait(w, QStringLiteral("loss.compare"), 30000));
    LadderView *ladder = w.ladderView();
    QTRY_VERIFY_WITH_TIMEOUT(ladder->arrowCount() >= 250, 5000);
    int lost = 0, retransmitted = 0;
    for (int a = 0; a < ladder->arrowCount(); ++a) {
        lost += ladder->arrowIsLost(a) ? 1 : 0;
        retransmitted += ladder->arrowLabel(a).contains(QLatin1String("[Retransmission]")) ? 1 : 0;
    }
    QVERIFY2(lost > 0, qPrintable(QString::number(ladder->arrowCount())));
    QVERIFY2(retransmitted > 0, qPrintable(QString::number(ladder->arrowCount())));
    // The panel follows what the step did to the link, back to no loss at the end.
    w.raiseDock(QStringLiteral("network"));
    w.networkPanel()->syncFromController();
    const LinkImpairment now =
        w.controller()->linkImpairment(QStringLiteral("client"), QStringLiteral("server"));
    QCOMPARE(w.networkPanel()->impairment(0, NetworkPanel::AToB), now);
    QCOMPARE(now.lossPercent, 0.0);
    w.stopLab();
}

void tst_LabNetworkUi::theStatusBarNamesTheLabNetwork()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QString why;
    if (!startInLabNetwork(w, &why)) {
        // Even then the status bar says which mode the next start uses and why.
        QVERIFY(w.networkModeLabel()->text().contains(LabController::sandboxAvailability().reason));
        QSKIP(qPrintable(why));
    }
    QTRY_COMPARE(w.networkModeLabel()->text(),
                 QStringLiteral("Lab network: 2 hosts, delay/loss/breakpoints"));
    QVERIFY(w.networkModeLabel()->toolTip().contains(QLatin1String("198.18.")));
    QVERIFY(w.breakpointPanel()->findChild<QLabel *>(QStringLiteral("breakpointModeLabel"))->isHidden());
    w.stopLab();
    // Choosing host mode says what is lost, before the next start.
    w.setNetworkSetting(QStringLiteral("host"));
    QVERIFY2(w.networkModeLabel()->text().startsWith(QLatin1String("Host mode")),
             qPrintable(w.networkModeLabel()->text()));
    QVERIFY(w.networkModeLabel()->text().contains(LabController::sandboxAvailability().loses));
}

void tst_LabNetworkUi::theNetworkSettingIsRemembered()
{
    {
        MainWindow w;
        QCOMPARE(w.networkSetting(), QStringLiteral("auto"));
        QVERIFY(w.findChild<QAction *>(QStringLiteral("networkAutoAction"))->isChecked());
        w.findChild<QAction *>(QStringLiteral("networkHostAction"))->trigger();
        QCOMPARE(w.networkSetting(), QStringLiteral("host"));
        QCOMPARE(w.controller()->networkModeIsAutomatic(), false);
        QCOMPARE(w.controller()->networkMode(), NetworkMode::Host);
    }
    QCOMPARE(QSettings().value(QStringLiteral("network/mode")).toString(), QStringLiteral("host"));
    MainWindow again;
    QCOMPARE(again.networkSetting(), QStringLiteral("host"));
    QVERIFY(again.findChild<QAction *>(QStringLiteral("networkHostAction"))->isChecked());
    QCOMPARE(again.controller()->networkMode(), NetworkMode::Host);
    again.setNetworkSetting(QStringLiteral("auto"));
    QVERIFY(again.controller()->networkModeIsAutomatic());
}

void tst_LabNetworkUi::thePanelsSpeakGerman()
{
    MainWindow w;
    w.show();
    w.selectLab(QStringLiteral("tcp-udp"));
    w.setLanguage(QStringLiteral("de"));
    QCOMPARE(w.findChild<QDockWidget *>(QStringLiteral("networkDock"))->windowTitle(),
             QStringLiteral("Labornetz"));
    QCOMPARE(w.findChild<QDockWidget *>(QStringLiteral("breakpointsDock"))->windowTitle(),
             QStringLiteral("Haltepunkte"));
    QCOMPARE(w.findChild<QDockWidget *>(QStringLiteral("telemetryDock"))->windowTitle(),
             QStringLiteral("Telemetrie"));
    // The panels retranslate on the LanguageChange event the translators posted.
    QTRY_COMPARE(w.networkPanel()->sameBothWays()->text(), QStringLiteral("In beide Richtungen gleich"));
    QTRY_COMPARE(w.breakpointPanel()->stepButton()->text(), QStringLiteral("Schritt"));
    QCOMPARE(w.findChild<QMenu *>(QStringLiteral("menuNetwork"))->title(), QStringLiteral("&Netzwerk"));
    w.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(w.networkPanel()->sameBothWays()->text(), QStringLiteral("Same both ways"));
}

QTEST_MAIN(tst_LabNetworkUi)
#include "tst_labnetworkui.moc"
