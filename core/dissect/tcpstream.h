// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// TCP stream reassembly: for each TCP conversation and direction, the in-order byte stream as the
// receiving application saw it, with a map from stream offset to the frame that carried each byte.
//
// Conversations and directions are the TcpConversationTracker's (TcpPacketAnalysis::conversation and
// fromClient), so a stream lines up with the ladder and the packet list.
//
// Stream offsets: TcpStream::data holds the bytes received, in sequence order, without holes. Where bytes
// were never captured (a lost segment that was not retransmitted within the capture, a snaplen cut), a
// TcpStreamGap marks the position in `data` and how many sequence bytes are missing; nothing is invented.
// Retransmitted bytes already in the stream are dropped (counted in duplicateBytes). Out-of-order
// segments wait (bounded) until the hole before them is filled; finish() or the pending cap turns a
// hole that never filled into a gap.
//
// Bounded: each direction keeps at most maxBytesPerStream bytes (default 64 MiB) and at most
// kMaxChunksPerStream frame-map entries, and then stops with `truncated` set; out-of-order segments waiting for a hole are capped at kMaxPendingBytes.
// Hostile input never reads past a frame: payload bytes are taken only where the frame has them.

#include "dissect.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <utility>
#include <vector>

namespace wirelab {

class PacketStore;
class TcpConversationTracker;
struct TcpPacketAnalysis;

// A run of stream bytes carried by one frame.
struct TcpStreamChunk
{
    std::uint64_t offset = 0;     // in TcpStream::data
    std::uint32_t length = 0;
    std::uint32_t frame = 0;      // 1-based frame number
    std::int64_t timeNs = 0;      // the frame's time
    std::uint32_t frameOffset = 0; // where the first byte of this chunk sits in the frame
};

// Bytes that were sent (by sequence number) but never captured.
struct TcpStreamGap
{
    std::uint64_t offset = 0;        // position in TcpStream::data where the missing bytes belong
    std::uint64_t missingBytes = 0;  // sequence space skipped
};

struct TcpStream
{
    std::uint32_t conversation = 0; // TcpConversationTracker::conversations() index
    bool fromClient = true;
    QByteArray data;
    std::vector<TcpStreamChunk> chunks; // ordered by offset, contiguous except across gaps
    std::vector<TcpStreamGap> gaps;
    std::uint64_t duplicateBytes = 0;  // retransmitted bytes dropped
    bool finSeen = false;              // the sender closed (FIN in sequence, or RST)
    bool reset = false;
    std::uint32_t finFrame = 0;
    bool truncated = false;            // the per-stream cap was reached: later bytes were not kept
    std::uint64_t generation = 0;      // grows whenever data, gaps or finSeen change

    // The chunk holding the byte at offset, or nullptr.
    const TcpStreamChunk *chunkAt(std::uint64_t offset) const;
    // First and last frame carrying bytes in [offset, offset + length) (length 0: the byte at offset);
    // {0, 0} when none.
    std::pair<std::uint32_t, std::uint32_t> frameRange(std::uint64_t offset, std::uint64_t length) const;
    // Time of the frame carrying the byte at offset; -1 when none.
    std::int64_t timeAt(std::uint64_t offset) const;
    // True when a gap lies strictly inside [offset, offset + length], or at offset + length.
    bool hasGapIn(std::uint64_t offset, std::uint64_t length) const;
    // The first gap at or after offset; nullptr when none.
    const TcpStreamGap *gapAtOrAfter(std::uint64_t offset) const;
};

class TcpStreamReassembler final
{
public:
    static constexpr std::size_t kDefaultMaxBytesPerStream = std::size_t(64) << 20;
    static constexpr std::size_t kMaxPendingBytes = std::size_t(4) << 20;
    static constexpr std::size_t kMaxPendingSegments = 4096;
    // Also a cap on the frame map: a stream of tiny segments stops (truncated) after this many chunks.
    static constexpr std::size_t kMaxChunksPerStream = std::size_t(1) << 20;

    explicit TcpStreamReassembler(std::size_t maxBytesPerStream = kDefaultMaxBytesPerStream);
    ~TcpStreamReassembler();
    TcpStreamReassembler(const TcpStreamReassembler &) = delete;
    TcpStreamReassembler &operator=(const TcpStreamReassembler &) = delete;

    // Feeds one packet (in capture order). analysis is the tracker's for this frame; non-TCP packets
    // (analysis == nullptr or summary not TCP) are ignored.
    void add(std::uint32_t frameNumber, std::int64_t timeNs, const PacketSummary &summary,
             std::span<const std::uint8_t> frame, const TcpPacketAnalysis *analysis);
    // Feeds the packets of store that were not fed yet (incremental; the tracker must have seen them,
    // as CaptureSession's has). Returns how many packets were fed.
    std::size_t update(const PacketStore &store, const TcpConversationTracker &tracker);
    // The capture is complete: holes still waiting for out-of-order segments become gaps.
    void finish();
    void clear();

    std::size_t packetsFed() const { return m_fed; }
    // All streams, in the order they were first seen.
    const std::vector<TcpStream> &streams() const { return m_streams; }
    // A conversation's direction, or nullptr when it carried no bytes (and no FIN) yet.
    const TcpStream *stream(std::uint32_t conversation, bool fromClient) const;

private:
    struct Direction;
    TcpStream &streamFor(std::uint32_t conversation, bool fromClient, Direction *&dir);
    void appendInOrder(TcpStream &s, Direction &d, std::uint64_t seqOffset, std::span<const std::uint8_t> bytes,
                       std::uint32_t frame, std::int64_t timeNs, std::uint32_t frameOffset);
    void drainPending(TcpStream &s, Direction &d);
    void forceGap(TcpStream &s, Direction &d);

    std::size_t m_maxBytes;
    std::size_t m_fed = 0;
    std::vector<TcpStream> m_streams;
    std::vector<Direction> m_directions; // parallel to m_streams
    std::map<std::pair<std::uint32_t, bool>, std::size_t> m_index;
};

} // namespace wirelab
