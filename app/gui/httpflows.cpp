// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpflows.h"

#include "capturesession.h"
#include "dissect/tcptracker.h"

#include <QDateTime>

#include <algorithm>

namespace wirelab {

namespace {

QString endpoint(const NetAddress &a, std::uint16_t port)
{
    if (a.family == NetAddress::Family::IPv6)
        return QStringLiteral("[%1]:%2").arg(a.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(a.toString()).arg(port);
}

HttpVersion versionOf(const QString &protocol)
{
    if (protocol == QLatin1String("h2"))
        return HttpVersion::Http2;
    return protocol == QLatin1String("HTTP/1.0") ? HttpVersion::Http10 : HttpVersion::Http11;
}

int packetOf(std::uint32_t frame)
{
    return frame == 0 ? -1 : int(frame - 1);
}

} // namespace

HttpFlowIndex::HttpFlowIndex() = default;
HttpFlowIndex::~HttpFlowIndex() = default;

void HttpFlowIndex::clear()
{
    m_analysis.clear();
    m_changed = false;
    m_exchanges.clear();
    m_connections.clear();
    ++m_generation;
}

bool HttpFlowIndex::update(const CaptureSession &session, bool force)
{
    if (session.store().size() < m_analysis.packetsFed())
        clear(); // a new capture
    if (m_analysis.feed(session))
        m_changed = true;
    if (!m_changed)
        return false;
    const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    if (!force && nowMs - m_lastParseMs < 250)
        return false;
    m_lastParseMs = nowMs;
    m_changed = false;
    m_analysis.derive();
    rebuild(session);
    return true;
}

void HttpFlowIndex::rebuild(const CaptureSession &session)
{
    ++m_generation;
    m_exchanges.clear();
    m_connections.clear();
    const std::vector<TcpConversation> &conversations = session.tcp().conversations();
    for (const HttpConnection &c : m_analysis.connections()) {
        HttpConnectionRow row;
        row.conversation = int(c.conversation);
        if (c.conversation < conversations.size()) {
            const TcpConversation &tc = conversations[c.conversation];
            row.client = endpoint(tc.clientAddress, tc.clientPort);
            row.server = endpoint(tc.serverAddress, tc.serverPort);
        }
        row.http2 = c.http2;
        row.hasHttp = true;
        row.synPacket = packetOf(c.synFrame);
        row.synNs = c.synFrame ? c.synNs : 0;
        row.firstNs = std::max<std::int64_t>(0, c.firstNs);
        m_connections.push_back(row);
    }
    for (const HttpExchange &x : m_analysis.exchanges()) {
        HttpExchangeRow row;
        row.version = versionOf(x.protocol);
        row.connection = m_analysis.connectionOf(x.conversation);
        row.streamId = x.streamId;
        row.method = x.method;
        row.uri = x.uri;
        row.status = x.status;
        row.requestPacket = x.requestFrames.empty() ? -1 : packetOf(x.requestFrames.front());
        row.firstResponsePacket = packetOf(x.responseFirstFrame);
        // The bar runs to what arrived so far while the response is incomplete.
        row.lastResponsePacket = x.complete ? packetOf(x.responseLastFrame) : -1;
        row.requestNs = std::max<std::int64_t>(0, x.requestSentNs);
        row.firstByteNs = std::max<std::int64_t>(0, x.firstByteNs);
        row.lastByteNs = std::max<std::int64_t>(0, x.lastByteNs);
        row.requestHeaderBytes = x.requestHeaderWireBytes;
        row.requestHeaderDecoded = x.requestHeaderTextBytes;
        row.responseBodyBytes = x.responseBytes;
        m_exchanges.push_back(row);
    }
}

QString HttpFlowIndex::packetLabel(int packetIndex) const
{
    return packetIndex < 0 ? QString() : m_analysis.packetLabel(std::uint32_t(packetIndex) + 1);
}

QString HttpFlowIndex::packetProtocol(int packetIndex) const
{
    return packetIndex < 0 ? QString() : m_analysis.packetProtocol(std::uint32_t(packetIndex) + 1);
}

QString HttpFlowIndex::packetInfo(int packetIndex) const
{
    return packetIndex < 0 ? QString() : m_analysis.packetInfo(std::uint32_t(packetIndex) + 1);
}

std::vector<std::uint32_t> HttpFlowIndex::packetStreams(int packetIndex) const
{
    return packetIndex < 0 ? std::vector<std::uint32_t>{} : m_analysis.packetStreams(std::uint32_t(packetIndex) + 1);
}

int HttpFlowIndex::exchangeOfPacket(int packetIndex) const
{
    return packetIndex < 0 ? -1 : m_analysis.exchangeOfFrame(std::uint32_t(packetIndex) + 1);
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
    // Interleave the two in-order streams by the frame that carried each piece.
    struct Piece
    {
        std::uint32_t frame;
        bool fromClient;
        const TcpStream *stream;
        const TcpStreamChunk *chunk;
    };
    std::vector<Piece> pieces;
    for (const bool fromClient : {true, false}) {
        const TcpStream *s = m_analysis.streams().stream(a->conversation, fromClient);
        if (!s)
            continue;
        for (const TcpStreamChunk &c : s->chunks)
            pieces.push_back({c.frame, fromClient, s, &c});
    }
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece &l, const Piece &r) { return l.frame < r.frame; });
    for (const Piece &p : pieces) {
        const QByteArray bytes = p.stream->data.mid(qsizetype(p.chunk->offset), qsizetype(p.chunk->length));
        if (!chunks.empty() && chunks.back().fromClient == p.fromClient)
            chunks.back().bytes += bytes;
        else
            chunks.push_back({p.fromClient, bytes});
    }
    return chunks;
}

} // namespace wirelab
