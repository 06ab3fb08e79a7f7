// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsca.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace wirelab {

namespace {

constexpr qint64 kDay = 24 * 3600;

QString opensslError()
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0)
        return QStringLiteral("unknown OpenSSL error");
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(len));
}

// Writes data to path with mode 0600, atomically (temporary file + rename).
bool writePrivateFile(const QString &path, const QByteArray &data, QString *error)
{
    // A name of our own: two programs opening the same folder at once must not share a temporary file.
    const QByteArray tmp = QFile::encodeName(path + QStringLiteral(".tmp.%1").arg(::getpid()));
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QCoreApplication::translate("TlsCa", "Cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    ::fchmod(fd, 0600); // an existing temporary file keeps its mode otherwise
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = QCoreApplication::translate("TlsCa", "Cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            ::close(fd);
            ::unlink(tmp.constData());
            return false;
        }
        done += n;
    }
    ::fsync(fd);
    ::close(fd);
    if (::rename(tmp.constData(), QFile::encodeName(path).constData()) != 0) {
        *error = QCoreApplication::translate("TlsCa", "Cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        ::unlink(tmp.constData());
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(1 << 20);
}

QByteArray keyToPem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    QByteArray out = bioBytes(bio);
    BIO_free(bio);
    return out;
}

EVP_PKEY *keyFromPem(const QByteArray &pem)
{
    if (pem.isEmpty())
        return nullptr;
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    ERR_clear_error();
    return key;
}

X509 *certFromPem(const QByteArray &pem)
{
    if (pem.isEmpty())
        return nullptr;
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    ERR_clear_error();
    return cert;
}

// libctx null: the default context (the system's random generator).
EVP_PKEY *generateKey(TlsKeyType type, OSSL_LIB_CTX *libctx = nullptr)
{
    switch (type) {
    case TlsKeyType::Rsa2048: return EVP_PKEY_Q_keygen(libctx, nullptr, "RSA", size_t(2048));
    case TlsKeyType::Rsa4096: return EVP_PKEY_Q_keygen(libctx, nullptr, "RSA", size_t(4096));
    case TlsKeyType::P256: return EVP_PKEY_Q_keygen(libctx, nullptr, "EC", "P-256");
    case TlsKeyType::Ed25519: return EVP_PKEY_Q_keygen(libctx, nullptr, "ED25519");
    }
    return nullptr;
}

EVP_PKEY *keyFromPemIn(const QByteArray &pem, OSSL_LIB_CTX *libctx)
{
    if (pem.isEmpty())
        return nullptr;
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey_ex(bio, nullptr, nullptr, nullptr, libctx, nullptr);
    BIO_free(bio);
    ERR_clear_error();
    return key;
}

bool keyMatchesType(EVP_PKEY *key, TlsKeyType type)
{
    switch (type) {
    case TlsKeyType::Rsa2048: return EVP_PKEY_is_a(key, "RSA") && EVP_PKEY_get_bits(key) == 2048;
    case TlsKeyType::Rsa4096: return EVP_PKEY_is_a(key, "RSA") && EVP_PKEY_get_bits(key) == 4096;
    case TlsKeyType::P256: {
        char group[64] = {};
        size_t len = 0;
        return EVP_PKEY_is_a(key, "EC")
               && EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &len) == 1
               && std::strcmp(group, "prime256v1") == 0;
    }
    case TlsKeyType::Ed25519: return EVP_PKEY_is_a(key, "ED25519");
    }
    return false;
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

// Deterministic mode's serial: the first 16 bytes of SHA-256 over what makes the certificate what it is
// (subject, issuer, dates, key, SAN, CA or not), top bit cleared: positive, at most 16 bytes, the same on
// every machine, and different whenever the contents differ.
bool setContentSerial(X509 *cert, const QString &commonName, X509 *issuerCert, EVP_PKEY *subjectKey,
                      std::time_t notBefore, std::time_t notAfter, bool ca, int pathLen, const QByteArray &san)
{
    QByteArray in = "wirelab deterministic serial\n" + commonName.toUtf8() + '\n';
    if (issuerCert) {
        char buf[512] = {};
        X509_NAME_oneline(X509_get_subject_name(issuerCert), buf, sizeof buf);
        in += QByteArray(buf) + '\n';
    }
    in += QByteArray::number(qint64(notBefore)) + '\n' + QByteArray::number(qint64(notAfter)) + '\n'
          + QByteArray::number(ca) + QByteArray::number(pathLen) + '\n' + san + '\n';
    unsigned char *der = nullptr;
    const int len = i2d_PUBKEY(subjectKey, &der);
    if (len <= 0)
        return false;
    in += QByteArray(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    unsigned char md[32];
    unsigned int mdLen = 0;
    if (EVP_Digest(in.constData(), size_t(in.size()), md, &mdLen, EVP_sha256(), nullptr) != 1)
        return false;
    md[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(md, 16, nullptr);
    ASN1_INTEGER *serial = bn ? BN_to_ASN1_INTEGER(bn, nullptr) : nullptr;
    const bool ok = serial && X509_set_serialNumber(cert, serial) == 1;
    ASN1_INTEGER_free(serial);
    BN_free(bn);
    return ok;
}

bool setRandomSerial(X509 *cert)
{
    BIGNUM *bn = BN_new();
    // 127 random bits, top bit clear: a positive serial of at most 16 bytes (RFC 5280 4.1.2.2).
    bool ok = BN_rand(bn, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1;
    if (ok) {
        ASN1_INTEGER *serial = BN_to_ASN1_INTEGER(bn, nullptr);
        ok = serial && X509_set_serialNumber(cert, serial) == 1;
        ASN1_INTEGER_free(serial);
    }
    BN_free(bn);
    return ok;
}

// Deterministic mode's random source and the lock that keeps one user on it at a time.
struct Determinism
{
    TlsDeterministicRand rand;
    std::mutex mutex;
};

// Makes a certificate for subjectKey signed by issuerKey (issuerCert null: self-signed). det: deterministic
// mode (content serial; the signature's randomness, ECDSA's nonce, from a stream labelled with the serial).
X509 *makeCert(EVP_PKEY *subjectKey, const QString &commonName, X509 *issuerCert, EVP_PKEY *issuerKey,
               std::time_t notBefore, std::time_t notAfter, bool ca, int pathLen, const QByteArray &san,
               QString *error, Determinism *det = nullptr)
{
    X509 *cert = X509_new();
    bool ok = cert && X509_set_version(cert, 2) == 1
              && (det ? setContentSerial(cert, commonName, issuerCert, subjectKey, notBefore, notAfter, ca, pathLen, san)
                      : setRandomSerial(cert));
    if (ok) {
        ASN1_TIME *nb = ASN1_TIME_set(nullptr, notBefore);
        ASN1_TIME *na = ASN1_TIME_set(nullptr, notAfter);
        ok = nb && na && X509_set1_notBefore(cert, nb) == 1 && X509_set1_notAfter(cert, na) == 1;
        ASN1_TIME_free(nb);
        ASN1_TIME_free(na);
    }
    if (ok) {
        X509_NAME *name = X509_get_subject_name(cert);
        if (ca)
            X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char *>("Wirelab"), -1, -1, 0);
        const QByteArray cn = commonName.toUtf8();
        ok = X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                        reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0)
                 == 1
             && X509_set_issuer_name(cert, issuerCert ? X509_get_subject_name(issuerCert) : name) == 1
             && X509_set_pubkey(cert, subjectKey) == 1;
    }
    X509 *issuerForExt = issuerCert ? issuerCert : cert;
    if (ok && ca) {
        const QByteArray bc = pathLen >= 0 ? QByteArray("critical,CA:TRUE,pathlen:") + QByteArray::number(pathLen)
                                           : QByteArray("critical,CA:TRUE");
        ok = addExtension(cert, issuerForExt, NID_basic_constraints, bc)
             && addExtension(cert, issuerForExt, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else if (ok) {
        const QByteArray ku = EVP_PKEY_is_a(subjectKey, "RSA") ? "critical,digitalSignature,keyEncipherment"
                                                                : "critical,digitalSignature";
        ok = addExtension(cert, issuerForExt, NID_basic_constraints, "critical,CA:FALSE")
             && addExtension(cert, issuerForExt, NID_key_usage, ku)
             && addExtension(cert, issuerForExt, NID_ext_key_usage, "serverAuth");
        if (ok && !san.isEmpty())
            ok = addExtension(cert, issuerForExt, NID_subject_alt_name, san);
    }
    if (ok)
        ok = addExtension(cert, issuerForExt, NID_subject_key_identifier, "hash");
    if (ok && issuerCert)
        ok = addExtension(cert, issuerForExt, NID_authority_key_identifier, "keyid:always");
    if (ok) {
        // Ed25519 signs without a separate digest; every CA key here is P-256, so SHA-256 in practice.
        const EVP_MD *md = EVP_PKEY_is_a(issuerKey, "ED25519") ? nullptr : EVP_sha256();
        if (!det) {
            ok = X509_sign(cert, issuerKey, md) > 0;
        } else {
            // Signed in the deterministic context (its provider, its random stream) from a stream of its own.
            std::lock_guard lock(det->mutex);
            const ASN1_INTEGER *serial = X509_get0_serialNumber(cert);
            const QByteArray label = "sign:" + QByteArray(reinterpret_cast<const char *>(serial->data), serial->length).toHex();
            EVP_MD_CTX *mctx = EVP_MD_CTX_new();
            ok = mctx && det->rand.restart(label, 0)
                 && EVP_DigestSignInit_ex(mctx, nullptr, md ? "SHA256" : nullptr, det->rand.libctx(), nullptr,
                                          issuerKey, nullptr) == 1
                 && X509_sign_ctx(cert, mctx) > 0;
            EVP_MD_CTX_free(mctx);
        }
    }
    if (!ok) {
        *error = QCoreApplication::translate("TlsCa", "Cannot make the certificate \"%1\": %2").arg(commonName, opensslError());
        X509_free(cert);
        return nullptr;
    }
    return cert;
}

QDateTime asn1ToDateTime(const ASN1_TIME *t)
{
    struct tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

QString nameToString(const X509_NAME *name)
{
    BIO *bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253);
    const QString s = QString::fromUtf8(bioBytes(bio));
    BIO_free(bio);
    return s;
}

} // namespace

// ---- TlsDeterministicRand ---------------------------------------------------------------------------------

TlsDeterministicRand::~TlsDeterministicRand()
{
    if (m_provider)
        OSSL_PROVIDER_unload(m_provider);
    OSSL_LIB_CTX_free(m_libctx);
}

bool TlsDeterministicRand::init(QString *error)
{
    m_libctx = OSSL_LIB_CTX_new();
    m_provider = m_libctx ? OSSL_PROVIDER_load(m_libctx, "default") : nullptr;
    if (!m_provider || RAND_set_DRBG_type(m_libctx, "TEST-RAND", nullptr, nullptr, nullptr) != 1
        || !restart("init", 0)) {
        if (error)
            *error = QCoreApplication::translate("TlsEndpoint", "OpenSSL cannot set up the deterministic mode: %1")
                         .arg(opensslError());
        return false;
    }
    return true;
}

QByteArray TlsDeterministicRand::stream(const QByteArray &label, std::uint64_t index, std::size_t bytes)
{
    static const QByteArray seed = QByteArrayLiteral("Wirelab TLS lab deterministic mode, seed 1");
    QByteArray out(qsizetype((bytes + 31) / 32 * 32), Qt::Uninitialized);
    QByteArray block = seed + label + '\0' + QByteArray(16, '\0');
    auto putBe = [](char *p, std::uint64_t v) {
        for (int i = 7; i >= 0; --i, v >>= 8)
            p[i] = char(v & 0xff);
    };
    char *tail = block.data() + block.size() - 16;
    putBe(tail, index);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    for (std::uint64_t i = 0; i * 32 < std::uint64_t(out.size()); ++i) {
        putBe(tail + 8, i);
        unsigned int len = 0;
        EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
        EVP_DigestUpdate(ctx, block.constData(), size_t(block.size()));
        EVP_DigestFinal_ex(ctx, reinterpret_cast<unsigned char *>(out.data()) + i * 32, &len);
    }
    EVP_MD_CTX_free(ctx);
    out.truncate(qsizetype(bytes));
    return out;
}

bool TlsDeterministicRand::restart(const QByteArray &label, std::uint64_t index, std::size_t bytes)
{
    if (!m_libctx)
        return false;
    QByteArray bytesOut = stream(label, index, bytes);
    // TEST-RAND copies the buffer; each of the three DRBGs gets the stream from its start.
    for (EVP_RAND_CTX *r : {RAND_get0_primary(m_libctx), RAND_get0_public(m_libctx), RAND_get0_private(m_libctx)}) {
        OSSL_PARAM params[] = {OSSL_PARAM_construct_octet_string(OSSL_RAND_PARAM_TEST_ENTROPY, bytesOut.data(),
                                                                 size_t(bytesOut.size())),
                               OSSL_PARAM_END};
        if (!r || EVP_RAND_CTX_set_params(r, params) != 1)
            return false;
    }
    return true;
}

QString tlsKeyTypeId(TlsKeyType type)
{
    switch (type) {
    case TlsKeyType::Rsa2048: return QStringLiteral("rsa2048");
    case TlsKeyType::Rsa4096: return QStringLiteral("rsa4096");
    case TlsKeyType::P256: return QStringLiteral("p256");
    case TlsKeyType::Ed25519: return QStringLiteral("ed25519");
    }
    return {};
}

std::optional<TlsKeyType> tlsKeyTypeFromId(const QString &id)
{
    for (TlsKeyType t : {TlsKeyType::Rsa2048, TlsKeyType::Rsa4096, TlsKeyType::P256, TlsKeyType::Ed25519}) {
        if (tlsKeyTypeId(t) == id)
            return t;
    }
    return std::nullopt;
}

QString tlsKeyTypeName(TlsKeyType type)
{
    switch (type) {
    case TlsKeyType::Rsa2048: return QCoreApplication::translate("TlsCa", "RSA 2048-bit");
    case TlsKeyType::Rsa4096: return QCoreApplication::translate("TlsCa", "RSA 4096-bit");
    case TlsKeyType::P256: return QCoreApplication::translate("TlsCa", "ECDSA P-256");
    case TlsKeyType::Ed25519: return QCoreApplication::translate("TlsCa", "Ed25519");
    }
    return {};
}

EvpPkeyPtr adoptEvpPkey(EVP_PKEY *key)
{
    return EvpPkeyPtr(key, [](EVP_PKEY *k) { EVP_PKEY_free(k); });
}

X509Ptr adoptX509(X509 *cert)
{
    return X509Ptr(cert, [](X509 *c) { X509_free(c); });
}

QByteArray x509ToPem(X509 *cert)
{
    if (!cert)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    QByteArray out = bioBytes(bio);
    BIO_free(bio);
    return out;
}

QByteArray x509ToDer(X509 *cert)
{
    if (!cert)
        return {};
    unsigned char *buf = nullptr;
    const int len = i2d_X509(cert, &buf);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(buf), len);
    OPENSSL_free(buf);
    return out;
}

TlsCertInfo tlsCertInfo(X509 *cert)
{
    TlsCertInfo info;
    if (!cert)
        return info;
    info.subject = nameToString(X509_get_subject_name(cert));
    info.issuer = nameToString(X509_get_issuer_name(cert));
    info.notBefore = asn1ToDateTime(X509_get0_notBefore(cert));
    info.notAfter = asn1ToDateTime(X509_get0_notAfter(cert));
    if (BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr)) {
        char *hex = BN_bn2hex(bn);
        info.serial = QString::fromLatin1(hex).toLower();
        OPENSSL_free(hex);
        BN_free(bn);
    }
    if (EVP_PKEY *key = X509_get0_pubkey(cert)) {
        for (TlsKeyType t : {TlsKeyType::Rsa2048, TlsKeyType::Rsa4096, TlsKeyType::P256, TlsKeyType::Ed25519}) {
            if (keyMatchesType(key, t))
                info.keyType = tlsKeyTypeName(t);
        }
        if (info.keyType.isEmpty())
            info.keyType = QStringLiteral("%1 %2-bit").arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key)))
                               .arg(EVP_PKEY_get_bits(key));
    }
    if (auto *names = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr))) {
        for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
            const GENERAL_NAME *gn = sk_GENERAL_NAME_value(names, i);
            if (gn->type == GEN_DNS) {
                const ASN1_IA5STRING *s = gn->d.dNSName;
                info.subjectAltNames << QStringLiteral("DNS:")
                                            + QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                                                                  ASN1_STRING_length(s));
            } else if (gn->type == GEN_IPADD) {
                const ASN1_OCTET_STRING *s = gn->d.iPAddress;
                const unsigned char *p = ASN1_STRING_get0_data(s);
                if (ASN1_STRING_length(s) == 4)
                    info.subjectAltNames << QStringLiteral("IP:%1.%2.%3.%4").arg(p[0]).arg(p[1]).arg(p[2]).arg(p[3]);
            }
        }
        GENERAL_NAMES_free(names);
    }
    info.isCa = X509_check_ca(cert) > 0;
    info.der = x509ToDer(cert);
    info.pem = x509ToPem(cert);
    return info;
}

std::vector<X509Ptr> TlsServerIdentity::sentChain() const
{
    if (spec.omitIntermediates)
        return {};
    return intermediates;
}

QByteArray TlsServerIdentity::keyPem() const
{
    return key ? keyToPem(key.get()) : QByteArray();
}

QByteArray TlsServerIdentity::leafPem() const
{
    return x509ToPem(leaf.get());
}

QByteArray TlsServerIdentity::leafDer() const
{
    return x509ToDer(leaf.get());
}

QByteArray TlsServerIdentity::chainPem() const
{
    QByteArray out = leafPem();
    for (const X509Ptr &c : sentChain())
        out += x509ToPem(c.get());
    return out;
}

struct TlsCa::Impl
{
    QString dir;
    bool open = false;
    bool rootReused = false;
    std::unique_ptr<Determinism> det; // deterministic mode
    EvpPkeyPtr rootKey, untrustedKey;
    X509Ptr root, untrusted;
    std::mutex mutex; // keys cache and files
    std::map<TlsKeyType, EvpPkeyPtr> serverKeys;
    EvpPkeyPtr intermediateKeys[TlsCa::kMaxIntermediates];

    QString path(const QString &name) const { return dir + QLatin1Char('/') + name; }

    // Loads name.pem or makes a key with make() and saves it.
    EvpPkeyPtr loadOrMakeKey(const QString &name, TlsKeyType type, QString *error, bool *loaded = nullptr)
    {
        if (EVP_PKEY *key = det ? keyFromPemIn(readFile(path(name)), det->rand.libctx()) : keyFromPem(readFile(path(name)))) {
            if (keyMatchesType(key, type)) {
                if (loaded)
                    *loaded = true;
                return adoptEvpPkey(key);
            }
            EVP_PKEY_free(key);
        }
        if (loaded)
            *loaded = false;
        EVP_PKEY *key = nullptr;
        if (det) {
            // Its own stream per file name: the same key whatever was generated before it.
            std::lock_guard lock(det->mutex);
            if (det->rand.restart("key:" + name.toUtf8(), 0, TlsDeterministicRand::kKeyBytes))
                key = generateKey(type, det->rand.libctx());
        } else {
            key = generateKey(type);
        }
        if (!key) {
            *error = QCoreApplication::translate("TlsCa", "Cannot generate a %1 key: %2").arg(tlsKeyTypeName(type), opensslError());
            return {};
        }
        EvpPkeyPtr owned = adoptEvpPkey(key);
        if (!writePrivateFile(path(name), keyToPem(key), error))
            return {};
        return owned;
    }

    bool loadOrMakeRoot(const QString &stem, const QString &commonName, EvpPkeyPtr *keyOut, X509Ptr *certOut,
                        bool *reused, QString *error)
    {
        bool keyLoaded = false;
        EvpPkeyPtr key = loadOrMakeKey(stem + QStringLiteral("-key.pem"), TlsKeyType::P256, error, &keyLoaded);
        if (!key)
            return false;
        const QString certPath = path(stem + QStringLiteral("-cert.pem"));
        // Deterministic: made again every time (the same bytes), never trusted from the folder.
        X509 *cert = keyLoaded && !det ? certFromPem(readFile(certPath)) : nullptr;
        // Reuse a root only when it belongs to the key and stays valid for at least 30 more days.
        if (cert
            && (X509_check_private_key(cert, key.get()) != 1
                || X509_cmp_time(X509_get0_notAfter(cert), nullptr) < 0
                || X509_cmp_timeframe(nullptr, X509_get0_notBefore(cert), nullptr) != 0
                || ASN1_TIME_cmp_time_t(X509_get0_notAfter(cert), std::time(nullptr) + 30 * kDay) < 0)) {
            ERR_clear_error();
            X509_free(cert);
            cert = nullptr;
        }
        *reused = det ? keyLoaded : cert != nullptr;
        if (!cert) {
            const std::time_t now = std::time(nullptr);
            cert = det ? makeCert(key.get(), commonName, nullptr, key.get(),
                                  TlsCa::deterministicNotBefore().toSecsSinceEpoch(),
                                  TlsCa::deterministicNotAfter().toSecsSinceEpoch(), true, -1, {}, error, det.get())
                       : makeCert(key.get(), commonName, nullptr, key.get(), now - kDay, now + 3650 * kDay, true, -1,
                                  {}, error);
            if (!cert || !writePrivateFile(certPath, x509ToPem(cert), error)) {
                X509_free(cert);
                return false;
            }
        }
        *keyOut = key;
        *certOut = adoptX509(cert);
        return true;
    }
};

QString TlsCa::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/tls-ca");
}

QString TlsCa::deterministicDirectory(const QString &caDirectory)
{
    return caDirectory + QStringLiteral("/deterministic");
}

QDateTime TlsCa::deterministicNotBefore()
{
    return QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
}

QDateTime TlsCa::deterministicNotAfter()
{
    return QDateTime(QDate(2046, 1, 1), QTime(0, 0), Qt::UTC);
}

TlsCa::TlsCa(QString directory, bool deterministic) : m_impl(std::make_unique<Impl>())
{
    m_impl->dir = directory.isEmpty() ? defaultDirectory() : directory;
    if (deterministic)
        m_impl->det = std::make_unique<Determinism>();
}

bool TlsCa::isDeterministic() const
{
    return m_impl->det != nullptr;
}

TlsCa::~TlsCa() = default;

bool TlsCa::open(QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    std::lock_guard lock(m_impl->mutex);
    if (m_impl->open)
        return true;
    if (m_impl->det && !m_impl->det->rand.libctx() && !m_impl->det->rand.init(error))
        return false;
    if (!QDir().mkpath(m_impl->dir)) {
        *error = QCoreApplication::translate("TlsCa", "Cannot create the certificate authority's folder %1.").arg(m_impl->dir);
        return false;
    }
    if (::chmod(QFile::encodeName(m_impl->dir).constData(), 0700) != 0) {
        *error = QCoreApplication::translate("TlsCa", "Cannot make %1 private (chmod 0700): %2")
                     .arg(m_impl->dir, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    bool untrustedReused = false;
    if (!m_impl->loadOrMakeRoot(QStringLiteral("root"), QStringLiteral("Wirelab Lab Root CA"), &m_impl->rootKey,
                                &m_impl->root, &m_impl->rootReused, error)
        || !m_impl->loadOrMakeRoot(QStringLiteral("untrusted-root"), QStringLiteral("Wirelab Untrusted Root CA"),
                                   &m_impl->untrustedKey, &m_impl->untrusted, &untrustedReused, error))
        return false;
    m_impl->open = true;
    return true;
}

bool TlsCa::isOpen() const
{
    return m_impl->open;
}

QString TlsCa::directory() const
{
    return m_impl->dir;
}

bool TlsCa::rootReused() const
{
    return m_impl->rootReused;
}

X509 *TlsCa::root() const
{
    return m_impl->root.get();
}

X509 *TlsCa::untrustedRoot() const
{
    return m_impl->untrusted.get();
}

X509Ptr TlsCa::rootPtr() const
{
    return m_impl->root;
}

QByteArray TlsCa::rootPem() const
{
    return x509ToPem(m_impl->root.get());
}

QByteArray TlsCa::rootDer() const
{
    return x509ToDer(m_impl->root.get());
}

X509_STORE *TlsCa::newTrustStore() const
{
    X509_STORE *store = X509_STORE_new();
    if (store && m_impl->root)
        X509_STORE_add_cert(store, m_impl->root.get());
    return store;
}

EvpPkeyPtr TlsCa::serverKey(TlsKeyType type, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    std::lock_guard lock(m_impl->mutex);
    if (!m_impl->open) {
        *error = QCoreApplication::translate("TlsCa", "The certificate authority is not open.");
        return {};
    }
    auto it = m_impl->serverKeys.find(type);
    if (it != m_impl->serverKeys.end())
        return it->second;
    EvpPkeyPtr key = m_impl->loadOrMakeKey(QStringLiteral("server-%1-key.pem").arg(tlsKeyTypeId(type)), type, error);
    if (key)
        m_impl->serverKeys[type] = key;
    return key;
}

bool TlsCa::issue(const TlsCertSpec &spec, TlsServerIdentity *out, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (!m_impl->open) {
        *error = QCoreApplication::translate("TlsCa", "The certificate authority is not open.");
        return false;
    }
    if (spec.intermediates < 0 || spec.intermediates > TlsCa::kMaxIntermediates) {
        *error = QCoreApplication::translate("TlsCa", "A chain has 0 to %1 intermediate certificates, not %2.")
                     .arg(TlsCa::kMaxIntermediates)
                     .arg(spec.intermediates);
        return false;
    }
    const std::time_t now = std::time(nullptr);
    Determinism *det = m_impl->det.get();
    const std::time_t fixedFrom = deterministicNotBefore().toSecsSinceEpoch();
    const std::time_t fixedTo = deterministicNotAfter().toSecsSinceEpoch();
    const std::time_t notBefore = spec.notBefore.isValid() ? std::time_t(spec.notBefore.toSecsSinceEpoch())
                                  : det                    ? fixedFrom
                                                           : now - 3600;
    const std::time_t notAfter = spec.notAfter.isValid() ? std::time_t(spec.notAfter.toSecsSinceEpoch())
                                 : det                   ? fixedTo
                                                         : now + 90 * kDay;
    if (notAfter <= notBefore) {
        *error = QCoreApplication::translate("TlsCa", "The certificate must end after it begins.");
        return false;
    }
    QByteArrayList sanParts;
    for (const QString &dns : spec.dnsNames) {
        const QByteArray d = dns.trimmed().toUtf8();
        if (d.isEmpty() || d.contains(',') || d.contains(':')) {
            *error = QCoreApplication::translate("TlsCa", "\"%1\" is not a DNS name.").arg(dns);
            return false;
        }
        sanParts << "DNS:" + d;
    }
    for (const QString &ip : spec.ipAddresses) {
        const QByteArray a = ip.trimmed().toLatin1();
        if (a.isEmpty() || a.contains(',')) {
            *error = QCoreApplication::translate("TlsCa", "\"%1\" is not an IP address.").arg(ip);
            return false;
        }
        sanParts << "IP:" + a;
    }
    EvpPkeyPtr leafKey = serverKey(spec.keyType, error);
    if (!leafKey)
        return false;

    TlsServerIdentity id;
    id.spec = spec;
    id.key = leafKey;
    X509 *issuerCert = spec.untrustedRoot ? m_impl->untrusted.get() : m_impl->root.get();
    EVP_PKEY *issuerKey = spec.untrustedRoot ? m_impl->untrustedKey.get() : m_impl->rootKey.get();
    id.root = spec.untrustedRoot ? m_impl->untrusted : m_impl->root;
    // Intermediates from the top (signed by the root) down; each valid as long as the root needs.
    std::vector<X509Ptr> topDown;
    for (int i = 0; i < spec.intermediates; ++i) {
        EvpPkeyPtr key;
        {
            std::lock_guard lock(m_impl->mutex);
            if (!m_impl->intermediateKeys[i])
                m_impl->intermediateKeys[i] = m_impl->loadOrMakeKey(
                    QStringLiteral("intermediate-%1-key.pem").arg(i + 1), TlsKeyType::P256, error);
            key = m_impl->intermediateKeys[i];
        }
        if (!key)
            return false;
        const QString cn = QStringLiteral("Wirelab Lab Intermediate CA %1%2")
                               .arg(i + 1)
                               .arg(spec.untrustedRoot ? QStringLiteral(" (untrusted)") : QString());
        X509 *cert = makeCert(key.get(), cn, issuerCert, issuerKey, det ? fixedFrom : now - kDay,
                              det ? fixedTo : now + 365 * kDay, true, -1, {}, error, det);
        if (!cert)
            return false;
        topDown.push_back(adoptX509(cert));
        issuerCert = cert;
        issuerKey = key.get();
    }
    X509 *leaf = makeCert(leafKey.get(), spec.commonName.isEmpty() ? QStringLiteral("server.lab") : spec.commonName,
                          issuerCert, issuerKey, notBefore, notAfter, false, -1, sanParts.join(','), error, det);
    if (!leaf)
        return false;
    id.leaf = adoptX509(leaf);
    id.intermediates.assign(topDown.rbegin(), topDown.rend());
    *out = std::move(id);
    return true;
}

} // namespace wirelab
