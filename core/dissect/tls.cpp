// SPDX-License-Identifier: GPL-3.0-or-later

// The TLS dissector: records, handshake reassembly and messages, decryption state per direction, the key
// schedule, and the whole-capture entry points. See tls.h for the contract.

#include "dissect/tls.h"
#include "dissect/tls_p.h"

#include "capturesession.h"
#include "dissect/tcpstream.h"
#include "dissect/tcptracker.h"
#include "store/packetstore.h"

#include <openssl/bio.h>
#include <openssl/x509.h>

#include <algorithm>
#include <map>

namespace wirelab {

using namespace tlsp;

namespace {

const std::uint8_t kHrrRandom[32] = {
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
};

QString hex(const QByteArray &b) { return QString::fromLatin1(b.toHex()); }
QString hex4(std::uint32_t v) { return QStringLiteral("0x%1").arg(v, 4, 16, QLatin1Char('0')); }
QString hex2(std::uint32_t v) { return QStringLiteral("0x%1").arg(v, 2, 16, QLatin1Char('0')); }

ProtoField field(const char *abbrev, const QString &label, const QString &value, int off, int len,
                 const QString &note = {})
{
    ProtoField f;
    f.abbrev = abbrev;
    f.label = label;
    f.value = value;
    f.offset = off;
    f.length = len;
    f.note = note;
    return f;
}

void markMalformed(ProtoField &parent, const QString &why, int off)
{
    ProtoField m = field("_ws.malformed", QStringLiteral("[Malformed: %1]").arg(why), QString(), off, 0);
    m.malformed = true;
    parent.children.push_back(m);
    parent.malformed = true;
}

} // namespace

// A bounded reader over a message: pos and end index into d; running out sets bad instead of reading on.
struct TlsDissector::Reader
{
    const std::uint8_t *d = nullptr;
    int end = 0; // exclusive, absolute index into d
    int pos = 0;
    bool bad = false;

    Reader(const std::uint8_t *data, int begin, int endExclusive) : d(data), end(endExclusive), pos(begin) {}
    int left() const { return end - pos; }
    bool need(int k)
    {
        if (k < 0 || left() < k) {
            bad = true;
            return false;
        }
        return true;
    }
    std::uint32_t u8() { return need(1) ? d[pos++] : 0; }
    std::uint32_t u16()
    {
        if (!need(2))
            return 0;
        std::uint32_t v = (std::uint32_t(d[pos]) << 8) | d[pos + 1];
        pos += 2;
        return v;
    }
    std::uint32_t u24()
    {
        if (!need(3))
            return 0;
        std::uint32_t v = (std::uint32_t(d[pos]) << 16) | (std::uint32_t(d[pos + 1]) << 8) | d[pos + 2];
        pos += 3;
        return v;
    }
    std::uint32_t u32() { return (u16() << 16) | u16(); }
    QByteArray bytes(int k)
    {
        if (!need(k))
            return {};
        QByteArray b(reinterpret_cast<const char *>(d + pos), k);
        pos += k;
        return b;
    }
};
using Rd = TlsDissector::Reader;

namespace {

struct Epoch
{
    int number = 0;        // 0 none, 1 early, 2 handshake, 3 application, 4+ after KeyUpdates
    Aead aead = Aead::None;
    QByteArray secret;     // TLS 1.3 traffic secret
    QByteArray key, iv;
    std::uint64_t seq = 0;
    bool valid() const { return !key.isEmpty(); }
};

} // namespace

struct TlsDissector::State
{
    const TlsSecrets *secrets = nullptr;
    struct Mark
    {
        std::uint64_t offset;
        std::uint32_t frame;
        std::int64_t timeNs;
    };
    struct Dir
    {
        std::vector<std::uint8_t> buf;
        std::uint64_t consumed = 0;
        std::vector<Mark> marks;
        QByteArray hs;          // handshake bytes waiting for the rest of their message
        int hsFirstRecord = -1;
        bool hsBroken = false;
        bool hsEncrypted = false;
        bool ccsSeen = false;   // TLS 1.2: records after it are encrypted
        Epoch epoch;            // current protection
        int nextAppGeneration = 0;
    };
    Dir dir[2];
    const SuiteInfo *suite = nullptr;
    bool serverHelloSeen = false;
    bool tls13 = false;
    QByteArray master;          // TLS 1.2
    QByteArray premaster;       // TLS 1.2 RSA
    QByteArray sessionHash;     // TLS 1.2 extended master secret
    QByteArray clientSessionId;
    bool sawCertificate = false;
    bool finished = false;
    bool parsingHrr = false;    // the ServerHello being parsed is a HelloRetryRequest
};

TlsDissector::TlsDissector(const TlsSecrets *secrets) : m_state(std::make_unique<State>())
{
    m_state->secrets = secrets;
}

TlsDissector::~TlsDissector() = default;

TlsConnectionResult TlsDissector::takeResult()
{
    TlsConnectionResult r = std::move(m_result);
    m_result = TlsConnectionResult();
    return r;
}

const TlsHandshakeMessage *TlsConnectionResult::handshake(std::uint8_t type, TlsDirection dir) const
{
    for (const auto &h : handshakes)
        if (h.type == type && h.direction == dir)
            return &h;
    return nullptr;
}

const TlsRecord *TlsConnectionResult::firstApplicationData(TlsDirection dir) const
{
    for (const auto &r : records) {
        if (r.direction != dir)
            continue;
        if (r.status == TlsDecryptStatus::Decrypted && r.innerContentType == kTlsApplicationData)
            return &r;
        if (version != 0x0304 && version != 0 && r.contentType == kTlsApplicationData)
            return &r;
    }
    return nullptr;
}

QByteArray TlsConnectionResult::applicationData(TlsDirection dir) const
{
    QByteArray out;
    for (const auto &r : records)
        if (r.direction == dir && r.status == TlsDecryptStatus::Decrypted && r.innerContentType == kTlsApplicationData)
            out += r.plaintext;
    return out;
}

bool looksLikeTls(std::span<const std::uint8_t> b)
{
    if (b.size() < 5)
        return false;
    if (b[0] < 20 || b[0] > 24 || b[1] != 3 || b[2] > 4)
        return false;
    const std::uint32_t len = (std::uint32_t(b[3]) << 8) | b[4];
    return len > 0 && len <= kTlsMaxRecordLength;
}

// ---- keys -------------------------------------------------------------------------------------------------

namespace {

QByteArray secretFor(const TlsSecrets *s, const char *label, const QByteArray &cr)
{
    if (!s || cr.size() != 32)
        return {};
    return s->keyLog.secret(QByteArray(label), cr);
}

bool deriveTls13(Epoch &e, const char *hash, Aead aead)
{
    if (e.secret.isEmpty() || aead == Aead::None)
        return false;
    e.aead = aead;
    e.key = tlsHkdfExpandLabel(hash, e.secret, "key", {}, aeadKeyLength(aead));
    e.iv = tlsHkdfExpandLabel(hash, e.secret, "iv", {}, 12);
    e.seq = 0;
    return !e.key.isEmpty() && !e.iv.isEmpty();
}

QByteArray nonceXor(const QByteArray &iv, std::uint64_t seq)
{
    QByteArray n = iv;
    for (int i = 0; i < 8; ++i)
        n[n.size() - 1 - i] = char(std::uint8_t(n[n.size() - 1 - i]) ^ std::uint8_t(seq >> (8 * i)));
    return n;
}

QByteArray seqBytes(std::uint64_t seq)
{
    QByteArray b(8, 0);
    for (int i = 0; i < 8; ++i)
        b[7 - i] = char(std::uint8_t(seq >> (8 * i)));
    return b;
}

} // namespace

// ---- feeding ----------------------------------------------------------------------------------------------

void TlsDissector::gap(TlsDirection d)
{
    QString &e = m_result.error[int(d)];
    if (e.isEmpty())
        e = tr("bytes of this direction were not captured; the TLS records after the gap cannot be cut");
}

int TlsDissector::feed(TlsDirection d, std::span<const std::uint8_t> bytes, std::uint32_t frame, std::int64_t timeNs)
{
    State::Dir &dir = m_state->dir[int(d)];
    if (!m_result.error[int(d)].isEmpty() || bytes.empty())
        return 0;
    dir.marks.push_back({dir.consumed + dir.buf.size(), frame, timeNs});
    dir.buf.insert(dir.buf.end(), bytes.begin(), bytes.end());
    int completed = 0;
    std::size_t pos = 0;
    while (dir.buf.size() - pos >= 5) {
        const std::uint8_t *h = dir.buf.data() + pos;
        const std::uint32_t len = (std::uint32_t(h[3]) << 8) | h[4];
        const bool plausible = h[0] >= 20 && h[0] <= 24 && h[1] == 3 && h[2] <= 4;
        if (!plausible || len > kTlsMaxRecordLength) {
            TlsRecord r;
            r.direction = d;
            r.streamOffset = dir.consumed + pos;
            r.contentType = h[0];
            r.version = std::uint16_t((h[1] << 8) | h[2]);
            r.length = std::uint16_t(len);
            r.malformed = true;
            r.error = !plausible ? tr("not a TLS record header (content type %1, version %2)")
                                       .arg(h[0]).arg(hex4(r.version))
                                 : tr("record length %1 is larger than TLS allows (%2)").arg(len).arg(kTlsMaxRecordLength);
            r.tree = field("tls.record", tr("TLS Record Layer (malformed)"), QString(), 0, 5);
            r.tree.children.push_back(field("tls.record.content_type", tr("Content Type: %1 (%2)").arg(QLatin1String(tlsContentTypeName(h[0]))).arg(h[0]), QString::number(h[0]), 0, 1));
            r.tree.children.push_back(field("tls.record.length", tr("Length: %1").arg(len), QString::number(len), 3, 2));
            markMalformed(r.tree, r.error, 3);
            for (const auto &m : dir.marks)
                if (m.offset <= r.streamOffset)
                    r.firstFrame = r.lastFrame = m.frame, r.timeNs = m.timeNs;
            m_result.records.push_back(std::move(r));
            m_result.error[int(d)] = m_result.records.back().error;
            dir.buf.clear();
            return completed;
        }
        if (dir.buf.size() - pos < 5 + len)
            break;
        if (m_result.records.size() >= kTlsMaxRecordsKept) {
            m_result.error[int(d)] = tr("more than %1 TLS records in this connection; the rest are not dissected").arg(kTlsMaxRecordsKept);
            dir.buf.clear();
            return completed;
        }
        m_result.isTls = true;
        TlsRecord r;
        r.direction = d;
        r.streamOffset = dir.consumed + pos;
        r.contentType = h[0];
        r.version = std::uint16_t((h[1] << 8) | h[2]);
        r.length = std::uint16_t(len);
        r.fragment = QByteArray(reinterpret_cast<const char *>(h + 5), int(len));
        const std::uint64_t last = r.streamOffset + 5 + len - 1;
        for (const auto &m : dir.marks) {
            if (m.offset <= r.streamOffset)
                r.firstFrame = m.frame;
            if (m.offset <= last)
                r.lastFrame = m.frame, r.timeNs = m.timeNs;
        }
        if (r.firstFrame == 0)
            r.firstFrame = r.lastFrame;
        processRecord(d, std::move(r));
        ++completed;
        pos += 5 + len;
    }
    dir.buf.erase(dir.buf.begin(), dir.buf.begin() + std::ptrdiff_t(pos));
    dir.consumed += pos;
    // Drop marks that no longer cover buffered bytes (keep the one covering buf[0]).
    std::size_t keep = 0;
    while (keep + 1 < dir.marks.size() && dir.marks[keep + 1].offset <= dir.consumed)
        ++keep;
    dir.marks.erase(dir.marks.begin(), dir.marks.begin() + std::ptrdiff_t(keep));
    return completed;
}

void TlsDissector::processRecord(TlsDirection d, TlsRecord r)
{
    State &st = *m_state;
    State::Dir &dir = st.dir[int(d)];
    const int index = int(m_result.records.size());
    const bool encrypted = r.contentType == kTlsApplicationData
        || (dir.ccsSeen && !st.tls13 && r.contentType != kTlsChangeCipherSpec);
    r.encrypted = encrypted;
    r.innerContentType = r.contentType;

    if (encrypted) {
        ++m_result.recordsEncrypted;
        decryptRecord(d, r);
        if (r.status == TlsDecryptStatus::Decrypted)
            ++m_result.recordsDecrypted;
        else if (r.status == TlsDecryptStatus::AuthFailed)
            ++m_result.recordsFailed;
    } else {
        r.status = TlsDecryptStatus::Plaintext;
        r.plaintext = r.fragment;
    }

    // The record's tree.
    const QString ver = QLatin1String(st.tls13 && encrypted ? "TLSv1.3" : r.version == 0x0303 ? "TLSv1.2"
                                      : r.version == 0x0301 ? (st.tls13 ? "TLSv1.3" : "TLSv1")
                                                            : "TLS");
    const std::uint8_t shownType = r.status == TlsDecryptStatus::Decrypted || !encrypted ? r.innerContentType : r.contentType;
    r.tree = field("tls.record", tr("%1 Record Layer: %2 Protocol").arg(ver, QLatin1String(tlsContentTypeName(shownType))),
                   QString(), 0, 5 + r.length,
                   tr("A TLS record: a 5-byte header (type, version, length) and up to 16 KiB of content. TLS cuts "
                      "everything it sends into records; TCP may cut records again into segments."));
    if (st.tls13 && encrypted) {
        r.tree.children.push_back(field("tls.record.opaque_type", tr("Opaque Type: Application Data (23)"), QStringLiteral("23"), 0, 1,
                                        tr("TLS 1.3 hides the real content type inside the encryption: every protected record claims to be Application Data.")));
        if (r.status == TlsDecryptStatus::Decrypted)
            r.tree.children.push_back(field("tls.record.content_type",
                                            tr("Content Type: %1 (%2)").arg(QLatin1String(tlsContentTypeName(r.innerContentType))).arg(r.innerContentType),
                                            QString::number(r.innerContentType), 0, 0,
                                            tr("The real content type, recovered from the last non-zero byte of the decrypted record.")));
    } else {
        r.tree.children.push_back(field("tls.record.content_type",
                                        tr("Content Type: %1 (%2)").arg(QLatin1String(tlsContentTypeName(r.contentType))).arg(r.contentType),
                                        QString::number(r.contentType), 0, 1,
                                        tr("What the record carries: 22 handshake, 23 application data, 21 alert, 20 change cipher spec.")));
    }
    r.tree.children.push_back(field("tls.record.version",
                                    tr("Version: %1 (%2)").arg(QLatin1String(tlsVersionName(r.version)), hex4(r.version)),
                                    hex4(r.version), 1, 2,
                                    tr("The record layer version. Frozen at TLS 1.2 (0x0303) or 1.0 for compatibility; "
                                       "the real version is negotiated in the hellos.")));
    r.tree.children.push_back(field("tls.record.length", tr("Length: %1").arg(r.length), QString::number(r.length), 3, 2,
                                    tr("Bytes of content after this 5-byte header.")));
    if (encrypted) {
        ProtoField app = field("tls.app_data", tr("Encrypted Application Data: %1").arg(hex(r.fragment.left(16)) + (r.fragment.size() > 16 ? QStringLiteral("…") : QString())),
                               hex(r.fragment), 5, r.length,
                               tr("Ciphertext and the 16-byte authentication tag. Without the traffic key it is indistinguishable from random bytes."));
        r.tree.children.push_back(app);
        ProtoField status = field("", tr("[Decryption: %1]").arg(tlsDecryptStatusText(r.status)), QString(), 5, r.length);
        if (r.status == TlsDecryptStatus::Decrypted) {
            status.note = tr("Opened with the %1 traffic key, record sequence number %2 (mixed into the nonce).")
                              .arg(r.epoch == 1 ? tr("early") : r.epoch == 2 ? tr("handshake") : tr("application"))
                              .arg(r.sequence);
            if (r.innerContentType == kTlsApplicationData)
                status.children.push_back(field("", tr("Decrypted Application Data (%1 bytes)").arg(r.plaintext.size()),
                                                hex(r.plaintext.left(4096)), 5, r.length));
            if (r.paddingLength)
                status.children.push_back(field("tls.record.padding_length", tr("Padding Length: %1").arg(r.paddingLength),
                                                QString::number(r.paddingLength), 5, r.length));
        }
        r.tree.children.push_back(status);
    }
    if (r.malformed)
        markMalformed(r.tree, r.error, 5);

    m_result.records.push_back(std::move(r));
    TlsRecord &rec = m_result.records.back();
    if (rec.status != TlsDecryptStatus::Plaintext && rec.status != TlsDecryptStatus::Decrypted)
        return;

    const QByteArray content = rec.plaintext;
    switch (rec.innerContentType) {
    case kTlsHandshake:
        feedHandshake(d, index, content, encrypted);
        break;
    case kTlsChangeCipherSpec: {
        m_result.records[index].tree.children.push_back(
            field("tls.change_cipher_spec", tr("Change Cipher Spec Message"), QString(), 5, int(content.size()),
                  st.tls13 ? tr("TLS 1.3 sends this only for middlebox compatibility; it changes nothing.")
                           : tr("From the next record on, this side encrypts with the keys just agreed.")));
        // TLS 1.2 only: in TLS 1.3 (and before the ServerHello, which only TLS 1.3 compatibility mode does)
        // it changes nothing.
        if (st.serverHelloSeen && !st.tls13) {
            dir.ccsSeen = true;
            dir.epoch.seq = 0;
            dir.epoch.number = 3;
        }
        break;
    }
    case kTlsAlert: {
        ProtoField a = field("tls.alert_message", tr("Alert Message"), QString(), 5, int(content.size()));
        Rd rd(reinterpret_cast<const std::uint8_t *>(content.constData()), 0, int(content.size()));
        while (rd.left() >= 2) {
            TlsAlert al;
            al.direction = d;
            al.level = std::uint8_t(rd.u8());
            al.description = std::uint8_t(rd.u8());
            al.encrypted = encrypted;
            al.record = index;
            al.frame = rec.lastFrame;
            al.timeNs = rec.timeNs;
            a.children.push_back(field("tls.alert_message.level",
                                       tr("Level: %1 (%2)").arg(al.level == 1 ? tr("Warning") : al.level == 2 ? tr("Fatal") : tr("Unknown")).arg(al.level),
                                       QString::number(al.level), encrypted ? 5 : 5 + rd.pos - 2, encrypted ? 0 : 1,
                                       tr("1 = warning, 2 = fatal: a fatal alert ends the connection at once.")));
            a.children.push_back(field("tls.alert_message.desc",
                                       tr("Description: %1 (%2)").arg(QLatin1String(tlsAlertDescriptionName(al.description))).arg(al.description),
                                       QString::number(al.description), encrypted ? 5 : 5 + rd.pos - 1, encrypted ? 0 : 1,
                                       tlsAlertExplanation(al.description)));
            m_result.alerts.push_back(al);
        }
        if (rd.left() != 0)
            markMalformed(a, tr("alert of %1 bytes (an alert is 2 bytes)").arg(content.size()), 5);
        if (a.malformed)
            rec.malformed = true;
        m_result.records[index].tree.children.push_back(a);
        break;
    }
    case kTlsApplicationData:
        if (!encrypted)
            m_result.records[index].tree.children.push_back(
                field("tls.app_data", tr("Application Data"), hex(content), 5, int(content.size())));
        break;
    default:
        break;
    }
}

void TlsDissector::decryptRecord(TlsDirection d, TlsRecord &r)
{
    State &st = *m_state;
    State::Dir &dir = st.dir[int(d)];
    const QByteArray cr = m_result.clientRandom;
    const auto *frag = reinterpret_cast<const std::uint8_t *>(r.fragment.constData());
    const int n = int(r.fragment.size());

    if (st.serverHelloSeen && !st.tls13) {
        // TLS 1.2: one key per direction after ChangeCipherSpec.
        r.epoch = 3;
        if (!st.suite) {
            r.status = TlsDecryptStatus::NoKey;
            return;
        }
        if (st.suite->aead == Aead::None) {
            r.status = TlsDecryptStatus::Unsupported;
            return;
        }
        if (!dir.epoch.valid()) {
            r.status = TlsDecryptStatus::NoKey;
            r.sequence = dir.epoch.seq++;
            return;
        }
        const bool gcm = st.suite->aead != Aead::ChaCha20Poly1305;
        const int explicitLen = gcm ? 8 : 0;
        if (n < explicitLen + 16) {
            r.status = TlsDecryptStatus::Malformed;
            r.malformed = true;
            r.error = tr("encrypted record of %1 bytes is too short for nonce and tag").arg(n);
            r.sequence = dir.epoch.seq++;
            return;
        }
        const QByteArray nonce = gcm ? dir.epoch.iv.left(4) + r.fragment.left(8) : nonceXor(dir.epoch.iv, dir.epoch.seq);
        const int clen = n - explicitLen - 16;
        QByteArray aad = seqBytes(dir.epoch.seq);
        aad.append(char(r.contentType)).append(char(r.version >> 8)).append(char(r.version & 0xff));
        aad.append(char(clen >> 8)).append(char(clen & 0xff));
        QByteArray plain;
        r.sequence = dir.epoch.seq++;
        if (aeadOpen(dir.epoch.aead, dir.epoch.key, nonce, aad, frag + explicitLen, std::size_t(clen), frag + n - 16, plain)) {
            r.status = TlsDecryptStatus::Decrypted;
            r.plaintext = plain;
            r.innerContentType = r.contentType;
        } else {
            r.status = TlsDecryptStatus::AuthFailed;
        }
        return;
    }

    // TLS 1.3: try the current protection, then the later ones this direction may have moved to.
    if (n < 17) {
        r.status = TlsDecryptStatus::Malformed;
        r.malformed = true;
        r.error = tr("encrypted record of %1 bytes is too short for a tag and content type").arg(n);
        if (dir.epoch.number)
            r.sequence = dir.epoch.seq++;
        return;
    }
    const bool client = d == TlsDirection::ClientToServer;
    std::vector<int> candidates;
    if (dir.epoch.number > 0)
        candidates.push_back(dir.epoch.number);
    for (int e : client ? std::vector<int>{1, 2, 3} : std::vector<int>{2, 3})
        if (e > dir.epoch.number)
            candidates.push_back(e);
    bool anyKey = false;
    QByteArray aad;
    aad.append(char(r.contentType)).append(char(r.version >> 8)).append(char(r.version & 0xff));
    aad.append(char(n >> 8)).append(char(n & 0xff));
    for (int e : candidates) {
        std::vector<Epoch> tries;
        if (e == dir.epoch.number && dir.epoch.valid()) {
            tries.push_back(dir.epoch);
        } else if (e != dir.epoch.number) {
            const char *label = e == 1 ? "CLIENT_EARLY_TRAFFIC_SECRET"
                : e == 2 ? (client ? "CLIENT_HANDSHAKE_TRAFFIC_SECRET" : "SERVER_HANDSHAKE_TRAFFIC_SECRET")
                         : (client ? "CLIENT_TRAFFIC_SECRET_0" : "SERVER_TRAFFIC_SECRET_0");
            Epoch ep;
            ep.number = e;
            ep.secret = secretFor(st.secrets, label, cr);
            if (ep.secret.isEmpty())
                continue;
            m_result.keysFound = true; // TLS 1.3: a traffic secret of this connection is in the key log
            std::vector<const SuiteInfo *> suites;
            if (st.suite && st.suite->tls13)
                suites.push_back(st.suite);
            else if (ep.secret.size() == 48)
                suites.push_back(suiteInfo(0x1302));
            else
                suites = {suiteInfo(0x1301), suiteInfo(0x1303)};
            for (const SuiteInfo *s : suites) {
                Epoch t = ep;
                if (deriveTls13(t, s->hash, s->aead))
                    tries.push_back(t);
            }
        }
        for (Epoch &t : tries) {
            anyKey = true;
            QByteArray plain;
            if (aeadOpen(t.aead, t.key, nonceXor(t.iv, t.seq), aad, frag, std::size_t(n - 16), frag + n - 16, plain)) {
                r.sequence = t.seq;
                r.epoch = t.number;
                t.seq++;
                dir.epoch = t;
                // Inner plaintext: content, the real type, zero padding.
                int i = int(plain.size()) - 1;
                while (i >= 0 && plain[i] == 0)
                    --i;
                if (i < 0) {
                    r.status = TlsDecryptStatus::Malformed;
                    r.malformed = true;
                    r.error = tr("the decrypted record holds only padding (no content type)");
                    return;
                }
                r.status = TlsDecryptStatus::Decrypted;
                r.innerContentType = std::uint8_t(plain[i]);
                r.paddingLength = std::uint32_t(plain.size() - 1 - i);
                r.plaintext = plain.left(i);
                return;
            }
        }
    }
    if (dir.epoch.number)
        r.sequence = dir.epoch.seq++;
    r.epoch = dir.epoch.number;
    r.status = anyKey ? TlsDecryptStatus::AuthFailed : TlsDecryptStatus::NoKey;
}

void TlsDissector::feedHandshake(TlsDirection d, int recordIndex, const QByteArray &content, bool encrypted)
{
    State::Dir &dir = m_state->dir[int(d)];
    if (dir.hsBroken)
        return;
    if (dir.hs.isEmpty())
        dir.hsFirstRecord = recordIndex;
    dir.hs += content;
    dir.hsEncrypted = encrypted;
    while (dir.hs.size() >= 4) {
        if (m_result.handshakes.size() >= kTlsMaxHandshakesKept) {
            dir.hsBroken = true;
            dir.hs.clear();
            if (m_result.error[int(d)].isEmpty())
                m_result.error[int(d)] = tr("more than %1 handshake messages in this connection; the rest are not dissected").arg(kTlsMaxHandshakesKept);
            return;
        }
        const auto *h = reinterpret_cast<const std::uint8_t *>(dir.hs.constData());
        const std::uint32_t len = (std::uint32_t(h[1]) << 16) | (std::uint32_t(h[2]) << 8) | h[3];
        if (len > kTlsMaxHandshakeLength) {
            TlsHandshakeMessage m;
            m.direction = d;
            m.type = h[0];
            m.length = len;
            m.firstRecord = dir.hsFirstRecord;
            m.lastRecord = recordIndex;
            m.malformed = true;
            m.error = tr("handshake message length %1 is larger than the %2 bytes accepted").arg(len).arg(kTlsMaxHandshakeLength);
            m.tree = field("tls.handshake", tr("Handshake Protocol: %1").arg(QLatin1String(tlsHandshakeTypeName(m.type))), QString(), 0, 4);
            markMalformed(m.tree, m.error, 1);
            m.encrypted = encrypted;
            finishMessage(std::move(m));
            dir.hsBroken = true;
            dir.hs.clear();
            return;
        }
        if (std::uint32_t(dir.hs.size()) < 4 + len)
            break;
        TlsHandshakeMessage m;
        m.direction = d;
        m.type = h[0];
        m.length = len;
        m.firstRecord = dir.hsFirstRecord;
        m.lastRecord = recordIndex;
        m.encrypted = encrypted;
        m.bytes = dir.hs.left(int(4 + len));
        dir.hs.remove(0, int(4 + len));
        dir.hsFirstRecord = recordIndex;
        parseMessage(m);
        finishMessage(std::move(m));
    }
}

void TlsDissector::finishMessage(TlsHandshakeMessage m)
{
    if (m.firstRecord >= 0 && m.firstRecord < int(m_result.records.size()))
        m.firstFrame = m_result.records[m.firstRecord].firstFrame;
    if (m.lastRecord >= 0 && m.lastRecord < int(m_result.records.size())) {
        m.lastFrame = m_result.records[m.lastRecord].lastFrame;
        m.timeNs = m_result.records[m.lastRecord].timeNs;
    }
    const int idx = int(m_result.handshakes.size());
    if (m.lastRecord >= 0 && m.lastRecord < int(m_result.records.size())) {
        TlsRecord &rec = m_result.records[m.lastRecord];
        rec.handshakes.push_back(idx);
        // The handshake subtree under the record that completed it; offsets inside a plaintext record that
        // holds the whole message are shifted to record coordinates, others stay relative to the message.
        ProtoField copy = m.tree;
        int at = -1;
        if (!rec.encrypted && m.firstRecord == m.lastRecord)
            at = int(rec.plaintext.indexOf(m.bytes));
        std::vector<ProtoField *> stack{&copy};
        while (!stack.empty()) {
            ProtoField *f = stack.back();
            stack.pop_back();
            if (at >= 0) {
                f->offset += 5 + at;
            } else {
                // Decrypted or reassembled: no byte of the record maps to a field; the whole content stands in.
                f->offset = 5;
                f->length = rec.length;
            }
            for (auto &c : f->children)
                stack.push_back(&c);
        }
        if (rec.tree.label.contains(QLatin1String(" Protocol")) && rec.handshakes.size() == 1)
            rec.tree.label += QStringLiteral(": ") + QLatin1String(tlsHandshakeTypeName(m.type));
        rec.tree.children.push_back(std::move(copy));
        if (m.malformed)
            rec.malformed = true;
    }
    m_result.handshakes.push_back(std::move(m));
}

// ---- handshake messages ----------------------------------------------------------------------------------

namespace {

QString certSummary(const QByteArray &der, QString *subject, QString *issuer, QString *validity)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    X509 *x = d2i_X509(nullptr, &p, long(der.size()));
    if (!x)
        return {};
    auto name = [](X509_NAME *n) {
        BIO *b = BIO_new(BIO_s_mem());
        X509_NAME_print_ex(b, n, 0, XN_FLAG_RFC2253);
        char *data = nullptr;
        long len = BIO_get_mem_data(b, &data);
        QString s = QString::fromUtf8(data, int(std::min(len, 4096L)));
        BIO_free(b);
        return s;
    };
    auto time = [](const ASN1_TIME *t) {
        BIO *b = BIO_new(BIO_s_mem());
        ASN1_TIME_print(b, t);
        char *data = nullptr;
        long len = BIO_get_mem_data(b, &data);
        QString s = QString::fromUtf8(data, int(std::min(len, 256L)));
        BIO_free(b);
        return s;
    };
    *subject = name(X509_get_subject_name(x));
    *issuer = name(X509_get_issuer_name(x));
    *validity = time(X509_get0_notBefore(x)) + QStringLiteral(" – ") + time(X509_get0_notAfter(x));
    X509_free(x);
    return *subject;
}

} // namespace

void TlsDissector::parseExtensions(TlsHandshakeMessage &m, Rd &rd, ProtoField &parent)
{
    const bool fromClient = m.direction == TlsDirection::ClientToServer;
    const int lenAt = rd.pos;
    const std::uint32_t total = rd.u16();
    if (rd.bad)
        return;
    parent.children.push_back(field("tls.handshake.extensions_length", tr("Extensions Length: %1").arg(total), QString::number(total), lenAt, 2,
                                    tr("Bytes of extensions that follow. Extensions carry almost everything modern TLS negotiates.")));
    if (int(total) > rd.left()) {
        markMalformed(parent, tr("extensions length %1 runs past the message (%2 bytes left)").arg(total).arg(rd.left()), lenAt);
        rd.pos = rd.end;
        return;
    }
    const int end = rd.pos + int(total);
    while (rd.pos < end) {
        const int at = rd.pos;
        if (end - rd.pos < 4) {
            markMalformed(parent, tr("%1 stray bytes after the last extension").arg(end - rd.pos), at);
            break;
        }
        const std::uint16_t type = std::uint16_t(rd.u16());
        const std::uint16_t len = std::uint16_t(rd.u16());
        ProtoField ext = field("", tr("Extension: %1 (len=%2)").arg(QLatin1String(tlsExtensionName(type))).arg(len), QString(), at, 4 + len);
        ext.children.push_back(field("tls.handshake.extension.type", tr("Type: %1 (%2)").arg(QLatin1String(tlsExtensionName(type))).arg(type), QString::number(type), at, 2));
        ext.children.push_back(field("tls.handshake.extension.len", tr("Length: %1").arg(len), QString::number(len), at + 2, 2));
        if (rd.pos + len > end) {
            markMalformed(ext, tr("extension length %1 runs past the extensions (%2 bytes left)").arg(len).arg(end - rd.pos), at + 2);
            parent.children.push_back(ext);
            parent.malformed = true;
            rd.pos = end;
            break;
        }
        m.extensions.push_back({type, QByteArray(reinterpret_cast<const char *>(rd.d + rd.pos), len)});
        Rd e(rd.d, rd.pos, rd.pos + len);
        rd.pos += len;
        auto list16 = [&](const char *lenAbbrev, const QString &lenName, auto each) {
            const int la = e.pos;
            const std::uint32_t l = e.u16();
            if (e.bad)
                return;
            ext.children.push_back(field(lenAbbrev, tr("%1: %2").arg(lenName).arg(l), QString::number(l), la, 2));
            if (int(l) > e.left()) {
                markMalformed(ext, tr("list length %1 runs past the extension").arg(l), la);
                e.pos = e.end;
                return;
            }
            const int le = e.pos + int(l);
            while (e.pos < le && !e.bad) {
                Rd sub(e.d, e.pos, le);
                each(sub);
                if (sub.bad) {
                    markMalformed(ext, tr("entry runs past its list"), e.pos);
                    break;
                }
                e.pos = sub.pos;
            }
            e.pos = le;
        };
        switch (type) {
        case 0: // server_name
            if (fromClient)
                list16("tls.handshake.extensions_server_name_list_len", tr("Server Name list length"), [&](Rd &s) {
                    const int a = s.pos;
                    const std::uint32_t nt = s.u8();
                    const std::uint32_t nl = s.u16();
                    const QByteArray name = s.bytes(int(nl));
                    if (s.bad)
                        return;
                    ext.children.push_back(field("tls.handshake.extensions_server_name_type", tr("Server Name Type: host_name (%1)").arg(nt), QString::number(nt), a, 1));
                    ext.children.push_back(field("tls.handshake.extensions_server_name_len", tr("Server Name length: %1").arg(nl), QString::number(nl), a + 1, 2));
                    ext.children.push_back(field("tls.handshake.extensions_server_name", tr("Server Name: %1").arg(QString::fromLatin1(name)), QString::fromLatin1(name), a + 3, int(nl),
                                                 tr("SNI: the host name the client wants, sent in clear text so one server can pick the right certificate. Anyone on the path can read it.")));
                    if (m_result.serverName.isEmpty() && nt == 0)
                        m_result.serverName = QString::fromLatin1(name);
                });
            break;
        case 10: // supported_groups
            list16("tls.handshake.extensions_supported_groups_length", tr("Supported Groups List Length"), [&](Rd &s) {
                const int a = s.pos;
                const std::uint16_t g = std::uint16_t(s.u16());
                if (!s.bad)
                    ext.children.push_back(field("tls.handshake.extensions_supported_group", tr("Supported Group: %1 (%2)").arg(QLatin1String(tlsGroupName(g)), hex4(g)), hex4(g), a, 2,
                                                 tr("An elliptic curve or finite-field group the client can do key exchange with, most preferred first.")));
            });
            break;
        case 13: // signature_algorithms
        case 50:
            list16("tls.handshake.sig_hash_alg_len", tr("Signature Hash Algorithms Length"), [&](Rd &s) {
                const int a = s.pos;
                const std::uint16_t g = std::uint16_t(s.u16());
                if (!s.bad)
                    ext.children.push_back(field("tls.handshake.sig_hash_alg", tr("Signature Algorithm: %1 (%2)").arg(QLatin1String(tlsSignatureSchemeName(g)), hex4(g)), hex4(g), a, 2,
                                                 tr("A signature scheme this side can verify: the peer must sign its handshake with one of these.")));
            });
            break;
        case 16: // ALPN
            list16("tls.handshake.extensions_alpn_len", tr("ALPN Extension Length"), [&](Rd &s) {
                const int a = s.pos;
                const std::uint32_t l = s.u8();
                const QByteArray p = s.bytes(int(l));
                if (s.bad)
                    return;
                ext.children.push_back(field("tls.handshake.extensions_alpn_str_len", tr("ALPN string length: %1").arg(l), QString::number(l), a, 1));
                ext.children.push_back(field("tls.handshake.extensions_alpn_str", tr("ALPN Next Protocol: %1").arg(QString::fromLatin1(p)), QString::fromLatin1(p), a + 1, int(l),
                                             tr("Application-Layer Protocol Negotiation: which protocol runs inside TLS (h2, http/1.1), agreed without an extra round trip.")));
                if (fromClient && m.type == 1)
                    m_result.alpnOffered << QString::fromLatin1(p);
                else
                    m_result.alpn = QString::fromLatin1(p);
            });
            break;
        case 43: // supported_versions
            if (m.type == 1) {
                const int a = e.pos;
                const std::uint32_t l = e.u8();
                if (!e.bad)
                    ext.children.push_back(field("tls.handshake.extensions.supported_versions_len", tr("Supported Versions length: %1").arg(l), QString::number(l), a, 1));
                if (int(l) > e.left() || l % 2)
                    markMalformed(ext, tr("supported versions length %1 does not fit").arg(l), a);
                else
                    for (std::uint32_t i = 0; i < l / 2; ++i) {
                        const int va = e.pos;
                        const std::uint16_t v = std::uint16_t(e.u16());
                        ext.children.push_back(field("tls.handshake.extensions.supported_version", tr("Supported Version: %1 (%2)").arg(QLatin1String(tlsVersionName(v)), hex4(v)), hex4(v), va, 2,
                                                     tr("A TLS version the client speaks. TLS 1.3 is negotiated here, not in the version fields, which stay at 1.2 so old middleboxes do not choke.")));
                    }
            } else {
                const int va = e.pos;
                const std::uint16_t v = std::uint16_t(e.u16());
                if (!e.bad) {
                    ext.children.push_back(field("tls.handshake.extensions.supported_version", tr("Supported Version: %1 (%2)").arg(QLatin1String(tlsVersionName(v)), hex4(v)), hex4(v), va, 2,
                                                 tr("The version the server chose.")));
                    if (m.type == 2)
                        m_result.version = v;
                }
            }
            break;
        case 51: // key_share
            if (m.type == 1) {
                list16("tls.handshake.extensions_key_share_client_length", tr("Client Key Share Length"), [&](Rd &s) {
                    const int a = s.pos;
                    const std::uint16_t g = std::uint16_t(s.u16());
                    const std::uint32_t kl = s.u16();
                    const QByteArray k = s.bytes(int(kl));
                    if (s.bad)
                        return;
                    ProtoField ks = field("", tr("Key Share Entry: Group: %1, Key Exchange length: %2").arg(QLatin1String(tlsGroupName(g))).arg(kl), QString(), a, 4 + int(kl));
                    ks.children.push_back(field("tls.handshake.extensions_key_share_group", tr("Group: %1 (%2)").arg(QLatin1String(tlsGroupName(g))).arg(g), QString::number(g), a, 2));
                    ks.children.push_back(field("tls.handshake.extensions_key_share_key_exchange_length", tr("Key Exchange Length: %1").arg(kl), QString::number(kl), a + 2, 2));
                    ks.children.push_back(field("tls.handshake.extensions_key_share_key_exchange", tr("Key Exchange: %1").arg(hex(k)), hex(k), a + 4, int(kl),
                                                tr("The client's ephemeral public key. The client guesses the group so the handshake needs one round trip; the private half never leaves the client.")));
                    ext.children.push_back(ks);
                });
            } else if (m.type == 2 && !m_state->parsingHrr) {
                const int a = e.pos;
                const std::uint16_t g = std::uint16_t(e.u16());
                const std::uint32_t kl = e.u16();
                const QByteArray k = e.bytes(int(kl));
                if (!e.bad) {
                    ProtoField ks = field("", tr("Key Share Entry: Group: %1, Key Exchange length: %2").arg(QLatin1String(tlsGroupName(g))).arg(kl), QString(), a, 4 + int(kl));
                    ks.children.push_back(field("tls.handshake.extensions_key_share_group", tr("Group: %1 (%2)").arg(QLatin1String(tlsGroupName(g))).arg(g), QString::number(g), a, 2));
                    ks.children.push_back(field("tls.handshake.extensions_key_share_key_exchange_length", tr("Key Exchange Length: %1").arg(kl), QString::number(kl), a + 2, 2));
                    ks.children.push_back(field("tls.handshake.extensions_key_share_key_exchange", tr("Key Exchange: %1").arg(hex(k)), hex(k), a + 4, int(kl),
                                                tr("The server's ephemeral public key. With the client's it gives both sides the same shared secret, which nobody on the path can compute.")));
                    ext.children.push_back(ks);
                    m_result.group = g;
                    m_result.groupName = QLatin1String(tlsGroupName(g));
                }
            } else {
                const int a = e.pos;
                const std::uint16_t g = std::uint16_t(e.u16());
                if (!e.bad)
                    ext.children.push_back(field("tls.handshake.extensions_key_share_selected_group", tr("Selected Group: %1 (%2)").arg(QLatin1String(tlsGroupName(g))).arg(g), QString::number(g), a, 2,
                                                 tr("HelloRetryRequest: none of the client's key shares suits the server; it asks for a new ClientHello with this group, costing a round trip.")));
            }
            break;
        case 45: { // psk_key_exchange_modes
            const int a = e.pos;
            const std::uint32_t l = e.u8();
            if (!e.bad)
                ext.children.push_back(field("tls.extension.psk_ke_modes_length", tr("PSK Key Exchange Modes Length: %1").arg(l), QString::number(l), a, 1));
            for (std::uint32_t i = 0; i < l && !e.bad; ++i) {
                const int ma = e.pos;
                const std::uint32_t mode = e.u8();
                if (!e.bad)
                    ext.children.push_back(field("tls.extension.psk_ke_mode", mode == 1 ? tr("PSK Key Exchange Mode: PSK with (EC)DHE key establishment (psk_dhe_ke) (1)") : tr("PSK Key Exchange Mode: PSK-only key establishment (psk_ke) (%1)").arg(mode),
                                                 QString::number(mode), ma, 1,
                                                 tr("How a resumed session may make keys: psk_dhe_ke also runs a fresh key exchange, so resumption keeps forward secrecy.")));
            }
            if (e.bad)
                markMalformed(ext, tr("modes run past the extension"), a);
            break;
        }
        case 41: // pre_shared_key
            if (m.type == 1) {
                m_result.pskOffered = true;
                list16("tls.handshake.extensions.psk.identities.length", tr("Identities Length"), [&](Rd &s) {
                    const int a = s.pos;
                    const std::uint32_t il = s.u16();
                    const QByteArray id = s.bytes(int(il));
                    const std::uint32_t age = s.u32();
                    if (s.bad)
                        return;
                    ProtoField pi = field("", tr("PSK Identity (length: %1)").arg(il), QString(), a, 6 + int(il));
                    pi.children.push_back(field("tls.handshake.extensions.psk.identity.identity_length", tr("Identity Length: %1").arg(il), QString::number(il), a, 2));
                    pi.children.push_back(field("tls.handshake.extensions.psk.identity.identity", tr("Identity: %1").arg(hex(id.left(32))), hex(id), a + 2, int(il),
                                                tr("The session ticket the server gave earlier: an encrypted blob only the server can open, naming the pre-shared key.")));
                    pi.children.push_back(field("tls.handshake.extensions.psk.identity.obfuscated_ticket_age", tr("Obfuscated Ticket Age: %1").arg(age), QString::number(age), a + 2 + int(il), 4,
                                                tr("How long the client has held the ticket, plus a secret offset: lets the server reject stale 0-RTT replays.")));
                    ext.children.push_back(pi);
                });
                const int ba = e.pos;
                const std::uint32_t bl = e.u16();
                if (!e.bad) {
                    ext.children.push_back(field("tls.handshake.extensions.psk.binders_len", tr("PSK Binders length: %1").arg(bl), QString::number(bl), ba, 2));
                    if (int(bl) > e.left())
                        markMalformed(ext, tr("binders length %1 runs past the extension").arg(bl), ba);
                    else
                        ext.children.push_back(field("tls.handshake.extensions.psk.binders", tr("PSK Binders"), hex(e.bytes(int(bl))), ba + 2, int(bl),
                                                     tr("An HMAC over this ClientHello with a key from the PSK: proves the client really holds the key behind the ticket.")));
                }
            } else {
                const int a = e.pos;
                const std::uint32_t sel = e.u16();
                if (!e.bad) {
                    ext.children.push_back(field("tls.handshake.extensions.psk.identity.selected", tr("Selected Identity: %1").arg(sel), QString::number(sel), a, 2,
                                                 tr("The server accepted the client's pre-shared key: this is a resumed session, no certificate is sent.")));
                    m_result.resumed = true;
                }
            }
            break;
        case 42: // early_data
            if (m.type == 1)
                m_result.earlyDataOffered = true;
            else if (m.type == 8)
                m_result.earlyDataAccepted = true;
            else if (m.type == 4) {
                const int a = e.pos;
                const std::uint32_t mx = e.u32();
                if (!e.bad)
                    ext.children.push_back(field("tls.early_data.max_early_data_size", tr("Maximum Early Data Size: %1").arg(mx), QString::number(mx), a, 4,
                                                 tr("How many bytes of 0-RTT data the client may send when it resumes with this ticket.")));
            }
            ext.note = m.type == 1 ? tr("The client sends application data before the handshake completes (0-RTT). Such data can be replayed by an attacker.")
                                   : tr("The server accepts the client's 0-RTT data.");
            break;
        case 23:
            if (m.type == 2)
                m_result.extendedMasterSecret = true;
            ext.note = tr("Extended master secret: the master secret is bound to the whole handshake transcript (RFC 7627).");
            break;
        case 35:
            if (len)
                ext.children.push_back(field("tls.handshake.extension.data", tr("Session Ticket: %1").arg(hex(e.bytes(len).left(32))), QString(), at + 4, len,
                                             tr("A TLS 1.2 session ticket from an earlier connection: resumption without server-side state.")));
            else
                ext.note = tr("The client supports TLS 1.2 session tickets.");
            break;
        case 44: {
            const int a = e.pos;
            const std::uint32_t l = e.u16();
            const QByteArray c = e.bytes(int(l));
            if (!e.bad) {
                ext.children.push_back(field("tls.handshake.extensions.cookie_len", tr("Cookie length: %1").arg(l), QString::number(l), a, 2));
                ext.children.push_back(field("tls.handshake.extensions.cookie", tr("Cookie"), hex(c), a + 2, int(l)));
            }
            break;
        }
        case 11: {
            const int a = e.pos;
            const std::uint32_t l = e.u8();
            if (!e.bad)
                ext.children.push_back(field("tls.handshake.extensions_ec_point_formats_length", tr("EC point formats Length: %1").arg(l), QString::number(l), a, 1));
            for (std::uint32_t i = 0; i < l && e.left() > 0; ++i) {
                const int pa = e.pos;
                const std::uint32_t f = e.u8();
                ext.children.push_back(field("tls.handshake.extensions_ec_point_format", tr("EC point format: %1").arg(f), QString::number(f), pa, 1));
            }
            break;
        }
        default:
            if (len)
                ext.children.push_back(field("tls.handshake.extension.data", tr("Data (%1 bytes)").arg(len), hex(QByteArray(reinterpret_cast<const char *>(e.d + e.pos), len)), e.pos, len));
            break;
        }
        if (e.bad)
            markMalformed(ext, tr("extension content runs past its length"), at);
        if (ext.malformed)
            parent.malformed = true;
        parent.children.push_back(std::move(ext));
    }
    rd.pos = end;
}

void TlsDissector::parseMessage(TlsHandshakeMessage &m)
{
    State &st = *m_state;
    const auto *d = reinterpret_cast<const std::uint8_t *>(m.bytes.constData());
    const int n = int(m.bytes.size());
    const QString name = QLatin1String(tlsHandshakeTypeName(m.type));
    ProtoField t = field("tls.handshake", tr("Handshake Protocol: %1").arg(name), QString(), 0, n);
    t.children.push_back(field("tls.handshake.type", tr("Handshake Type: %1 (%2)").arg(name).arg(m.type), QString::number(m.type), 0, 1,
                               tr("Which handshake message this is.")));
    t.children.push_back(field("tls.handshake.length", tr("Length: %1").arg(m.length), QString::number(m.length), 1, 3,
                               tr("Bytes of this message after its 4-byte header; a message may span several records and TCP segments.")));
    Rd rd(d, 4, n);
    const bool client = m.direction == TlsDirection::ClientToServer;
    auto versionField = [&](const QString &note) {
        const std::uint16_t v = std::uint16_t(rd.u16());
        t.children.push_back(field("tls.handshake.version", tr("Version: %1 (%2)").arg(QLatin1String(tlsVersionName(v)), hex4(v)), hex4(v), rd.pos - 2, 2, note));
        return v;
    };
    switch (m.type) {
    case 1:   // ClientHello
    case 2: { // ServerHello / HelloRetryRequest
        const std::uint16_t legacy = versionField(m.type == 1 ? tr("legacy_version: the highest version before TLS 1.3; TLS 1.3 clients still say TLS 1.2 here and list the real versions in supported_versions.")
                                                              : tr("legacy_version: TLS 1.2 even for TLS 1.3; the real choice is in supported_versions."));
        const int ra = rd.pos;
        const QByteArray random = rd.bytes(32);
        if (rd.bad)
            break;
        const bool hrr = m.type == 2 && random == QByteArray(reinterpret_cast<const char *>(kHrrRandom), 32);
        if (hrr) {
            m_result.helloRetryRequest = true;
            t.label = tr("Handshake Protocol: Hello Retry Request");
        }
        ProtoField rf = field("tls.handshake.random", tr("Random: %1").arg(hex(random)), hex(random), ra, 32,
                              hrr ? tr("This fixed value (SHA-256 of \"HelloRetryRequest\") marks the ServerHello as a HelloRetryRequest.")
                              : client ? tr("32 random bytes from the client; with the server's they make every key of this connection unique.")
                                       : tr("32 random bytes from the server. In TLS 1.3 its last 8 bytes also guard against downgrade attacks."));
        t.children.push_back(rf);
        if (m.type == 1) {
            m_result.clientRandom = random;
        } else if (!hrr) {
            m_result.serverRandom = random;
        }
        const int sa = rd.pos;
        const std::uint32_t sl = rd.u8();
        const QByteArray sid = rd.bytes(int(sl));
        if (rd.bad || sl > 32) {
            markMalformed(t, tr("session id length %1 does not fit").arg(sl), sa);
            break;
        }
        t.children.push_back(field("tls.handshake.session_id_length", tr("Session ID Length: %1").arg(sl), QString::number(sl), sa, 1));
        if (sl)
            t.children.push_back(field("tls.handshake.session_id", tr("Session ID: %1").arg(hex(sid)), hex(sid), sa + 1, int(sl),
                                       tr("TLS 1.2: names a session to resume. TLS 1.3 sends random bytes here only so middleboxes see a familiar handshake.")));
        if (m.type == 1) {
            st.clientSessionId = sid;
            const int ca = rd.pos;
            const std::uint32_t cl = rd.u16();
            if (rd.bad || int(cl) > rd.left() || cl % 2) {
                markMalformed(t, tr("cipher suites length %1 does not fit").arg(cl), ca);
                break;
            }
            t.children.push_back(field("tls.handshake.cipher_suites_length", tr("Cipher Suites Length: %1").arg(cl), QString::number(cl), ca, 2));
            ProtoField cs = field("tls.handshake.ciphersuites", tr("Cipher Suites (%1 suites)").arg(cl / 2), QString(), ca + 2, int(cl),
                                  tr("The encryption algorithms the client accepts, most preferred first. The server picks one."));
            for (std::uint32_t i = 0; i < cl / 2; ++i) {
                const int a = rd.pos;
                const std::uint16_t s = std::uint16_t(rd.u16());
                const char *sn = tlsCipherSuiteName(s);
                cs.children.push_back(field("tls.handshake.ciphersuite", tr("Cipher Suite: %1 (%2)").arg(sn ? QLatin1String(sn) : tr("Unknown"), hex4(s)), hex4(s), a, 2));
            }
            t.children.push_back(cs);
            const int ma = rd.pos;
            const std::uint32_t ml = rd.u8();
            if (rd.bad || int(ml) > rd.left()) {
                markMalformed(t, tr("compression methods length %1 does not fit").arg(ml), ma);
                break;
            }
            t.children.push_back(field("tls.handshake.comp_methods_length", tr("Compression Methods Length: %1").arg(ml), QString::number(ml), ma, 1));
            for (std::uint32_t i = 0; i < ml; ++i) {
                const int a = rd.pos;
                const std::uint32_t c = rd.u8();
                t.children.push_back(field("tls.handshake.comp_method", tr("Compression Method: %1 (%2)").arg(c == 0 ? QStringLiteral("null") : tr("Unknown")).arg(c), QString::number(c), a, 1,
                                           tr("Always null today: compression inside TLS leaked secrets (CRIME attack).")));
            }
        } else {
            const int ca = rd.pos;
            const std::uint16_t s = std::uint16_t(rd.u16());
            const int ma = rd.pos;
            const std::uint32_t c = rd.u8();
            if (rd.bad) {
                markMalformed(t, tr("ServerHello ends early"), ca);
                break;
            }
            const char *sn = tlsCipherSuiteName(s);
            t.children.push_back(field("tls.handshake.ciphersuite", tr("Cipher Suite: %1 (%2)").arg(sn ? QLatin1String(sn) : tr("Unknown"), hex4(s)), hex4(s), ca, 2,
                                       tr("The cipher suite the server chose from the client's list: it fixes the record encryption and the hash of the key schedule.")));
            t.children.push_back(field("tls.handshake.comp_method", tr("Compression Method: null (%1)").arg(c), QString::number(c), ma, 1));
            if (!hrr) {
                m_result.cipherSuite = s;
                m_result.cipherSuiteName = sn ? QLatin1String(sn) : hex4(s);
                m_result.version = legacy;
                if (sl && sid == st.clientSessionId && legacy == 0x0303)
                    m_result.resumed = true; // may be undone below for TLS 1.3 (echoed legacy session id)
            }
        }
        st.parsingHrr = hrr;
        if (rd.left() > 0)
            parseExtensions(m, rd, t);
        st.parsingHrr = false;
        if (m.type == 2 && !hrr) {
            st.serverHelloSeen = true;
            st.suite = suiteInfo(m_result.cipherSuite);
            st.tls13 = m_result.version == 0x0304;
            if (st.tls13) {
                bool psk = false;
                for (const auto &e : m.extensions)
                    psk = psk || e.type == 41;
                m_result.resumed = psk;
                st.dir[1].epoch = Epoch(); // server handshake keys are found by trial from the key log
            } else {
                m_result.rsaKeyExchange = st.suite && st.suite->rsaKx;
                const QByteArray master = secretFor(st.secrets, "CLIENT_RANDOM", m_result.clientRandom);
                if (!master.isEmpty()) {
                    st.master = master;
                    m_result.keysFound = true;
                    deriveTls12Keys();
                }
            }
        }
        break;
    }
    case 4: { // NewSessionTicket
        const std::uint32_t life = rd.u32();
        if (!rd.bad)
            t.children.push_back(field("tls.handshake.session_ticket_lifetime_hint", tr("Session Ticket Lifetime Hint: %1 seconds").arg(life), QString::number(life), 4, 4,
                                   tr("How long the client may keep the ticket to resume.")));
        if (st.tls13) {
            const std::uint32_t add = rd.u32();
            if (!rd.bad)
                t.children.push_back(field("tls.handshake.session_ticket_age_add", tr("Session Ticket Age Add: %1").arg(add), QString::number(add), 8, 4,
                                       tr("A secret offset the client adds to the ticket age, so observers cannot link resumptions by time.")));
            const int na = rd.pos;
            const std::uint32_t nl = rd.u8();
            const QByteArray nonce = rd.bytes(int(nl));
            if (rd.bad) {
                markMalformed(t, tr("ticket nonce runs past the message"), na);
                break;
            }
            t.children.push_back(field("tls.handshake.session_ticket_nonce_length", tr("Session Ticket Nonce Length: %1").arg(nl), QString::number(nl), na, 1));
            t.children.push_back(field("tls.handshake.session_ticket_nonce", tr("Session Ticket Nonce: %1").arg(hex(nonce)), hex(nonce), na + 1, int(nl)));
        }
        const int ta = rd.pos;
        const std::uint32_t tl = rd.u16();
        const QByteArray ticket = rd.bytes(int(tl));
        if (rd.bad) {
            markMalformed(t, tr("ticket length %1 runs past the message").arg(tl), ta);
            break;
        }
        t.children.push_back(field("tls.handshake.session_ticket_length", tr("Session Ticket Length: %1").arg(tl), QString::number(tl), ta, 2));
        t.children.push_back(field("tls.handshake.session_ticket", tr("Session Ticket: %1").arg(hex(ticket.left(32))), hex(ticket), ta + 2, int(tl),
                                   tr("The session state encrypted with a key only the server knows; the client sends it back to resume.")));
        if (st.tls13 && rd.left() > 0)
            parseExtensions(m, rd, t);
        break;
    }
    case 8: // EncryptedExtensions
        t.note = tr("The first encrypted message in TLS 1.3: extensions that need not be visible to the network (ALPN, early data accepted).");
        parseExtensions(m, rd, t);
        break;
    case 11: { // Certificate
        if (st.tls13) {
            const int a = rd.pos;
            const std::uint32_t cl = rd.u8();
            rd.bytes(int(cl));
            if (!rd.bad)
                t.children.push_back(field("tls.handshake.certificate_request_context_length", tr("Certificate Request Context Length: %1").arg(cl), QString::number(cl), a, 1));
        }
        const int la = rd.pos;
        const std::uint32_t total = rd.u24();
        if (rd.bad || int(total) > rd.left()) {
            markMalformed(t, tr("certificates length %1 does not fit").arg(total), la);
            break;
        }
        if (!client)
            st.sawCertificate = true;
        t.children.push_back(field("tls.handshake.certificates_length", tr("Certificates Length: %1").arg(total), QString::number(total), la, 3));
        ProtoField certs = field("tls.handshake.certificates", tr("Certificates (%1 bytes)").arg(total), QString(), la + 3, int(total),
                                 tr("The certificate chain: the server's own certificate first, then the intermediates towards a CA the client trusts."));
        const int end = rd.pos + int(total);
        while (rd.pos < end) {
            const int a = rd.pos;
            Rd c(d, rd.pos, end);
            const std::uint32_t len = c.u24();
            const QByteArray der = c.bytes(int(len));
            if (c.bad) {
                markMalformed(certs, tr("certificate length %1 runs past the list").arg(len), a);
                break;
            }
            certs.children.push_back(field("tls.handshake.certificate_length", tr("Certificate Length: %1").arg(len), QString::number(len), a, 3));
            QString subject, issuer, validity;
            certSummary(der, &subject, &issuer, &validity);
            ProtoField cf = field("tls.handshake.certificate", subject.isEmpty() ? tr("Certificate (%1 bytes, not parsable X.509)").arg(len) : tr("Certificate: %1").arg(subject),
                                  hex(der), a + 3, int(len),
                                  tr("An X.509 certificate (DER): a public key, the names it is valid for, a validity period, signed by the issuer."));
            if (!subject.isEmpty()) {
                cf.children.push_back(field("", tr("Subject: %1").arg(subject), subject, a + 3, int(len)));
                cf.children.push_back(field("", tr("Issuer: %1").arg(issuer), issuer, a + 3, int(len),
                                            subject == issuer ? tr("Issuer equals subject: a self-signed certificate.") : QString()));
                cf.children.push_back(field("", tr("Validity: %1").arg(validity), validity, a + 3, int(len)));
            }
            certs.children.push_back(cf);
            rd.pos = c.pos;
            if (st.tls13) {
                Rd x(d, rd.pos, end);
                const int xa = x.pos;
                const std::uint32_t xl = x.u16();
                x.bytes(int(xl));
                if (x.bad) {
                    markMalformed(certs, tr("certificate extensions run past the list"), xa);
                    break;
                }
                certs.children.push_back(field("tls.handshake.extensions_length", tr("Extensions Length: %1").arg(xl), QString::number(xl), xa, 2));
                rd.pos = x.pos;
            }
        }
        if (certs.malformed)
            t.malformed = true;
        t.children.push_back(certs);
        rd.pos = end;
        break;
    }
    case 12: { // ServerKeyExchange (ECDHE)
        m_result.rsaKeyExchange = false;
        const int a = rd.pos;
        const std::uint32_t ct = rd.u8();
        const std::uint16_t g = std::uint16_t(rd.u16());
        const std::uint32_t pl = rd.u8();
        const QByteArray point = rd.bytes(int(pl));
        if (rd.bad || ct != 3) {
            if (a < n)
                t.children.push_back(field("tls.handshake.server_curve_type", tr("Curve Type: %1").arg(ct), QString::number(ct), a, 1));
            if (rd.bad)
                markMalformed(t, tr("ServerKeyExchange ends early"), a);
            break;
        }
        m_result.group = g;
        m_result.groupName = QLatin1String(tlsGroupName(g));
        ProtoField p = field("", tr("EC Diffie-Hellman Server Params"), QString(), a, rd.pos - a,
                             tr("The server's ephemeral key for this connection only, signed with its certificate key. Thrown away after the handshake: that is forward secrecy."));
        p.children.push_back(field("tls.handshake.server_curve_type", tr("Curve Type: named_curve (0x03)"), hex2(ct), a, 1));
        p.children.push_back(field("tls.handshake.server_named_curve", tr("Named Curve: %1 (%2)").arg(QLatin1String(tlsGroupName(g)), hex4(g)), hex4(g), a + 1, 2));
        p.children.push_back(field("tls.handshake.server_point_len", tr("Pubkey Length: %1").arg(pl), QString::number(pl), a + 3, 1));
        p.children.push_back(field("tls.handshake.server_point", tr("Pubkey: %1").arg(hex(point)), hex(point), a + 4, int(pl)));
        const int sa = rd.pos;
        const std::uint16_t alg = std::uint16_t(rd.u16());
        const std::uint32_t sigl = rd.u16();
        const QByteArray sig = rd.bytes(int(sigl));
        if (!rd.bad) {
            p.children.push_back(field("tls.handshake.sig_hash_alg", tr("Signature Algorithm: %1 (%2)").arg(QLatin1String(tlsSignatureSchemeName(alg)), hex4(alg)), hex4(alg), sa, 2));
            p.children.push_back(field("tls.handshake.sig_len", tr("Signature Length: %1").arg(sigl), QString::number(sigl), sa + 2, 2));
            p.children.push_back(field("tls.handshake.sig", tr("Signature: %1").arg(hex(sig.left(32))), hex(sig), sa + 4, int(sigl),
                                       tr("Signed over both randoms and the key: proves the key comes from the certificate's owner.")));
        } else {
            markMalformed(p, tr("signature runs past the message"), sa);
        }
        t.children.push_back(p);
        break;
    }
    case 16: { // ClientKeyExchange
        const int a = rd.pos;
        if (st.suite && st.suite->rsaKx) {
            const std::uint32_t l = rd.u16();
            const QByteArray epms = rd.bytes(int(l));
            if (rd.bad) {
                markMalformed(t, tr("encrypted premaster length %1 runs past the message").arg(l), a);
                break;
            }
            ProtoField p = field("", tr("RSA Encrypted PreMaster Secret"), QString(), a, 2 + int(l),
                                 tr("The client made 48 random bytes (the premaster secret) and encrypted them with the server certificate's public key. "
                                    "Whoever has the server's private key, today or in ten years, can decrypt them and with them the whole session: no forward secrecy."));
            p.children.push_back(field("tls.handshake.epms_len", tr("Encrypted PreMaster length: %1").arg(l), QString::number(l), a, 2));
            p.children.push_back(field("tls.handshake.epms", tr("Encrypted PreMaster: %1").arg(hex(epms.left(32))), hex(epms), a + 2, int(l),
                                       tr("The premaster secret, encrypted to the server's RSA public key. The server's private key opens it, and with it every key of this session.")));
            t.children.push_back(p);
            if (st.master.isEmpty() && st.secrets && !st.secrets->rsaPrivateKeyPem.isEmpty()) {
                const QByteArray pre = rsaDecryptPremaster(st.secrets->rsaPrivateKeyPem, epms);
                if (!pre.isEmpty()) {
                    st.premaster = pre;
                    m_result.decryptedWithRsaKey = true;
                    m_result.keysFound = true;
                    // The session hash for the extended master secret covers the messages up to and including this one.
                    QByteArray transcript;
                    for (const auto &h : m_result.handshakes)
                        transcript += h.bytes;
                    transcript += m.bytes;
                    st.sessionHash = digest(st.suite->hash, transcript);
                    st.master = m_result.extendedMasterSecret
                        ? tlsPrf(st.suite->hash, pre, "extended master secret", st.sessionHash, 48)
                        : tlsPrf(st.suite->hash, pre, "master secret", m_result.clientRandom + m_result.serverRandom, 48);
                    deriveTls12Keys();
                }
            }
        } else {
            const std::uint32_t l = rd.u8();
            const QByteArray pt = rd.bytes(int(l));
            if (rd.bad) {
                markMalformed(t, tr("client point length %1 runs past the message").arg(l), a);
                break;
            }
            ProtoField p = field("", tr("EC Diffie-Hellman Client Params"), QString(), a, 1 + int(l),
                                 tr("The client's ephemeral public key. Both sides now compute the same shared secret; it never crosses the wire, so even the server's private key cannot recover it later."));
            p.children.push_back(field("tls.handshake.client_point_len", tr("Pubkey Length: %1").arg(l), QString::number(l), a, 1));
            p.children.push_back(field("tls.handshake.client_point", tr("Pubkey: %1").arg(hex(pt)), hex(pt), a + 1, int(l)));
            t.children.push_back(p);
        }
        break;
    }
    case 15: { // CertificateVerify
        const int a = rd.pos;
        const std::uint16_t alg = std::uint16_t(rd.u16());
        const std::uint32_t sigl = rd.u16();
        const QByteArray sig = rd.bytes(int(sigl));
        if (rd.bad) {
            markMalformed(t, tr("signature runs past the message"), a);
            break;
        }
        t.children.push_back(field("tls.handshake.sig_hash_alg", tr("Signature Algorithm: %1 (%2)").arg(QLatin1String(tlsSignatureSchemeName(alg)), hex4(alg)), hex4(alg), a, 2));
        t.children.push_back(field("tls.handshake.sig_len", tr("Signature length: %1").arg(sigl), QString::number(sigl), a + 2, 2));
        t.children.push_back(field("tls.handshake.sig", tr("Signature: %1").arg(hex(sig.left(32))), hex(sig), a + 4, int(sigl),
                                   tr("A signature with the certificate's private key over the hash of the handshake so far: proves the peer owns the certificate.")));
        break;
    }
    case 20: { // Finished
        const QByteArray vd = m.bytes.mid(4);
        t.children.push_back(field("tls.handshake.verify_data", tr("Verify Data"), hex(vd), 4, int(vd.size()),
                                   tr("A MAC over every handshake message so far, keyed from the secrets: proves both sides saw the same handshake and hold the same keys.")));
        if (st.tls13) {
            // The next records of this direction use the application traffic keys.
            State::Dir &dir = st.dir[int(m.direction)];
            const char *label = client ? "CLIENT_TRAFFIC_SECRET_0" : "SERVER_TRAFFIC_SECRET_0";
            Epoch e;
            e.number = 3;
            e.secret = secretFor(st.secrets, label, m_result.clientRandom);
            if (st.suite)
                deriveTls13(e, st.suite->hash, st.suite->aead);
            dir.epoch = e;
        }
        break;
    }
    case 5: { // EndOfEarlyData
        t.note = tr("The client's 0-RTT data ends here; its next records use the handshake keys.");
        State::Dir &dir = st.dir[0];
        Epoch e;
        e.number = 2;
        e.secret = secretFor(st.secrets, "CLIENT_HANDSHAKE_TRAFFIC_SECRET", m_result.clientRandom);
        if (st.suite)
            deriveTls13(e, st.suite->hash, st.suite->aead);
        dir.epoch = e;
        break;
    }
    case 24: { // KeyUpdate
        const std::uint32_t req = rd.u8();
        if (rd.bad) {
            markMalformed(t, tr("KeyUpdate without its request byte"), 4);
            break;
        }
        t.children.push_back(field("tls.handshake.key_update.request_update", tr("Key Update Request: %1 (%2)").arg(req ? QStringLiteral("update_requested") : QStringLiteral("update_not_requested")).arg(req),
                                   QString::number(req), 4, 1,
                                   tr("The sender switches to the next traffic secret: HKDF-Expand-Label(secret, \"traffic upd\", \"\", Hash.length).")));
        State::Dir &dir = st.dir[int(m.direction)];
        if (st.suite && st.suite->tls13 && !dir.epoch.secret.isEmpty()) {
            Epoch e;
            e.number = dir.epoch.number + 1;
            e.secret = tlsHkdfExpandLabel(st.suite->hash, dir.epoch.secret, "traffic upd", {}, hashLength(st.suite->hash));
            deriveTls13(e, st.suite->hash, st.suite->aead);
            dir.epoch = e;
        }
        break;
    }
    case 13: // CertificateRequest
        t.note = tr("The server asks the client for a certificate (mutual TLS).");
        break;
    case 14: // ServerHelloDone
        t.note = tr("TLS 1.2: the server has sent all of its hello messages; the client's turn.");
        break;
    default:
        break;
    }
    if (rd.bad && !t.malformed)
        markMalformed(t, tr("%1 ends before its fields do").arg(name), std::min(rd.pos, n));
    // Last line of defence: no field may point outside the message (a missed bound is then a malformed
    // mark, never a range the hex view would read past).
    std::vector<ProtoField *> stack{&t};
    while (!stack.empty()) {
        ProtoField *f = stack.back();
        stack.pop_back();
        if (f->offset < 0 || f->length < 0 || f->offset > n || f->length > n - f->offset) {
            f->offset = std::clamp(f->offset, 0, n);
            f->length = std::clamp(f->length, 0, n - f->offset);
            f->malformed = true;
            t.malformed = true;
        }
        for (auto &c : f->children)
            stack.push_back(&c);
    }
    if (t.malformed) {
        m.malformed = true;
        if (m.error.isEmpty())
            m.error = tr("malformed %1").arg(name);
    }
    m.tree = std::move(t);
}

void TlsDissector::deriveTls12Keys()
{
    State &st = *m_state;
    if (!st.suite || st.suite->aead == Aead::None || st.master.size() != 48)
        return;
    const int keyLen = aeadKeyLength(st.suite->aead);
    const int ivLen = st.suite->aead == Aead::ChaCha20Poly1305 ? 12 : 4;
    const QByteArray block = tlsPrf(st.suite->hash, st.master, "key expansion",
                                    m_result.serverRandom + m_result.clientRandom, 2 * keyLen + 2 * ivLen);
    if (block.size() != 2 * keyLen + 2 * ivLen)
        return;
    for (int i = 0; i < 2; ++i) {
        Epoch &e = st.dir[i].epoch;
        e.aead = st.suite->aead;
        e.key = block.mid(i * keyLen, keyLen);
        e.iv = block.mid(2 * keyLen + i * ivLen, ivLen);
    }
}

// ---- key schedule ----------------------------------------------------------------------------------------

void TlsDissector::finish()
{
    State &st = *m_state;
    if (st.finished)
        return;
    st.finished = true;
    TlsKeySchedule &ks = m_result.keySchedule;
    if (!st.suite || st.suite->aead == Aead::None)
        return;
    const char *hash = st.suite->hash;
    ks.hash = QLatin1String(hash);
    const int hl = hashLength(hash);
    const QByteArray cr = m_result.clientRandom;

    // The transcript in capture order (TLS 1.3: up to the client Finished, post-handshake messages excluded).
    auto transcriptBefore = [&](int index) {
        QByteArray t;
        bool firstHello = true;
        for (int i = 0; i < index; ++i) {
            const auto &h = m_result.handshakes[i];
            if (h.malformed || h.type == 24 || (st.tls13 && h.type == 4) || h.type == 0)
                continue;
            const bool replace = firstHello && h.type == 1;
            if (h.type == 1)
                firstHello = false;
            if (st.tls13 && replace && m_result.helloRetryRequest) {
                // RFC 8446 4.4.1: ClientHello1 is replaced by message_hash(Hash(ClientHello1)).
                QByteArray mh;
                mh.append(char(254)).append(char(0)).append(char(0)).append(char(hl));
                t += mh + digest(hash, h.bytes);
                continue;
            }
            t += h.bytes;
        }
        return t;
    };

    if (st.tls13) {
        ks.limits = tr("The (EC)DHE shared secret stays inside OpenSSL and is not in the key log, so the early, handshake and master "
                       "secrets (HKDF-Extract steps) cannot be recomputed from a capture. Shown: every step from the logged traffic "
                       "secrets onwards.");
        struct L { const char *label; const char *name; bool finishedKey; };
        const L labels[] = {
            {"CLIENT_EARLY_TRAFFIC_SECRET", "client_early_traffic_secret", false},
            {"CLIENT_HANDSHAKE_TRAFFIC_SECRET", "client_handshake_traffic_secret", true},
            {"SERVER_HANDSHAKE_TRAFFIC_SECRET", "server_handshake_traffic_secret", true},
            {"CLIENT_TRAFFIC_SECRET_0", "client_application_traffic_secret_0", false},
            {"SERVER_TRAFFIC_SECRET_0", "server_application_traffic_secret_0", false},
        };
        const int keyLen = aeadKeyLength(st.suite->aead);
        for (const L &l : labels) {
            const QByteArray secret = secretFor(st.secrets, l.label, cr);
            if (secret.isEmpty())
                continue;
            ks.available = true;
            const QString sn = QLatin1String(l.name);
            auto step = [&](const char *what, int len, const QString &note) {
                TlsKeyStep s;
                s.name = sn + QStringLiteral(" → ") + QLatin1String(what);
                s.formula = QStringLiteral("HKDF-Expand-Label(%1, \"%2\", \"\", %3)").arg(sn, QLatin1String(what)).arg(len);
                s.inputs = {{sn, secret}, {QStringLiteral("label"), QByteArray("tls13 ") + what}};
                s.output = tlsHkdfExpandLabel(hash, secret, what, {}, len);
                s.note = note;
                ks.steps.push_back(s);
            };
            step("key", keyLen, tr("The AEAD key that encrypts this direction's records."));
            step("iv", 12, tr("The IV; each record's nonce is this IV XOR the record sequence number."));
            if (l.finishedKey)
                step("finished", hl, tr("The key of the HMAC in this side's Finished message."));
        }
        for (int dirIdx = 0; dirIdx < 2; ++dirIdx) {
            const TlsDirection dir = TlsDirection(dirIdx);
            const QByteArray secret = secretFor(st.secrets, dirIdx == 0 ? "CLIENT_HANDSHAKE_TRAFFIC_SECRET" : "SERVER_HANDSHAKE_TRAFFIC_SECRET", cr);
            for (int i = 0; i < int(m_result.handshakes.size()); ++i) {
                const auto &h = m_result.handshakes[i];
                if (h.type != 20 || h.direction != dir || secret.isEmpty())
                    continue;
                TlsFinishedCheck c;
                c.direction = dir;
                c.transcriptHash = digest(hash, transcriptBefore(i));
                c.finishedKey = tlsHkdfExpandLabel(hash, secret, "finished", {}, hl);
                c.computed = hmac(hash, c.finishedKey, c.transcriptHash);
                c.captured = h.bytes.mid(4);
                c.match = !c.computed.isEmpty() && c.computed == c.captured;
                ks.finished.push_back(c);
                break;
            }
        }
        return;
    }

    // TLS 1.2
    if (st.master.isEmpty())
        return;
    ks.available = true;
    ks.limits = m_result.decryptedWithRsaKey
        ? tr("RSA key transport: the premaster secret was decrypted from the ClientKeyExchange with the server's private key.")
        : tr("The premaster secret ((EC)DHE shared secret) is not in the key log; the key log gives the master secret, and every step from it is shown.");
    if (!st.premaster.isEmpty()) {
        TlsKeyStep s;
        s.name = tr("master secret");
        if (m_result.extendedMasterSecret) {
            s.formula = QStringLiteral("PRF(pre_master_secret, \"extended master secret\", session_hash)[0..47]");
            s.inputs = {{QStringLiteral("pre_master_secret"), st.premaster}, {QStringLiteral("session_hash"), st.sessionHash}};
        } else {
            s.formula = QStringLiteral("PRF(pre_master_secret, \"master secret\", client_random + server_random)[0..47]");
            s.inputs = {{QStringLiteral("pre_master_secret"), st.premaster}, {QStringLiteral("client_random"), cr}, {QStringLiteral("server_random"), m_result.serverRandom}};
        }
        s.output = st.master;
        s.note = tr("The 48-byte master secret every key of the session comes from.");
        ks.steps.push_back(s);
    }
    const int keyLen = aeadKeyLength(st.suite->aead);
    const int ivLen = st.suite->aead == Aead::ChaCha20Poly1305 ? 12 : 4;
    const QByteArray block = tlsPrf(hash, st.master, "key expansion", m_result.serverRandom + cr, 2 * keyLen + 2 * ivLen);
    {
        TlsKeyStep s;
        s.name = tr("key block");
        s.formula = QStringLiteral("PRF(master_secret, \"key expansion\", server_random + client_random)[0..%1]").arg(2 * keyLen + 2 * ivLen - 1);
        s.inputs = {{QStringLiteral("master_secret"), st.master}, {QStringLiteral("server_random"), m_result.serverRandom}, {QStringLiteral("client_random"), cr}};
        s.output = block;
        s.note = tr("Cut into client_write_key, server_write_key, client_write_IV, server_write_IV (AEAD suites need no MAC keys).");
        ks.steps.push_back(s);
        const char *names[] = {"client_write_key", "server_write_key", "client_write_IV", "server_write_IV"};
        const int offs[] = {0, keyLen, 2 * keyLen, 2 * keyLen + ivLen};
        const int lens[] = {keyLen, keyLen, ivLen, ivLen};
        for (int i = 0; i < 4; ++i) {
            TlsKeyStep p;
            p.name = QLatin1String(names[i]);
            p.formula = QStringLiteral("key_block[%1..%2]").arg(offs[i]).arg(offs[i] + lens[i] - 1);
            p.inputs = {{QStringLiteral("key_block"), block}};
            p.output = block.mid(offs[i], lens[i]);
            ks.steps.push_back(p);
        }
    }
    for (int i = 0; i < int(m_result.handshakes.size()); ++i) {
        const auto &h = m_result.handshakes[i];
        if (h.type != 20)
            continue;
        TlsFinishedCheck c;
        c.direction = h.direction;
        c.transcriptHash = digest(hash, transcriptBefore(i));
        c.computed = tlsPrf(hash, st.master, h.direction == TlsDirection::ClientToServer ? "client finished" : "server finished",
                            c.transcriptHash, 12);
        c.captured = h.bytes.mid(4);
        c.match = !c.computed.isEmpty() && c.computed == c.captured;
        ks.finished.push_back(c);
    }
}

// ---- whole captures --------------------------------------------------------------------------------------

TlsConnectionResult dissectTlsStreams(const TcpStream *fromClient, const TcpStream *fromServer, const TlsSecrets &secrets)
{
    TlsDissector d(&secrets);
    struct Piece
    {
        std::uint32_t frame;
        int dir;
        const TcpStream *stream;
        const TcpStreamChunk *chunk;
    };
    std::vector<Piece> pieces;
    const TcpStream *streams[2] = {fromClient, fromServer};
    for (int i = 0; i < 2; ++i)
        if (streams[i])
            for (const auto &c : streams[i]->chunks)
                pieces.push_back({c.frame, i, streams[i], &c});
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece &a, const Piece &b) { return a.frame < b.frame; });
    std::size_t gapIndex[2] = {0, 0};
    for (const Piece &p : pieces) {
        const TcpStream &s = *p.stream;
        while (gapIndex[p.dir] < s.gaps.size() && s.gaps[gapIndex[p.dir]].offset <= p.chunk->offset) {
            d.gap(TlsDirection(p.dir));
            ++gapIndex[p.dir];
        }
        if (p.chunk->offset + p.chunk->length > std::uint64_t(s.data.size()))
            continue;
        const auto *bytes = reinterpret_cast<const std::uint8_t *>(s.data.constData()) + p.chunk->offset;
        d.feed(TlsDirection(p.dir), std::span(bytes, p.chunk->length), p.chunk->frame, p.chunk->timeNs);
    }
    d.finish();
    return d.takeResult();
}

std::vector<TlsConnectionResult> dissectTlsCapture(const PacketStore &store, const TcpConversationTracker &tracker,
                                                   const TlsSecrets &secrets)
{
    TcpStreamReassembler reassembler;
    reassembler.update(store, tracker);
    reassembler.finish();
    std::map<std::uint32_t, bool> conversations;
    for (const auto &s : reassembler.streams())
        conversations[s.conversation] = true;
    std::vector<TlsConnectionResult> out;
    for (const auto &[conv, unused] : conversations) {
        const TcpStream *c = reassembler.stream(conv, true);
        const TcpStream *s = reassembler.stream(conv, false);
        const auto first = [](const TcpStream *st) {
            return st ? std::span(reinterpret_cast<const std::uint8_t *>(st->data.constData()), std::size_t(st->data.size()))
                      : std::span<const std::uint8_t>();
        };
        if (!looksLikeTls(first(c)) && !looksLikeTls(first(s)))
            continue;
        TlsConnectionResult r = dissectTlsStreams(c, s, secrets);
        r.conversation = conv;
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<TlsConnectionResult> dissectTlsSession(const CaptureSession &session, const TlsSecrets &secrets,
                                                   bool keyLogFromEvents)
{
    if (!keyLogFromEvents)
        return dissectTlsCapture(session.store(), session.tcp(), secrets);
    TlsSecrets all = secrets;
    all.keyLog.addEvents(session.events());
    return dissectTlsCapture(session.store(), session.tcp(), all);
}

} // namespace wirelab
