// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissect/http2.h"

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>

namespace wirelab {

const char kHttp2Preface[25] = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

namespace {

using F = ProtoField;

std::uint32_t be24(const std::uint8_t *p)
{
    return (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
}
std::uint32_t be32(const std::uint8_t *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

F &add(F &parent, const char *abbrev, const QString &label, const QString &value, int offset, int length)
{
    F f;
    f.abbrev = abbrev;
    f.label = label;
    f.value = value;
    f.offset = offset;
    f.length = length;
    parent.children.push_back(std::move(f));
    return parent.children.back();
}

QString dec(std::uint64_t v)
{
    return QString::number(v);
}
QString hex2(std::uint32_t v)
{
    return QStringLiteral("0x%1").arg(v, 2, 16, QLatin1Char('0'));
}
QString hex8(std::uint32_t v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}
QString bytesHex(std::span<const std::uint8_t> b, std::size_t max = 64)
{
    QString s;
    const std::size_t n = std::min(b.size(), max);
    for (std::size_t i = 0; i < n; ++i)
        s += QStringLiteral("%1").arg(b[i], 2, 16, QLatin1Char('0'));
    if (n < b.size())
        s += QStringLiteral("…");
    return s;
}

void malformed(F &parent, Http2Frame &frame, const QString &why, int offset, int length)
{
    F &m = add(parent, "_ws.malformed", QStringLiteral("[Malformed: %1]").arg(why), QString(), offset,
               std::max(0, length));
    m.malformed = true;
    frame.malformed = true;
    if (frame.error.isEmpty())
        frame.error = why;
}

void flagBit(F &flags, const char *abbrev, const char *name, std::uint8_t fl, std::uint8_t bit)
{
    add(flags, abbrev, QStringLiteral("%1: %2").arg(QLatin1String(name), (fl & bit) ? QStringLiteral("True")
                                                                                      : QStringLiteral("False")),
        (fl & bit) ? QStringLiteral("1") : QStringLiteral("0"), 4, 1);
}

QByteArray headerFieldAbbrev(const QByteArray &name)
{
    // Wireshark registers http2.headers.<name> for well-known header names (with '-' as '_').
    static const char *const known[] = {
        ":authority", ":status", ":path", ":method", ":scheme", "accept", "accept-encoding",
        "accept-language", "cache-control", "content-length", "content-type", "cookie", "date", "location",
        "server", "set-cookie", "user-agent", "vary", "via", "etag", "last-modified", "referer", "expires",
        "content-encoding", "age",
    };
    for (const char *k : known) {
        if (name == k) {
            QByteArray a = "http2.headers." + QByteArray(k[0] == ':' ? k + 1 : k);
            a.replace('-', '_');
            return a;
        }
    }
    return {};
}

} // namespace

const char *http2FrameTypeName(std::uint8_t type)
{
    static const char *const names[] = {"DATA",    "HEADERS", "PRIORITY", "RST_STREAM",   "SETTINGS",
                                        "PUSH_PROMISE", "PING", "GOAWAY", "WINDOW_UPDATE", "CONTINUATION"};
    return type < 10 ? names[type] : "Unknown";
}

const char *http2ErrorName(std::uint32_t code)
{
    static const char *const names[] = {"NO_ERROR",          "PROTOCOL_ERROR",     "INTERNAL_ERROR",
                                        "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT",  "STREAM_CLOSED",
                                        "FRAME_SIZE_ERROR",   "REFUSED_STREAM",    "CANCEL",
                                        "COMPRESSION_ERROR",  "CONNECT_ERROR",     "ENHANCE_YOUR_CALM",
                                        "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED"};
    return code < 14 ? names[code] : "Unknown";
}

const char *http2SettingName(std::uint16_t id)
{
    switch (id) {
    case 1: return "SETTINGS_HEADER_TABLE_SIZE";
    case 2: return "SETTINGS_ENABLE_PUSH";
    case 3: return "SETTINGS_MAX_CONCURRENT_STREAMS";
    case 4: return "SETTINGS_INITIAL_WINDOW_SIZE";
    case 5: return "SETTINGS_MAX_FRAME_SIZE";
    case 6: return "SETTINGS_MAX_HEADER_LIST_SIZE";
    case 8: return "SETTINGS_ENABLE_CONNECT_PROTOCOL";
    default: return "Unknown";
    }
}

const char *http2StreamStateName(Http2StreamState s)
{
    switch (s) {
    case Http2StreamState::Idle: return "idle";
    case Http2StreamState::ReservedLocal: return "reserved (local)";
    case Http2StreamState::ReservedRemote: return "reserved (remote)";
    case Http2StreamState::Open: return "open";
    case Http2StreamState::HalfClosedLocal: return "half-closed (local)";
    case Http2StreamState::HalfClosedRemote: return "half-closed (remote)";
    case Http2StreamState::Closed: return "closed";
    }
    return "unknown";
}

QByteArray Http2HeaderBlock::value(const QByteArray &name) const
{
    for (const Http2Header &h : headers)
        if (h.name == name)
            return h.value;
    return {};
}

Http2Dissector::Http2Dissector(std::size_t maxHeaderBytesPerBlock, std::size_t maxBlockBytes)
    : m_maxHeaderBytes(maxHeaderBytesPerBlock), m_maxBlockBytes(maxBlockBytes)
{
    for (Dir &d : m_dir) {
        nghttp2_hd_inflater *inf = nullptr;
        if (nghttp2_hd_inflate_new(&inf) != 0 || !inf) {
            d.hpackBroken = true;
            continue;
        }
        d.inflater = std::shared_ptr<void>(inf, [](void *p) { nghttp2_hd_inflate_del(static_cast<nghttp2_hd_inflater *>(p)); });
    }
}

Http2Dissector::~Http2Dissector() = default;

const Http2Stream *Http2Dissector::stream(std::uint32_t id) const
{
    auto it = m_streams.find(id);
    return it == m_streams.end() ? nullptr : &it->second;
}

int Http2Dissector::feed(Http2Direction dir, std::span<const std::uint8_t> bytes, std::int64_t timeNs)
{
    Dir &d = m_dir[idx(dir)];
    d.seen += bytes.size();
    if (!d.error.isEmpty() || bytes.empty())
        return 0;
    const std::size_t before = m_frames.size();
    d.buffer.insert(d.buffer.end(), bytes.begin(), bytes.end());

    std::size_t pos = 0;
    if (dir == Http2Direction::ClientToServer && d.consumed == 0 && !m_prefaceSeen) {
        const std::size_t n = std::min(d.buffer.size(), kHttp2PrefaceLength);
        if (std::memcmp(d.buffer.data(), kHttp2Preface, n) != 0) {
            d.error = QStringLiteral("The client's bytes do not start with the HTTP/2 connection preface");
            d.buffer.clear();
            return 0;
        }
        if (n < kHttp2PrefaceLength)
            return 0; // need more
        Http2Frame f;
        f.direction = dir;
        f.isPreface = true;
        f.timeNs = timeNs;
        f.tree.abbrev = "http2.stream";
        f.tree.label = QStringLiteral("Stream: Magic");
        f.tree.length = int(kHttp2PrefaceLength);
        add(f.tree, "http2.magic", QStringLiteral("Magic: PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n"),
            QStringLiteral("PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n"), 0, int(kHttp2PrefaceLength));
        m_frames.push_back(std::move(f));
        m_prefaceSeen = true;
        pos = kHttp2PrefaceLength;
    }

    // Frames, as long as a whole one is buffered. Every iteration consumes at least 9 bytes.
    while (d.error.isEmpty() && d.buffer.size() - pos >= 9) {
        const std::uint8_t *h = d.buffer.data() + pos;
        const std::uint32_t length = be24(h);
        if (length > d.maxFrameSize) {
            // The receiver would answer FRAME_SIZE_ERROR and close; we cannot resynchronise either.
            Http2Frame f;
            f.direction = dir;
            f.streamOffset = d.consumed + pos;
            f.timeNs = timeNs;
            f.length = length;
            f.type = h[3];
            f.flags = h[4];
            f.streamId = be32(h + 5) & 0x7fffffffu;
            f.tree.abbrev = "http2.stream";
            f.tree.label = QStringLiteral("Stream: %1, Stream ID: %2, Length %3")
                               .arg(QLatin1String(http2FrameTypeName(f.type)))
                               .arg(f.streamId)
                               .arg(length);
            f.tree.length = 9;
            add(f.tree, "http2.length", QStringLiteral("Length: %1").arg(length), dec(length), 0, 3);
            add(f.tree, "http2.type", QStringLiteral("Type: %1 (%2)").arg(QLatin1String(http2FrameTypeName(f.type))).arg(f.type),
                dec(f.type), 3, 1);
            malformed(f.tree, f,
                      QStringLiteral("frame length %1 exceeds the maximum frame size %2").arg(length).arg(d.maxFrameSize),
                      0, 3);
            m_frames.push_back(std::move(f));
            d.error = QStringLiteral("Frame length %1 exceeds the maximum frame size %2; the rest of this direction "
                                     "is not parsed")
                          .arg(length)
                          .arg(d.maxFrameSize);
            break;
        }
        if (d.buffer.size() - pos < 9 + std::size_t(length))
            break; // need more
        parseFrame(dir, std::span<const std::uint8_t>(h, 9 + std::size_t(length)), timeNs);
        m_frames.back().streamOffset = d.consumed + pos;
        pos += 9 + std::size_t(length);
    }
    if (!d.error.isEmpty()) {
        d.consumed += d.buffer.size();
        d.buffer.clear();
    } else {
        d.buffer.erase(d.buffer.begin(), d.buffer.begin() + std::ptrdiff_t(pos));
        d.consumed += pos;
    }
    return int(m_frames.size() - before);
}

bool Http2Dissector::parseFrame(Http2Direction dir, std::span<const std::uint8_t> bytes, std::int64_t timeNs)
{
    Dir &d = m_dir[idx(dir)];
    Http2Frame f;
    f.direction = dir;
    f.timeNs = timeNs;
    const std::uint8_t *h = bytes.data();
    f.length = be24(h);
    f.type = h[3];
    f.flags = h[4];
    f.reservedBit = (h[5] & 0x80) != 0;
    f.streamId = be32(h + 5) & 0x7fffffffu;
    const std::uint8_t *p = h + 9;
    const int len = int(f.length);
    const char *typeName = http2FrameTypeName(f.type);

    F &t = f.tree;
    t.abbrev = "http2.stream";
    t.label = QStringLiteral("Stream: %1, Stream ID: %2, Length %3").arg(QLatin1String(typeName)).arg(f.streamId).arg(f.length);
    t.offset = 0;
    t.length = 9 + len;
    add(t, "http2.length", QStringLiteral("Length: %1").arg(f.length), dec(f.length), 0, 3);
    add(t, "http2.type", QStringLiteral("Type: %1 (%2)").arg(QLatin1String(typeName)).arg(f.type), dec(f.type), 3, 1);
    F &flags = add(t, "http2.flags", QStringLiteral("Flags: %1").arg(hex2(f.flags)), hex2(f.flags), 4, 1);
    switch (f.type) {
    case 0:
        flagBit(flags, "http2.flags.padded", "Padded", f.flags, kHttp2FlagPadded);
        flagBit(flags, "http2.flags.end_stream", "End Stream", f.flags, kHttp2FlagEndStream);
        break;
    case 1:
        flagBit(flags, "http2.flags.priority", "Priority", f.flags, kHttp2FlagPriority);
        flagBit(flags, "http2.flags.padded", "Padded", f.flags, kHttp2FlagPadded);
        flagBit(flags, "http2.flags.eh", "End Headers", f.flags, kHttp2FlagEndHeaders);
        flagBit(flags, "http2.flags.end_stream", "End Stream", f.flags, kHttp2FlagEndStream);
        break;
    case 4:
        flagBit(flags, "http2.flags.ack.settings", "ACK", f.flags, kHttp2FlagAck);
        break;
    case 5:
        flagBit(flags, "http2.flags.padded", "Padded", f.flags, kHttp2FlagPadded);
        flagBit(flags, "http2.flags.eh", "End Headers", f.flags, kHttp2FlagEndHeaders);
        break;
    case 6:
        flagBit(flags, "http2.flags.ack.ping", "ACK", f.flags, kHttp2FlagAck);
        break;
    case 9:
        flagBit(flags, "http2.flags.eh", "End Headers", f.flags, kHttp2FlagEndHeaders);
        break;
    default:
        break;
    }
    add(t, "http2.r", QStringLiteral("Reserved: %1").arg(f.reservedBit ? 1 : 0), hex8(f.reservedBit ? 0x80000000u : 0), 5, 4);
    add(t, "http2.streamid", QStringLiteral("Stream Identifier: %1").arg(f.streamId), dec(f.streamId), 5, 4);

    // A header block in progress admits only CONTINUATION on the same stream (RFC 9113 6.10).
    if (d.blockOpen && (f.type != 9 || f.streamId != d.blockStream)) {
        malformed(t, f, QStringLiteral("header block on stream %1 not ended before a %2 frame").arg(d.blockStream).arg(QLatin1String(typeName)), 0, 9);
        d.blockOpen = false;
        d.block.clear();
        d.hpackBroken = true; // the unfinished block never reached the decoder: the table is now unknown
    }

    // Padding (DATA, HEADERS, PUSH_PROMISE): returns the payload range without padding, or false.
    int bodyOff = 9, bodyLen = len;
    auto padding = [&](const char *padAbbrev) -> bool {
        if (!(f.flags & kHttp2FlagPadded))
            return true;
        if (len < 1) {
            malformed(t, f, QStringLiteral("PADDED flag without a Pad Length byte"), 9, 0);
            return false;
        }
        f.padLength = p[0];
        add(t, "http2.padding", QStringLiteral("Pad Length: %1").arg(f.padLength), dec(f.padLength), 9, 1);
        if (int(f.padLength) > len - 1) {
            malformed(t, f, QStringLiteral("Pad Length %1 exceeds the payload").arg(f.padLength), 9, 1);
            return false;
        }
        bodyOff = 10;
        bodyLen = len - 1 - f.padLength;
        if (f.padLength)
            add(t, padAbbrev, QStringLiteral("Padding: %1").arg(bytesHex({p + 1 + bodyLen, f.padLength})),
                bytesHex({p + 1 + bodyLen, f.padLength}), 9 + len - f.padLength, f.padLength);
        return true;
    };
    auto needStream = [&](bool want) -> bool {
        if (want && f.streamId == 0) {
            malformed(t, f, QStringLiteral("%1 frame on stream 0").arg(QLatin1String(typeName)), 5, 4);
            return false;
        }
        if (!want && f.streamId != 0) {
            malformed(t, f, QStringLiteral("%1 frame on stream %2, must be stream 0").arg(QLatin1String(typeName)).arg(f.streamId), 5, 4);
            return false;
        }
        return true;
    };
    auto startBlock = [&](std::span<const std::uint8_t> fragment, const char *abbrev, int off) {
        add(t, abbrev, QStringLiteral("Header Block Fragment: %1").arg(bytesHex(fragment, 32)), bytesHex(fragment, 32), off,
            int(fragment.size()));
        d.blockOpen = true;
        d.blockStream = f.streamId;
        d.blockType = f.type;
        d.blockPromised = f.promisedStreamId;
        d.blockEndStream = (f.flags & kHttp2FlagEndStream) != 0;
        d.block.assign(fragment.begin(), fragment.end());
        if (f.flags & kHttp2FlagEndHeaders)
            finishBlock(dir, f);
    };

    switch (f.type) {
    case 0: // DATA
        if (needStream(true) && padding("http2.data.padding")) {
            f.dataBytes = std::uint32_t(bodyLen);
            add(t, "http2.data.data", QStringLiteral("Data: %1").arg(bytesHex({p + (bodyOff - 9), std::size_t(bodyLen)}, 32)),
                bytesHex({p + (bodyOff - 9), std::size_t(bodyLen)}, 32), bodyOff, bodyLen);
        }
        break;
    case 1: // HEADERS
        if (needStream(true) && padding("http2.headers.padding")) {
            if (f.flags & kHttp2FlagPriority) {
                if (bodyLen < 5) {
                    malformed(t, f, QStringLiteral("PRIORITY flag but only %1 bytes").arg(bodyLen), bodyOff, bodyLen);
                    break;
                }
                const std::uint8_t *q = h + bodyOff;
                f.hasPriority = true;
                f.exclusive = (q[0] & 0x80) != 0;
                f.streamDependency = be32(q) & 0x7fffffffu;
                f.weight = std::uint16_t(q[4]) + 1;
                add(t, "http2.exclusive", QStringLiteral("Exclusive: %1").arg(f.exclusive ? "True" : "False"),
                    f.exclusive ? QStringLiteral("1") : QStringLiteral("0"), bodyOff, 4);
                add(t, "http2.stream_dependency", QStringLiteral("Stream Dependency: %1").arg(f.streamDependency),
                    dec(f.streamDependency), bodyOff, 4);
                add(t, "http2.headers.weight", QStringLiteral("Weight: %1").arg(q[4]), dec(q[4]), bodyOff + 4, 1);
                add(t, "http2.headers.weight_real", QStringLiteral("Weight real: %1").arg(f.weight), dec(f.weight), bodyOff + 4, 1);
                bodyOff += 5;
                bodyLen -= 5;
            }
            startBlock({h + bodyOff, std::size_t(bodyLen)}, "http2.headers", bodyOff);
        }
        break;
    case 2: // PRIORITY
        if (needStream(true)) {
            if (len != 5) {
                malformed(t, f, QStringLiteral("PRIORITY frame of %1 bytes, must be 5").arg(len), 9, len);
                break;
            }
            f.hasPriority = true;
            f.exclusive = (p[0] & 0x80) != 0;
            f.streamDependency = be32(p) & 0x7fffffffu;
            f.weight = std::uint16_t(p[4]) + 1;
            add(t, "http2.exclusive", QStringLiteral("Exclusive: %1").arg(f.exclusive ? "True" : "False"),
                f.exclusive ? QStringLiteral("1") : QStringLiteral("0"), 9, 4);
            add(t, "http2.stream_dependency", QStringLiteral("Stream Dependency: %1").arg(f.streamDependency),
                dec(f.streamDependency), 9, 4);
            add(t, "http2.headers.weight", QStringLiteral("Weight: %1").arg(p[4]), dec(p[4]), 13, 1);
            add(t, "http2.headers.weight_real", QStringLiteral("Weight real: %1").arg(f.weight), dec(f.weight), 13, 1);
        }
        break;
    case 3: // RST_STREAM
        if (needStream(true)) {
            if (len != 4) {
                malformed(t, f, QStringLiteral("RST_STREAM frame of %1 bytes, must be 4").arg(len), 9, len);
                break;
            }
            f.errorCode = be32(p);
            add(t, "http2.rst_stream.error", QStringLiteral("Error: %1 (%2)").arg(QLatin1String(http2ErrorName(f.errorCode))).arg(f.errorCode),
                dec(f.errorCode), 9, 4);
        }
        break;
    case 4: // SETTINGS
        if (needStream(false)) {
            if (len % 6 != 0) {
                malformed(t, f, QStringLiteral("SETTINGS frame of %1 bytes, not a multiple of 6").arg(len), 9, len);
                break;
            }
            if ((f.flags & kHttp2FlagAck) && len != 0) {
                malformed(t, f, QStringLiteral("SETTINGS ACK with a payload"), 9, len);
                break;
            }
            for (int off = 0; off + 6 <= len; off += 6) {
                Http2Setting s{std::uint16_t((p[off] << 8) | p[off + 1]), be32(p + off + 2)};
                f.settings.push_back(s);
                F &st = add(t, "http2.settings", QStringLiteral("Settings - %1 : %2").arg(QLatin1String(http2SettingName(s.id))).arg(s.value),
                            QString(), 9 + off, 6);
                add(st, "http2.settings.id", QStringLiteral("Settings Identifier: %1 (%2)").arg(QLatin1String(http2SettingName(s.id))).arg(s.id),
                    dec(s.id), 9 + off, 2);
                static const char *const valueNames[] = {
                    "http2.settings.unknown", "http2.settings.header_table_size", "http2.settings.enable_push",
                    "http2.settings.max_concurrent_streams", "http2.settings.initial_window_size",
                    "http2.settings.max_frame_size", "http2.settings.max_header_list_size",
                    "http2.settings.unknown", "http2.settings.extended_connect"};
                const char *vabbrev = s.id < 9 ? valueNames[s.id] : "http2.settings.unknown";
                F &v = add(st, vabbrev, QStringLiteral("%1: %2").arg(QLatin1String(http2SettingName(s.id))).arg(s.value), dec(s.value),
                           9 + off + 2, 4);
                if (s.id == 5) {
                    if (s.value < kHttp2DefaultMaxFrameSize || s.value > kHttp2MaxFrameSizeLimit) {
                        v.malformed = true;
                        f.malformed = true;
                        f.error = QStringLiteral("SETTINGS_MAX_FRAME_SIZE %1 out of range").arg(s.value);
                    } else {
                        // This endpoint may now receive larger frames: the other direction's limit.
                        // (Strictly it applies once acknowledged; frames never overtake the SETTINGS.)
                        m_dir[1 - idx(dir)].maxFrameSize = s.value;
                    }
                }
                if (s.id == 2 && s.value > 1) {
                    v.malformed = true;
                    f.malformed = true;
                    f.error = QStringLiteral("SETTINGS_ENABLE_PUSH %1, must be 0 or 1").arg(s.value);
                }
            }
        }
        break;
    case 5: // PUSH_PROMISE
        if (needStream(true) && padding("http2.push_promise.padding")) {
            if (bodyLen < 4) {
                malformed(t, f, QStringLiteral("PUSH_PROMISE without a promised stream id"), bodyOff, bodyLen);
                d.hpackBroken = true; // a block we cannot decode may have changed the table
                break;
            }
            f.promisedStreamId = be32(h + bodyOff) & 0x7fffffffu;
            add(t, "http2.push_promise.r", QStringLiteral("Reserved: %1").arg((h[bodyOff] & 0x80) ? 1 : 0),
                hex8(h[bodyOff] & 0x80 ? 0x80000000u : 0), bodyOff, 4);
            add(t, "http2.push_promise.promised_stream_id", QStringLiteral("Promised-Stream-ID: %1").arg(f.promisedStreamId),
                dec(f.promisedStreamId), bodyOff, 4);
            startBlock({h + bodyOff + 4, std::size_t(bodyLen - 4)}, "http2.push_promise.header", bodyOff + 4);
        }
        break;
    case 6: // PING
        if (needStream(false)) {
            if (len != 8) {
                malformed(t, f, QStringLiteral("PING frame of %1 bytes, must be 8").arg(len), 9, len);
                break;
            }
            std::copy(p, p + 8, f.pingData.begin());
            const bool ack = f.flags & kHttp2FlagAck;
            add(t, ack ? "http2.pong" : "http2.ping", QStringLiteral("%1: %2").arg(ack ? "Pong" : "Ping", bytesHex({p, 8})),
                bytesHex({p, 8}), 9, 8);
        }
        break;
    case 7: // GOAWAY
        if (needStream(false)) {
            if (len < 8) {
                malformed(t, f, QStringLiteral("GOAWAY frame of %1 bytes, needs at least 8").arg(len), 9, len);
                break;
            }
            f.lastStreamId = be32(p) & 0x7fffffffu;
            f.errorCode = be32(p + 4);
            add(t, "http2.goway.r", QStringLiteral("Reserved: %1").arg((p[0] & 0x80) ? 1 : 0), hex8(p[0] & 0x80 ? 0x80000000u : 0), 9, 4);
            add(t, "http2.goaway.last_stream_id", QStringLiteral("Last-Stream-ID: %1").arg(f.lastStreamId), dec(f.lastStreamId), 9, 4);
            add(t, "http2.goaway.error", QStringLiteral("Error: %1 (%2)").arg(QLatin1String(http2ErrorName(f.errorCode))).arg(f.errorCode),
                dec(f.errorCode), 13, 4);
            if (len > 8) {
                f.debugData = QByteArray(reinterpret_cast<const char *>(p + 8), len - 8);
                add(t, "http2.goaway.addata", QStringLiteral("Additional Debug Data: %1").arg(bytesHex({p + 8, std::size_t(len - 8)})),
                    bytesHex({p + 8, std::size_t(len - 8)}), 17, len - 8);
            }
        }
        break;
    case 8: // WINDOW_UPDATE
        if (len != 4) {
            malformed(t, f, QStringLiteral("WINDOW_UPDATE frame of %1 bytes, must be 4").arg(len), 9, len);
            break;
        }
        f.windowSizeIncrement = be32(p) & 0x7fffffffu;
        add(t, "http2.window_update.r", QStringLiteral("Reserved: %1").arg((p[0] & 0x80) ? 1 : 0), hex8(p[0] & 0x80 ? 0x80000000u : 0), 9, 4);
        add(t, "http2.window_update.window_size_increment",
            QStringLiteral("Window Size Increment: %1").arg(f.windowSizeIncrement), dec(f.windowSizeIncrement), 9, 4);
        if (f.windowSizeIncrement == 0)
            malformed(t, f, QStringLiteral("WINDOW_UPDATE with an increment of 0"), 9, 4);
        break;
    case 9: // CONTINUATION
        if (!needStream(true))
            break;
        add(t, "http2.continuation.header", QStringLiteral("Continuation Header: %1").arg(bytesHex({p, std::size_t(len)}, 32)),
            bytesHex({p, std::size_t(len)}, 32), 9, len);
        if (!d.blockOpen || d.blockStream != f.streamId) {
            malformed(t, f, QStringLiteral("CONTINUATION without a preceding HEADERS or PUSH_PROMISE on stream %1").arg(f.streamId), 0, 9 + len);
            break;
        }
        if (d.block.size() + std::size_t(len) > m_maxBlockBytes) {
            malformed(t, f, QStringLiteral("header block larger than %1 bytes").arg(m_maxBlockBytes), 9, len);
            d.blockOpen = false;
            d.block.clear();
            d.hpackBroken = true;
            break;
        }
        d.block.insert(d.block.end(), p, p + len);
        if (f.flags & kHttp2FlagEndHeaders)
            finishBlock(dir, f);
        break;
    default:
        if (len > 0)
            add(t, "http2.unknown", QStringLiteral("Unknown: %1").arg(bytesHex({p, std::size_t(len)}, 32)), bytesHex({p, std::size_t(len)}, 32), 9, len);
        break;
    }
    if (f.malformed && f.error.isEmpty())
        f.error = QStringLiteral("malformed");
    // A HEADERS / PUSH_PROMISE whose block could not even be located never reached the decoder, but the
    // sender's encoder counted it: from here on this direction's dynamic table is unknown.
    if (f.malformed && (f.type == 1 || f.type == 5) && !f.headerBlock && !d.blockOpen)
        d.hpackBroken = true;
    m_frames.push_back(std::move(f));
    updateStream(dir, m_frames.back(), int(m_frames.size() - 1));
    return true;
}

Http2HeaderBlock Http2Dissector::inflate(Http2Direction dir, std::span<const std::uint8_t> block)
{
    Dir &d = m_dir[idx(dir)];
    Http2HeaderBlock out;
    out.compressedBytes = block.size();
    auto *inf = static_cast<nghttp2_hd_inflater *>(d.inflater.get());
    if (d.hpackBroken || !inf) {
        out.error = QStringLiteral("not decodable: an earlier HPACK error in this direction left the dynamic table unknown");
        return out;
    }
    const std::uint8_t *in = block.data();
    std::size_t left = block.size();
    // Each call consumes input or emits a header or ends the block; bound the loop anyway.
    for (std::size_t guard = 0; guard < 2 * block.size() + 16; ++guard) {
        nghttp2_nv nv;
        int flags = 0;
        const ssize_t rv = nghttp2_hd_inflate_hd2(inf, &nv, &flags, in, left, 1);
        if (rv < 0) {
            d.hpackBroken = true;
            out.error = QStringLiteral("HPACK error: %1").arg(QLatin1String(nghttp2_strerror(int(rv))));
            out.dynamicTableSize = nghttp2_hd_inflate_get_dynamic_table_size(inf);
            return out;
        }
        in += rv;
        left -= std::size_t(rv);
        if (flags & NGHTTP2_HD_INFLATE_EMIT) {
            const std::size_t n = nv.namelen + nv.valuelen;
            if (out.decodedBytes + n > m_maxHeaderBytes) {
                if (!out.truncated)
                    out.error = QStringLiteral("decoded headers exceed %1 bytes; the rest are not shown").arg(m_maxHeaderBytes);
                out.truncated = true;
            } else {
                out.headers.push_back({QByteArray(reinterpret_cast<const char *>(nv.name), int(nv.namelen)),
                                       QByteArray(reinterpret_cast<const char *>(nv.value), int(nv.valuelen))});
                out.decodedBytes += n;
            }
        }
        if (flags & NGHTTP2_HD_INFLATE_FINAL) {
            nghttp2_hd_inflate_end_headers(inf);
            out.decoded = true;
            break;
        }
        if (rv == 0 && left == 0 && !(flags & NGHTTP2_HD_INFLATE_EMIT))
            break;
    }
    if (!out.decoded) {
        d.hpackBroken = true;
        out.error = QStringLiteral("HPACK block did not end");
    }
    out.dynamicTableSize = nghttp2_hd_inflate_get_dynamic_table_size(inf);
    return out;
}

void Http2Dissector::finishBlock(Http2Direction dir, Http2Frame &frame)
{
    Dir &d = m_dir[idx(dir)];
    d.blockOpen = false;
    Http2HeaderBlock b = inflate(dir, d.block);
    d.block.clear();
    d.block.shrink_to_fit();
    F &t = frame.tree;
    add(t, "http2.header.length", QStringLiteral("[Header Length: %1]").arg(b.decodedBytes), dec(b.decodedBytes), 0, 0);
    add(t, "http2.header.count", QStringLiteral("[Header Count: %1]").arg(b.headers.size()), dec(b.headers.size()), 0, 0);
    for (const Http2Header &h : b.headers) {
        const QString name = QString::fromUtf8(h.name), value = QString::fromUtf8(h.value);
        F &hf = add(t, "http2.header", QStringLiteral("Header: %1: %2").arg(name, value), QString(), 0, 0);
        add(hf, "http2.header.name.length", QStringLiteral("Name Length: %1").arg(h.name.size()), dec(h.name.size()), 0, 0);
        add(hf, "http2.header.name", QStringLiteral("Name: %1").arg(name), name, 0, 0);
        add(hf, "http2.header.value.length", QStringLiteral("Value Length: %1").arg(h.value.size()), dec(h.value.size()), 0, 0);
        add(hf, "http2.header.value", QStringLiteral("Value: %1").arg(value), value, 0, 0);
        const QByteArray abbrev = headerFieldAbbrev(h.name);
        if (!abbrev.isEmpty()) {
            F &x = add(hf, "", QString(), QString(), 0, 0);
            x.abbrev = abbrev;
            x.label = QStringLiteral("%1: %2").arg(name, value);
            x.value = value;
        }
    }
    if (!b.decoded) {
        malformed(t, frame, b.error, 0, 0);
    } else if (b.truncated) {
        F &x = add(t, "http2.header_size_exceeded", QStringLiteral("[%1]").arg(b.error), QString(), 0, 0);
        x.malformed = true;
    }
    frame.headerBlock = std::move(b);
}

void Http2Dissector::updateStream(Http2Direction dir, const Http2Frame &f, int frameIndex)
{
    if (f.streamId == 0)
        return;
    const bool fromClient = dir == Http2Direction::ClientToServer;
    // Only frames that concern a stream create it; a stray WINDOW_UPDATE/RST on an unknown id still records.
    Http2Stream &s = m_streams[f.streamId];
    s.id = f.streamId;
    if (s.firstFrame < 0) {
        s.firstFrame = frameIndex;
        s.firstTimeNs = f.timeNs;
    }
    s.lastFrame = frameIndex;
    s.lastTimeNs = f.timeNs;
    if (f.malformed && !(f.type == 0 || f.type == 1 || f.type == 9 || f.type == 5))
        return;

    auto closeSide = [&](bool clientSide) {
        using S = Http2StreamState;
        if (clientSide) {
            s.requestComplete = true;
            s.state = (s.state == S::HalfClosedRemote || s.state == S::Closed) ? S::Closed : S::HalfClosedLocal;
        } else {
            s.responseComplete = true;
            s.state = (s.state == S::HalfClosedLocal || s.state == S::Closed) ? S::Closed : S::HalfClosedRemote;
        }
    };

    const bool endStream = (f.flags & kHttp2FlagEndStream) != 0;
    switch (f.type) {
    case 0:
        if (f.malformed)
            break;
        if (fromClient) {
            s.requestBodyBytes += f.dataBytes;
        } else {
            s.responseBodyBytes += f.dataBytes;
            if (s.responseFirstByteNs < 0)
                s.responseFirstByteNs = f.timeNs;
            s.responseLastByteNs = f.timeNs;
        }
        if (endStream)
            closeSide(fromClient);
        break;
    case 1:
    case 9: {
        if (f.type == 1 && s.state == Http2StreamState::Idle)
            s.state = Http2StreamState::Open;
        if (f.type == 1 && !fromClient && s.state == Http2StreamState::ReservedRemote)
            s.state = Http2StreamState::HalfClosedLocal;
        if (f.type == 1 && fromClient && s.requestTimeNs < 0)
            s.requestTimeNs = f.timeNs;
        if (f.type == 1 && !fromClient && s.responseFirstByteNs < 0)
            s.responseFirstByteNs = f.timeNs;
        if (!fromClient)
            s.responseLastByteNs = f.timeNs;
        const Dir &d = m_dir[idx(dir)];
        const bool blockEndStream = endStream;
        if (f.headerBlock) {
            if (d.blockType == 5) {
                // The last CONTINUATION of a PUSH_PROMISE: the headers belong to the promised stream.
                Http2Stream &ps = m_streams[d.blockPromised];
                ps.id = d.blockPromised;
                ps.requestHeaders = f.headerBlock->headers;
                ps.method = f.headerBlock->value(":method");
                ps.path = f.headerBlock->value(":path");
                ps.authority = f.headerBlock->value(":authority");
                break;
            }
            if (fromClient) {
                s.requestHeaders = f.headerBlock->headers;
                s.method = f.headerBlock->value(":method");
                s.path = f.headerBlock->value(":path");
                s.authority = f.headerBlock->value(":authority");
            } else if (s.status == 0) {
                s.responseHeaders = f.headerBlock->headers;
                s.status = f.headerBlock->value(":status").toInt();
                if (s.status >= 100 && s.status < 200)
                    s.status = 0; // interim response: the final one comes later
            } else {
                s.trailers = f.headerBlock->headers;
            }
        }
        if (f.type == 1 && blockEndStream)
            closeSide(fromClient);
        break;
    }
    case 3:
        s.reset = true;
        s.resetError = f.errorCode;
        s.state = Http2StreamState::Closed;
        break;
    case 5: {
        Http2Stream &ps = m_streams[f.promisedStreamId];
        ps.id = f.promisedStreamId;
        ps.pushed = true;
        ps.promisedOn = f.streamId;
        ps.state = Http2StreamState::ReservedRemote;
        ps.firstFrame = ps.firstFrame < 0 ? frameIndex : ps.firstFrame;
        ps.firstTimeNs = ps.firstFrame == frameIndex ? f.timeNs : ps.firstTimeNs;
        if (f.headerBlock) {
            ps.requestHeaders = f.headerBlock->headers;
            ps.method = f.headerBlock->value(":method");
            ps.path = f.headerBlock->value(":path");
            ps.authority = f.headerBlock->value(":authority");
        }
        break;
    }
    default:
        break;
    }
}

} // namespace wirelab
