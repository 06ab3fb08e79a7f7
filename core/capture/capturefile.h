// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Capture files in (pcap and pcapng through libpcap's reader, any link type in linktype.h) and out
// (pcapng with per-packet comments; libpcap 1.10 cannot write pcapng, so the block writer is ours).

#include "linktype.h"

#include <QByteArray>
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
    // "The file is damaged at byte 5678, after packet 12: <libpcap's reason>. The 12 packets before it
    // were opened." or "x.bin is not a pcap or pcapng capture file (it starts with 47 49 46 38).".
    // The packets before the damage are kept (opened stays true once the file header was read).
    QString error;
    std::int64_t errorOffset = -1; // byte offset of the damage, when known
};

// Appends every readable packet of the file to store (setting its default link type) and reports what
// happened. Never throws, never crashes on hostile files.
CaptureFileInfo readCaptureFile(const QString &path, PacketStore &store);

// Writes the store as pcapng: one Section Header Block (shb_userappl "Wirelab <version>"), one Interface
// Description Block for the store's link type (plus one per other link type used, written just before its
// first packet), and an Enhanced Packet Block per packet with nanosecond timestamps (if_tsresol = 9) and
// the packet's comment as opt_comment. Written to a temporary file and renamed (QSaveFile).
// Returns false with *error set on I/O failure; a partial file is removed.
// A non-empty tlsKeyLog (NSS key log text, see TlsKeyLog::toNss()) is written as a Decryption Secrets Block
// (type 0x0000000A, secrets type 0x544c534b "TLSK") after the first interface block and before the packets:
// Wireshark and tshark then decrypt the TLS sessions with no further options.
bool writePcapng(const QString &path, const PacketStore &store, QString *error, const QByteArray &tlsKeyLog = {});

// The TLS secrets a pcapng file carries: the NSS key log text of its Decryption Secrets Blocks (type
// 0x0000000A, secrets type 0x544c534b "TLSK"), concatenated in file order. libpcap does not return these
// blocks, so this walks the file's blocks itself, reading only block headers and the secrets, with every
// length checked against the file (hostile files welcome): at an impossible block it stops, keeps what it
// read and sets *error to one sentence with the byte offset. It stops at the first packet block, as
// Wireshark, editcap --inject-secrets and writePcapng put the secrets before the packets (so a large file
// costs a few reads); secrets after a packet are not read. Not pcapng, or no secrets: empty, no error.
// At most kMaxPcapngSecretsBytes are kept. *blocks (optional) counts the TLSK blocks read.
inline constexpr std::size_t kMaxPcapngSecretsBytes = std::size_t(16) << 20;
QByteArray readPcapngTlsKeyLog(const QString &path, int *blocks = nullptr, QString *error = nullptr);

// The key-log export: the NSS key log text on its own (what SSLKEYLOGFILE would have written).
bool writeTlsKeyLog(const QString &path, const QByteArray &nssKeyLog, QString *error);

} // namespace wirelab
