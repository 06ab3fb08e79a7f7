// SPDX-License-Identifier: GPL-3.0-or-later
// The details tree: every layer and field of a packet, with byte ranges for the hex view.

#include "detailsmodel.h"
#include "framebuilder.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace wirelab;
using namespace wirelab::testing;

class tst_DetailsModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void theSynShowsEveryLayer();
    void fieldsCarryWiresharkNamesAndByteRanges_data();
    void fieldsCarryWiresharkNamesAndByteRanges();
    void aClickedByteSelectsTheDeepestField_data();
    void aClickedByteSelectsTheDeepestField();
    void sequenceNumbersAreRelative();
    void aTruncatedPacketShowsAMalformedFieldInRed();
    void noPacketMeansAnEmptyTree();

private:
    std::unique_ptr<CaptureSession> m_session;
};

static constexpr std::int64_t kT0 = 1'700'000'000'000'000'000;

void tst_DetailsModel::init()
{
    m_session = std::make_unique<CaptureSession>();
    m_session->appendPackets(handshakeAndData(kT0), LinkType::Ethernet);
}

void tst_DetailsModel::theSynShowsEveryLayer()
{
    DetailsModel model(m_session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setPacket(0);
    QCOMPARE(reset.count(), 1);
    QVERIFY2(model.rowCount() >= 4, qPrintable(QString::number(model.rowCount())));
    QStringList layers;
    for (int i = 0; i < model.rowCount(); ++i)
        layers << model.index(i, 0).data().toString();
    const QString all = layers.join(QLatin1String(" | "));
    QVERIFY2(all.contains(QLatin1String("Ethernet")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Internet Protocol Version 4")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Transmission Control Protocol")), qPrintable(all));
    // The TCP layer has children (ports, flags, options...).
    const QModelIndex tcp = model.indexForAbbrev("tcp");
    QVERIFY(tcp.isValid());
    QVERIFY(model.rowCount(tcp) > 5);
    QVERIFY(model.indexForAbbrev("tcp.options.mss_val").isValid());
    QVERIFY(model.indexForAbbrev("tcp.flags.syn").isValid());
}

void tst_DetailsModel::fieldsCarryWiresharkNamesAndByteRanges_data()
{
    QTest::addColumn<QByteArray>("abbrev");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("value");
    QTest::newRow("the Ethernet type") << QByteArray("eth.type") << 12 << 2 << QString();
    QTest::newRow("the IPv4 source") << QByteArray("ip.src") << 26 << 4 << QStringLiteral("127.0.0.1");
    QTest::newRow("the IPv4 destination") << QByteArray("ip.dst") << 30 << 4 << QStringLiteral("127.0.0.2");
    QTest::newRow("the TCP source port") << QByteArray("tcp.srcport") << 34 << 2 << QStringLiteral("41000");
    QTest::newRow("the TCP destination port")
        << QByteArray("tcp.dstport") << 36 << 2 << QStringLiteral("8800");
    QTest::newRow("the MSS option value")
        << QByteArray("tcp.options.mss_val") << 56 << 2 << QStringLiteral("65495");
}

void tst_DetailsModel::fieldsCarryWiresharkNamesAndByteRanges()
{
    QFETCH(QByteArray, abbrev);
    QFETCH(int, offset);
    QFETCH(int, length);
    QFETCH(QString, value);
    DetailsModel model(m_session.get());
    model.setPacket(0);
    const QModelIndex field = model.indexForAbbrev(abbrev);
    QVERIFY2(field.isValid(), abbrev.constData());
    QCOMPARE(field.data(DetailsModel::OffsetRole).toInt(), offset);
    QCOMPARE(field.data(DetailsModel::LengthRole).toInt(), length);
    if (!value.isEmpty())
        QCOMPARE(field.data(DetailsModel::ValueRole).toString(), value);
    // The second column and the tooltip carry the field name, as a Wireshark display filter uses it.
    QCOMPARE(field.siblingAtColumn(DetailsModel::NameColumn).data().toString(), QString::fromLatin1(abbrev));
    QVERIFY(field.data(Qt::ToolTipRole).toString().contains(QString::fromLatin1(abbrev)));
    QVERIFY(!field.data().toString().isEmpty());
}

void tst_DetailsModel::aClickedByteSelectsTheDeepestField_data()
{
    QTest::addColumn<int>("byte");
    QTest::addColumn<QByteArray>("abbrev");
    QTest::newRow("byte 13 is in the Ethernet type") << 13 << QByteArray("eth.type");
    QTest::newRow("byte 27 is in the IPv4 source") << 27 << QByteArray("ip.src");
    QTest::newRow("byte 35 is in the TCP source port") << 35 << QByteArray("tcp.srcport");
    QTest::newRow("byte 37 is in the TCP destination port") << 37 << QByteArray("tcp.dstport");
}

void tst_DetailsModel::aClickedByteSelectsTheDeepestField()
{
    QFETCH(int, byte);
    QFETCH(QByteArray, abbrev);
    DetailsModel model(m_session.get());
    model.setPacket(0);
    const QModelIndex field = model.indexForByte(byte);
    QVERIFY(field.isValid());
    QCOMPARE(field.data(DetailsModel::AbbrevRole).toByteArray(), abbrev);
    QVERIFY(!model.indexForByte(100000).isValid());
}

void tst_DetailsModel::sequenceNumbersAreRelative()
{
    DetailsModel model(m_session.get());
    model.setPacket(3); // "ABC" from the client, absolute seq 1001
    const QModelIndex seq = model.indexForAbbrev("tcp.seq");
    QVERIFY(seq.isValid());
    QCOMPARE(seq.data(DetailsModel::ValueRole).toString(), QStringLiteral("1"));
    QCOMPARE(seq.data(DetailsModel::LengthRole).toInt(), 4);
}

void tst_DetailsModel::aTruncatedPacketShowsAMalformedFieldInRed()
{
    std::vector<std::uint8_t> bytes = tcpFrame(1, 41000, 2, 8800, 1, 0, TcpSyn);
    bytes.resize(44); // IPv4 promises a TCP header of 40 bytes; only 10 arrive
    std::vector<CapturedPacket> batch{packet(kT0 + 50'000'000, bytes)};
    m_session->appendPackets(batch, LinkType::Ethernet);

    DetailsModel model(m_session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPacket(int(m_session->store().size()) - 1);
    QModelIndex malformed;
    std::function<void(const QModelIndex &)> search = [&](const QModelIndex &parent) {
        for (int r = 0; r < model.rowCount(parent) && !malformed.isValid(); ++r) {
            const QModelIndex i = model.index(r, 0, parent);
            if (i.data(DetailsModel::MalformedRole).toBool())
                malformed = i;
            else
                search(i);
        }
    };
    search({});
    QVERIFY2(malformed.isValid(), "no field is marked malformed");
    QCOMPARE(malformed.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc0, 0x00, 0x00));
}

void tst_DetailsModel::noPacketMeansAnEmptyTree()
{
    DetailsModel model(m_session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPacket(0);
    QVERIFY(model.rowCount() > 0);
    model.setPacket(-1);
    QCOMPARE(model.rowCount(), 0);
    model.setPacket(2);
    QVERIFY(model.rowCount() > 0);
    m_session->reset();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.packet(), -1);
}

QTEST_GUILESS_MAIN(tst_DetailsModel)
#include "tst_detailsmodel.moc"
