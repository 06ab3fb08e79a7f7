// SPDX-License-Identifier: GPL-3.0-or-later
#include "tcpstream.h"

#include "store/packetstore.h"
#include "tcptracker.h"

#include <algorithm>

namespace wirelab {

struct TcpStreamReassembler::Direction
{
    bool started = false;            // the sequence base is known
    std::uint32_t nextSeq = 0;       // absolute sequence number of the next expected byte
    std::uint64_t nextSeqOffset = 0; // the same, in 64-bit sequence space from the base
    struct Pending
    {
        QByteArray bytes;
        std::uint32_t frame = 0;
        std::int64_t timeNs = 0;
        std::uint32_t frameOffset = 0;
    };
    std::map<std::uint64_t, Pending> pending; // by sequence offset
    std::size_t pendingBytes = 0;
    bool finPending = false;                  // FIN seen at pendingFinOffset, not reached yet
    std::uint64_t finSeqOffset = 0;
    std::uint32_t finFrame = 0;
};

// ----------------------------------------------------------------------------------------------- TcpStream

const TcpStreamChunk *TcpStream::chunkAt(std::uint64_t offset) const
{
    auto it = std::upper_bound(chunks.begin(), chunks.end(), offset,
                               [](std::uint64_t o, const TcpStreamChunk &c) { return o < c.offset; });
    if (it == chunks.begin())
        return nullptr;
    --it;
    if (offset >= it->offset && offset < it->offset + it->length)
        return &*it;
    return nullptr;
}

std::pair<std::uint32_t, std::uint32_t> TcpStream::frameRange(std::uint64_t offset, std::uint64_t length) const
{
    const TcpStreamChunk *first = chunkAt(offset);
    const TcpStreamChunk *last = chunkAt(length == 0 ? offset : offset + length - 1);
    if (!first && !last)
        return {0, 0};
    if (!first)
        first = last;
    if (!last)
        last = first;
    return {first->frame, last->frame};
}

std::int64_t TcpStream::timeAt(std::uint64_t offset) const
{
    const TcpStreamChunk *c = chunkAt(offset);
    return c ? c->timeNs : -1;
}

bool TcpStream::hasGapIn(std::uint64_t offset, std::uint64_t length) const
{
    for (const TcpStreamGap &g : gaps) {
        if (g.offset > offset && g.offset <= offset + length)
            return true;
    }
    return false;
}

const TcpStreamGap *TcpStream::gapAtOrAfter(std::uint64_t offset) const
{
    for (const TcpStreamGap &g : gaps) {
        if (g.offset >= offset)
            return &g;
    }
    return nullptr;
}

// ------------------------------------------------------------------------------------ TcpStreamReassembler

TcpStreamReassembler::TcpStreamReassembler(std::size_t maxBytesPerStream) : m_maxBytes(maxBytesPerStream) {}
TcpStreamReassembler::~TcpStreamReassembler() = default;

void TcpStreamReassembler::clear()
{
    m_fed = 0;
    m_streams.clear();
    m_directions.clear();
    m_index.clear();
}

const TcpStream *TcpStreamReassembler::stream(std::uint32_t conversation, bool fromClient) const
{
    auto it = m_index.find({conversation, fromClient});
    return it == m_index.end() ? nullptr : &m_streams[it->second];
}

TcpStream &TcpStreamReassembler::streamFor(std::uint32_t conversation, bool fromClient, Direction *&dir)
{
    auto [it, inserted] = m_index.try_emplace({conversation, fromClient}, m_streams.size());
    if (inserted) {
        TcpStream s;
        s.conversation = conversation;
        s.fromClient = fromClient;
        m_streams.push_back(std::move(s));
        m_directions.emplace_back();
    }
    dir = &m_directions[it->second];
    return m_streams[it->second];
}

void TcpStreamReassembler::appendInOrder(TcpStream &s, Direction &d, std::uint64_t seqOffset,
                                         std::span<const std::uint8_t> bytes, std::uint32_t frame,
                                         std::int64_t timeNs, std::uint32_t frameOffset)
{
    // Called with seqOffset <= d.nextSeqOffset; trims what the stream already has.
    const std::uint64_t end = seqOffset + bytes.size();
    if (end <= d.nextSeqOffset) {
        s.duplicateBytes += bytes.size();
        return;
    }
    const std::uint64_t skip = d.nextSeqOffset - seqOffset;
    s.duplicateBytes += skip;
    bytes = bytes.subspan(std::size_t(skip));
    frameOffset += std::uint32_t(skip);
    d.nextSeqOffset += bytes.size();
    d.nextSeq += std::uint32_t(bytes.size());
    if (s.truncated)
        return;
    std::size_t room = m_maxBytes > std::size_t(s.data.size()) ? m_maxBytes - std::size_t(s.data.size()) : 0;
    std::size_t take = std::min(room, bytes.size());
    if (s.chunks.size() >= kMaxChunksPerStream)
        take = 0;
    if (take > 0) {
        TcpStreamChunk c;
        c.offset = std::uint64_t(s.data.size());
        c.length = std::uint32_t(take);
        c.frame = frame;
        c.timeNs = timeNs;
        c.frameOffset = frameOffset;
        // Merge with the previous chunk when the same frame continues it (a drained out-of-order run).
        s.data.append(reinterpret_cast<const char *>(bytes.data()), qsizetype(take));
        s.chunks.push_back(c);
        ++s.generation;
    }
    if (take < bytes.size()) {
        s.truncated = true;
        ++s.generation;
    }
}

void TcpStreamReassembler::drainPending(TcpStream &s, Direction &d)
{
    while (!d.pending.empty()) {
        auto it = d.pending.begin();
        if (it->first > d.nextSeqOffset)
            break;
        Direction::Pending p = std::move(it->second);
        const std::uint64_t off = it->first;
        d.pendingBytes -= std::size_t(p.bytes.size());
        d.pending.erase(it);
        appendInOrder(s, d, off,
                      {reinterpret_cast<const std::uint8_t *>(p.bytes.constData()), std::size_t(p.bytes.size())},
                      p.frame, p.timeNs, p.frameOffset);
    }
    if (d.finPending && d.finSeqOffset <= d.nextSeqOffset && !s.finSeen) {
        s.finSeen = true;
        s.finFrame = d.finFrame;
        ++s.generation;
    }
}

void TcpStreamReassembler::forceGap(TcpStream &s, Direction &d)
{
    // The hole before the first waiting segment will not be filled (or we cannot wait any longer).
    std::uint64_t target = 0;
    if (!d.pending.empty())
        target = d.pending.begin()->first;
    else if (d.finPending)
        target = d.finSeqOffset;
    else
        return;
    if (target <= d.nextSeqOffset)
        return;
    TcpStreamGap g;
    g.offset = std::uint64_t(s.data.size());
    g.missingBytes = target - d.nextSeqOffset;
    s.gaps.push_back(g);
    d.nextSeq += std::uint32_t(g.missingBytes);
    d.nextSeqOffset = target;
    ++s.generation;
    drainPending(s, d);
}

void TcpStreamReassembler::add(std::uint32_t frameNumber, std::int64_t timeNs, const PacketSummary &summary,
                               std::span<const std::uint8_t> frame, const TcpPacketAnalysis *analysis)
{
    if (!analysis || summary.protocol != Protocol::Tcp || summary.ipNonFirstFragment)
        return;
    const bool syn = summary.tcpFlags & TcpSyn;
    const bool fin = summary.tcpFlags & TcpFin;
    const bool rst = summary.tcpFlags & TcpRst;
    std::uint32_t payloadLen = summary.payloadLength;
    if (!syn && !fin && !rst && payloadLen == 0)
        return; // a pure ACK: no stream to make
    if (syn && payloadLen == 0 && !fin) {
        // Only sets the sequence base.
        Direction *d = nullptr;
        streamFor(analysis->conversation, analysis->fromClient, d);
        if (!d->started) {
            d->started = true;
            d->nextSeq = summary.tcpSeq + 1;
            d->nextSeqOffset = 0;
        }
        return;
    }
    Direction *dp = nullptr;
    TcpStream &s = streamFor(analysis->conversation, analysis->fromClient, dp);
    Direction &d = *dp;
    std::uint32_t seq = summary.tcpSeq;
    if (syn)
        seq += 1; // data on a SYN starts after it
    if (!d.started) {
        d.started = true;
        d.nextSeq = seq;
        d.nextSeqOffset = 0;
    }
    const std::int64_t delta = std::int32_t(seq - d.nextSeq);
    const std::int64_t segOffsetSigned = std::int64_t(d.nextSeqOffset) + delta;

    // The payload bytes the frame actually has.
    std::span<const std::uint8_t> payload;
    std::uint32_t frameOffset = 0;
    if (payloadLen > 0 && summary.payloadOffset >= 0 && std::size_t(summary.payloadOffset) <= frame.size()) {
        frameOffset = std::uint32_t(summary.payloadOffset);
        const std::size_t have = std::min<std::size_t>(payloadLen, frame.size() - frameOffset);
        payload = frame.subspan(frameOffset, have);
    }
    std::int64_t start = segOffsetSigned;
    if (start < 0) {
        const std::uint64_t cut = std::uint64_t(-start);
        if (cut >= payload.size())
            payload = {};
        else
            payload = payload.subspan(std::size_t(cut));
        frameOffset += std::uint32_t(std::min<std::uint64_t>(cut, payloadLen));
        payloadLen = cut >= payloadLen ? 0 : payloadLen - std::uint32_t(cut);
        start = 0;
    }
    const std::uint64_t segOffset = std::uint64_t(start);

    if (!payload.empty()) {
        if (segOffset <= d.nextSeqOffset) {
            appendInOrder(s, d, segOffset, payload, frameNumber, timeNs, frameOffset);
            if (payload.size() < payloadLen && segOffset + payloadLen > d.nextSeqOffset) {
                // Snaplen cut: the rest of the segment was sent but not captured.
                TcpStreamGap g;
                g.offset = std::uint64_t(s.data.size());
                g.missingBytes = segOffset + payloadLen - d.nextSeqOffset;
                s.gaps.push_back(g);
                d.nextSeq += std::uint32_t(g.missingBytes);
                d.nextSeqOffset += g.missingBytes;
                ++s.generation;
            }
            drainPending(s, d);
        } else if (!d.pending.count(segOffset)) {
            Direction::Pending p;
            p.bytes = QByteArray(reinterpret_cast<const char *>(payload.data()), qsizetype(payload.size()));
            p.frame = frameNumber;
            p.timeNs = timeNs;
            p.frameOffset = frameOffset;
            d.pendingBytes += payload.size();
            d.pending.emplace(segOffset, std::move(p));
            while (!d.pending.empty()
                   && (d.pendingBytes > kMaxPendingBytes || d.pending.size() > kMaxPendingSegments))
                forceGap(s, d);
        }
    }
    if (fin || rst) {
        const std::uint64_t finAt = segOffset + payloadLen;
        if (rst) {
            s.reset = true;
            if (!s.finSeen) {
                // A reset ends the stream where it is: what is still missing will not come.
                s.finSeen = true;
                s.finFrame = frameNumber;
            }
            ++s.generation;
        } else if (!d.finPending) {
            d.finPending = true;
            d.finSeqOffset = finAt;
            d.finFrame = frameNumber;
            drainPending(s, d);
        }
    }
}

std::size_t TcpStreamReassembler::update(const PacketStore &store, const TcpConversationTracker &tracker)
{
    std::size_t n = 0;
    while (m_fed < store.size()) {
        const PacketView v = store.at(m_fed);
        ++m_fed;
        const TcpPacketAnalysis *a = tracker.analysis(v.number);
        if (!a)
            continue;
        PacketSummary s;
        if (!dissectSummary(v.linkType, v.bytes, s))
            continue;
        add(v.number, v.timeNs, s, v.bytes, a);
        ++n;
    }
    return n;
}

void TcpStreamReassembler::finish()
{
    for (std::size_t i = 0; i < m_streams.size(); ++i) {
        TcpStream &s = m_streams[i];
        Direction &d = m_directions[i];
        int guard = 0;
        while ((!d.pending.empty() || (d.finPending && !s.finSeen)) && guard++ < 1'000'000) {
            const std::uint64_t before = d.nextSeqOffset;
            forceGap(s, d);
            if (d.nextSeqOffset == before && d.pending.empty())
                break;
        }
    }
}

} // namespace wirelab
