// SPDX-License-Identifier: GPL-3.0-or-later
// The packet store keeps every byte it was given, hands out stable views, and stays small per packet.
#include "store/eventlog.h"
#include "store/packetstore.h"

#include <QTest>
#include <QThread>

#include <vector>

using namespace wirelab;

class TestPacketStore final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void packetsComeBackAsStored();
    void viewsStayValidWhileTheStoreGrows();
    void oversizedPacketsAreCutButKeepTheirWireLength();
    void linkTypeAndCommentsAreSparse();
    void overheadPerPacketIsSmallForAMillionPackets();
    void outOfRangeIndexGivesAnEmptyView();
    void eventLogIsOrderedAndThreadSafe();
    void eventLogWritesOneJsonObjectPerLine();
};

static std::vector<std::uint8_t> frame(std::size_t length, std::uint8_t seed)
{
    std::vector<std::uint8_t> bytes(length);
    for (std::size_t i = 0; i < length; ++i)
        bytes[i] = std::uint8_t(seed + i * 7);
    return bytes;
}

void TestPacketStore::packetsComeBackAsStored()
{
    PacketStore store;
    for (int i = 0; i < 100; ++i) {
        const auto bytes = frame(60 + i, std::uint8_t(i));
        QCOMPARE(store.append(1'000'000'000LL * i, bytes), std::uint32_t(i + 1));
    }
    QCOMPARE(store.size(), std::size_t(100));
    for (int i = 0; i < 100; ++i) {
        const PacketView v = store.at(i);
        const auto expected = frame(60 + i, std::uint8_t(i));
        QCOMPARE(v.number, std::uint32_t(i + 1));
        QCOMPARE(v.timeNs, 1'000'000'000LL * i);
        QCOMPARE(v.originalLength, std::uint32_t(expected.size()));
        QCOMPARE(v.linkType, LinkType::Ethernet);
        QVERIFY2(std::equal(v.bytes.begin(), v.bytes.end(), expected.begin(), expected.end()),
                 qPrintable(QStringLiteral("packet %1 bytes differ").arg(i + 1)));
    }
    QCOMPARE(store.payloadBytes(), std::size_t(100 * 60 + 99 * 100 / 2));
}

void TestPacketStore::viewsStayValidWhileTheStoreGrows()
{
    PacketStore store;
    const auto first = frame(1500, 1);
    store.append(0, first);
    const PacketView early = store.at(0);
    // Several arena chunks and index chunks later, the first view still points at the same bytes.
    for (int i = 0; i < 50'000; ++i)
        store.append(i, frame(100 + i % 1400, std::uint8_t(i)));
    QVERIFY(std::equal(early.bytes.begin(), early.bytes.end(), first.begin(), first.end()));
    QCOMPARE(store.at(0).bytes.data(), early.bytes.data());
    const PacketView last = store.at(store.size() - 1);
    const auto expected = frame(100 + 49'999 % 1400, std::uint8_t(49'999));
    QVERIFY(std::equal(last.bytes.begin(), last.bytes.end(), expected.begin(), expected.end()));
}

void TestPacketStore::oversizedPacketsAreCutButKeepTheirWireLength()
{
    PacketStore store;
    const auto big = frame(PacketStore::maxPacketBytes() + 10, 3);
    store.append(5, big);
    const PacketView v = store.at(0);
    QCOMPARE(v.bytes.size(), PacketStore::maxPacketBytes());
    QCOMPARE(v.originalLength, std::uint32_t(big.size()));
    // A snapped packet: fewer bytes than were on the wire.
    store.append(6, std::span(big).first(64), 1514, LinkType::Ethernet);
    QCOMPARE(store.at(1).bytes.size(), std::size_t(64));
    QCOMPARE(store.at(1).originalLength, 1514u);
}

void TestPacketStore::linkTypeAndCommentsAreSparse()
{
    PacketStore store(LinkType::Raw);
    const auto bytes = frame(40, 9);
    store.append(1, bytes);
    store.append(2, bytes, 40, LinkType::LinuxSll2);
    store.append(3, bytes);
    QCOMPARE(store.at(0).linkType, LinkType::Raw);
    QCOMPARE(store.at(1).linkType, LinkType::LinuxSll2);
    QCOMPARE(store.at(2).linkType, LinkType::Raw);
    store.setComment(1, QStringLiteral("the SYN the client's kernel retransmitted"));
    QCOMPARE(store.comment(1), QStringLiteral("the SYN the client's kernel retransmitted"));
    QVERIFY(store.comment(0).isEmpty());
    store.setComment(7, QStringLiteral("out of range is ignored"));
    QVERIFY(store.comment(7).isEmpty());
    store.clear();
    QVERIFY(store.isEmpty());
    QVERIFY(store.comment(1).isEmpty());
}

void TestPacketStore::overheadPerPacketIsSmallForAMillionPackets()
{
    // The budget: under 64 bytes beyond the raw bytes per packet, for a million packets of the
    // sizes a lab produces (ACKs to full segments).
    PacketStore store;
    const auto bytes = frame(1514, 0);
    constexpr std::size_t kPackets = 1'000'000;
    for (std::size_t i = 0; i < kPackets; ++i)
        store.append(std::int64_t(i) * 1000, std::span(bytes).first(54 + (i * 37) % 1460));
    const double perPacket = double(store.overheadBytes()) / double(store.size());
    qInfo("store overhead: %.2f bytes per packet over %zu packets", perPacket, store.size());
    QVERIFY2(perPacket < 64.0, qPrintable(QStringLiteral("%1 bytes of overhead per packet").arg(perPacket)));
    QVERIFY2(perPacket > 16.0, "the overhead must count the index (8+8+4 bytes per packet)");
}

void TestPacketStore::outOfRangeIndexGivesAnEmptyView()
{
    PacketStore store;
    QCOMPARE(store.at(0).number, 0u);
    QVERIFY(store.at(0).bytes.empty());
    store.append(1, frame(10, 1));
    QVERIFY(store.at(1).bytes.empty());
}

void TestPacketStore::eventLogIsOrderedAndThreadSafe()
{
    EventLog log;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back(QThread::create([&log, t] {
            for (int i = 0; i < 1000; ++i)
                log.append({i, QStringLiteral("host%1").arg(t), QStringLiteral("test.tick"), {}, {{"i", i}}});
        }));
        threads.back()->start();
    }
    for (auto &t : threads)
        QVERIFY(t->wait(10'000));
    QCOMPARE(log.size(), std::size_t(4000));
    QCOMPARE(log.since(3990).size(), std::size_t(10));
    QVERIFY(log.since(5000).empty());
}

void TestPacketStore::eventLogWritesOneJsonObjectPerLine()
{
    const QByteArray line = EventLog::toJsonLine(
        {1234, QStringLiteral("server"), QStringLiteral("tcp.recv"), QStringLiteral("read 3 bytes"),
         {{"bytes", 3}, {"payload", "ABC"}}});
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1);
    QVERIFY(line.contains("\"kind\":\"tcp.recv\""));
    QVERIFY(line.contains("\"t_ns\":\"1234\""));
    QVERIFY(line.contains("\"payload\":\"ABC\""));
}

QTEST_GUILESS_MAIN(TestPacketStore)
#include "tst_packetstore.moc"
