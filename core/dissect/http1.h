// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// HTTP/1.x dissection over reassembled TCP streams (core/dissect/tcpstream.h).
//
// parseHttp1Message() is the pure parser: one message from the start of a byte span, "need more" when the
// span ends inside it, malformed when it breaks the grammar or a limit. Http1ConnectionDissector runs it
// over both directions of a conversation, pairs each response with its request (a response to HEAD,
// 1xx, 204 and 304 have no body) and keeps going as the streams grow.
//
// Ranges in Http1Message are offsets into the direction's TcpStream::data ("stream offsets"). The
// ProtoField tree from http1Tree() uses frame offsets where a field's bytes lie in the frame being shown
// (TcpStream::chunks maps them); fields outside that frame get offset 0, length 0 (nothing to highlight).
//
// Limits (never trust the input): a start or header line longer than kMaxLineBytes, more than kMaxHeaders
// header lines, a chunk size with more than 16 hex digits, more than kMaxChunks chunks, a bad or
// conflicting Content-Length: the message is marked malformed with a note and parsing of that direction
// stops there. A body larger than what the stream holds is simply incomplete.

#include "dissect.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace wirelab {

struct TcpStream;
class TcpStreamReassembler;

struct Http1Range
{
    std::uint64_t offset = 0; // stream offset
    std::uint64_t length = 0;
    std::uint64_t end() const { return offset + length; }
    bool operator==(const Http1Range &o) const = default;
};

struct Http1Header
{
    QByteArray name;  // as sent
    QByteArray value; // leading/trailing whitespace stripped
    Http1Range line;  // the whole line including its CRLF
    Http1Range nameRange, valueRange;
};

struct Http1Chunk
{
    std::uint64_t size = 0;
    Http1Range sizeLine; // "1a;ext=x\r\n"
    Http1Range data;     // the chunk's data (without its trailing CRLF)
};

struct Http1Message
{
    enum class BodyKind : std::uint8_t { None, ContentLength, Chunked, UntilClose };

    bool isRequest = true;
    QByteArray method, uri;   // requests
    QByteArray version;       // "HTTP/1.1"
    int status = 0;           // responses
    QByteArray reason;
    std::vector<Http1Header> headers;
    std::vector<Http1Header> trailers; // after a chunked body

    Http1Range message;     // everything: start line, headers, blank line, body (with chunk framing)
    Http1Range startLine;   // including CRLF
    Http1Range headerBlock; // start line through the blank line
    Http1Range body;        // after the blank line, with chunk framing and trailers
    std::vector<Http1Range> bodyData; // the content bytes (one range, or one per chunk)
    std::vector<Http1Chunk> chunks;

    BodyKind bodyKind = BodyKind::None;
    std::int64_t contentLength = -1;
    bool chunked = false;
    int chunkCount = 0;          // data chunks (the last zero-size chunk not counted)
    std::uint64_t bodyBytes = 0; // content bytes received so far (decoded for chunked)
    bool complete = false;
    bool malformed = false;
    QStringList notes;           // why malformed, or other remarks (English, like the tree's labels)

    // Filled by Http1ConnectionDissector (0 / -1 when unknown).
    std::uint32_t conversation = 0;
    bool fromClient = true;
    std::uint32_t firstFrame = 0, lastFrame = 0;
    std::int64_t firstByteNs = -1, lastByteNs = -1;
    int pairedIndex = -1;        // response <-> request, index in Http1ConnectionDissector::messages()

    // The first header with that name (case-insensitive); empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
};

struct Http1ParseContext
{
    bool isRequest = true;
    QByteArray requestMethod; // responses: the request's method ("HEAD" and "CONNECT" change the body)
    bool streamClosed = false; // the sender closed: a body "until close" ends at the span's end
};

enum class Http1ParseStatus : std::uint8_t { Complete, NeedMore, Malformed };

inline constexpr std::size_t kHttp1MaxLineBytes = 64 * 1024;
inline constexpr std::size_t kHttp1MaxHeaders = 1000;
inline constexpr std::size_t kHttp1MaxChunks = 1000000;
// Http1ConnectionDissector stops a direction (with a note on its last message) after this many messages.
inline constexpr std::size_t kHttp1MaxMessagesPerDirection = 100000;

// Parses one message at the start of bytes; ranges are offset by baseOffset. On Complete, *consumed is the
// message's length. On NeedMore, out holds what was parsed so far (complete == false). On Malformed,
// out.malformed is set with a note.
Http1ParseStatus parseHttp1Message(std::span<const std::uint8_t> bytes, std::uint64_t baseOffset,
                                   const Http1ParseContext &context, Http1Message &out,
                                   std::size_t *consumed);

// True when bytes begin like an HTTP/1.x request or response ("GET ", "HTTP/1.").
bool looksLikeHttp1(std::span<const std::uint8_t> bytes, bool *isRequest = nullptr);

// All messages of all conversations that look like HTTP/1.x, kept up to date as streams grow.
class Http1ConnectionDissector final
{
public:
    // Parses what is new in the reassembler's streams. Conversations whose client stream does not start
    // like an HTTP/1.x request are skipped (they may be HTTP/2 or something else).
    void update(const TcpStreamReassembler &streams);
    void clear();

    // Requests and responses in the order they were parsed (per conversation: requests and responses
    // interleave; use pairedIndex). A message that is still incomplete at the end of a stream is listed
    // with complete == false and replaced when more bytes arrive.
    const std::vector<Http1Message> &messages() const { return m_messages; }
    // Indexes of the conversation's messages whose frame range (firstFrame..lastFrame) includes frame.
    std::vector<int> messagesInFrame(std::uint32_t conversation, std::uint32_t frame) const;
    // Exact: the conversation's messages with at least one byte in frame (by the streams' frame maps).
    std::vector<int> messagesInFrame(const TcpStreamReassembler &streams, std::uint32_t conversation,
                                     std::uint32_t frame) const;
    std::uint64_t generation() const { return m_generation; }

private:
    struct DirState
    {
        std::uint64_t parsedUpTo = 0;  // stream offset after the last complete message
        std::uint64_t seenGeneration = ~std::uint64_t(0);
        std::vector<int> done;         // indexes of complete messages
        int pending = -1;              // index of the incomplete message at the end, or -1
        bool stopped = false;          // malformed or not HTTP/1.x
        bool decided = false;
    };
    struct ConvState
    {
        DirState client, server;
        std::vector<int> requests; // message indexes, in order
        std::size_t responsesMatched = 0;
    };
    void parseDirection(const TcpStream &stream, ConvState &conv, DirState &dir);

    std::vector<Http1Message> m_messages;
    std::vector<ConvState> m_conversations; // by conversation index
    std::uint64_t m_generation = 0;
};

// The details subtree of one message ("Hypertext Transfer Protocol") with Wireshark's field names:
// http.request.method, http.request.uri, http.request.version, http.response.version, http.response.code,
// http.response.phrase, http.host, http.content_length_header, http.content_length, http.transfer_encoding,
// http.connection, http.user_agent, http.content_type, http.server, http.request.line / http.response.line
// (each header line), http.chunk_size, http.chunk_data, http.file_data. Offsets are relative to `frame`
// where the bytes lie in that frame (see the file comment); stream may be null (offsets then stay 0).
ProtoField http1Tree(const Http1Message &message, const TcpStream *stream, std::uint32_t frame);

} // namespace wirelab
