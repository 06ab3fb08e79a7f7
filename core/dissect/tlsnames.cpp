// SPDX-License-Identifier: GPL-3.0-or-later

// Name tables of the TLS dissector (IANA registries, spelled as Wireshark 4.0 shows them) and the
// plain-language explanations of alerts.

#include "dissect/tls.h"
#include "dissect/tls_p.h"

#include <QCoreApplication>

namespace wirelab {

const char *tlsContentTypeName(std::uint8_t type)
{
    switch (type) {
    case 20: return "Change Cipher Spec";
    case 21: return "Alert";
    case 22: return "Handshake";
    case 23: return "Application Data";
    case 24: return "Heartbeat";
    }
    return "Unknown";
}

const char *tlsHandshakeTypeName(std::uint8_t type)
{
    switch (type) {
    case 0: return "Hello Request";
    case 1: return "Client Hello";
    case 2: return "Server Hello";
    case 4: return "New Session Ticket";
    case 5: return "End of Early Data";
    case 8: return "Encrypted Extensions";
    case 11: return "Certificate";
    case 12: return "Server Key Exchange";
    case 13: return "Certificate Request";
    case 14: return "Server Hello Done";
    case 15: return "Certificate Verify";
    case 16: return "Client Key Exchange";
    case 20: return "Finished";
    case 22: return "Certificate Status";
    case 24: return "Key Update";
    case 254: return "Message Hash";
    }
    return "Unknown";
}

const char *tlsVersionName(std::uint16_t v)
{
    switch (v) {
    case 0x0300: return "SSL 3.0";
    case 0x0301: return "TLS 1.0";
    case 0x0302: return "TLS 1.1";
    case 0x0303: return "TLS 1.2";
    case 0x0304: return "TLS 1.3";
    }
    if ((v & 0x0f0f) == 0x0a0a)
        return "Reserved (GREASE)";
    return "Unknown";
}

const char *tlsCipherSuiteName(std::uint16_t suite)
{
    const tlsp::SuiteInfo *s = tlsp::suiteInfo(suite);
    return s ? s->name : nullptr;
}

const char *tlsExtensionName(std::uint16_t type)
{
    switch (type) {
    case 0: return "server_name";
    case 1: return "max_fragment_length";
    case 5: return "status_request";
    case 10: return "supported_groups";
    case 11: return "ec_point_formats";
    case 13: return "signature_algorithms";
    case 16: return "application_layer_protocol_negotiation";
    case 18: return "signed_certificate_timestamp";
    case 21: return "padding";
    case 22: return "encrypt_then_mac";
    case 23: return "extended_master_secret";
    case 27: return "compress_certificate";
    case 28: return "record_size_limit";
    case 35: return "session_ticket";
    case 41: return "pre_shared_key";
    case 42: return "early_data";
    case 43: return "supported_versions";
    case 44: return "cookie";
    case 45: return "psk_key_exchange_modes";
    case 47: return "certificate_authorities";
    case 49: return "post_handshake_auth";
    case 50: return "signature_algorithms_cert";
    case 51: return "key_share";
    case 0xff01: return "renegotiation_info";
    }
    if ((type & 0x0f0f) == 0x0a0a)
        return "Reserved (GREASE)";
    return "Unknown";
}

const char *tlsGroupName(std::uint16_t g)
{
    switch (g) {
    case 23: return "secp256r1";
    case 24: return "secp384r1";
    case 25: return "secp521r1";
    case 29: return "x25519";
    case 30: return "x448";
    case 256: return "ffdhe2048";
    case 257: return "ffdhe3072";
    case 258: return "ffdhe4096";
    case 259: return "ffdhe6144";
    case 260: return "ffdhe8192";
    }
    if ((g & 0x0f0f) == 0x0a0a)
        return "Reserved (GREASE)";
    return "Unknown";
}

const char *tlsSignatureSchemeName(std::uint16_t s)
{
    switch (s) {
    case 0x0201: return "rsa_pkcs1_sha1";
    case 0x0203: return "ecdsa_sha1";
    case 0x0401: return "rsa_pkcs1_sha256";
    case 0x0403: return "ecdsa_secp256r1_sha256";
    case 0x0501: return "rsa_pkcs1_sha384";
    case 0x0503: return "ecdsa_secp384r1_sha384";
    case 0x0601: return "rsa_pkcs1_sha512";
    case 0x0603: return "ecdsa_secp521r1_sha512";
    case 0x0804: return "rsa_pss_rsae_sha256";
    case 0x0805: return "rsa_pss_rsae_sha384";
    case 0x0806: return "rsa_pss_rsae_sha512";
    case 0x0807: return "ed25519";
    case 0x0808: return "ed448";
    case 0x0809: return "rsa_pss_pss_sha256";
    case 0x080a: return "rsa_pss_pss_sha384";
    case 0x080b: return "rsa_pss_pss_sha512";
    case 0x0301: return "SHA224 RSA";
    case 0x0303: return "SHA224 ECDSA";
    case 0x0402: return "SHA256 DSA";
    case 0x0302: return "SHA224 DSA";
    case 0x0502: return "SHA384 DSA";
    case 0x0602: return "SHA512 DSA";
    }
    return "Unknown";
}

const char *tlsAlertDescriptionName(std::uint8_t d)
{
    switch (d) {
    case 0: return "Close Notify";
    case 10: return "Unexpected Message";
    case 20: return "Bad Record MAC";
    case 21: return "Decryption Failed";
    case 22: return "Record Overflow";
    case 30: return "Decompression Failure";
    case 40: return "Handshake Failure";
    case 41: return "No Certificate";
    case 42: return "Bad Certificate";
    case 43: return "Unsupported Certificate";
    case 44: return "Certificate Revoked";
    case 45: return "Certificate Expired";
    case 46: return "Certificate Unknown";
    case 47: return "Illegal Parameter";
    case 48: return "Unknown CA";
    case 49: return "Access Denied";
    case 50: return "Decode Error";
    case 51: return "Decrypt Error";
    case 70: return "Protocol Version";
    case 71: return "Insufficient Security";
    case 80: return "Internal Error";
    case 86: return "Inappropriate Fallback";
    case 90: return "User Canceled";
    case 100: return "No Renegotiation";
    case 109: return "Missing Extension";
    case 110: return "Unsupported Extension";
    case 112: return "Unrecognized Name";
    case 113: return "Bad Certificate Status Response";
    case 115: return "Unknown PSK Identity";
    case 116: return "Certificate Required";
    case 120: return "No Application Protocol";
    }
    return "Unknown";
}

QString tlsAlertExplanation(std::uint8_t d)
{
    const char *c = "wirelab::TlsDissector";
    switch (d) {
    case 0: return QCoreApplication::translate(c, "The sender has finished sending and closes the connection cleanly.");
    case 10: return QCoreApplication::translate(c, "A message arrived that does not belong at this point of the handshake.");
    case 20: return QCoreApplication::translate(c, "A record failed its integrity check: wrong key or data changed on the way.");
    case 22: return QCoreApplication::translate(c, "A record was longer than TLS allows.");
    case 40: return QCoreApplication::translate(c, "The two sides found no set of parameters (version, cipher suite, group) they both accept.");
    case 42: return QCoreApplication::translate(c, "The certificate is damaged or its signature does not verify.");
    case 43: return QCoreApplication::translate(c, "The certificate is of a type the peer does not support.");
    case 44: return QCoreApplication::translate(c, "The certificate was revoked by its issuer.");
    case 45: return QCoreApplication::translate(c, "The certificate has expired or is not yet valid: check the validity dates and the clock.");
    case 46: return QCoreApplication::translate(c, "The certificate was rejected for another reason, for example the name does not match the server.");
    case 47: return QCoreApplication::translate(c, "A field in a handshake message had a value that is not allowed.");
    case 48: return QCoreApplication::translate(c, "The certificate chain does not lead to a certificate authority the client trusts (unknown CA, or an intermediate is missing).");
    case 50: return QCoreApplication::translate(c, "A message could not be decoded: a length or field is wrong.");
    case 51: return QCoreApplication::translate(c, "A signature or Finished check failed: the peer could not prove it has the right key.");
    case 70: return QCoreApplication::translate(c, "The peer does not support any TLS version the other side offered.");
    case 71: return QCoreApplication::translate(c, "The offered parameters are too weak for the server.");
    case 80: return QCoreApplication::translate(c, "The sender hit an internal error unrelated to the peer.");
    case 90: return QCoreApplication::translate(c, "The handshake was cancelled by the user or application.");
    case 109: return QCoreApplication::translate(c, "A required extension is missing from the hello.");
    case 112: return QCoreApplication::translate(c, "The server does not know the name the client asked for (SNI).");
    case 115: return QCoreApplication::translate(c, "The server does not know the pre-shared key (session ticket) the client offered.");
    case 116: return QCoreApplication::translate(c, "The server requires a client certificate and got none.");
    case 120: return QCoreApplication::translate(c, "The server supports none of the application protocols the client offered (ALPN).");
    }
    return QCoreApplication::translate(c, "An alert that ends or warns about the connection.");
}

QString tlsDecryptStatusText(TlsDecryptStatus s)
{
    const char *c = "wirelab::TlsDissector";
    switch (s) {
    case TlsDecryptStatus::Plaintext: return QCoreApplication::translate(c, "not encrypted");
    case TlsDecryptStatus::Decrypted: return QCoreApplication::translate(c, "decrypted");
    case TlsDecryptStatus::NoKey: return QCoreApplication::translate(c, "not decrypted (no key)");
    case TlsDecryptStatus::AuthFailed: return QCoreApplication::translate(c, "not decrypted (authentication failed)");
    case TlsDecryptStatus::Unsupported: return QCoreApplication::translate(c, "not decrypted (cipher suite not supported)");
    case TlsDecryptStatus::Malformed: return QCoreApplication::translate(c, "not decrypted (malformed record)");
    }
    return {};
}

} // namespace wirelab
