// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the TLS lab headless on real sockets with real OpenSSL endpoints, in the lab network (the wire's
// tap is the capture, 50 ms each way) and in host mode (127.0.0.1, the relay for the delay, libpcap on lo),
// with the lab's defaults and a CA in a temporary folder, and asserts from the capture (dissected and
// decrypted by core/dissect/tls.h with the endpoints' key log) what a student should see. Round trips are
// counted as server flights, and as time only in round-trip units with wide margins.
#include "capture/capturefile.h"
#include "capturesession.h"
#include "lab/labcontroller.h"
#include "lab/labregistry.h"
#include "labnet/labnetwork.h"
#include "labs.h"
#include "tls/tlsinstance.h"
#include "tls/tlslab.h"
#include "headlesslabrun.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include "processresources.h"

using namespace wirelab;

class TestTlsLab final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void theLabIsRegisteredWithItsSteps();
    void everyCheckpointPassed();
    void tls12TakesTwoRoundTripsAndTls13One();
    void resumptionSkipsTheCertificate();
    void earlyDataAndItsReplay();
    void theLeakedKeyOpensRsaButNotEcdhe();
    void eachBrokenCertificateGetsItsAlert();
    void theKeyLogOpensEveryConnection();
    void tsharkReadsTheExportDecrypted();
    void parametersDriveTheLab();
    void startAndStopLeaveNothingBehind();
    void cleanupTestCase();

private:
    struct Run : test::HeadlessLabRun
    {
        std::vector<TlsLabConnection> connections; // with the endpoints' key log
    };
    // The connections whose ClientHello falls in the window of one action's tls.run event.
    std::vector<TlsLabConnection> runConnections(const QString &run, const std::vector<TlsLabConnection> *from = nullptr) const;
    static QString describe(const TlsLabConnection &c);

    QTemporaryDir m_caDir;
    LabRegistry m_registry;
    std::map<QString, Run> m_runs;
    Run *m_run = nullptr;
};

void TestTlsLab::initTestCase_data()
{
    test::addNetworkModeRows();
}

void TestTlsLab::initTestCase()
{
    QVERIFY(m_caDir.isValid());
    qputenv("WIRELAB_TLS_CA_DIR", m_caDir.filePath(QStringLiteral("ca")).toLocal8Bit());
    setupAllLabs(m_registry);
    QVERIFY(m_registry.find(QStringLiteral("tls")));
}

void TestTlsLab::init()
{
    QFETCH_GLOBAL(QString, network);
    Run &run = m_runs[network];
    m_run = &run;
    if (run.done())
        return;
    const QString why = test::runLabOnce(m_registry, QStringLiteral("tls"), network, run);
    if (!why.isEmpty())
        QFAIL(qPrintable(why));
    run.connections = tlsLabConnections(*run.session, tlsLabKeyLog(run.session->events()));
    qInfo("%zu packets, %zu TLS connections", run.session->store().size(), run.connections.size());
}

void TestTlsLab::cleanupTestCase()
{
    m_runs.clear();
}

std::vector<TlsLabConnection> TestTlsLab::runConnections(const QString &run, const std::vector<TlsLabConnection> *from) const
{
    std::int64_t begin = -1, end = -1;
    for (const LabEvent &e : m_run->session->events().all()) {
        if (e.kind == QLatin1String("tls.run") && e.data.value(QStringLiteral("run")).toString() == run) {
            begin = e.data.value(QStringLiteral("from_ns")).toLongLong();
            end = e.data.value(QStringLiteral("to_ns")).toLongLong();
        }
    }
    std::vector<TlsLabConnection> out;
    for (const TlsLabConnection &c : from ? *from : m_run->connections) {
        if (begin >= 0 && c.clientHelloNs >= begin && c.clientHelloNs <= end)
            out.push_back(c);
    }
    return out;
}

QString TestTlsLab::describe(const TlsLabConnection &c)
{
    return QStringLiteral("%1 %2 CH #%3 app #%4 flights %5 rtt %6 ms resumed %7 psk %8 early %9/%10 records %11/%12 [%13]")
        .arg(c.version, c.cipher).arg(c.clientHelloFrame).arg(c.firstClientAppFrame).arg(c.serverFlightsBeforeApp)
        .arg(double(c.tcpRttNs) / 1e6).arg(c.resumed).arg(c.pskOffered).arg(c.earlyDataRecords).arg(c.earlyDataAccepted)
        .arg(c.decryptedRecords).arg(c.encryptedRecords).arg(c.messages.join(QStringLiteral(", ")));
}

void TestTlsLab::theLabIsRegisteredWithItsSteps()
{
    const LabDefinition *lab = m_registry.find(QStringLiteral("tls"));
    QVERIFY(lab);
    QCOMPARE(lab->steps.size(), std::size_t(7));
    for (const LabStep &step : lab->steps) {
        QVERIFY2(step.guide.text().contains(QStringLiteral("notes L")), qPrintable(step.id));
        QVERIFY2(!step.actions.empty() && !step.checkpoints.empty(), qPrintable(step.id));
    }
    QCOMPARE(lab->parameter(QStringLiteral("link.delay_ms"))->defaultValue.toInt(), 50);
    QString why;
    QVERIFY(!lab->parameter(QStringLiteral("cert.key_type"))->parse(QStringLiteral("dsa"), &why).isValid());
    QVERIFY(!why.isEmpty());
    QVERIFY(lab->parameter(QStringLiteral("tls.version"))->parse(QStringLiteral("1.2"), &why).isValid());
}

void TestTlsLab::everyCheckpointPassed()
{
    QString failed;
    for (const auto &[id, r] : m_run->reports) {
        if (!r.result.passed)
            failed += id + QStringLiteral(": ") + r.result.evidence + QLatin1Char('\n');
    }
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QCOMPARE(m_run->reports.size(), std::size_t(16));
    QVERIFY(m_run->allPassed);
}

void TestTlsLab::tls12TakesTwoRoundTripsAndTls13One()
{
    const std::vector<TlsLabConnection> c12 = runConnections(QLatin1String(TlsLabInstance::Full12));
    const std::vector<TlsLabConnection> c13 = runConnections(QLatin1String(TlsLabInstance::Full13));
    QCOMPARE(c12.size(), std::size_t(1));
    QCOMPARE(c13.size(), std::size_t(1));
    const TlsLabConnection &a = c12.front(), &b = c13.front();
    QVERIFY2(a.version == QLatin1String("TLS 1.2") && a.serverFlightsBeforeApp == 2 && a.certificateSeen, qPrintable(describe(a)));
    QVERIFY2(b.version == QLatin1String("TLS 1.3") && b.serverFlightsBeforeApp == 1 && b.certificateSeen, qPrintable(describe(b)));
    // cert.chain_length 1: the leaf and one intermediate, in both versions (TLS 1.3's read with the key log)
    QCOMPARE(a.certificateCount, 2);
    QCOMPARE(b.certificateCount, 2);
    const double t12 = double(a.firstClientAppNs - a.clientHelloNs), t13 = double(b.firstClientAppNs - b.clientHelloNs);
    // Round trips in units the capture gives: the TCP handshake of the same connection in the lab network;
    // in host mode the relay does not delay handshakes, so the link's 2 x 50 ms.
    const double rtt12 = m_run->mode == NetworkMode::Sandbox ? double(a.tcpRttNs) : 100e6;
    const double rtt13 = m_run->mode == NetworkMode::Sandbox ? double(b.tcpRttNs) : 100e6;
    if (m_run->mode == NetworkMode::Sandbox)
        QVERIFY2(a.tcpRttNs > 80000000 && b.tcpRttNs > 80000000, qPrintable(describe(a) + QLatin1Char('\n') + describe(b)));
    QVERIFY2(t12 / rtt12 > 1.5 && t12 / rtt12 < 2.7, qPrintable(QStringLiteral("%1 RTT: ").arg(t12 / rtt12) + describe(a)));
    QVERIFY2(t13 / rtt13 > 0.5 && t13 / rtt13 < 1.7, qPrintable(QStringLiteral("%1 RTT: ").arg(t13 / rtt13) + describe(b)));
    qInfo("TLS 1.2: %.1f ms = %.2f RTT; TLS 1.3: %.1f ms = %.2f RTT", t12 / 1e6, t12 / rtt12, t13 / 1e6, t13 / rtt13);
}

void TestTlsLab::resumptionSkipsTheCertificate()
{
    for (const auto &[run, version] : {std::pair{QLatin1String(TlsLabInstance::Resume12), QLatin1String("TLS 1.2")},
                                       std::pair{QLatin1String(TlsLabInstance::Resume13), QLatin1String("TLS 1.3")}}) {
        const std::vector<TlsLabConnection> c = runConnections(run);
        QCOMPARE(c.size(), std::size_t(2));
        QVERIFY2(c[0].version == version && !c[0].resumed && c[0].certificateSeen, qPrintable(describe(c[0])));
        QVERIFY2(c[1].version == version && c[1].resumed && !c[1].certificateSeen, qPrintable(describe(c[1])));
        if (version == QLatin1String("TLS 1.3"))
            QVERIFY2(c[1].pskOffered, qPrintable(describe(c[1])));
        else
            QVERIFY2(c[1].ticketOffered && c[1].serverFlightsBeforeApp == 1, qPrintable(describe(c[1])));
    }
}

void TestTlsLab::earlyDataAndItsReplay()
{
    const std::vector<TlsLabConnection> early = runConnections(QLatin1String(TlsLabInstance::EarlySend));
    QCOMPARE(early.size(), std::size_t(2));
    QVERIFY2(early[1].resumed && early[1].earlyDataOffered && early[1].earlyDataRecords > 0 && early[1].earlyDataAccepted,
             qPrintable(describe(early[1])));
    // The replays: the same client random as an earlier connection; the outcome follows the anti-replay
    // setting the run reported (the default: main server off, contrast server on).
    for (const QLatin1String run : {QLatin1String(TlsLabInstance::ReplayMain), QLatin1String(TlsLabInstance::ReplayContrast)}) {
        const std::vector<TlsLabConnection> c = runConnections(run);
        QCOMPARE(c.size(), std::size_t(1));
        QVERIFY2(c[0].replay && c[0].earlyDataRecords > 0, qPrintable(describe(c[0])));
    }
    QVERIFY2(m_run->reports.at(QStringLiteral("early.replay")).result.passed,
             qPrintable(m_run->reports.at(QStringLiteral("early.replay")).result.evidence));
    const QString evidence = m_run->reports.at(QStringLiteral("early.replay")).result.evidence;
    QVERIFY2(evidence.contains(QStringLiteral("anti-replay off the server accepted")) &&
                 evidence.contains(QStringLiteral("anti-replay on the server rejected")),
             qPrintable(evidence));
}

void TestTlsLab::theLeakedKeyOpensRsaButNotEcdhe()
{
    QByteArray key;
    for (const LabEvent &e : m_run->session->events().all()) {
        if (e.kind == QLatin1String("tls.leak"))
            key = e.data.value(QStringLiteral("key_pem")).toByteArray();
    }
    QVERIFY(key.startsWith("-----BEGIN PRIVATE KEY-----"));
    const std::vector<TlsLabConnection> withKey = tlsLabConnections(*m_run->session, {}, key);
    const std::vector<TlsLabConnection> rsa = runConnections(QLatin1String(TlsLabInstance::KxRsa), &withKey);
    const std::vector<TlsLabConnection> ecdhe = runConnections(QLatin1String(TlsLabInstance::KxEcdhe), &withKey);
    QCOMPARE(rsa.size(), std::size_t(1));
    QCOMPARE(ecdhe.size(), std::size_t(1));
    QVERIFY2(rsa[0].cipher == QLatin1String("TLS_RSA_WITH_AES_256_GCM_SHA384") && rsa[0].encryptedRecords > 0
                 && rsa[0].decryptedRecords == rsa[0].encryptedRecords,
             qPrintable(describe(rsa[0])));
    QVERIFY2(ecdhe[0].cipher == QLatin1String("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384") && ecdhe[0].encryptedRecords > 0
                 && ecdhe[0].decryptedRecords == 0,
             qPrintable(describe(ecdhe[0])));
    // With no key at all, neither opens: the RSA session really was opened by the key.
    const std::vector<TlsLabConnection> none = tlsLabConnections(*m_run->session, {});
    const std::vector<TlsLabConnection> rsaNone = runConnections(QLatin1String(TlsLabInstance::KxRsa), &none);
    QVERIFY2(!rsaNone.empty() && rsaNone[0].decryptedRecords == 0, qPrintable(describe(rsaNone.at(0))));
}

void TestTlsLab::eachBrokenCertificateGetsItsAlert()
{
    for (const auto &[run, description] : {std::pair{QLatin1String(TlsLabInstance::CertExpired), 45},
                                           std::pair{QLatin1String(TlsLabInstance::CertWrongName), 42},
                                           std::pair{QLatin1String(TlsLabInstance::CertUnknownCa), 48},
                                           std::pair{QLatin1String(TlsLabInstance::CertNoIntermediate), 48},
                                           std::pair{QLatin1String(TlsLabInstance::CertTooLong), 48}}) {
        const std::vector<TlsLabConnection> c = runConnections(run);
        QCOMPARE(c.size(), std::size_t(1));
        QVERIFY2(!c[0].firstClientAppFrame, qPrintable(describe(c[0])));
        bool found = false;
        for (const TlsLabConnection::Alert &a : c[0].alerts) {
            if (a.fromClient) {
                QVERIFY2(a.level == 2 && a.description == description,
                         qPrintable(QStringLiteral("%1: level %2 description %3").arg(run).arg(a.level).arg(a.description)));
                found = true;
            }
        }
        QVERIFY2(found, qPrintable(run + QStringLiteral(": ") + describe(c[0])));
    }
}

void TestTlsLab::theKeyLogOpensEveryConnection()
{
    int checked = 0;
    for (const TlsLabConnection &c : m_run->connections) {
        if (c.replay)
            continue;
        QVERIFY2(c.keyLogCovers && c.decryptedRecords == c.encryptedRecords, qPrintable(describe(c)));
        ++checked;
    }
    // 1 + 1 + 2 + 2 + 2 (early) + 2 (contrast early) + 2 (kx) + 5 (certificates) + 1 (exchange)
    QCOMPARE(checked, 18);
    // Without the key log nothing after the handshake is readable.
    int opened = 0;
    for (const TlsLabConnection &c : tlsLabConnections(*m_run->session, {}))
        opened += c.decryptedRecords;
    QCOMPARE(opened, 0);
}

// The pcapng export with its Decryption Secrets Block, opened by tshark with no key options: the HTTP
// requests the lab's client sent inside TLS are readable (the servers' ports decoded as TLS).
void TestTlsLab::tsharkReadsTheExportDecrypted()
{
    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty())
        QSKIP("tshark is not installed");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tls.pcapng"));
    QString why;
    QVERIFY2(writePcapng(path, m_run->session->store(), &why, tlsLabKeyLog(m_run->session->events())), qPrintable(why));
    QStringList args{QStringLiteral("-r"), path, QStringLiteral("-Y"), QStringLiteral("http.request"), QStringLiteral("-T"),
                     QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("http.request.uri")};
    for (const LabEvent &e : m_run->session->events().all()) {
        if (e.kind == QLatin1String("server.listen"))
            args << QStringLiteral("-d") << QStringLiteral("tcp.port==%1,tls").arg(e.data.value(QStringLiteral("port")).toInt());
    }
    QProcess p;
    p.start(tshark, args);
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    // GET /hello went on the 11 connections that finished their handshake without early data (steps 1, 2,
    // 3, the first connection of each 0-RTT pair, step 5 and step 7); GET /transfer as early data.
    const int hello = int(out.count(QStringLiteral("/hello")));
    qInfo("tshark read %d GET /hello and %d GET /transfer from the export", hello, int(out.count(QStringLiteral("/transfer"))));
    QVERIFY2(hello == 11 && out.contains(QStringLiteral("/transfer")),
             qPrintable(out + QString::fromUtf8(p.readAllStandardError())));
    // Without the secrets block, nothing inside TLS is readable.
    QVERIFY(writePcapng(path, m_run->session->store(), &why));
    p.start(tshark, args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), QString());
}

// A second run with other parameters: TLS 1.2 for steps 6 and 7, an ECDSA P-256 key, ChaCha20 with P-256,
// two intermediates, anti-replay on at the main server. Every checkpoint still passes, and the capture shows
// the choices took effect.
void TestTlsLab::parametersDriveTheLab()
{
    const LabDefinition *lab = m_registry.find(QStringLiteral("tls"));
    CaptureSession session;
    LabController controller(&session);
    controller.setNetworkMode(m_run->mode);
    const QVariantMap values{{QStringLiteral("tls.version"), QStringLiteral("1.2")},
                             {QStringLiteral("cert.key_type"), QStringLiteral("p256")},
                             {QStringLiteral("tls.cipher"), QStringLiteral("ecdhe-chacha20")},
                             {QStringLiteral("tls.group"), QStringLiteral("P-256")},
                             {QStringLiteral("cert.chain_length"), 2},
                             {QStringLiteral("tls.anti_replay"), true}};
    QString why;
    QVERIFY2(controller.start(*lab, values, &why), qPrintable(why));
    QString failed;
    int checked = 0;
    runLabHeadless(controller, 30000, [&](const HeadlessReport &r) {
        ++checked;
        if (!r.result.passed)
            failed += r.checkpointId + QStringLiteral(": ") + r.result.evidence + QLatin1Char('\n');
    });
    controller.stop();
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QCOMPARE(checked, 16);
    const std::vector<TlsLabConnection> all = tlsLabConnections(session, tlsLabKeyLog(session.events()));
    std::int64_t from = -1;
    for (const LabEvent &e : session.events().all()) {
        if (e.kind == QLatin1String("tls.run") && e.data.value(QStringLiteral("run")).toString() == QLatin1String(TlsLabInstance::Exchange))
            from = e.data.value(QStringLiteral("from_ns")).toLongLong();
    }
    const TlsLabConnection *exchange = nullptr;
    for (const TlsLabConnection &c : all) {
        if (from >= 0 && c.clientHelloNs >= from)
            exchange = &c;
        // TLS 1.2 broken certificates: the alert is a plaintext record
        for (const TlsLabConnection::Alert &a : c.alerts)
            QVERIFY(!(a.fromClient && a.level == 2 && a.decrypted));
    }
    QVERIFY(exchange);
    QCOMPARE(exchange->version, QStringLiteral("TLS 1.2"));
    QCOMPARE(exchange->cipher, QStringLiteral("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"));
    QCOMPARE(exchange->certificateCount, 3); // cert.chain_length 2: the leaf and two intermediates
    QVERIFY2(exchange->decryptedRecords == exchange->encryptedRecords && exchange->encryptedRecords > 0, qPrintable(describe(*exchange)));
}

// Start, one connection, stop, five times: the seven servers' threads and sockets, the client's and the
// CA's files are all gone afterwards (the first cycle warms up what OpenSSL and Qt keep for the process).
void TestTlsLab::startAndStopLeaveNothingBehind()
{
    const LabDefinition *lab = m_registry.find(QStringLiteral("tls"));
    CaptureSession session;
    int threadsBefore = 0, fdsBefore = 0;
    for (int cycle = 0; cycle < 6; ++cycle) {
        if (cycle == 1) {
            threadsBefore = wirelab::test::threadCount();
            fdsBefore = wirelab::test::openFdCount();
        }
        LabController controller(&session);
        controller.setNetworkMode(m_run->mode);
        QString why;
        QVERIFY2(controller.start(*lab, {}, &why), qPrintable(why));
        QSignalSpy finished(&controller, &LabController::actionFinished);
        controller.runAction(QLatin1String(TlsLabInstance::Full13));
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
        controller.stop();
    }
    QTRY_COMPARE_WITH_TIMEOUT(wirelab::test::threadCount(), threadsBefore, 3000);
    QCOMPARE(wirelab::test::openFdCount(), fdsBefore);
}

QTEST_GUILESS_MAIN(TestTlsLab)
#include "tst_tlslab.moc"
