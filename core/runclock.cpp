// SPDX-License-Identifier: GPL-3.0-or-later
#include "runclock.h"

#include <ctime>

namespace wirelab {

static std::int64_t readClock(clockid_t id)
{
    timespec ts{};
    clock_gettime(id, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

RunClock::RunClock()
    : m_startRealNs(readClock(CLOCK_REALTIME))
    , m_startMonoNs(readClock(CLOCK_MONOTONIC))
{
}

std::int64_t RunClock::nowNs() const
{
    return m_startRealNs + (readClock(CLOCK_MONOTONIC) - m_startMonoNs);
}

} // namespace wirelab
