// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsanalysis.h"

#include "capturesession.h"
#include "dissect/httpanalysis.h"
#include "dissect/tcptracker.h"
#include "store/eventlog.h"
#include "store/packetstore.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <limits>

namespace wirelab {

namespace {

constexpr std::uint32_t kNoConversation = std::numeric_limits<std::uint32_t>::max();

QString tr(const char *text)
{
    return QCoreApplication::translate("wirelab::TlsAnalysis", text);
}

std::span<const std::uint8_t> streamBytes(const TcpStream *s)
{
    return s ? std::span(reinterpret_cast<const std::uint8_t *>(s->data.constData()), std::size_t(s->data.size()))
             : std::span<const std::uint8_t>();
}

// Chunks of s overlapping [offset, offset + length), in stream order.
template<typename F>
void forChunks(const TcpStream &s, std::uint64_t offset, std::uint64_t length, F &&f)
{
    auto it = std::upper_bound(s.chunks.begin(), s.chunks.end(), offset,
                               [](std::uint64_t o, const TcpStreamChunk &c) { return o < c.offset; });
    if (it != s.chunks.begin())
        --it;
    for (; it != s.chunks.end() && it->offset < offset + length; ++it)
        if (it->offset + it->length > offset)
            f(*it);
}

// Where the first bytes of [pos, pos + length) carried by frame lie in that frame; {0, 0} when none are.
std::pair<int, int> rangeInFrame(const TcpStream &s, std::uint32_t frame, std::uint64_t pos, std::uint64_t length,
                                 std::size_t frameLength)
{
    std::pair<int, int> out{0, 0};
    bool found = false;
    forChunks(s, pos, std::max<std::uint64_t>(length, 1), [&](const TcpStreamChunk &c) {
        if (found || c.frame != frame)
            return;
        found = true;
        const std::uint64_t from = std::max(pos, c.offset);
        const std::uint64_t to = std::min(pos + length, c.offset + c.length);
        const std::uint64_t at = c.frameOffset + (from - c.offset);
        if (at >= frameLength)
            return;
        out.first = int(at);
        out.second = int(std::min<std::uint64_t>(to > from ? to - from : 0, frameLength - at));
    });
    return out;
}

void shift(ProtoField &tree, int by)
{
    std::vector<ProtoField *> stack{&tree};
    while (!stack.empty()) {
        ProtoField *f = stack.back();
        stack.pop_back();
        f->offset += by;
        for (ProtoField &c : f->children)
            stack.push_back(&c);
    }
}

QString sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return tr("%1 KB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    return tr("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

QString alertInfo(const TlsAlert &a)
{
    const QString level = a.level == 1 ? QStringLiteral("Warning") : a.level == 2 ? QStringLiteral("Fatal") : QString::number(a.level);
    return QStringLiteral("Alert (Level: %1, Description: %2)").arg(level, QLatin1String(tlsAlertDescriptionName(a.description)));
}

// ---- notes for the fields the dissector leaves without one ------------------------------------------------
//
// The dissector (core/dissect/tls.cpp) writes a note for the fields that carry meaning; the structural ones
// (lengths, extension type/length, list entries, subtree nodes) and some list entries get theirs here, so
// that every field of a handshake message explains itself in the byte-by-byte view.

QString extensionNote(const QString &name)
{
    static const std::pair<const char *, const char *> notes[] = {
        {"server_name", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "SNI: the host name the client wants to reach, in clear text, so one server address can host many names (and anyone on the path can read it).")},
        {"supported_versions", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The TLS versions this side speaks. TLS 1.3 is negotiated here, not in the legacy version fields, which stay at TLS 1.2 so that old middleboxes let the handshake through.")},
        {"key_share", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The (EC)DHE public keys: the client guesses a group and sends its public key right away, which is how TLS 1.3 saves a round trip. Both sides combine their private key with the peer's public key into the shared secret.")},
        {"application_layer_protocol_negotiation", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "ALPN: the application protocols the client can speak over this connection (h2, http/1.1); the server picks one, so no extra round trip is needed after the handshake.")},
        {"signature_algorithms", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The signature schemes the client can verify: the server must sign its CertificateVerify (1.3) or ServerKeyExchange (1.2) with one of them.")},
        {"signature_algorithms_cert", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The signature schemes accepted in certificates (when they differ from those for the handshake).")},
        {"pre_shared_key", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "Resumption: the ticket(s) of an earlier session, with a binder that proves the client knows the secret behind them. The server answers with the index of the one it accepts.")},
        {"psk_key_exchange_modes", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "How a resumed session may make its keys: psk_dhe_ke also does a fresh (EC)DHE exchange (forward secrecy), psk_ke uses the ticket's secret alone.")},
        {"early_data", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "0-RTT: the client sends application data before the handshake finishes, encrypted with a key from the ticket. Fast, but an attacker can replay it.")},
        {"supported_groups", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The (EC)DHE groups the client supports, most preferred first; the key exchange uses one of them.")},
        {"ec_point_formats", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "TLS 1.2: how elliptic curve points may be encoded; today always uncompressed.")},
        {"session_ticket", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "TLS 1.2 session tickets: empty to say the client supports them, or a ticket from an earlier session to resume it.")},
        {"encrypt_then_mac", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "For CBC cipher suites: compute the MAC over the ciphertext (safer). Irrelevant for AEAD suites such as GCM.")},
        {"extended_master_secret", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "TLS 1.2: bind the master secret to the whole handshake transcript, so two connections can never end up with the same keys.")},
        {"renegotiation_info", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "Secure renegotiation (RFC 5746): ties a renegotiation to the connection it happens on.")},
        {"status_request", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "OCSP stapling: the client asks the server to include a fresh revocation status of its certificate.")},
        {"signed_certificate_timestamp", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "Certificate Transparency: proof that the certificate was published in a public log.")},
        {"record_size_limit", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The largest record this side wants to receive.")},
        {"padding", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "Zero bytes that only make the ClientHello longer (some old servers choke on hellos of certain sizes).")},
        {"post_handshake_auth", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The client would present a certificate later if the server asks after the handshake.")},
        {"cookie", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "A value from a HelloRetryRequest that the client must echo.")},
        {"compress_certificate", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The certificate chain may be sent compressed.")},
    };
    for (const auto &[n, note] : notes)
        if (name == QLatin1String(n))
            return QCoreApplication::translate("wirelab::TlsAnalysis", note);
    return tr("An extension: optional data in a hello. Unknown extensions are ignored, which is how TLS grows.");
}

QString cipherSuiteNote(const QString &label)
{
    // "Cipher Suite: TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (0xc030)"
    const qsizetype colon = label.indexOf(QLatin1String(": "));
    QString name = colon >= 0 ? label.mid(colon + 2) : label;
    name = name.section(QLatin1Char(' '), 0, 0);
    if (name.endsWith(QLatin1String("_SCSV")))
        return tr("Not a real cipher suite: a signal (here: secure renegotiation is supported, RFC 5746).");
    static const QRegularExpression tls13(QStringLiteral("^TLS_(AES_128_GCM|AES_256_GCM|CHACHA20_POLY1305|AES_128_CCM(_8)?)_(SHA\\d+)$"));
    static const QRegularExpression tls12(QStringLiteral("^TLS_(\\w+?)_WITH_(\\w+)_(SHA\\d*|MD5)$"));
    if (const auto m = tls13.match(name); m.hasMatch())
        return tr("A TLS 1.3 suite: %1 encrypts and authenticates every record, %2 is the hash of the key schedule (HKDF) "
                  "and the transcript. The key exchange is negotiated separately (key_share).")
            .arg(m.captured(1).replace(QLatin1Char('_'), QLatin1Char('-')), m.captured(3));
    if (const auto m = tls12.match(name); m.hasMatch()) {
        const QString kx = m.captured(1);
        const QString exchange = kx.startsWith(QLatin1String("ECDHE")) || kx.startsWith(QLatin1String("DHE"))
                                     ? tr("%1 makes the keys with an ephemeral (EC)Diffie-Hellman exchange (forward secrecy), "
                                          "signed with the certificate's key").arg(kx)
                                     : tr("%1 key transport: the client encrypts the secret to the server's certificate key (no "
                                          "forward secrecy)").arg(kx);
        return tr("A TLS 1.2 suite: %1; %2 encrypts the records; %3 is the hash of the PRF and the MAC.")
            .arg(exchange, m.captured(2).replace(QLatin1Char('_'), QLatin1Char('-')), m.captured(3));
    }
    return tr("An encryption algorithm set the client accepts; the server picks one.");
}

QString handshakeNote(const QString &label)
{
    static const std::pair<const char *, const char *> notes[] = {
        {"Client Hello", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The client's opening message: its random, the versions, cipher suites and groups it supports, and in TLS 1.3 already its key share. Sent in clear text.")},
        {"Server Hello", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The server's choices: version, cipher suite, and in TLS 1.3 its key share. From here on both sides can compute the handshake keys.")},
        {"Hello Retry Request", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The server cannot use the client's key share: it names a group and the client must send a new ClientHello (one extra round trip).")},
        {"New Session Ticket", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "A ticket the client can present later to resume without a full handshake (and, if allowed, to send 0-RTT data).")},
        {"End of Early Data", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The client's 0-RTT data ends here; the next records use the handshake keys.")},
        {"Encrypted Extensions", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "TLS 1.3: the server's extensions that need no clear text (ALPN, early_data), already encrypted with the handshake key.")},
        {"Certificate", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The certificate chain: the server's own certificate first, then the intermediates that lead to a root the client trusts.")},
        {"Server Key Exchange", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "TLS 1.2 (EC)DHE: the server's ephemeral public key, signed with its certificate key so the client knows who sent it.")},
        {"Certificate Request", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "The server asks the client for a certificate (mutual TLS).")},
        {"Server Hello Done", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "TLS 1.2: the server's first flight ends; now the client answers.")},
        {"Certificate Verify", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "A signature over the handshake so far with the certificate's private key: proof that the sender owns the certificate.")},
        {"Client Key Exchange", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "TLS 1.2: the client's half of the key exchange (its ECDHE public key, or the premaster secret encrypted to the server's RSA key).")},
        {"Finished", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "An HMAC over the whole handshake with a key from this connection's secrets: if anyone changed a byte of the handshake, this check fails.")},
        {"Key Update", QT_TRANSLATE_NOOP("wirelab::TlsAnalysis", "TLS 1.3: the sender switches to the next generation of traffic keys.")},
    };
    for (const auto &[n, note] : notes)
        if (label.endsWith(QLatin1String(n)))
            return QCoreApplication::translate("wirelab::TlsAnalysis", note);
    return {};
}

QString lengthNote(const QString &label)
{
    QString what = label.section(QLatin1Char(':'), 0, 0);
    what.remove(QRegularExpression(QStringLiteral("\\s*(List )?(length|Length|len)\\s*$")));
    if (what.isEmpty())
        return tr("A length prefix: how many bytes follow, so the receiver knows where the field ends.");
    return tr("A length prefix: how many bytes the %1 that follow take, so the receiver knows where they end.").arg(what);
}

QString fieldNote(const ProtoField &f, const QString &context)
{
    const QByteArray &a = f.abbrev;
    if (a == "tls.handshake.ciphersuite")
        return cipherSuiteNote(f.label);
    if (a == "tls.handshake.extension.type")
        return tr("Which extension this is (%1), by its number in the IANA registry.").arg(context);
    if (a == "tls.handshake.extension.len")
        return tr("How many bytes of extension data follow.");
    if (a == "tls.handshake" || (a.isEmpty() && f.label.startsWith(QLatin1String("Handshake Protocol:"))))
        return handshakeNote(f.label);
    if (a.isEmpty() && f.label.startsWith(QLatin1String("Extension: ")))
        return extensionNote(f.label.mid(11).section(QLatin1Char(' '), 0, 0));
    if (a.isEmpty() && f.label.startsWith(QLatin1String("Key Share Entry")))
        return tr("One public key for one group. The private key behind it never leaves the sender.");
    if (a.isEmpty() && f.label.startsWith(QLatin1String("PSK Identity")))
        return tr("One ticket the client offers for resumption: the ticket as the server issued it (opaque to the client) "
                  "and its age, disguised by adding a random value from the ticket.");
    if (a.isEmpty() && f.label.startsWith(QLatin1String("PSK Binders")))
        return tr("One HMAC per offered ticket over this ClientHello, keyed from the ticket's secret: proof that the "
                  "client really holds the secret, not only a copied ticket.");
    if (a.isEmpty() && f.label.startsWith(QLatin1String("Identities")))
        return tr("The tickets the client offers, most preferred first.");
    if (a.isEmpty() && f.label.startsWith(QLatin1String("Certificate")))
        return tr("One certificate of the chain: who it names, who signed it, and how long it is valid.");
    if (a == "tls.handshake.extensions_key_share_group" || a == "tls.handshake.extensions_supported_group")
        return tr("The group (elliptic curve or finite field) of this key exchange: x25519 and secp256r1 are the common ones.");
    if (a == "tls.handshake.extensions_key_share_key_exchange")
        return tr("The ephemeral public key (for x25519: 32 bytes). Combined with the peer's private key it gives the shared "
                  "secret, which never appears on the wire or in the key log.");
    if (a == "tls.handshake.extensions_server_name_type")
        return tr("The kind of name: host_name (0) is the only one in use.");
    if (a == "tls.handshake.extensions_ec_point_format")
        return tr("0 uncompressed, 1 and 2 compressed point encodings (deprecated).");
    if (a.endsWith("_length") || a.endsWith("_len") || a.endsWith(".len") || a.endsWith("length"))
        return lengthNote(f.label);
    return {};
}

void fillNotes(ProtoField &f, const QString &context = {})
{
    QString ctx = context;
    if (f.abbrev.isEmpty() && f.label.startsWith(QLatin1String("Extension: ")))
        ctx = f.label.mid(11).section(QLatin1Char(' '), 0, 0);
    if (f.note.isEmpty())
        f.note = fieldNote(f, ctx);
    for (ProtoField &c : f.children)
        fillNotes(c, ctx);
}

} // namespace

TlsAnalysis::TlsAnalysis() = default;
TlsAnalysis::~TlsAnalysis() = default;

QString TlsAnalysis::compactHandshakeName(std::uint8_t type)
{
    return QString::fromLatin1(tlsHandshakeTypeName(type)).remove(QLatin1Char(' '));
}

QString TlsAnalysis::protocolName(std::uint16_t version)
{
    switch (version) {
    case 0x0300: return QStringLiteral("SSLv3");
    case 0x0301: return QStringLiteral("TLSv1");
    case 0x0302: return QStringLiteral("TLSv1.1");
    case 0x0303: return QStringLiteral("TLSv1.2");
    case 0x0304: return QStringLiteral("TLSv1.3");
    default: return QStringLiteral("TLS");
    }
}

void TlsAnalysis::clear()
{
    m_streams.clear();
    m_secrets = m_extra;
    m_conversations.clear();
    m_frameConversation.clear();
    m_fed = 0;
    m_eventsSeen = 0;
    m_keysChanged = false;
    m_dirty = false;
    m_connections.clear();
    m_frames.clear();
    m_recordsOfFrame.clear();
    ++m_generation;
}

void TlsAnalysis::setExtraSecrets(const TlsSecrets &secrets)
{
    m_extra = secrets;
    // The events' lines are read again on the next feed().
    m_secrets = m_extra;
    m_eventsSeen = 0;
    m_keysChanged = true;
}

bool TlsAnalysis::feed(const CaptureSession &session)
{
    return feed(session.store(), session.tcp(), &session.events());
}

bool TlsAnalysis::update(const CaptureSession &session)
{
    feed(session);
    return derive();
}

bool TlsAnalysis::feed(const PacketStore &store, const TcpConversationTracker &tracker, const EventLog *events)
{
    if (store.size() < m_fed)
        clear();
    bool changed = false;
    while (m_fed < store.size()) {
        const std::size_t index = m_fed++;
        m_frameConversation.push_back(kNoConversation);
        const PacketView v = store.at(index);
        const TcpPacketAnalysis *a = tracker.analysis(v.number);
        if (!a)
            continue;
        PacketSummary s;
        if (!dissectSummary(v.linkType, v.bytes, s) || s.protocol != Protocol::Tcp)
            continue;
        // Recorded by the lab network but never delivered: its bytes did not reach the receiver.
        if (isNotDeliveredComment(store.comment(index)))
            continue;
        // A conversation found not to be TLS is not reassembled any further (the HTTP analysis keeps its
        // own copy of those bytes; a second one would double the memory of a big transfer).
        if (const auto known = m_conversations.find(a->conversation);
            known != m_conversations.end() && known->second.decided && !known->second.tls)
            continue;
        const TcpStream *before = m_streams.stream(a->conversation, a->fromClient);
        const std::uint64_t generation = before ? before->generation : 0;
        m_streams.add(v.number, v.timeNs, s, v.bytes, a);
        const TcpStream *after = m_streams.stream(a->conversation, a->fromClient);
        if (s.payloadLength > 0)
            m_frameConversation.back() = a->conversation;
        if (after && (!before || after->generation != generation))
            changed = true;
    }
    if (events) {
        if (events->size() < m_eventsSeen) { // a new session's log
            m_secrets = m_extra;
            m_eventsSeen = 0;
            m_keysChanged = true;
        }
        if (events->size() > m_eventsSeen) {
            for (const LabEvent &e : events->since(m_eventsSeen)) {
                if (e.kind == QLatin1String("tls.keylog")
                    && m_secrets.keyLog.addLine(e.data.value(QStringLiteral("line")).toString().toUtf8()))
                    m_keysChanged = true;
            }
            m_eventsSeen = events->size();
        }
    }
    if (changed)
        m_dirty = true;
    return changed || m_keysChanged;
}

bool TlsAnalysis::derive()
{
    if (!m_dirty && !m_keysChanged)
        return false;
    bool any = false;
    std::map<std::uint32_t, bool> seen;
    for (const TcpStream &st : m_streams.streams())
        seen[st.conversation] = true;
    for (const auto &[conv, unused] : seen) {
        Conversation &c = m_conversations[conv];
        const TcpStream *client = m_streams.stream(conv, true);
        const TcpStream *server = m_streams.stream(conv, false);
        if (!c.decided) {
            c.tls = looksLikeTls(streamBytes(client)) || looksLikeTls(streamBytes(server));
            // Decided once a direction holds a whole record header.
            c.decided = c.tls || (client && client->data.size() >= 5) || (server && server->data.size() >= 5);
        }
        if (!c.tls)
            continue;
        const std::uint64_t g0 = client ? client->generation : 0, g1 = server ? server->generation : 0;
        if (c.connection >= 0 && !m_keysChanged && c.generation[0] == g0 && c.generation[1] == g1)
            continue;
        c.generation[0] = g0;
        c.generation[1] = g1;
        TlsConnectionResult r = dissectTlsStreams(client, server, m_secrets);
        r.conversation = conv;
        if (c.connection >= 0) {
            m_connections[std::size_t(c.connection)] = std::move(r);
        } else {
            const auto at = std::upper_bound(m_connections.begin(), m_connections.end(), conv,
                                             [](std::uint32_t v, const TlsConnectionResult &x) { return v < x.conversation; });
            m_connections.insert(at, std::move(r));
            for (std::size_t i = 0; i < m_connections.size(); ++i)
                m_conversations[m_connections[i].conversation].connection = int(i);
        }
        any = true;
    }
    m_dirty = false;
    m_keysChanged = false;
    if (any)
        deriveFrames();
    ++m_generation;
    return true;
}

void TlsAnalysis::deriveFrames()
{
    m_frames.clear();
    m_recordsOfFrame.clear();
    for (std::size_t ci = 0; ci < m_connections.size(); ++ci) {
        const TlsConnectionResult &conn = m_connections[ci];
        for (std::size_t ri = 0; ri < conn.records.size(); ++ri) {
            const TlsRecord &rec = conn.records[ri];
            const TcpStream *s = m_streams.stream(conn.conversation, rec.direction == TlsDirection::ClientToServer);
            if (!s)
                continue;
            std::vector<std::uint32_t> frames;
            forChunks(*s, rec.streamOffset, 5 + std::uint64_t(rec.length), [&](const TcpStreamChunk &c) {
                if (std::find(frames.begin(), frames.end(), c.frame) == frames.end())
                    frames.push_back(c.frame);
            });
            const std::uint32_t last = rec.lastFrame ? rec.lastFrame
                                                     : (frames.empty() ? 0 : *std::max_element(frames.begin(), frames.end()));
            for (std::uint32_t f : frames)
                m_recordsOfFrame[f].push_back({int(ci), int(ri), f == last});
            if (last == 0)
                continue;
            TlsFrameInfo &info = m_frames[last];
            info.connection = int(ci);
            info.records.push_back(int(ri));
        }
    }

    for (auto &[frameNumber, info] : m_frames) {
        const TlsConnectionResult &conn = m_connections[std::size_t(info.connection)];
        QStringList infos, labels;
        qint64 appBytes = 0;
        int appLabelAt = -1;
        bool appEncrypted = false;
        bool allDecrypted = true;
        std::uint16_t version = conn.version;
        for (int ri : info.records) {
            const TlsRecord &rec = conn.records[std::size_t(ri)];
            if (!version)
                version = rec.version;
            const bool opened = rec.status == TlsDecryptStatus::Decrypted || rec.status == TlsDecryptStatus::Plaintext;
            if (rec.encrypted) {
                info.encrypted = true;
                if (rec.status != TlsDecryptStatus::Decrypted)
                    allDecrypted = false;
            }
            const std::uint8_t type = opened ? rec.innerContentType : rec.contentType;
            const auto addAppData = [&](qint64 bytes, bool encryptedOnly) {
                infos << QStringLiteral("Application Data");
                appBytes += bytes;
                appEncrypted = appEncrypted || encryptedOnly;
                if (appLabelAt < 0) {
                    appLabelAt = int(labels.size());
                    labels << QString();
                }
            };
            switch (type) {
            case kTlsHandshake:
                if (!opened) {
                    infos << QStringLiteral("Encrypted Handshake Message");
                    labels << tr("Encrypted Handshake");
                    break;
                }
                for (int hi : rec.handshakes) {
                    const TlsHandshakeMessage &m = conn.handshakes[std::size_t(hi)];
                    infos << QLatin1String(tlsHandshakeTypeName(m.type));
                    labels << compactHandshakeName(m.type);
                }
                break;
            case kTlsChangeCipherSpec:
                infos << QStringLiteral("Change Cipher Spec");
                labels << QStringLiteral("ChangeCipherSpec");
                break;
            case kTlsAlert:
                if (!opened) {
                    infos << QStringLiteral("Encrypted Alert");
                    labels << tr("Encrypted Alert");
                    break;
                }
                info.alert = true;
                for (const TlsAlert &a : conn.alerts) {
                    if (a.record == ri && a.direction == rec.direction) {
                        infos << alertInfo(a);
                        labels << tr("Alert: %1").arg(QLatin1String(tlsAlertDescriptionName(a.description)));
                    }
                }
                break;
            case kTlsApplicationData:
                addAppData(opened ? rec.plaintext.size() : rec.length, !opened);
                break;
            case kTlsHeartbeat:
                infos << QStringLiteral("Heartbeat");
                labels << QStringLiteral("Heartbeat");
                break;
            default:
                infos << QStringLiteral("Ignored Unknown Record");
                labels << tr("Unknown record");
                break;
            }
        }
        if (appLabelAt >= 0)
            labels[appLabelAt] = appEncrypted ? tr("App Data %1 [encrypted]").arg(sizeText(appBytes))
                                              : info.encrypted ? tr("App Data %1 [decrypted]").arg(sizeText(appBytes))
                                                               : tr("App Data %1").arg(sizeText(appBytes));
        info.decrypted = info.encrypted && allDecrypted;
        info.protocol = protocolName(version);
        info.info = infos.join(QStringLiteral(", "));
        labels.removeAll(QString());
        info.label = labels.size() <= 2 ? labels.join(QStringLiteral(", "))
                                        : labels.first() + QStringLiteral("…") + labels.last();
    }
}

// The record's line in the details as Wireshark's window writes it (two passes: the version is the
// connection's, also for the hellos): "TLSv1.3 Record Layer: Handshake Protocol: Server Hello".
QString TlsAnalysis::recordLabel(const TlsConnectionResult &conn, const TlsRecord &rec, int index)
{
    QString what;
    const bool opened = rec.status == TlsDecryptStatus::Decrypted || rec.status == TlsDecryptStatus::Plaintext;
    switch (opened ? rec.innerContentType : rec.contentType) {
    case kTlsHandshake:
        if (!opened)
            what = QStringLiteral("Handshake Protocol: Encrypted Handshake Message");
        else if (rec.handshakes.size() == 1)
            what = QStringLiteral("Handshake Protocol: ") + QLatin1String(tlsHandshakeTypeName(conn.handshakes[std::size_t(rec.handshakes.front())].type));
        else if (rec.handshakes.size() > 1)
            what = QStringLiteral("Handshake Protocol: Multiple Handshake Messages");
        else
            what = QStringLiteral("Handshake Protocol");
        break;
    case kTlsChangeCipherSpec:
        what = QStringLiteral("Change Cipher Spec Protocol: Change Cipher Spec");
        break;
    case kTlsAlert:
        what = opened ? QString() : QStringLiteral("Encrypted Alert");
        for (const TlsAlert &a : conn.alerts)
            if (opened && a.record == index && a.direction == rec.direction && what.isEmpty())
                what = alertInfo(a);
        if (what.isEmpty())
            what = QStringLiteral("Alert");
        break;
    case kTlsApplicationData:
        what = QStringLiteral("Application Data Protocol: Application Data");
        break;
    default:
        what = QString::fromLatin1(tlsContentTypeName(opened ? rec.innerContentType : rec.contentType)) + QStringLiteral(" Protocol");
        break;
    }
    return QStringLiteral("%1 Record Layer: %2").arg(protocolName(conn.version ? conn.version : rec.version), what);
}

const TlsFrameInfo *TlsAnalysis::frame(std::uint32_t frame) const
{
    const auto it = m_frames.find(frame);
    return it == m_frames.end() ? nullptr : &it->second;
}

int TlsAnalysis::connectionOfFrame(std::uint32_t frame) const
{
    if (const TlsFrameInfo *f = this->frame(frame))
        return f->connection;
    const auto it = m_recordsOfFrame.find(frame);
    if (it != m_recordsOfFrame.end() && !it->second.empty())
        return it->second.front().connection;
    if (frame == 0 || frame > m_frameConversation.size() || m_frameConversation[frame - 1] == kNoConversation)
        return -1;
    const auto c = m_conversations.find(m_frameConversation[frame - 1]);
    return c == m_conversations.end() ? -1 : c->second.connection;
}

const TlsConnectionResult *TlsAnalysis::connectionForFrame(std::uint32_t frame) const
{
    const int c = connectionOfFrame(frame);
    return c >= 0 && std::size_t(c) < m_connections.size() ? &m_connections[std::size_t(c)] : nullptr;
}

QString TlsAnalysis::packetProtocol(std::uint32_t frame) const
{
    const TlsFrameInfo *f = this->frame(frame);
    return f ? f->protocol : QString();
}

QString TlsAnalysis::packetInfo(std::uint32_t frame) const
{
    const TlsFrameInfo *f = this->frame(frame);
    return f ? f->info : QString();
}

QString TlsAnalysis::packetLabel(std::uint32_t frame) const
{
    const TlsFrameInfo *f = this->frame(frame);
    return f ? f->label : QString();
}

std::vector<TlsRecordRef> TlsAnalysis::recordsOfFrame(std::uint32_t frame) const
{
    const auto it = m_recordsOfFrame.find(frame);
    return it == m_recordsOfFrame.end() ? std::vector<TlsRecordRef>() : it->second;
}

TlsAnalysis::Layer TlsAnalysis::layer(std::uint32_t frame, std::size_t frameLength) const
{
    Layer out;
    const TlsFrameInfo *info = this->frame(frame);
    if (!info)
        return out;
    const TlsConnectionResult &conn = m_connections[std::size_t(info->connection)];
    ProtoField &root = out.tree;
    root.abbrev = "tls";
    root.label = tr("Transport Layer Security");
    root.note = tr("TLS encrypts and authenticates what the application sends, in records inside the TCP byte stream.");
    int lo = std::numeric_limits<int>::max(), hi = 0;
    for (int ri : info->records) {
        const TlsRecord &rec = conn.records[std::size_t(ri)];
        const TcpStream *s = m_streams.stream(conn.conversation, rec.direction == TlsDirection::ClientToServer);
        if (!s)
            continue;
        ProtoField tree = rec.tree;
        fillNotes(tree);
        tree.label = recordLabel(conn, rec, ri);
        // Handshake messages that were decrypted or reassembled from several records: T2's copy under the
        // record stands in with the whole content; they move below a "Decrypted TLS" / "Reassembled" node
        // whose ranges count in its own bytes.
        std::vector<int> movable; // indexes into rec.handshakes
        for (std::size_t k = 0; k < rec.handshakes.size(); ++k) {
            const TlsHandshakeMessage &m = conn.handshakes[std::size_t(rec.handshakes[k])];
            if (rec.encrypted || m.firstRecord != m.lastRecord)
                movable.push_back(int(k));
        }
        if (!movable.empty()) {
            // T2 appends one tls.handshake child per message in rec.handshakes order.
            std::vector<std::size_t> handshakeChildren;
            for (std::size_t i = 0; i < tree.children.size(); ++i)
                if (tree.children[i].abbrev == "tls.handshake")
                    handshakeChildren.push_back(i);
            if (handshakeChildren.size() == rec.handshakes.size()) {
                for (auto it = movable.rbegin(); it != movable.rend(); ++it)
                    tree.children.erase(tree.children.begin() + std::ptrdiff_t(handshakeChildren[std::size_t(*it)]));
            } else {
                movable.clear();
            }
        }
        // Record-relative ranges to the frame.
        std::vector<ProtoField *> stack{&tree};
        while (!stack.empty()) {
            ProtoField *f = stack.back();
            stack.pop_back();
            const auto r = f->length > 0 || f->offset > 0
                               ? rangeInFrame(*s, frame, rec.streamOffset + std::uint64_t(std::max(f->offset, 0)),
                                              std::uint64_t(std::max(f->length, 0)), frameLength)
                               : rangeInFrame(*s, frame, rec.streamOffset, 0, frameLength);
            f->offset = r.first;
            f->length = r.second;
            for (ProtoField &c : f->children)
                stack.push_back(&c);
        }
        if (tree.length > 0) {
            lo = std::min(lo, tree.offset);
            hi = std::max(hi, tree.offset + tree.length);
        }
        const int recordIndex = int(root.children.size());
        auto addSource = [&](ProtoField node, QByteArray bytes) {
            out.paths.push_back({recordIndex, int(tree.children.size())});
            out.decrypted.push_back(std::move(bytes));
            tree.children.push_back(std::move(node));
        };
        if (rec.encrypted && rec.status == TlsDecryptStatus::Decrypted) {
            ProtoField dec;
            dec.label = tr("Decrypted TLS (%1 bytes)").arg(rec.plaintext.size());
            dec.length = int(rec.plaintext.size());
            dec.note = tr("The record's content after decryption with the key the endpoints logged: the bytes "
                          "below count from the first decrypted byte (the hex view shows them).");
            for (int k : movable) {
                const TlsHandshakeMessage &m = conn.handshakes[std::size_t(rec.handshakes[std::size_t(k)])];
                if (m.firstRecord != m.lastRecord)
                    continue; // reassembled below
                const qsizetype at = rec.plaintext.indexOf(m.bytes);
                ProtoField t = m.tree;
                fillNotes(t);
                shift(t, int(std::max<qsizetype>(at, 0)));
                dec.children.push_back(std::move(t));
            }
            if (rec.innerContentType == kTlsApplicationData) {
                ProtoField app;
                app.abbrev = "tls.app_data";
                app.label = tr("Application Data: %1").arg(QString::fromLatin1(rec.plaintext.left(48)).replace(QRegularExpression(QStringLiteral("[^\\x20-\\x7e]")), QStringLiteral(".")) + (rec.plaintext.size() > 48 ? QStringLiteral("…") : QString()));
                app.value = QString::fromLatin1(rec.plaintext.left(4096).toHex());
                app.length = int(rec.plaintext.size());
                app.note = tr("What the application wrote, as the other side's application reads it after decryption.");
                dec.children.push_back(std::move(app));
            }
            addSource(std::move(dec), rec.plaintext);
        }
        for (int k : movable) {
            const TlsHandshakeMessage &m = conn.handshakes[std::size_t(rec.handshakes[std::size_t(k)])];
            if (m.firstRecord == m.lastRecord)
                continue;
            ProtoField re;
            re.label = tr("Reassembled %1 (%2 bytes, %3 records)")
                           .arg(QLatin1String(tlsHandshakeTypeName(m.type)))
                           .arg(m.bytes.size())
                           .arg(m.lastRecord - m.firstRecord + 1);
            re.length = int(m.bytes.size());
            re.note = tr("This handshake message was longer than one record: TLS split it across records, and the "
                         "pieces are joined here (the hex view shows the joined bytes).");
            re.children.push_back(m.tree);
            fillNotes(re.children.back());
            addSource(std::move(re), m.bytes);
        }
        root.children.push_back(std::move(tree));
    }
    if (lo <= hi) {
        root.offset = lo;
        root.length = hi - lo;
    }
    return out;
}

} // namespace wirelab
