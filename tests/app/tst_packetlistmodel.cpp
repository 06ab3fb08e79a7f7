// SPDX-License-Identifier: GPL-3.0-or-later
// The packet list model: one insert per batch, lazily built column text, Wireshark-style colouring.

#include "framebuilder.h"
#include "httpflows.h"
#include "packetlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wirelab;
using namespace wirelab::testing;

class tst_PacketListModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void insertsEachBatchOnce();
    void columnsShowWhatTsharkShows_data();
    void columnsShowWhatTsharkShows();
    void rowsAreColouredLikeWireshark();
    void httpFramesSayHttpLikeWireshark();
    void clearingTheSessionEmptiesTheList();
    void aHundredThousandPacketsInFiftyBatches();
};

static constexpr std::int64_t kT0 = 1'700'000'000'000'000'000;

void tst_PacketListModel::insertsEachBatchOnce()
{
    CaptureSession session;
    PacketListModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    const std::vector<CapturedPacket> all = handshakeAndData(kT0);
    session.appendPackets(std::span(all).subspan(0, 3), LinkType::Ethernet);
    session.appendPackets(std::span(all).subspan(3, 1), LinkType::Ethernet);
    session.appendPackets(std::span(all).subspan(4, 4), LinkType::Ethernet);

    QCOMPARE(inserted.count(), 3);
    const std::pair<int, int> expected[] = {{0, 2}, {3, 3}, {4, 7}};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(inserted[i][1].toInt(), expected[i].first);
        QCOMPARE(inserted[i][2].toInt(), expected[i].second);
    }
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.columnCount(), int(PacketListModel::ColumnCount));
}

void tst_PacketListModel::columnsShowWhatTsharkShows_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("contains");

    QTest::newRow("the first packet is number 1") << 0 << int(PacketListModel::NumberColumn) << "1" << false;
    QTest::newRow("time starts at zero") << 0 << int(PacketListModel::TimeColumn) << "0.000000" << false;
    QTest::newRow("time has six decimals") << 3 << int(PacketListModel::TimeColumn) << "0.003000" << false;
    QTest::newRow("source is the client address")
        << 0 << int(PacketListModel::SourceColumn) << "127.0.0.1" << false;
    QTest::newRow("destination is the server address")
        << 0 << int(PacketListModel::DestinationColumn) << "127.0.0.2" << false;
    QTest::newRow("the SYN-ACK comes from the server")
        << 1 << int(PacketListModel::SourceColumn) << "127.0.0.2" << false;
    QTest::newRow("protocol is TCP") << 0 << int(PacketListModel::ProtocolColumn) << "TCP" << false;
    QTest::newRow("a SYN frame is 74 bytes") << 0 << int(PacketListModel::LengthColumn) << "74" << false;
    QTest::newRow("3 bytes of data make 57") << 3 << int(PacketListModel::LengthColumn) << "57" << false;
    QTest::newRow("info names the SYN") << 0 << int(PacketListModel::InfoColumn) << "[SYN]" << true;
    QTest::newRow("info has the ports") << 0 << int(PacketListModel::InfoColumn) << "41000" << true;
    QTest::newRow("sequence numbers are relative")
        << 3 << int(PacketListModel::InfoColumn) << "Seq=1" << true;
    QTest::newRow("data length shows") << 3 << int(PacketListModel::InfoColumn) << "Len=3" << true;
    QTest::newRow("the SYN shows its MSS") << 0 << int(PacketListModel::InfoColumn) << "MSS=65495" << true;
}

void tst_PacketListModel::columnsShowWhatTsharkShows()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, expected);
    QFETCH(bool, contains);

    CaptureSession session;
    PacketListModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const std::vector<CapturedPacket> all = handshakeAndData(kT0);
    session.appendPackets(all, LinkType::Ethernet);

    const QString text = model.index(row, column).data().toString();
    if (contains)
        QVERIFY2(text.contains(expected),
                 qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(text, expected)));
    else
        QCOMPARE(text, expected);
    QCOMPARE(model.index(row, column).data(PacketListModel::PacketIndexRole).toInt(), row);
    QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
}

void tst_PacketListModel::rowsAreColouredLikeWireshark()
{
    CaptureSession session;
    PacketListModel model(&session);
    std::vector<CapturedPacket> all = handshakeAndData(kT0);
    all.push_back(packet(kT0 + 9'000'000, udpFrame(1, 5353, 2, 8801, "hello")));
    all.push_back(packet(kT0 + 10'000'000, tcpFrame(2, 8800, 1, 41000, 5002, 0, TcpRst)));
    session.appendPackets(all, LinkType::Ethernet);

    QCOMPARE(model.coloringRule(0), QStringLiteral("TCP SYN/FIN"));
    QCOMPARE(model.coloringRule(3), QStringLiteral("TCP"));
    QCOMPARE(model.coloringRule(5), QStringLiteral("TCP SYN/FIN"));
    QCOMPARE(model.coloringRule(8), QStringLiteral("UDP"));
    QCOMPARE(model.coloringRule(9), QStringLiteral("TCP RST"));
    QVERIFY(model.index(0, 0).data(Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(model.index(0, 0).data(Qt::BackgroundRole) != model.index(3, 0).data(Qt::BackgroundRole));
    QCOMPARE(model.index(8, PacketListModel::ProtocolColumn).data().toString(), QStringLiteral("UDP"));
}

void tst_PacketListModel::httpFramesSayHttpLikeWireshark()
{
    CaptureSession session;
    PacketListModel model(&session);
    QAbstractItemModelTester tester(&model);
    constexpr std::uint32_t c = 1000, s = 5000;
    const std::string request = "GET /about HTTP/1.1\r\nHost: lab.test\r\n\r\n";
    const std::string response = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nhi";
    std::vector<CapturedPacket> all;
    std::int64_t t = kT0;
    auto add = [&](std::vector<std::uint8_t> bytes) {
        all.push_back(packet(t, std::move(bytes)));
        t += 1'000'000;
    };
    add(tcpFrame(1, 41000, 2, 8800, c, 0, TcpSyn));
    add(tcpFrame(2, 8800, 1, 41000, s, c + 1, TcpSyn | TcpAck));
    add(tcpFrame(1, 41000, 2, 8800, c + 1, s + 1, TcpAck));
    add(tcpFrame(1, 41000, 2, 8800, c + 1, s + 1, TcpPsh | TcpAck, request));
    add(tcpFrame(2, 8800, 1, 41000, s + 1, c + 1 + std::uint32_t(request.size()), TcpPsh | TcpAck, response));
    add(tcpFrame(1, 41000, 2, 8800, c + 1 + std::uint32_t(request.size()), s + 1 + std::uint32_t(response.size()), TcpAck));
    session.appendPackets(all, LinkType::Ethernet);
    auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
    // Without an HTTP index: what the transport says.
    QCOMPARE(text(3, PacketListModel::ProtocolColumn), QStringLiteral("TCP"));
    QCOMPARE(model.coloringRule(3), QStringLiteral("TCP"));

    HttpFlowIndex http;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setHttpIndex(&http);
    QTRY_COMPARE(text(3, PacketListModel::ProtocolColumn), QStringLiteral("HTTP"));
    QVERIFY(!changed.isEmpty());
    // The Info is the HTTP analysis' tshark-like line for the frame that completes the message.
    QCOMPARE(text(3, PacketListModel::InfoColumn), http.packetInfo(3));
    QVERIFY2(text(3, PacketListModel::InfoColumn).startsWith(QStringLiteral("GET /about HTTP/1.1")),
             qPrintable(text(3, PacketListModel::InfoColumn)));
    QCOMPARE(text(4, PacketListModel::ProtocolColumn), QStringLiteral("HTTP"));
    QVERIFY2(text(4, PacketListModel::InfoColumn).startsWith(QStringLiteral("HTTP/1.1 200 OK")),
             qPrintable(text(4, PacketListModel::InfoColumn)));
    QCOMPARE(model.coloringRule(3), QStringLiteral("HTTP"));
    // Handshake and bare ACKs stay TCP.
    for (int row : {0, 1, 2, 5})
        QCOMPARE(text(row, PacketListModel::ProtocolColumn), QStringLiteral("TCP"));
    QCOMPARE(model.coloringRule(0), QStringLiteral("TCP SYN/FIN"));
    QCOMPARE(model.coloringRule(5), QStringLiteral("TCP"));
}

void tst_PacketListModel::clearingTheSessionEmptiesTheList()
{
    CaptureSession session;
    PacketListModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.appendPackets(handshakeAndData(kT0), LinkType::Ethernet);
    QCOMPARE(model.rowCount(), 8);
    const QString before = model.index(2, PacketListModel::InfoColumn).data().toString();

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    session.reset();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);

    // New packets after a reset must not show cached text of the old ones.
    std::vector<CapturedPacket> udp{packet(kT0, udpFrame(1, 5353, 2, 8801, "x"))};
    session.appendPackets(udp, LinkType::Ethernet);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, PacketListModel::ProtocolColumn).data().toString(), QStringLiteral("UDP"));
    QVERIFY(model.index(0, PacketListModel::InfoColumn).data().toString() != before);
}

void tst_PacketListModel::aHundredThousandPacketsInFiftyBatches()
{
    CaptureSession session;
    PacketListModel model(&session);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    constexpr int batches = 50, perBatch = 2000;
    std::int64_t t = kT0;
    for (int b = 0; b < batches; ++b) {
        std::vector<CapturedPacket> batch;
        batch.reserve(perBatch);
        for (int i = 0; i < perBatch; ++i, t += 1000)
            batch.push_back(packet(t, udpFrame(1, 40000, 2, 8801, "datagram")));
        session.appendPackets(batch, LinkType::Ethernet);
    }
    QCOMPARE(inserted.count(), batches);
    QCOMPARE(model.rowCount(), batches * perBatch);
    const QModelIndex last = model.index(model.rowCount() - 1, PacketListModel::NumberColumn);
    QCOMPARE(last.data().toString(), QString::number(batches * perBatch));
    QCOMPARE(model.index(model.rowCount() - 1, PacketListModel::TimeColumn).data().toString(),
             QStringLiteral("0.099999"));
}

QTEST_GUILESS_MAIN(tst_PacketListModel)
#include "tst_packetlistmodel.moc"
