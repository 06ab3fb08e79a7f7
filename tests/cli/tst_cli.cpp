// SPDX-License-Identifier: GPL-3.0-or-later
// wirelab-cli as teachers' scripts use it: the contract of DESIGN.md (commands, output, exit codes 0/1/2,
// one plain sentence on stderr), `summary` line for line against tshark on the same file, `info`, a
// damaged file, and a headless run of the TCP vs UDP lab that saves its capture and events.
#include "capture/capturefile.h"
#include "capture/livecapture.h"
#include "dissect/dissect.h"
#include "store/packetstore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace wirelab;

namespace {

const QString kCli = QStringLiteral(WIRELAB_BINARY_DIR "/app/cli/wirelab-cli");
const QString kMakeCapture = QStringLiteral(WIRELAB_BINARY_DIR "/bench/wirelab-makecapture");
const QString kFixture = QStringLiteral(WIRELAB_TEST_DATA "/tcp-udp-loopback.pcap");

struct Result
{
    int exitCode = -1;
    QByteArray out, err;
    QStringList outLines() const
    {
        return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    QStringList errLines() const
    {
        return QString::fromUtf8(err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
};

Result run(const QString &program, const QStringList &args, int timeoutMs = 60000,
           const QMap<QString, QString> &environment = {})
{
    QProcess process;
    if (!environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (auto it = environment.begin(); it != environment.end(); ++it)
            env.insert(it.key(), it.value());
        process.setProcessEnvironment(env);
    }
    process.start(program, args);
    Result result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// The first seven columns of a tshark-style line: number, time, source, →, destination, protocol, length.
QStringList columns(const QString &line)
{
    return line.split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 7);
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badUsageExitsTwoWithOneSentence_data();
    void badUsageExitsTwoWithOneSentence();
    void helpAndVersion();
    void listShowsTheTcpUdpLab();
    void infoDescribesTheCapture();
    void summaryMatchesTshark_data();
    void summaryMatchesTshark();
    void summaryOfADamagedFilePrintsWhatCameBefore();
    void aPipeOnStdinGetsAClearSentence();
    void runTheTcpUdpLabHeadless();
    void theTlsLabsCaptureOpensDecryptedInTshark();
    void runInTheLabNetworkWithADelay();
    void hostModeWhenNamespacesAreRefused();
    void hostModeDelaysThroughTheRelay();
    void anOrdinaryUserRunsTheLabInTheLabNetwork();

private:
    QTemporaryDir m_dir;
    QString m_tshark;
};

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(kCli), qPrintable(kCli));
    QVERIFY2(QFile::exists(kFixture), qPrintable(kFixture));
    m_tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    QFile text(m_dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("Notes, not a capture.\n");
}

void TestCli::badUsageExitsTwoWithOneSentence_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("saying");
    const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
    QTest::newRow("no command") << QStringList{} << "No command given";
    QTest::newRow("an unknown command") << QStringList{"frobnicate"} << "There is no command \"frobnicate\"";
    QTest::newRow("summary without a file") << QStringList{"summary"} << "summary takes one capture file";
    QTest::newRow("summary of two files")
        << QStringList{"summary", "a.pcap", "b.pcap"} << "summary takes one capture file";
    QTest::newRow("summary of a missing file")
        << QStringList{"summary", "/nonexistent/x.pcap"} << "was not found";
    QTest::newRow("summary of a text file")
        << QStringList{"summary", notes}
        << "notes.txt is not a pcap or pcapng capture file (it starts with 4E 6F 74 65)";
    QTest::newRow("info without a file") << QStringList{"info"} << "info takes one capture file";
    QTest::newRow("info of a folder") << QStringList{"info", m_dir.path()} << "is a folder";
    QTest::newRow("list with an argument") << QStringList{"list", "all"} << "list takes no arguments";
    QTest::newRow("run without a lab") << QStringList{"run"} << "run needs a lab id";
    QTest::newRow("run of an unknown lab")
        << QStringList{"run", "no-such-lab"} << "There is no lab \"no-such-lab\"";
    QTest::newRow("run with a loss over 100 %") << QStringList{"run", "tcp-udp", "--set", "link.loss_pct=120"}
                                                << "link.loss_pct must be between 0 and 100; got 120.";
    QTest::newRow("run with a negative delay")
        << QStringList{"run", "tcp-udp", "--set", "link.delay_ms=-5", "--network", "host"}
        << "link.delay_ms must be between 0 and 10000; got -5.";
    QTest::newRow("run with a link preset that does not exist")
        << QStringList{"run", "tcp-udp", "--set", "link.preset=dialup"} << "link.preset";
    QTest::newRow("run on an unknown network")
        << QStringList{"run", "tcp-udp", "--network", "wifi"} << "--network takes sandbox or host";
    QTest::newRow("run with a timeout that is not a number")
        << QStringList{"run", "tcp-udp", "--timeout-s", "soon"} << "--timeout-s takes a whole number";
    QTest::newRow("run with an option it does not have")
        << QStringList{"run", "tcp-udp", "--fast"} << "run has no option --fast";
    QTest::newRow("run with --out and no file")
        << QStringList{"run", "tcp-udp", "--out"} << "--out needs a value";
    QTest::newRow("run with a parameter the lab does not have")
        << QStringList{"run", "tcp-udp", "--set", "colour=blue"} << "tcp-udp has no parameter \"colour\"";
    QTest::newRow("run with --set but no value")
        << QStringList{"run", "tcp-udp", "--set", "colour"} << "--set takes key=value";
    QTest::newRow("run saving into a folder that does not exist")
        << QStringList{"run", "tcp-udp", "--out", "/nonexistent-folder/run.pcapng"}
        << "The folder of /nonexistent-folder/run.pcapng does not exist";
    QTest::newRow("run with two labs") << QStringList{"run", "tcp-udp", "tcp-udp"} << "run takes one lab id";
}

void TestCli::badUsageExitsTwoWithOneSentence()
{
    QFETCH(QStringList, args);
    QFETCH(QString, saying);
    const Result r = run(kCli, args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    const QStringList lines = r.errLines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(saying), qPrintable(lines.first()));
    QVERIFY2(lines.first().endsWith(QLatin1Char('.')), qPrintable(lines.first()));
}

void TestCli::helpAndVersion()
{
    Result r = run(kCli, {QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QString::fromUtf8(r.out).startsWith(QStringLiteral("wirelab-cli " WIRELAB_TEST_VERSION)),
             r.out.constData());
    r = run(kCli, {QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *command : {"list", "run <lab-id>", "summary <capture>", "info <capture>", "--timeout-s"})
        QVERIFY2(r.out.contains(command), command);
    QVERIFY(r.err.isEmpty());
    r = run(kCli, {QStringLiteral("help"), QStringLiteral("tcp-udp")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("--set key=value"), r.out.constData());
}

void TestCli::listShowsTheTcpUdpLab()
{
    const Result r = run(kCli, {QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.outLines().contains(QStringLiteral("tcp-udp\tTCP vs UDP")), r.out.constData());
    for (const QString &line : r.outLines())
        QCOMPARE(line.count(QLatin1Char('\t')), 1);
}

void TestCli::infoDescribesTheCapture()
{
    const Result r = run(kCli, {QStringLiteral("info"), kFixture});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QString out = QString::fromUtf8(r.out);
    auto value = [&](const QString &label) {
        const QRegularExpression re(QStringLiteral("^%1: +(.*)$").arg(QRegularExpression::escape(label)),
                                    QRegularExpression::MultilineOption);
        return re.match(out).captured(1);
    };
    QCOMPARE(value(QStringLiteral("Packets")), QStringLiteral("11"));
    QCOMPARE(value(QStringLiteral("Format")), QStringLiteral("pcap"));
    QCOMPARE(value(QStringLiteral("Link type")), QStringLiteral("Ethernet (1)"));
    QCOMPARE(value(QStringLiteral("Duration")), QStringLiteral("0.000321000 s"));
    const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z$"));
    QVERIFY2(iso.match(value(QStringLiteral("First packet"))).hasMatch(), qPrintable(out));
    QVERIFY2(iso.match(value(QStringLiteral("Last packet"))).hasMatch(), qPrintable(out));
    QVERIFY2(value(QStringLiteral("Store overhead")).contains(QStringLiteral("bytes per packet")),
             qPrintable(out));
}

void TestCli::summaryMatchesTshark_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("a loopback capture with TCP and UDP (pcap)") << kFixture;

    // The same packets saved by Wirelab as pcapng (nanosecond times).
    PacketStore store;
    readCaptureFile(kFixture, store);
    const QString ng = m_dir.filePath(QStringLiteral("fixture.pcapng"));
    QString error;
    QVERIFY2(writePcapng(ng, store, &error), qPrintable(error));
    QTest::newRow("the same capture saved as pcapng") << ng;

    // Thousands of packets of interleaved conversations with retransmissions, as the benchmark uses.
    const QString big = m_dir.filePath(QStringLiteral("conversations.pcap"));
    const Result made = run(kMakeCapture, {big, QStringLiteral("--packets"), QStringLiteral("20000")});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    QTest::newRow("20000 packets of many conversations") << big;
}

void TestCli::summaryMatchesTshark()
{
    QFETCH(QString, path);
    const Result ours = run(kCli, {QStringLiteral("summary"), path});
    QCOMPARE(ours.exitCode, 0);
    QVERIFY2(ours.err.isEmpty(), ours.err.constData());
    const QStringList lines = ours.outLines();
    QVERIFY(!lines.isEmpty());
    QVERIFY2(lines.first().startsWith(QStringLiteral("    1 ")), qPrintable(lines.first()));

    if (m_tshark.isEmpty())
        QSKIP("tshark is not installed (scripts/install-deps.sh installs it)");
    const Result theirs = run(m_tshark, {QStringLiteral("-r"), path}, 120000);
    QCOMPARE(theirs.exitCode, 0);
    const QStringList expected = theirs.outLines();
    QCOMPARE(lines.size(), expected.size());
    int sameLines = 0;
    for (int i = 0; i < lines.size(); ++i) {
        // Number, time, source, destination, protocol and length exactly as tshark prints them.
        const QStringList a = columns(lines.at(i)), b = columns(expected.at(i));
        if (a != b)
            QFAIL(qPrintable(QStringLiteral("line %1 differs:\n  ours:   %2\n  tshark: %3")
                                 .arg(i + 1)
                                 .arg(lines.at(i), expected.at(i))));
        sameLines += lines.at(i) == expected.at(i);
    }
    // The Info column is the dissector's (its own differential test checks fields); report how close it is.
    qInfo("%d of %d lines are identical to tshark's, Info column included", sameLines, int(lines.size()));
}

void TestCli::summaryOfADamagedFilePrintsWhatCameBefore()
{
    QFile fixture(kFixture);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray whole = fixture.readAll();
    // 24-byte header, then records of 16 + caplen bytes: cut the sixth packet in half.
    qsizetype offset = 24;
    for (int i = 0; i < 5; ++i) {
        std::uint32_t caplen;
        std::memcpy(&caplen, whole.constData() + offset + 8, 4);
        offset += 16 + qsizetype(caplen);
    }
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.pcap"));
    QFile out(damaged);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(whole.left(offset + 30));
    out.close();

    const Result r = run(kCli, {QStringLiteral("summary"), damaged});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.outLines().size(), 5);
    QVERIFY(r.outLines().last().startsWith(QStringLiteral("    5 ")));
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.errLines().first().startsWith(
                 QStringLiteral("The file is damaged at byte %1, after packet 5: ").arg(offset)),
             r.err.constData());

    const Result info = run(kCli, {QStringLiteral("info"), damaged});
    QCOMPARE(info.exitCode, 2);
    QVERIFY2(info.out.contains("Packets: "), info.out.constData());
    QCOMPARE(info.errLines().size(), 1);
}

void TestCli::aPipeOnStdinGetsAClearSentence()
{
    // The reader looks at the magic bytes and then hands the file to libpcap from the start: a pipe cannot
    // be read twice, and the CLI says so instead of a confusing libpcap error.
    QFile fixture(kFixture);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QProcess process;
    process.start(kCli, {QStringLiteral("summary"), QStringLiteral("/dev/stdin")});
    QVERIFY(process.waitForStarted());
    process.write(fixture.readAll());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    QVERIFY2(
        err.endsWith(QStringLiteral("cannot be read twice; save the capture to a file first and open that.")),
        qPrintable(err));
    QVERIFY(!err.contains(QLatin1Char('\n')));
}

// The TLS lab's endpoints log their secrets as events; `run --out` puts them in the pcapng's Decryption
// Secrets Block, so tshark (and Wireshark) read the HTTP inside TLS with no option at all.
void TestCli::theTlsLabsCaptureOpensDecryptedInTshark()
{
    if (m_tshark.isEmpty())
        QSKIP("tshark is not installed (scripts/install-deps.sh installs it)");
    const QString capture = m_dir.filePath(QStringLiteral("tls.pcapng"));
    const Result r = run(kCli, {QStringLiteral("run"), QStringLiteral("tls"), QStringLiteral("--out"), capture},
                         240000, {{QStringLiteral("WIRELAB_TLS_CA_DIR"), m_dir.filePath(QStringLiteral("ca"))}});
    QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(r.out + r.err)));
    const Result decrypted = run(m_tshark, {QStringLiteral("-r"), capture, QStringLiteral("-Y"),
                                            QStringLiteral("http.request"), QStringLiteral("-T"),
                                            QStringLiteral("fields"), QStringLiteral("-e"),
                                            QStringLiteral("http.request.uri")},
                                 120000);
    QCOMPARE(decrypted.exitCode, 0);
    const QStringList uris = decrypted.outLines();
    QVERIFY2(uris.size() >= 5 && uris.contains(QStringLiteral("/hello")), decrypted.out.constData());
    // The same file without its secrets block shows no HTTP: the keys, not the port, made it readable.
    const QString stripped = m_dir.filePath(QStringLiteral("tls-nokeys.pcapng"));
    const QString editcap = QStandardPaths::findExecutable(QStringLiteral("editcap")); // comes with tshark
    QVERIFY(!editcap.isEmpty());
    const Result strip = run(editcap, {QStringLiteral("--discard-all-secrets"), capture, stripped}, 60000);
    QVERIFY2(strip.exitCode == 0, strip.err.constData());
    const Result opaque = run(m_tshark, {QStringLiteral("-r"), stripped, QStringLiteral("-Y"),
                                         QStringLiteral("http.request")},
                              120000);
    QCOMPARE(opaque.exitCode, 0);
    QVERIFY2(opaque.outLines().isEmpty(), opaque.out.constData());
}

void TestCli::runTheTcpUdpLabHeadless()
{
    QString why;
    if (!LiveCapture::canCapture(QStringLiteral("lo"), &why)) {
        // Without capture rights the run still works but its packet checkpoints fail; the CLI says why.
        const Result r = run(kCli, {QStringLiteral("run"), QStringLiteral("tcp-udp")}, 240000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("may not capture"), r.err.constData());
        QSKIP(qPrintable(why));
    }
    const QString capture = m_dir.filePath(QStringLiteral("run.pcapng"));
    const QString events = m_dir.filePath(QStringLiteral("run.jsonl"));
    const Result r =
        run(kCli,
            {QStringLiteral("run"), QStringLiteral("tcp-udp"), QStringLiteral("--out"), capture,
             QStringLiteral("--events"), events, QStringLiteral("--network"), QStringLiteral("host")},
            240000);
    QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(r.out + r.err)));
    // stderr: one line saying where the lab ran, and what host mode loses.
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.errLines().first().startsWith(QStringLiteral("Network: host mode: ")), r.err.constData());
    const QStringList lines = r.outLines();
    QVERIFY(!lines.isEmpty());
    // The steps that need the lab network say so (SKIP with the reason); everything else passes.
    const QRegularExpression pass(QStringLiteral("^PASS [a-z0-9.-]+/[a-z0-9.-]+: .+$"));
    const QRegularExpression skip(
        QStringLiteral("^SKIP (loss|hold)/[a-z0-9.-]+: Skipped: this step needs the lab network.*$"));
    int skipped = 0;
    for (const QString &line : lines) {
        const bool skippedLine = skip.match(line).hasMatch();
        skipped += skippedLine ? 1 : 0;
        QVERIFY2(pass.match(line).hasMatch() || skippedLine, qPrintable(line));
    }
    QCOMPARE(skipped, 3);

    PacketStore store;
    const CaptureFileInfo info = readCaptureFile(capture, store);
    QVERIFY2(info.opened && info.error.isEmpty(), qPrintable(info.error));
    QCOMPARE(info.format, QStringLiteral("pcapng"));
    QVERIFY2(store.size() > 10, qPrintable(QString::number(store.size())));

    QFile log(events);
    QVERIFY(log.open(QIODevice::ReadOnly));
    int eventLines = 0;
    while (!log.atEnd()) {
        const QByteArray line = log.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
        QVERIFY(doc.object().contains(QStringLiteral("kind")));
        ++eventLines;
    }
    QVERIFY(eventLines > 0);
}

void TestCli::runInTheLabNetworkWithADelay()
{
    // The lab network needs no capture rights; 50 ms each way on the link makes the handshake's round trip
    // (SYN to SYN-ACK, both recorded at the client's end of the wire) 100 ms.
    const QString capture = m_dir.filePath(QStringLiteral("delay.pcapng"));
    const Result r = run(kCli,
                         {QStringLiteral("run"), QStringLiteral("tcp-udp"), QStringLiteral("--set"),
                          QStringLiteral("link.delay_ms=50"), QStringLiteral("--network"),
                          QStringLiteral("sandbox"), QStringLiteral("--out"), capture},
                         240000);
    QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(r.out + r.err)));
    QCOMPARE(r.errLines(), QStringList{QStringLiteral(
                               "Network: lab network (sandbox): client 198.18.0.1, server 198.18.0.2")});
    for (const QString &line : r.outLines())
        QVERIFY2(line.startsWith(QStringLiteral("PASS ")), qPrintable(line));

    PacketStore store;
    const CaptureFileInfo info = readCaptureFile(capture, store);
    QVERIFY2(info.opened && info.error.isEmpty(), qPrintable(info.error));
    QVERIFY(store.size() > 100);
    QCOMPARE(store.at(0).linkType, LinkType::Raw);
    PacketSummary syn, synAck;
    dissectSummary(store.at(0).linkType, store.at(0).bytes, syn);
    dissectSummary(store.at(1).linkType, store.at(1).bytes, synAck);
    QCOMPARE(syn.src.toString(), QStringLiteral("198.18.0.1"));
    QCOMPARE(syn.dst.toString(), QStringLiteral("198.18.0.2"));
    QCOMPARE(syn.tcpFlags, std::uint16_t(TcpSyn));
    QCOMPARE(synAck.tcpFlags, std::uint16_t(TcpSyn | TcpAck));
    const double rttMs = double(store.at(1).timeNs - store.at(0).timeNs) / 1e6;
    qInfo("handshake round trip with link.delay_ms=50: %.3f ms", rttMs);
    // Never less than the two configured delays; the upper bound leaves room for a busy machine.
    QVERIFY2(rttMs >= 100.0 && rttMs < 110.0, qPrintable(QString::number(rttMs, 'f', 3)));
}

void TestCli::hostModeWhenNamespacesAreRefused()
{
    // WIRELAB_FORCE_HOST_MODE=1 simulates a machine that refuses user namespaces.
    const QMap<QString, QString> refused{{QStringLiteral("WIRELAB_FORCE_HOST_MODE"), QStringLiteral("1")}};
    Result r = run(kCli,
                   {QStringLiteral("run"), QStringLiteral("tcp-udp"), QStringLiteral("--network"),
                    QStringLiteral("sandbox")},
                   60000, refused);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.errLines().first().startsWith(QStringLiteral("The lab network is not available here: ")),
             r.err.constData());
    QVERIFY2(r.err.contains("WIRELAB_FORCE_HOST_MODE"), r.err.constData());

    QString why;
    if (!LiveCapture::canCapture(QStringLiteral("lo"), &why))
        QSKIP(qPrintable(why));
    // Without --network the lab falls back to host mode and says so.
    r = run(kCli, {QStringLiteral("run"), QStringLiteral("tcp-udp")}, 240000, refused);
    QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(r.out + r.err)));
    QVERIFY2(r.errLines().value(0).startsWith(QStringLiteral("Network: host mode: ")), r.err.constData());
    QVERIFY2(r.out.contains("PASS handshake/tcp.handshake: SYN #1, SYN-ACK #2, ACK #3 between 127.0.0.1:"),
             r.out.constData());
    QVERIFY2(r.out.contains("SKIP hold/"), r.out.constData());
}

void TestCli::hostModeDelaysThroughTheRelay()
{
    QString why;
    if (!LiveCapture::canCapture(QStringLiteral("lo"), &why))
        QSKIP(qPrintable(why));
    // In host mode a delay goes through the userspace relay: the lab still passes, and the mode line says
    // what the relay cannot do.
    const Result r =
        run(kCli,
            {QStringLiteral("run"), QStringLiteral("tcp-udp"), QStringLiteral("--network"),
             QStringLiteral("host"), QStringLiteral("--set"), QStringLiteral("link.delay_ms=20")},
            240000);
    QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(r.out + r.err)));
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.errLines().first().startsWith(QStringLiteral("Network: host mode: ")), r.err.constData());
    QVERIFY2(r.err.contains("relay on 127.0.0.1") && r.err.contains("cannot drop"), r.err.constData());
    QVERIFY2(r.out.contains("PASS close/tcp.fin.both"), r.out.constData());
}

void TestCli::anOrdinaryUserRunsTheLabInTheLabNetwork()
{
    // What a student does: no sudo, no capture rights. As root this test drops to nobody.
    QString program = kCli;
    QStringList args = {QStringLiteral("run"),       QStringLiteral("tcp-udp"),
                        QStringLiteral("--network"), QStringLiteral("sandbox"),
                        QStringLiteral("--set"),     QStringLiteral("link.delay_ms=5")};
    if (::geteuid() == 0) {
        // This machine ships /dev/net/tun as 0600 while stock Debian and Ubuntu ship 0666: as root the
        // test sets 0666 (and nothing else) so that nobody can open it, and says so.
        struct stat st
        {
        };
        if (::stat("/dev/net/tun", &st) == 0 && (st.st_mode & 0666) != 0666) {
            qInfo("chmod 0666 /dev/net/tun (stock Debian/Ubuntu mode) so the unprivileged run can open it");
            QCOMPARE(::chmod("/dev/net/tun", 0666), 0);
        }
        const QString su = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (su.isEmpty())
            QSKIP("setpriv is not installed");
        args = QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                           QStringLiteral("--clear-groups"), QStringLiteral("--"), kCli} +
               args;
        program = su;
    }
    const Result r = run(program, args, 240000);
    QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(r.out + r.err)));
    QCOMPARE(r.errLines(), QStringList{QStringLiteral(
                               "Network: lab network (sandbox): client 198.18.0.1, server 198.18.0.2")});
    QCOMPARE(r.outLines().size(), 12);
    for (const QString &line : r.outLines())
        QVERIFY2(line.startsWith(QStringLiteral("PASS ")), qPrintable(line));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
