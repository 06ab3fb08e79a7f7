// SPDX-License-Identifier: GPL-3.0-or-later
// The TLS dissector (core/dissect/tls.h) against real handshakes: OpenSSL client and server talk over memory
// BIOs in this process, the bytes they exchange are wrapped into TCP/IP frames, and the key log comes from
// SSL_CTX_set_keylog_callback. Checked: the plaintext we decrypt is what the endpoints really sent (TLS 1.2
// ECDHE and RSA key transport, TLS 1.3 with each of its three AEAD suites, resumption with 0-RTT early data);
// the RSA session decrypts with the server's private key alone and the ECDHE one does not; wrong keys fail
// cleanly; every split point of a handshake flight across segments gives the same messages; the Finished
// verify_data recomputed from the key schedule matches the captured one; a pcapng with a Decryption Secrets
// Block is decrypted by tshark and agrees with us frame by frame; hostile records give malformed marks.

#include "../app/framebuilder.h"
#include "capture/capturefile.h"
#include "capturesession.h"
#include "dissect/tls.h"
#include "store/eventlog.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <random>

using namespace wirelab;
using namespace wirelab::testing;

namespace {

QByteArray *gKeyLog = nullptr;
void keylogCallback(const SSL *, const char *line)
{
    if (gKeyLog)
        *gKeyLog += QByteArray(line) + '\n';
}

struct Identity
{
    EVP_PKEY *key = nullptr;
    X509 *cert = nullptr;
    QByteArray keyPem;
    ~Identity()
    {
        X509_free(cert);
        EVP_PKEY_free(key);
    }
};

std::unique_ptr<Identity> makeIdentity()
{
    auto id = std::make_unique<Identity>();
    id->key = EVP_RSA_gen(2048);
    id->cert = X509_new();
    X509_set_version(id->cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(id->cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(id->cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(id->cert), 86400);
    X509_set_pubkey(id->cert, id->key);
    X509_NAME *name = X509_get_subject_name(id->cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("lab.example"), -1, -1, 0);
    X509_set_issuer_name(id->cert, name);
    X509_sign(id->cert, id->key, EVP_sha256());
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, id->key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    id->keyPem = QByteArray(data, int(len));
    BIO_free(bio);
    return id;
}

struct Segment
{
    int dir; // 0 client -> server
    QByteArray bytes;
};

struct Config
{
    int maxVersion = TLS1_3_VERSION;
    const char *cipherList = nullptr;    // TLS 1.2
    const char *cipherSuites = nullptr;  // TLS 1.3
    SSL_SESSION *session = nullptr;      // resume
    QByteArray early;                    // 0-RTT data (with session)
    bool keyUpdate = false;              // TLS 1.3: after the exchange, a KeyUpdate each way and one more message
    const char *serverGroups = nullptr;  // e.g. "P-256" against the client's default x25519 key share: HelloRetryRequest
    bool verifyPeer = false;             // the client verifies the self-signed certificate (and rejects it: unknown CA)
};

struct Run
{
    std::vector<Segment> segments;
    QByteArray keyLog;
    QByteArray request, response, early;
    SSL_SESSION *session = nullptr; // for resumption, owned by the caller
    bool earlyAccepted = false;
};

const QByteArray kRequest = "GET /secret HTTP/1.1\r\nHost: lab.example\r\n\r\n";
const QByteArray kResponse = "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n\r\nhello, world";

struct Endpoint
{
    SSL *ssl = nullptr;
    BIO *in = nullptr, *out = nullptr;
};

// Moves whatever `from` wrote to `to`, recording it as one segment.
void pump(Endpoint &from, Endpoint &to, int dir, Run &run)
{
    char buf[65536];
    QByteArray all;
    int n;
    while ((n = BIO_read(from.out, buf, sizeof buf)) > 0)
        all.append(buf, n);
    if (!all.isEmpty()) {
        run.segments.push_back({dir, all});
        BIO_write(to.in, all.constData(), int(all.size()));
    }
}

Run converse(const Identity &id, const Config &cfg)
{
    Run run;
    gKeyLog = &run.keyLog;
    SSL_CTX *cctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX *sctx = SSL_CTX_new(TLS_server_method());
    for (SSL_CTX *c : {cctx, sctx}) {
        SSL_CTX_set_max_proto_version(c, cfg.maxVersion);
        if (cfg.cipherList)
            SSL_CTX_set_cipher_list(c, cfg.cipherList);
        if (cfg.cipherSuites)
            SSL_CTX_set_ciphersuites(c, cfg.cipherSuites);
    }
    SSL_CTX_set_keylog_callback(cctx, keylogCallback);
    if (cfg.serverGroups)
        SSL_CTX_set1_groups_list(sctx, cfg.serverGroups);
    // No client-side cache: freeing a context marks the sessions in its cache not resumable.
    SSL_CTX_use_certificate(sctx, id.cert);
    SSL_CTX_use_PrivateKey(sctx, id.key);
    SSL_CTX_set_max_early_data(sctx, 16384);
    SSL_CTX_set_recv_max_early_data(sctx, 16384);
    static SSL_CTX *serverCtx = nullptr; // one server context across a resumption pair (ticket keys)
    if (cfg.session && serverCtx) {
        SSL_CTX_free(sctx);
        sctx = serverCtx;
        SSL_CTX_up_ref(sctx);
    } else {
        if (serverCtx)
            SSL_CTX_free(serverCtx);
        serverCtx = sctx;
        SSL_CTX_up_ref(sctx);
    }
    Endpoint c, s;
    c.ssl = SSL_new(cctx);
    s.ssl = SSL_new(sctx);
    for (Endpoint *e : {&c, &s}) {
        e->in = BIO_new(BIO_s_mem());
        e->out = BIO_new(BIO_s_mem());
        BIO_set_mem_eof_return(e->in, -1); // empty means "retry later", not end of file
        SSL_set_bio(e->ssl, e->in, e->out);
    }
    SSL_set_connect_state(c.ssl);
    SSL_set_accept_state(s.ssl);
    SSL_set_tlsext_host_name(c.ssl, "lab.example");
    static const unsigned char alpn[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    SSL_set_alpn_protos(c.ssl, alpn, sizeof alpn);
    SSL_CTX_set_alpn_select_cb(sctx, [](SSL *, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
                                        unsigned int inlen, void *) {
        if (inlen >= 9) {
            *out = in + 1;
            *outlen = in[0];
            return SSL_TLSEXT_ERR_OK;
        }
        return SSL_TLSEXT_ERR_NOACK;
    }, nullptr);
    if (cfg.session)
        SSL_set_session(c.ssl, cfg.session);
    if (cfg.verifyPeer)
        SSL_set_verify(c.ssl, SSL_VERIFY_PEER, nullptr);

    if (!cfg.early.isEmpty()) {
        std::size_t written = 0;
        const int w = SSL_write_early_data(c.ssl, cfg.early.constData(), std::size_t(cfg.early.size()), &written);
        if (w != 1)
            qWarning("SSL_write_early_data failed: %d, error %d", w, SSL_get_error(c.ssl, w));
        pump(c, s, 0, run);
        char buf[4096];
        for (int i = 0; i < 20; ++i) {
            std::size_t rd = 0;
            const int r = SSL_read_early_data(s.ssl, buf, sizeof buf, &rd);
            if (r == SSL_READ_EARLY_DATA_SUCCESS)
                run.early.append(buf, int(rd));
            if (r == SSL_READ_EARLY_DATA_FINISH)
                break;
            pump(s, c, 1, run);
            SSL_do_handshake(c.ssl);
            pump(c, s, 0, run);
        }
        run.earlyAccepted = SSL_get_early_data_status(s.ssl) == SSL_EARLY_DATA_ACCEPTED;
        if (!run.earlyAccepted)
            qWarning("early data status %d, session reused %d", SSL_get_early_data_status(s.ssl), SSL_session_reused(s.ssl));
    }
    for (int i = 0; i < 20; ++i) {
        const int rc = SSL_do_handshake(c.ssl);
        pump(c, s, 0, run);
        const int rs = SSL_do_handshake(s.ssl);
        pump(s, c, 1, run);
        if (rc == 1 && rs == 1)
            break;
    }
    SSL_write(c.ssl, kRequest.constData(), int(kRequest.size()));
    pump(c, s, 0, run);
    char buf[4096];
    int n = SSL_read(s.ssl, buf, sizeof buf);
    if (n > 0)
        run.request = QByteArray(buf, n);
    SSL_write(s.ssl, kResponse.constData(), int(kResponse.size()));
    pump(s, c, 1, run);
    n = SSL_read(c.ssl, buf, sizeof buf);
    if (n > 0)
        run.response = QByteArray(buf, n);
    if (cfg.keyUpdate) {
        SSL_key_update(c.ssl, SSL_KEY_UPDATE_REQUESTED);
        SSL_write(c.ssl, "after update", 12);
        pump(c, s, 0, run);
        n = SSL_read(s.ssl, buf, sizeof buf);
        if (n > 0)
            run.request += QByteArray(buf, n);
        SSL_write(s.ssl, "server after update", 19);
        pump(s, c, 1, run);
        n = SSL_read(c.ssl, buf, sizeof buf);
        if (n > 0)
            run.response += QByteArray(buf, n);
    }
    run.session = SSL_get1_session(c.ssl);
    // Both close cleanly (close_notify alerts), so the server keeps the session for resumption.
    SSL_shutdown(c.ssl);
    pump(c, s, 0, run);
    SSL_read(s.ssl, buf, sizeof buf);
    SSL_shutdown(s.ssl);
    pump(s, c, 1, run);
    SSL_free(c.ssl);
    SSL_free(s.ssl);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
    gKeyLog = nullptr;
    return run;
}

// The segments as a TCP conversation 127.0.0.1:41000 -> 127.0.0.2:443, each cut into pieces of at most mss.
std::vector<CapturedPacket> frames(const std::vector<Segment> &segments, std::size_t mss = 1400)
{
    std::vector<CapturedPacket> out;
    std::int64_t t = 1'700'000'000'000'000'000;
    std::uint32_t seq[2] = {1000, 90000};
    auto add = [&](std::vector<std::uint8_t> b) {
        out.push_back(packet(t, std::move(b)));
        t += 1'000'000;
    };
    add(tcpFrame(1, 41000, 2, 443, seq[0], 0, TcpSyn));
    add(tcpFrame(2, 443, 1, 41000, seq[1], seq[0] + 1, TcpSyn | TcpAck));
    ++seq[0];
    ++seq[1];
    add(tcpFrame(1, 41000, 2, 443, seq[0], seq[1], TcpAck));
    for (const Segment &s : segments) {
        for (qsizetype off = 0; off < s.bytes.size(); off += qsizetype(mss)) {
            const std::string piece = s.bytes.mid(off, qsizetype(mss)).toStdString();
            if (s.dir == 0)
                add(tcpFrame(1, 41000, 2, 443, seq[0], seq[1], TcpPsh | TcpAck, piece));
            else
                add(tcpFrame(2, 443, 1, 41000, seq[1], seq[0], TcpPsh | TcpAck, piece));
            seq[s.dir] += std::uint32_t(piece.size());
        }
    }
    return out;
}

std::vector<TlsConnectionResult> dissect(CaptureSession &session, const Run &run, const TlsSecrets &secrets,
                                         std::size_t mss = 1400)
{
    session.reset();
    const auto packets = frames(run.segments, mss);
    session.appendPackets(packets, LinkType::Ethernet);
    return dissectTlsSession(session, secrets, false);
}

// With WIRELAB_WRITE_TLS_CORPUS=<dir> set, a run is also written as a seed for tests/fuzz/fuzz_tls.cpp: the
// key log's length (2 bytes) and text, then each segment in chunks of a control byte (direction in the low
// bit, length in the other seven) and up to 127 bytes.
void writeSeed(const Run &run, const QString &name)
{
    const QString dir = qEnvironmentVariable("WIRELAB_WRITE_TLS_CORPUS");
    if (dir.isEmpty())
        return;
    QByteArray seed;
    const QByteArray keys = run.keyLog.left(65535);
    seed.append(char(keys.size() >> 8)).append(char(keys.size() & 0xff)).append(keys);
    for (const Segment &s : run.segments)
        for (qsizetype off = 0; off < s.bytes.size(); off += 127) {
            const QByteArray piece = s.bytes.mid(off, 127);
            seed.append(char((piece.size() << 1) | s.dir)).append(piece);
        }
    QFile f(dir + QLatin1Char('/') + name);
    if (f.open(QIODevice::WriteOnly))
        f.write(seed);
}

TlsSecrets withKeyLog(const QByteArray &keyLog)
{
    TlsSecrets s;
    s.keyLog.addText(keyLog);
    return s;
}

std::vector<int> types(const TlsConnectionResult &r, TlsDirection dir)
{
    std::vector<int> out;
    for (const auto &h : r.handshakes)
        if (h.direction == dir)
            out.push_back(h.type);
    return out;
}

const ProtoField *findIn(const ProtoField &f, const QByteArray &abbrev)
{
    if (f.abbrev == abbrev)
        return &f;
    for (const auto &c : f.children)
        if (const ProtoField *r = findIn(c, abbrev))
            return r;
    return nullptr;
}

// The same key log with every secret's first byte flipped.
QByteArray corrupt(const QByteArray &keyLog)
{
    TlsKeyLog in, out;
    in.addText(keyLog);
    for (TlsKeyLogEntry e : in.entries()) {
        e.secret[0] = char(e.secret[0] ^ 0x5a);
        out.add(e);
    }
    return out.toNss();
}

} // namespace

class TestTlsDissect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keyLogParsingIsBounded();
    void hkdfAndPrfMatchTheRfcVectors();
    void tls13DecryptsEachSuite_data();
    void tls13DecryptsEachSuite();
    void tls12EcdheNeedsTheKeyLog_data();
    void tls12EcdheNeedsTheKeyLog();
    void tls12RsaDecryptsWithThePrivateKeyAlone();
    void resumptionWithEarlyData();
    void wrongKeysFailCleanly();
    void keyUpdateMovesToTheNextSecret();
    void helloRetryRequest();
    void tls12Resumption();
    void unknownCaAlert_data();
    void unknownCaAlert();
    void everySplitPointGivesTheSameMessages();
    void keyLogEventsFeedTheSession();
    void tsharkDecryptsOurPcapngAndAgrees_data();
    void tsharkDecryptsOurPcapngAndAgrees();
    void fieldNamesAreWiresharks();
    void hostileRecordsAreMarkedMalformed();
    void mutatedHandshakesNeverCrash();

private:
    std::unique_ptr<Identity> m_id;
    QTemporaryDir m_dir;
};

void TestTlsDissect::initTestCase()
{
    m_id = makeIdentity();
    QVERIFY(m_id->key && m_id->cert && !m_id->keyPem.isEmpty());
    QVERIFY(m_dir.isValid());
}

void TestTlsDissect::cleanupTestCase() { m_id.reset(); }

void TestTlsDissect::keyLogParsingIsBounded()
{
    TlsKeyLog log;
    const QByteArray cr(64, 'a');
    int bad = 0;
    const QByteArray text = "# comment\n"
                            "CLIENT_RANDOM " + cr + ' ' + QByteArray(96, '1') + "\n"
                            "CLIENT_RANDOM " + cr + " 1234\n"                         // short master
                            "CLIENT_HANDSHAKE_TRAFFIC_SECRET " + cr + ' ' + QByteArray(64, 'f') + "\r\n"
                            "BOGUS_LABEL " + cr + ' ' + QByteArray(64, 'f') + "\n"
                            "CLIENT_RANDOM zz" + QByteArray(62, 'a') + ' ' + QByteArray(96, '1') + "\n"
                            + QByteArray(100000, 'x') + "\n"
                            "SERVER_TRAFFIC_SECRET_0 " + cr + ' ' + QByteArray(96, 'e');    // no final newline
    QCOMPARE(log.addText(text, &bad), 3);
    QCOMPARE(bad, 4);
    QCOMPARE(log.secret("CLIENT_RANDOM", QByteArray::fromHex(cr)), QByteArray::fromHex(QByteArray(96, '1')));
    QCOMPARE(log.secret("SERVER_TRAFFIC_SECRET_0", QByteArray::fromHex(cr)).size(), 48);
    QVERIFY(log.secret("EXPORTER_SECRET", QByteArray::fromHex(cr)).isEmpty());
    TlsKeyLog back;
    QCOMPARE(back.addText(log.toNss()), 3);

    // A hostile key log: more lines than the entry cap, each distinct; parsing stays bounded (the cap) and
    // lookups are by index, not by scanning.
    QByteArray many;
    many.reserve(qsizetype(TlsKeyLog::kMaxEntries + 10) * 180);
    for (std::size_t i = 0; i < TlsKeyLog::kMaxEntries + 10; ++i)
        many += "CLIENT_RANDOM " + QByteArray::number(qulonglong(i), 16).rightJustified(64, '0') + ' ' + QByteArray(96, '2') + '\n';
    TlsKeyLog big;
    big.addText(many);
    QCOMPARE(big.entries().size(), TlsKeyLog::kMaxEntries);
    QCOMPARE(big.secret("CLIENT_RANDOM", QByteArray::fromHex(QByteArray::number(42, 16).rightJustified(64, '0'))).size(), 48);
}

void TestTlsDissect::hkdfAndPrfMatchTheRfcVectors()
{
    // RFC 8448 3 (Simple 1-RTT handshake): server handshake traffic secret -> key and iv.
    const QByteArray shts = QByteArray::fromHex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");
    QCOMPARE(tlsHkdfExpandLabel("SHA256", shts, "key", {}, 16).toHex(), QByteArray("3fce516009c21727d0f2e4e86ee403bc"));
    QCOMPARE(tlsHkdfExpandLabel("SHA256", shts, "iv", {}, 12).toHex(), QByteArray("5d313eb2671276ee13000b30"));
    // The TLS 1.2 PRF with SHA-256 (the widely used test vector from the IETF TLS list).
    const QByteArray out = tlsPrf("SHA256", QByteArray::fromHex("9bbe436ba940f017b17652849a71db35"), "test label",
                                  QByteArray::fromHex("a0ba9f936cda311827a6f796ffd5198c"), 16);
    QCOMPARE(out.toHex(), QByteArray("e3f229ba727be17b8d122620557cd453"));
}

void TestTlsDissect::tls13DecryptsEachSuite_data()
{
    QTest::addColumn<QByteArray>("suite");
    QTest::newRow("AES-128-GCM") << QByteArray("TLS_AES_128_GCM_SHA256");
    QTest::newRow("AES-256-GCM") << QByteArray("TLS_AES_256_GCM_SHA384");
    QTest::newRow("ChaCha20-Poly1305") << QByteArray("TLS_CHACHA20_POLY1305_SHA256");
}

void TestTlsDissect::tls13DecryptsEachSuite()
{
    QFETCH(QByteArray, suite);
    Config cfg;
    cfg.cipherSuites = suite.constData();
    Run run = converse(*m_id, cfg);
    SSL_SESSION_free(run.session);
    QCOMPARE(run.request, kRequest);
    QCOMPARE(run.response, kResponse);
    writeSeed(run, QStringLiteral("tls13-") + QString::fromLatin1(suite));

    CaptureSession session;
    const auto results = dissect(session, run, withKeyLog(run.keyLog));
    QCOMPARE(results.size(), std::size_t(1));
    const TlsConnectionResult &r = results[0];
    QCOMPARE(r.version, std::uint16_t(0x0304));
    QCOMPARE(r.cipherSuiteName, QString::fromLatin1(suite));
    QCOMPARE(r.serverName, QStringLiteral("lab.example"));
    QCOMPARE(r.alpn, QStringLiteral("http/1.1"));
    QCOMPARE(r.groupName, QStringLiteral("x25519"));
    QVERIFY(!r.resumed);
    QCOMPARE(r.applicationData(TlsDirection::ClientToServer), kRequest);
    QCOMPARE(r.applicationData(TlsDirection::ServerToClient), kResponse);
    QVERIFY2(r.fullyDecrypted(), qPrintable(QStringLiteral("%1 of %2").arg(r.recordsDecrypted).arg(r.recordsEncrypted)));
    QCOMPARE(types(r, TlsDirection::ServerToClient), (std::vector<int>{2, 8, 11, 15, 20, 4, 4}));
    QCOMPARE(types(r, TlsDirection::ClientToServer), (std::vector<int>{1, 20}));
    // The certificate was read from the decrypted handshake.
    const TlsHandshakeMessage *cert = r.handshake(11, TlsDirection::ServerToClient);
    QVERIFY(cert && cert->encrypted);
    const ProtoField *c = findIn(cert->tree, "tls.handshake.certificate");
    QVERIFY(c && c->label.contains(QLatin1String("CN=lab.example")));
    // Key schedule: both Finished recomputed from the logged secrets match the captured ones.
    QVERIFY(r.keySchedule.available);
    QVERIFY(!r.keySchedule.limits.isEmpty());
    QCOMPARE(r.keySchedule.finished.size(), std::size_t(2));
    for (const auto &f : r.keySchedule.finished)
        QVERIFY2(f.match, qPrintable(QString::fromLatin1(f.computed.toHex() + " vs " + f.captured.toHex())));
    // Both sides closed with close_notify, inside encrypted records (inner content type 21).
    QCOMPARE(r.alerts.size(), std::size_t(2));
    for (const TlsAlert &a : r.alerts) {
        QCOMPARE(int(a.description), 0);
        QVERIFY(a.encrypted);
        QCOMPARE(int(r.records[a.record].innerContentType), int(kTlsAlert));
    }
    // Notes are there for the fields students click.
    const ProtoField *random = findIn(r.handshake(1, TlsDirection::ClientToServer)->tree, "tls.handshake.random");
    QVERIFY(random && !random->note.isEmpty());
    // Records: the client hello is plaintext, the first client Application Data record is the Finished.
    QCOMPARE(r.records.front().status, TlsDecryptStatus::Plaintext);
    int hsEpoch = 0;
    for (const auto &rec : r.records)
        if (rec.encrypted && rec.innerContentType == kTlsHandshake && rec.epoch == 2)
            ++hsEpoch;
    QVERIFY(hsEpoch >= 2);
}

void TestTlsDissect::tls12EcdheNeedsTheKeyLog_data()
{
    QTest::addColumn<QByteArray>("cipher");
    QTest::newRow("ECDHE-AES128-GCM") << QByteArray("ECDHE-RSA-AES128-GCM-SHA256");
    QTest::newRow("ECDHE-AES256-GCM") << QByteArray("ECDHE-RSA-AES256-GCM-SHA384");
    QTest::newRow("ECDHE-ChaCha20") << QByteArray("ECDHE-RSA-CHACHA20-POLY1305");
}

void TestTlsDissect::tls12EcdheNeedsTheKeyLog()
{
    QFETCH(QByteArray, cipher);
    Config cfg;
    cfg.maxVersion = TLS1_2_VERSION;
    cfg.cipherList = cipher.constData();
    Run run = converse(*m_id, cfg);
    SSL_SESSION_free(run.session);
    QCOMPARE(run.response, kResponse);
    writeSeed(run, QStringLiteral("tls12-") + QString::fromLatin1(cipher));
    CaptureSession session;
    auto results = dissect(session, run, withKeyLog(run.keyLog));
    QCOMPARE(results.size(), std::size_t(1));
    const TlsConnectionResult &r = results[0];
    QCOMPARE(r.version, std::uint16_t(0x0303));
    QVERIFY(!r.rsaKeyExchange);
    QVERIFY(r.extendedMasterSecret);
    QCOMPARE(r.applicationData(TlsDirection::ClientToServer), kRequest);
    QCOMPARE(r.applicationData(TlsDirection::ServerToClient), kResponse);
    QVERIFY(r.fullyDecrypted());
    QCOMPARE(types(r, TlsDirection::ServerToClient), (std::vector<int>{2, 11, 12, 14, 4, 20}));
    QCOMPARE(types(r, TlsDirection::ClientToServer), (std::vector<int>{1, 16, 20}));
    QCOMPARE(r.keySchedule.finished.size(), std::size_t(2));
    for (const auto &f : r.keySchedule.finished)
        QVERIFY(f.match);

    // The server's private key does not help: forward secrecy.
    TlsSecrets keyOnly;
    keyOnly.rsaPrivateKeyPem = m_id->keyPem;
    results = dissect(session, run, keyOnly);
    QCOMPARE(results.size(), std::size_t(1));
    QVERIFY(!results[0].decryptedWithRsaKey);
    QCOMPARE(results[0].recordsDecrypted, 0);
    QVERIFY(results[0].recordsEncrypted >= 4);
    for (const auto &rec : results[0].records)
        if (rec.encrypted)
            QCOMPARE(rec.status, TlsDecryptStatus::NoKey);
}

void TestTlsDissect::tls12RsaDecryptsWithThePrivateKeyAlone()
{
    Config cfg;
    cfg.maxVersion = TLS1_2_VERSION;
    cfg.cipherList = "AES256-GCM-SHA384";
    Run run = converse(*m_id, cfg);
    SSL_SESSION_free(run.session);
    QCOMPARE(run.response, kResponse);
    TlsSecrets keyOnly;
    keyOnly.rsaPrivateKeyPem = m_id->keyPem;
    CaptureSession session;
    auto results = dissect(session, run, keyOnly);
    QCOMPARE(results.size(), std::size_t(1));
    const TlsConnectionResult &r = results[0];
    QVERIFY(r.rsaKeyExchange);
    QVERIFY(r.decryptedWithRsaKey);
    QCOMPARE(r.cipherSuiteName, QStringLiteral("TLS_RSA_WITH_AES_256_GCM_SHA384"));
    QCOMPARE(r.applicationData(TlsDirection::ClientToServer), kRequest);
    QCOMPARE(r.applicationData(TlsDirection::ServerToClient), kResponse);
    QVERIFY(r.fullyDecrypted());
    const ProtoField *epms = findIn(r.handshake(16, TlsDirection::ClientToServer)->tree, "tls.handshake.epms");
    QVERIFY(epms && !epms->note.isEmpty());
    // Key schedule: premaster -> master -> key block, and the Finished match.
    QVERIFY(r.keySchedule.steps.size() >= 6);
    QCOMPARE(r.keySchedule.finished.size(), std::size_t(2));
    for (const auto &f : r.keySchedule.finished)
        QVERIFY(f.match);
    // The master secret from the private key equals the one OpenSSL logged.
    TlsKeyLog logged;
    logged.addText(run.keyLog);
    QCOMPARE(r.keySchedule.steps[0].output, logged.secret("CLIENT_RANDOM", r.clientRandom));

    // Another RSA key: no decryption, no garbage.
    auto other = makeIdentity();
    TlsSecrets wrong;
    wrong.rsaPrivateKeyPem = other->keyPem;
    results = dissect(session, run, wrong);
    QCOMPARE(results[0].recordsDecrypted, 0);
    QVERIFY(!results[0].decryptedWithRsaKey);
    QVERIFY(results[0].applicationData(TlsDirection::ServerToClient).isEmpty());
}

void TestTlsDissect::resumptionWithEarlyData()
{
    Config first;
    first.cipherSuites = "TLS_AES_128_GCM_SHA256";
    Run a = converse(*m_id, first);
    QVERIFY(a.session);
    QVERIFY(SSL_SESSION_get_max_early_data(a.session) > 0);
    Config second;
    second.cipherSuites = "TLS_AES_128_GCM_SHA256";
    second.session = a.session;
    second.early = "GET /early HTTP/1.1\r\nHost: lab.example\r\n\r\n";
    Run b = converse(*m_id, second);
    SSL_SESSION_free(a.session);
    SSL_SESSION_free(b.session);
    QVERIFY(b.earlyAccepted);
    QCOMPARE(b.early, second.early);
    writeSeed(b, QStringLiteral("tls13-resumed-0rtt"));
    QCOMPARE(b.response, kResponse);

    CaptureSession session;
    const auto results = dissect(session, b, withKeyLog(b.keyLog));
    QCOMPARE(results.size(), std::size_t(1));
    const TlsConnectionResult &r = results[0];
    QVERIFY(r.resumed);
    QVERIFY(r.pskOffered);
    QVERIFY(r.earlyDataOffered);
    QVERIFY(r.earlyDataAccepted);
    for (const auto &rec : r.records)
        if (rec.encrypted && rec.status != TlsDecryptStatus::Decrypted)
            qWarning("record dir %d frame %u type %d len %d status %d epoch %d seq %llu", int(rec.direction), rec.lastFrame, rec.contentType, rec.length, int(rec.status), rec.epoch, (unsigned long long)rec.sequence);
    QVERIFY(r.fullyDecrypted());
    QCOMPARE(r.applicationData(TlsDirection::ClientToServer), second.early + kRequest);
    QCOMPARE(r.applicationData(TlsDirection::ServerToClient), kResponse);
    int earlyRecords = 0;
    for (const auto &rec : r.records)
        if (rec.epoch == 1 && rec.status == TlsDecryptStatus::Decrypted)
            ++earlyRecords;
    QVERIFY(earlyRecords >= 2); // the early data and EndOfEarlyData
    QCOMPARE(types(r, TlsDirection::ClientToServer), (std::vector<int>{1, 5, 20}));
    QCOMPARE(types(r, TlsDirection::ServerToClient), (std::vector<int>{2, 8, 20, 4}));
    QVERIFY(r.handshake(11, TlsDirection::ServerToClient) == nullptr); // no certificate on resumption
    for (const auto &f : r.keySchedule.finished)
        QVERIFY(f.match);
    QVERIFY(findIn(r.handshake(1, TlsDirection::ClientToServer)->tree, "tls.handshake.extensions.psk.identity.identity"));
}

void TestTlsDissect::wrongKeysFailCleanly()
{
    for (int version : {TLS1_2_VERSION, TLS1_3_VERSION}) {
        Config cfg;
        cfg.maxVersion = version;
        Run run = converse(*m_id, cfg);
        SSL_SESSION_free(run.session);
        CaptureSession session;
        const auto results = dissect(session, run, withKeyLog(corrupt(run.keyLog)));
        QCOMPARE(results.size(), std::size_t(1));
        const TlsConnectionResult &r = results[0];
        QCOMPARE(r.recordsDecrypted, 0);
        QVERIFY(r.recordsFailed > 0);
        QCOMPARE(r.recordsFailed, r.recordsEncrypted);
        for (const auto &rec : r.records)
            if (rec.encrypted) {
                QCOMPARE(rec.status, TlsDecryptStatus::AuthFailed);
                QVERIFY(rec.tree.children.back().label.contains(QLatin1String("authentication failed")));
            }
        QVERIFY(r.applicationData(TlsDirection::ClientToServer).isEmpty());
    }
}

void TestTlsDissect::keyUpdateMovesToTheNextSecret()
{
    Config cfg;
    cfg.keyUpdate = true;
    Run run = converse(*m_id, cfg);
    SSL_SESSION_free(run.session);
    QCOMPARE(run.request, kRequest + "after update");
    QCOMPARE(run.response, kResponse + "server after update");
    CaptureSession session;
    const auto results = dissect(session, run, withKeyLog(run.keyLog));
    QCOMPARE(results.size(), std::size_t(1));
    const TlsConnectionResult &r = results[0];
    QVERIFY(r.fullyDecrypted());
    QCOMPARE(r.applicationData(TlsDirection::ClientToServer), run.request);
    QCOMPARE(r.applicationData(TlsDirection::ServerToClient), run.response);
    QVERIFY(r.handshake(24, TlsDirection::ClientToServer));
    QVERIFY(r.handshake(24, TlsDirection::ServerToClient));
    int updated[2] = {0, 0};
    for (const auto &rec : r.records)
        if (rec.epoch == 4 && rec.status == TlsDecryptStatus::Decrypted)
            ++updated[int(rec.direction)];
    QVERIFY(updated[0] >= 1 && updated[1] >= 1);
}

void TestTlsDissect::helloRetryRequest()
{
    Config cfg;
    cfg.serverGroups = "P-256";
    Run run = converse(*m_id, cfg);
    SSL_SESSION_free(run.session);
    QCOMPARE(run.response, kResponse);
    CaptureSession session;
    const auto results = dissect(session, run, withKeyLog(run.keyLog));
    QCOMPARE(results.size(), std::size_t(1));
    const TlsConnectionResult &r = results[0];
    QVERIFY(r.helloRetryRequest);
    QCOMPARE(r.groupName, QStringLiteral("secp256r1"));
    QCOMPARE(types(r, TlsDirection::ClientToServer), (std::vector<int>{1, 1, 20}));
    QVERIFY(r.fullyDecrypted());
    QCOMPARE(r.applicationData(TlsDirection::ServerToClient), kResponse);
    const TlsHandshakeMessage *hrr = r.handshake(2, TlsDirection::ServerToClient);
    QVERIFY(hrr && findIn(hrr->tree, "tls.handshake.extensions_key_share_selected_group"));
    // The transcript starts with message_hash(ClientHello1): the Finished still check out.
    QCOMPARE(r.keySchedule.finished.size(), std::size_t(2));
    for (const auto &f : r.keySchedule.finished)
        QVERIFY(f.match);
}

void TestTlsDissect::tls12Resumption()
{
    Config first;
    first.maxVersion = TLS1_2_VERSION;
    Run a = converse(*m_id, first);
    QVERIFY(a.session);
    Config second = first;
    second.session = a.session;
    Run b = converse(*m_id, second);
    SSL_SESSION_free(a.session);
    SSL_SESSION_free(b.session);
    QCOMPARE(b.response, kResponse);
    CaptureSession session;
    const auto results = dissect(session, b, withKeyLog(b.keyLog));
    QCOMPARE(results.size(), std::size_t(1));
    const TlsConnectionResult &r = results[0];
    QVERIFY(r.resumed);
    QVERIFY(r.handshake(11, TlsDirection::ServerToClient) == nullptr);
    // Abbreviated handshake: the server's Finished comes first.
    QCOMPARE(types(r, TlsDirection::ServerToClient), (std::vector<int>{2, 20}));
    QCOMPARE(types(r, TlsDirection::ClientToServer), (std::vector<int>{1, 20}));
    QVERIFY(r.fullyDecrypted());
    QCOMPARE(r.applicationData(TlsDirection::ServerToClient), kResponse);
    for (const auto &f : r.keySchedule.finished)
        QVERIFY(f.match);
    // The first application data: the client's request, after one round trip of handshake.
    const TlsRecord *firstData = r.firstApplicationData(TlsDirection::ClientToServer);
    QVERIFY(firstData);
    QCOMPARE(firstData->plaintext, kRequest);
    QVERIFY(firstData->lastFrame > r.handshake(20, TlsDirection::ServerToClient)->lastFrame);
}

void TestTlsDissect::unknownCaAlert_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("TLS 1.2: plain alert") << TLS1_2_VERSION << false;
    // OpenSSL's TLS 1.3 client switches its write keys only when it sends its own Finished, so an alert sent
    // while it checks the server's certificate goes out in clear (the record type is 21, not 23).
    QTest::newRow("TLS 1.3: OpenSSL's alert before its Finished") << TLS1_3_VERSION << false;
}

void TestTlsDissect::unknownCaAlert()
{
    QFETCH(int, version);
    QFETCH(bool, encrypted);
    Config cfg;
    cfg.maxVersion = version;
    cfg.verifyPeer = true;
    Run run = converse(*m_id, cfg);
    SSL_SESSION_free(run.session);
    QVERIFY(run.response.isEmpty());
    CaptureSession session;
    const auto results = dissect(session, run, withKeyLog(run.keyLog));
    QCOMPARE(results.size(), std::size_t(1));
    const TlsConnectionResult &r = results[0];
    QCOMPARE(r.alerts.size(), std::size_t(1));
    const TlsAlert &a = r.alerts[0];
    QCOMPARE(a.direction, TlsDirection::ClientToServer);
    QCOMPARE(int(a.level), 2);
    QCOMPARE(int(a.description), 48);
    QCOMPARE(a.encrypted, encrypted);
    QVERIFY(a.frame > 0);
    const ProtoField *desc = findIn(r.records[a.record].tree, "tls.alert_message.desc");
    QVERIFY(desc && desc->label.contains(QLatin1String("Unknown CA")) && desc->note.contains(QLatin1String("certificate authority")));
}

void TestTlsDissect::everySplitPointGivesTheSameMessages()
{
    Config cfg;
    Run run = converse(*m_id, cfg);
    SSL_SESSION_free(run.session);
    const TlsSecrets secrets = withKeyLog(run.keyLog);
    auto feedAll = [&](int splitSegment, int cut) {
        TlsDissector d(&secrets);
        std::uint32_t frame = 1;
        for (int i = 0; i < int(run.segments.size()); ++i) {
            const auto &s = run.segments[i];
            const auto *b = reinterpret_cast<const std::uint8_t *>(s.bytes.constData());
            const std::size_t n = std::size_t(s.bytes.size());
            if (i == splitSegment) {
                d.feed(TlsDirection(s.dir), std::span(b, std::size_t(cut)), frame++, 0);
                d.feed(TlsDirection(s.dir), std::span(b + cut, n - std::size_t(cut)), frame++, 0);
            } else {
                d.feed(TlsDirection(s.dir), std::span(b, n), frame++, 0);
            }
        }
        d.finish();
        return d.takeResult();
    };
    const TlsConnectionResult whole = feedAll(-1, 0);
    QVERIFY(whole.fullyDecrypted());
    int largest = 0;
    for (int i = 0; i < int(run.segments.size()); ++i)
        if (run.segments[i].bytes.size() > run.segments[largest].bytes.size())
            largest = i;
    QVERIFY(run.segments[largest].bytes.size() > 1000); // the server's flight with the certificate
    for (int cut = 0; cut <= run.segments[largest].bytes.size(); ++cut) {
        const TlsConnectionResult r = feedAll(largest, cut);
        QCOMPARE(r.handshakes.size(), whole.handshakes.size());
        for (std::size_t i = 0; i < r.handshakes.size(); ++i)
            QCOMPARE(r.handshakes[i].bytes, whole.handshakes[i].bytes);
        QCOMPARE(r.recordsDecrypted, whole.recordsDecrypted);
        QCOMPARE(r.applicationData(TlsDirection::ServerToClient), kResponse);
    }
    // Through the capture path with small segments the Certificate spans several frames.
    CaptureSession session;
    const auto results = dissect(session, run, secrets, 300);
    QCOMPARE(results.size(), std::size_t(1));
    const TlsHandshakeMessage *cert = results[0].handshake(11, TlsDirection::ServerToClient);
    QVERIFY(cert);
    QVERIFY2(cert->lastFrame > cert->firstFrame, qPrintable(QStringLiteral("%1..%2").arg(cert->firstFrame).arg(cert->lastFrame)));
    QCOMPARE(results[0].applicationData(TlsDirection::ServerToClient), kResponse);
}

void TestTlsDissect::keyLogEventsFeedTheSession()
{
    Config cfg;
    Run run = converse(*m_id, cfg);
    SSL_SESSION_free(run.session);
    CaptureSession session;
    session.appendPackets(frames(run.segments), LinkType::Ethernet);
    for (const QByteArray &line : run.keyLog.split('\n')) {
        if (line.isEmpty())
            continue;
        LabEvent e;
        e.host = QStringLiteral("client");
        e.kind = QStringLiteral("tls.keylog");
        e.data.insert(QStringLiteral("line"), QString::fromLatin1(line));
        session.events().append(e);
    }
    auto results = dissectTlsSession(session, TlsSecrets());
    QCOMPARE(results.size(), std::size_t(1));
    QVERIFY(results[0].fullyDecrypted());
    results = dissectTlsSession(session, TlsSecrets(), false);
    QCOMPARE(results[0].recordsDecrypted, 0);
}

void TestTlsDissect::tsharkDecryptsOurPcapngAndAgrees_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("cipher");
    QTest::newRow("TLS 1.3 AES-128-GCM") << TLS1_3_VERSION << QByteArray("TLS_AES_128_GCM_SHA256");
    QTest::newRow("TLS 1.3 ChaCha20") << TLS1_3_VERSION << QByteArray("TLS_CHACHA20_POLY1305_SHA256");
    QTest::newRow("TLS 1.2 ECDHE") << TLS1_2_VERSION << QByteArray("ECDHE-RSA-AES256-GCM-SHA384");
}

void TestTlsDissect::tsharkDecryptsOurPcapngAndAgrees()
{
    QFETCH(int, version);
    QFETCH(QByteArray, cipher);
    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty())
        QSKIP("tshark is not installed");
    Config cfg;
    cfg.maxVersion = version;
    if (version == TLS1_3_VERSION)
        cfg.cipherSuites = cipher.constData();
    else
        cfg.cipherList = cipher.constData();
    Run run = converse(*m_id, cfg);
    SSL_SESSION_free(run.session);
    const TlsSecrets secrets = withKeyLog(run.keyLog);
    CaptureSession session;
    const auto results = dissect(session, run, secrets, 700);
    QCOMPARE(results.size(), std::size_t(1));
    const TlsConnectionResult &r = results[0];
    QVERIFY(r.fullyDecrypted());

    const QString path = m_dir.filePath(QStringLiteral("tls-%1.pcapng").arg(QString::fromLatin1(QTest::currentDataTag()).remove(QLatin1Char(' '))));
    QString error;
    QVERIFY2(writePcapng(path, session.store(), &error, secrets.keyLog.toNss()), qPrintable(error));

    QProcess p;
    p.start(tshark, {QStringLiteral("-n"), QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                     QStringLiteral("-E"), QStringLiteral("occurrence=a"), QStringLiteral("-E"), QStringLiteral("aggregator=,"),
                     QStringLiteral("-e"), QStringLiteral("frame.number"), QStringLiteral("-e"), QStringLiteral("tls.handshake.type"),
                     QStringLiteral("-e"), QStringLiteral("tls.record.version"), QStringLiteral("-e"), QStringLiteral("http.request.uri"),
                     QStringLiteral("-e"), QStringLiteral("http.response.code"), QStringLiteral("-e"), QStringLiteral("tls.handshake.extensions_server_name"),
                     QStringLiteral("-e"), QStringLiteral("tls.handshake.ciphersuite"), QStringLiteral("-e"), QStringLiteral("tls.record.content_type"),
                     QStringLiteral("-e"), QStringLiteral("tls.record.length")});
    QVERIFY(p.waitForFinished(120000));
    const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
    // Our handshake messages by the frame that completed them, in order.
    std::map<std::uint32_t, QStringList> ours;
    for (const auto &h : r.handshakes)
        ours[h.lastFrame] << QString::number(h.type);
    // Record content types (the inner type for decrypted TLS 1.3 records) and lengths from our record trees.
    std::map<std::uint32_t, QStringList> ourTypes, ourLengths;
    for (const auto &rec : r.records) {
        if (const ProtoField *ct = findIn(rec.tree, "tls.record.content_type"))
            ourTypes[rec.lastFrame] << ct->value;
        ourLengths[rec.lastFrame] << findIn(rec.tree, "tls.record.length")->value;
    }
    int framesWithHandshakes = 0;
    bool sawRequest = false, sawResponse = false;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> f = line.split('\t');
        if (f.size() < 9)
            continue;
        const std::uint32_t frame = f[0].toUInt();
        const QStringList theirs = f[1].isEmpty() ? QStringList() : QString::fromLatin1(f[1]).split(QLatin1Char(','));
        QCOMPARE(ours.count(frame) ? ours[frame] : QStringList(), theirs);
        if (!theirs.isEmpty())
            ++framesWithHandshakes;
        const auto list = [](const QByteArray &field) {
            return field.isEmpty() ? QStringList() : QString::fromLatin1(field).split(QLatin1Char(','));
        };
        QCOMPARE(ourTypes.count(frame) ? ourTypes[frame] : QStringList(), list(f[7]));
        QCOMPARE(ourLengths.count(frame) ? ourLengths[frame] : QStringList(), list(f[8]));
        if (f[3] == "/secret")
            sawRequest = true;
        if (f[4] == "200")
            sawResponse = true;
        if (!theirs.isEmpty() && theirs.first() == QLatin1String("1"))
            QCOMPARE(QString::fromLatin1(f[5]), r.serverName);
    }
    QCOMPARE(framesWithHandshakes, int(ours.size()));
    QVERIFY2(sawRequest && sawResponse, "tshark did not decrypt the HTTP exchange with the DSB");
}

// Every field name our trees use (TLS 1.3 with resumption and 0-RTT, TLS 1.2 with RSA and with ECDHE) is one
// that the installed tshark knows.
void TestTlsDissect::fieldNamesAreWiresharks()
{
    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty())
        QSKIP("tshark is not installed");
    QProcess p;
    p.start(tshark, {QStringLiteral("-G"), QStringLiteral("fields")});
    QVERIFY(p.waitForFinished(120000));
    QSet<QByteArray> known;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> cols = line.split('\t');
        if (cols.size() > 2)
            known.insert(cols[2]);
    }
    QVERIFY(known.contains("tls.handshake.type"));

    std::vector<Run> runs;
    Config first;
    runs.push_back(converse(*m_id, first));
    Config second;
    second.session = runs.back().session;
    second.early = "early";
    runs.push_back(converse(*m_id, second));
    Config rsa;
    rsa.maxVersion = TLS1_2_VERSION;
    rsa.cipherList = "AES256-GCM-SHA384";
    runs.push_back(converse(*m_id, rsa));
    Config ecdhe;
    ecdhe.maxVersion = TLS1_2_VERSION;
    runs.push_back(converse(*m_id, ecdhe));
    QSet<QByteArray> used;
    for (Run &run : runs) {
        SSL_SESSION_free(run.session);
        TlsSecrets secrets = withKeyLog(run.keyLog);
        CaptureSession session;
        for (const auto &r : dissect(session, run, secrets)) {
            std::vector<const ProtoField *> stack;
            for (const auto &rec : r.records)
                stack.push_back(&rec.tree);
            for (const auto &h : r.handshakes)
                stack.push_back(&h.tree);
            while (!stack.empty()) {
                const ProtoField *f = stack.back();
                stack.pop_back();
                if (!f->abbrev.isEmpty())
                    used.insert(f->abbrev);
                for (const auto &c : f->children)
                    stack.push_back(&c);
            }
        }
    }
    QVERIFY(used.size() > 60);
    for (const QByteArray &name : used)
        QVERIFY2(known.contains(name), name.constData());
}

void TestTlsDissect::hostileRecordsAreMarkedMalformed()
{
    auto run = [](const QByteArray &bytes) {
        TlsDissector d;
        d.feed(TlsDirection::ClientToServer, std::span(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size())), 1, 0);
        d.finish();
        return d.takeResult();
    };
    // Record length beyond 2^14 + 2048.
    TlsConnectionResult r = run(QByteArray::fromHex("16030348ff") + QByteArray(100, 0));
    QCOMPARE(r.records.size(), std::size_t(1));
    QVERIFY(r.records[0].malformed);
    QVERIFY(findIn(r.records[0].tree, "_ws.malformed"));
    QVERIFY(!r.error[0].isEmpty());
    // Huge handshake length: refused, not buffered.
    r = run(QByteArray::fromHex("1603010004") + QByteArray::fromHex("01ffffff"));
    QCOMPARE(r.handshakes.size(), std::size_t(1));
    QVERIFY(r.handshakes[0].malformed);
    // Truncated handshake: the message waits, nothing is invented.
    r = run(QByteArray::fromHex("1603010008") + QByteArray::fromHex("0100006403030000"));
    QCOMPARE(r.records.size(), std::size_t(1));
    QVERIFY(r.handshakes.empty());
    // A ClientHello whose extension length runs past the extensions.
    QByteArray hello = QByteArray::fromHex("0303") + QByteArray(32, 'r') + QByteArray::fromHex("00" "0002" "1301" "0100")
                       + QByteArray::fromHex("0008" "0000" "0040" "00000000");
    QByteArray msg = QByteArray::fromHex("01") + QByteArray::fromHex("00") + char(hello.size() >> 8) + char(hello.size()) + hello;
    QByteArray rec = QByteArray::fromHex("160301") + char(msg.size() >> 8) + char(msg.size()) + msg;
    r = run(rec);
    QCOMPARE(r.handshakes.size(), std::size_t(1));
    QVERIFY(r.handshakes[0].malformed);
    QVERIFY(findIn(r.handshakes[0].tree, "_ws.malformed"));
    QVERIFY(r.records[0].malformed);
    // Messages cut short right after their header (found by fuzz_tls: fields pointed past the message):
    // every field stays inside the message, the message is malformed.
    for (const char *m : {"04000002" "0001", "0b000001" "00", "0c000001" "03", "01000002" "0303", "0f000003" "080400"}) {
        const QByteArray body = QByteArray::fromHex(m);
        r = run(QByteArray::fromHex("160303") + char(body.size() >> 8) + char(body.size()) + body);
        QCOMPARE(r.handshakes.size(), std::size_t(1));
        QVERIFY2(r.handshakes[0].malformed, m);
        std::vector<const ProtoField *> stack{&r.handshakes[0].tree};
        while (!stack.empty()) {
            const ProtoField *f = stack.back();
            stack.pop_back();
            QVERIFY2(f->offset >= 0 && f->length >= 0 && f->offset + f->length <= body.size(), qPrintable(QString::fromLatin1(f->abbrev)));
            for (const auto &c : f->children)
                stack.push_back(&c);
        }
    }
    // A flood of empty HelloRequests (4 bytes each, 4096 per record) and of tiny records: capped, not kept forever.
    {
        TlsDissector d;
        const QByteArray body(16384, '\0');
        const QByteArray record = QByteArray::fromHex("1603034000") + body;
        for (int i = 0; i < 8; ++i)
            d.feed(TlsDirection::ServerToClient, std::span(reinterpret_cast<const std::uint8_t *>(record.constData()), std::size_t(record.size())), 1, 0);
        QCOMPARE(d.result().handshakes.size(), kTlsMaxHandshakesKept);
        QVERIFY(d.failed(TlsDirection::ServerToClient));
        const QByteArray tiny = QByteArray::fromHex("170303000141").repeated(int(kTlsMaxRecordsKept) + 10);
        d.feed(TlsDirection::ClientToServer, std::span(reinterpret_cast<const std::uint8_t *>(tiny.constData()), std::size_t(tiny.size())), 2, 0);
        QCOMPARE(d.result().records.size(), kTlsMaxRecordsKept);
        QVERIFY(d.failed(TlsDirection::ClientToServer));
    }
    // Not TLS at all.
    r = run("GET / HTTP/1.1\r\n\r\n");
    QVERIFY(!r.isTls);
    QVERIFY(!r.error[0].isEmpty());
    // An encrypted record too short for a tag, after a TLS 1.3 ServerHello would have been seen: no crash.
    r = run(QByteArray::fromHex("1703030003414243"));
    QCOMPARE(r.records.size(), std::size_t(1));
    QVERIFY(r.records[0].encrypted);
    QVERIFY(r.records[0].status != TlsDecryptStatus::Decrypted);
}

void TestTlsDissect::mutatedHandshakesNeverCrash()
{
    Config cfg;
    Run run = converse(*m_id, cfg);
    SSL_SESSION_free(run.session);
    const TlsSecrets secrets = withKeyLog(run.keyLog);
    std::mt19937 rng(5);
    int malformed = 0;
    for (int i = 0; i < 400; ++i) {
        TlsDissector d(&secrets);
        for (const auto &s : run.segments) {
            QByteArray b = s.bytes;
            for (int k = 0; k < 3; ++k)
                b[int(rng() % std::uint32_t(b.size()))] = char(rng());
            d.feed(TlsDirection(s.dir), std::span(reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size())), 1, 0);
        }
        d.finish();
        const TlsConnectionResult r = d.takeResult();
        for (const auto &h : r.handshakes)
            malformed += h.malformed ? 1 : 0;
        for (const auto &rec : r.records)
            malformed += rec.malformed ? 1 : 0;
    }
    QVERIFY(malformed > 0);
}

QTEST_GUILESS_MAIN(TestTlsDissect)
#include "tst_tlsdissect.moc"
