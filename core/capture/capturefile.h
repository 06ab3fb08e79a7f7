// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Capture files in (pcap and pcapng through libpcap's reader, any link type in linktype.h) and out
// (pcapng with per-packet comments; libpcap 1.10 cannot write pcapng, so the block writer is ours).

#include "linktype.h"

#include <QString>

#include <cstdint>

namespace wirelab {

class PacketStore;

struct CaptureFileInfo
{
    bool opened = false;          // false: nothing could be read (missing, wrong magic, ...)
    QString format;               // "pcap" or "pcapng"
    LinkType linkType = LinkType::Ethernet;
    std::uint32_t packetsRead = 0;
    std::int64_t firstTimeNs = 0, lastTimeNs = 0;
    // Empty when the whole file was read. Otherwise one plain sentence that says what is wrong and where:
    // "The file is damaged after packet 1234 (byte offset 56789): truncated dump file; ...".
    // The packets before the damage are kept.
    QString error;
    std::int64_t errorOffset = -1; // byte offset of the damage, when known
};

// Appends every readable packet of the file to store (setting its default link type) and reports what
// happened. Never throws, never crashes on hostile files.
CaptureFileInfo readCaptureFile(const QString &path, PacketStore &store);

// Writes the store as pcapng: one Section Header Block (application "Wirelab"), one Interface Description
// Block for the store's link type (plus one per other link type used), and an Enhanced Packet Block per
// packet with nanosecond timestamps (if_tsresol = 9) and the packet's comment as opt_comment.
// Returns false with *error set on I/O failure; a partial file is removed.
bool writePcapng(const QString &path, const PacketStore &store, QString *error);

} // namespace wirelab
