// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target for the telemetry sampler's /proc/net/snmp and /proc/net/netstat parser. The text comes from
// the kernel through the lab network's agent; treat it as hostile anyway: header and value lines that do
// not pair up, missing or extra columns, huge numbers, NULs, no newline at the end.

#include "labnet/telemetry.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto counters = wirelab::parseProcNetCounters(text);
    // Every name the parser returns must be "Prefix.Name"; read them so nothing is optimised away.
    std::size_t total = 0;
    for (const auto &[name, value] : counters)
        total += std::size_t(name.size()) + std::size_t(value & 1);
    return total == std::size_t(-1) ? 1 : 0;
}
