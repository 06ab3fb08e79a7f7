// SPDX-License-Identifier: GPL-3.0-or-later
#include "packetstore.h"

#include <algorithm>
#include <cstring>

namespace wirelab {

PacketStore::PacketStore(LinkType defaultLinkType)
    : m_defaultLinkType(defaultLinkType)
{
}

PacketStore::~PacketStore() = default;

std::uint32_t PacketStore::append(std::int64_t timeNs, std::span<const std::uint8_t> bytes,
                                  std::uint32_t originalLength, LinkType linkType)
{
    const std::size_t length = std::min(bytes.size(), kArenaChunkBytes);
    if (m_arena.empty() || m_arenaUsed + length > kArenaChunkBytes) {
        m_arena.push_back(std::make_unique_for_overwrite<std::uint8_t[]>(kArenaChunkBytes));
        m_arenaUsed = 0;
    }
    const std::uint64_t chunk = m_arena.size() - 1;
    if (length)
        std::memcpy(m_arena.back().get() + m_arenaUsed, bytes.data(), length);

    const std::size_t slot = m_count % kIndexChunk;
    if (slot == 0)
        m_index.push_back(std::make_unique_for_overwrite<IndexChunk>());
    IndexChunk &ix = *m_index.back();
    ix.offset[slot] = (chunk << 20) | m_arenaUsed;
    ix.timeNs[slot] = timeNs;
    ix.capturedLength[slot] = std::uint32_t(length);

    const auto index = std::uint32_t(m_count);
    const std::uint32_t wireLength = std::max<std::uint32_t>(originalLength, std::uint32_t(bytes.size()));
    if (wireLength != length)
        m_originalLength.emplace(index, wireLength);
    if (linkType != m_defaultLinkType)
        m_linkType.emplace(index, linkType);

    m_arenaUsed += length;
    m_payloadBytes += length;
    ++m_count;
    return index + 1;
}

PacketView PacketStore::at(std::size_t index) const
{
    PacketView view;
    if (index >= m_count)
        return view;
    const IndexChunk &ix = *m_index[index / kIndexChunk];
    const std::size_t slot = index % kIndexChunk;
    const std::uint64_t offset = ix.offset[slot];
    const std::uint8_t *base = m_arena[offset >> 20].get() + (offset & (kArenaChunkBytes - 1));
    view.number = std::uint32_t(index + 1);
    view.timeNs = ix.timeNs[slot];
    view.bytes = {base, ix.capturedLength[slot]};
    view.originalLength = ix.capturedLength[slot];
    if (!m_originalLength.empty()) {
        if (auto it = m_originalLength.find(std::uint32_t(index)); it != m_originalLength.end())
            view.originalLength = it->second;
    }
    view.linkType = m_defaultLinkType;
    if (!m_linkType.empty()) {
        if (auto it = m_linkType.find(std::uint32_t(index)); it != m_linkType.end())
            view.linkType = it->second;
    }
    return view;
}

void PacketStore::setComment(std::size_t index, const QString &comment)
{
    if (index >= m_count)
        return;
    if (comment.isEmpty())
        m_comments.erase(std::uint32_t(index));
    else
        m_comments[std::uint32_t(index)] = comment;
}

QString PacketStore::comment(std::size_t index) const
{
    auto it = m_comments.find(std::uint32_t(index));
    return it == m_comments.end() ? QString() : it->second;
}

std::size_t PacketStore::overheadBytes() const
{
    // Everything allocated that is not packet bytes: the unused tail of every arena chunk (the last one
    // counts in full as reserved), the index chunks, and the sparse maps (node + bucket estimate).
    const std::size_t arenaReserved = m_arena.size() * kArenaChunkBytes;
    const std::size_t index = m_index.size() * sizeof(IndexChunk)
        + m_index.capacity() * sizeof(void *) + m_arena.capacity() * sizeof(void *);
    constexpr std::size_t kNode = 32; // hash node with a small payload, as libstdc++ allocates it
    const std::size_t maps = (m_originalLength.size() + m_linkType.size()) * kNode
        + (m_originalLength.bucket_count() + m_linkType.bucket_count() + m_comments.bucket_count()) * sizeof(void *)
        + m_comments.size() * (kNode + sizeof(QString));
    return arenaReserved - m_payloadBytes + index + maps;
}

void PacketStore::clear()
{
    m_arena.clear();
    m_arenaUsed = 0;
    m_index.clear();
    m_count = 0;
    m_payloadBytes = 0;
    m_originalLength.clear();
    m_linkType.clear();
    m_comments.clear();
}

} // namespace wirelab
