// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one HTTP analysis of a capture: what the HTTP lab's checkpoints, the waterfall, the header-bytes
// chart, the ladder's labels, Follow TCP Stream, the packet list's Protocol/Info columns and the details
// tree all read. It parses nothing itself; it composes the fuzzed dissectors:
//
//   TcpStreamReassembler     one, over every TCP conversation (core/dissect/tcpstream.h)
//   Http1ConnectionDissector one, over those streams (core/dissect/http1.h)
//   Http2Dissector           one per conversation whose client stream begins with the h2 preface, fed
//                            from the reassembled streams in capture order with each chunk's time, so the
//                            HPACK dynamic tables grow as they did on the wire (core/dissect/http2.h)
//
// and derives from them the request/response pairs (HttpExchange), the connections that carried HTTP,
// and per frame: a short label ("GET /about", "200 OK", "HEADERS s=3, DATA s=1"), the HTTP/2 stream ids,
// the exchange it belongs to, the protocol ("HTTP", "HTTP2" or empty) and a tshark-like Info text, and
// the details subtrees (http1Tree, the Http2Frame trees).
//
// "Arrived": a byte arrives when everything before it in its direction has arrived too (what the
// receiving application can read), so bytes behind a lost segment arrive with its retransmission and
// head-of-line blocking at the transport shows in the times. Packets that the lab network recorded but
// never delivered (its packet comments say so) are not fed: their bytes did not reach the receiver.
//
// Incremental: feed() takes the packets appended since the last call; derive() rebuilds the derived
// tables when anything changed (the GUI throttles it). Bounded like the dissectors it composes.

#include "dissect/dissect.h"
#include "dissect/http1.h"
#include "dissect/tcpstream.h"

#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace wirelab {

class CaptureSession;
class Http2Dissector;
class PacketStore;
class TcpConversationTracker;

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

    // Capture nanoseconds (as PacketView::timeNs); -1 when not seen.
    std::int64_t requestSentNs = -1;   // the frame carrying the request's first byte
    std::int64_t requestDoneNs = -1;   // the request's last byte arrived
    std::int64_t firstByteNs = -1;     // the response's first byte arrived (in order)
    std::int64_t lastByteNs = -1;      // the response's last byte arrived (in order; so far, if incomplete)

    std::uint64_t responseBytes = 0;   // body bytes (HTTP/1.x after de-chunking; h2 DATA payload)
    std::uint64_t responseWireBytes = 0; // everything of the response on the wire (status/headers/framing too)
    int chunkCount = 0;                // HTTP/1.1 chunked bodies: chunks (without the final 0-chunk)
    std::vector<std::int64_t> chunkTimesNs; // when each chunk's last byte arrived
    QString transferEncoding;          // http.transfer_encoding ("chunked"), empty when none
    std::int64_t contentLength = -1;   // http.content_length, -1 when absent

    // The request's header block on the wire: the raw start line and header lines (HTTP/1.x) or the
    // HPACK-compressed block (h2); and as text, "name: value\r\n" per field (h2), the same raw block for
    // HTTP/1.x. What the header-bytes chart compares.
    std::uint64_t requestHeaderWireBytes = 0;
    std::uint64_t requestHeaderTextBytes = 0;
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

// A TCP conversation that carried HTTP.
struct HttpConnection
{
    std::uint32_t conversation = 0; // tcp.stream
    bool http2 = false;             // began with the h2 preface
    std::uint32_t firstFrame = 0;   // its first packet
    std::uint32_t synFrame = 0;     // the client's SYN; 0 when not captured
    std::int64_t firstNs = -1, synNs = -1;
};

class HttpAnalysis final
{
public:
    HttpAnalysis();
    ~HttpAnalysis();
    HttpAnalysis(const HttpAnalysis &) = delete;
    HttpAnalysis &operator=(const HttpAnalysis &) = delete;

    // Feeds the packets of store appended since the last call (the tracker must have seen them, as
    // CaptureSession's has). Cheap per packet. Returns whether any stream grew. A store that shrank
    // (a new capture) starts the analysis over.
    bool feed(const PacketStore &store, const TcpConversationTracker &tracker);
    bool feed(const CaptureSession &session);
    // Rebuilds the derived tables (exchanges, connections, per-frame data) when something was fed since
    // the last derive(); returns whether it did.
    bool derive();
    // feed() then derive().
    bool update(const PacketStore &store, const TcpConversationTracker &tracker);
    bool update(const CaptureSession &session);
    void clear();

    // Grows whenever derive() rebuilt the tables.
    std::uint64_t generation() const { return m_generation; }
    // Whether packets were fed that derive() has not looked at yet.
    bool derivePending() const { return m_dirty; }
    std::size_t packetsFed() const { return m_fed; }

    // Every exchange, in order of the request's first byte (capture time; ties by conversation).
    const std::vector<HttpExchange> &exchanges() const { return m_exchanges; }
    // The conversations that carried HTTP, in order of their first packet.
    const std::vector<HttpConnection> &connections() const { return m_connections; }
    // Index into connections() of a conversation; -1 when it carried no HTTP.
    int connectionOf(std::uint32_t conversation) const;

    // Per frame (1-based frame numbers, as PacketView::number). What HTTP the frame starts: "GET /about",
    // "200 OK", "Magic, SETTINGS s=0, HEADERS s=1"; empty when none.
    QString packetLabel(std::uint32_t frame) const;
    // HTTP/2 stream ids (not 0) of the frames whose first byte is in this frame.
    std::vector<std::uint32_t> packetStreams(std::uint32_t frame) const;
    // The exchange (index into exchanges()) whose request or response has bytes in this frame; -1 when none.
    int exchangeOfFrame(std::uint32_t frame) const;
    // "HTTP" when an HTTP/1.x message ends in this frame, "HTTP2" when an HTTP/2 frame (or the preface)
    // does, as tshark's Protocol column after reassembly; empty otherwise.
    QString packetProtocol(std::uint32_t frame) const;
    // tshark-like Info for those frames: "GET /about HTTP/1.1", "HTTP/1.1 200 OK  (text/html)",
    // "Magic, SETTINGS[0]", "HEADERS[1]: GET /about", "HEADERS[1]: 200 OK, DATA[1]"; empty otherwise.
    QString packetInfo(std::uint32_t frame) const;

    // The details subtrees of a frame: one http1Tree per HTTP/1.x message with bytes in it, and the tree
    // of each HTTP/2 frame whose first byte is in it, with byte ranges moved to the frame (frameLength:
    // the captured length, to clip ranges that continue in later frames).
    struct FrameLayers
    {
        std::vector<ProtoField> http1;
        std::vector<ProtoField> http2Frames;
    };
    FrameLayers layers(std::uint32_t frame, std::size_t frameLength) const;

    // The reassembled streams and the dissectors, for views that need more (Follow TCP Stream).
    const TcpStreamReassembler &streams() const { return m_streams; }
    const Http1ConnectionDissector &http1() const { return m_http1; }
    // The conversation's HTTP/2 dissector; nullptr when it did not begin with the preface.
    const Http2Dissector *http2(std::uint32_t conversation) const;
    // The tcp.stream of a frame that carried TCP payload into the streams; -1 otherwise.
    std::int64_t conversationOfFrame(std::uint32_t frame) const;
    // When the byte at offset of a direction became readable in order (see the file comment); -1 when
    // that byte is not in the stream.
    std::int64_t arrivedAt(std::uint32_t conversation, bool fromClient, std::uint64_t offset) const;

private:
    struct H2Conversation;
    struct FrameInfo
    {
        QString label, protocol, info;
        std::vector<std::uint32_t> streams;
        int exchange = -1;
    };
    void feedHttp2(std::uint32_t conversation);
    void extendArrival();
    void deriveHttp1();
    void deriveHttp2(std::uint32_t conversation, const Http2Dissector &h2);
    FrameInfo &frameInfo(std::uint32_t frame) { return m_frames[frame]; }
    void addLabel(std::uint32_t frame, const QString &label);
    void addInfo(std::uint32_t frame, const QString &protocol, const QString &info);
    void markExchange(std::uint32_t frame, int exchange);

    TcpStreamReassembler m_streams;
    Http1ConnectionDissector m_http1;
    std::map<std::uint32_t, std::unique_ptr<H2Conversation>> m_http2; // by conversation
    std::map<std::pair<std::uint32_t, bool>, std::vector<std::int64_t>> m_arrived; // per chunk, prefix max
    struct ConversationInfo
    {
        std::uint32_t firstFrame = 0, synFrame = 0;
        std::int64_t firstNs = -1, synNs = -1;
        std::uint16_t clientPort = 0, serverPort = 0;
    };
    std::map<std::uint32_t, ConversationInfo> m_conversationInfo;
    // HTTP/1.x: (conversation, indexOnConnection) -> the response's index in m_http1.messages()
    std::map<std::pair<std::uint32_t, int>, int> m_http1Response;
    std::vector<std::uint32_t> m_frameConversation; // by frame - 1; UINT32_MAX when none
    std::size_t m_fed = 0;
    bool m_dirty = false;
    std::uint64_t m_generation = 0;

    std::vector<HttpExchange> m_exchanges;
    std::vector<HttpConnection> m_connections;
    std::unordered_map<std::uint32_t, FrameInfo> m_frames;
};

// Whether a packet comment is the lab network's note that it recorded the packet but never delivered it
// (core/labnet/wire.cpp, context "Wire"; compared as written and as translated, up to the first argument).
bool isNotDeliveredComment(const QString &comment);

} // namespace wirelab
