// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labhost.h"

#include <poll.h>

#include <algorithm>

namespace wirelab {

LabHost::LabHost(QString name)
    : m_name(std::move(name))
{
}

LabHost::~LabHost()
{
    stop();
}

void LabHost::start(std::function<void()> cleanup)
{
    m_cleanup = std::move(cleanup);
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void LabHost::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool LabHost::post(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return false;
        m_tasks.push_back(std::move(task));
    }
    m_wake.notify_one();
    return true;
}

void LabHost::run()
{
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
            if (m_stopping)
                break;
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        task();
    }
    std::deque<std::function<void()>> dropped;
    {
        std::lock_guard lock(m_mutex);
        dropped.swap(m_tasks);
    }
    dropped.clear(); // broken promises tell waiters the work will not happen
    if (m_cleanup)
        m_cleanup();
}

int LabHost::waitFor(int fd, short events, int timeoutMs) const
{
    int left = timeoutMs;
    for (;;) {
        if (m_stopping)
            return 0;
        pollfd p{fd, events, 0};
        const int slice = std::min(left, 20);
        const int n = ::poll(&p, 1, slice);
        if (n > 0)
            return p.revents;
        left -= slice;
        if (left <= 0)
            return 0;
    }
}

bool LabHost::sleepFor(int ms) const
{
    int left = ms;
    while (left > 0) {
        if (m_stopping)
            return false;
        const int slice = std::min(left, 20);
        std::this_thread::sleep_for(std::chrono::milliseconds(slice));
        left -= slice;
    }
    return !m_stopping;
}

} // namespace wirelab
