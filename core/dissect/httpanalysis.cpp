// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpanalysis.h"

#include "capturesession.h"
#include "dissect/http2.h"
#include "dissect/tcptracker.h"
#include "store/packetstore.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <limits>

namespace wirelab {

namespace {

constexpr std::uint32_t kNoConversation = std::numeric_limits<std::uint32_t>::max();

// The reason phrases tshark shows after an HTTP/2 :status (HTTP/2 sends none).
const char *reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
    }
}

QString statusText(int status, const QByteArray &reason)
{
    const QString phrase = reason.isEmpty() ? QString::fromLatin1(reasonPhrase(status)) : QString::fromLatin1(reason);
    return phrase.isEmpty() ? QString::number(status) : QStringLiteral("%1 %2").arg(status).arg(phrase);
}

// Bytes of an HTTP/2 frame in its direction's stream (the preface counts as 24).
std::uint64_t frameSpan(const Http2Frame &f)
{
    return f.isPreface ? kHttp2PrefaceLength : 9 + std::uint64_t(f.length);
}

// Frames (1-based numbers) carrying bytes of [offset, offset + length) of a stream, in stream order,
// each once.
void framesIn(const TcpStream &s, std::uint64_t offset, std::uint64_t length, std::vector<std::uint32_t> &out)
{
    auto it = std::upper_bound(s.chunks.begin(), s.chunks.end(), offset,
                               [](std::uint64_t o, const TcpStreamChunk &c) { return o < c.offset; });
    if (it != s.chunks.begin())
        --it;
    for (; it != s.chunks.end() && it->offset < offset + length; ++it) {
        if (it->offset + it->length <= offset)
            continue;
        if (std::find(out.begin(), out.end(), it->frame) == out.end())
            out.push_back(it->frame);
    }
}

// The frame that completed [offset, offset + length): the last captured of those carrying its bytes (a
// retransmission that filled a hole, when there was one). tshark shows a reassembled PDU there.
std::uint32_t completingFrame(const TcpStream &s, std::uint64_t offset, std::uint64_t length)
{
    std::vector<std::uint32_t> frames;
    framesIn(s, offset, std::max<std::uint64_t>(length, 1), frames);
    return frames.empty() ? 0 : *std::max_element(frames.begin(), frames.end());
}

std::uint32_t frameAt(const TcpStream *s, std::uint64_t offset)
{
    const TcpStreamChunk *c = s ? s->chunkAt(offset) : nullptr;
    return c ? c->frame : 0;
}

} // namespace

bool isNotDeliveredComment(const QString &comment)
{
    if (comment.isEmpty())
        return false;
    // The wire's sentences (core/labnet/wire.cpp), up to their first argument. Not literals in
    // translate() on purpose: the strings belong to the Wire context.
    static const char *const sources[] = {
        "Lost on the lab network (loss %1 %)",
        "Dropped by the lab network: the link's queue was full (%1 packets)",
        "Dropped by the lab network: the wire's buffer for this link is full",
        "Dropped by the lab network: the receiving host did not take the packet",
        "Dropped by the student at a breakpoint",
    };
    for (const char *source : sources) {
        for (QString text : {QString::fromLatin1(source), QCoreApplication::translate("Wire", source)}) {
            const qsizetype arg = text.indexOf(QLatin1String("%1"));
            if (arg >= 0)
                text.truncate(arg);
            if (!text.isEmpty() && comment.startsWith(text))
                return true;
        }
    }
    return false;
}

// ------------------------------------------------------------------------------------------------ feeding

struct HttpAnalysis::H2Conversation
{
    enum class Kind : std::uint8_t { Undecided, Http2, Other };
    Kind kind = Kind::Undecided;
    std::unique_ptr<Http2Dissector> dissector;
    std::uint64_t fed[2] = {0, 0}; // stream bytes handed to the dissector, per direction (0: client)
    std::size_t chunk[2] = {0, 0}; // the next chunk to look at
    bool stopped[2] = {false, false}; // a gap: the rest of that direction cannot be framed
};

HttpAnalysis::HttpAnalysis() = default;
HttpAnalysis::~HttpAnalysis() = default;

void HttpAnalysis::clear()
{
    m_streams.clear();
    m_http1.clear();
    m_http2.clear();
    m_arrived.clear();
    m_conversationInfo.clear();
    m_http1Response.clear();
    m_frameConversation.clear();
    m_fed = 0;
    m_dirty = false;
    m_exchanges.clear();
    m_connections.clear();
    m_frames.clear();
    ++m_generation;
}

bool HttpAnalysis::feed(const CaptureSession &session)
{
    return feed(session.store(), session.tcp());
}

bool HttpAnalysis::update(const PacketStore &store, const TcpConversationTracker &tracker)
{
    feed(store, tracker);
    return derive();
}

bool HttpAnalysis::update(const CaptureSession &session)
{
    return update(session.store(), session.tcp());
}

bool HttpAnalysis::feed(const PacketStore &store, const TcpConversationTracker &tracker)
{
    if (store.size() < m_fed)
        clear();
    bool grew = false;
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
        ConversationInfo &info = m_conversationInfo[a->conversation];
        if (info.firstFrame == 0) {
            info.firstFrame = v.number;
            info.firstNs = v.timeNs;
            if (a->conversation < tracker.conversations().size()) {
                const TcpConversation &tc = tracker.conversations()[a->conversation];
                info.clientPort = tc.clientPort;
                info.serverPort = tc.serverPort;
            }
        }
        if ((s.tcpFlags & TcpSyn) && !(s.tcpFlags & TcpAck) && a->fromClient && info.synFrame == 0) {
            info.synFrame = v.number;
            info.synNs = v.timeNs;
        }
        // The lab network recorded it but the receiver never got it: its bytes did not arrive.
        if (isNotDeliveredComment(store.comment(index)))
            continue;
        const TcpStream *before = m_streams.stream(a->conversation, a->fromClient);
        const std::uint64_t generation = before ? before->generation : 0;
        m_streams.add(v.number, v.timeNs, s, v.bytes, a);
        const TcpStream *after = m_streams.stream(a->conversation, a->fromClient);
        if (s.payloadLength > 0)
            m_frameConversation.back() = a->conversation;
        if (!after || (before && after->generation == generation))
            continue;
        grew = true;
        feedHttp2(a->conversation);
    }
    if (grew) {
        m_http1.update(m_streams);
        m_dirty = true;
    }
    return grew;
}

void HttpAnalysis::feedHttp2(std::uint32_t conversation)
{
    std::unique_ptr<H2Conversation> &slot = m_http2[conversation];
    if (!slot)
        slot = std::make_unique<H2Conversation>();
    H2Conversation &c = *slot;
    if (c.kind == H2Conversation::Kind::Other)
        return;
    if (c.kind == H2Conversation::Kind::Undecided) {
        const TcpStream *client = m_streams.stream(conversation, true);
        if (!client || client->data.isEmpty())
            return;
        const qsizetype n = std::min<qsizetype>(client->data.size(), qsizetype(kHttp2PrefaceLength));
        if (std::memcmp(client->data.constData(), kHttp2Preface, std::size_t(n)) != 0) {
            c.kind = H2Conversation::Kind::Other;
            return;
        }
        if (n < qsizetype(kHttp2PrefaceLength))
            return; // could still be the preface
        c.kind = H2Conversation::Kind::Http2;
        c.dissector = std::make_unique<Http2Dissector>();
    }
    // Hand over what is new in each direction, chunk by chunk with the chunk's time (the HPACK tables
    // then grow in the order the bytes arrived). Both directions: a drained out-of-order run may have
    // completed either.
    for (int d = 0; d < 2; ++d) {
        const TcpStream *s = m_streams.stream(conversation, d == 0);
        if (!s || c.stopped[d])
            continue;
        const std::uint64_t size = std::uint64_t(s->data.size());
        // Bytes after a gap cannot be framed (the frame boundaries are lost): stop before it.
        std::uint64_t limit = size;
        if (const TcpStreamGap *g = s->gapAtOrAfter(c.fed[d]))
            limit = g->offset;
        while (c.chunk[d] < s->chunks.size() && c.fed[d] < limit) {
            const TcpStreamChunk &ch = s->chunks[c.chunk[d]];
            const std::uint64_t end = std::min<std::uint64_t>(ch.offset + ch.length, limit);
            if (end <= c.fed[d]) {
                ++c.chunk[d];
                continue;
            }
            const std::uint64_t from = std::max(c.fed[d], ch.offset);
            const auto *bytes = reinterpret_cast<const std::uint8_t *>(s->data.constData()) + from;
            c.dissector->feed(d == 0 ? Http2Direction::ClientToServer : Http2Direction::ServerToClient,
                              {bytes, std::size_t(end - from)}, ch.timeNs);
            c.fed[d] = end;
            if (end == ch.offset + ch.length)
                ++c.chunk[d];
        }
        if (const TcpStreamGap *g = s->gapAtOrAfter(c.fed[d]); g && g->offset == c.fed[d])
            c.stopped[d] = true; // bytes are missing right here
    }
}

void HttpAnalysis::extendArrival()
{
    for (const TcpStream &s : m_streams.streams()) {
        std::vector<std::int64_t> &arrived = m_arrived[{s.conversation, s.fromClient}];
        std::int64_t latest = arrived.empty() ? std::numeric_limits<std::int64_t>::min() : arrived.back();
        for (std::size_t i = arrived.size(); i < s.chunks.size(); ++i) {
            latest = std::max(latest, s.chunks[i].timeNs);
            arrived.push_back(latest);
        }
    }
}

std::int64_t HttpAnalysis::arrivedAt(std::uint32_t conversation, bool fromClient, std::uint64_t offset) const
{
    const TcpStream *s = m_streams.stream(conversation, fromClient);
    const auto it = m_arrived.find({conversation, fromClient});
    if (!s || it == m_arrived.end())
        return -1;
    const auto c = std::upper_bound(s->chunks.begin(), s->chunks.end(), offset,
                                    [](std::uint64_t o, const TcpStreamChunk &ch) { return o < ch.offset; });
    if (c == s->chunks.begin())
        return -1;
    const std::size_t i = std::size_t(c - s->chunks.begin()) - 1;
    if (offset >= s->chunks[i].offset + s->chunks[i].length || i >= it->second.size())
        return -1;
    return it->second[i];
}

const Http2Dissector *HttpAnalysis::http2(std::uint32_t conversation) const
{
    const auto it = m_http2.find(conversation);
    return it == m_http2.end() || !it->second ? nullptr : it->second->dissector.get();
}

std::int64_t HttpAnalysis::conversationOfFrame(std::uint32_t frame) const
{
    if (frame == 0 || frame > m_frameConversation.size() || m_frameConversation[frame - 1] == kNoConversation)
        return -1;
    return m_frameConversation[frame - 1];
}

int HttpAnalysis::connectionOf(std::uint32_t conversation) const
{
    for (std::size_t i = 0; i < m_connections.size(); ++i)
        if (m_connections[i].conversation == conversation)
            return int(i);
    return -1;
}

// ----------------------------------------------------------------------------------------------- deriving

void HttpAnalysis::addLabel(std::uint32_t frame, const QString &label)
{
    if (frame == 0 || label.isEmpty())
        return;
    QString &l = frameInfo(frame).label;
    if (l.isEmpty())
        l = label;
    else if (!l.split(QStringLiteral(", ")).contains(label))
        l += QStringLiteral(", ") + label;
}

void HttpAnalysis::addInfo(std::uint32_t frame, const QString &protocol, const QString &info)
{
    if (frame == 0)
        return;
    FrameInfo &f = frameInfo(frame);
    // HTTP/1.x and HTTP/2 never share a conversation; "HTTP2" wins should a frame carry both.
    if (f.protocol.isEmpty() || protocol == QLatin1String("HTTP2"))
        f.protocol = protocol;
    f.info = f.info.isEmpty() ? info : f.info + QStringLiteral(", ") + info;
}

void HttpAnalysis::markExchange(std::uint32_t frame, int exchange)
{
    if (frame == 0)
        return;
    FrameInfo &f = frameInfo(frame);
    if (f.exchange < 0)
        f.exchange = exchange;
}

bool HttpAnalysis::derive()
{
    if (!m_dirty)
        return false;
    m_dirty = false;
    ++m_generation;
    extendArrival();
    m_exchanges.clear();
    m_connections.clear();
    m_frames.clear();
    m_http1Response.clear();

    deriveHttp1();
    for (const auto &[conversation, c] : m_http2) {
        if (c && c->dissector)
            deriveHttp2(conversation, *c->dissector);
    }

    // Connections: those with an exchange, and h2 ones whose preface was seen; sorted by first packet below.
    std::map<std::uint32_t, bool> seen; // conversation -> http2
    for (const HttpExchange &x : m_exchanges)
        seen[x.conversation] = x.protocol == QLatin1String("h2");
    for (const auto &[conversation, c] : m_http2)
        if (c && c->dissector && c->dissector->prefaceSeen())
            seen[conversation] = true;
    for (const auto &[conversation, http2] : seen) {
        HttpConnection row;
        row.conversation = conversation;
        row.http2 = http2;
        m_connections.push_back(row);
    }

    // Order of the requests' first bytes.
    std::stable_sort(m_exchanges.begin(), m_exchanges.end(), [](const HttpExchange &a, const HttpExchange &b) {
        return a.requestSentNs != b.requestSentNs ? a.requestSentNs < b.requestSentNs : a.conversation < b.conversation;
    });
    // Pipelining and head-of-line waits on each HTTP/1.x connection.
    std::map<std::uint32_t, int> previous;
    for (int i = 0; i < int(m_exchanges.size()); ++i) {
        HttpExchange &x = m_exchanges[std::size_t(i)];
        if (x.protocol == QLatin1String("h2"))
            continue;
        auto it = previous.find(x.conversation);
        if (it != previous.end()) {
            const HttpExchange &p = m_exchanges[std::size_t(it->second)];
            if (x.requestSentNs >= 0 && (p.lastByteNs < 0 || p.lastByteNs > x.requestSentNs)) {
                x.pipelined = true;
                x.pipelinedBehind = it->second;
                x.waitedForPrevious = x.firstByteNs >= 0 && p.lastByteNs >= 0 && x.firstByteNs >= p.lastByteNs;
            }
        }
        previous[x.conversation] = i;
    }
    // The frames of each exchange (after sorting: indexes are final). HTTP/1.x: the request's frames and
    // the frames carrying the response; h2: the frames carrying the stream's frames, both directions.
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> h2Exchange; // (conversation, stream id)
    for (int i = 0; i < int(m_exchanges.size()); ++i) {
        const HttpExchange &x = m_exchanges[std::size_t(i)];
        for (std::uint32_t f : x.requestFrames)
            markExchange(f, i);
        if (x.protocol == QLatin1String("h2")) {
            h2Exchange[{x.conversation, x.streamId}] = i;
            continue;
        }
        const TcpStream *s = m_streams.stream(x.conversation, false);
        const auto r = m_http1Response.find({x.conversation, x.indexOnConnection});
        if (!s || r == m_http1Response.end())
            continue;
        const Http1Message &m = m_http1.messages()[std::size_t(r->second)];
        std::vector<std::uint32_t> frames;
        framesIn(*s, m.message.offset, m.message.length, frames);
        for (std::uint32_t f : frames)
            markExchange(f, i);
    }
    for (const auto &[conversation, c] : m_http2) {
        if (!c || !c->dissector)
            continue;
        for (const Http2Frame &f : c->dissector->frames()) {
            const auto it = h2Exchange.find({conversation, f.streamId});
            const TcpStream *s = m_streams.stream(conversation, f.direction == Http2Direction::ClientToServer);
            if (f.isPreface || f.streamId == 0 || it == h2Exchange.end() || !s)
                continue;
            std::vector<std::uint32_t> frames;
            framesIn(*s, f.streamOffset, frameSpan(f), frames);
            for (std::uint32_t n : frames)
                markExchange(n, it->second);
        }
    }
    // Connection rows: the first packet and the client's SYN, as feed() recorded them.
    for (HttpConnection &row : m_connections) {
        const auto it = m_conversationInfo.find(row.conversation);
        if (it != m_conversationInfo.end()) {
            row.firstFrame = it->second.firstFrame;
            row.firstNs = it->second.firstNs;
            row.synFrame = it->second.synFrame;
            row.synNs = it->second.synNs;
        }
    }
    std::stable_sort(m_connections.begin(), m_connections.end(),
                     [](const HttpConnection &a, const HttpConnection &b) { return a.firstFrame < b.firstFrame; });
    return true;
}

void HttpAnalysis::deriveHttp1()
{
    const std::vector<Http1Message> &messages = m_http1.messages();
    std::map<std::uint32_t, int> perConnection;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const Http1Message &m = messages[i];
        const TcpStream *s = m_streams.stream(m.conversation, m.fromClient);
        if (!s)
            continue;
        // Labels on the frame with the message's first byte; Protocol/Info where it ends (as tshark shows a
        // reassembled message on its last segment).
        if (m.isRequest && !m.method.isEmpty()) {
            addLabel(m.firstFrame, QStringLiteral("%1 %2").arg(QString::fromLatin1(m.method), QString::fromLatin1(m.uri)));
            if (m.complete)
                addInfo(completingFrame(*s, m.message.offset, m.message.length), QStringLiteral("HTTP"),
                        QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(m.method), QString::fromLatin1(m.uri),
                                                        QString::fromLatin1(m.version)));
        } else if (!m.isRequest && m.status > 0) {
            addLabel(m.firstFrame, statusText(m.status, m.reason));
            if (m.complete) {
                QString info = QStringLiteral("%1 %2").arg(QString::fromLatin1(m.version), statusText(m.status, m.reason));
                const QByteArray type = m.header("Content-Type");
                if (!type.isEmpty())
                    info += QStringLiteral("  (%1)").arg(QString::fromLatin1(type.split(';').first().trimmed()));
                addInfo(completingFrame(*s, m.message.offset, m.message.length), QStringLiteral("HTTP"), info);
            }
        }
        if (!m.isRequest || !m.complete || m.malformed)
            continue;

        HttpExchange x;
        x.protocol = QString::fromLatin1(m.version);
        x.conversation = m.conversation;
        const auto info = m_conversationInfo.find(m.conversation);
        if (info != m_conversationInfo.end()) {
            x.clientPort = info->second.clientPort;
            x.serverPort = info->second.serverPort;
        }
        x.indexOnConnection = perConnection[m.conversation]++;
        x.method = QString::fromLatin1(m.method);
        x.uri = QString::fromLatin1(m.uri);
        x.host = QString::fromLatin1(m.header("Host"));
        x.requestSentNs = s->timeAt(m.message.offset);
        x.requestDoneNs = arrivedAt(m.conversation, true, m.message.end() - 1);
        framesIn(*s, m.message.offset, m.message.length, x.requestFrames);
        x.requestHeaderWireBytes = x.requestHeaderTextBytes = m.headerBlock.length;

        // The final response (1xx are interim).
        const int r = m.pairedIndex;
        const Http1Message *rsp = r >= 0 && std::size_t(r) < messages.size() ? &messages[std::size_t(r)] : nullptr;
        const TcpStream *down = m_streams.stream(m.conversation, false);
        if (rsp && down && rsp->message.length > 0) {
            m_http1Response[{x.conversation, x.indexOnConnection}] = r;
            x.status = rsp->status;
            x.firstByteNs = arrivedAt(m.conversation, false, rsp->message.offset);
            x.responseFirstFrame = frameAt(down, rsp->message.offset);
            const std::uint64_t lastOffset = rsp->message.end() - 1;
            x.lastByteNs = arrivedAt(m.conversation, false, lastOffset);
            x.responseLastFrame = frameAt(down, lastOffset);
            x.responseBytes = rsp->bodyBytes;
            x.responseWireBytes = rsp->message.length;
            x.transferEncoding = QString::fromLatin1(rsp->header("Transfer-Encoding"));
            if (!rsp->chunked)
                x.contentLength = rsp->contentLength;
            for (const Http1Chunk &c : rsp->chunks) {
                if (c.size == 0)
                    continue;
                ++x.chunkCount;
                x.chunkTimesNs.push_back(arrivedAt(m.conversation, false, c.data.end() - 1));
            }
            x.complete = rsp->complete && !rsp->malformed;
        }
        m_exchanges.push_back(std::move(x));
    }
}

void HttpAnalysis::deriveHttp2(std::uint32_t conversation, const Http2Dissector &h2)
{
    const TcpStream *up = m_streams.stream(conversation, true);
    const TcpStream *down = m_streams.stream(conversation, false);
    const std::vector<Http2Frame> &frames = h2.frames();
    std::array<int, 10> types{};
    for (const Http2Frame &f : frames)
        if (!f.isPreface && f.type < types.size())
            ++types[f.type];

    // Labels, lanes, Protocol/Info.
    for (const Http2Frame &f : frames) {
        const TcpStream *s = f.direction == Http2Direction::ClientToServer ? up : down;
        if (!s)
            continue;
        const std::uint64_t span = frameSpan(f);
        const std::uint32_t first = frameAt(s, f.streamOffset);
        const std::uint32_t last = completingFrame(*s, f.streamOffset, span);
        if (f.isPreface) {
            addLabel(first, QStringLiteral("Magic"));
            addInfo(last, QStringLiteral("HTTP2"), QStringLiteral("Magic"));
            continue;
        }
        const QLatin1String type(http2FrameTypeName(f.type));
        addLabel(first, QStringLiteral("%1 s=%2").arg(type).arg(f.streamId));
        if (f.streamId != 0 && first != 0) {
            std::vector<std::uint32_t> &lanes = frameInfo(first).streams;
            if (std::find(lanes.begin(), lanes.end(), f.streamId) == lanes.end())
                lanes.push_back(f.streamId);
        }
        QString info = QStringLiteral("%1[%2]").arg(type).arg(f.streamId);
        if (f.headerBlock && f.headerBlock->decoded) {
            const QByteArray method = f.headerBlock->value(":method");
            const QByteArray status = f.headerBlock->value(":status");
            if (!method.isEmpty())
                info += QStringLiteral(": %1 %2").arg(QString::fromLatin1(method),
                                                      QString::fromLatin1(f.headerBlock->value(":path")));
            else if (!status.isEmpty())
                info += QStringLiteral(": %1").arg(statusText(status.toInt(), {}));
        }
        addInfo(last, QStringLiteral("HTTP2"), info);
    }

    // Requests: the client's header blocks, in order (a block starts at its HEADERS frame and ends with
    // the frame that has END_HEADERS, which carries the decoded block).
    std::map<std::uint32_t, std::size_t> byStream; // stream id -> index in m_exchanges
    std::map<std::uint32_t, std::uint64_t> blockStart;
    std::map<std::uint32_t, bool> blockEndsStream;
    int n = 0;
    const auto info = m_conversationInfo.find(conversation);
    for (const Http2Frame &f : frames) {
        if (f.isPreface || f.direction != Http2Direction::ClientToServer || !up || f.malformed)
            continue;
        const std::uint64_t end = f.streamOffset + frameSpan(f);
        if (f.type == std::uint8_t(Http2FrameType::Headers)) {
            blockStart[f.streamId] = f.streamOffset;
            blockEndsStream[f.streamId] = f.flags & kHttp2FlagEndStream;
        }
        if (f.headerBlock) {
            if (byStream.count(f.streamId) || !f.headerBlock->decoded)
                continue; // trailers, or an undecodable block
            HttpExchange x;
            x.protocol = QStringLiteral("h2");
            x.conversation = conversation;
            if (info != m_conversationInfo.end()) {
                x.clientPort = info->second.clientPort;
                x.serverPort = info->second.serverPort;
            }
            x.streamId = f.streamId;
            x.indexOnConnection = n++;
            const std::uint64_t start = blockStart.count(f.streamId) ? blockStart[f.streamId] : f.streamOffset;
            x.requestHeaderBytesCompressed = int(f.headerBlock->compressedBytes);
            x.requestHeaderWireBytes = f.headerBlock->compressedBytes;
            for (const Http2Header &h : f.headerBlock->headers) {
                x.requestHeaderBytesDecoded += int(h.name.size() + h.value.size() + 32);
                x.requestHeaderTextBytes += std::uint64_t(h.name.size() + h.value.size() + 4);
                if (h.name == ":method")
                    x.method = QString::fromLatin1(h.value);
                else if (h.name == ":path")
                    x.uri = QString::fromLatin1(h.value);
                else if (h.name == ":authority" || (h.name == "host" && x.host.isEmpty()))
                    x.host = QString::fromLatin1(h.value);
            }
            x.requestSentNs = up->timeAt(start);
            framesIn(*up, start, end - start, x.requestFrames);
            // END_STREAM on the HEADERS: the request ends with its header block.
            if (blockEndsStream[f.streamId])
                x.requestDoneNs = arrivedAt(conversation, true, end - 1);
            byStream[f.streamId] = m_exchanges.size();
            m_exchanges.push_back(std::move(x));
            continue;
        }
        if (f.type == std::uint8_t(Http2FrameType::Data)) { // a request body
            const auto it = byStream.find(f.streamId);
            if (it == byStream.end())
                continue;
            HttpExchange &x = m_exchanges[it->second];
            framesIn(*up, f.streamOffset, frameSpan(f), x.requestFrames);
            if (f.flags & kHttp2FlagEndStream)
                x.requestDoneNs = arrivedAt(conversation, true, end - 1);
        }
    }
    // Responses.
    for (const Http2Frame &f : frames) {
        if (f.isPreface || f.direction != Http2Direction::ServerToClient || !down)
            continue;
        const auto it = byStream.find(f.streamId);
        if (it == byStream.end())
            continue;
        HttpExchange &x = m_exchanges[it->second];
        const std::uint64_t end = f.streamOffset + frameSpan(f);
        const bool content = f.type == std::uint8_t(Http2FrameType::Data) || f.type == std::uint8_t(Http2FrameType::Headers)
                             || f.type == std::uint8_t(Http2FrameType::Continuation);
        if (content) {
            if (x.firstByteNs < 0) {
                x.firstByteNs = arrivedAt(conversation, false, f.streamOffset);
                x.responseFirstFrame = frameAt(down, f.streamOffset);
            }
            x.responseWireBytes += frameSpan(f);
            if ((f.flags & kHttp2FlagEndStream) && f.type != std::uint8_t(Http2FrameType::Continuation)) {
                x.complete = true;
                x.lastByteNs = arrivedAt(conversation, false, end - 1);
                x.responseLastFrame = frameAt(down, end - 1);
            } else if (!x.complete) {
                x.lastByteNs = arrivedAt(conversation, false, end - 1); // so far
            }
        }
        if (f.type == std::uint8_t(Http2FrameType::Data))
            x.responseBytes += f.dataBytes;
        if (f.headerBlock && f.headerBlock->decoded && x.status == 0) {
            x.status = f.headerBlock->value(":status").toInt();
            x.responseHeaderBytesCompressed = int(f.headerBlock->compressedBytes);
        }
        if (f.type == std::uint8_t(Http2FrameType::RstStream) && !x.complete)
            x.lastByteNs = arrivedAt(conversation, false, end - 1);
    }
    for (const auto &[id, index] : byStream)
        m_exchanges[index].connectionFrameTypes = types;
}

// --------------------------------------------------------------------------------------------- per frame

QString HttpAnalysis::packetLabel(std::uint32_t frame) const
{
    const auto it = m_frames.find(frame);
    return it == m_frames.end() ? QString() : it->second.label;
}

std::vector<std::uint32_t> HttpAnalysis::packetStreams(std::uint32_t frame) const
{
    const auto it = m_frames.find(frame);
    return it == m_frames.end() ? std::vector<std::uint32_t>{} : it->second.streams;
}

int HttpAnalysis::exchangeOfFrame(std::uint32_t frame) const
{
    const auto it = m_frames.find(frame);
    return it == m_frames.end() ? -1 : it->second.exchange;
}

QString HttpAnalysis::packetProtocol(std::uint32_t frame) const
{
    const auto it = m_frames.find(frame);
    return it == m_frames.end() ? QString() : it->second.protocol;
}

QString HttpAnalysis::packetInfo(std::uint32_t frame) const
{
    const auto it = m_frames.find(frame);
    return it == m_frames.end() ? QString() : it->second.info;
}

HttpAnalysis::FrameLayers HttpAnalysis::layers(std::uint32_t frame, std::size_t frameLength) const
{
    FrameLayers out;
    const std::int64_t conv = conversationOfFrame(frame);
    if (conv < 0)
        return out;
    const std::uint32_t conversation = std::uint32_t(conv);
    for (int i : m_http1.messagesInFrame(m_streams, conversation, frame)) {
        const Http1Message &m = m_http1.messages()[std::size_t(i)];
        out.http1.push_back(http1Tree(m, m_streams.stream(conversation, m.fromClient), frame));
    }
    const Http2Dissector *h2 = http2(conversation);
    if (!h2)
        return out;
    const int size = int(std::min<std::size_t>(frameLength, std::size_t(std::numeric_limits<int>::max())));
    for (const Http2Frame &f : h2->frames()) {
        const TcpStream *s = m_streams.stream(conversation, f.direction == Http2Direction::ClientToServer);
        const TcpStreamChunk *chunk = s ? s->chunkAt(f.streamOffset) : nullptr;
        if (!chunk || chunk->frame != frame)
            continue;
        // The frame's fields count from its first byte: move them to where that byte is in this packet
        // (bytes that continue in later packets have no range here).
        const int base = int(chunk->frameOffset + (f.streamOffset - chunk->offset));
        ProtoField tree = f.tree;
        std::vector<ProtoField *> stack{&tree};
        while (!stack.empty()) {
            ProtoField *field = stack.back();
            stack.pop_back();
            field->offset += base;
            if (field->offset >= size) {
                field->offset = 0;
                field->length = 0;
            } else {
                field->length = std::min(field->length, size - field->offset);
            }
            for (ProtoField &child : field->children)
                stack.push_back(&child);
        }
        out.http2Frames.push_back(std::move(tree));
    }
    return out;
}

} // namespace wirelab
