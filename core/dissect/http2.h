// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// HTTP/2 (RFC 9113) over the two reassembled byte streams of one TCP conversation.
//
// Http2Dissector is fed in capture order: each call hands over the next bytes of one direction (client ->
// server or server -> client) together with the capture time of the segment that carried them. It parses
// the client's connection preface, then frames: the 9-byte header and every frame type's payload. Header
// blocks (HEADERS / PUSH_PROMISE plus CONTINUATION) are decoded with nghttp2's HPACK inflater, one per
// direction, fed in order. Nothing in the input is trusted: a length that does not fit gives a field marked
// malformed ("_ws.malformed") and a frame marked malformed; bytes that are not complete yet wait ("need
// more"). After an HPACK error the direction's dynamic table is unknown, so its later header blocks are
// marked undecodable instead of being guessed.
//
// Field names follow Wireshark's http2 dissector (tshark 4.0: http2.magic, http2.length, http2.type,
// http2.flags, http2.flags.end_stream, http2.flags.eh, http2.streamid, http2.settings.id, ...). Byte ranges
// in a frame's tree are relative to the frame's first byte; Http2Frame::streamOffset says where that byte
// lies in its direction's stream (0 = first byte the client sent, the preface included).

#include "dissect/dissect.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace wirelab {

enum class Http2Direction : std::uint8_t { ClientToServer = 0, ServerToClient = 1 };

enum class Http2FrameType : std::uint8_t {
    Data = 0, Headers = 1, Priority = 2, RstStream = 3, Settings = 4,
    PushPromise = 5, Ping = 6, Goaway = 7, WindowUpdate = 8, Continuation = 9,
};
const char *http2FrameTypeName(std::uint8_t type); // "DATA", "HEADERS", ..., "Unknown"
const char *http2ErrorName(std::uint32_t code);     // "NO_ERROR", "PROTOCOL_ERROR", ..., "Unknown"
const char *http2SettingName(std::uint16_t id);     // "SETTINGS_MAX_FRAME_SIZE", ..., "Unknown"

inline constexpr std::uint8_t kHttp2FlagEndStream = 0x01;
inline constexpr std::uint8_t kHttp2FlagAck = 0x01;
inline constexpr std::uint8_t kHttp2FlagEndHeaders = 0x04;
inline constexpr std::uint8_t kHttp2FlagPadded = 0x08;
inline constexpr std::uint8_t kHttp2FlagPriority = 0x20;
inline constexpr std::uint32_t kHttp2MaxFrameSizeLimit = (1u << 24) - 1;
inline constexpr std::uint32_t kHttp2DefaultMaxFrameSize = 16384;
// "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
inline constexpr std::size_t kHttp2PrefaceLength = 24;
extern const char kHttp2Preface[25];

struct Http2Header
{
    QByteArray name, value;
    bool operator==(const Http2Header &o) const = default;
};

// One decoded header block (HEADERS or PUSH_PROMISE and its CONTINUATIONs).
struct Http2HeaderBlock
{
    std::vector<Http2Header> headers;
    std::size_t compressedBytes = 0;   // HPACK bytes of the block (fragments only: no padding, priority, ids)
    std::size_t decodedBytes = 0;      // sum of name + value lengths of the decoded headers
    std::size_t dynamicTableSize = 0;  // the direction's HPACK dynamic table size (RFC 7541 4.1) after it
    bool decoded = false;              // false: HPACK error now or earlier in this direction
    bool truncated = false;            // the decoded header bytes passed the cap; the rest were dropped
    QString error;                     // why not decoded / truncated; empty when fine
    QByteArray value(const QByteArray &name) const; // first header with that name, or empty
};

struct Http2Setting
{
    std::uint16_t id = 0;
    std::uint32_t value = 0;
};

struct Http2Frame
{
    Http2Direction direction = Http2Direction::ClientToServer;
    std::uint64_t streamOffset = 0; // of the 9-byte header in the direction's byte stream
    std::int64_t timeNs = 0;        // time of the feed() that completed the frame
    std::uint32_t length = 0;       // payload length from the header
    std::uint8_t type = 0;
    std::uint8_t flags = 0;
    std::uint32_t streamId = 0;
    bool reservedBit = false;
    bool malformed = false;
    QString error; // why malformed

    // Type specific (valid when the type carries them)
    std::uint8_t padLength = 0;
    std::uint32_t dataBytes = 0;            // DATA: payload without padding
    bool hasPriority = false;               // HEADERS with PRIORITY flag, or PRIORITY
    bool exclusive = false;
    std::uint32_t streamDependency = 0;
    std::uint16_t weight = 0;               // 1..256 (wire value + 1)
    std::uint32_t errorCode = 0;            // RST_STREAM, GOAWAY
    std::vector<Http2Setting> settings;     // SETTINGS
    std::uint32_t promisedStreamId = 0;     // PUSH_PROMISE
    std::array<std::uint8_t, 8> pingData{}; // PING
    std::uint32_t lastStreamId = 0;         // GOAWAY
    QByteArray debugData;                   // GOAWAY
    std::uint32_t windowSizeIncrement = 0;  // WINDOW_UPDATE
    // The header block this frame completed (HEADERS/PUSH_PROMISE with END_HEADERS, or the last CONTINUATION).
    std::optional<Http2HeaderBlock> headerBlock;

    ProtoField tree; // "Stream: HEADERS, Stream ID: 1, Length 31" with abbrev "http2.stream"
    bool isPreface = false; // the connection preface, as its own pseudo-frame (tree: http2.magic)
};

enum class Http2StreamState : std::uint8_t { Idle, ReservedLocal, ReservedRemote, Open, HalfClosedLocal, HalfClosedRemote, Closed };
const char *http2StreamStateName(Http2StreamState s); // "idle", "open", "half-closed (remote)", ...

// Per stream, from the client's point of view ("local" = client).
struct Http2Stream
{
    std::uint32_t id = 0;
    Http2StreamState state = Http2StreamState::Idle;
    bool pushed = false;                  // opened by a PUSH_PROMISE
    std::uint32_t promisedOn = 0;         // the stream that carried the PUSH_PROMISE
    std::vector<Http2Header> requestHeaders;  // HEADERS from the client (or the PUSH_PROMISE's request)
    std::vector<Http2Header> responseHeaders; // first HEADERS from the server
    std::vector<Http2Header> trailers;        // later HEADERS from the server
    QByteArray method, path, authority;
    int status = 0;                        // :status, 0 until the response headers arrived
    std::uint64_t requestBodyBytes = 0, responseBodyBytes = 0; // DATA without padding
    bool requestComplete = false, responseComplete = false;    // END_STREAM seen in that direction
    bool reset = false;
    std::uint32_t resetError = 0;
    int firstFrame = -1, lastFrame = -1;   // indexes into Http2Dissector::frames()
    std::int64_t firstTimeNs = 0, lastTimeNs = 0;
    std::int64_t requestTimeNs = -1, responseFirstByteNs = -1, responseLastByteNs = -1;
};

class Http2Dissector final
{
public:
    // maxHeaderBytesPerBlock caps the decoded name + value bytes kept per header block (header list flood);
    // maxBlockBytes caps the compressed bytes of one header block collected over CONTINUATIONs.
    explicit Http2Dissector(std::size_t maxHeaderBytesPerBlock = 64 * 1024,
                            std::size_t maxBlockBytes = 1024 * 1024);
    ~Http2Dissector();
    Http2Dissector(const Http2Dissector &) = delete;
    Http2Dissector &operator=(const Http2Dissector &) = delete;

    // The next bytes of one direction. Frames completed by them are appended to frames().
    // Returns the number of frames appended.
    int feed(Http2Direction dir, std::span<const std::uint8_t> bytes, std::int64_t timeNs);

    const std::vector<Http2Frame> &frames() const { return m_frames; }
    const std::map<std::uint32_t, Http2Stream> &streams() const { return m_streams; }
    const Http2Stream *stream(std::uint32_t id) const;

    bool prefaceSeen() const { return m_prefaceSeen; }
    // Set when a direction cannot be parsed further (no preface, oversized frame, ...); later bytes of that
    // direction are counted but not parsed.
    bool failed(Http2Direction dir) const { return !m_dir[idx(dir)].error.isEmpty(); }
    QString error(Http2Direction dir) const { return m_dir[idx(dir)].error; }
    bool hpackFailed(Http2Direction dir) const { return m_dir[idx(dir)].hpackBroken; }
    std::uint64_t bytesSeen(Http2Direction dir) const { return m_dir[idx(dir)].seen; }
    std::size_t bufferedBytes(Http2Direction dir) const { return m_dir[idx(dir)].buffer.size(); }
    // The max frame size the receiver of dir announced (default 16384).
    std::uint32_t maxFrameSize(Http2Direction dir) const { return m_dir[idx(dir)].maxFrameSize; }

private:
    struct Dir
    {
        std::vector<std::uint8_t> buffer; // unparsed bytes
        std::uint64_t seen = 0;           // bytes fed so far
        std::uint64_t consumed = 0;       // stream offset of buffer[0]
        QString error;
        bool hpackBroken = false;
        std::uint32_t maxFrameSize = kHttp2DefaultMaxFrameSize; // limit on frames sent in this direction
        std::shared_ptr<void> inflater;   // nghttp2_hd_inflater
        // A header block in progress (HEADERS/PUSH_PROMISE without END_HEADERS)
        bool blockOpen = false;
        std::uint32_t blockStream = 0;
        std::uint8_t blockType = 0;
        std::uint32_t blockPromised = 0;
        bool blockEndStream = false;
        std::vector<std::uint8_t> block;
    };
    static int idx(Http2Direction d) { return d == Http2Direction::ClientToServer ? 0 : 1; }
    bool parseFrame(Http2Direction dir, std::span<const std::uint8_t> bytes, std::int64_t timeNs);
    void finishBlock(Http2Direction dir, Http2Frame &frame);
    void updateStream(Http2Direction dir, const Http2Frame &frame, int frameIndex);
    Http2HeaderBlock inflate(Http2Direction dir, std::span<const std::uint8_t> block);

    std::size_t m_maxHeaderBytes;
    std::size_t m_maxBlockBytes;
    bool m_prefaceSeen = false;
    std::array<Dir, 2> m_dir;
    std::vector<Http2Frame> m_frames;
    std::map<std::uint32_t, Http2Stream> m_streams;
};

} // namespace wirelab
