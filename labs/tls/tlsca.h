// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The TLS lab's local certificate authority, made at run time with OpenSSL (EVP_PKEY and X509 APIs).
//
// Why made here and not shipped: a private key in the source tree is a key every student shares with the
// internet. The CA lives in a folder of the user's data directory (QStandardPaths::AppDataLocation +
// "/tls-ca"; tests pass a temporary folder): the folder is 0700, every key file 0600. Present files are
// reused across runs (the root, the second "untrusted" root, the intermediates' keys and one server key per
// key type, because RSA-4096 key generation takes seconds).
//
// What it makes:
//   root            "Wirelab Lab Root CA" (P-256, 10 years): the one root the lab's client trusts.
//   untrusted root  "Wirelab Untrusted Root CA": a second root the client does not trust ("unknown CA").
//   intermediates   0..4 CAs between root and leaf, made fresh per issue() (keys reused, P-256).
//   leaf            the server certificate, with the knobs of TlsCertSpec: key type, validity, names.
// The leaf and intermediates are signed when issue() is called, so "expired" and "not yet valid" are real
// dates, not a mocked clock.
//
// Deterministic mode (the lab's tls.deterministic, TlsCa(dir, true)): the same keys and certificates on every
// machine, so a whole class sees the same Certificate bytes. Every key is generated from its own stream of
// TlsDeterministicRand (label "key:<file name>"), every signature from a stream labelled with the
// certificate's serial, and the serial is a hash of the certificate's contents (names, dates, key) instead
// of 127 random bits. Dates come from the spec; unset ones, the roots' and the intermediates' are fixed
// (kDeterministicNotBefore .. kDeterministicNotAfter). Keys are still saved (0600) and loaded into the
// deterministic library context, so RSA-4096 is generated once. The lab keeps this CA in its own folder
// (<ca dir>/deterministic): never mixed with the student's normal CA. Its keys are public knowledge in
// effect (anyone can derive them): fine for a lab on loopback, never for anything else.

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <openssl/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace wirelab {

enum class TlsKeyType { Rsa2048, Rsa4096, P256, Ed25519 };

// The random source of deterministic mode (CA and endpoints): a library context of its own whose three
// DRBGs are OpenSSL's "TEST-RAND" (RAND_set_DRBG_type). OpenSSL 3.0's TEST-RAND has no generator of its
// own: it hands out the bytes given as OSSL_RAND_PARAM_TEST_ENTROPY and fails when they run out. restart()
// gives it stream(label, index): SHA-256 in counter mode over a fixed seed, the label and the index
// (block i = SHA-256(seed | label | 0 | index | i), index and i 64-bit big-endian). The same (label, index)
// gives the same bytes on every machine; different ones give unrelated bytes. Never secure: the seed is in
// the source. Not thread-safe: one user at a time (the endpoints restart it per connection).
class TlsDeterministicRand final
{
public:
    static constexpr std::size_t kConnectionBytes = 256 * 1024; // a handshake takes well under 4 KiB
    static constexpr std::size_t kKeyBytes = 8 * 1024 * 1024;   // RSA-4096 prime search, with room to spare

    TlsDeterministicRand() = default;
    ~TlsDeterministicRand();
    TlsDeterministicRand(const TlsDeterministicRand &) = delete;
    TlsDeterministicRand &operator=(const TlsDeterministicRand &) = delete;

    bool init(QString *error); // the library context, its default provider and the TEST-RAND DRBGs
    bool restart(const QByteArray &label, std::uint64_t index, std::size_t bytes = kConnectionBytes);
    OSSL_LIB_CTX *libctx() const { return m_libctx; }

    static QByteArray stream(const QByteArray &label, std::uint64_t index, std::size_t bytes);

private:
    OSSL_LIB_CTX *m_libctx = nullptr;
    OSSL_PROVIDER *m_provider = nullptr;
};

// "rsa2048", "rsa4096", "p256", "ed25519" (parameter values and file names).
QString tlsKeyTypeId(TlsKeyType type);
std::optional<TlsKeyType> tlsKeyTypeFromId(const QString &id);
// For people: "RSA 2048-bit", "ECDSA P-256", ...
QString tlsKeyTypeName(TlsKeyType type);

// Owning handles for OpenSSL objects (shared: the same certificate goes to the server thread and the UI).
using EvpPkeyPtr = std::shared_ptr<EVP_PKEY>;
using X509Ptr = std::shared_ptr<X509>;
EvpPkeyPtr adoptEvpPkey(EVP_PKEY *key); // takes the reference
X509Ptr adoptX509(X509 *cert);          // takes the reference

struct TlsCertSpec
{
    TlsKeyType keyType = TlsKeyType::Rsa2048;
    QString commonName = QStringLiteral("server.lab");
    QStringList dnsNames = {QStringLiteral("server.lab"), QStringLiteral("localhost")}; // subjectAltName DNS
    QStringList ipAddresses = {QStringLiteral("127.0.0.1")};                            // subjectAltName IP
    // Validity of the leaf. Invalid QDateTime: now - 1 hour / now + 90 days (the notes' "90 d").
    QDateTime notBefore;
    QDateTime notAfter;
    int intermediates = 0;           // CAs between root and leaf, 0..TlsCa::kMaxIntermediates (4)
    bool untrustedRoot = false;      // the chain ends in the second root, which the client does not trust
    bool omitIntermediates = false;  // the server sends the leaf only ("missing intermediate")
};

// One certificate as the UI shows it.
struct TlsCertInfo
{
    QString subject;  // one-line RFC 2253 form
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QString serial;   // hex
    QString keyType;  // tlsKeyTypeName or "EC P-256" ...
    QStringList subjectAltNames; // "DNS:server.lab", "IP:127.0.0.1"
    bool isCa = false;
    QByteArray der;
    QByteArray pem;
};

TlsCertInfo tlsCertInfo(X509 *cert);
QByteArray x509ToPem(X509 *cert);
QByteArray x509ToDer(X509 *cert);

// A server identity issued by the CA: what a TlsServer needs, and what the lab shows.
struct TlsServerIdentity
{
    TlsCertSpec spec;
    EvpPkeyPtr key;                 // the leaf's private key (the lab "leaks" it)
    X509Ptr leaf;
    std::vector<X509Ptr> intermediates; // leaf's issuer first, up to the one the root signed
    X509Ptr root;                   // the root at the top of this chain (trusted or the untrusted one)

    bool isNull() const { return !leaf || !key; }
    // What the server sends after its leaf: the intermediates, or nothing when spec.omitIntermediates.
    std::vector<X509Ptr> sentChain() const;
    QByteArray keyPem() const;      // PKCS#8, unencrypted
    QByteArray leafPem() const;
    QByteArray leafDer() const;
    QByteArray chainPem() const;    // leaf + sentChain(), as a server's certificate file
};

class TlsCa final
{
public:
    static constexpr int kMaxIntermediates = 4;

    // The default folder: QStandardPaths::AppDataLocation + "/tls-ca".
    static QString defaultDirectory();
    // Where the lab keeps the deterministic CA of the CA folder caDirectory: caDirectory + "/deterministic".
    static QString deterministicDirectory(const QString &caDirectory);
    // Deterministic mode's fixed dates for certificates whose spec leaves them unset, the roots and the
    // intermediates: 2026-01-01T00:00:00Z .. 2046-01-01T00:00:00Z (UTC).
    static QDateTime deterministicNotBefore();
    static QDateTime deterministicNotAfter();

    // deterministic: see the file comment (keys, serials and signatures from TlsDeterministicRand).
    explicit TlsCa(QString directory = {}, bool deterministic = false); // empty: defaultDirectory()
    ~TlsCa();
    TlsCa(const TlsCa &) = delete;
    TlsCa &operator=(const TlsCa &) = delete;

    // Creates the folder (0700) and loads the roots, or makes and saves them (0600). False with *error.
    bool open(QString *error);
    bool isOpen() const;
    QString directory() const;
    bool rootReused() const; // the root was loaded from the folder rather than made now
    bool isDeterministic() const;

    X509 *root() const;           // borrowed; valid while the TlsCa lives
    X509 *untrustedRoot() const;
    X509Ptr rootPtr() const;
    QByteArray rootPem() const;
    QByteArray rootDer() const;
    // A new store holding the trusted root only (the client's trust anchors); the caller frees it
    // (X509_STORE_free), or hands it to SSL_CTX_set_cert_store.
    X509_STORE *newTrustStore() const;

    // The cached key of this type (generated and saved on first use). Thread-safe.
    EvpPkeyPtr serverKey(TlsKeyType type, QString *error);
    // Issues a server identity for spec. False with *error (bad spec, OpenSSL failure).
    bool issue(const TlsCertSpec &spec, TlsServerIdentity *out, QString *error);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace wirelab
