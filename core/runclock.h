// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace wirelab {

// One clock for a whole run: packet timestamps and lab events share its axis.
// Times are nanoseconds since the Unix epoch, so they can be written to pcapng as they are; the clock is
// anchored once to the wall clock and then advanced by CLOCK_MONOTONIC, so it never jumps backwards.
class RunClock final
{
public:
    RunClock();

    // Now, in nanoseconds since the Unix epoch.
    std::int64_t nowNs() const;
    // The moment the clock was made (the run's zero), in nanoseconds since the Unix epoch.
    std::int64_t startNs() const { return m_startRealNs; }

private:
    std::int64_t m_startRealNs;
    std::int64_t m_startMonoNs;
};

} // namespace wirelab
