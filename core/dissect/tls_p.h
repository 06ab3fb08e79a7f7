// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internals of the TLS dissector shared by tls.cpp and tlscrypto.cpp: the cipher suite table and the AEAD
// record protection on OpenSSL's EVP interfaces. Not a public API.

#include <QByteArray>

#include <cstdint>

namespace wirelab::tlsp {

enum class Aead : std::uint8_t { None, Aes128Gcm, Aes256Gcm, ChaCha20Poly1305 };

struct SuiteInfo
{
    std::uint16_t id;
    const char *name;
    Aead aead;          // None: we do not decrypt it
    const char *hash;   // PRF / HKDF hash: "SHA256" or "SHA384"
    bool tls13;
    bool rsaKx;         // TLS 1.2 RSA key transport
};
const SuiteInfo *suiteInfo(std::uint16_t id);
int aeadKeyLength(Aead a);   // 16 / 32 / 32
int hashLength(const char *hash); // 32 / 48

// AEAD seal/open. open returns false when the tag does not verify (plaintext untouched then).
bool aeadOpen(Aead a, const QByteArray &key, const QByteArray &nonce, const QByteArray &aad,
              const std::uint8_t *cipher, std::size_t cipherLen, const std::uint8_t *tag, QByteArray &plain);
QByteArray hmac(const char *hash, const QByteArray &key, const QByteArray &data);
QByteArray digest(const char *hash, const QByteArray &data);
// RSA PKCS#1 v1.5 decryption of an encrypted premaster with a PEM private key; empty on failure.
QByteArray rsaDecryptPremaster(const QByteArray &pem, const QByteArray &encrypted);

} // namespace wirelab::tlsp
