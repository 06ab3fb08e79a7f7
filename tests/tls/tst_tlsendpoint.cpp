// SPDX-License-Identifier: GPL-3.0-or-later
// The TLS lab's OpenSSL server and client on 127.0.0.1: TLS 1.2 and 1.3 handshakes with the messages in
// order and the key log lines, resumption, 0-RTT and its replay with and without anti-replay, RSA key
// transport, and each broken certificate giving its verify error and alert.
#include "lab/labhost.h"
#include "store/eventlog.h"
#include "tls/tlsca.h"
#include "tls/tlsendpoint.h"

#include <QTemporaryDir>
#include <QCryptographicHash>
#include <QTest>

#include <openssl/x509_vfy.h>

using namespace wirelab;

namespace {

struct Running
{
    LabHost host{QStringLiteral("server")};
    TlsServer server;
    explicit Running(const LabContext &ctx) : server(ctx) {}
    bool start(const TlsServerOptions &options, QString *error)
    {
        if (!server.configure(options, error) || !server.listen(QHostAddress::LocalHost, 0, error))
            return false;
        host.start();
        return server.start(host);
    }
    ~Running()
    {
        server.stop();
        host.stop();
    }
};

std::vector<LabEvent> eventsOf(const EventLog &log, const QString &host, const QString &kind)
{
    std::vector<LabEvent> out;
    for (const LabEvent &e : log.since(0)) {
        if (e.host == host && e.kind == kind)
            out.push_back(e);
    }
    return out;
}

// "sent:1 received:2 ..." for the handshake messages one host saw, in order.
QStringList handshakeLadder(const EventLog &log, const QString &host, std::uint16_t clientPort)
{
    QStringList out;
    for (const LabEvent &e : eventsOf(log, host, QStringLiteral("tls.message"))) {
        const int port = host == QLatin1String("client") ? e.data.value(QStringLiteral("localPort")).toInt()
                                                         : e.data.value(QStringLiteral("peerPort")).toInt();
        if (port != clientPort)
            continue;
        const int ct = e.data.value(QStringLiteral("contentType")).toInt();
        const QString dir = e.data.value(QStringLiteral("dir")).toString();
        if (ct == 22)
            out << dir + QLatin1Char(':') + e.data.value(QStringLiteral("handshakeType")).toString();
        else if (ct == 20)
            out << dir + QStringLiteral(":CCS");
    }
    return out;
}

QStringList keylogLabels(const EventLog &log, const QString &host)
{
    QStringList out;
    for (const LabEvent &e : eventsOf(log, host, QStringLiteral("tls.keylog")))
        out << e.data.value(QStringLiteral("line")).toString().section(QLatin1Char(' '), 0, 0);
    return out;
}

} // namespace

class TestTlsEndpoint final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<TlsCa> m_ca;
    TlsServerIdentity m_identity; // RSA 2048, one intermediate

    TlsServerOptions serverOptions() const
    {
        TlsServerOptions o;
        o.identity = m_identity;
        return o;
    }
    TlsClientOptions clientOptions() const
    {
        TlsClientOptions o;
        o.trustedRootsPem = m_ca->rootPem();
        o.timeoutMs = 10000;
        return o;
    }
    static LabContext contextWith(EventLog *log)
    {
        LabContext ctx;
        ctx.events = log;
        return ctx;
    }
    // The server's record of the connection from clientPort (waits for it: the server closes after the client).
    static TlsServerConnection serverRecord(const TlsServer &server, std::uint16_t clientPort)
    {
        for (int i = 0; i < 200; ++i) {
            for (const TlsServerConnection &c : server.connections()) {
                if (c.peerPort == clientPort)
                    return c;
            }
            QTest::qWait(20);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ca = std::make_unique<TlsCa>(m_dir.path());
        QString error;
        QVERIFY2(m_ca->open(&error), qPrintable(error));
        TlsCertSpec spec;
        spec.intermediates = 1;
        QVERIFY2(m_ca->issue(spec, &m_identity, &error), qPrintable(error));
    }

    void tls13FullHandshake()
    {
        EventLog log;
        const LabContext ctx = contextWith(&log);
        Running s(ctx);
        QString error;
        QVERIFY2(s.start(serverOptions(), &error), qPrintable(error));
        TlsClientOptions o = clientOptions();
        o.minVersion = TlsVersion::Tls13;
        const TlsClientResult r = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.version, QStringLiteral("TLSv1.3"));
        QCOMPARE(r.group, QStringLiteral("x25519"));
        QCOMPARE(r.verifyResult, long(X509_V_OK));
        QVERIFY(!r.resumed);
        QCOMPARE(int(r.peerChainDer.size()), 2); // leaf + the intermediate
        QCOMPARE(r.sent, clientOptions().request);
        QVERIFY2(r.received.startsWith("HTTP/1.1 200 OK\r\n"), r.received.constData());
        QVERIFY(r.received.contains("TLSv1.3"));
        QVERIFY(r.session); // a NewSessionTicket arrived
        QVERIFY(r.handshakeDoneNs == 0 || r.handshakeDoneNs >= r.connectStartNs);

        const TlsServerConnection sc = serverRecord(s.server, r.localPort);
        QVERIFY(sc.handshakeOk);
        QCOMPARE(sc.received, r.sent);   // the plaintext really crossed
        QCOMPARE(sc.sent, r.received);
        QCOMPARE(sc.sni, QStringLiteral("server.lab"));
        QCOMPARE(sc.cipher, r.cipher);

        // ClientHello; ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished; Finished;
        // then the two tickets. The middlebox-compatibility ChangeCipherSpec records (RFC 8446 D.4) are left
        // out of the comparison.
        QStringList ladder = handshakeLadder(log, QStringLiteral("client"), r.localPort);
        ladder.removeAll(QStringLiteral("sent:CCS"));
        ladder.removeAll(QStringLiteral("received:CCS"));
        const QStringList expected = {"sent:1", "received:2", "received:8", "received:11", "received:15",
                                      "received:20", "sent:20", "received:4", "received:4"};
        QCOMPARE(ladder, expected);
        QStringList serverLadder = handshakeLadder(log, QStringLiteral("server"), r.localPort);
        serverLadder.removeAll(QStringLiteral("sent:CCS"));
        serverLadder.removeAll(QStringLiteral("received:CCS"));
        QCOMPARE(serverLadder, QStringList({"received:1", "sent:2", "sent:8", "sent:11", "sent:15", "sent:20",
                                            "received:20", "sent:4", "sent:4"}));
        for (const LabEvent &e : eventsOf(log, QStringLiteral("client"), QStringLiteral("tls.message"))) {
            if (e.data.value(QStringLiteral("contentType")).toInt() == 22
                && e.data.value(QStringLiteral("handshakeType")).toInt() == 2)
                QCOMPARE(e.data.value(QStringLiteral("version")).toInt(), 0x0304);
        }

        for (const QString &host : {QStringLiteral("client"), QStringLiteral("server")}) {
            const QStringList labels = keylogLabels(log, host);
            for (const char *label : {"CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                                      "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"})
                QVERIFY2(labels.contains(QLatin1String(label)), qPrintable(host + QLatin1Char(' ') + labels.join(',')));
            QVERIFY(!labels.contains(QStringLiteral("CLIENT_RANDOM")));
        }
        // A key log line is "<label> <client random, 64 hex> <secret hex>".
        const LabEvent first = eventsOf(log, QStringLiteral("client"), QStringLiteral("tls.keylog")).front();
        const QStringList parts = first.data.value(QStringLiteral("line")).toString().split(QLatin1Char(' '));
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(1).size(), 64);
        // Secrets are as long as the suite's hash: 48 bytes for TLS_AES_256_GCM_SHA384 (OpenSSL's first choice).
        QCOMPARE(parts.at(2).size(), r.cipher.endsWith(QLatin1String("SHA384")) ? 96 : 64);
    }

    void tls12FullHandshake_data()
    {
        QTest::addColumn<QString>("cipher");
        QTest::addColumn<bool>("keyExchangeMessage"); // ServerKeyExchange present (ECDHE) or not (RSA)
        QTest::newRow("ECDHE-RSA-AES128-GCM-SHA256") << "ECDHE-RSA-AES128-GCM-SHA256" << true;
        QTest::newRow("ECDHE-RSA-CHACHA20-POLY1305") << "ECDHE-RSA-CHACHA20-POLY1305" << true;
        QTest::newRow("RSA key transport AES256-GCM-SHA384") << "AES256-GCM-SHA384" << false;
    }
    void tls12FullHandshake()
    {
        QFETCH(QString, cipher);
        QFETCH(bool, keyExchangeMessage);
        EventLog log;
        const LabContext ctx = contextWith(&log);
        Running s(ctx);
        QString error;
        TlsServerOptions so = serverOptions();
        so.cipherList = cipher;
        QVERIFY2(s.start(so, &error), qPrintable(error));
        TlsClientOptions o = clientOptions();
        o.maxVersion = TlsVersion::Tls12;
        const TlsClientResult r = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.version, QStringLiteral("TLSv1.2"));
        QCOMPARE(r.cipher, cipher);
        QCOMPARE(r.group.isEmpty(), !keyExchangeMessage); // RSA key transport has no group
        QStringList expected = {"sent:1", "received:2", "received:11"};
        if (keyExchangeMessage)
            expected << "received:12";
        expected << "received:14" << "sent:16" << "sent:CCS" << "sent:20" << "received:4" << "received:CCS"
                 << "received:20";
        QCOMPARE(handshakeLadder(log, QStringLiteral("client"), r.localPort).join(' '), expected.join(' '));
        // With RSA key transport the client also logs "RSA <first 8 bytes of the encrypted premaster secret>
        // <premaster secret>" (NSS key log format); the server only the master secret.
        QCOMPARE(keylogLabels(log, QStringLiteral("client")),
                 keyExchangeMessage ? QStringList({"CLIENT_RANDOM"}) : QStringList({"RSA", "CLIENT_RANDOM"}));
        QCOMPARE(keylogLabels(log, QStringLiteral("server")), QStringList({"CLIENT_RANDOM"}));
        const TlsServerConnection sc = serverRecord(s.server, r.localPort);
        QCOMPARE(sc.received, r.sent);
        QCOMPARE(sc.sent, r.received);
    }

    void tls13CipherAndGroupChoices()
    {
        const LabContext ctx;
        Running s(ctx);
        QString error;
        TlsServerOptions so = serverOptions();
        so.alpn = {QStringLiteral("h2"), QStringLiteral("http/1.1")};
        QVERIFY2(s.start(so, &error), qPrintable(error));
        TlsClientOptions o = clientOptions();
        o.cipherSuites = QStringLiteral("TLS_CHACHA20_POLY1305_SHA256");
        o.groups = QStringLiteral("P-256");
        o.alpn = {QStringLiteral("http/1.1")};
        o.request = "hello, echo\n";
        const TlsClientResult r = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.cipher, QStringLiteral("TLS_CHACHA20_POLY1305_SHA256"));
        QCOMPARE(r.group, QStringLiteral("secp256r1"));
        QCOMPARE(r.alpn, QStringLiteral("http/1.1"));
        QCOMPARE(r.received, QByteArray("hello, echo\n")); // not HTTP: echoed
    }

    void keyTypes_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("version");
        for (TlsKeyType t : {TlsKeyType::P256, TlsKeyType::Ed25519, TlsKeyType::Rsa2048}) {
            QTest::addRow("%s TLS 1.2", qPrintable(tlsKeyTypeId(t))) << int(t) << int(TlsVersion::Tls12);
            QTest::addRow("%s TLS 1.3", qPrintable(tlsKeyTypeId(t))) << int(t) << int(TlsVersion::Tls13);
        }
    }
    void keyTypes()
    {
        QFETCH(int, type);
        QFETCH(int, version);
        TlsCertSpec spec;
        spec.keyType = TlsKeyType(type);
        TlsServerOptions so;
        QString error;
        QVERIFY2(m_ca->issue(spec, &so.identity, &error), qPrintable(error));
        const LabContext ctx;
        Running s(ctx);
        QVERIFY2(s.start(so, &error), qPrintable(error));
        TlsClientOptions o = clientOptions();
        o.minVersion = o.maxVersion = TlsVersion(version);
        const TlsClientResult r = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.verifyResult, long(X509_V_OK));
        QCOMPARE(r.peerChainDer.front(), so.identity.leafDer());
    }

    void resumption_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("tickets");
        QTest::newRow("TLS 1.2 session ticket") << int(TlsVersion::Tls12) << true;
        QTest::newRow("TLS 1.2 session id") << int(TlsVersion::Tls12) << false;
        QTest::newRow("TLS 1.3 PSK") << int(TlsVersion::Tls13) << true;
    }
    void resumption()
    {
        QFETCH(int, version);
        QFETCH(bool, tickets);
        EventLog log;
        const LabContext ctx = contextWith(&log);
        Running s(ctx);
        QString error;
        TlsServerOptions so = serverOptions();
        so.sessionTickets = tickets;
        QVERIFY2(s.start(so, &error), qPrintable(error));
        TlsClientOptions o = clientOptions();
        o.minVersion = o.maxVersion = TlsVersion(version);
        const TlsClientResult first = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(first.ok, qPrintable(first.error));
        QVERIFY(!first.resumed);
        QVERIFY(first.session);
        o.session = first.session;
        const TlsClientResult second = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(second.ok, qPrintable(second.error));
        QVERIFY(second.sessionOffered);
        QVERIFY(second.resumed);
        QVERIFY(serverRecord(s.server, second.localPort).resumed);
        // A resumed handshake has no Certificate message.
        QVERIFY(!handshakeLadder(log, QStringLiteral("client"), second.localPort).contains(QStringLiteral("received:11")));
        QVERIFY(handshakeLadder(log, QStringLiteral("client"), first.localPort).contains(QStringLiteral("received:11")));
    }

    void earlyDataAndReplay_data()
    {
        QTest::addColumn<bool>("antiReplay");
        QTest::newRow("anti-replay on (OpenSSL default)") << true;
        QTest::newRow("anti-replay off (SSL_OP_NO_ANTI_REPLAY)") << false;
    }
    void earlyDataAndReplay()
    {
        QFETCH(bool, antiReplay);
        EventLog log;
        const LabContext ctx = contextWith(&log);
        Running s(ctx);
        QString error;
        TlsServerOptions so = serverOptions();
        so.maxEarlyData = 16384;
        so.antiReplay = antiReplay;
        QVERIFY2(s.start(so, &error), qPrintable(error));
        TlsClientOptions o = clientOptions();
        o.minVersion = TlsVersion::Tls13;
        const TlsClientResult first = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.earlyData, QStringLiteral("none"));
        QVERIFY(first.session);
        QVERIFY(SSL_SESSION_get_max_early_data(first.session.get()) == 16384);

        const QByteArray early = "GET /early HTTP/1.1\r\nHost: server.lab\r\n\r\n";
        o.session = first.session;
        o.earlyData = early;
        o.request.clear();
        o.recordFirstFlight = true;
        const TlsClientResult zeroRtt = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(zeroRtt.ok, qPrintable(zeroRtt.error));
        QVERIFY(zeroRtt.resumed);
        QVERIFY(zeroRtt.earlyDataSent);
        QCOMPARE(zeroRtt.earlyData, QStringLiteral("accepted"));
        QCOMPARE(zeroRtt.sent, early);
        QVERIFY2(zeroRtt.received.contains("You asked: GET /early HTTP/1.1"), zeroRtt.received.constData());
        const TlsServerConnection sc = serverRecord(s.server, zeroRtt.localPort);
        QCOMPARE(sc.earlyData, QStringLiteral("accepted"));
        QCOMPARE(sc.earlyDataReceived, early);
        QVERIFY(keylogLabels(log, QStringLiteral("client")).contains(QStringLiteral("CLIENT_EARLY_TRAFFIC_SECRET")));
        // The recorded first flight: a handshake record (ClientHello) followed by application_data records.
        QVERIFY(zeroRtt.firstFlight.size() > 200);
        QCOMPARE(quint8(zeroRtt.firstFlight.at(0)), quint8(0x16));
        QCOMPARE(quint8(zeroRtt.firstFlight.at(5)), quint8(0x01));
        QVERIFY(zeroRtt.firstFlight.contains(QByteArray("\x17\x03\x03", 3)));

        // Replay the same bytes over a new connection. Each replayed connection is the only one the server
        // has not seen from a client port of ours.
        const std::size_t before = s.server.connections().size();
        const TlsReplayResult replay = TlsClient::replayFirstFlight(ctx, QStringLiteral("attacker"), QHostAddress::LocalHost,
                                                                    s.server.port(), zeroRtt.firstFlight, 500);
        QVERIFY2(replay.ok, qPrintable(replay.error));
        QCOMPARE(replay.bytesSent, qint64(zeroRtt.firstFlight.size()));
        QVERIFY(replay.bytesReceived > 0); // the server answered with its own flight
        std::vector<TlsServerConnection> all;
        for (int i = 0; i < 200 && all.size() <= before; ++i) {
            QTest::qWait(20);
            all = s.server.connections();
        }
        QCOMPARE(all.size(), before + 1);
        const TlsServerConnection replayed = all.back();
        QVERIFY(!replayed.handshakeOk); // the replayer has no keys to finish
        if (antiReplay) {
            QCOMPARE(replayed.earlyData, QStringLiteral("rejected"));
            QVERIFY(replayed.earlyDataReceived.isEmpty());
        } else {
            QCOMPARE(replayed.earlyData, QStringLiteral("accepted"));
            QCOMPARE(replayed.earlyDataReceived, early); // the server acted on the request a second time
        }
    }

    void earlyDataRejectedIsResent()
    {
        // The ticket was issued by a server with 0-RTT; the next server run (same identity, new context,
        // new ticket keys) cannot decrypt the ticket: full handshake, early data rejected, sent again after.
        const LabContext ctx;
        QString error;
        TlsServerOptions so = serverOptions();
        so.maxEarlyData = 16384;
        SslSessionPtr session;
        {
            Running s(ctx);
            QVERIFY2(s.start(so, &error), qPrintable(error));
            TlsClientOptions o = clientOptions();
            const TlsClientResult first = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
            QVERIFY2(first.ok, qPrintable(first.error));
            session = first.session;
        }
        Running s(ctx);
        QVERIFY2(s.start(so, &error), qPrintable(error));
        TlsClientOptions o = clientOptions();
        o.session = session;
        o.earlyData = "early echo\n";
        o.request = "late echo\n";
        const TlsClientResult r = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!r.resumed);
        QCOMPARE(r.earlyData, QStringLiteral("rejected"));
        QCOMPARE(r.received, QByteArray("early echo\nlate echo\n"));
        QCOMPARE(serverRecord(s.server, r.localPort).earlyData, QStringLiteral("rejected"));
    }

    void brokenCertificates_data()
    {
        QTest::addColumn<QString>("breakage");
        QTest::addColumn<int>("verifyDepth");
        QTest::addColumn<long>("verifyResult");
        QTest::addColumn<QString>("alert");
        QTest::addColumn<QString>("sentenceHas");
        QTest::newRow("expired") << "expired" << -1 << long(X509_V_ERR_CERT_HAS_EXPIRED) << "certificate expired" << "expired";
        QTest::newRow("not yet valid") << "notyet" << -1 << long(X509_V_ERR_CERT_NOT_YET_VALID) << "bad certificate" << "not valid yet";
        QTest::newRow("wrong name") << "wrongname" << -1 << long(X509_V_ERR_HOSTNAME_MISMATCH) << "bad certificate" << "other names";
        QTest::newRow("unknown CA") << "unknownca" << -1 << long(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY) << "unknown CA" << "Untrusted Root";
        QTest::newRow("missing intermediate") << "missing" << -1 << long(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY) << "unknown CA" << "Intermediate CA 2";
        QTest::newRow("chain too long") << "long" << 1 << long(X509_V_ERR_CERT_CHAIN_TOO_LONG) << "unknown CA" << "verify depth";
        QTest::newRow("three intermediates, depth 3: fine") << "long" << 3 << long(X509_V_OK) << "" << "checked out";
    }
    void brokenCertificates()
    {
        QFETCH(QString, breakage);
        QFETCH(int, verifyDepth);
        QFETCH(long, verifyResult);
        QFETCH(QString, alert);
        QFETCH(QString, sentenceHas);
        TlsCertSpec spec;
        spec.keyType = TlsKeyType::P256;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (breakage == QLatin1String("expired")) {
            spec.notBefore = now.addDays(-100);
            spec.notAfter = now.addDays(-10);
        } else if (breakage == QLatin1String("notyet")) {
            spec.notBefore = now.addDays(10);
            spec.notAfter = now.addDays(100);
        } else if (breakage == QLatin1String("wrongname")) {
            spec.dnsNames = {QStringLiteral("other.lab")};
            spec.ipAddresses = {};
        } else if (breakage == QLatin1String("unknownca")) {
            spec.untrustedRoot = true;
        } else if (breakage == QLatin1String("missing")) {
            spec.intermediates = 2;
            spec.omitIntermediates = true;
        } else if (breakage == QLatin1String("long")) {
            spec.intermediates = 3;
        }
        TlsServerOptions so;
        QString error;
        QVERIFY2(m_ca->issue(spec, &so.identity, &error), qPrintable(error));
        EventLog log;
        const LabContext ctx = contextWith(&log);
        Running s(ctx);
        QVERIFY2(s.start(so, &error), qPrintable(error));
        TlsClientOptions o = clientOptions();
        o.verifyDepth = verifyDepth;
        const TlsClientResult r = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QCOMPARE(r.verifyResult, verifyResult);
        QVERIFY2(r.verifyExplanation.contains(sentenceHas), qPrintable(r.verifyExplanation));
        if (verifyResult == X509_V_OK) {
            QVERIFY2(r.ok, qPrintable(r.error));
            QVERIFY(r.alertSent.isEmpty());
            return;
        }
        QVERIFY(!r.ok);
        QVERIFY(!r.handshakeOk);
        QCOMPARE(r.error, r.verifyExplanation);
        QCOMPARE(r.alertSent, alert);
        const TlsServerConnection sc = serverRecord(s.server, r.localPort);
        QVERIFY(!sc.handshakeOk);
        QCOMPARE(sc.alertReceived, alert);
        const std::vector<LabEvent> alerts = eventsOf(log, QStringLiteral("client"), QStringLiteral("tls.alert"));
        QCOMPARE(int(alerts.size()), 1);
        QCOMPARE(alerts.front().data.value(QStringLiteral("dir")).toString(), QStringLiteral("sent"));
        QCOMPARE(alerts.front().data.value(QStringLiteral("level")).toInt(), 2);
        QCOMPARE(alerts.front().data.value(QStringLiteral("text")).toString(), alert);
    }

    void verificationOffStillReportsTheResult()
    {
        TlsCertSpec spec;
        spec.keyType = TlsKeyType::P256;
        spec.untrustedRoot = true;
        TlsServerOptions so;
        QString error;
        QVERIFY2(m_ca->issue(spec, &so.identity, &error), qPrintable(error));
        const LabContext ctx;
        Running s(ctx);
        QVERIFY2(s.start(so, &error), qPrintable(error));
        TlsClientOptions o = clientOptions();
        o.verifyPeer = false;
        const TlsClientResult r = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.verifyResult, long(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY));
    }

    void versionMismatchGivesAnAlert()
    {
        EventLog log;
        const LabContext ctx = contextWith(&log);
        Running s(ctx);
        QString error;
        TlsServerOptions so = serverOptions();
        so.minVersion = TlsVersion::Tls13;
        QVERIFY2(s.start(so, &error), qPrintable(error));
        TlsClientOptions o = clientOptions();
        o.maxVersion = TlsVersion::Tls12;
        const TlsClientResult r = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY(!r.ok);
        QCOMPARE(r.alertReceived, QStringLiteral("protocol version"));
        QVERIFY2(r.error.contains(QStringLiteral("protocol version")), qPrintable(r.error));
    }

    void deterministicMode_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("TLS 1.2") << int(TlsVersion::Tls12);
        QTest::newRow("TLS 1.3") << int(TlsVersion::Tls13);
    }
    void deterministicMode()
    {
        // Two "machines": a fresh server each (its connection counter from 0), the client's connections 0
        // and 1 against each. Connection N is the same on both; connections 0 and 1 differ.
        QFETCH(int, version);
        EventLog log;
        const LabContext ctx = contextWith(&log);
        auto keylog = [&](std::uint16_t port) {
            QStringList lines;
            for (const LabEvent &e : eventsOf(log, QStringLiteral("client"), QStringLiteral("tls.keylog"))) {
                if (e.data.value(QStringLiteral("localPort")).toInt() == port)
                    lines << e.data.value(QStringLiteral("line")).toString();
            }
            return lines;
        };
        TlsClientOptions o = clientOptions();
        o.minVersion = o.maxVersion = TlsVersion(version);
        o.recordFirstFlight = true;
        o.deterministic = true;
        std::vector<TlsClientResult> machine[2];
        for (auto &runs : machine) {
            Running s(ctx);
            QString error;
            TlsServerOptions so = serverOptions();
            so.deterministic = true;
            QVERIFY2(s.start(so, &error), qPrintable(error));
            for (std::uint64_t n = 0; n < 2; ++n) {
                o.deterministicConnection = n;
                runs.push_back(TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o));
                QVERIFY2(runs.back().ok, qPrintable(runs.back().error));
            }
        }
        for (int n = 0; n < 2; ++n) {
            const TlsClientResult &a = machine[0][n], &b = machine[1][n];
            QVERIFY(!a.firstFlight.isEmpty());
            QCOMPARE(a.firstFlight, b.firstFlight);           // the same ClientHello, random and key share included
            QVERIFY(!keylog(a.localPort).isEmpty());
            QCOMPARE(keylog(a.localPort), keylog(b.localPort)); // both sides repeated: the same secrets
            QCOMPARE(a.received, b.received);
        }
        // Within one run the two connections differ (another client random: the key log tells them apart).
        QVERIFY(machine[0][0].firstFlight.mid(11, 32) != machine[0][1].firstFlight.mid(11, 32));
        QVERIFY(keylog(machine[0][0].localPort) != keylog(machine[0][1].localPort));
        // Without it, two ClientHellos differ (at least in the random).
        Running s(ctx);
        QString error;
        QVERIFY2(s.start(serverOptions(), &error), qPrintable(error));
        o.deterministic = false;
        o.deterministicConnection = 0;
        const TlsClientResult c = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), o);
        QVERIFY2(c.ok, qPrintable(c.error));
        QVERIFY(c.firstFlight != machine[0][0].firstFlight);
        QVERIFY(keylog(c.localPort) != keylog(machine[0][0].localPort));
    }

    void deterministicStreams()
    {
        // SHA-256 counter mode: fixed for a (label, index), unrelated otherwise, any length a prefix.
        const QByteArray a = TlsDeterministicRand::stream("client", 0, 100);
        QCOMPARE(a.size(), 100);
        QCOMPARE(TlsDeterministicRand::stream("client", 0, 100), a);
        QCOMPARE(TlsDeterministicRand::stream("client", 0, 64), a.left(64));
        QVERIFY(TlsDeterministicRand::stream("client", 1, 100) != a);
        QVERIFY(TlsDeterministicRand::stream("server", 0, 100) != a);
        // Block 0 is SHA-256(seed | label | 0x00 | index | counter), checked against QCryptographicHash.
        QByteArray in = QByteArrayLiteral("Wirelab TLS lab deterministic mode, seed 1") + "client" + '\0'
                        + QByteArray(7, '\0') + '\x01' + QByteArray(8, '\0');
        QCOMPARE(TlsDeterministicRand::stream("client", 1, 32), QCryptographicHash::hash(in, QCryptographicHash::Sha256));
    }

    void garbageIsRefusedAndTheServerGoesOn()
    {
        EventLog log;
        const LabContext ctx = contextWith(&log);
        Running s(ctx);
        QString error;
        QVERIFY2(s.start(serverOptions(), &error), qPrintable(error));
        // Not TLS; a record header announcing 65535 bytes; a ClientHello cut short and padded with 0xff.
        const QByteArray hostile[] = {QByteArray("GET / HTTP/1.1\r\n\r\n"), QByteArray("\x16\x03\x01\xff\xff", 5),
                                      QByteArray("\x16\x03\x01\x00\x30\x01\x00\x00\x2c", 9) + QByteArray(0x30, '\xff')};
        for (const QByteArray &bytes : hostile) {
            const TlsReplayResult r = TlsClient::replayFirstFlight(ctx, QStringLiteral("attacker"), QHostAddress::LocalHost,
                                                                   s.server.port(), bytes, 300);
            QVERIFY2(r.ok, qPrintable(r.error));
        }
        QTRY_COMPARE(int(s.server.connections().size()), 3);
        for (const TlsServerConnection &c : s.server.connections()) {
            QVERIFY(!c.handshakeOk);
            QVERIFY(!c.error.isEmpty());
        }
        const TlsClientResult r = TlsClient::run(ctx, QStringLiteral("client"), QHostAddress::LocalHost, s.server.port(), clientOptions());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(s.server.stats().handshakesFailed, std::uint64_t(3));
    }

    void badOptionsAreRefused()
    {
        const LabContext ctx;
        TlsServer server(ctx);
        QString error;
        TlsServerOptions so;
        QVERIFY(!server.configure(so, &error)); // no identity
        QVERIFY(!error.isEmpty());
        so = serverOptions();
        so.cipherList = QStringLiteral("NO-SUCH-CIPHER");
        QVERIFY(!server.configure(so, &error));
        QVERIFY(error.contains(QStringLiteral("NO-SUCH-CIPHER")));
        so = serverOptions();
        so.minVersion = TlsVersion::Tls13;
        so.maxVersion = TlsVersion::Tls12;
        QVERIFY(!server.configure(so, &error));
        const TlsReplayResult none = TlsClient::replayFirstFlight(ctx, QStringLiteral("x"), QHostAddress::LocalHost, 1, {});
        QVERIFY(!none.ok);
    }
};

QTEST_GUILESS_MAIN(TestTlsEndpoint)
#include "tst_tlsendpoint.moc"
