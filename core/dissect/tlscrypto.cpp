// SPDX-License-Identifier: GPL-3.0-or-later

// The cryptography of the TLS dissector, all on OpenSSL 3's EVP interfaces: HKDF-Expand-Label (EVP_KDF
// "HKDF", EXPAND_ONLY), the TLS 1.2 PRF (EVP_KDF "TLS1-PRF"), AES-GCM and ChaCha20-Poly1305 record opening
// (EVP_CIPHER), HMAC / digests for the Finished check, and RSA premaster decryption (EVP_PKEY_decrypt). Also
// the NSS key log parser, which treats its text as hostile (bounded lines, hex checked, entry cap).

#include "dissect/tls.h"
#include "dissect/tls_p.h"

#include "store/eventlog.h"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

namespace wirelab {
namespace tlsp {

namespace {
const SuiteInfo kSuites[] = {
    {0x1301, "TLS_AES_128_GCM_SHA256", Aead::Aes128Gcm, "SHA256", true, false},
    {0x1302, "TLS_AES_256_GCM_SHA384", Aead::Aes256Gcm, "SHA384", true, false},
    {0x1303, "TLS_CHACHA20_POLY1305_SHA256", Aead::ChaCha20Poly1305, "SHA256", true, false},
    {0x1304, "TLS_AES_128_CCM_SHA256", Aead::None, "SHA256", true, false},
    {0x1305, "TLS_AES_128_CCM_8_SHA256", Aead::None, "SHA256", true, false},
    {0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256", Aead::Aes128Gcm, "SHA256", false, true},
    {0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384", Aead::Aes256Gcm, "SHA384", false, true},
    {0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", Aead::Aes128Gcm, "SHA256", false, false},
    {0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", Aead::Aes256Gcm, "SHA384", false, false},
    {0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", Aead::Aes128Gcm, "SHA256", false, false},
    {0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", Aead::Aes256Gcm, "SHA384", false, false},
    {0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", Aead::Aes128Gcm, "SHA256", false, false},
    {0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", Aead::Aes256Gcm, "SHA384", false, false},
    {0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", Aead::ChaCha20Poly1305, "SHA256", false, false},
    {0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", Aead::ChaCha20Poly1305, "SHA256", false, false},
    {0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", Aead::ChaCha20Poly1305, "SHA256", false, false},
    {0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA", Aead::None, "SHA256", false, true},
    {0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", Aead::None, "SHA256", false, true},
    {0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256", Aead::None, "SHA256", false, true},
    {0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256", Aead::None, "SHA256", false, true},
    {0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", Aead::None, "SHA256", false, false},
    {0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", Aead::None, "SHA256", false, false},
    {0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", Aead::None, "SHA256", false, false},
    {0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", Aead::None, "SHA256", false, false},
    {0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", Aead::None, "SHA256", false, false},
    {0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", Aead::None, "SHA384", false, false},
    {0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", Aead::None, "SHA256", false, false},
    {0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", Aead::None, "SHA384", false, false},
    {0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV", Aead::None, "SHA256", false, false},
    {0x5600, "TLS_FALLBACK_SCSV", Aead::None, "SHA256", false, false},
};
} // namespace

const SuiteInfo *suiteInfo(std::uint16_t id)
{
    for (const auto &s : kSuites)
        if (s.id == id)
            return &s;
    return nullptr;
}

int aeadKeyLength(Aead a) { return a == Aead::Aes128Gcm ? 16 : 32; }
int hashLength(const char *hash) { return qstrcmp(hash, "SHA384") == 0 ? 48 : 32; }

static const EVP_CIPHER *cipherFor(Aead a)
{
    switch (a) {
    case Aead::Aes128Gcm: return EVP_aes_128_gcm();
    case Aead::Aes256Gcm: return EVP_aes_256_gcm();
    case Aead::ChaCha20Poly1305: return EVP_chacha20_poly1305();
    case Aead::None: break;
    }
    return nullptr;
}

bool aeadOpen(Aead a, const QByteArray &key, const QByteArray &nonce, const QByteArray &aad,
              const std::uint8_t *cipher, std::size_t cipherLen, const std::uint8_t *tag, QByteArray &plain)
{
    const EVP_CIPHER *c = cipherFor(a);
    if (!c || key.size() != aeadKeyLength(a) || nonce.size() != 12 || cipherLen > (1u << 24))
        return false;
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), c, nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, 12, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char *>(key.constData()),
                              reinterpret_cast<const unsigned char *>(nonce.constData())) != 1)
        return false;
    int len = 0;
    if (!aad.isEmpty()
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()),
                             int(aad.size())) != 1)
        return false;
    QByteArray out(qsizetype(cipherLen) + 32, Qt::Uninitialized);
    int outLen = 0;
    if (cipherLen > 0
        && EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen, cipher, int(cipherLen)) != 1)
        return false;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, 16, const_cast<std::uint8_t *>(tag)) != 1)
        return false;
    int fin = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()) + outLen, &fin) != 1)
        return false;
    out.resize(outLen + fin);
    plain = out;
    return true;
}

QByteArray hmac(const char *hash, const QByteArray &key, const QByteArray &data)
{
    std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr), EVP_MAC_free);
    if (!mac)
        return {};
    std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(EVP_MAC_CTX_new(mac.get()), EVP_MAC_CTX_free);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char *>(hash), 0),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(64, Qt::Uninitialized);
    std::size_t outLen = 0;
    if (!ctx || EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char *>(key.constData()), key.size(), params) != 1
        || EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char *>(data.constData()), data.size()) != 1
        || EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen, out.size()) != 1)
        return {};
    out.resize(qsizetype(outLen));
    return out;
}

QByteArray digest(const char *hash, const QByteArray &data)
{
    const EVP_MD *md = qstrcmp(hash, "SHA384") == 0 ? EVP_sha384() : EVP_sha256();
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), data.size(), out, &len, md, nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), int(len));
}

QByteArray rsaDecryptPremaster(const QByteArray &pem, const QByteArray &encrypted)
{
    if (pem.isEmpty() || encrypted.isEmpty() || pem.size() > 64 * 1024)
        return {};
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), BIO_free);
    if (!bio)
        return {};
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char *>("")), EVP_PKEY_free);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return {};
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new(key.get(), nullptr),
                                                                    EVP_PKEY_CTX_free);
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1)
        return {};
    // OpenSSL 3 turns PKCS#1 v1.5 failures into random bytes (implicit rejection) only from 3.2; 3.0 fails.
    std::size_t outLen = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(encrypted.constData());
    if (EVP_PKEY_decrypt(ctx.get(), nullptr, &outLen, in, encrypted.size()) != 1 || outLen > 4096)
        return {};
    QByteArray out(qsizetype(outLen), Qt::Uninitialized);
    if (EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen, in, encrypted.size()) != 1)
        return {};
    out.resize(qsizetype(outLen));
    if (out.size() != 48)
        return {};
    return out;
}

} // namespace tlsp

QByteArray tlsHkdfExpandLabel(const char *hash, const QByteArray &secret, const QByteArray &label,
                              const QByteArray &context, int length)
{
    if (length <= 0 || length > 255 || secret.isEmpty())
        return {};
    QByteArray info;
    info.append(char(length >> 8)).append(char(length & 0xff));
    const QByteArray full = "tls13 " + label;
    info.append(char(full.size())).append(full);
    info.append(char(context.size())).append(context);
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr), EVP_KDF_free);
    if (!kdf)
        return {};
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()), EVP_KDF_CTX_free);
    int mode = EVP_KDF_HKDF_MODE_EXPAND_ONLY;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char *>(hash), 0),
        OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(secret.constData()), secret.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), info.size()),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(length, Qt::Uninitialized);
    if (!ctx || EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), out.size(), params) != 1)
        return {};
    return out;
}

QByteArray tlsPrf(const char *hash, const QByteArray &secret, const QByteArray &label, const QByteArray &seed,
                  int length)
{
    if (length <= 0 || length > 4096 || secret.isEmpty())
        return {};
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "TLS1-PRF", nullptr), EVP_KDF_free);
    if (!kdf)
        return {};
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()), EVP_KDF_CTX_free);
    const QByteArray fullSeed = label + seed;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char *>(hash), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SECRET, const_cast<char *>(secret.constData()), secret.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SEED, const_cast<char *>(fullSeed.constData()), fullSeed.size()),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(length, Qt::Uninitialized);
    if (!ctx || EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), out.size(), params) != 1)
        return {};
    return out;
}

// ---- NSS key log ------------------------------------------------------------------------------------------

static bool isHex(const QByteArray &s)
{
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    return true;
}

bool TlsKeyLog::addLine(const QByteArray &rawLine)
{
    const QByteArray line = rawLine.trimmed();
    if (line.isEmpty() || line.startsWith('#') || line.size() > kMaxLineLength)
        return false;
    const QList<QByteArray> parts = line.simplified().split(' ');
    if (parts.size() != 3)
        return false;
    static const char *const kLabels[] = {
        "CLIENT_RANDOM", "CLIENT_EARLY_TRAFFIC_SECRET", "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
        "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0",
        "EXPORTER_SECRET", "EARLY_EXPORTER_SECRET",
    };
    bool known = false;
    for (const char *l : kLabels)
        known = known || parts[0] == l;
    if (!known || parts[1].size() != 64 || !isHex(parts[1]) || !isHex(parts[2]) || parts[2].size() % 2 != 0
        || parts[2].size() < 32 || parts[2].size() > 128)
        return false;
    TlsKeyLogEntry e;
    e.label = parts[0];
    e.clientRandom = QByteArray::fromHex(parts[1]);
    e.secret = QByteArray::fromHex(parts[2]);
    if (e.label == "CLIENT_RANDOM" && e.secret.size() != 48)
        return false;
    add(e);
    return true;
}

void TlsKeyLog::add(const TlsKeyLogEntry &entry)
{
    const QByteArray key = entry.label + ' ' + entry.clientRandom;
    const auto found = m_index.constFind(key);
    if (found != m_index.constEnd()) {
        m_entries[*found].secret = entry.secret;
        return;
    }
    if (m_entries.size() >= kMaxEntries)
        return;
    m_index.insert(key, m_entries.size());
    m_entries.push_back(entry);
}

int TlsKeyLog::addText(const QByteArray &text, int *badLines)
{
    int added = 0, bad = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        const QByteArray line = text.mid(pos, std::min<qsizetype>(end - pos, kMaxLineLength + 1));
        pos = end + 1;
        const QByteArray t = line.trimmed();
        if (t.isEmpty() || t.startsWith('#'))
            continue;
        if (addLine(t))
            ++added;
        else
            ++bad;
    }
    if (badLines)
        *badLines = bad;
    return added;
}

int TlsKeyLog::addEvents(const EventLog &events)
{
    int added = 0;
    for (const LabEvent &e : events.all())
        if (e.kind == QLatin1String("tls.keylog") && addLine(e.data.value(QStringLiteral("line")).toString().toUtf8()))
            ++added;
    return added;
}

QByteArray TlsKeyLog::secret(const QByteArray &label, const QByteArray &clientRandom) const
{
    const auto found = m_index.constFind(label + ' ' + clientRandom);
    return found == m_index.constEnd() ? QByteArray() : m_entries[*found].secret;
}

QByteArray TlsKeyLog::secret(const QByteArray &label, std::span<const std::uint8_t> clientRandom) const
{
    return secret(label, QByteArray(reinterpret_cast<const char *>(clientRandom.data()), qsizetype(clientRandom.size())));
}

std::vector<TlsKeyLogEntry> TlsKeyLog::forClientRandom(const QByteArray &clientRandom) const
{
    std::vector<TlsKeyLogEntry> out;
    for (const auto &e : m_entries)
        if (e.clientRandom == clientRandom)
            out.push_back(e);
    return out;
}

QByteArray TlsKeyLog::toNss() const
{
    QByteArray out;
    for (const auto &e : m_entries)
        out += e.label + ' ' + e.clientRandom.toHex() + ' ' + e.secret.toHex() + '\n';
    return out;
}

} // namespace wirelab
