// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP traffic of a capture as the shell's views need it (the waterfall, the header-bytes chart, the
// ladder's labels, Follow TCP Stream): rows over the one HTTP analysis in core (HttpAnalysis,
// core/dissect/httpanalysis.h), which the HTTP lab's checkpoints read too. This adapter parses nothing:
// it feeds the analysis the packets appended since the last call, throttles the rebuild of the derived
// tables, and turns them into rows keyed by 0-based packet index.

#include "dissect/httpanalysis.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
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

    // Folds in packets appended since the last call (reassembly and the dissectors); rebuilds the rows
    // when anything changed.
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
    // The packet list's Protocol ("HTTP", "HTTP2", or empty) and tshark-like Info for the packet (see
    // HttpAnalysis::packetProtocol/packetInfo); empty when it completes no HTTP message or frame.
    QString packetProtocol(int packetIndex) const;
    QString packetInfo(int packetIndex) const;
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

    // The analysis underneath (fed by update(); its derived tables as of the last rebuild).
    const HttpAnalysis &analysis() const { return m_analysis; }

private:
    void rebuild(const CaptureSession &session);

    HttpAnalysis m_analysis;
    bool m_changed = false;
    std::int64_t m_lastParseMs = 0;
    int m_generation = 0;
    std::vector<HttpExchangeRow> m_exchanges;
    std::vector<HttpConnectionRow> m_connections;
};

} // namespace wirelab
