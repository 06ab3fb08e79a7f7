// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads a capture file one packet at a time straight from libpcap, without keeping anything: the fast
// path behind `wirelab-cli summary`, and the loop readCaptureFile() runs to fill a PacketStore.

#include "capture/capturefile.h"
#include "linktype.h"

#include <QString>

#include <climits>
#include <cstdint>
#include <memory>
#include <span>

namespace wirelab {

// LINKTYPE_* value for libpcap's DLT_* value (they differ for raw IP and a few others).
LinkType linkTypeFromDlt(int dlt);

// seconds * 1e9 + fraction * fractionToNs, saturated at the int64 limits: a pcapng timestamp is a
// 64-bit count of any resolution, so hostile files can hold times no int64 of nanoseconds can.
inline std::int64_t timeToNs(std::int64_t seconds, std::int64_t fraction, std::int64_t fractionToNs = 1)
{
    std::int64_t ns, part, sum;
    if (__builtin_mul_overflow(seconds, std::int64_t(1000000000), &ns) ||
        __builtin_mul_overflow(fraction, fractionToNs, &part) || __builtin_add_overflow(ns, part, &sum))
        return seconds < 0 ? INT64_MIN : INT64_MAX;
    return sum;
}

// a - b, saturated at the int64 limits.
inline std::int64_t saturatingDifference(std::int64_t a, std::int64_t b)
{
    std::int64_t d;
    if (__builtin_sub_overflow(a, b, &d))
        return a < b ? INT64_MIN : INT64_MAX;
    return d;
}

struct CaptureRecord
{
    std::int64_t timeNs = 0; // nanoseconds since the Unix epoch
    std::uint32_t originalLength = 0;
    std::span<const std::uint8_t> bytes; // valid until the next call to next()
};

class CaptureFileReader final
{
public:
    CaptureFileReader();
    ~CaptureFileReader();
    CaptureFileReader(const CaptureFileReader &) = delete;
    CaptureFileReader &operator=(const CaptureFileReader &) = delete;

    // Opens the file and reads its header. False with info().error set when nothing can be read.
    bool open(const QString &path);
    // The next packet; false at the end of the file or at damage (info().error is then set).
    bool next(CaptureRecord &record);
    // What was read so far: format, link type, packets, first/last time, error.
    const CaptureFileInfo &info() const { return m_info; }
    // Decimal digits of the file's timestamp resolution (6 for microsecond pcap, 9 for nanosecond pcap
    // and for pcapng with if_tsresol = 9): what tshark shows in its time column.
    int timeDigits() const { return m_timeDigits; }

private:
    void fail(const char *reason);

    struct Pcap;
    std::unique_ptr<Pcap> m_pcap;
    CaptureFileInfo m_info;
    std::int64_t m_goodOffset = 0; // where the next record starts, as far as the file was read cleanly
    bool m_done = false;
    int m_timeDigits = 6;
};

} // namespace wirelab
