// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "linktype.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

namespace wirelab {

// One stored packet, as handed out by PacketStore::at(). The bytes stay valid as long as the store lives
// and is not cleared: the arena never moves what it has written.
struct PacketView
{
    std::uint32_t number = 0;         // 1-based, as in Wireshark's "No." column
    std::int64_t timeNs = 0;          // run clock: nanoseconds since the Unix epoch
    std::uint32_t originalLength = 0; // length on the wire; bytes.size() may be less (snaplen)
    LinkType linkType = LinkType::Ethernet;
    std::span<const std::uint8_t> bytes;
};

// Append-only packet store built for millions of packets.
//
// Raw bytes go into an arena of fixed-size chunks that are never reallocated, so views stay valid while
// packets stream in. The per-packet index is columnar and also chunked (no vector doubling): 8 bytes of
// arena offset, 8 bytes of timestamp, 4 bytes of captured length. The original length and the link type
// are stored only where they differ from the captured length and from the store's link type. See
// overheadBytes(): the measured cost beyond the raw bytes, which benchmarks report.
//
// Not thread-safe: it lives on one thread (the GUI thread in the app, the main thread in the CLI); capture
// threads hand over batches.
class PacketStore final
{
public:
    explicit PacketStore(LinkType defaultLinkType = LinkType::Ethernet);
    ~PacketStore();
    PacketStore(const PacketStore &) = delete;
    PacketStore &operator=(const PacketStore &) = delete;

    // Appends a packet and returns its number (1-based). Packets longer than maxPacketBytes() are cut
    // to it, with originalLength keeping the true length.
    std::uint32_t append(std::int64_t timeNs, std::span<const std::uint8_t> bytes,
                         std::uint32_t originalLength, LinkType linkType);
    std::uint32_t append(std::int64_t timeNs, std::span<const std::uint8_t> bytes)
    {
        return append(timeNs, bytes, std::uint32_t(bytes.size()), m_defaultLinkType);
    }

    std::size_t size() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    // index is 0-based; the returned view's number is index + 1.
    PacketView at(std::size_t index) const;

    LinkType defaultLinkType() const { return m_defaultLinkType; }
    void setDefaultLinkType(LinkType type) { m_defaultLinkType = type; }

    // Per-packet comments (written to pcapng as opt_comment). Sparse: most packets have none.
    void setComment(std::size_t index, const QString &comment);
    QString comment(std::size_t index) const;

    // Bytes of raw packet data held, and bytes used for everything else (index, chunk slack, maps).
    std::size_t payloadBytes() const { return m_payloadBytes; }
    std::size_t overheadBytes() const;

    void clear();

    static constexpr std::size_t maxPacketBytes() { return kArenaChunkBytes; }

private:
    static constexpr std::size_t kArenaChunkBytes = 1u << 20;  // 1 MiB; a packet never spans chunks
    static constexpr std::size_t kIndexChunk = 1u << 14;       // packets per index chunk

    struct IndexChunk
    {
        std::uint64_t offset[kIndexChunk]; // chunk number << 20 | offset in chunk
        std::int64_t timeNs[kIndexChunk];
        std::uint32_t capturedLength[kIndexChunk];
    };

    LinkType m_defaultLinkType;
    std::vector<std::unique_ptr<std::uint8_t[]>> m_arena;
    std::size_t m_arenaUsed = 0; // bytes used in the last arena chunk
    std::vector<std::unique_ptr<IndexChunk>> m_index;
    std::size_t m_count = 0;
    std::size_t m_payloadBytes = 0;
    std::unordered_map<std::uint32_t, std::uint32_t> m_originalLength; // only where != captured
    std::unordered_map<std::uint32_t, LinkType> m_linkType;            // only where != default
    std::unordered_map<std::uint32_t, QString> m_comments;
};

} // namespace wirelab
