// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// L04 "The TLS handshake" (course notes L456-533, L614-817): TLS 1.2 against TLS 1.3 over a link with
// 50 ms one-way delay (round trips to the first application byte, counted from the capture), resumption
// with a 1.2 ticket and a 1.3 PSK, 0-RTT early data and the replay of its first flight, RSA key transport
// against ECDHE with the server key "leaked", broken certificates and the client's alert, and the records
// decrypted with the endpoints' own key log.
//
// Checkpoints read only the capture (dissected by core/dissect/tls.h, decrypted with the key log the
// endpoints reported as tls.keylog events, or with a leaked key from a tls.leak event) and the lab's
// events. tlsLabConnections() is that view; the test uses it too, so it asserts what the checkpoints see.
//
// The instance reports each action as a "tls.run" event {run, from_ns, to_ns, ...}: the connections whose
// ClientHello falls in that window belong to the run (in host mode the capture sees the relay's leg to the
// server, so client ports do not identify them; times do).

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace wirelab {
class CaptureSession;
class EventLog;
class LabRegistry;

// One TLS connection of the capture as the lab's checkpoints see it.
struct TlsLabConnection
{
    std::uint32_t conversation = 0;
    std::uint16_t clientPort = 0, serverPort = 0;
    std::int64_t tcpRttNs = -1;          // tcp.analysis.initial_rtt of the connection (-1: no handshake seen)
    QString version;                     // "TLS 1.2", "TLS 1.3", empty when no ServerHello
    QString cipher;                      // the ServerHello's cipher suite name
    std::uint32_t clientHelloFrame = 0;
    std::int64_t clientHelloNs = -1;
    QByteArray clientRandom;             // 32 bytes
    bool pskOffered = false;             // ClientHello pre_shared_key extension (1.3)
    bool ticketOffered = false;          // ClientHello session_ticket extension with a ticket in it (1.2)
    bool resumed = false;                // the dissector's verdict (PSK accepted, or 1.2 abbreviated)
    bool earlyDataOffered = false;       // ClientHello early_data extension
    bool earlyDataAccepted = false;      // EncryptedExtensions early_data (needs decryption)
    bool encryptedExtensionsSeen = false; // EncryptedExtensions read (TLS 1.3 with the key log)
    int earlyDataRecords = 0;            // client records sent before the server's flight, after the ClientHello
    bool certificateSeen = false;        // a Certificate message from the server (1.3: needs decryption)
    std::uint32_t certificateFrame = 0, certificateLastFrame = 0; // the frames its bytes came in
    int certificateCount = 0;            // certificates in it: the leaf and the intermediates sent
    int certificateBytes = 0;            // the whole message, header included
    bool handshakeComplete = false;      // both Finished seen (or their encrypted records)
    std::uint32_t firstClientAppFrame = 0; // the first client application-data record after the handshake
    std::int64_t firstClientAppNs = -1;
    int serverFlightsBeforeApp = -1;     // server flights between the ClientHello and that record
    int encryptedRecords = 0, decryptedRecords = 0; // encrypted records on the wire, and how many decrypted
    bool replay = false;                 // the ClientHello repeats an earlier connection's client random
    bool keyLogCovers = false;           // the key log has this connection's client random
    struct Alert
    {
        bool fromClient = true;
        int level = 0, description = 0;  // tls.alert_message.level / .desc
        std::uint32_t frame = 0;
        bool decrypted = false;          // read from an encrypted record (1.3) with the key log
    };
    std::vector<Alert> alerts;
    QStringList messages;                // handshake messages in order, "C ClientHello #4", "S ServerHello #6"
};

// The TLS connections of a session, dissected with keyLog (NSS key log lines) and an optional RSA private
// key (PEM) for TLS 1.2 RSA key transport. Connections in capture order.
std::vector<TlsLabConnection> tlsLabConnections(const CaptureSession &session, const QByteArray &keyLog,
                                                const QByteArray &rsaKeyPem = {});
// The key log the endpoints reported (their tls.keylog events), one line per (label, client random). A
// replayed ClientHello repeats its client random, so the server logs new secrets under the original's
// random: the first line wins, unless it was reported inside [preferFrom, preferTo] (run-clock ns), which
// the replay checkpoint uses to read the replayed connection.
QByteArray tlsLabKeyLog(const EventLog &events, std::int64_t preferFrom = -1, std::int64_t preferTo = -1);
// The name of an alert description (tls.alert_message.desc), "certificate_expired".
QString tlsAlertName(int description);

} // namespace wirelab

void setupTlsLab(wirelab::LabRegistry &registry);
