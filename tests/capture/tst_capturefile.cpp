// SPDX-License-Identifier: GPL-3.0-or-later
// Capture files: what Wirelab saves, Wireshark opens with every byte, timestamp and comment; what
// Wireshark (or anything else) saves, Wirelab opens, whatever the link type; and a damaged or wrong file
// gives one clear sentence that says where, keeps the packets before the damage, and never crashes.
#include "capture/capturefile.h"
#include "capture/capturereader.h"
#include "capturesession.h"
#include "store/packetstore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <pcap/pcap.h>
#include <sys/resource.h>

#include <cstring>
#include <vector>

using namespace wirelab;

namespace {

std::vector<std::uint8_t> frame(std::size_t length, std::uint8_t seed)
{
    std::vector<std::uint8_t> bytes(length);
    for (std::size_t i = 0; i < length; ++i)
        bytes[i] = std::uint8_t(seed * 31 + i * 7);
    return bytes;
}

void putU32(QByteArray &out, std::uint32_t v)
{
    out.append(reinterpret_cast<const char *>(&v), 4);
}
void putU16(QByteArray &out, std::uint16_t v)
{
    out.append(reinterpret_cast<const char *>(&v), 2);
}

// A classic pcap file header (host byte order, nanosecond magic) for linkType.
QByteArray pcapHeader(std::uint32_t linkType = 1)
{
    QByteArray out;
    putU32(out, 0xa1b23c4d);
    putU16(out, 2);
    putU16(out, 4);
    putU32(out, 0);
    putU32(out, 0);
    putU32(out, 262144);
    putU32(out, linkType);
    return out;
}

QByteArray pcapRecord(std::uint32_t seconds, std::uint32_t nanos, const std::vector<std::uint8_t> &bytes)
{
    QByteArray out;
    putU32(out, seconds);
    putU32(out, nanos);
    putU32(out, std::uint32_t(bytes.size()));
    putU32(out, std::uint32_t(bytes.size()));
    out.append(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
    return out;
}

// Two good 60-byte packets: the file is 24 + 2 * 76 = 176 bytes long.
QByteArray twoPacketPcap()
{
    return pcapHeader() + pcapRecord(1, 5, frame(60, 1)) + pcapRecord(2, 7, frame(60, 2));
}

// The offsets at which each block of a well-formed pcapng file starts.
std::vector<qsizetype> blockOffsets(const QByteArray &file)
{
    std::vector<qsizetype> offsets;
    qsizetype pos = 0;
    while (pos + 12 <= file.size()) {
        std::uint32_t length;
        std::memcpy(&length, file.constData() + pos + 4, 4);
        offsets.push_back(pos);
        if (length < 12)
            break;
        pos += length;
    }
    return offsets;
}

QByteArray threePacketPcapng(const QString &dir)
{
    PacketStore store;
    for (int i = 0; i < 3; ++i) {
        const auto bytes = frame(50 + i, std::uint8_t(i));
        store.append(1'700'000'000'000'000'000LL + i, bytes);
    }
    const QString path = dir + QStringLiteral("/three.pcapng");
    QString error;
    if (!writePcapng(path, store, &error))
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

long maxRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

class TestCaptureFile final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void savedPcapngReadsBackByteForByte();
    void savedPcapngIsWellFormedBlockByBlock();
    void decryptionSecretsBlockCarriesTheKeyLog();
    void secretsBlocksAreReadBack();
    void wiresharkSeesOurCommentsAndNanosecondTimes();
    void wiresharkOpensAFileWithTwoLinkTypes();
    void everyLinkTypeLoads_data();
    void everyLinkTypeLoads();
    void badFilesGiveAClearSentence_data();
    void badFilesGiveAClearSentence();
    void aHugeRecordLengthAllocatesNothingBig();
    void aFailedSaveLeavesNothingBehind();
    void byteSwappedPcapIsRead();
    void timesBeyondTheYear2262Saturate();

private:
    QTemporaryDir m_dir;
    QString m_tshark;
};

void TestCaptureFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
}

void TestCaptureFile::savedPcapngReadsBackByteForByte()
{
    PacketStore store(LinkType::Ethernet);
    // Lengths 0..67 cover every padding case; one packet was cut by a snaplen (original > captured).
    for (int i = 0; i < 68; ++i) {
        const auto bytes = frame(std::size_t(i), std::uint8_t(i));
        const std::int64_t t = 1'764'280'800'123'456'789LL + std::int64_t(i) * 1'000'003;
        store.append(t, bytes, std::uint32_t(i == 40 ? 1514 : bytes.size()), LinkType::Ethernet);
    }
    store.setComment(3, QStringLiteral("SYN: the client opens"));
    store.setComment(7, QStringLiteral("ünïcødé → ok"));

    const QString path = m_dir.filePath(QStringLiteral("roundtrip.pcapng"));
    QString error;
    QVERIFY2(writePcapng(path, store, &error), qPrintable(error));

    PacketStore back;
    const CaptureFileInfo info = readCaptureFile(path, back);
    QVERIFY2(info.opened, qPrintable(info.error));
    QVERIFY2(info.error.isEmpty(), qPrintable(info.error));
    QCOMPARE(info.format, QStringLiteral("pcapng"));
    QCOMPARE(info.linkType, LinkType::Ethernet);
    QCOMPARE(back.defaultLinkType(), LinkType::Ethernet);
    QCOMPARE(info.packetsRead, 68u);
    QCOMPARE(back.size(), store.size());
    QCOMPARE(info.firstTimeNs, store.at(0).timeNs);
    QCOMPARE(info.lastTimeNs, store.at(67).timeNs);
    for (std::size_t i = 0; i < store.size(); ++i) {
        const PacketView a = store.at(i), b = back.at(i);
        QCOMPARE(b.timeNs, a.timeNs);
        QCOMPARE(b.originalLength, a.originalLength);
        QCOMPARE(b.bytes.size(), a.bytes.size());
        QVERIFY2(std::equal(a.bytes.begin(), a.bytes.end(), b.bytes.begin()),
                 qPrintable(QStringLiteral("packet %1 differs").arg(i + 1)));
    }
    QCOMPARE(back.at(40).originalLength, 1514u);

    CaptureFileReader reader;
    QVERIFY(reader.open(path));
    QCOMPARE(reader.timeDigits(), 9);
}

void TestCaptureFile::savedPcapngIsWellFormedBlockByBlock()
{
    PacketStore store(LinkType::Raw);
    store.append(5, frame(5, 1));
    store.append(6, frame(8, 2));
    store.setComment(0, QStringLiteral("abc")); // 3 bytes: padded to 4
    const QString path = m_dir.filePath(QStringLiteral("layout.pcapng"));
    QString error;
    QVERIFY2(writePcapng(path, store, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();

    std::vector<std::uint32_t> types;
    qsizetype pos = 0;
    while (pos < data.size()) {
        QVERIFY2(pos + 12 <= data.size(), "a block is cut short");
        std::uint32_t type, length, trailer;
        std::memcpy(&type, data.constData() + pos, 4);
        std::memcpy(&length, data.constData() + pos + 4, 4);
        QVERIFY2(length % 4 == 0, qPrintable(QStringLiteral("block at %1 is not 32-bit aligned").arg(pos)));
        QVERIFY(pos + length <= std::uint32_t(data.size()));
        std::memcpy(&trailer, data.constData() + pos + length - 4, 4);
        QCOMPARE(trailer, length);
        types.push_back(type);
        pos += length;
    }
    QCOMPARE(types, (std::vector<std::uint32_t>{0x0A0D0D0A, 1, 6, 6}));
    QVERIFY(data.contains("Wirelab " WIRELAB_TEST_VERSION));
    // IDB: link type 101 (raw IP), snaplen 262144, option 9 (if_tsresol) length 1 value 9.
    const qsizetype idb = blockOffsets(data).at(1);
    std::uint16_t link;
    std::uint32_t snaplen;
    std::memcpy(&link, data.constData() + idb + 8, 2);
    std::memcpy(&snaplen, data.constData() + idb + 12, 4);
    QCOMPARE(link, std::uint16_t(101));
    QCOMPARE(snaplen, 262144u);
    QCOMPARE(data.mid(idb + 16, 5), QByteArray("\x09\x00\x01\x00\x09", 5));
}

// The TLS key log goes into a Decryption Secrets Block (type 0x0A, secrets type "TLSK", length, text padded
// to 32 bits) between the interface block and the first packet; readers that skip unknown blocks (libpcap)
// still read every packet, and tshark lists the block's secrets.
void TestCaptureFile::decryptionSecretsBlockCarriesTheKeyLog()
{
    PacketStore store(LinkType::Raw);
    store.append(5, frame(5, 1));
    store.append(6, frame(8, 2));
    const QByteArray keyLog = "CLIENT_RANDOM " + QByteArray(64, 'a') + ' ' + QByteArray(96, 'b'); // 175 bytes
    const QString path = m_dir.filePath(QStringLiteral("dsb.pcapng"));
    QString error;
    QVERIFY2(writePcapng(path, store, &error, keyLog), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    const std::vector<qsizetype> offsets = blockOffsets(data);
    QCOMPARE(offsets.size(), std::size_t(5));
    std::uint32_t type, length, secretsType, secretsLength, trailer;
    const qsizetype dsb = offsets.at(2);
    std::memcpy(&type, data.constData() + dsb, 4);
    std::memcpy(&length, data.constData() + dsb + 4, 4);
    std::memcpy(&secretsType, data.constData() + dsb + 8, 4);
    std::memcpy(&secretsLength, data.constData() + dsb + 12, 4);
    std::memcpy(&trailer, data.constData() + dsb + length - 4, 4);
    QCOMPARE(type, 0x0000000Au);
    QCOMPARE(secretsType, 0x544c534bu);
    QCOMPARE(secretsLength, std::uint32_t(keyLog.size()));
    QCOMPARE(length, std::uint32_t(8 + 8 + 176 + 4)); // type and length, secrets type and length, 175 bytes padded to 176, trailer
    QCOMPARE(trailer, length);
    QCOMPARE(data.mid(dsb + 16, keyLog.size()), keyLog);
    QCOMPARE(data.at(dsb + 16 + keyLog.size()), '\0');

    PacketStore back;
    const CaptureFileInfo info = readCaptureFile(path, back);
    QVERIFY2(info.error.isEmpty(), qPrintable(info.error));
    QCOMPARE(back.size(), std::size_t(2));

    // Without secrets the file has no such block.
    QVERIFY2(writePcapng(path, store, &error), qPrintable(error));
    QFile plain(path);
    QVERIFY(plain.open(QIODevice::ReadOnly));
    QCOMPARE(blockOffsets(plain.readAll()).size(), std::size_t(4));

    // The key-log export is the text itself.
    const QString keyPath = m_dir.filePath(QStringLiteral("keys.log"));
    QVERIFY2(writeTlsKeyLog(keyPath, keyLog, &error), qPrintable(error));
    QFile keys(keyPath);
    QVERIFY(keys.open(QIODevice::ReadOnly));
    QCOMPARE(keys.readAll(), keyLog);
}

// libpcap skips Decryption Secrets Blocks, so readPcapngTlsKeyLog() walks the blocks itself: our own
// block, one editcap --inject-secrets wrote (Wireshark's placement), a damaged length (the offset in one
// sentence, nothing invented), a file that is not pcapng; and a session opening the file gets the secrets as
// the same "tls.keylog" events the lab's endpoints write.
void TestCaptureFile::secretsBlocksAreReadBack()
{
    PacketStore store(LinkType::Raw);
    store.append(5, frame(5, 1));
    store.append(6, frame(8, 2));
    const QByteArray keyLog = "CLIENT_RANDOM " + QByteArray(64, 'a') + ' ' + QByteArray(96, 'b') + "\n"
                              + "CLIENT_RANDOM " + QByteArray(64, 'c') + ' ' + QByteArray(96, 'd') + "\n";
    const QString path = m_dir.filePath(QStringLiteral("secrets.pcapng"));
    QString error;
    QVERIFY2(writePcapng(path, store, &error, keyLog), qPrintable(error));
    int blocks = -1;
    QString problem;
    QCOMPARE(readPcapngTlsKeyLog(path, &blocks, &problem), keyLog);
    QCOMPARE(blocks, 1);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    CaptureSession session;
    const CaptureFileInfo info = session.openFile(path);
    QVERIFY2(info.error.isEmpty(), qPrintable(info.error));
    int lines = 0;
    for (const LabEvent &event : session.events().all()) {
        QCOMPARE(event.kind, QStringLiteral("tls.keylog"));
        QVERIFY(keyLog.contains(event.data.value(QStringLiteral("line")).toString().toLatin1() + '\n'));
        ++lines;
    }
    QCOMPARE(lines, 2);

    // A secrets block whose length runs past the end of the file: nothing read, the offset said.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray data = file.readAll();
    file.close();
    const qsizetype dsb = blockOffsets(data).at(2);
    const std::uint32_t huge = 0x7ffffff0u;
    std::memcpy(data.data() + dsb + 4, &huge, 4);
    const QString damaged = m_dir.filePath(QStringLiteral("secrets-damaged.pcapng"));
    QFile out(damaged);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(data);
    out.close();
    QVERIFY(readPcapngTlsKeyLog(damaged, &blocks, &problem).isEmpty());
    QCOMPARE(blocks, 0);
    QVERIFY2(problem.contains(QStringLiteral("byte %1").arg(dsb)), qPrintable(problem));

    // Not pcapng at all: no secrets and no complaint (a pcap file has no such blocks).
    const QString text = m_dir.filePath(QStringLiteral("not-a-capture.txt"));
    QFile plainText(text);
    QVERIFY(plainText.open(QIODevice::WriteOnly));
    plainText.write("GIF89a and then some bytes that are not a capture");
    plainText.close();
    QVERIFY(readPcapngTlsKeyLog(text, &blocks, &problem).isEmpty());
    QVERIFY(problem.isEmpty());

    // Wireshark's own tools put the block where they like: editcap --inject-secrets.
    const QString editcap = QStandardPaths::findExecutable(QStringLiteral("editcap"));
    if (editcap.isEmpty())
        QSKIP("editcap is not installed (it comes with tshark, which scripts/install-deps.sh installs)");
    const QString bare = m_dir.filePath(QStringLiteral("bare.pcapng"));
    QVERIFY2(writePcapng(bare, store, &error), qPrintable(error));
    const QString keys = m_dir.filePath(QStringLiteral("inject.keys"));
    QVERIFY2(writeTlsKeyLog(keys, keyLog, &error), qPrintable(error));
    const QString injected = m_dir.filePath(QStringLiteral("injected.pcapng"));
    QProcess process;
    process.start(editcap, {QStringLiteral("--inject-secrets"), QStringLiteral("tls,%1").arg(keys), bare, injected});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QCOMPARE(readPcapngTlsKeyLog(injected, &blocks, &problem), keyLog);
    QCOMPARE(blocks, 1);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCaptureFile::wiresharkSeesOurCommentsAndNanosecondTimes()
{
    if (m_tshark.isEmpty())
        QSKIP("tshark is not installed (scripts/install-deps.sh installs it)");
    PacketStore store;
    for (int i = 0; i < 4; ++i)
        store.append(1'764'280'800'000'000'001LL + i * 10, frame(60, std::uint8_t(i)));
    store.setComment(1, QStringLiteral("the SYN-ACK"));
    store.setComment(3, QStringLiteral("FIN, größer"));
    const QString path = m_dir.filePath(QStringLiteral("comments.pcapng"));
    QString error;
    QVERIFY2(writePcapng(path, store, &error), qPrintable(error));

    QProcess tshark;
    tshark.start(m_tshark, {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                            QStringLiteral("-e"), QStringLiteral("frame.comment"), QStringLiteral("-e"),
                            QStringLiteral("frame.time_epoch")});
    QVERIFY(tshark.waitForFinished(60000));
    QCOMPARE(tshark.exitCode(), 0);
    const QStringList lines =
        QString::fromUtf8(tshark.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("\t1764280800.000000001"));
    QCOMPARE(lines.at(1), QStringLiteral("the SYN-ACK\t1764280800.000000011"));
    QCOMPARE(lines.at(2), QStringLiteral("\t1764280800.000000021"));
    QCOMPARE(lines.at(3), QStringLiteral("FIN, größer\t1764280800.000000031"));
}

void TestCaptureFile::wiresharkOpensAFileWithTwoLinkTypes()
{
    if (m_tshark.isEmpty())
        QSKIP("tshark is not installed (scripts/install-deps.sh installs it)");
    PacketStore store(LinkType::Ethernet);
    store.append(1, frame(60, 1), 60, LinkType::Ethernet);
    store.append(2, frame(40, 2), 40, LinkType::Raw);
    store.append(3, frame(60, 3), 60, LinkType::Ethernet);
    const QString path = m_dir.filePath(QStringLiteral("twolinks.pcapng"));
    QString error;
    QVERIFY2(writePcapng(path, store, &error), qPrintable(error));
    QProcess tshark;
    tshark.start(m_tshark, {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                            QStringLiteral("-e"), QStringLiteral("frame.interface_id"), QStringLiteral("-e"),
                            QStringLiteral("frame.len")});
    QVERIFY(tshark.waitForFinished(60000));
    QCOMPARE(tshark.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(tshark.readAllStandardOutput()), QStringLiteral("0\t60\n1\t40\n0\t60\n"));

    // libpcap 1.10 reads one link type per file: the second interface is written just before its first
    // packet, so the packets before it still open, with a sentence that says why the rest did not.
    PacketStore back;
    const CaptureFileInfo info = readCaptureFile(path, back);
    QVERIFY(info.opened);
    QCOMPARE(back.size(), std::size_t(1));
    QVERIFY2(info.error.contains(QStringLiteral("adds an interface of another link type")),
             qPrintable(info.error));
    QVERIFY2(info.error.contains(QStringLiteral("Wireshark opens the whole file")), qPrintable(info.error));
}

void TestCaptureFile::everyLinkTypeLoads_data()
{
    QTest::addColumn<int>("dlt");      // what libpcap's writer is given
    QTest::addColumn<int>("linkType"); // what the file must come back as
    QTest::addColumn<QString>("name");
    QTest::newRow("Ethernet") << DLT_EN10MB << 1 << "Ethernet";
    QTest::newRow("BSD loopback") << DLT_NULL << 0 << "BSD loopback";
    QTest::newRow("raw IP (TUN devices)") << DLT_RAW << 101 << "Raw IP";
    QTest::newRow("OpenBSD loopback") << DLT_LOOP << 108 << "OpenBSD loopback";
    QTest::newRow("Linux cooked v1") << DLT_LINUX_SLL << 113 << "Linux cooked v1";
    QTest::newRow("Linux cooked v2") << DLT_LINUX_SLL2 << 276 << "Linux cooked v2";
    QTest::newRow("raw IPv4") << DLT_IPV4 << 228 << "Raw IPv4";
    QTest::newRow("raw IPv6") << DLT_IPV6 << 229 << "Raw IPv6";
    QTest::newRow("a link type Wirelab does not know (USER0)") << DLT_USER0 << 147 << "unknown (147)";
}

void TestCaptureFile::everyLinkTypeLoads()
{
    QFETCH(int, dlt);
    QFETCH(int, linkType);
    QFETCH(QString, name);

    // Written by libpcap itself, as tcpdump and dumpcap write pcap.
    const QString pcapPath = m_dir.filePath(QStringLiteral("link%1.pcap").arg(dlt));
    {
        pcap_t *dead = pcap_open_dead_with_tstamp_precision(dlt, 262144, PCAP_TSTAMP_PRECISION_NANO);
        QVERIFY(dead);
        pcap_dumper_t *dumper = pcap_dump_open(dead, QFile::encodeName(pcapPath).constData());
        QVERIFY2(dumper, pcap_geterr(dead));
        for (int i = 0; i < 3; ++i) {
            const auto bytes = frame(20 + std::size_t(i), std::uint8_t(i));
            pcap_pkthdr header{};
            header.ts.tv_sec = 1'764'280'800 + i;
            header.ts.tv_usec = 123'456'789; // nanoseconds in a nanosecond dump
            header.caplen = header.len = std::uint32_t(bytes.size());
            pcap_dump(reinterpret_cast<u_char *>(dumper), &header, bytes.data());
        }
        pcap_dump_close(dumper);
        pcap_close(dead);
    }
    PacketStore fromPcap;
    const CaptureFileInfo info = readCaptureFile(pcapPath, fromPcap);
    QVERIFY2(info.opened && info.error.isEmpty(), qPrintable(info.error));
    QCOMPARE(info.format, QStringLiteral("pcap"));
    QCOMPARE(int(info.linkType), linkType);
    QCOMPARE(QString::fromLatin1(linkTypeName(info.linkType)), name);
    QCOMPARE(fromPcap.size(), std::size_t(3));
    QCOMPARE(fromPcap.at(2).timeNs, 1'764'280'802'123'456'789LL);
    QCOMPARE(fromPcap.at(2).bytes.size(), std::size_t(22));
    QCOMPARE(int(fromPcap.at(0).linkType), linkType);

    // And through our pcapng writer and back.
    const QString ngPath = m_dir.filePath(QStringLiteral("link%1.pcapng").arg(dlt));
    QString error;
    QVERIFY2(writePcapng(ngPath, fromPcap, &error), qPrintable(error));
    PacketStore fromPcapng;
    const CaptureFileInfo ngInfo = readCaptureFile(ngPath, fromPcapng);
    QVERIFY2(ngInfo.opened && ngInfo.error.isEmpty(), qPrintable(ngInfo.error));
    QCOMPARE(int(ngInfo.linkType), linkType);
    QCOMPARE(fromPcapng.size(), std::size_t(3));
    QCOMPARE(fromPcapng.at(1).timeNs, fromPcap.at(1).timeNs);
}

void TestCaptureFile::badFilesGiveAClearSentence_data()
{
    QTest::addColumn<QByteArray>("contents"); // the file's bytes ("<dir>"/"<missing>" for those cases)
    QTest::addColumn<bool>("opened");
    QTest::addColumn<int>("packetsKept");
    QTest::addColumn<qint64>("offset");  // the byte the message must name, -1 for none
    QTest::addColumn<QString>("saying"); // a part of the sentence

    const QByteArray good = twoPacketPcap(); // 176 bytes
    QTest::newRow("an empty file") << QByteArray() << false << 0 << qint64(-1) << "is empty (0 bytes)";
    QTest::newRow("garbage") << QByteArray("hello, this is not a capture") << false << 0 << qint64(-1)
                             << "is not a pcap or pcapng capture file (it starts with 68 65 6C 6C)";
    QTest::newRow("a GIF, wrong magic") << QByteArray("GIF89a\x01\x00\x01\x00", 10) << false << 0
                                        << qint64(-1) << "(it starts with 47 49 46 38)";
    QTest::newRow("three bytes") << QByteArray("\xd4\xc3\xb2", 3) << false << 0 << qint64(-1)
                                 << "(it starts with D4 C3 B2)";
    QTest::newRow("a truncated file header")
        << pcapHeader().left(10) << false << 0 << qint64(0) << "damaged at byte 0, in its file header";
    QTest::newRow("a truncated record header")
        << good + QByteArray(5, '\x01') << true << 2 << qint64(176) << "after packet 2";
    QByteArray cutData = good + pcapRecord(3, 0, frame(100, 3));
    cutData.chop(50);
    QTest::newRow("truncated packet data") << cutData << true << 2 << qint64(176) << "after packet 2";
    QByteArray huge = pcapHeader() + pcapRecord(1, 0, frame(60, 1));
    putU32(huge, 2);
    putU32(huge, 0);
    putU32(huge, 0xFFFFFFF0);
    putU32(huge, 0xFFFFFFF0);
    huge.append(64, 'x');
    QTest::newRow("record length 0xFFFFFFF0") << huge << true << 1 << qint64(100) << "after packet 1";
    QTest::newRow("a damaged first record")
        << pcapHeader() + QByteArray(7, '\x02') << true << 0 << qint64(24) << "before the first packet";

    const QByteArray ng = threePacketPcapng(m_dir.path());
    const std::vector<qsizetype> blocks = blockOffsets(ng); // SHB, IDB, EPB, EPB, EPB
    if (blocks.size() == 5) {
        QByteArray badLength = ng;
        const std::uint32_t seven = 7;
        std::memcpy(badLength.data() + blocks[3] + 4, &seven, 4);
        QTest::newRow("pcapng with a bad block total length")
            << badLength << true << 1 << qint64(blocks[3]) << "after packet 1";
        QByteArray hugeBlock = ng;
        const std::uint32_t big = 0xFFFFFFF0;
        std::memcpy(hugeBlock.data() + blocks[4] + 4, &big, 4);
        QTest::newRow("pcapng with a 4 GB block")
            << hugeBlock << true << 2 << qint64(blocks[4]) << "after packet 2";
        QTest::newRow("pcapng truncated mid-block")
            << ng.left(blocks[4] + 20) << true << 2 << qint64(blocks[4])
            << "The 2 packets before it were opened.";
        QTest::newRow("pcapng truncated in its section header")
            << ng.left(20) << false << 0 << qint64(0) << "in its file header";
    }
    QTest::newRow("a directory") << QByteArray("<dir>") << false << 0 << qint64(-1) << "is a folder";
    QTest::newRow("a missing file") << QByteArray("<missing>") << false << 0 << qint64(-1) << "was not found";
}

void TestCaptureFile::badFilesGiveAClearSentence()
{
    QFETCH(QByteArray, contents);
    QFETCH(bool, opened);
    QFETCH(int, packetsKept);
    QFETCH(qint64, offset);
    QFETCH(QString, saying);

    QString path = m_dir.filePath(
        QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
    if (contents == "<dir>") {
        QVERIFY(QDir().mkpath(path));
    } else if (contents == "<missing>") {
        path += QStringLiteral(".nothere");
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }

    PacketStore store;
    const CaptureFileInfo info = readCaptureFile(path, store);
    QCOMPARE(info.opened, opened);
    QCOMPARE(int(info.packetsRead), packetsKept);
    QCOMPARE(int(store.size()), packetsKept);
    QVERIFY2(!info.error.isEmpty(), "a damaged file must say so");
    qInfo("%s", qPrintable(info.error)); // the sentence a user sees, in the test log
    QVERIFY2(info.error.contains(saying), qPrintable(info.error));
    // One plain sentence: ends with a period, no line breaks.
    QVERIFY2(!info.error.contains(QLatin1Char('\n')), qPrintable(info.error));
    QVERIFY2(info.error.endsWith(QLatin1Char('.')), qPrintable(info.error));
    if (offset >= 0) {
        QCOMPARE(info.errorOffset, offset);
        QVERIFY2(info.error.contains(QStringLiteral("at byte %1").arg(offset)), qPrintable(info.error));
    }
    // The packets before the damage are the real ones.
    for (std::size_t i = 0; i < store.size(); ++i)
        QVERIFY(!store.at(i).bytes.empty());
}

void TestCaptureFile::aHugeRecordLengthAllocatesNothingBig()
{
    // Many records each claiming 0xFFFFFFF0 bytes, in pcap and as a huge pcapng block: libpcap must
    // refuse them by their length, not by trying to allocate 4 GB.
    QByteArray pcap = pcapHeader();
    putU32(pcap, 1);
    putU32(pcap, 0);
    putU32(pcap, 0xFFFFFFF0);
    putU32(pcap, 0xFFFFFFF0);
    const QString path = m_dir.filePath(QStringLiteral("huge.pcap"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pcap);
    }
    const long before = maxRssKiB();
    for (int i = 0; i < 20; ++i) {
        PacketStore store;
        const CaptureFileInfo info = readCaptureFile(path, store);
        QVERIFY(info.opened);
        QVERIFY2(info.error.contains(QStringLiteral("at byte 24")), qPrintable(info.error));
    }
    const long grownKiB = maxRssKiB() - before;
    QVERIFY2(grownKiB < 64 * 1024,
             qPrintable(QStringLiteral("reading grew the process by %1 KiB").arg(grownKiB)));
}

void TestCaptureFile::aFailedSaveLeavesNothingBehind()
{
    PacketStore store;
    store.append(1, frame(60, 1));
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("no/such/folder/out.pcapng"));
    QVERIFY(!writePcapng(path, store, &error));
    QVERIFY2(error.contains(path) && error.endsWith(QLatin1Char('.')), qPrintable(error));
    QVERIFY(!QFile::exists(path));

    // Saving over an existing file replaces it whole.
    const QString existing = m_dir.filePath(QStringLiteral("existing.pcapng"));
    {
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old contents");
    }
    QVERIFY2(writePcapng(existing, store, &error), qPrintable(error));
    PacketStore back;
    QCOMPARE(readCaptureFile(existing, back).packetsRead, 1u);
    const QStringList leftovers =
        QDir(m_dir.path()).entryList({QStringLiteral("existing.pcapng.*")}, QDir::Files);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
}

void TestCaptureFile::byteSwappedPcapIsRead()
{
    // A big-endian microsecond pcap, as old SPARC tcpdump wrote it.
    auto be32 = [](QByteArray &out, std::uint32_t v) { putU32(out, __builtin_bswap32(v)); };
    auto be16 = [](QByteArray &out, std::uint16_t v) { putU16(out, __builtin_bswap16(v)); };
    QByteArray data;
    be32(data, 0xa1b2c3d4);
    be16(data, 2);
    be16(data, 4);
    be32(data, 0);
    be32(data, 0);
    be32(data, 65535);
    be32(data, 101);
    const auto bytes = frame(28, 9);
    be32(data, 1'000);
    be32(data, 250'000);
    be32(data, 28);
    be32(data, 28);
    data.append(reinterpret_cast<const char *>(bytes.data()), 28);
    const QString path = m_dir.filePath(QStringLiteral("bigendian.pcap"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    }
    PacketStore store;
    const CaptureFileInfo info = readCaptureFile(path, store);
    QVERIFY2(info.opened && info.error.isEmpty(), qPrintable(info.error));
    QCOMPARE(info.linkType, LinkType::Raw);
    QCOMPARE(store.at(0).timeNs, 1'000'250'000'000LL);
    CaptureFileReader reader;
    QVERIFY(reader.open(path));
    QCOMPARE(reader.timeDigits(), 6);
}

void TestCaptureFile::timesBeyondTheYear2262Saturate()
{
    // pcapng timestamps are 64-bit counts in the interface's resolution: with if_tsresol = 0 (seconds) a
    // file can name a time no int64 of nanoseconds holds. Found by fuzz_capturefile (signed overflow).
    QByteArray data;
    auto block = [&](std::uint32_t type, const QByteArray &body) {
        putU32(data, type);
        putU32(data, std::uint32_t(12 + body.size()));
        data += body;
        putU32(data, std::uint32_t(12 + body.size()));
    };
    QByteArray shb;
    putU32(shb, 0x1A2B3C4D);
    putU16(shb, 1);
    putU16(shb, 0);
    putU32(shb, 0xFFFFFFFF);
    putU32(shb, 0xFFFFFFFF);
    block(0x0A0D0D0A, shb);
    QByteArray idb;
    putU16(idb, 1);
    putU16(idb, 0);
    putU32(idb, 262144);
    putU16(idb, 9); // if_tsresol = 10^0: seconds
    putU16(idb, 1);
    idb.append("\x00\x00\x00\x00", 4);
    putU32(idb, 0);
    block(1, idb);
    const auto bytes = frame(20, 1);
    for (std::uint64_t seconds : {std::uint64_t(1), std::uint64_t(1) << 62}) {
        QByteArray epb;
        putU32(epb, 0);
        putU32(epb, std::uint32_t(seconds >> 32));
        putU32(epb, std::uint32_t(seconds));
        putU32(epb, 20);
        putU32(epb, 20);
        epb.append(reinterpret_cast<const char *>(bytes.data()), 20);
        block(6, epb);
    }
    const QString path = m_dir.filePath(QStringLiteral("farfuture.pcapng"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    }
    PacketStore store;
    const CaptureFileInfo info = readCaptureFile(path, store);
    QVERIFY2(info.opened && info.error.isEmpty(), qPrintable(info.error));
    QCOMPARE(store.size(), std::size_t(2));
    QCOMPARE(store.at(0).timeNs, 1'000'000'000LL);
    QCOMPARE(store.at(1).timeNs, INT64_MAX);
    QCOMPARE(saturatingDifference(INT64_MAX, INT64_MIN), INT64_MAX);
    QCOMPARE(saturatingDifference(INT64_MIN, 1), INT64_MIN);
    CaptureFileReader reader;
    QVERIFY(reader.open(path));
    QCOMPARE(reader.timeDigits(), 0);
}

QTEST_GUILESS_MAIN(TestCaptureFile)
#include "tst_capturefile.moc"
