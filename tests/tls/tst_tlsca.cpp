// SPDX-License-Identifier: GPL-3.0-or-later
// The TLS lab's certificate authority: key types, validity dates, names, chain lengths, private files, and
// the root reused across runs, deterministic mode (two folders, the same keys and certificates). Chains are
// checked with OpenSSL's own X509_verify_cert.
#include "tls/tlsca.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <sys/stat.h>

using namespace wirelab;

namespace {

// X509_verify_cert of leaf with the given untrusted intermediates against the CA's trust store.
int verifyChain(const TlsCa &ca, const TlsServerIdentity &id, const std::vector<X509Ptr> &sent)
{
    X509_STORE *store = ca.newTrustStore();
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    for (const X509Ptr &c : sent)
        sk_X509_push(untrusted, c.get());
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, id.leaf.get(), untrusted);
    const int ok = X509_verify_cert(ctx);
    const int err = ok == 1 ? X509_V_OK : X509_STORE_CTX_get_error(ctx);
    X509_STORE_CTX_free(ctx);
    sk_X509_free(untrusted);
    X509_STORE_free(store);
    return err;
}

int modeOf(const QString &path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

} // namespace

class TestTlsCa final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<TlsCa> m_ca;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ca = std::make_unique<TlsCa>(m_dir.path() + QStringLiteral("/ca"));
        QString error;
        QVERIFY2(m_ca->open(&error), qPrintable(error));
        QVERIFY(!m_ca->rootReused());
    }

    void rootIsASelfSignedCa()
    {
        const TlsCertInfo info = tlsCertInfo(m_ca->root());
        QVERIFY(info.isCa);
        QCOMPARE(info.subject, info.issuer);
        QVERIFY(info.subject.contains(QStringLiteral("Wirelab Lab Root CA")));
        QVERIFY(info.pem.startsWith("-----BEGIN CERTIFICATE-----"));
        QCOMPARE(m_ca->rootDer(), info.der);
        QVERIFY(tlsCertInfo(m_ca->untrustedRoot()).subject != info.subject);
    }

    void filesArePrivate()
    {
        QString error;
        QVERIFY(m_ca->serverKey(TlsKeyType::P256, &error));
        QCOMPARE(modeOf(m_ca->directory()), 0700);
        const QFileInfoList files = QDir(m_ca->directory()).entryInfoList(QDir::Files);
        QVERIFY2(files.size() >= 5, qPrintable(QString::number(files.size())));
        for (const QFileInfo &f : files)
            QVERIFY2(modeOf(f.absoluteFilePath()) == 0600, qPrintable(f.fileName()));
    }

    void rootIsReusedAcrossRuns()
    {
        QString error;
        const EvpPkeyPtr key = m_ca->serverKey(TlsKeyType::P256, &error);
        TlsCa again(m_ca->directory());
        QVERIFY2(again.open(&error), qPrintable(error));
        QVERIFY(again.rootReused());
        QCOMPARE(again.rootDer(), m_ca->rootDer());
        const EvpPkeyPtr key2 = again.serverKey(TlsKeyType::P256, &error);
        QVERIFY(key2);
        QCOMPARE(EVP_PKEY_eq(key.get(), key2.get()), 1);
    }

    void aDamagedRootIsReplaced()
    {
        QTemporaryDir dir;
        QString error;
        QByteArray firstRoot;
        {
            TlsCa ca(dir.path());
            QVERIFY2(ca.open(&error), qPrintable(error));
            firstRoot = ca.rootDer();
        }
        QFile f(dir.path() + QStringLiteral("/root-cert.pem"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("garbage");
        f.close();
        TlsCa ca(dir.path());
        QVERIFY2(ca.open(&error), qPrintable(error));
        QVERIFY(!ca.rootReused());
        QVERIFY(!ca.rootDer().isEmpty());
        QVERIFY(ca.rootDer() != firstRoot);
        QCOMPARE(modeOf(dir.path() + QStringLiteral("/root-cert.pem")), 0600);
    }

    void keyTypes_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("opensslType");
        QTest::addColumn<int>("bits");
        QTest::newRow("RSA 2048") << int(TlsKeyType::Rsa2048) << "RSA" << 2048;
        QTest::newRow("RSA 4096") << int(TlsKeyType::Rsa4096) << "RSA" << 4096;
        QTest::newRow("P-256") << int(TlsKeyType::P256) << "EC" << 256;
        QTest::newRow("Ed25519") << int(TlsKeyType::Ed25519) << "ED25519" << 256; // OpenSSL 3.0 says 256
    }
    void keyTypes()
    {
        QFETCH(int, type);
        QFETCH(QString, opensslType);
        QFETCH(int, bits);
        TlsCertSpec spec;
        spec.keyType = TlsKeyType(type);
        TlsServerIdentity id;
        QString error;
        QVERIFY2(m_ca->issue(spec, &id, &error), qPrintable(error));
        EVP_PKEY *pub = X509_get0_pubkey(id.leaf.get());
        QVERIFY(EVP_PKEY_is_a(pub, opensslType.toLatin1().constData()));
        QCOMPARE(EVP_PKEY_get_bits(pub), bits);
        QCOMPARE(X509_check_private_key(id.leaf.get(), id.key.get()), 1);
        QCOMPARE(tlsCertInfo(id.leaf.get()).keyType, tlsKeyTypeName(spec.keyType));
        QVERIFY(id.keyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
        // Cached: the same key again, and on disk under its type's name.
        QCOMPARE(EVP_PKEY_eq(m_ca->serverKey(spec.keyType, &error).get(), id.key.get()), 1);
        QVERIFY(QFile::exists(m_ca->directory() + QStringLiteral("/server-%1-key.pem").arg(tlsKeyTypeId(spec.keyType))));
        QCOMPARE(tlsKeyTypeFromId(tlsKeyTypeId(spec.keyType)), std::optional<TlsKeyType>(spec.keyType));
    }

    void validityDates_data()
    {
        QTest::addColumn<qint64>("fromNowS");
        QTest::addColumn<qint64>("untilNowS");
        QTest::addColumn<int>("verifyResult");
        QTest::newRow("valid for 90 days") << qint64(-3600) << qint64(90 * 86400) << int(X509_V_OK);
        QTest::newRow("expired yesterday") << qint64(-30 * 86400) << qint64(-86400) << int(X509_V_ERR_CERT_HAS_EXPIRED);
        QTest::newRow("valid from tomorrow") << qint64(86400) << qint64(30 * 86400) << int(X509_V_ERR_CERT_NOT_YET_VALID);
    }
    void validityDates()
    {
        QFETCH(qint64, fromNowS);
        QFETCH(qint64, untilNowS);
        QFETCH(int, verifyResult);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        TlsCertSpec spec;
        spec.keyType = TlsKeyType::P256;
        spec.notBefore = now.addSecs(fromNowS);
        spec.notAfter = now.addSecs(untilNowS);
        TlsServerIdentity id;
        QString error;
        QVERIFY2(m_ca->issue(spec, &id, &error), qPrintable(error));
        const TlsCertInfo info = tlsCertInfo(id.leaf.get());
        QCOMPARE(info.notBefore.toSecsSinceEpoch(), spec.notBefore.toSecsSinceEpoch());
        QCOMPARE(info.notAfter.toSecsSinceEpoch(), spec.notAfter.toSecsSinceEpoch());
        QCOMPARE(verifyChain(*m_ca, id, id.sentChain()), verifyResult);
    }

    void subjectAltNames()
    {
        TlsCertSpec spec;
        spec.keyType = TlsKeyType::P256;
        spec.dnsNames = {QStringLiteral("other.lab"), QStringLiteral("*.wild.lab")};
        spec.ipAddresses = {QStringLiteral("198.18.0.2")};
        TlsServerIdentity id;
        QString error;
        QVERIFY2(m_ca->issue(spec, &id, &error), qPrintable(error));
        QCOMPARE(tlsCertInfo(id.leaf.get()).subjectAltNames,
                 QStringList({"DNS:other.lab", "DNS:*.wild.lab", "IP:198.18.0.2"}));
        QCOMPARE(X509_check_host(id.leaf.get(), "server.lab", 0, 0, nullptr), 0);
        QCOMPARE(X509_check_host(id.leaf.get(), "other.lab", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_host(id.leaf.get(), "a.wild.lab", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_ip_asc(id.leaf.get(), "198.18.0.2", 0), 1);
    }

    void chainLengths_data()
    {
        QTest::addColumn<int>("intermediates");
        for (int n = 0; n <= TlsCa::kMaxIntermediates; ++n)
            QTest::addRow("%d intermediates", n) << n;
    }
    void chainLengths()
    {
        QFETCH(int, intermediates);
        TlsCertSpec spec;
        spec.keyType = TlsKeyType::P256;
        spec.intermediates = intermediates;
        TlsServerIdentity id;
        QString error;
        QVERIFY2(m_ca->issue(spec, &id, &error), qPrintable(error));
        QCOMPARE(int(id.intermediates.size()), intermediates);
        QCOMPARE(verifyChain(*m_ca, id, id.sentChain()), int(X509_V_OK));
        // Each certificate is issued by the next one up; the top one by the root.
        X509 *child = id.leaf.get();
        for (const X509Ptr &ca : id.intermediates) {
            QCOMPARE(X509_check_issued(ca.get(), child), int(X509_V_OK));
            QVERIFY(tlsCertInfo(ca.get()).isCa);
            child = ca.get();
        }
        QCOMPARE(X509_check_issued(m_ca->root(), child), int(X509_V_OK));
        QCOMPARE(id.chainPem().count("BEGIN CERTIFICATE"), intermediates + 1);
        if (intermediates > 0) {
            spec.omitIntermediates = true;
            QVERIFY2(m_ca->issue(spec, &id, &error), qPrintable(error));
            QVERIFY(id.sentChain().empty());
            QCOMPARE(id.chainPem().count("BEGIN CERTIFICATE"), 1);
            QCOMPARE(verifyChain(*m_ca, id, id.sentChain()), int(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY));
        }
    }

    void untrustedRootIsUnknown()
    {
        TlsCertSpec spec;
        spec.keyType = TlsKeyType::P256;
        spec.untrustedRoot = true;
        spec.intermediates = 1;
        TlsServerIdentity id;
        QString error;
        QVERIFY2(m_ca->issue(spec, &id, &error), qPrintable(error));
        QCOMPARE(id.root.get(), m_ca->untrustedRoot());
        QCOMPARE(verifyChain(*m_ca, id, id.sentChain()), int(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY));
    }

    void deterministicCaIsTheSameEverywhere_data()
    {
        QTest::addColumn<int>("keyType");
        QTest::newRow("rsa2048") << int(TlsKeyType::Rsa2048);
        QTest::newRow("p256") << int(TlsKeyType::P256);
        QTest::newRow("ed25519") << int(TlsKeyType::Ed25519);
    }
    void deterministicCaIsTheSameEverywhere()
    {
        // Two "students": two fresh folders, and a third CA reopening the first folder (keys loaded from
        // the files, certificates signed again). Every key and certificate is byte for byte the same.
        QFETCH(int, keyType);
        QTemporaryDir dirs[2];
        TlsCertSpec spec;
        spec.keyType = TlsKeyType(keyType);
        spec.intermediates = 2;
        QByteArray keys[3], chains[3], roots[3], untrusted[3];
        for (int i = 0; i < 3; ++i) {
            TlsCa ca(TlsCa::deterministicDirectory(dirs[i % 2].path()), true);
            QString error;
            QVERIFY2(ca.open(&error), qPrintable(error));
            QVERIFY(ca.isDeterministic());
            QCOMPARE(ca.rootReused(), i == 2);
            TlsServerIdentity id;
            QVERIFY2(ca.issue(spec, &id, &error), qPrintable(error));
            QCOMPARE(verifyChain(ca, id, id.sentChain()), int(X509_V_OK));
            keys[i] = id.keyPem();
            chains[i] = id.chainPem();
            roots[i] = ca.rootPem();
            untrusted[i] = x509ToPem(ca.untrustedRoot());
            QCOMPARE(tlsCertInfo(id.leaf.get()).notBefore, TlsCa::deterministicNotBefore());
            QCOMPARE(tlsCertInfo(id.leaf.get()).notAfter, TlsCa::deterministicNotAfter());
            QCOMPARE(modeOf(dirs[i % 2].path() + QStringLiteral("/deterministic/root-key.pem")), 0600);
        }
        for (int i = 1; i < 3; ++i) {
            QCOMPARE(keys[i], keys[0]);
            QCOMPARE(roots[i], roots[0]);
            QCOMPARE(untrusted[i], untrusted[0]);
            QCOMPARE(chains[i], chains[0]);
        }
        // Another spec: another serial (a hash of the contents), still the same key.
        TlsCa ca(TlsCa::deterministicDirectory(dirs[0].path()), true);
        QString error;
        QVERIFY2(ca.open(&error), qPrintable(error));
        TlsCertSpec other = spec;
        other.dnsNames = {QStringLiteral("other.lab")};
        TlsServerIdentity a, b;
        QVERIFY2(ca.issue(spec, &a, &error) && ca.issue(other, &b, &error), qPrintable(error));
        QVERIFY(tlsCertInfo(a.leaf.get()).serial != tlsCertInfo(b.leaf.get()).serial);
        QCOMPARE(a.keyPem(), b.keyPem());
        // The normal CA differs from it, and from itself between folders.
        TlsCa normal(dirs[1].path() + QStringLiteral("/normal"));
        QVERIFY2(normal.open(&error), qPrintable(error));
        QVERIFY(!normal.isDeterministic());
        QVERIFY(normal.rootPem() != roots[0]);
        QVERIFY(m_ca->rootPem() != normal.rootPem());
    }

    void badSpecsAreRefused_data()
    {
        QTest::addColumn<int>("intermediates");
        QTest::addColumn<QString>("dns");
        QTest::addColumn<qint64>("lengthS");
        QTest::newRow("one intermediate too many") << TlsCa::kMaxIntermediates + 1 << "server.lab" << qint64(3600);
        QTest::newRow("negative intermediates") << -1 << "server.lab" << qint64(3600);
        QTest::newRow("comma in a name") << 0 << "a.lab,DNS:b.lab" << qint64(3600);
        QTest::newRow("ends before it begins") << 0 << "server.lab" << qint64(-10);
    }
    void badSpecsAreRefused()
    {
        QFETCH(int, intermediates);
        QFETCH(QString, dns);
        QFETCH(qint64, lengthS);
        TlsCertSpec spec;
        spec.keyType = TlsKeyType::P256;
        spec.intermediates = intermediates;
        spec.dnsNames = {dns};
        spec.notBefore = QDateTime::currentDateTimeUtc();
        spec.notAfter = spec.notBefore.addSecs(lengthS);
        TlsServerIdentity id;
        QString error;
        QVERIFY(!m_ca->issue(spec, &id, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(id.isNull());
    }
};

QTEST_GUILESS_MAIN(TestTlsCa)
#include "tst_tlsca.moc"
