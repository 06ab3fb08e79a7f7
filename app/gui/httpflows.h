// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP traffic of a capture as the shell's views need it: each TCP conversation's byte streams put
// back in order (by the TCP tracker's relative sequence numbers), the HTTP/1.x requests and responses
// and the HTTP/2 frames in them (HPACK decoded with nghttp2's inflater), each tied to the packets that
// carried its first and last byte. Fed incrementally from the session; the parse over the reassembled
// streams runs on demand (the views throttle it).

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace wirelab {

class CaptureSession;

enum class HttpVersion : std::uint8_t
{
    Http10,
    Http11,
    Http2
};

// One request and its response.
struct HttpExchangeRow
{
    HttpVersion version = HttpVersion::Http11;
    int connection = -1;        // index into HttpFlowIndex::connections()
    std::uint32_t streamId = 0; // HTTP/2 stream id; 0 for HTTP/1.x
    QString method, uri;
    int status = 0;               // 0 while no response was seen
    int requestPacket = -1;       // packet carrying the request's first byte
    int firstResponsePacket = -1; // packet carrying the response's first byte
    int lastResponsePacket = -1;  // packet carrying its last byte (-1 while incomplete)
    std::int64_t requestNs = 0, firstByteNs = 0, lastByteNs = 0;
    std::uint64_t requestHeaderBytes = 0;   // on the wire: the raw block (HTTP/1), HPACK compressed (h2)
    std::uint64_t requestHeaderDecoded = 0; // decoded "name: value\r\n" size (h2); same as above for HTTP/1
    std::uint64_t responseBodyBytes = 0;
};

struct HttpConnectionRow
{
    int conversation = -1;  // the TCP tracker's conversation index
    QString client, server; // "addr:port"
    bool http2 = false;
    bool hasHttp = false;
    int synPacket = -1; // the client's SYN, when captured (the handshake marker)
    std::int64_t synNs = 0;
    std::int64_t firstNs = 0;
};

class HttpFlowIndex final
{
public:
    HttpFlowIndex();
    ~HttpFlowIndex();
    HttpFlowIndex(const HttpFlowIndex &) = delete;
    HttpFlowIndex &operator=(const HttpFlowIndex &) = delete;

    // Folds in packets appended since the last call (reassembly only); reparses when anything changed.
    // Returns whether the exchanges changed.
    // Reparses at most every 250 ms unless force is set; a skipped reparse happens on a later call.
    bool update(const CaptureSession &session, bool force = false);
    void clear();
    // Changes whenever the exchanges, connections or labels were rebuilt (views compare it).
    int generation() const { return m_generation; }
    // Whether packets were folded in that a throttled reparse has not looked at yet.
    bool reparsePending() const { return m_changed; }

    const std::vector<HttpExchangeRow> &exchanges() const { return m_exchanges; }
    // Only the connections that carried HTTP, in order of their first packet.
    const std::vector<HttpConnectionRow> &connections() const { return m_connections; }
    // What HTTP the packet carries ("GET /about", "200 OK", "HEADERS s=3, DATA s=1"); empty when none.
    QString packetLabel(int packetIndex) const;
    // HTTP/2 stream ids whose frames start in this packet (for the lanes).
    std::vector<std::uint32_t> packetStreams(int packetIndex) const;
    // The exchange whose bar covers this packet (request, or response first..last); -1 when none.
    int exchangeOfPacket(int packetIndex) const;

    // The raw client/server bytes of the TCP conversation of a packet, in order, as chunks (who sent it,
    // bytes) for the Follow Stream dialog. Empty when the packet is not TCP.
    struct Chunk
    {
        bool fromClient = true;
        QByteArray bytes;
    };
    std::vector<Chunk> followStream(const CaptureSession &session, int packetIndex) const;

private:
    struct Direction
    {
        QByteArray bytes; // in order, from relative seq 1
        std::uint32_t nextSeq = 1;
        std::map<std::uint32_t, std::uint64_t>
            offsetPacket; // stream offset -> packet index (where it starts)
        std::map<std::uint32_t, std::pair<int, QByteArray>> pending; // out of order: seq -> (packet, bytes)
        void add(std::uint32_t seq, int packet, const QByteArray &payload);
        int packetAt(std::size_t offset) const;
    };
    struct Conversation
    {
        Direction dir[2]; // 0: client -> server, 1: server -> client
        std::vector<std::pair<int, bool>>
            order; // packet index, fromClient (payload-bearing, in arrival order)
        int synPacket = -1;
        int firstPacket = -1;
        bool notHttp = false; // its first bytes were no HTTP: its bytes are not kept
    };
    void reparse(const CaptureSession &session);
    void parseHttp1(const CaptureSession &session, int conv, const Conversation &c, int row);
    void parseHttp2(const CaptureSession &session, int conv, const Conversation &c, int row);
    void addLabel(int packet, const QString &label);

    std::size_t m_processed = 0;
    bool m_changed = false;
    std::int64_t m_lastParseMs = 0;
    int m_generation = 0;
    std::unordered_map<std::uint32_t, Conversation> m_conversations;
    std::vector<HttpExchangeRow> m_exchanges;
    std::vector<HttpConnectionRow> m_connections;
    std::unordered_map<int, QString> m_labels;
    std::unordered_map<int, std::vector<std::uint32_t>> m_streams;
};

} // namespace wirelab
