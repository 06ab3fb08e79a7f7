// SPDX-License-Identifier: GPL-3.0-or-later
// The shell's custom views on hand-built packets: the ladder's arrows and labels, the hex view's
// geometry and clicks, and the timeline's "replot only when dirty and visible".

#include "framebuilder.h"
#include "hexview.h"
#include "httpflows.h"
#include "ladderview.h"
#include "timelineplot.h"

#include <QSignalSpy>
#include <QTest>

using namespace wirelab;
using namespace wirelab::testing;

class tst_Views final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theLadderDrawsOneArrowPerPacket();
    void aHiddenLadderWaitsUntilItIsShown();
    void theLadderCanShowOnlyTheSelectedConversation();
    void clickingAnArrowReportsItsPacket();
    void anHttp2ConnectionShowsOneLanePerStream();
    void theHexViewMapsClicksToBytes();
    void theHexViewClampsTheHighlight();
    void theTimelineReplotsOnlyWhenDirtyAndVisible();
};

static constexpr std::int64_t kT0 = 1'700'000'000'000'000'000;

void tst_Views::theLadderDrawsOneArrowPerPacket()
{
    CaptureSession session;
    LadderView ladder(&session);
    ladder.resize(600, 500);
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    session.appendPackets(handshakeAndData(kT0), LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 8);
    QCOMPARE(ladder.endpointTitles(),
             QStringList({QStringLiteral("127.0.0.1:41000"), QStringLiteral("127.0.0.2:8800")}));
    QCOMPARE(ladder.arrowLabel(0), QStringLiteral("SYN seq=0 len=0"));
    QCOMPARE(ladder.arrowLabel(1), QStringLiteral("SYN,ACK seq=0 ack=1 len=0"));
    QCOMPARE(ladder.arrowLabel(2), QStringLiteral("ACK seq=1 ack=1 len=0"));
    QCOMPARE(ladder.arrowLabel(3), QStringLiteral("PSH,ACK seq=1 ack=1 len=3"));
    QCOMPARE(ladder.arrowLabel(5), QStringLiteral("FIN,ACK seq=4 ack=1 len=0"));
    QCOMPARE(ladder.packetOfArrow(7), 7);
    // Packets arriving later become arrows at once.
    std::vector<CapturedPacket> more{packet(kT0 + 20'000'000, udpFrame(3, 5353, 2, 8801, "datagram"))};
    session.appendPackets(more, LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 9);
    QCOMPARE(ladder.arrowLabel(8), QStringLiteral("UDP len=8"));
    QCOMPARE(ladder.endpointTitles().size(), 4);
    session.reset();
    QCOMPARE(ladder.arrowCount(), 0);
    QVERIFY(ladder.endpointTitles().isEmpty());
}

void tst_Views::aHiddenLadderWaitsUntilItIsShown()
{
    CaptureSession session;
    LadderView ladder(&session);
    ladder.resize(600, 500);
    session.appendPackets(handshakeAndData(kT0), LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 0); // hidden views do no work
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    QCOMPARE(ladder.arrowCount(), 8);
}

void tst_Views::theLadderCanShowOnlyTheSelectedConversation()
{
    CaptureSession session;
    LadderView ladder(&session);
    ladder.resize(600, 500);
    ladder.show();
    std::vector<CapturedPacket> all = handshakeAndData(kT0);
    all.insert(all.begin() + 2, packet(kT0 + 1'500'000, udpFrame(3, 5353, 2, 8801, "a")));
    all.push_back(packet(kT0 + 30'000'000, udpFrame(2, 8801, 3, 5353, "b")));
    session.appendPackets(all, LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 10);

    ladder.setCurrentPacket(2); // the first datagram
    ladder.setOnlySelectedConversation(true);
    QCOMPARE(ladder.arrowCount(), 2);
    QCOMPARE(ladder.packetOfArrow(0), 2);
    QCOMPARE(ladder.packetOfArrow(1), 9);
    QCOMPARE(ladder.endpointTitles(),
             QStringList({QStringLiteral("127.0.0.3:5353"), QStringLiteral("127.0.0.2:8801")}));

    ladder.setCurrentPacket(4); // a TCP packet: its conversation instead
    QCOMPARE(ladder.arrowCount(), 8);
    // New packets of the shown conversation join it; others do not.
    std::vector<CapturedPacket> later{
        packet(kT0 + 40'000'000, tcpFrame(2, 8800, 1, 41000, 5002, 1006, TcpAck)),
        packet(kT0 + 41'000'000, udpFrame(3, 5353, 2, 8801, "c"))};
    session.appendPackets(later, LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 9);
    ladder.setOnlySelectedConversation(false);
    QCOMPARE(ladder.arrowCount(), 12);
}

void tst_Views::clickingAnArrowReportsItsPacket()
{
    CaptureSession session;
    LadderView ladder(&session);
    ladder.resize(600, 500);
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    session.appendPackets(handshakeAndData(kT0), LinkType::Ethernet);
    QSignalSpy clicked(&ladder, &LadderView::packetClicked);
    const QRect row = ladder.arrowRowRect(2);
    QVERIFY(!row.isEmpty());
    QTest::mouseClick(ladder.viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 2);
    QCOMPARE(ladder.currentPacket(), 2);
    // A click on the column titles selects nothing.
    QTest::mouseClick(ladder.viewport(), Qt::LeftButton, {}, QPoint(200, 5));
    QCOMPARE(clicked.count(), 1);
}

// An HTTP/2 frame: 9-byte header, then the payload.
static std::string h2Frame(std::uint8_t type, std::uint8_t flags, std::uint32_t stream, const std::string &payload)
{
    std::string f;
    f += char(payload.size() >> 16);
    f += char(payload.size() >> 8);
    f += char(payload.size());
    f += char(type);
    f += char(flags);
    f += char(stream >> 24);
    f += char(stream >> 16);
    f += char(stream >> 8);
    f += char(stream);
    return f + payload;
}

void tst_Views::anHttp2ConnectionShowsOneLanePerStream()
{
    CaptureSession session;
    HttpFlowIndex http;
    LadderView ladder(&session);
    ladder.setHttpIndex(&http);
    ladder.resize(900, 600);
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));

    // h2c with prior knowledge: GET / on streams 1 and 3 (HPACK: :method GET, :scheme http, :path /,
    // :authority lab.test, indexed from the dynamic table the second time); the server answers both, and its
    // segment with stream 1's first DATA is lost, so the two segments behind it (stream 3's DATA, stream 1's
    // last DATA) wait until the retransmission fills the gap.
    const std::string preface("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    const std::string request1 = "\x82\x86\x84\x41\x08lab.test", request2 = "\x82\x86\x84\xbe";
    const std::string c1 = preface + h2Frame(4, 0, 0, {}) + h2Frame(1, 0x05, 1, request1) + h2Frame(1, 0x05, 3, request2);
    const std::string s1 = h2Frame(4, 0, 0, {}) + h2Frame(4, 0x01, 0, {}) + h2Frame(1, 0x04, 1, "\x88")
                           + h2Frame(1, 0x04, 3, "\x88");
    const std::string lost = h2Frame(0, 0, 1, "first half of one ");
    const std::string s3 = h2Frame(0, 0x01, 3, "all of three");
    const std::string s4 = h2Frame(0, 0x01, 1, "second half");
    const std::string c2 = h2Frame(8, 0, 0, std::string("\x00\x00\x10\x00", 4));
    constexpr std::uint32_t c = 1000, s = 5000;
    std::vector<CapturedPacket> all;
    std::int64_t t = kT0;
    auto add = [&](std::vector<std::uint8_t> bytes, const QString &comment = {}) {
        all.push_back(packet(t, std::move(bytes)));
        all.back().comment = comment;
        t += 10'000'000;
    };
    const std::uint32_t sLost = s + 1 + std::uint32_t(s1.size());
    const std::uint32_t sAfter = sLost + std::uint32_t(lost.size());
    const std::uint32_t cAfter = c + 1 + std::uint32_t(c1.size());
    add(tcpFrame(1, 41000, 2, 8800, c, 0, TcpSyn));                                                        // 0
    add(tcpFrame(2, 8800, 1, 41000, s, c + 1, TcpSyn | TcpAck));                                           // 1
    add(tcpFrame(1, 41000, 2, 8800, c + 1, s + 1, TcpAck));                                                // 2
    add(tcpFrame(1, 41000, 2, 8800, c + 1, s + 1, TcpPsh | TcpAck, c1));                                   // 3
    add(tcpFrame(2, 8800, 1, 41000, s + 1, cAfter, TcpPsh | TcpAck, s1));                                  // 4
    add(tcpFrame(2, 8800, 1, 41000, sLost, cAfter, TcpPsh | TcpAck, lost),
        QStringLiteral("Lost on the lab network (loss 2.0 %)"));                                            // 5
    add(tcpFrame(2, 8800, 1, 41000, sAfter, cAfter, TcpPsh | TcpAck, s3));                                 // 6
    add(tcpFrame(2, 8800, 1, 41000, sAfter + std::uint32_t(s3.size()), cAfter, TcpPsh | TcpAck, s4));     // 7
    add(tcpFrame(2, 8800, 1, 41000, sLost, cAfter, TcpPsh | TcpAck, lost));                                // 8
    add(tcpFrame(1, 41000, 2, 8800, cAfter, sAfter + std::uint32_t(s3.size() + s4.size()), TcpAck, c2));  // 9
    // Another connection on the side: not part of the lanes.
    all.push_back(packet(t, udpFrame(3, 5353, 2, 8801, "a")));                                              // 10
    session.appendPackets(all, LinkType::Ethernet);

    // Every packet: the usual ladder, no lanes.
    QCOMPARE(ladder.arrowCount(), 11);
    QVERIFY(!ladder.showsStreamLanes());
    ladder.setCurrentPacket(4);
    ladder.setOnlySelectedConversation(true);
    QCOMPARE(ladder.arrowCount(), 10);
    // Once the HTTP index has read the connection (the ladder polls it), the lanes show: 0, 1 and 3.
    QTRY_VERIFY_WITH_TIMEOUT(ladder.showsStreamLanes(), 5000);
    QCOMPARE(ladder.laneStreams(), std::vector<std::uint32_t>({0, 1, 3}));
    auto marks = [&](int arrow) {
        QStringList out;
        for (const LadderView::LaneMark &m : ladder.arrowLaneMarks(arrow))
            out << QStringLiteral("%1@%2").arg(m.frame).arg(m.stream);
        return out;
    };
    QCOMPARE(marks(3), QStringList({QStringLiteral("Magic@0"), QStringLiteral("SETTINGS@0"),
                                    QStringLiteral("HEADERS@1"), QStringLiteral("HEADERS@3")}));
    QCOMPARE(marks(4), QStringList({QStringLiteral("SETTINGS@0"), QStringLiteral("HEADERS@1"),
                                    QStringLiteral("HEADERS@3")}));
    QCOMPARE(marks(5), QStringList()); // lost: its frame starts in the retransmission
    QCOMPARE(marks(6), QStringList({QStringLiteral("DATA@3")}));
    QCOMPARE(marks(7), QStringList({QStringLiteral("DATA@1")}));
    QCOMPARE(marks(8), QStringList({QStringLiteral("DATA@1")}));
    QCOMPARE(marks(9), QStringList({QStringLiteral("WINDOW_UPDATE@0")}));
    // Both streams' segments behind the lost one wait for the retransmission; nothing else does.
    for (int a = 0; a < ladder.arrowCount(); ++a)
        QVERIFY2(ladder.arrowWaitsBehindGap(a) == (a == 6 || a == 7), qPrintable(QString::number(a)));

    // Live: a third request joins the shown connection; its stream gets a lane once the index has read it,
    // and nothing waits any more (the retransmission filled the gap).
    const std::string request3 = "\x82\x86\x84\xbe";
    const std::string c3 = h2Frame(1, 0x05, 5, request3);
    const std::string s5 = h2Frame(1, 0x04, 5, "\x88") + h2Frame(0, 0x01, 5, "five");
    const std::uint32_t cNext = cAfter + std::uint32_t(c2.size());
    const std::uint32_t sNext = sAfter + std::uint32_t(s3.size() + s4.size());
    std::vector<CapturedPacket> more;
    more.push_back(packet(t + 10'000'000, tcpFrame(1, 41000, 2, 8800, cNext, sNext, TcpPsh | TcpAck, c3)));
    more.push_back(packet(t + 20'000'000, tcpFrame(2, 8800, 1, 41000, sNext, cNext + std::uint32_t(c3.size()),
                                                   TcpPsh | TcpAck, s5)));
    session.appendPackets(more, LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 12);
    QTRY_COMPARE_WITH_TIMEOUT(ladder.laneStreams(), std::vector<std::uint32_t>({0, 1, 3, 5}), 5000);
    QCOMPARE(marks(10), QStringList({QStringLiteral("HEADERS@5")}));
    QCOMPARE(marks(11), QStringList({QStringLiteral("HEADERS@5"), QStringLiteral("DATA@5")}));
    QVERIFY(!ladder.arrowWaitsBehindGap(10) && !ladder.arrowWaitsBehindGap(11));
    QVERIFY(ladder.arrowWaitsBehindGap(6) && ladder.arrowWaitsBehindGap(7));

    // Selection stays linked: a click on a lane row selects its packet, and back.
    QSignalSpy clicked(&ladder, &LadderView::packetClicked);
    const QRect row = ladder.arrowRowRect(6);
    QVERIFY(!row.isEmpty());
    QTest::mouseClick(ladder.viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 6);
    ladder.setCurrentPacket(9);
    QCOMPARE(ladder.currentPacket(), 9);
    QVERIFY(ladder.showsStreamLanes());
    // The datagram's conversation is not HTTP/2: back to the two columns.
    ladder.setCurrentPacket(10);
    QVERIFY(!ladder.showsStreamLanes());
    QCOMPARE(ladder.arrowCount(), 1);
    ladder.setCurrentPacket(12); // the third request: its connection's lanes again, rebuilt from the start
    QVERIFY(ladder.showsStreamLanes());
    QCOMPARE(ladder.laneStreams(), std::vector<std::uint32_t>({0, 1, 3, 5}));
    QVERIFY(ladder.arrowWaitsBehindGap(6) && !ladder.arrowWaitsBehindGap(8));
    ladder.setOnlySelectedConversation(false);
    QVERIFY(!ladder.showsStreamLanes());
}

void tst_Views::theHexViewMapsClicksToBytes()
{
    HexView hex;
    hex.resize(700, 300);
    hex.show();
    QVERIFY(QTest::qWaitForWindowExposed(&hex));
    QByteArray bytes(70, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i);
    hex.setBytes(bytes);
    QSignalSpy clicked(&hex, &HexView::byteClicked);
    for (int i : {0, 7, 8, 15, 16, 34, 69}) {
        QCOMPARE(hex.byteAt(hex.hexRect(i).center()), i);
        QTest::mouseClick(hex.viewport(), Qt::LeftButton, {}, hex.hexRect(i).center());
        QCOMPARE(clicked.last().at(0).toInt(), i);
    }
    // Past the last byte on the last line: nothing.
    QCOMPARE(hex.byteAt(hex.hexRect(69).center() + QPoint(hex.hexRect(69).width() * 3, 0)), -1);
}

void tst_Views::theHexViewClampsTheHighlight()
{
    HexView hex;
    hex.setBytes(QByteArray(20, 'x'));
    hex.setHighlight(14, 20);
    QCOMPARE(hex.highlightOffset(), 14);
    QCOMPARE(hex.highlightLength(), 6);
    hex.setHighlight(-5, 3);
    QCOMPARE(hex.highlightOffset(), 0);
    QCOMPARE(hex.highlightLength(), 3);
    hex.setBytes(QByteArray(4, 'y'));
    QCOMPARE(hex.highlightLength(), 0); // a new packet clears the highlight
}

void tst_Views::theTimelineReplotsOnlyWhenDirtyAndVisible()
{
    CaptureSession session;
    TimelinePlot plot(&session);
    plot.resize(600, 250);
    // One packet per millisecond for 2 s: 1000 packets/s.
    std::vector<CapturedPacket> batch;
    for (int i = 0; i < 2000; ++i)
        batch.push_back(packet(kT0 + std::int64_t(i) * 1'000'000, udpFrame(1, 4000, 2, 8801, "x")));
    session.appendPackets(batch, LinkType::Ethernet);

    plot.refresh();
    QCOMPARE(plot.replotCount(), 0); // hidden: no work
    QCOMPARE(plot.packetsCounted(), 0u);

    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refresh();
    const int replots = plot.replotCount();
    QVERIFY(replots >= 1);
    QCOMPARE(plot.packetsCounted(), 2000u);
    // Bins widened to keep the plot small, and the rate is right in every full bin.
    const std::vector<double> rates = plot.packetsPerSecond();
    QVERIFY(rates.size() <= 160);
    QVERIFY(rates.size() >= 2);
    for (std::size_t i = 0; i + 1 < rates.size(); ++i)
        QVERIFY2(std::abs(rates[i] - 1000.0) < 1e-6, qPrintable(QString::number(rates[i])));

    plot.refresh();
    QCOMPARE(plot.replotCount(), replots); // nothing new: no replot
    std::vector<CapturedPacket> more{packet(kT0 + 2'500'000'000, udpFrame(1, 4000, 2, 8801, "y"))};
    session.appendPackets(more, LinkType::Ethernet);
    plot.refresh();
    QCOMPARE(plot.replotCount(), replots + 1);
    QCOMPARE(plot.packetsCounted(), 2001u);
}

QTEST_MAIN(tst_Views)
#include "tst_views.moc"
