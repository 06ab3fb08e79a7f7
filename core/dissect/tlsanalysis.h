// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one TLS analysis of a capture session: what the shell's packet list (Protocol/Info), details pane
// (record trees with their decrypted content), byte-by-byte notes, key-schedule view, ladder labels and the
// pcapng export with its Decryption Secrets Block read. It parses nothing itself; it composes
//
//   TcpStreamReassembler  one, over every TCP conversation (core/dissect/tcpstream.h)
//   TlsDissector          via dissectTlsStreams(), per conversation whose first bytes look like TLS
//                         (any port), fed in capture order (core/dissect/tls.h)
//   TlsKeyLog             the endpoints' "tls.keylog" events of the session's EventLog (the lab writes its
//                         keys; the student configures nothing), plus any extra secrets (a leaked RSA key)
//
// and derives per frame: the protocol as Wireshark writes it ("TLSv1.2", "TLSv1.3"), a tshark-like Info
// ("Client Hello", "Server Hello, Change Cipher Spec, Encrypted Extensions, ...", "Application Data",
// "Alert (Level: Fatal, Description: Unknown CA)"), a short ladder label ("ClientHello",
// "ServerHello…Finished", "App Data 1.2 KB [decrypted]"), whether it carries encrypted records and whether
// they were decrypted, and the details subtree ("Transport Layer Security" with one record tree per record
// completed in the frame, byte ranges moved to the frame).
//
// A record belongs to the frame that completed it (its last byte), as tshark shows a reassembled PDU.
// Records whose bytes continue into a frame only partly show there only in recordsOfFrame() (the ladder
// draws records inside TCP segments).
//
// Incremental: feed() takes the packets and events appended since the last call (cheap per packet);
// derive() re-dissects only the conversations whose streams grew, or every TLS conversation when new keys
// arrived (a key logged after its records were captured then decrypts them). Packets that the lab network
// recorded but never delivered are not fed (their bytes never reached the receiver). Bounded like the
// dissectors it composes.

#include "dissect/dissect.h"
#include "dissect/tcpstream.h"
#include "dissect/tls.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

namespace wirelab {

class CaptureSession;
class EventLog;
class PacketStore;
class TcpConversationTracker;

// What TLS a frame carries.
struct TlsFrameInfo
{
    int connection = -1;      // index into TlsAnalysis::connections(); -1 when the frame carries no TLS
    QString protocol;         // "TLSv1.3", "TLSv1.2", ... (empty when no record completes in the frame)
    QString info;             // tshark-like Info
    QString label;            // short label for the ladder
    bool encrypted = false;   // a record completed here is encrypted
    bool decrypted = false;   // ... and every encrypted one of them was decrypted
    bool alert = false;       // an alert completes here (known: plaintext or decrypted)
    std::vector<int> records; // indexes into the connection's records completed in this frame
};

// A record with bytes in a frame (for the ladder: records inside TCP segments).
struct TlsRecordRef
{
    int connection = -1;
    int record = -1;
    bool completes = false;   // the record's last byte is in this frame
};

class TlsAnalysis final
{
public:
    TlsAnalysis();
    ~TlsAnalysis();
    TlsAnalysis(const TlsAnalysis &) = delete;
    TlsAnalysis &operator=(const TlsAnalysis &) = delete;

    // Secrets beyond the session's key log events (a leaked RSA private key, a key log file). Re-dissects.
    void setExtraSecrets(const TlsSecrets &secrets);

    // Feeds the packets of store appended since the last call (the tracker must have seen them) and, when
    // events is given, the "tls.keylog" events appended since the last call. A store that shrank (a new
    // capture) starts over. Returns whether anything changed that derive() will look at.
    bool feed(const PacketStore &store, const TcpConversationTracker &tracker, const EventLog *events = nullptr);
    bool feed(const CaptureSession &session);
    // Re-dissects what changed since the last derive(); returns whether it did.
    bool derive();
    bool update(const CaptureSession &session);
    void clear();

    std::uint64_t generation() const { return m_generation; }
    bool derivePending() const { return m_dirty; }
    std::size_t packetsFed() const { return m_fed; }

    // Every TLS connection, in order of its conversation (tcp.stream).
    const std::vector<TlsConnectionResult> &connections() const { return m_connections; }
    // The key log: the session's events and the extra secrets' (what the DSB and the key log export write).
    const TlsKeyLog &keyLog() const { return m_secrets.keyLog; }
    bool hasKeys() const { return !m_secrets.keyLog.isEmpty(); }

    // Per frame (1-based frame numbers).
    const TlsFrameInfo *frame(std::uint32_t frame) const; // nullptr when no record completes in it
    int connectionOfFrame(std::uint32_t frame) const;     // also for frames carrying only part of a record
    const TlsConnectionResult *connectionForFrame(std::uint32_t frame) const;
    QString packetProtocol(std::uint32_t frame) const;
    QString packetInfo(std::uint32_t frame) const;
    QString packetLabel(std::uint32_t frame) const;
    std::vector<TlsRecordRef> recordsOfFrame(std::uint32_t frame) const;

    // The "Transport Layer Security" layer of a frame (abbrev "tls"): the trees of the records completed in
    // it, byte ranges moved to the frame (bytes in other frames get no range; frameLength: the captured
    // length). A decrypted record's content sits under it as a "Decrypted TLS (n bytes)" child whose
    // subtree's ranges count in that record's plaintext (decrypted[i]; paths[i] is the child-index path
    // from tree to the node), as Wireshark's "Decrypted TLS" bytes tab. tree.abbrev is empty when the
    // frame completes no record.
    struct Layer
    {
        ProtoField tree;
        std::vector<QByteArray> decrypted;
        std::vector<std::vector<int>> paths;
    };
    Layer layer(std::uint32_t frame, std::size_t frameLength) const;

    const TcpStreamReassembler &streams() const { return m_streams; }

    // The compact name of a handshake type for labels: "ClientHello", "EncryptedExtensions".
    static QString compactHandshakeName(std::uint8_t type);
    // "TLSv1.2" / "TLSv1.3" / "SSLv3" / "TLSv1" as Wireshark's Protocol column writes a version.
    static QString protocolName(std::uint16_t version);
    // A record's line in the details as Wireshark's window writes it ("TLSv1.3 Record Layer: Handshake
    // Protocol: Server Hello"); index: the record's index in conn.records.
    static QString recordLabel(const TlsConnectionResult &conn, const TlsRecord &rec, int index);

private:
    struct Conversation
    {
        std::uint64_t generation[2] = {0, 0}; // stream generations at the last dissection
        bool tls = false, decided = false;
        int connection = -1;
    };
    void deriveFrames();

    TcpStreamReassembler m_streams;
    TlsSecrets m_extra;
    TlsSecrets m_secrets;                          // m_extra plus the events' key log
    std::map<std::uint32_t, Conversation> m_conversations;
    std::vector<std::uint32_t> m_frameConversation; // by frame - 1; UINT32_MAX when none
    std::size_t m_fed = 0, m_eventsSeen = 0;
    bool m_keysChanged = false, m_dirty = false;
    std::uint64_t m_generation = 0;

    std::vector<TlsConnectionResult> m_connections;
    std::unordered_map<std::uint32_t, TlsFrameInfo> m_frames;
    std::unordered_map<std::uint32_t, std::vector<TlsRecordRef>> m_recordsOfFrame;
};

} // namespace wirelab
