// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One lab host (a client or a server): a thread that runs the tasks posted to it in order and owns
// whatever sockets those tasks create. Blocking waits inside tasks go through waitFor(), which wakes up
// when the host is asked to stop, so stop() never hangs on a socket.

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include <csignal>
#include <pthread.h>
#include <ctime>

namespace wirelab {

class LabHost final
{
public:
    explicit LabHost(QString name);
    ~LabHost(); // stops and joins
    LabHost(const LabHost &) = delete;
    LabHost &operator=(const LabHost &) = delete;

    const QString &name() const { return m_name; }

    // Starts the thread. cleanup runs on the host thread as its last act (close its sockets there).
    void start(std::function<void()> cleanup = {});
    // Asks the running task to give up, drops queued tasks, runs cleanup and joins. Idempotent.
    void stop();
    bool stopping() const { return m_stopping.load(); }
    bool isHostThread() const { return std::this_thread::get_id() == m_thread.get_id(); }

    // Queues a task; returns false when the host is stopping (the task is dropped).
    bool post(std::function<void()> task);

    // Runs fn on the host thread and returns a future for its result.
    template<typename Fn>
    auto call(Fn fn) -> std::future<decltype(fn())>
    {
        using R = decltype(fn());
        auto promise = std::make_shared<std::promise<R>>();
        std::future<R> future = promise->get_future();
        post([promise, fn = std::move(fn)]() mutable {
            if constexpr (std::is_void_v<R>) {
                fn();
                promise->set_value();
            } else {
                promise->set_value(fn());
            }
        });
        return future;
    }

    // Polls fd for events (POLLIN/POLLOUT) up to timeoutMs, in slices so a stop request is seen within
    // ~20 ms. Returns the revents, 0 on timeout or stop.
    int waitFor(int fd, short events, int timeoutMs) const;
    // Sleeps up to ms, returning early (false) when the host is stopping.
    bool sleepFor(int ms) const;

private:
    void run();

    QString m_name;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    std::function<void()> m_cleanup;
    std::atomic<bool> m_stopping{false};
};

// Waits on a future from another host with a timeout, giving up early when `waiter` is stopping.
template<typename T>
bool waitForFuture(const LabHost &waiter, std::future<T> &future, int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (future.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
        if (waiter.stopping() || std::chrono::steady_clock::now() >= deadline)
            return false;
    }
    return true;
}

// A lab server's serving loop on a LabHost: start() posts it to the host (it occupies the host's thread),
// the loop runs while !stopRequested() and the host is not stopping, and stop() asks it to end and waits up
// to 2 s. stop() returns true when the loop has ended (its sockets may be closed then), false when it is
// somehow still running (leave its sockets to it). Idempotent.
class LabHostLoop final
{
public:
    bool running() const { return m_running; }
    bool stopRequested() const { return m_stopRequested.load(); }

    template <typename Loop>
    void start(LabHost &host, Loop loop)
    {
        m_stopRequested = false;
        const LabHost *hostPtr = &host;
        m_done = host.call([loop, hostPtr] { loop(*hostPtr); });
        m_running = true;
    }

    bool stop()
    {
        m_stopRequested = true;
        if (m_running) {
            // The loop sees the flag within one poll slice; a host that was stopped drops the task instead.
            m_done.wait_for(std::chrono::seconds(2));
            m_running = false;
        }
        return !m_done.valid() || m_done.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }

private:
    std::atomic<bool> m_stopRequested{false};
    std::future<void> m_done;
    bool m_running = false;
};

// Blocks SIGPIPE on the calling thread while alive. A lab server whose writes go through OpenSSL (write(),
// not send() with MSG_NOSIGNAL) would otherwise be killed by a client that already left. A SIGPIPE raised
// meanwhile stays pending on the thread; it is drained before the old mask comes back, so it never fires.
class ScopedSigpipeBlock final
{
public:
    ScopedSigpipeBlock()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~ScopedSigpipeBlock()
    {
        const timespec zero{0, 0};
        while (sigtimedwait(&m_pipe, nullptr, &zero) == SIGPIPE) {
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    ScopedSigpipeBlock(const ScopedSigpipeBlock &) = delete;
    ScopedSigpipeBlock &operator=(const ScopedSigpipeBlock &) = delete;

private:
    sigset_t m_pipe{}, m_old{};
};

} // namespace wirelab
