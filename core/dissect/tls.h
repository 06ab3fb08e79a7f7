// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// TLS 1.2 / 1.3 (RFC 5246, RFC 8446) over the two reassembled byte streams of one TCP conversation, with
// decryption from captured secrets.
//
// TlsDissector is fed in capture order, like Http2Dissector: each call hands over the next bytes of one
// direction with the frame number and time of the segment that carried them. It cuts records (5-byte header,
// at most 2^14 + 2048 bytes of fragment), reassembles handshake messages across records and TCP segments
// (a Certificate spanning segments), and dissects ClientHello, ServerHello / HelloRetryRequest,
// EncryptedExtensions, Certificate, ServerKeyExchange, CertificateRequest, ServerHelloDone,
// ClientKeyExchange, CertificateVerify, Finished, NewSessionTicket, KeyUpdate, EndOfEarlyData,
// ChangeCipherSpec and Alerts, with the extensions of the hellos. Field names are Wireshark 4.0's (tls.record,
// tls.record.content_type, tls.handshake.type, tls.handshake.extensions_server_name, ...). Every field carries
// a plain-language note for students (ProtoField::note).
//
// Decryption (TlsSecrets): an NSS key log (what SSLKEYLOGFILE writes, and what the lab's endpoints report as
// "tls.keylog" events) and, optionally, the server's RSA private key. TLS 1.2 AES-128/256-GCM and
// ChaCha20-Poly1305 from CLIENT_RANDOM, or from the RSA key alone when the session used RSA key transport
// (the premaster secret is decrypted from the ClientKeyExchange; master secret via the TLS 1.2 PRF). ECDHE
// sessions stay opaque without the key log: that is forward secrecy. TLS 1.3 with TLS_AES_128_GCM_SHA256,
// TLS_AES_256_GCM_SHA384 and TLS_CHACHA20_POLY1305_SHA256: 0-RTT (CLIENT_EARLY_TRAFFIC_SECRET), handshake
// and application traffic secrets, per-record sequence numbers, inner content type and padding, KeyUpdate.
// A wrong key is detected by the AEAD tag: the record says "not decrypted (authentication failed)", never
// garbage.
//
// The key schedule view (TlsKeySchedule): the HKDF-Expand-Label steps from each logged traffic secret to its
// key, IV and finished key, and the Finished verify_data recomputed over the transcript hash and compared with
// the captured one; for TLS 1.2 the PRF steps premaster -> master -> key block. What cannot be shown is said,
// not faked: the (EC)DHE shared secret never leaves OpenSSL and is not in the key log, so the TLS 1.3 steps
// before the traffic secrets (early secret, handshake secret, master secret) cannot be recomputed from a
// capture.
//
// Nothing in the input is trusted: a length that does not fit gives a field marked malformed
// ("_ws.malformed") and the record or message marked malformed; bytes that are not complete yet wait.
// Bounded: a handshake message larger than kTlsMaxHandshakeLength is refused (malformed), a direction that
// cannot be parsed any more (not TLS, a capture gap) stops with error() set. Byte ranges in a record's tree
// are relative to the record's first byte (its header); TlsRecord::streamOffset says where that lies. A
// handshake message that was decrypted or reassembled from several records appears under the record that
// completed it with every field's range set to that record's content; its exact ranges are in
// TlsHandshakeMessage::tree, relative to TlsHandshakeMessage::bytes (the byte-by-byte view uses those).

#include "dissect/dissect.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace wirelab {

class CaptureSession;
class EventLog;
class PacketStore;
class TcpConversationTracker;
struct TcpStream;

enum class TlsDirection : std::uint8_t { ClientToServer = 0, ServerToClient = 1 };

inline constexpr std::uint8_t kTlsChangeCipherSpec = 20, kTlsAlert = 21, kTlsHandshake = 22,
                              kTlsApplicationData = 23, kTlsHeartbeat = 24;
inline constexpr std::uint32_t kTlsMaxRecordLength = 16384 + 2048; // RFC 5246 6.2.3 ciphertext limit
inline constexpr std::uint32_t kTlsMaxHandshakeLength = 1u << 20;  // our cap on one handshake message
// Per connection: records and handshake messages kept with their trees (a hostile stream of 6-byte records
// must not exhaust memory). Past the cap the direction stops with error() set.
inline constexpr std::size_t kTlsMaxRecordsKept = 100000;
inline constexpr std::size_t kTlsMaxHandshakesKept = 20000;

const char *tlsContentTypeName(std::uint8_t type);   // "Handshake", "Application Data", ... "Unknown"
const char *tlsHandshakeTypeName(std::uint8_t type); // "Client Hello", "Finished", ... "Unknown"
const char *tlsVersionName(std::uint16_t version);   // "TLS 1.2", "TLS 1.3", "SSL 3.0", ... "Unknown"
const char *tlsCipherSuiteName(std::uint16_t suite); // IANA name "TLS_AES_128_GCM_SHA256", ... or nullptr
const char *tlsExtensionName(std::uint16_t type);    // "server_name", "key_share", ... "Unknown"
const char *tlsGroupName(std::uint16_t group);       // "x25519", "secp256r1", ... "Unknown"
const char *tlsSignatureSchemeName(std::uint16_t s); // "rsa_pss_rsae_sha256", ... "Unknown"
const char *tlsAlertDescriptionName(std::uint8_t d); // "Bad Certificate", ... "Unknown"
// Why a client or server sends this alert, in plain words for students (translated).
QString tlsAlertExplanation(std::uint8_t description);

// Does this look like the start of a TLS byte stream (a plausible record header)?
bool looksLikeTls(std::span<const std::uint8_t> bytes);

// ---- Secrets ---------------------------------------------------------------------------------------------

// An NSS key log: "LABEL <client_random hex> <secret hex>" per line, '#' comments.
struct TlsKeyLogEntry
{
    QByteArray label;        // "CLIENT_RANDOM", "CLIENT_HANDSHAKE_TRAFFIC_SECRET", ...
    QByteArray clientRandom; // 32 bytes
    QByteArray secret;       // 48 bytes for CLIENT_RANDOM, the hash length for TLS 1.3 secrets
};

class TlsKeyLog final
{
public:
    static constexpr std::size_t kMaxEntries = 100000;
    static constexpr int kMaxLineLength = 1024;

    // Parses NSS key log text, adding its entries (later duplicates replace earlier ones). Lines that are
    // not key log lines are skipped and counted; returns the number of entries added.
    int addText(const QByteArray &text, int *badLines = nullptr);
    // One line; false when it is not a valid key log line.
    bool addLine(const QByteArray &line);
    void add(const TlsKeyLogEntry &entry);
    // The lab's endpoints report each line as an event of kind "tls.keylog" with data {line: "..."}.
    int addEvents(const EventLog &events);

    // The secret for (label, client random), empty when not logged.
    QByteArray secret(const QByteArray &label, std::span<const std::uint8_t> clientRandom) const;
    QByteArray secret(const QByteArray &label, const QByteArray &clientRandom) const;
    // All entries of one connection.
    std::vector<TlsKeyLogEntry> forClientRandom(const QByteArray &clientRandom) const;
    const std::vector<TlsKeyLogEntry> &entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.empty(); }
    // The NSS key log text (one line per entry, "\n" endings): the key-log export, and the DSB contents.
    QByteArray toNss() const;

private:
    std::vector<TlsKeyLogEntry> m_entries;
    QHash<QByteArray, std::size_t> m_index; // label + ' ' + client random -> entry (lookups stay O(1))
};

struct TlsSecrets
{
    TlsKeyLog keyLog;
    // PEM of the server's RSA private key ("the leaked key"); empty for none. Used for TLS 1.2 RSA key
    // transport only (ECDHE premasters cannot be recovered from any long-term key).
    QByteArray rsaPrivateKeyPem;
};

// ---- Results ---------------------------------------------------------------------------------------------

enum class TlsDecryptStatus : std::uint8_t {
    Plaintext,      // not encrypted (handshake before ChangeCipherSpec / ServerHello, CCS, plain alerts)
    Decrypted,
    NoKey,          // encrypted, no secret for it in the key log (and no usable RSA key)
    AuthFailed,     // a key was there but the AEAD tag did not verify: wrong key, or damaged record
    Unsupported,    // a cipher suite we do not decrypt (CBC, ...)
    Malformed,      // too short to hold nonce and tag, or the inner plaintext is all padding
};
// "decrypted", "not decrypted (no key)", "not decrypted (authentication failed)", ... (translated)
QString tlsDecryptStatusText(TlsDecryptStatus s);

struct TlsRecord
{
    TlsDirection direction = TlsDirection::ClientToServer;
    std::uint64_t streamOffset = 0; // of the 5-byte header in the direction's stream
    std::uint32_t firstFrame = 0, lastFrame = 0; // frames carrying the record's bytes (0: unknown)
    std::int64_t timeNs = 0;        // time of the frame that completed it
    std::uint8_t contentType = 0;   // outer (on the wire)
    std::uint16_t version = 0;      // legacy_record_version
    std::uint16_t length = 0;
    bool encrypted = false;
    TlsDecryptStatus status = TlsDecryptStatus::Plaintext;
    std::uint8_t innerContentType = 0; // the real content type (TLS 1.3 inner type; the outer type for 1.2)
    std::uint64_t sequence = 0;        // the record sequence number used for the nonce (encrypted records)
    int epoch = 0;                     // 0 plaintext, 1 early, 2 handshake, 3+ application (KeyUpdate adds 1)
    std::uint32_t paddingLength = 0;   // TLS 1.3 zero padding after the inner content type
    QByteArray fragment;               // the record's fragment as on the wire (capped at kTlsMaxRecordLength)
    QByteArray plaintext;              // decrypted content (without inner type and padding), or the plain fragment
    bool malformed = false;
    QString error;
    ProtoField tree;                   // "tls.record"; decrypted content dissected below it
    std::vector<int> handshakes;       // indexes into TlsConnectionResult::handshakes this record carried
};

struct TlsExtension
{
    std::uint16_t type = 0;
    QByteArray data;
};

struct TlsHandshakeMessage
{
    TlsDirection direction = TlsDirection::ClientToServer;
    std::uint8_t type = 0;
    std::uint32_t length = 0;
    int firstRecord = -1, lastRecord = -1;       // indexes into TlsConnectionResult::records
    std::uint32_t firstFrame = 0, lastFrame = 0;
    std::int64_t timeNs = 0;                     // time of the frame that completed it
    bool encrypted = false;                      // carried in encrypted (and decrypted) records
    bool malformed = false;
    QString error;
    QByteArray bytes;                            // the whole message, 4-byte header included
    std::vector<TlsExtension> extensions;        // hellos, EncryptedExtensions, NewSessionTicket
    ProtoField tree;                             // "tls.handshake"; offsets relative to bytes[0]
};

struct TlsAlert
{
    TlsDirection direction = TlsDirection::ClientToServer;
    std::uint8_t level = 0, description = 0;
    bool encrypted = false; // carried in an encrypted record (then known only when decrypted)
    int record = -1;
    std::uint32_t frame = 0;
    std::int64_t timeNs = 0;
};

// One key-derivation step for the key-schedule view.
struct TlsKeyStep
{
    QString name;     // "client handshake key"
    QString formula;  // "HKDF-Expand-Label(client_handshake_traffic_secret, \"key\", \"\", 16)"
    std::vector<std::pair<QString, QByteArray>> inputs; // name, bytes (shown in hex)
    QByteArray output;
    QString note;     // plain language
};

struct TlsFinishedCheck
{
    TlsDirection direction = TlsDirection::ClientToServer;
    QByteArray transcriptHash; // hash of the handshake messages before this Finished
    QByteArray finishedKey;
    QByteArray computed;       // HMAC(finished_key, transcript hash) (1.3) or PRF(master, label, hash) (1.2)
    QByteArray captured;       // verify_data of the captured Finished (empty when not decrypted)
    bool match = false;
};

struct TlsKeySchedule
{
    bool available = false;
    QString hash;                       // "SHA256" / "SHA384"
    std::vector<TlsKeyStep> steps;
    std::vector<TlsFinishedCheck> finished;
    // What is not shown and why (always set for TLS 1.3: the (EC)DHE shared secret and the secrets derived
    // from it before the traffic secrets are not in the key log and not exposed by OpenSSL).
    QString limits;
};

struct TlsConnectionResult
{
    std::uint32_t conversation = 0;      // TcpConversationTracker index (whole-capture entry points)
    bool isTls = false;                  // a plausible record was seen
    std::uint16_t version = 0;           // negotiated (0x0304 from supported_versions for TLS 1.3)
    std::uint16_t cipherSuite = 0;
    QString cipherSuiteName;
    std::uint16_t group = 0;             // key_share group (1.3) or ServerKeyExchange named curve (1.2)
    QString groupName;
    QString serverName;                  // SNI
    QStringList alpnOffered;
    QString alpn;                        // the server's choice
    QByteArray clientRandom, serverRandom, sessionId;
    bool helloRetryRequest = false;
    bool rsaKeyExchange = false;         // TLS 1.2 RSA key transport (no ServerKeyExchange)
    bool extendedMasterSecret = false;
    bool resumed = false;                // PSK accepted (1.3) or session id / ticket resumption (1.2)
    bool pskOffered = false;
    bool earlyDataOffered = false;
    bool earlyDataAccepted = false;      // early_data in EncryptedExtensions
    bool keysFound = false;              // secrets for this connection were in the key log
    bool decryptedWithRsaKey = false;    // the TLS 1.2 master secret came from the RSA key
    int recordsEncrypted = 0, recordsDecrypted = 0, recordsFailed = 0; // failed: AuthFailed only
    std::vector<TlsRecord> records;
    std::vector<TlsHandshakeMessage> handshakes;
    std::vector<TlsAlert> alerts;
    TlsKeySchedule keySchedule;
    QString error[2];                    // per direction: why it stopped, empty when fine

    // Frame and time of the first handshake message of that type in that direction; nullptr when none.
    const TlsHandshakeMessage *handshake(std::uint8_t type, TlsDirection dir) const;
    // Decrypted application data of one direction, concatenated in order (what the application read).
    QByteArray applicationData(TlsDirection dir) const;
    bool fullyDecrypted() const { return recordsEncrypted > 0 && recordsDecrypted == recordsEncrypted; }
    // The first record of dir known to carry application data: decrypted with inner type 23, or, in TLS 1.2
    // (where the outer type is the real one), any record of type 23. nullptr when none is known (TLS 1.3
    // without keys hides which protected record is the first with data).
    const TlsRecord *firstApplicationData(TlsDirection dir) const;
};

// ---- The dissector ---------------------------------------------------------------------------------------

class TlsDissector final
{
    Q_DECLARE_TR_FUNCTIONS(wirelab::TlsDissector)
public:
    explicit TlsDissector(const TlsSecrets *secrets = nullptr); // secrets must outlive the dissector
    ~TlsDissector();
    TlsDissector(const TlsDissector &) = delete;
    TlsDissector &operator=(const TlsDissector &) = delete;

    // The next bytes of one direction, carried by frame at timeNs. Returns the number of records completed.
    int feed(TlsDirection dir, std::span<const std::uint8_t> bytes, std::uint32_t frame, std::int64_t timeNs);
    // Bytes of that direction were never captured: it stops (error set).
    void gap(TlsDirection dir);
    // The capture is complete: builds the key schedule (call once, after the last feed).
    void finish();

    const TlsConnectionResult &result() const { return m_result; }
    TlsConnectionResult takeResult();
    bool failed(TlsDirection dir) const { return !m_result.error[int(dir)].isEmpty(); }

    struct State;  // implementation details, defined in tls.cpp
    struct Reader;

private:
    void processRecord(TlsDirection dir, TlsRecord record);
    void decryptRecord(TlsDirection dir, TlsRecord &record);
    void feedHandshake(TlsDirection dir, int recordIndex, const QByteArray &content, bool encrypted);
    void finishMessage(TlsHandshakeMessage message);
    void parseMessage(TlsHandshakeMessage &message);
    void parseExtensions(TlsHandshakeMessage &message, Reader &reader, ProtoField &parent);
    void deriveTls12Keys();

    TlsConnectionResult m_result;
    std::unique_ptr<State> m_state;
};

// Runs the dissector over one conversation's reassembled streams (either may be null), interleaving the two
// directions in frame order.
TlsConnectionResult dissectTlsStreams(const TcpStream *fromClient, const TcpStream *fromServer,
                                      const TlsSecrets &secrets);

// Every TCP conversation of the capture whose first bytes look like TLS (any port), in conversation order.
std::vector<TlsConnectionResult> dissectTlsCapture(const PacketStore &store, const TcpConversationTracker &tracker,
                                                   const TlsSecrets &secrets);
// The same over a session; when keyLogFromEvents is set the session's "tls.keylog" events are added to the
// key log of secrets.
std::vector<TlsConnectionResult> dissectTlsSession(const CaptureSession &session, const TlsSecrets &secrets,
                                                   bool keyLogFromEvents = true);

// ---- Crypto building blocks (also used by the key-schedule view and the tests) ---------------------------

// HKDF-Expand-Label (RFC 8446 7.1) with "tls13 " prefixed to label. hash: "SHA256" or "SHA384".
QByteArray tlsHkdfExpandLabel(const char *hash, const QByteArray &secret, const QByteArray &label,
                              const QByteArray &context, int length);
// TLS 1.2 PRF (RFC 5246 5) with hash "SHA256" or "SHA384".
QByteArray tlsPrf(const char *hash, const QByteArray &secret, const QByteArray &label, const QByteArray &seed,
                  int length);

} // namespace wirelab
