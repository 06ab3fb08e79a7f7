// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The TLS lab's server and client, on OpenSSL's SSL API directly over a socket from the LabContext
// (non-blocking, poll(), one lab host thread each), not QSslSocket: the lab needs the knobs QSslSocket
// hides (TLS 1.2 cipher list and TLS 1.3 ciphersuites apart, groups, tickets, early data, anti-replay)
// and the handshake as it happens (the message and key-log callbacks).
//
// Events (LabContext::report(), host = the endpoint's host name):
//   "tls.message"  every TLS message sent or received, in order, from SSL_CTX_set_msg_callback:
//                  {dir: "sent"/"received", contentType (20 CCS, 21 alert, 22 handshake, 23 application
//                  data), handshakeType (handshake only), length, version (0x0303, 0x0304: the protocol
//                  version of the connection), localPort, peerPort}. TLS 1.3 handshake messages are
//                  reported as handshake (22) although they travel inside application_data records.
//                  OpenSSL 3.0 reports no application data here (see "tls.record") and a received
//                  ChangeCipherSpec only as a record header: the endpoint reports that one from the header.
//   "tls.record"   every record header, {dir, contentType (outer type on the wire), length, version,
//                  localPort, peerPort}.
//   "tls.keylog"   {line: "<NSS key log line>"} from the host that wrote it (CLIENT_RANDOM for TLS 1.2;
//                  CLIENT_HANDSHAKE_TRAFFIC_SECRET, SERVER_HANDSHAKE_TRAFFIC_SECRET, CLIENT_TRAFFIC_SECRET_0,
//                  SERVER_TRAFFIC_SECRET_0, EXPORTER_SECRET, CLIENT_EARLY_TRAFFIC_SECRET for TLS 1.3).
//   "tls.alert"    {dir, level (1 warning, 2 fatal), description (number), text
//                  (SSL_alert_desc_string_long), localPort, peerPort}.
//   "tls.handshake" once per connection when the handshake ends: {ok, version, cipher, group, alpn,
//                  resumed, earlyData ("none"/"accepted"/"rejected"), verifyResult, verifyText, sni, ...}.
//   "tls.earlydata" (server) the 0-RTT bytes it accepted: {bytes, text (plaintext, at most 256 bytes shown),
//                  peerPort}.
//
// Application exchange after the handshake: the client sends its request; a request that begins with an
// HTTP method gets a small HTTP/1.1 response ("GET /bytes?n=N" gets N bytes, at most 256 MiB, for the
// benchmark) and the server closes with close_notify; anything else is echoed back as it arrives.
// 0-RTT: the server answers a complete request that arrived as early data in its first flight (0.5-RTT
// data, SSL_write_early_data), so "0-RTT request + response" takes one round trip.
//
// Replay (tls lab step 4): the client can record the exact bytes it sent before the server's first byte
// came back (ClientHello + early data); TlsClient::replayFirstFlight() sends them unchanged over a fresh TCP
// connection. With OpenSSL's anti-replay (the default once max_early_data > 0) the server keeps tickets in
// its cache and uses each once, so the replayed ClientHello falls back to a full handshake and the early
// data is rejected; with SSL_OP_NO_ANTI_REPLAY the server accepts the replayed early data again, as long as
// the replay comes within about 10 s of the original (OpenSSL's ticket-age check, TICKET_AGE_ALLOWANCE). Either
// way the replayer cannot finish the handshake (it has no keys); what the server did is in its
// connections() and the "tls.earlydata" / "tls.handshake" events.

#include "lab/labinstance.h"
#include "tlsca.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <openssl/ssl.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace wirelab {

class LabHost;

enum class TlsVersion { Tls12, Tls13 };
QString tlsVersionName(TlsVersion v); // "TLS 1.2", "TLS 1.3"

using SslSessionPtr = std::shared_ptr<SSL_SESSION>;
SslSessionPtr adoptSslSession(SSL_SESSION *session); // takes the reference

// Settings both ends share.
struct TlsCommonOptions
{
    TlsVersion minVersion = TlsVersion::Tls12;
    TlsVersion maxVersion = TlsVersion::Tls13;
    QString cipherList;   // TLS 1.2 and below (SSL_CTX_set_cipher_list), e.g. "ECDHE-RSA-AES128-GCM-SHA256",
                          // "AES256-GCM-SHA384" (RSA key transport); empty: OpenSSL's default
    QString cipherSuites; // TLS 1.3 (SSL_CTX_set_ciphersuites), e.g. "TLS_CHACHA20_POLY1305_SHA256"; empty: default
    QString groups;       // SSL_CTX_set1_groups_list, e.g. "X25519:P-256"; empty: default
    QStringList alpn;     // protocols, most preferred first, e.g. {"http/1.1"}; empty: no ALPN
    bool sessionTickets = true; // TLS 1.2 tickets / TLS 1.3 NewSessionTicket
    // Deterministic mode: the endpoint's OpenSSL runs in a library context of its own whose random
    // generator is OpenSSL's "TEST-RAND" (TlsDeterministicRand, tlsca.h) restarted for every connection
    // with the stream of (deterministicName, connection number): the client's is
    // TlsClientOptions::deterministicConnection, the server counts the connections it accepted since
    // configure(). Connection N's randoms, key shares and signatures are the same on every machine, while
    // two connections of one run differ (the key log, keyed by the client random, tells them apart). Never
    // secure; for one connection at a time on a server (connections in parallel draw from whichever stream
    // was restarted last). What still differs: anything with a clock in it (ticket age and lifetime, the
    // ticket's contents, so a resuming ClientHello and its PSK binder).
    bool deterministic = false;
    QString deterministicName; // the stream's label; empty: "client" / "server"
};

struct TlsServerOptions : TlsCommonOptions
{
    TlsServerIdentity identity;      // from TlsCa::issue()
    std::uint32_t maxEarlyData = 0;  // > 0 enables 0-RTT (bytes accepted)
    bool antiReplay = true;          // false: SSL_OP_NO_ANTI_REPLAY
    int ticketCount = 2;             // TLS 1.3 tickets sent after a full handshake
    int idleTimeoutMs = 10000;       // a connection quiet this long is closed
};

// What the server saw on one connection.
struct TlsServerConnection
{
    std::uint16_t peerPort = 0;
    bool handshakeOk = false;
    QString error;           // why the handshake or the connection failed
    QString version, cipher, group, alpn, sni;
    bool resumed = false;
    QString earlyData = QStringLiteral("none"); // "none", "accepted", "rejected"
    QByteArray earlyDataReceived; // 0-RTT plaintext
    QByteArray received;          // application plaintext after the handshake (early data not included)
    QByteArray sent;              // application plaintext the server wrote (0.5-RTT included)
    QString alertSent, alertReceived; // as TlsClientResult's: close_notify not counted
    qint64 acceptedNs = 0, handshakeDoneNs = 0, closedNs = 0;
    bool closed = false;
};

struct TlsServerStats
{
    std::uint64_t connectionsAccepted = 0;
    std::uint64_t handshakesCompleted = 0;
    std::uint64_t handshakesFailed = 0;
    std::uint64_t resumed = 0;
    std::uint64_t earlyDataAccepted = 0;
    std::uint64_t earlyDataRejected = 0;
    std::uint64_t bytesSent = 0; // application plaintext
};

class TlsServer final
{
public:
    // context: openSocket (may be unset: ::socket), events and clock (may be null). hostName: the lab
    // host the sockets belong to.
    TlsServer(const LabContext &context, QString hostName = QStringLiteral("server"));
    ~TlsServer(); // stop()
    TlsServer(const TlsServer &) = delete;
    TlsServer &operator=(const TlsServer &) = delete;

    // Builds the SSL_CTX from options (false with *error: no identity, a cipher list OpenSSL rejects...).
    // Call before start(); may be called again between runs.
    bool configure(const TlsServerOptions &options, QString *error);
    bool listen(const QHostAddress &address, std::uint16_t port, QString *error);
    std::uint16_t port() const { return m_port; }
    // Posts the serving loop to host (it occupies the host's thread until stop() or the host stops).
    bool start(LabHost &host);
    void stop(); // idempotent; closes every socket

    // Keep records of the connections (for the lab and tests; off for the benchmark).
    void setKeepConnections(bool keep); // the newest 4096 are kept
    std::vector<TlsServerConnection> connections() const; // thread-safe copy, in accept order
    void clearConnections();
    TlsServerStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::uint16_t m_port = 0;
};

struct TlsClientOptions : TlsCommonOptions
{
    QString serverName = QStringLiteral("server.lab"); // SNI and the name checked; empty: no SNI, no name check
    QByteArray trustedRootsPem;   // the anchors (TlsCa::rootPem()); empty: nothing is trusted
    bool verifyPeer = true;       // abort the handshake on a verification failure (sends the alert)
    int verifyDepth = -1;         // SSL_CTX_set_verify_depth; -1: OpenSSL's default (100)
    SslSessionPtr session;        // offer this session (resumption: TLS 1.2 ticket / TLS 1.3 PSK)
    QByteArray earlyData;         // sent as 0-RTT when the session allows it
    bool resendRejectedEarlyData = true; // send earlyData after the handshake when the server rejected it
    QByteArray request = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: server.lab\r\n\r\n"); // may be empty
    bool recordFirstFlight = false;
    int timeoutMs = 10000;
    std::uint64_t deterministicConnection = 0; // deterministic mode: this connection's stream index
};

struct TlsClientResult
{
    bool ok = false;           // handshake done and the exchange finished
    bool handshakeOk = false;
    QString error;             // one sentence when !ok

    // Run-clock ns (0 when the context has no clock or the step did not happen).
    qint64 connectStartNs = 0, connectedNs = 0, handshakeDoneNs = 0, firstAppByteNs = 0, closedNs = 0;

    QString version, cipher, group, alpn;
    bool resumed = false;
    bool sessionOffered = false;
    bool earlyDataSent = false;
    QString earlyData = QStringLiteral("none"); // "none", "accepted", "rejected"

    long verifyResult = 0;     // X509_V_OK or X509_V_ERR_*
    QString verifyText;        // X509_verify_cert_error_string
    QString verifyExplanation; // a sentence a student understands
    QString alertSent, alertReceived; // SSL_alert_desc_string_long, empty when none (close_notify is not
                                      // counted here; it is in the "tls.alert" events)

    QByteArray sent;           // application plaintext written (early data included)
    QByteArray received;       // application plaintext read
    QByteArray firstFlight;    // recordFirstFlight: bytes sent before the server's first byte
    std::vector<QByteArray> peerChainDer; // certificates the server sent, leaf first
    SslSessionPtr session;     // the newest session (ticket) the server gave: offer it to resume
    std::uint16_t localPort = 0;
};

struct TlsReplayResult
{
    bool ok = false;      // connected and sent everything
    QString error;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0; // what the server answered (encrypted, unreadable to the replayer)
    bool serverClosed = false;
};

class TlsClient final
{
public:
    // One connection: connect, handshake, exchange, close. Blocking; call it on the client's lab host
    // thread (host: its waits end early when the host stops; may be null).
    static TlsClientResult run(const LabContext &context, const QString &hostName, const QHostAddress &address,
                               std::uint16_t port, const TlsClientOptions &options, const LabHost *host = nullptr);

    // run() applies context.serverRoute to (address, port) when set, as the HTTP clients do.
    // Sends firstFlight raw over a new TCP connection and reads what comes back for waitMs (or until the
    // server closes). Blocking, as run().
    static TlsReplayResult replayFirstFlight(const LabContext &context, const QString &hostName,
                                             const QHostAddress &address, std::uint16_t port,
                                             const QByteArray &firstFlight, int waitMs = 1500,
                                             const LabHost *host = nullptr);

    // X509_V_ERR_* -> a sentence a student understands ("The certificate expired on ...").
    static QString explainVerifyResult(long result);
};

} // namespace wirelab
