// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpflows.h"

#include "capturesession.h"
#include "dissect/tcptracker.h"

#include <QDateTime>

#include <nghttp2/nghttp2.h>

#include <algorithm>

namespace wirelab {

namespace {

constexpr char kPreface[] = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
constexpr int kPrefaceLength = 24;

QString endpoint(const NetAddress &a, std::uint16_t port)
{
    if (a.family == NetAddress::Family::IPv6)
        return QStringLiteral("[%1]:%2").arg(a.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(a.toString()).arg(port);
}

const char *h2FrameName(std::uint8_t type)
{
    static const char *const names[] = {"DATA",          "HEADERS",      "PRIORITY", "RST_STREAM",
                                        "SETTINGS",      "PUSH_PROMISE", "PING",     "GOAWAY",
                                        "WINDOW_UPDATE", "CONTINUATION"};
    return type < std::size(names) ? names[type] : "UNKNOWN";
}

// A header block: the lines after the start line, "Name: value".
QByteArray headerValue(const QList<QByteArray> &lines, const QByteArray &name)
{
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0 && lines[i].left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return lines[i].mid(colon + 1).trimmed();
    }
    return {};
}

// Where an HTTP/1 message body ends: Content-Length, chunked, or (response) the end of what arrived.
// Returns -1 when the body has not fully arrived yet.
qsizetype bodyEnd(const QByteArray &data, qsizetype bodyStart, const QList<QByteArray> &lines, bool response,
                  bool bodyless)
{
    if (bodyless)
        return bodyStart;
    const QByteArray te = headerValue(lines, "Transfer-Encoding");
    if (te.toLower().contains("chunked")) {
        qsizetype at = bodyStart;
        for (int guard = 0; guard < 1'000'000; ++guard) {
            const qsizetype eol = data.indexOf("\r\n", at);
            if (eol < 0)
                return -1;
            bool ok = false;
            const QByteArray sizeField = data.mid(at, eol - at).split(';').value(0).trimmed();
            const qint64 size = sizeField.toLongLong(&ok, 16);
            if (!ok || size < 0)
                return -1;
            at = eol + 2;
            if (size == 0) {
                // Trailers end with an empty line.
                const qsizetype end = data.indexOf("\r\n", at);
                if (end < 0)
                    return -1;
                if (end == at)
                    return at + 2;
                const qsizetype blank = data.indexOf("\r\n\r\n", at);
                return blank < 0 ? -1 : blank + 4;
            }
            if (at + size + 2 > data.size())
                return -1;
            at += size + 2;
        }
        return -1;
    }
    const QByteArray cl = headerValue(lines, "Content-Length");
    if (!cl.isEmpty()) {
        bool ok = false;
        const qint64 n = cl.toLongLong(&ok);
        if (!ok || n < 0 || bodyStart + n > data.size())
            return -1;
        return bodyStart + qsizetype(n);
    }
    return response ? data.size() : bodyStart;
}

} // namespace

HttpFlowIndex::HttpFlowIndex() = default;
HttpFlowIndex::~HttpFlowIndex() = default;

void HttpFlowIndex::clear()
{
    m_processed = 0;
    m_changed = false;
    m_conversations.clear();
    m_exchanges.clear();
    m_connections.clear();
    m_labels.clear();
    m_streams.clear();
    ++m_generation;
}

void HttpFlowIndex::Direction::add(std::uint32_t seq, int packet, const QByteArray &payload)
{
    if (payload.isEmpty())
        return;
    const auto flush = [this] {
        for (auto it = pending.begin(); it != pending.end();) {
            const std::uint32_t s = it->first;
            const std::uint32_t end = s + std::uint32_t(it->second.second.size());
            if (std::int32_t(s - nextSeq) > 0)
                break;
            if (std::int32_t(end - nextSeq) > 0) {
                const std::uint32_t skip = nextSeq - s;
                offsetPacket.emplace(std::uint32_t(bytes.size()), std::uint64_t(it->second.first));
                bytes.append(it->second.second.mid(qsizetype(skip)));
                nextSeq = end;
            }
            it = pending.erase(it);
        }
    };
    if (std::int32_t(seq - nextSeq) > 0) {
        // A gap: keep it until the missing bytes arrive (a retransmission).
        if (pending.size() < 4096)
            pending.emplace(seq, std::make_pair(packet, payload));
        return;
    }
    pending.emplace(seq, std::make_pair(packet, payload));
    flush();
}

int HttpFlowIndex::Direction::packetAt(std::size_t offset) const
{
    auto it = offsetPacket.upper_bound(std::uint32_t(offset));
    if (it == offsetPacket.begin())
        return -1;
    return int((--it)->second);
}

bool HttpFlowIndex::update(const CaptureSession &session, bool force)
{
    const PacketStore &store = session.store();
    const std::size_t total = store.size();
    if (total < m_processed)
        clear();
    for (std::size_t i = m_processed; i < total; ++i) {
        const PacketSummary s = session.summary(i);
        if (s.protocol != Protocol::Tcp)
            continue;
        const PacketView v = store.at(i);
        const TcpPacketAnalysis *a = session.tcp().analysis(v.number);
        if (!a)
            continue;
        Conversation &c = m_conversations[a->conversation];
        if (c.firstPacket < 0)
            c.firstPacket = int(i);
        if ((s.tcpFlags & TcpSyn) && !(s.tcpFlags & TcpAck) && c.synPacket < 0)
            c.synPacket = int(i);
        if (s.payloadLength == 0 || s.payloadOffset < 0)
            continue;
        const std::size_t available =
            std::min<std::size_t>(s.payloadLength, v.bytes.size() - std::size_t(s.payloadOffset));
        if (c.notHttp)
            continue;
        const QByteArray payload(reinterpret_cast<const char *>(v.bytes.data() + s.payloadOffset),
                                 qsizetype(available));
        if (c.dir[0].bytes.isEmpty() && c.dir[1].bytes.isEmpty() && a->relativeSeq == 1) {
            // The first bytes of the conversation decide: HTTP/1 request or response, or the h2 preface.
            static const char *const starts[] = {"GET ",     "POST ",  "HEAD ",          "PUT ",   "DELETE ",
                                                 "OPTIONS ", "PATCH ", "PRI * HTTP/2.0", "HTTP/1."};
            bool http = false;
            for (const char *start : starts)
                if (QByteArray(start).startsWith(payload.left(qsizetype(qstrlen(start)))) ||
                    payload.startsWith(start))
                    http = true;
            if (!http) {
                c.notHttp = true;
                continue;
            }
        }
        c.dir[a->fromClient ? 0 : 1].add(a->relativeSeq, int(i), payload);
        c.order.emplace_back(int(i), a->fromClient);
        m_changed = true;
    }
    m_processed = total;
    if (!m_changed)
        return false;
    const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    if (!force && nowMs - m_lastParseMs < 250)
        return false;
    m_lastParseMs = nowMs;
    m_changed = false;
    reparse(session);
    return true;
}

void HttpFlowIndex::addLabel(int packet, const QString &label)
{
    if (packet < 0)
        return;
    QString &l = m_labels[packet];
    if (l.isEmpty())
        l = label;
    else if (!l.split(QStringLiteral(", ")).contains(label))
        l += QStringLiteral(", ") + label;
}

void HttpFlowIndex::reparse(const CaptureSession &session)
{
    ++m_generation;
    m_exchanges.clear();
    m_connections.clear();
    m_labels.clear();
    m_streams.clear();
    std::vector<std::pair<int, std::uint32_t>> order; // first packet, conversation
    for (const auto &[id, c] : m_conversations)
        order.emplace_back(c.firstPacket, id);
    std::sort(order.begin(), order.end());
    const auto &conversations = session.tcp().conversations();
    for (const auto &[first, id] : order) {
        const Conversation &c = m_conversations.at(id);
        const QByteArray &up = c.dir[0].bytes;
        const bool h2 = up.startsWith(QByteArray(kPreface, kPrefaceLength));
        const bool h1 = up.startsWith("GET ") || up.startsWith("POST ") || up.startsWith("HEAD ") ||
                        up.startsWith("PUT ") || up.startsWith("DELETE ") || up.startsWith("OPTIONS ") ||
                        c.dir[1].bytes.startsWith("HTTP/1.");
        if (!h2 && !h1)
            continue;
        HttpConnectionRow row;
        row.conversation = int(id);
        if (id < conversations.size()) {
            const TcpConversation &tc = conversations[id];
            row.client = endpoint(tc.clientAddress, tc.clientPort);
            row.server = endpoint(tc.serverAddress, tc.serverPort);
        }
        row.http2 = h2;
        row.hasHttp = true;
        row.synPacket = c.synPacket;
        row.synNs = c.synPacket >= 0 ? session.store().at(std::size_t(c.synPacket)).timeNs : 0;
        row.firstNs = session.store().at(std::size_t(c.firstPacket)).timeNs;
        m_connections.push_back(row);
        const int rowIndex = int(m_connections.size()) - 1;
        if (h2)
            parseHttp2(session, int(id), c, rowIndex);
        else
            parseHttp1(session, int(id), c, rowIndex);
    }
}

void HttpFlowIndex::parseHttp1(const CaptureSession &session, int, const Conversation &c, int row)
{
    const PacketStore &store = session.store();
    const auto timeOf = [&store](int packet) {
        return packet < 0 ? 0 : store.at(std::size_t(packet)).timeNs;
    };
    const std::size_t firstRow = m_exchanges.size();
    // Requests, in order.
    const QByteArray &up = c.dir[0].bytes;
    qsizetype at = 0;
    while (at < up.size()) {
        const qsizetype headerEnd = up.indexOf("\r\n\r\n", at);
        if (headerEnd < 0)
            break;
        const QList<QByteArray> lines = up.mid(at, headerEnd - at).split('\n');
        const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
        if (start.size() < 3)
            break;
        HttpExchangeRow x;
        x.connection = row;
        x.version = start[2].startsWith("HTTP/1.0") ? HttpVersion::Http10 : HttpVersion::Http11;
        x.method = QString::fromLatin1(start[0]);
        x.uri = QString::fromLatin1(start[1]);
        x.requestPacket = c.dir[0].packetAt(std::size_t(at));
        x.requestNs = timeOf(x.requestPacket);
        x.requestHeaderBytes = x.requestHeaderDecoded = std::uint64_t(headerEnd + 4 - at);
        addLabel(x.requestPacket, QStringLiteral("%1 %2").arg(x.method, x.uri));
        const qsizetype end = bodyEnd(up, headerEnd + 4, lines, false, false);
        m_exchanges.push_back(x);
        if (end < 0)
            break;
        at = end;
    }
    // Responses pair with requests in order.
    const QByteArray &down = c.dir[1].bytes;
    at = 0;
    std::size_t next = firstRow;
    while (at < down.size() && next < m_exchanges.size()) {
        const qsizetype headerEnd = down.indexOf("\r\n\r\n", at);
        if (headerEnd < 0)
            break;
        const QList<QByteArray> lines = down.mid(at, headerEnd - at).split('\n');
        const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
        if (start.size() < 2 || !start[0].startsWith("HTTP/1."))
            break;
        HttpExchangeRow &x = m_exchanges[next];
        x.status = start[1].toInt();
        if (start[0].startsWith("HTTP/1.0"))
            x.version = HttpVersion::Http10;
        x.firstResponsePacket = c.dir[1].packetAt(std::size_t(at));
        x.firstByteNs = timeOf(x.firstResponsePacket);
        const QByteArray reason = lines.value(0).trimmed().split(' ').mid(2).join(' ');
        addLabel(x.firstResponsePacket,
                 QStringLiteral("%1 %2").arg(x.status).arg(QString::fromLatin1(reason)).trimmed());
        const bool bodyless = x.method == QLatin1String("HEAD") || x.status == 204 || x.status == 304 ||
                              (x.status >= 100 && x.status < 200);
        const qsizetype end = bodyEnd(down, headerEnd + 4, lines, true, bodyless);
        if (end < 0) {
            // Still arriving: the bar runs to what arrived so far.
            x.lastResponsePacket = -1;
            x.lastByteNs = timeOf(c.dir[1].packetAt(std::size_t(down.size() - 1)));
            break;
        }
        x.responseBodyBytes = std::uint64_t(end - headerEnd - 4);
        x.lastResponsePacket = c.dir[1].packetAt(std::size_t(std::max<qsizetype>(at, end - 1)));
        x.lastByteNs = timeOf(x.lastResponsePacket);
        at = end;
        ++next;
    }
}

namespace {

struct Inflater
{
    nghttp2_hd_inflater *inflater = nullptr;
    Inflater() { nghttp2_hd_inflate_new(&inflater); }
    ~Inflater()
    {
        if (inflater)
            nghttp2_hd_inflate_del(inflater);
    }
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;
    // Decodes a complete header block; false when HPACK is broken (the connection's table is then lost).
    bool decode(const QByteArray &block, std::vector<std::pair<QByteArray, QByteArray>> &out)
    {
        if (!inflater)
            return false;
        auto *in = reinterpret_cast<const std::uint8_t *>(block.constData());
        std::size_t left = std::size_t(block.size());
        for (int guard = 0; guard < 100000; ++guard) {
            nghttp2_nv nv;
            int flags = 0;
            const auto used = nghttp2_hd_inflate_hd2(inflater, &nv, &flags, in, left, 1);
            if (used < 0)
                return false;
            in += used;
            left -= std::size_t(used);
            if (flags & NGHTTP2_HD_INFLATE_EMIT)
                out.emplace_back(
                    QByteArray(reinterpret_cast<const char *>(nv.name), qsizetype(nv.namelen)),
                    QByteArray(reinterpret_cast<const char *>(nv.value), qsizetype(nv.valuelen)));
            if (flags & NGHTTP2_HD_INFLATE_FINAL) {
                nghttp2_hd_inflate_end_headers(inflater);
                return true;
            }
            if (used == 0 && left == 0)
                return false;
        }
        return false;
    }
};

} // namespace

void HttpFlowIndex::parseHttp2(const CaptureSession &session, int, const Conversation &c, int row)
{
    const PacketStore &store = session.store();
    const auto timeOf = [&store](int packet) {
        return packet < 0 ? 0 : store.at(std::size_t(packet)).timeNs;
    };
    std::unordered_map<std::uint32_t, std::size_t> byStream; // stream id -> exchange index
    for (int d = 0; d < 2; ++d) {
        const Direction &dir = c.dir[d];
        const QByteArray &data = dir.bytes;
        Inflater inflater;
        bool hpackOk = true;
        qsizetype at = d == 0 ? kPrefaceLength : 0;
        if (d == 0)
            addLabel(dir.packetAt(0), QStringLiteral("Magic"));
        QByteArray block; // HEADERS + CONTINUATION fragments
        std::uint32_t blockStream = 0;
        std::uint64_t blockWire = 0;
        int blockPacket = -1;
        while (at + 9 <= data.size()) {
            const auto *h = reinterpret_cast<const std::uint8_t *>(data.constData() + at);
            const std::uint32_t length = std::uint32_t(h[0]) << 16 | std::uint32_t(h[1]) << 8 | h[2];
            const std::uint8_t type = h[3], flags = h[4];
            const std::uint32_t stream =
                (std::uint32_t(h[5]) << 24 | std::uint32_t(h[6]) << 16 | std::uint32_t(h[7]) << 8 | h[8]) &
                0x7fffffffu;
            if (length > (1u << 24) || at + 9 + qsizetype(length) > data.size())
                break; // not complete yet (or nonsense)
            const int packet = dir.packetAt(std::size_t(at));
            const int lastPacket =
                dir.packetAt(std::size_t(at + 9 + length - 1 > at ? at + 9 + length - 1 : at));
            addLabel(packet, QStringLiteral("%1 s=%2").arg(QLatin1String(h2FrameName(type))).arg(stream));
            if (stream != 0) {
                auto &lanes = m_streams[packet];
                if (std::find(lanes.begin(), lanes.end(), stream) == lanes.end())
                    lanes.push_back(stream);
            }
            const QByteArray payload = data.mid(at + 9, length);
            if (type == 1 || type == 9) { // HEADERS, CONTINUATION
                QByteArray fragment = payload;
                if (type == 1) {
                    qsizetype skip = 0, pad = 0;
                    if (flags & 0x08 && !fragment.isEmpty()) {
                        pad = std::uint8_t(fragment[0]);
                        skip = 1;
                    }
                    if (flags & 0x20)
                        skip += 5;
                    fragment = fragment.mid(skip, fragment.size() - skip - pad);
                    block.clear();
                    blockStream = stream;
                    blockWire = 0;
                    blockPacket = packet;
                }
                block += fragment;
                blockWire += std::uint64_t(fragment.size());
                if (flags & 0x04 && hpackOk) { // END_HEADERS
                    std::vector<std::pair<QByteArray, QByteArray>> headers;
                    hpackOk = inflater.decode(block, headers);
                    std::uint64_t decoded = 0;
                    QString method, path;
                    int status = 0;
                    for (const auto &[n, v] : headers) {
                        decoded += std::uint64_t(n.size() + v.size() + 4); // "name: value\r\n"
                        if (n == ":method")
                            method = QString::fromLatin1(v);
                        else if (n == ":path")
                            path = QString::fromLatin1(v);
                        else if (n == ":status")
                            status = v.toInt();
                    }
                    if (d == 0 && !byStream.count(blockStream)) {
                        HttpExchangeRow x;
                        x.version = HttpVersion::Http2;
                        x.connection = row;
                        x.streamId = blockStream;
                        x.method = method;
                        x.uri = path;
                        x.requestPacket = blockPacket;
                        x.requestNs = timeOf(blockPacket);
                        x.requestHeaderBytes = blockWire;
                        x.requestHeaderDecoded = decoded;
                        byStream[blockStream] = m_exchanges.size();
                        m_exchanges.push_back(x);
                    } else if (d == 1 && byStream.count(blockStream)) {
                        HttpExchangeRow &x = m_exchanges[byStream[blockStream]];
                        if (x.status == 0 && status != 0) {
                            x.status = status;
                            x.firstResponsePacket = blockPacket;
                            x.firstByteNs = timeOf(blockPacket);
                        }
                    }
                }
            }
            if (d == 1 && stream != 0 && byStream.count(stream) && (type == 0 || type == 1)) {
                HttpExchangeRow &x = m_exchanges[byStream[stream]];
                if (type == 0) {
                    x.responseBodyBytes += length;
                    x.lastByteNs = timeOf(lastPacket);
                }
                if (flags & 0x01) { // END_STREAM
                    x.lastResponsePacket = lastPacket;
                    x.lastByteNs = timeOf(lastPacket);
                }
            }
            at += 9 + qsizetype(length);
        }
    }
}

QString HttpFlowIndex::packetLabel(int packetIndex) const
{
    const auto it = m_labels.find(packetIndex);
    return it == m_labels.end() ? QString() : it->second;
}

std::vector<std::uint32_t> HttpFlowIndex::packetStreams(int packetIndex) const
{
    const auto it = m_streams.find(packetIndex);
    return it == m_streams.end() ? std::vector<std::uint32_t>{} : it->second;
}

int HttpFlowIndex::exchangeOfPacket(int packetIndex) const
{
    for (std::size_t i = 0; i < m_exchanges.size(); ++i) {
        const HttpExchangeRow &x = m_exchanges[i];
        if (x.requestPacket == packetIndex || x.firstResponsePacket == packetIndex ||
            x.lastResponsePacket == packetIndex)
            return int(i);
    }
    return -1;
}

std::vector<HttpFlowIndex::Chunk> HttpFlowIndex::followStream(const CaptureSession &session,
                                                              int packetIndex) const
{
    std::vector<Chunk> chunks;
    if (packetIndex < 0 || std::size_t(packetIndex) >= session.store().size())
        return chunks;
    const TcpPacketAnalysis *a = session.tcp().analysis(session.store().at(std::size_t(packetIndex)).number);
    if (!a)
        return chunks;
    const auto it = m_conversations.find(a->conversation);
    if (it == m_conversations.end())
        return chunks;
    const Conversation &c = it->second;
    // Interleave the in-order streams by which packet carried each piece.
    std::vector<std::pair<int, std::pair<int, std::pair<std::uint32_t, std::uint32_t>>>> pieces;
    for (int d = 0; d < 2; ++d) {
        const Direction &dir = c.dir[d];
        for (auto p = dir.offsetPacket.begin(); p != dir.offsetPacket.end(); ++p) {
            const auto next = std::next(p);
            const std::uint32_t end =
                next == dir.offsetPacket.end() ? std::uint32_t(dir.bytes.size()) : next->first;
            pieces.push_back({int(p->second), {d, {p->first, end}}});
        }
    }
    std::stable_sort(pieces.begin(), pieces.end(),
                     [](const auto &l, const auto &r) { return l.first < r.first; });
    for (const auto &[packet, piece] : pieces) {
        const bool fromClient = piece.first == 0;
        const QByteArray bytes =
            c.dir[piece.first].bytes.mid(piece.second.first, piece.second.second - piece.second.first);
        if (!chunks.empty() && chunks.back().fromClient == fromClient)
            chunks.back().bytes += bytes;
        else
            chunks.push_back({fromClient, bytes});
    }
    return chunks;
}

} // namespace wirelab
