// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Request/response pairs of HTTP/1.0, HTTP/1.1 and HTTP/2 (h2c, prior knowledge) found in a capture:
// what the HTTP lab's checkpoints, the ladder and the waterfall read. Built from the captured packets
// only (the TCP tracker's conversations and relative sequence numbers, the bytes of each segment),
// never from the lab's internal state.
//
// Each TCP conversation's two directions are reassembled in sequence order. A byte counts as "arrived"
// when everything before it has arrived too (what the receiving application can read), so bytes behind a
// lost segment arrive with its retransmission: head-of-line blocking at the transport shows in the
// times. HTTP/1.x responses pair with requests in order on their connection; HTTP/2 pairs by stream id,
// with header blocks decoded by nghttp2's HPACK inflater (one per direction, so the dynamic table grows
// as on the wire). Malformed or truncated input ends the parse of that direction (the exchanges found
// so far stay, the rest are marked incomplete), never a crash and never a guess.

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace wirelab {

class CaptureSession;

struct HttpExchange
{
    QString protocol;                  // "HTTP/1.0", "HTTP/1.1" or "h2"
    std::uint32_t conversation = 0;    // tcp.stream: index into TcpConversationTracker::conversations()
    std::uint16_t clientPort = 0, serverPort = 0;
    std::uint32_t streamId = 0;        // http2.streamid (h2 only; 0 for HTTP/1.x)
    int indexOnConnection = 0;         // 0-based: the n-th request on its connection
    QString method, uri, host;         // http.request.method, http.request.uri, http.host (:authority in h2)
    int status = 0;                    // http.response.code; 0 while no response was seen
    bool complete = false;             // the whole response (its last byte) was seen

    std::vector<std::uint32_t> requestFrames; // frames carrying bytes of the request (headers and body)
    std::uint32_t responseFirstFrame = 0, responseLastFrame = 0;

    // Run-clock nanoseconds (as PacketView::timeNs); -1 when not seen.
    std::int64_t requestSentNs = -1;   // the frame carrying the request's first byte
    std::int64_t requestDoneNs = -1;   // the request's last byte arrived
    std::int64_t firstByteNs = -1;     // the response's first byte arrived (in order)
    std::int64_t lastByteNs = -1;      // the response's last byte arrived (in order)

    std::uint64_t responseBytes = 0;   // body bytes (HTTP/1.x after de-chunking; h2 DATA payload)
    std::uint64_t responseWireBytes = 0; // everything of the response on the wire (status/headers/framing too)
    int chunkCount = 0;                // HTTP/1.1 chunked bodies: chunks (without the final 0-chunk)
    std::vector<std::int64_t> chunkTimesNs; // when each chunk's last byte arrived
    QString transferEncoding;          // http.transfer_encoding ("chunked"), empty when none
    std::int64_t contentLength = -1;   // http.content_length, -1 when absent

    // HTTP/2: the request's header block as sent (HPACK, compressed) and decoded (name + value + 32 per
    // field, as RFC 7541 counts a table entry).
    int requestHeaderBytesCompressed = 0;
    int requestHeaderBytesDecoded = 0;
    int responseHeaderBytesCompressed = 0;
    // HTTP/2: frames of each type (index: http2.type 0..9, DATA .. CONTINUATION) on this exchange's whole
    // connection, both directions; all zero for HTTP/1.x.
    std::array<int, 10> connectionFrameTypes{};

    // HTTP/1.1: the previous response on the same connection was still arriving after this request was
    // sent (the request was pipelined behind it). pipelinedBehind: index into the result vector, -1 if not.
    bool pipelined = false;
    int pipelinedBehind = -1;
    // The response's first byte arrived only after the previous response's last byte (head-of-line).
    bool waitedForPrevious = false;
};

// Every exchange in capture order of the request's first byte.
std::vector<HttpExchange> httpExchanges(const CaptureSession &session);

// Figures for a set of exchanges (one protocol run: the exchanges whose requests were sent in a time
// window), as the lab compares them side by side.
struct HttpRunFigures
{
    int exchanges = 0, completed = 0;
    int connections = 0;               // distinct TCP conversations carrying them
    int handshakes = 0;                // of those, how many began with a SYN seen in the capture
    int maxOnOneConnection = 0;        // the most responses one connection carried
    std::int64_t firstRequestNs = -1;  // the first SYN of those connections, or the first request
    std::int64_t lastByteNs = -1;
    std::int64_t totalNs() const { return firstRequestNs < 0 || lastByteNs < 0 ? -1 : lastByteNs - firstRequestNs; }
};
HttpRunFigures httpRunFigures(const CaptureSession &session, const std::vector<HttpExchange> &all,
                              std::int64_t fromNs, std::int64_t toNs, const QString &protocol = {});

} // namespace wirelab
