// SPDX-License-Identifier: GPL-3.0-or-later
#include "http1.h"

#include "tcpstream.h"

#include <algorithm>
#include <cstring>
#include <set>

namespace wirelab {

namespace {

bool isTokenChar(std::uint8_t c)
{
    if (c >= '0' && c <= '9')
        return true;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != 0;
}

bool isHttpVersion(const QByteArray &v)
{
    return v.size() == 8 && v.startsWith("HTTP/") && v[5] >= '0' && v[5] <= '9' && v[6] == '.' && v[7] >= '0'
        && v[7] <= '9';
}

QByteArray trimmedOws(const QByteArray &v)
{
    qsizetype a = 0, b = v.size();
    while (a < b && (v[a] == ' ' || v[a] == '\t'))
        ++a;
    while (b > a && (v[b - 1] == ' ' || v[b - 1] == '\t'))
        --b;
    return v.mid(a, b - a);
}

struct Cursor
{
    std::span<const std::uint8_t> bytes;
    std::uint64_t base = 0;
    std::size_t pos = 0;
};

enum class LineResult { Ok, NeedMore, TooLong };

// One line from c.pos: content without CR LF in *content, the line with its terminator in *lineRange.
LineResult readLine(Cursor &c, QByteArray *content, Http1Range *lineRange)
{
    const std::size_t avail = c.bytes.size() - c.pos;
    const std::size_t scan = std::min(avail, kHttp1MaxLineBytes + 2);
    const std::uint8_t *start = c.bytes.data() + c.pos;
    const void *nl = scan ? std::memchr(start, '\n', scan) : nullptr;
    if (!nl)
        return avail > kHttp1MaxLineBytes + 1 ? LineResult::TooLong : LineResult::NeedMore;
    const std::size_t len = std::size_t(static_cast<const std::uint8_t *>(nl) - start);
    std::size_t contentLen = len;
    if (contentLen > 0 && start[contentLen - 1] == '\r')
        --contentLen;
    if (contentLen > kHttp1MaxLineBytes)
        return LineResult::TooLong;
    *content = QByteArray(reinterpret_cast<const char *>(start), qsizetype(contentLen));
    *lineRange = {c.base + c.pos, len + 1};
    c.pos += len + 1;
    return LineResult::Ok;
}

Http1ParseStatus malformed(Http1Message &m, const QString &note)
{
    m.malformed = true;
    m.complete = false;
    m.notes << note;
    return Http1ParseStatus::Malformed;
}

// Header lines up to and including the blank line. Returns NeedMore / Malformed, or Complete.
Http1ParseStatus readHeaderLines(Cursor &c, Http1Message &m, std::vector<Http1Header> &into)
{
    for (;;) {
        QByteArray line;
        Http1Range range;
        const LineResult r = readLine(c, &line, &range);
        if (r == LineResult::NeedMore)
            return Http1ParseStatus::NeedMore;
        if (r == LineResult::TooLong)
            return malformed(m, QStringLiteral("Header line longer than %1 bytes").arg(kHttp1MaxLineBytes));
        if (line.isEmpty())
            return Http1ParseStatus::Complete;
        if (line[0] == ' ' || line[0] == '\t') {
            // Obsolete line folding: continues the previous header's value.
            if (into.empty())
                return malformed(m, QStringLiteral("Continuation line without a header before it"));
            Http1Header &h = into.back();
            h.value = trimmedOws(h.value + ' ' + trimmedOws(line));
            h.line.length = range.end() - h.line.offset;
            h.valueRange.length = range.end() - h.valueRange.offset;
            m.notes << QStringLiteral("Obsolete line folding in header %1").arg(QString::fromLatin1(h.name));
            continue;
        }
        if (into.size() >= kHttp1MaxHeaders)
            return malformed(m, QStringLiteral("More than %1 header lines").arg(kHttp1MaxHeaders));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return malformed(m, QStringLiteral("Header line without a name and colon"));
        for (qsizetype i = 0; i < colon; ++i) {
            if (!isTokenChar(std::uint8_t(line[i])))
                return malformed(m, QStringLiteral("Invalid character in header name"));
        }
        Http1Header h;
        h.name = line.left(colon);
        const QByteArray rawValue = line.mid(colon + 1);
        h.value = trimmedOws(rawValue);
        h.line = range;
        h.nameRange = {range.offset, std::uint64_t(colon)};
        qsizetype lead = 0;
        while (lead < rawValue.size() && (rawValue[lead] == ' ' || rawValue[lead] == '\t'))
            ++lead;
        h.valueRange = {range.offset + std::uint64_t(colon + 1 + lead), std::uint64_t(h.value.size())};
        into.push_back(std::move(h));
    }
}

bool parseDecimal(const QByteArray &s, std::int64_t *out)
{
    if (s.isEmpty() || s.size() > 18)
        return false;
    std::int64_t v = 0;
    for (char ch : s) {
        if (ch < '0' || ch > '9')
            return false;
        v = v * 10 + (ch - '0');
    }
    *out = v;
    return true;
}

} // namespace

QByteArray Http1Message::header(const QByteArray &name) const
{
    for (const Http1Header &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

bool Http1Message::hasHeader(const QByteArray &name) const
{
    return std::any_of(headers.begin(), headers.end(),
                       [&](const Http1Header &h) { return h.name.compare(name, Qt::CaseInsensitive) == 0; });
}

bool looksLikeHttp1(std::span<const std::uint8_t> bytes, bool *isRequest)
{
    static const char *const methods[] = {"GET ", "HEAD ", "POST ", "PUT ", "DELETE ", "OPTIONS ", "TRACE ",
                                          "CONNECT ", "PATCH "};
    auto startsWith = [&](const char *p) {
        const std::size_t n = std::strlen(p);
        const std::size_t k = std::min(n, bytes.size());
        return k > 0 && std::memcmp(bytes.data(), p, k) == 0 && (k == n || k == bytes.size());
    };
    if (bytes.empty())
        return false;
    for (const char *m : methods) {
        if (startsWith(m)) {
            if (isRequest)
                *isRequest = true;
            return true;
        }
    }
    if (startsWith("HTTP/1.")) {
        if (isRequest)
            *isRequest = false;
        return true;
    }
    return false;
}

Http1ParseStatus parseHttp1Message(std::span<const std::uint8_t> bytes, std::uint64_t baseOffset,
                                   const Http1ParseContext &context, Http1Message &out, std::size_t *consumed)
{
    out = Http1Message();
    out.isRequest = context.isRequest;
    if (consumed)
        *consumed = 0;
    Cursor c{bytes, baseOffset, 0};
    // Empty lines before a request line are ignored (RFC 9112 2.2); at most a few.
    for (int i = 0; i < 8 && c.pos + 1 < bytes.size(); ++i) {
        if (bytes[c.pos] == '\r' && bytes[c.pos + 1] == '\n')
            c.pos += 2;
        else if (bytes[c.pos] == '\n')
            c.pos += 1;
        else
            break;
    }
    const std::size_t messageStart = c.pos;
    out.message = {baseOffset + messageStart, 0};
    auto finishRanges = [&] { out.message.length = c.pos - messageStart; };

    QByteArray line;
    Http1Range range;
    LineResult lr = readLine(c, &line, &range);
    if (lr == LineResult::NeedMore) {
        finishRanges();
        return Http1ParseStatus::NeedMore;
    }
    if (lr == LineResult::TooLong)
        return malformed(out, QStringLiteral("Start line longer than %1 bytes").arg(kHttp1MaxLineBytes));
    out.startLine = range;
    if (context.isRequest) {
        const qsizetype sp1 = line.indexOf(' ');
        const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 <= sp1 + 1)
            return malformed(out, QStringLiteral("Request line is not \"method URI version\""));
        out.method = line.left(sp1);
        out.uri = line.mid(sp1 + 1, sp2 - sp1 - 1);
        out.version = line.mid(sp2 + 1);
        for (char ch : out.method) {
            if (!isTokenChar(std::uint8_t(ch)))
                return malformed(out, QStringLiteral("Invalid character in the request method"));
        }
        if (!isHttpVersion(out.version))
            return malformed(out, QStringLiteral("Request line has no HTTP version"));
    } else {
        const qsizetype sp1 = line.indexOf(' ');
        out.version = sp1 < 0 ? line : line.left(sp1);
        if (!isHttpVersion(out.version))
            return malformed(out, QStringLiteral("Status line has no HTTP version"));
        const QByteArray code = line.mid(sp1 + 1, 3);
        if (sp1 < 0 || code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char ch) {
                return ch >= '0' && ch <= '9';
            }) || (line.size() > sp1 + 4 && line[sp1 + 4] != ' '))
            return malformed(out, QStringLiteral("Status line has no three-digit status code"));
        out.status = code.toInt();
        out.reason = line.mid(sp1 + 5);
    }

    Http1ParseStatus st = readHeaderLines(c, out, out.headers);
    if (st != Http1ParseStatus::Complete) {
        finishRanges();
        return st;
    }
    out.headerBlock = {out.startLine.offset, baseOffset + c.pos - out.startLine.offset};
    out.body = {baseOffset + c.pos, 0};

    // Which body follows (RFC 9112 6.3).
    bool noBody = false;
    if (!context.isRequest) {
        if (context.requestMethod == "HEAD" || (out.status >= 100 && out.status < 200) || out.status == 204
            || out.status == 304)
            noBody = true;
        if (context.requestMethod == "CONNECT" && out.status >= 200 && out.status < 300)
            noBody = true;
    }
    QByteArray te;
    std::vector<std::int64_t> lengths;
    bool badLength = false;
    for (const Http1Header &h : out.headers) {
        if (h.name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            te = te.isEmpty() ? h.value : te + ", " + h.value;
        } else if (h.name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &part : h.value.split(',')) {
                std::int64_t v = 0;
                if (!parseDecimal(trimmedOws(part), &v))
                    badLength = true;
                else
                    lengths.push_back(v);
            }
        }
    }
    if (!noBody) {
        if (!te.isEmpty()) {
            const QList<QByteArray> codings = te.split(',');
            const bool lastChunked = trimmedOws(codings.last()).compare("chunked", Qt::CaseInsensitive) == 0;
            if (!lengths.empty() || badLength)
                out.notes << QStringLiteral("Both Transfer-Encoding and Content-Length: Content-Length ignored");
            if (lastChunked) {
                out.bodyKind = Http1Message::BodyKind::Chunked;
                out.chunked = true;
            } else if (context.isRequest) {
                return malformed(out, QStringLiteral("Request with a Transfer-Encoding that does not end in chunked"));
            } else {
                out.bodyKind = Http1Message::BodyKind::UntilClose;
            }
        } else if (badLength) {
            return malformed(out, QStringLiteral("Invalid Content-Length"));
        } else if (!lengths.empty()) {
            if (std::any_of(lengths.begin(), lengths.end(), [&](std::int64_t v) { return v != lengths.front(); }))
                return malformed(out, QStringLiteral("Conflicting Content-Length values"));
            out.bodyKind = Http1Message::BodyKind::ContentLength;
            out.contentLength = lengths.front();
        } else if (!context.isRequest) {
            out.bodyKind = Http1Message::BodyKind::UntilClose;
        }
    } else if (!lengths.empty() && !badLength) {
        out.contentLength = lengths.front();
    }

    switch (out.bodyKind) {
    case Http1Message::BodyKind::None:
        break;
    case Http1Message::BodyKind::ContentLength: {
        const std::uint64_t want = std::uint64_t(out.contentLength);
        const std::uint64_t have = std::min<std::uint64_t>(want, bytes.size() - c.pos);
        if (have > 0)
            out.bodyData.push_back({baseOffset + c.pos, have});
        out.bodyBytes = have;
        c.pos += std::size_t(have);
        out.body.length = have;
        if (have < want) {
            finishRanges();
            return Http1ParseStatus::NeedMore;
        }
        break;
    }
    case Http1Message::BodyKind::UntilClose: {
        const std::size_t have = bytes.size() - c.pos;
        if (have > 0)
            out.bodyData.push_back({baseOffset + c.pos, have});
        out.bodyBytes = have;
        c.pos += have;
        out.body.length = have;
        if (!context.streamClosed) {
            finishRanges();
            return Http1ParseStatus::NeedMore;
        }
        break;
    }
    case Http1Message::BodyKind::Chunked: {
        const std::size_t bodyStart = c.pos;
        for (;;) {
            QByteArray sizeLine;
            Http1Range sizeRange;
            lr = readLine(c, &sizeLine, &sizeRange);
            if (lr == LineResult::NeedMore) {
                out.body.length = c.pos - bodyStart;
                finishRanges();
                return Http1ParseStatus::NeedMore;
            }
            if (lr == LineResult::TooLong)
                return malformed(out, QStringLiteral("Chunk size line longer than %1 bytes").arg(kHttp1MaxLineBytes));
            std::uint64_t size = 0;
            qsizetype i = 0;
            while (i < sizeLine.size()) {
                const char ch = sizeLine[i];
                int digit = -1;
                if (ch >= '0' && ch <= '9')
                    digit = ch - '0';
                else if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f')
                    digit = (ch | 0x20) - 'a' + 10;
                if (digit < 0)
                    break;
                if (i >= 16)
                    return malformed(out, QStringLiteral("Chunk size overflows 64 bits"));
                size = (size << 4) | std::uint64_t(digit);
                ++i;
            }
            if (i == 0)
                return malformed(out, QStringLiteral("Chunk size line without a hexadecimal size"));
            qsizetype j = i;
            while (j < sizeLine.size() && (sizeLine[j] == ' ' || sizeLine[j] == '\t'))
                ++j;
            if (j < sizeLine.size() && sizeLine[j] != ';')
                return malformed(out, QStringLiteral("Invalid character after the chunk size"));
            Http1Chunk chunk;
            chunk.size = size;
            chunk.sizeLine = sizeRange;
            if (size == 0) {
                out.chunks.push_back(chunk);
                st = readHeaderLines(c, out, out.trailers);
                out.body.length = c.pos - bodyStart;
                if (st != Http1ParseStatus::Complete) {
                    finishRanges();
                    return st;
                }
                break;
            }
            if (out.chunks.size() >= kHttp1MaxChunks)
                return malformed(out, QStringLiteral("More than %1 chunks").arg(kHttp1MaxChunks));
            const std::size_t avail = bytes.size() - c.pos;
            const std::uint64_t have = std::min<std::uint64_t>(size, avail);
            chunk.data = {baseOffset + c.pos, have};
            out.chunks.push_back(chunk);
            ++out.chunkCount;
            if (have > 0)
                out.bodyData.push_back(chunk.data);
            out.bodyBytes += have;
            c.pos += std::size_t(have);
            if (have < size) {
                out.body.length = c.pos - bodyStart;
                finishRanges();
                return Http1ParseStatus::NeedMore;
            }
            // CRLF after the data (a bare LF is tolerated).
            if (c.pos >= bytes.size() || (bytes[c.pos] == '\r' && c.pos + 1 >= bytes.size())) {
                out.body.length = c.pos - bodyStart;
                finishRanges();
                return Http1ParseStatus::NeedMore;
            }
            if (bytes[c.pos] == '\r' && bytes[c.pos + 1] == '\n')
                c.pos += 2;
            else if (bytes[c.pos] == '\n')
                c.pos += 1;
            else
                return malformed(out, QStringLiteral("Chunk data not followed by CRLF"));
        }
        break;
    }
    }
    out.body.length = baseOffset + c.pos - out.body.offset;
    finishRanges();
    out.complete = true;
    if (consumed)
        *consumed = c.pos;
    return Http1ParseStatus::Complete;
}

// ------------------------------------------------------------------------------- Http1ConnectionDissector

void Http1ConnectionDissector::clear()
{
    m_messages.clear();
    m_conversations.clear();
    ++m_generation;
}

std::vector<int> Http1ConnectionDissector::messagesInFrame(std::uint32_t conversation, std::uint32_t frame) const
{
    std::vector<int> out;
    for (std::size_t i = 0; i < m_messages.size(); ++i) {
        const Http1Message &m = m_messages[i];
        if (m.conversation == conversation && m.firstFrame != 0 && m.firstFrame <= frame && frame <= m.lastFrame)
            out.push_back(int(i));
    }
    return out;
}

std::vector<int> Http1ConnectionDissector::messagesInFrame(const TcpStreamReassembler &streams,
                                                           std::uint32_t conversation, std::uint32_t frame) const
{
    std::vector<int> out;
    for (int i : messagesInFrame(conversation, frame)) {
        const Http1Message &m = m_messages[std::size_t(i)];
        const TcpStream *s = streams.stream(conversation, m.fromClient);
        if (!s)
            continue;
        auto it = std::upper_bound(s->chunks.begin(), s->chunks.end(), m.message.offset,
                                   [](std::uint64_t o, const TcpStreamChunk &c) { return o < c.offset; });
        if (it != s->chunks.begin())
            --it;
        for (; it != s->chunks.end() && it->offset < m.message.end(); ++it) {
            if (it->frame == frame && it->offset + it->length > m.message.offset) {
                out.push_back(i);
                break;
            }
        }
    }
    return out;
}

void Http1ConnectionDissector::update(const TcpStreamReassembler &streams)
{
    std::set<std::uint32_t> conversations;
    for (const TcpStream &s : streams.streams())
        conversations.insert(s.conversation);
    for (std::uint32_t conv : conversations) {
        if (conv >= m_conversations.size())
            m_conversations.resize(std::size_t(conv) + 1);
        ConvState &cs = m_conversations[conv];
        const TcpStream *client = streams.stream(conv, true);
        const TcpStream *server = streams.stream(conv, false);
        if (!cs.client.decided) {
            if (!client || client->data.isEmpty())
                continue; // nothing from the client yet
            bool isRequest = false;
            const auto *p = reinterpret_cast<const std::uint8_t *>(client->data.constData());
            const bool http = looksLikeHttp1({p, std::size_t(client->data.size())}, &isRequest) && isRequest;
            cs.client.decided = cs.server.decided = true;
            if (!http) {
                cs.client.stopped = cs.server.stopped = true;
                continue;
            }
        }
        if (client)
            parseDirection(*client, cs, cs.client);
        if (server)
            parseDirection(*server, cs, cs.server);
    }
}

void Http1ConnectionDissector::parseDirection(const TcpStream &stream, ConvState &conv, DirState &dir)
{
    if (dir.stopped || stream.generation == dir.seenGeneration)
        return;
    dir.seenGeneration = stream.generation;
    const auto *data = reinterpret_cast<const std::uint8_t *>(stream.data.constData());
    const std::uint64_t size = std::uint64_t(stream.data.size());
    // Each round consumes at least one byte or stops, so this is bounded by the stream size.
    while (!dir.stopped && dir.parsedUpTo < size) {
        const std::uint64_t pos = dir.parsedUpTo;
        std::uint64_t end = size;
        bool limitedByGap = false;
        if (const TcpStreamGap *g = stream.gapAtOrAfter(pos)) {
            if (g->offset == pos) {
                // Bytes are missing right here: we cannot know where the next message starts.
                dir.stopped = true;
                break;
            }
            end = g->offset;
            limitedByGap = true;
        }
        Http1ParseContext ctx;
        ctx.isRequest = stream.fromClient;
        ctx.streamClosed = stream.finSeen && !limitedByGap && !stream.truncated;
        int requestIndex = -1;
        if (!ctx.isRequest && conv.responsesMatched < conv.requests.size()) {
            requestIndex = conv.requests[conv.responsesMatched];
            ctx.requestMethod = m_messages[std::size_t(requestIndex)].method;
        }
        Http1Message m;
        std::size_t consumed = 0;
        const Http1ParseStatus st = parseHttp1Message({data + pos, std::size_t(end - pos)}, pos, ctx, m, &consumed);
        m.conversation = stream.conversation;
        m.fromClient = stream.fromClient;
        const std::uint64_t msgLen = std::max<std::uint64_t>(m.message.length, 1);
        const auto frames = stream.frameRange(m.message.offset, std::min(msgLen, end - m.message.offset));
        m.firstFrame = frames.first;
        m.lastFrame = frames.second;
        m.firstByteNs = stream.timeAt(m.message.offset);
        m.lastByteNs = stream.timeAt(m.message.offset + std::min(msgLen, end - m.message.offset) - 1);
        if (st == Http1ParseStatus::NeedMore && (limitedByGap || (stream.finSeen && !ctx.streamClosed))) {
            m.malformed = true;
            m.notes << QStringLiteral("Bytes of this message were not captured (TCP gap)");
        } else if (st == Http1ParseStatus::NeedMore && stream.truncated) {
            m.malformed = true;
            m.notes << QStringLiteral("Stream larger than the reassembly limit: the rest was not kept");
        } else if (st == Http1ParseStatus::NeedMore && stream.finSeen) {
            m.notes << QStringLiteral("Connection closed before the message was complete");
        }
        int index = dir.pending;
        if (index >= 0) {
            m.pairedIndex = m_messages[std::size_t(index)].pairedIndex;
            m_messages[std::size_t(index)] = std::move(m);
        } else {
            index = int(m_messages.size());
            if (!m.isRequest && requestIndex >= 0) {
                m.pairedIndex = requestIndex;
                m_messages[std::size_t(requestIndex)].pairedIndex = index;
            }
            m_messages.push_back(std::move(m));
            if (stream.fromClient)
                conv.requests.push_back(index);
        }
        ++m_generation;
        const Http1Message &msg = m_messages[std::size_t(index)];
        if (st == Http1ParseStatus::Complete) {
            dir.pending = -1;
            dir.done.push_back(index);
            if (dir.done.size() >= kHttp1MaxMessagesPerDirection) {
                m_messages[std::size_t(index)].notes
                    << QStringLiteral("More than %1 messages in one direction: the rest is not dissected")
                           .arg(kHttp1MaxMessagesPerDirection);
                dir.stopped = true;
            }
            dir.parsedUpTo = pos + consumed;
            if (!msg.isRequest && (msg.status >= 200 || msg.status == 101 || msg.status < 100))
                ++conv.responsesMatched;
            if (!msg.isRequest && msg.status == 101) {
                // Switching protocols (an h2c upgrade, a WebSocket): what follows is not HTTP/1.x.
                conv.client.stopped = conv.server.stopped = true;
            }
            if (consumed == 0)
                dir.stopped = true;
        } else {
            dir.pending = index;
            if (st == Http1ParseStatus::Malformed || msg.malformed)
                dir.stopped = true;
            break;
        }
    }
}

// ---------------------------------------------------------------------------------------------- the tree

namespace {

// Maps a stream range to the part that lies in frame.
void place(ProtoField &f, const TcpStream *stream, std::uint32_t frame, const Http1Range &r)
{
    f.offset = 0;
    f.length = 0;
    if (!stream || r.length == 0)
        return;
    auto it = std::upper_bound(stream->chunks.begin(), stream->chunks.end(), r.offset,
                               [](std::uint64_t o, const TcpStreamChunk &c) { return o < c.offset; });
    if (it != stream->chunks.begin())
        --it;
    for (; it != stream->chunks.end() && it->offset < r.end(); ++it) {
        if (it->frame != frame || it->offset + it->length <= r.offset)
            continue;
        const std::uint64_t a = std::max(it->offset, r.offset);
        const std::uint64_t b = std::min<std::uint64_t>(it->offset + it->length, r.end());
        f.offset = int(it->frameOffset + (a - it->offset));
        f.length = int(b - a);
        return;
    }
}

QString escaped(const QByteArray &b)
{
    QString s = QString::fromLatin1(b);
    s.replace(QLatin1String("\r"), QLatin1String("\\r"));
    s.replace(QLatin1String("\n"), QLatin1String("\\n"));
    return s;
}

ProtoField field(const char *abbrev, const QString &label, const QString &value, const TcpStream *stream,
                 std::uint32_t frame, const Http1Range &r)
{
    ProtoField f;
    f.abbrev = abbrev;
    f.label = label;
    f.value = value;
    place(f, stream, frame, r);
    return f;
}

const char *headerField(const QByteArray &name, bool request)
{
    static const struct
    {
        const char *name;
        const char *field;
    } known[] = {
        {"host", "http.host"},
        {"content-length", "http.content_length_header"},
        {"transfer-encoding", "http.transfer_encoding"},
        {"connection", "http.connection"},
        {"user-agent", "http.user_agent"},
        {"content-type", "http.content_type"},
        {"server", "http.server"},
        {"accept", "http.accept"},
        {"accept-encoding", "http.accept_encoding"},
        {"accept-language", "http.accept_language"},
        {"cache-control", "http.cache_control"},
        {"location", "http.location"},
        {"date", "http.date"},
        {"last-modified", "http.last_modified"},
        {"upgrade", "http.upgrade"},
        {"referer", "http.referer"},
        {"cookie", "http.cookie"},
        {"set-cookie", "http.set_cookie"},
        {"content-encoding", "http.content_encoding"},
        {"authorization", "http.authorization"},
    };
    const QByteArray lower = name.toLower();
    for (const auto &k : known) {
        if (lower == k.name)
            return k.field;
    }
    (void)request;
    return nullptr;
}

QString headerLabel(const Http1Header &h)
{
    return escaped(h.name) + QStringLiteral(": ") + escaped(h.value) + QStringLiteral("\\r\\n");
}

} // namespace

ProtoField http1Tree(const Http1Message &m, const TcpStream *stream, std::uint32_t frame)
{
    ProtoField root;
    root.abbrev = "http";
    root.label = QStringLiteral("Hypertext Transfer Protocol");
    place(root, stream, frame, m.message);

    const QByteArray startLine = m.isRequest ? m.method + ' ' + m.uri + ' ' + m.version
                                             : m.version + ' ' + QByteArray::number(m.status)
                                                   + (m.reason.isEmpty() ? QByteArray() : ' ' + m.reason);
    if (m.startLine.length > 0) {
        ProtoField line;
        line.label = escaped(startLine) + QStringLiteral("\\r\\n");
        place(line, stream, frame, m.startLine);
        const std::uint64_t o = m.startLine.offset;
        if (m.isRequest && !m.method.isEmpty()) {
            const std::uint64_t uriAt = o + std::uint64_t(m.method.size()) + 1;
            const std::uint64_t verAt = uriAt + std::uint64_t(m.uri.size()) + 1;
            line.children.push_back(field("http.request.method",
                                          QStringLiteral("Request Method: ") + escaped(m.method),
                                          QString::fromLatin1(m.method), stream, frame,
                                          {o, std::uint64_t(m.method.size())}));
            line.children.push_back(field("http.request.uri", QStringLiteral("Request URI: ") + escaped(m.uri),
                                          QString::fromLatin1(m.uri), stream, frame,
                                          {uriAt, std::uint64_t(m.uri.size())}));
            line.children.push_back(field("http.request.version",
                                          QStringLiteral("Request Version: ") + escaped(m.version),
                                          QString::fromLatin1(m.version), stream, frame,
                                          {verAt, std::uint64_t(m.version.size())}));
        } else if (!m.isRequest && m.status > 0) {
            line.children.push_back(field("http.response.version",
                                          QStringLiteral("Response Version: ") + escaped(m.version),
                                          QString::fromLatin1(m.version), stream, frame, {o, 8}));
            line.children.push_back(field("http.response.code", QStringLiteral("Status Code: %1").arg(m.status),
                                          QString::number(m.status), stream, frame, {o + 9, 3}));
            line.children.push_back(field("http.response.phrase",
                                          QStringLiteral("Response Phrase: ") + escaped(m.reason),
                                          QString::fromLatin1(m.reason), stream, frame,
                                          {o + 13, std::uint64_t(m.reason.size())}));
        }
        root.children.push_back(std::move(line));
    }

    const char *lineField = m.isRequest ? "http.request.line" : "http.response.line";
    for (const Http1Header &h : m.headers) {
        ProtoField f = field(lineField, headerLabel(h), QString::fromLatin1(h.name + ": " + h.value) + "\r\n",
                             stream, frame, h.line);
        if (const char *known = headerField(h.name, m.isRequest)) {
            ProtoField k = field(known, headerLabel(h), QString::fromLatin1(h.value), stream, frame, h.line);
            f.children.push_back(std::move(k));
        }
        root.children.push_back(std::move(f));
    }
    if (m.headerBlock.length > 0) {
        ProtoField blank;
        blank.label = QStringLiteral("\\r\\n");
        const std::uint64_t blankEnd = m.headerBlock.end();
        const std::uint64_t lastLineEnd = m.headers.empty() ? m.startLine.end() : m.headers.back().line.end();
        place(blank, stream, frame, {lastLineEnd, blankEnd - lastLineEnd});
        root.children.push_back(std::move(blank));
    }
    if (m.contentLength >= 0) {
        ProtoField cl;
        cl.abbrev = "http.content_length";
        cl.label = QStringLiteral("Content length: %1").arg(m.contentLength);
        cl.value = QString::number(m.contentLength);
        root.children.push_back(std::move(cl));
    }
    if (m.chunked) {
        ProtoField chunks;
        chunks.label = QStringLiteral("HTTP chunked response");
        place(chunks, stream, frame, m.body);
        for (const Http1Chunk &c : m.chunks) {
            ProtoField one;
            if (c.size == 0) {
                one.label = QStringLiteral("End of chunked encoding");
            } else {
                one.label = QStringLiteral("Data chunk (%1 octets)").arg(c.size);
            }
            place(one, stream, frame, {c.sizeLine.offset, c.data.end() > c.sizeLine.offset
                                                               ? c.data.end() - c.sizeLine.offset
                                                               : c.sizeLine.length});
            one.children.push_back(field("http.chunk_size", QStringLiteral("Chunk size: %1 octets").arg(c.size),
                                         QString::number(c.size), stream, frame, c.sizeLine));
            if (c.size > 0) {
                one.children.push_back(field("http.chunk_data",
                                             QStringLiteral("Chunk data (%1 octets)").arg(c.data.length),
                                             QString(), stream, frame, c.data));
            }
            chunks.children.push_back(std::move(one));
        }
        for (const Http1Header &h : m.trailers)
            chunks.children.push_back(field("http.trailer", headerLabel(h), QString::fromLatin1(h.value), stream,
                                            frame, h.line));
        root.children.push_back(std::move(chunks));
    }
    if (m.bodyBytes > 0) {
        ProtoField data;
        data.abbrev = "http.file_data";
        data.label = QStringLiteral("File Data: %1 bytes").arg(m.bodyBytes);
        data.value = QString::number(m.bodyBytes);
        if (!m.bodyData.empty())
            place(data, stream, frame, m.bodyData.front());
        root.children.push_back(std::move(data));
    }
    if (!m.complete && !m.malformed) {
        ProtoField more;
        more.label = QStringLiteral("[Incomplete: waiting for more bytes]");
        root.children.push_back(std::move(more));
    }
    if (m.malformed) {
        ProtoField bad;
        bad.abbrev = "_ws.malformed";
        bad.label = QStringLiteral("[Malformed HTTP: %1]").arg(m.notes.join(QStringLiteral("; ")));
        bad.malformed = true;
        root.children.push_back(std::move(bad));
        root.malformed = true;
    }
    return root;
}

} // namespace wirelab
