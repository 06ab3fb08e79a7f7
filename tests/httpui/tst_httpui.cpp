// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP views of the main window over hand-built HTTP/1.1 conversations (real header layouts, the
// bytes a server and a client put on the wire): one waterfall row per request, one group per connection,
// a click on a bar selects the response's first frame and selecting a frame highlights its bar, the
// ladder labels requests and responses, Follow TCP Stream shows the text with CRLFs, and the new menu
// entries speak German.

#include "../app/framebuilder.h"
#include "capturesession.h"
#include "detailsmodel.h"
#include "followstreamdialog.h"
#include "headerbytesview.h"
#include "httpflows.h"
#include "lab/labcontroller.h"
#include "ladderview.h"
#include "mainwindow.h"
#include "waterfallview.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace wirelab;
using namespace wirelab::testing;

namespace {

// One keep-alive HTTP/1.1 connection from 127.0.0.1:clientPort to 127.0.0.2:8080 carrying the given
// paths one after the other, 1 ms per packet (responses 10 ms after their request); then FIN.
void addConnection(std::vector<CapturedPacket> &out, std::int64_t &t, std::uint16_t clientPort,
                   const std::vector<std::string> &paths)
{
    std::uint32_t c = 1000u + clientPort, s = 90000u + clientPort;
    auto add = [&](std::vector<std::uint8_t> bytes, std::int64_t step = 1'000'000) {
        out.push_back(packet(t, std::move(bytes)));
        t += step;
    };
    add(tcpFrame(1, clientPort, 2, 8080, c, 0, TcpSyn));
    add(tcpFrame(2, 8080, 1, clientPort, s, c + 1, TcpSyn | TcpAck));
    ++c;
    ++s;
    add(tcpFrame(1, clientPort, 2, 8080, c, s, TcpAck));
    for (const std::string &path : paths) {
        const std::string request =
            "GET " + path + " HTTP/1.1\r\nHost: lab.example\r\nUser-Agent: tst\r\n\r\n";
        add(tcpFrame(1, clientPort, 2, 8080, c, s, TcpPsh | TcpAck, request), 10'000'000);
        c += std::uint32_t(request.size());
        const std::string body(3000, 'x');
        const std::string head =
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3000\r\n\r\n";
        const std::string first = head + body.substr(0, 1000);
        add(tcpFrame(2, 8080, 1, clientPort, s, c, TcpAck, first), 5'000'000);
        s += std::uint32_t(first.size());
        const std::string rest = body.substr(1000);
        add(tcpFrame(2, 8080, 1, clientPort, s, c, TcpPsh | TcpAck, rest));
        s += std::uint32_t(rest.size());
        add(tcpFrame(1, clientPort, 2, 8080, c, s, TcpAck));
    }
    add(tcpFrame(1, clientPort, 2, 8080, c, s, TcpFin | TcpAck));
    add(tcpFrame(2, 8080, 1, clientPort, s, c + 1, TcpFin | TcpAck));
    add(tcpFrame(1, clientPort, 2, 8080, c + 1, s + 1, TcpAck));
}

std::vector<CapturedPacket> twoConnections()
{
    std::vector<CapturedPacket> out;
    std::int64_t t = 1'700'000'000'000'000'000;
    addConnection(out, t, 41000, {"/about", "/img/1.png"});
    addConnection(out, t, 41001, {"/img/2.png"});
    return out;
}

} // namespace

class tst_HttpUi final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void waterfallHasARowPerRequestGroupedByConnection();
    void waterfallAndPacketListAreLinked();
    void waterfallTotalsAndAxisFollowTheLabsRuns();
    void ladderLabelsCarryTheRequest();
    void followStreamShowsCrlf();
    void detailsShowTheHttpLayer();
    void newMenuEntriesSpeakGerman();
    void theRealLabFillsTheWaterfall();
};

void tst_HttpUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WirelabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_httpui"));
}

void tst_HttpUi::init()
{
    QSettings().clear();
}

void tst_HttpUi::waterfallHasARowPerRequestGroupedByConnection()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.raiseDock(QStringLiteral("waterfall")));
    const auto packets = twoConnections();
    w.session()->appendPackets(packets, LinkType::Ethernet);
    WaterfallView *waterfall = w.waterfallView();
    QTRY_COMPARE(waterfall->rowCount(), 3);
    QCOMPARE(waterfall->connectionGroupCount(), 2);
    QVERIFY2(waterfall->rowLabel(0).contains(QLatin1String("GET /about")),
             qPrintable(waterfall->rowLabel(0)));
    QVERIFY(waterfall->rowLabel(2).startsWith(QLatin1String("c2 ")));
    // One HTTP/1.1 line in the totals: 3 requests over 2 connections, 2 handshakes.
    const QStringList totals = waterfall->totals();
    QCOMPARE(totals.size(), 1);
    QVERIFY2(totals[0].startsWith(QLatin1String("HTTP/1.1 |")) &&
                 totals[0].endsWith(QLatin1String("| 3 | 2 | 2")),
             qPrintable(totals[0]));
    // Header bytes: HTTP/1.1 sends its raw header block every time, in request order.
    w.headerBytesView()->refresh(true);
    const auto &bars = w.headerBytesView()->bars();
    QCOMPARE(bars.size(), std::size_t(3));
    const std::string about = "GET /about HTTP/1.1\r\nHost: lab.example\r\nUser-Agent: tst\r\n\r\n";
    QCOMPARE(bars[0].wire, std::uint64_t(about.size()));
    QCOMPARE(bars[0].decoded, bars[0].wire);
    QVERIFY(!bars[0].http2);
    QCOMPARE(bars[1].label, QStringLiteral("GET /img/1.png"));
    QCOMPARE(bars[1].wire,
             std::uint64_t(about.size() - std::string("/about").size() + std::string("/img/1.png").size()));
    // Rows follow the capture as it grows: the same capture again (new ports) doubles them.
    std::vector<CapturedPacket> more;
    std::int64_t t = packets.back().timeNs + 1'000'000;
    addConnection(more, t, 42000, {"/late"});
    w.session()->appendPackets(more, LinkType::Ethernet);
    QTRY_COMPARE(waterfall->rowCount(), 4);
    QCOMPARE(waterfall->connectionGroupCount(), 3);
}

void tst_HttpUi::waterfallAndPacketListAreLinked()
{
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.raiseDock(QStringLiteral("waterfall")));
    w.session()->appendPackets(twoConnections(), LinkType::Ethernet);
    WaterfallView *waterfall = w.waterfallView();
    QTRY_COMPARE(waterfall->rowCount(), 3);
    // Packets: 0 SYN, 1 SYN-ACK, 2 ACK, 3 GET /about, 4 first response bytes, ...
    QCOMPARE(waterfall->packetOfRow(0), 4);
    QTRY_VERIFY(!waterfall->barCentre(1).isNull());
    const int expected = waterfall->packetOfRow(1);
    QVERIFY(expected > 4);
    QTest::mouseClick(waterfall->plotWidget(), Qt::LeftButton, {}, waterfall->barCentre(1));
    QTRY_COMPARE(w.packetView()->currentIndex().row(), expected);
    QCOMPARE(waterfall->highlightedRow(), 1);
    // The other way: selecting the request of row 2 in the packet list highlights that bar.
    w.selectPacket(waterfall->packetOfRow(2));
    QTRY_COMPARE(waterfall->highlightedRow(), 2);
    // A click between rows selects nothing new.
    const int before = w.packetView()->currentIndex().row();
    const QPoint a = waterfall->barCentre(0), b = waterfall->barCentre(1);
    QTest::mouseClick(waterfall->plotWidget(), Qt::LeftButton, {}, QPoint(a.x(), (a.y() + b.y()) / 2));
    QTest::qWait(50);
    QCOMPARE(w.packetView()->currentIndex().row(), before);
}

// The HTTP lab's client reports each page load as an "http.run" event with its time window: the totals
// get a row per run (not per protocol: two HTTP/1.1 runs stay apart), and picking a run shows only its
// requests with the time axis starting at its own first packet.
void tst_HttpUi::waterfallTotalsAndAxisFollowTheLabsRuns()
{
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.raiseDock(QStringLiteral("waterfall")));
    std::vector<CapturedPacket> packets;
    std::int64_t t = 1'700'000'000'000'000'000;
    const std::int64_t firstFrom = t;
    addConnection(packets, t, 41000, {"/about", "/img/1.png"});
    const std::int64_t firstTo = t;
    t += 2'000'000'000; // two seconds later, a second run over the same protocol
    const std::int64_t secondFrom = t;
    addConnection(packets, t, 41001, {"/img/2.png"});
    addConnection(packets, t, 41002, {"/img/3.png"});
    const std::int64_t secondTo = t;
    auto run = [&](const char *name, std::int64_t from, std::int64_t to) {
        LabEvent e;
        e.timeNs = to;
        e.host = QStringLiteral("client");
        e.kind = QStringLiteral("http.run");
        e.data = {{QStringLiteral("run"), QString::fromLatin1(name)},
                  {QStringLiteral("from_ns"), qlonglong(from)},
                  {QStringLiteral("to_ns"), qlonglong(to)}};
        w.session()->events().append(e);
    };
    run("http11", firstFrom, firstTo);
    run("pipelined", secondFrom, secondTo);
    w.session()->pollEvents();
    w.session()->appendPackets(packets, LinkType::Ethernet);
    WaterfallView *waterfall = w.waterfallView();
    QTRY_COMPARE(waterfall->rowCount(), 4);
    QTRY_COMPARE(waterfall->runNames(),
                 QStringList({QStringLiteral("HTTP/1.1 keep-alive"), QStringLiteral("HTTP/1.1 pipelined")}));
    // A row per run: requests, connections, handshakes of each, not "HTTP/1.1 | 4 | 3 | 3".
    QStringList totals = waterfall->totals();
    QCOMPARE(totals.size(), 2);
    QVERIFY2(totals[0].startsWith(QLatin1String("HTTP/1.1 keep-alive |")) &&
                 totals[0].endsWith(QLatin1String("| 2 | 1 | 1")),
             qPrintable(totals[0]));
    QVERIFY2(totals[1].startsWith(QLatin1String("HTTP/1.1 pipelined |")) &&
                 totals[1].endsWith(QLatin1String("| 2 | 2 | 2")),
             qPrintable(totals[1]));
    // The first run's total: its SYN to its last response byte (packets 0 .. 9 of the capture).
    const double firstTotal = double(packets[9].timeNs - packets[0].timeNs) / 1e9;
    QVERIFY2(totals[0].contains(QStringLiteral("| %1 s |").arg(firstTotal, 0, 'f', 3)), qPrintable(totals[0]));
    // Everything: the axis spans both runs (more than the two seconds between them).
    QVERIFY2(waterfall->axisUpper() > 2.0, qPrintable(QString::number(waterfall->axisUpper())));
    // The second run alone: its two requests, the axis from its own first SYN to just past its end.
    waterfall->selectRun(1);
    QCOMPARE(waterfall->rowCount(), 2);
    QCOMPARE(waterfall->connectionGroupCount(), 2);
    const double secondSpan = double(secondTo - secondFrom) / 1e9;
    QCOMPARE(waterfall->axisLower(), 0.0);
    QVERIFY2(waterfall->axisUpper() < secondSpan * 1.1 && waterfall->axisUpper() > secondSpan * 0.5,
             qPrintable(QStringLiteral("%1 vs %2").arg(waterfall->axisUpper()).arg(secondSpan)));
    QVERIFY(waterfall->rowLabel(0).contains(QLatin1String("GET /img/2.png")));
    // Selecting a packet of the first run in the packet list brings its run back.
    w.selectPacket(8); // the first run's second response (0 SYN, 1 SYN-ACK, 2 ACK, 3 GET, 4-5 200 OK, 6 ACK, 7 GET)
    QTRY_COMPARE(waterfall->selectedRun(), 0);
    QCOMPARE(waterfall->rowCount(), 2);
    // A click on the first totals row toggles back to every request.
    auto *table = waterfall->findChild<QTableWidget *>(QStringLiteral("waterfallTotals"));
    QVERIFY(table);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, 0)).center());
    QTRY_COMPARE(waterfall->selectedRun(), -1);
    QCOMPARE(waterfall->rowCount(), 4);
}

void tst_HttpUi::ladderLabelsCarryTheRequest()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.session()->appendPackets(twoConnections(), LinkType::Ethernet);
    LadderView *ladder = w.ladderView();
    QTRY_VERIFY(ladder->arrowCount() > 0);
    QTRY_VERIFY2(ladder->arrowLabel(3).startsWith(QLatin1String("GET /about")),
                 qPrintable(ladder->arrowLabel(3)));
    QVERIFY2(ladder->arrowLabel(4).startsWith(QLatin1String("200 OK")), qPrintable(ladder->arrowLabel(4)));
    // A packet without HTTP keeps its plain TCP label.
    QVERIFY(ladder->arrowLabel(0).startsWith(QLatin1String("SYN")));
}

void tst_HttpUi::followStreamShowsCrlf()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.session()->appendPackets(twoConnections(), LinkType::Ethernet);
    w.selectPacket(5);
    QCOMPARE(w.followStreamAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_T));
    w.followStreamAction()->trigger();
    FollowStreamDialog *dialog = w.followStreamDialog();
    QVERIFY(dialog->isVisible());
    const QByteArray raw = dialog->rawText();
    QVERIFY(raw.startsWith("GET /about HTTP/1.1\r\nHost: lab.example\r\n"));
    QVERIFY(raw.contains("HTTP/1.1 200 OK\r\n"));
    QVERIFY(raw.contains("GET /img/1.png HTTP/1.1\r\n"));
    QVERIFY(!raw.contains("/img/2.png")); // the other connection
    const QString shown = dialog->displayedText();
    QVERIFY2(shown.startsWith(QStringLiteral("GET /about HTTP/1.1\u240D\u240A\n")),
             qPrintable(shown.left(40)));
    // A packet of the second connection follows that one.
    w.selectPacket(int(twoConnections().size()) - 2);
    w.followStreamAction()->trigger();
    QVERIFY(dialog->rawText().startsWith("GET /img/2.png HTTP/1.1\r\n"));
}

void tst_HttpUi::detailsShowTheHttpLayer()
{
    CaptureSession session;
    DetailsModel model(&session);
    session.appendPackets(twoConnections(), LinkType::Ethernet);
    model.setPacket(3); // GET /about
    const ProtoField *method = model.tree().find("http.request.method");
    QVERIFY(method);
    QCOMPARE(method->value, QStringLiteral("GET"));
    QVERIFY(model.indexForAbbrev("http.request.uri").isValid());
    model.setPacket(4); // the response's first segment
    const ProtoField *code = model.tree().find("http.response.code");
    QVERIFY(code);
    QCOMPARE(code->value, QStringLiteral("200"));
    model.setPacket(6); // the client's ACK in between carries none of the response
    QVERIFY(!model.tree().find("http.response.code"));
    model.setPacket(0); // the SYN carries no HTTP
    QVERIFY(!model.tree().find("http.request.method"));
    QVERIFY(!model.tree().find("http.response.code"));

    // Sharing the views' index: the same layers from the one analysis, and the index's Protocol/Info for
    // the packet list (the response ends in packet 5, its second segment).
    HttpFlowIndex index;
    DetailsModel shared(&session);
    shared.setHttpIndex(&index);
    shared.setPacket(4);
    const ProtoField *sharedCode = shared.tree().find("http.response.code");
    QVERIFY(sharedCode);
    QCOMPARE(sharedCode->value, QStringLiteral("200"));
    index.update(session, true); // the details model fed it already (and may have rebuilt its rows)
    QVERIFY(!index.reparsePending());
    QCOMPARE(index.exchanges().size(), std::size_t(3));
    QCOMPARE(index.packetProtocol(3), QStringLiteral("HTTP"));
    QCOMPARE(index.packetInfo(3), QStringLiteral("GET /about HTTP/1.1"));
    QCOMPARE(index.packetProtocol(4), QString());
    QCOMPARE(index.packetProtocol(5), QStringLiteral("HTTP"));
    QCOMPARE(index.packetInfo(5), QStringLiteral("HTTP/1.1 200 OK  (text/plain)"));
    QCOMPARE(index.packetLabel(4), QStringLiteral("200 OK"));
}

void tst_HttpUi::newMenuEntriesSpeakGerman()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setLanguage(QStringLiteral("de"));
    QCOMPARE(w.followStreamAction()->text(), QStringLiteral("TCP-Strom &folgen"));
    auto *dock = w.findChild<QDockWidget *>(QStringLiteral("waterfallDock"));
    QVERIFY(dock);
    QCOMPARE(dock->windowTitle(), QStringLiteral("HTTP-Wasserfall"));
    w.setLanguage(QStringLiteral("en"));
    QCOMPARE(w.followStreamAction()->text(), QStringLiteral("&Follow TCP Stream"));
    QCOMPARE(dock->windowTitle(), QStringLiteral("HTTP Waterfall"));
}

// The HTTP lab itself (in whichever network the system allows: the views do not depend on it): 12 images
// over HTTP/1.1 with the cap of 6 connections, then over HTTP/2.
void tst_HttpUi::theRealLabFillsTheWaterfall()
{
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.selectLab(QStringLiteral("http"));
    QString error;
    QVERIFY2(w.setParameter(QStringLiteral("images.count"), QStringLiteral("12"), &error), qPrintable(error));
    QVERIFY2(w.startLab(QStringLiteral("http")), qPrintable(w.controller()->errorString()));
    QVERIFY2(QTest::qWaitFor([&] { return w.controller()->state() == LabController::State::Running; }, 20000),
             qPrintable(w.controller()->errorString()));
    QVERIFY(w.raiseDock(QStringLiteral("waterfall")));
    QSignalSpy finished(w.controller(), &LabController::actionFinished);
    for (const QString action : {QStringLiteral("images.http11"), QStringLiteral("images.h2")}) {
        finished.clear();
        w.runAction(action);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         for (const QList<QVariant> &args : finished)
                             if (args.at(0).toString() == action)
                                 return true;
                         return false;
                     },
                     60000),
                 qPrintable(action));
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(finished.last().at(2).toString()));
    }
    WaterfallView *waterfall = w.waterfallView();
    QTRY_COMPARE_WITH_TIMEOUT(waterfall->rowCount(), 24, 5000);
    QCOMPARE(waterfall->connectionGroupCount(), 7); // six HTTP/1.1 connections and one HTTP/2
    const QStringList totals = waterfall->totals();
    QCOMPARE(totals.size(), 2); // a row per run of the lab
    QVERIFY2(totals[0].startsWith(QLatin1String("HTTP/1.1 keep-alive |")) &&
                 totals[0].endsWith(QLatin1String("| 12 | 6 | 6")),
             qPrintable(totals[0]));
    QVERIFY2(totals[1].startsWith(QLatin1String("HTTP/2 |")) &&
                 totals[1].endsWith(QLatin1String("| 12 | 1 | 1")),
             qPrintable(totals[1]));
    // HTTP/2 rows name their (odd) stream; a click on one selects its response's first frame.
    int h2Row = -1;
    for (int r = 0; r < waterfall->rowCount(); ++r)
        if (waterfall->rowLabel(r).contains(QLatin1String(" s1 GET ")))
            h2Row = r;
    QVERIFY(h2Row >= 0);
    w.selectPacket(waterfall->packetOfRow(h2Row));
    QTRY_COMPARE(waterfall->highlightedRow(), h2Row);
    // The HTTP/2 run alone fills the width: its axis is its own, far shorter than the whole session's.
    const double allUpper = waterfall->axisUpper();
    QCOMPARE(waterfall->runNames().size(), 2);
    waterfall->selectRun(1);
    QCOMPARE(waterfall->rowCount(), 12);
    QCOMPARE(waterfall->connectionGroupCount(), 1);
    QVERIFY2(waterfall->axisUpper() < allUpper,
             qPrintable(QStringLiteral("%1 vs %2").arg(waterfall->axisUpper()).arg(allUpper)));
    waterfall->selectRun(-1);
    // The ladder labels requests and the h2 frames.
    LadderView *ladder = w.ladderView();
    QVERIFY(w.raiseDock(QStringLiteral("ladder")));
    bool get = false, headers = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int a = 0; a < ladder->arrowCount(); ++a) {
                const QString label = ladder->arrowLabel(a);
                get = get || label.startsWith(QLatin1String("GET /img/"));
                headers = headers || label.contains(QLatin1String("HEADERS s=1"));
            }
            return get && headers;
        }(),
        5000);
    // The RTT ruler on the h2 connection (no TLS): 1 RTT is its captured SYN -> ACK, 0 RTT its SYN.
    w.selectPacket(waterfall->packetOfRow(h2Row));
    const LadderView::RttRuler ruler = ladder->rttRulerState();
    QVERIFY(ruler.valid);
    QVERIFY(!ruler.fromClientHello);
    const PacketView view = w.session()->store().at(std::size_t(waterfall->packetOfRow(h2Row)));
    const TcpConversation &conv =
        w.session()->tcp().conversations()[w.session()->tcp().analysis(view.number)->conversation];
    QCOMPARE(ruler.rttNs, conv.initialRttNs);
    QCOMPARE(ruler.startNs, w.session()->store().at(conv.synFrame - 1).timeNs);
    // Header bytes: the first h2 request's block is larger than the later ones (HPACK's dynamic table).
    w.headerBytesView()->refresh(true);
    std::vector<std::uint64_t> h2Wire;
    for (const auto &bar : w.headerBytesView()->bars())
        if (bar.http2)
            h2Wire.push_back(bar.wire);
    QCOMPARE(h2Wire.size(), std::size_t(12));
    QVERIFY(h2Wire[0] > 2 * h2Wire[1]);
    w.controller()->stop();
}

QTEST_MAIN(tst_HttpUi)
#include "tst_httpui.moc"
