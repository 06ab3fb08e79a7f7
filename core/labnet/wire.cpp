// SPDX-License-Identifier: GPL-3.0-or-later
#include "labnet/wire.h"

// How the wire works (the interface is documented in wire.h):
//
// One thread (run()) waits in epoll on the hosts' TUN descriptors, a timerfd (CLOCK_MONOTONIC, absolute,
// armed for the earliest packet due on any link) and an eventfd (control calls and stop()). Per wake-up it
// takes the mutex once, reads up to 64 packets from each readable TUN, puts released breakpoint packets on
// their links, delivers everything due, re-arms the timer, drops the mutex, then hands the tap records over
// (a second mutex, so takePackets() never waits for packet processing) and, if the held set changed, queues
// heldPacketsChanged to the Wire's own thread.
//
// A packet read from host A's TUN goes through, in order:
//   route     destination address -> host B (not a lab host, or A itself: counted unroutable, dropped);
//   breakpoint an enabled breakpoint matches -> held, nothing more happens until step()/drop();
//   loss      chance lossPercent: dropped (tap: recorded with a comment);
//   duplicate chance duplicatePercent: a second copy follows the same path (no second loss decision);
//   rate      rateMbit > 0: the link's transmitter is busy len*8/rate per packet, packets queue behind it;
//             a queue already holding queuePackets packets drops the newcomer (tail drop);
//   delay     delivery at end of serialisation + delay +- uniform jitter, but never before the previous
//             packet of the link (FIFO), unless reorder picks the packet: then it is delivered right after
//             serialisation, ahead of the delayed ones;
//   deliver   write() to B's TUN; an unimpaired packet with nothing queued ahead of it is written at once,
//             without the timer. EAGAIN: retried every millisecond for up to a second, then dropped.
// Time is CLOCK_MONOTONIC inside the wire; tap timestamps come from the RunClock, so they share the lab's
// axis. Random choices come from one std::mt19937_64 per wire (setSeed() for reproducible tests).
//
// The tap records each packet once, where Wireshark on the capture host would see it: packets to the
// capture host when delivered (a duplicate copy says so), all others when they enter the wire (a held one
// with "Held at breakpoint N"). A packet the wire drops (loss, a full queue) is recorded with a comment
// saying why: when it enters the wire if it left the capture host (or travels between other hosts); if it
// was bound for the capture host, it stays in its link's queue as a placeholder that is recorded, not
// delivered, when it would have arrived (recordWhereItWouldHaveArrived), so the capture keeps the
// sequence order the receiver's own capture point would have had. A held packet bound for the capture
// host that the student drops is recorded at the drop, with "Dropped by the student at a breakpoint".
//
// Buffers: packets are read into one 64 KiB scratch buffer and copied into pooled 2 KiB buffers (larger
// packets get their own), so steady traffic allocates nothing but the tap's copies. stop() joins the
// thread first, then discards everything held or queued: nothing reaches a lab that is going away.

#include "dissect/dissect.h"
#include "runclock.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <mutex>
#include <random>
#include <thread>

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

namespace wirelab {

namespace {

std::int64_t monoNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

constexpr std::size_t kMaxPacket = 65536;     // the largest IP packet (IPv4 total length is 16 bits)
constexpr std::size_t kPooledCapacity = 2048; // MTU-sized packets reuse these buffers
constexpr std::size_t kMaxPooledBuffers = 8192;
constexpr int kReadBatch = 64;                    // packets read from one TUN per wake-up
constexpr std::size_t kMaxPendingPerLink = 65536; // delayed packets a link may hold (memory bound)
constexpr int kMaxWriteRetries = 1000; // EAGAIN on delivery: retry every millisecond for a second, then drop
constexpr std::int64_t kRetryIntervalNs = 1'000'000;
constexpr int kEpollTimeoutMs = 1000; // the loop wakes at least once a second even when idle

struct Packet
{
    std::vector<std::uint8_t> bytes;
    std::int64_t deliverAt = 0; // CLOCK_MONOTONIC ns
    int from = -1, to = -1;
    int retries = 0;
    bool duplicate = false;
    // Not delivered (lost, or dropped by a full queue) on its way to the capture host: it stays in its
    // place in the link's queue only to be recorded, with this comment, when it would have arrived.
    bool notDelivered = false;
    QString comment;
};

struct Link
{
    LinkImpairment settings;
    std::deque<Packet> pending; // FIFO, deliverAt non-decreasing
    std::deque<Packet> bypass;  // reordered packets (sent ahead of delayed ones), deliverAt non-decreasing
    std::deque<std::int64_t> txEnds; // serialisation end of packets still in the rate limiter's queue
    std::int64_t busyUntil = 0;      // the rate limiter's transmitter is busy until then
    std::int64_t lastDeliverAt = 0;
};

struct Host
{
    QString name;
    QHostAddress address;
    std::array<std::uint8_t, 16> raw{};
    bool v6 = false;
    bool isSocket = false; // a socketpair end standing in for a TUN (tests): send() without SIGPIPE
    bool gone = false;     // its device reported end-of-file or an error: no longer read or written
    int fd = -1;
};

struct Held
{
    HeldPacket info;
    int from = -1, to = -1;
    bool recorded = false; // already in the tap (it left the capture host, or travels between other hosts)
};

struct Breakpoint
{
    WireBreakpoint info;
    PacketFilter filter;
};

QString percentText(double p)
{
    return QString::number(p, 'g', 4);
}

} // namespace

struct Wire::Impl
{
    Wire *q = nullptr;
    const RunClock *clock = nullptr;
    RunClock ownClock;

    // Set up before start(), read-only while the thread runs.
    std::vector<Host> hosts;
    int captureHost = 0;

    // Everything below is shared with the thread and guarded by mutex.
    mutable std::mutex mutex;
    std::vector<Link> links; // hosts.size()^2, index from * n + to
    std::vector<Breakpoint> breakpoints;
    int nextBreakpointId = 1;
    std::deque<Held> held;
    std::uint64_t nextHeldId = 1;
    std::vector<Held> released; // stepped packets waiting for the thread to put them on their link
    WireStats stats;
    std::mt19937_64 rng{std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count())};
    std::vector<std::vector<std::uint8_t>> pool;

    mutable std::mutex tapMutex;
    std::vector<CapturedPacket> tap;

    std::thread thread;
    std::atomic<bool> running{false};
    std::atomic<bool> stopRequested{false};
    int epollFd = -1, timerFd = -1, wakeFd = -1;
    std::int64_t armedAt = -1;

    // Per wake-up scratch of the thread (no locking needed).
    std::vector<std::uint8_t> scratch = std::vector<std::uint8_t>(kMaxPacket);
    std::vector<CapturedPacket> tapBatch;
    bool heldChanged = false;

    int n() const { return int(hosts.size()); }
    Link &link(int from, int to) { return links[std::size_t(from * n() + to)]; }

    int hostIndex(const QString &name) const
    {
        for (int i = 0; i < n(); ++i)
            if (hosts[std::size_t(i)].name == name)
                return i;
        return -1;
    }

    std::int64_t tapNow() const { return (clock ? clock : &ownClock)->nowNs(); }

    std::vector<std::uint8_t> takeBuffer(std::size_t len)
    {
        std::vector<std::uint8_t> b;
        if (len <= kPooledCapacity && !pool.empty()) {
            b = std::move(pool.back());
            pool.pop_back();
        } else {
            b.reserve(std::max(len, kPooledCapacity));
        }
        b.resize(len);
        return b;
    }
    void giveBuffer(std::vector<std::uint8_t> &&b)
    {
        if (b.capacity() == kPooledCapacity && pool.size() < kMaxPooledBuffers) {
            b.clear();
            pool.push_back(std::move(b));
        }
    }

    // Destination host of a raw IP packet, -1 when it is not a lab host.
    int route(const std::uint8_t *p, std::size_t len) const
    {
        if (len < 1)
            return -1;
        const int version = p[0] >> 4;
        if (version == 4 && len >= 20) {
            for (int i = 0; i < n(); ++i) {
                const Host &h = hosts[std::size_t(i)];
                if (!h.v6 && std::memcmp(p + 16, h.raw.data(), 4) == 0)
                    return i;
            }
        } else if (version == 6 && len >= 40) {
            for (int i = 0; i < n(); ++i) {
                const Host &h = hosts[std::size_t(i)];
                if (h.v6 && std::memcmp(p + 24, h.raw.data(), 16) == 0)
                    return i;
            }
        }
        return -1;
    }

    void record(const std::uint8_t *p, std::size_t len, QString comment = {})
    {
        CapturedPacket c;
        c.timeNs = tapNow();
        c.originalLength = std::uint32_t(len);
        c.bytes.assign(p, p + len);
        c.comment = std::move(comment);
        tapBatch.push_back(std::move(c));
    }

    void flushTap()
    {
        if (tapBatch.empty())
            return;
        const std::lock_guard<std::mutex> lock(tapMutex);
        if (tap.empty())
            tap.swap(tapBatch);
        else {
            std::move(tapBatch.begin(), tapBatch.end(), std::back_inserter(tap));
            tapBatch.clear();
        }
    }

    bool chance(double percent)
    {
        if (percent <= 0)
            return false;
        if (percent >= 100)
            return true;
        return std::uniform_real_distribution<double>(0.0, 100.0)(rng) < percent;
    }

    // A packet to the capture host that the wire does not deliver (lost, or dropped by a full queue).
    // The capture host never sees it, so the tap records it, with its comment, where that host's capture
    // would have seen it had it arrived: in its place in the link's queue, after every packet sent before
    // it on this link and before every packet sent after it, at the earliest time it could have arrived
    // (behind the rate limiter's queue, plus the delay less the jitter). Recording it when it was sent
    // would put it ahead of earlier segments still on the way (by up to the delay and the queue), and
    // Wireshark would then call those earlier segments retransmissions or out-of-order.
    // It takes no transmitter time and changes no other packet's delivery time: every packet sent after
    // it is due no earlier than that anyway (its serialisation ends later, its delay is at least
    // delay - jitter), so raising lastDeliverAt to it only keeps the queue in order.
    void recordWhereItWouldHaveArrived(Packet &&p, Link &l, std::int64_t now, const QString &comment)
    {
        const LinkImpairment &s = l.settings;
        if (l.pending.size() + l.bypass.size() >= kMaxPendingPerLink) {
            // The wire's buffer for this link is full: record it now rather than grow without bound.
            record(p.bytes.data(), p.bytes.size(), comment);
            giveBuffer(std::move(p.bytes));
            return;
        }
        const std::int64_t start = s.rateMbit > 0 ? std::max(now, l.busyUntil) : now;
        std::int64_t at = start + std::int64_t(std::max(0.0, s.delayMs - s.jitterMs) * 1e6);
        at = std::max(at, l.lastDeliverAt);
        l.lastDeliverAt = at;
        p.deliverAt = at;
        p.notDelivered = true;
        p.comment = comment;
        if (at <= now && l.pending.empty() && l.bypass.empty()) {
            recordNotDelivered(p);
            return;
        }
        l.pending.push_back(std::move(p));
    }

    void recordNotDelivered(Packet &p)
    {
        record(p.bytes.data(), p.bytes.size(), std::move(p.comment));
        giveBuffer(std::move(p.bytes));
        p.bytes = {};
        p.comment.clear();
    }

    // A packet enters the link from -> to at time now (sent, or released from a breakpoint).
    // alreadyRecorded: the tap has it (held packets are recorded when they left their sender).
    void enterLink(Packet &&pkt, std::int64_t now, bool alreadyRecorded)
    {
        const int from = pkt.from, to = pkt.to;
        Link &l = link(from, to);
        const LinkImpairment &s = l.settings;
        const bool recordAtEntry = to != captureHost;

        if (chance(s.lossPercent)) {
            ++stats.lost;
            const QString why = QCoreApplication::translate("Wire", "Lost on the lab network (loss %1 %)")
                                    .arg(percentText(s.lossPercent));
            if (alreadyRecorded)
                giveBuffer(std::move(pkt.bytes));
            else if (!recordAtEntry)
                recordWhereItWouldHaveArrived(std::move(pkt), l, now, why);
            else {
                record(pkt.bytes.data(), pkt.bytes.size(), why);
                giveBuffer(std::move(pkt.bytes));
            }
            return;
        }
        const bool duplicate = chance(s.duplicatePercent);
        const int copies = duplicate ? 2 : 1;
        if (duplicate)
            ++stats.duplicated;
        bool recorded = alreadyRecorded;
        Packet second;
        if (duplicate) {
            second.bytes = takeBuffer(pkt.bytes.size());
            std::memcpy(second.bytes.data(), pkt.bytes.data(), pkt.bytes.size());
            second.from = from;
            second.to = to;
            second.duplicate = true;
        }
        for (int copy = 0; copy < copies; ++copy) {
            Packet p = copy == 0 ? std::move(pkt) : std::move(second);
            const std::size_t len = p.bytes.size();
            std::int64_t txEnd = now;
            if (s.rateMbit > 0) {
                while (!l.txEnds.empty() && l.txEnds.front() <= now)
                    l.txEnds.pop_front();
                if (l.txEnds.size() >= std::size_t(s.queuePackets)) {
                    ++stats.queueDrops;
                    // A drop is recorded whatever the direction: it will never be delivered.
                    const QString why =
                        QCoreApplication::translate(
                            "Wire", "Dropped by the lab network: the link's queue was full (%1 packets)")
                            .arg(s.queuePackets);
                    if (recorded)
                        giveBuffer(std::move(p.bytes));
                    else if (!recordAtEntry)
                        recordWhereItWouldHaveArrived(std::move(p), l, now, why);
                    else {
                        record(p.bytes.data(), len, why);
                        giveBuffer(std::move(p.bytes));
                    }
                    recorded = true;
                    continue;
                }
                const std::int64_t start = std::max(now, l.busyUntil);
                txEnd = start + std::int64_t(double(len) * 8.0 * 1000.0 / s.rateMbit);
                l.busyUntil = txEnd;
                l.txEnds.push_back(txEnd);
            }
            if (l.pending.size() + l.bypass.size() >= kMaxPendingPerLink) {
                ++stats.queueDrops;
                if (!recorded)
                    record(
                        p.bytes.data(), len,
                        QCoreApplication::translate(
                            "Wire", "Dropped by the lab network: the wire's buffer for this link is full"));
                recorded = true;
                giveBuffer(std::move(p.bytes));
                continue;
            }
            if (!recorded && recordAtEntry) {
                record(p.bytes.data(), len);
                recorded = true;
            }
            if (s.delayMs > 0 && chance(s.reorderPercent)) {
                ++stats.reordered;
                p.deliverAt = txEnd;
                if (!l.bypass.empty())
                    p.deliverAt = std::max(p.deliverAt, l.bypass.back().deliverAt);
                l.bypass.push_back(std::move(p));
                continue;
            }
            double delayMs = s.delayMs;
            if (s.jitterMs > 0)
                delayMs += std::uniform_real_distribution<double>(-s.jitterMs, s.jitterMs)(rng);
            std::int64_t at = txEnd + std::int64_t(std::max(0.0, delayMs) * 1e6);
            at = std::max(at, l.lastDeliverAt); // FIFO on a link: jitter never reorders
            l.lastDeliverAt = at;
            p.deliverAt = at;
            if (at <= now && l.pending.empty() && l.bypass.empty()) {
                deliver(p, now);
                if (p.bytes.empty())
                    continue;
                l.pending.push_back(std::move(p)); // EAGAIN: retried from the timer
                continue;
            }
            l.pending.push_back(std::move(p));
        }
    }

    // Writes p to its destination. On success or a permanent error p.bytes is given back (empty);
    // on EAGAIN p keeps its bytes and a retry time.
    void deliver(Packet &p, std::int64_t now)
    {
        const Host &dst = hosts[std::size_t(p.to)];
        if (dst.gone) {
            giveBuffer(std::move(p.bytes));
            p.bytes = {};
            return;
        }
        const ssize_t w = dst.isSocket ? ::send(dst.fd, p.bytes.data(), p.bytes.size(), MSG_NOSIGNAL)
                                       : ::write(dst.fd, p.bytes.data(), p.bytes.size());
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOBUFS)) {
            if (++p.retries <= kMaxWriteRetries) {
                p.deliverAt = now + kRetryIntervalNs;
                return;
            }
            ++stats.queueDrops;
            if (p.to == captureHost)
                record(p.bytes.data(), p.bytes.size(),
                       QCoreApplication::translate(
                           "Wire", "Dropped by the lab network: the receiving host did not take the packet"));
        } else if (w >= 0) {
            ++stats.forwarded;
            if (p.to == captureHost)
                record(p.bytes.data(), p.bytes.size(),
                       p.duplicate ? QCoreApplication::translate("Wire", "Duplicated by the lab network")
                                   : QString());
        }
        // Other errors (the host's device went down, a packet its stack refuses): the packet is gone,
        // as on a real link.
        giveBuffer(std::move(p.bytes));
        p.bytes = {};
    }

    void deliverDue(std::int64_t now)
    {
        for (Link &l : links) {
            for (std::deque<Packet> *q : {&l.bypass, &l.pending}) {
                // Bounded: each pass delivers or re-times the front packet, which then stops the loop.
                while (!q->empty() && q->front().deliverAt <= now) {
                    Packet &p = q->front();
                    if (p.notDelivered) {
                        recordNotDelivered(p);
                        q->pop_front();
                        continue;
                    }
                    deliver(p, now);
                    if (!p.bytes.empty())
                        break; // EAGAIN: this link waits for its retry time
                    q->pop_front();
                }
            }
        }
    }

    std::int64_t nextDue() const
    {
        std::int64_t next = -1;
        for (const Link &l : links)
            for (const std::deque<Packet> *q : {&l.bypass, &l.pending})
                if (!q->empty() && (next < 0 || q->front().deliverAt < next))
                    next = q->front().deliverAt;
        return next;
    }

    void armTimer(std::int64_t at)
    {
        if (at == armedAt)
            return;
        itimerspec its{};
        if (at >= 0) {
            its.it_value.tv_sec = at / 1'000'000'000;
            its.it_value.tv_nsec = at % 1'000'000'000;
            if (its.it_value.tv_sec == 0 && its.it_value.tv_nsec == 0)
                its.it_value.tv_nsec = 1; // zero would disarm
        }
        timerfd_settime(timerFd, TFD_TIMER_ABSTIME, &its, nullptr);
        armedAt = at;
    }

    // A packet read from host `from`'s TUN.
    void arrive(int from, const std::uint8_t *data, std::size_t len, std::int64_t now)
    {
        const int to = route(data, len);
        if (to < 0 || to == from) {
            ++stats.unroutable;
            return;
        }
        const bool recordAtEntry = to != captureHost;
        for (Breakpoint &bp : breakpoints) {
            if (!bp.info.enabled || !bp.filter.matches(std::span<const std::uint8_t>(data, len)))
                continue;
            ++bp.info.hits;
            ++stats.held;
            Held h;
            h.from = from;
            h.to = to;
            h.info.id = nextHeldId++;
            h.info.heldSinceNs = tapNow();
            h.info.breakpointId = bp.info.id;
            h.info.from = hosts[std::size_t(from)].name;
            h.info.to = hosts[std::size_t(to)].name;
            h.info.bytes.assign(data, data + len);
            PacketSummary s;
            if (dissectSummary(LinkType::Raw, std::span<const std::uint8_t>(data, len), s))
                h.info.summary = QString::fromStdString(summaryInfo(s));
            if (recordAtEntry) {
                record(data, len,
                       QCoreApplication::translate("Wire", "Held at breakpoint %1 (%2)")
                           .arg(bp.info.id)
                           .arg(bp.info.expression));
                h.recorded = true;
            }
            held.push_back(std::move(h));
            heldChanged = true;
            return;
        }
        Packet p;
        p.bytes = takeBuffer(len);
        std::memcpy(p.bytes.data(), data, len);
        p.from = from;
        p.to = to;
        enterLink(std::move(p), now, false);
    }

    void run()
    {
        // Timers of this thread fire when due, not up to 50 us later (the default slack): the delay a
        // student sets is what the stacks see.
        prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
        std::vector<epoll_event> events(std::size_t(n()) + 2);
        // Bounded by stopRequested, which stop() sets before waking the loop through the eventfd.
        while (!stopRequested.load(std::memory_order_acquire)) {
            const int ready = epoll_wait(epollFd, events.data(), int(events.size()), kEpollTimeoutMs);
            if (ready < 0 && errno != EINTR)
                break;
            {
                const std::lock_guard<std::mutex> lock(mutex);
                if (stopRequested.load(std::memory_order_acquire))
                    break;
                std::int64_t now = monoNs();
                for (int i = 0; i < std::max(ready, 0); ++i) {
                    const int tag = int(events[std::size_t(i)].data.u32);
                    if (tag == -1) {
                        std::uint64_t v = 0;
                        [[maybe_unused]] const ssize_t r = ::read(wakeFd, &v, sizeof v);
                    } else if (tag == -2) {
                        std::uint64_t v = 0;
                        [[maybe_unused]] const ssize_t r = ::read(timerFd, &v, sizeof v);
                        armedAt = -1;
                    } else if (tag >= 0 && tag < n()) {
                        Host &host = hosts[std::size_t(tag)];
                        for (int k = 0; k < kReadBatch && !host.gone; ++k) {
                            const ssize_t r = ::read(host.fd, scratch.data(), scratch.size());
                            if (r > 0) {
                                arrive(tag, scratch.data(), std::size_t(r), now);
                                continue;
                            }
                            if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                                break; // drained; epoll tells us when there is more
                            // End-of-file or a device error (its namespace went away): stop watching it,
                            // or level-triggered epoll would report it forever.
                            host.gone = true;
                            epoll_ctl(epollFd, EPOLL_CTL_DEL, host.fd, nullptr);
                        }
                        now = monoNs();
                    }
                }
                // Stepped packets go on their link as if just sent.
                for (Held &h : released) {
                    Packet p;
                    p.bytes = takeBuffer(h.info.bytes.size());
                    std::memcpy(p.bytes.data(), h.info.bytes.data(), h.info.bytes.size());
                    p.from = h.from;
                    p.to = h.to;
                    enterLink(std::move(p), now, h.recorded);
                }
                released.clear();
                deliverDue(monoNs());
                armTimer(nextDue());
            }
            flushTap();
            if (heldChanged) {
                heldChanged = false;
                notifyHeldChanged();
            }
        }
    }

    void notifyHeldChanged()
    {
        QMetaObject::invokeMethod(
            q, [w = q] { Q_EMIT w->heldPacketsChanged(); }, Qt::QueuedConnection);
    }

    void wake()
    {
        if (wakeFd < 0)
            return;
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t w = ::write(wakeFd, &one, sizeof one);
    }

    void closeFds()
    {
        for (Host &h : hosts) {
            if (h.fd >= 0)
                ::close(h.fd);
            h.fd = -1;
        }
        for (int *fd : {&epollFd, &timerFd, &wakeFd}) {
            if (*fd >= 0)
                ::close(*fd);
            *fd = -1;
        }
    }
};

Wire::Wire(const RunClock *clock, QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    d->q = this;
    d->clock = clock;
}

Wire::~Wire()
{
    stop();
    d->closeFds();
}

void Wire::addHost(const QString &name, const QHostAddress &address, int tunFd)
{
    if (d->running.load()) {
        if (tunFd >= 0)
            ::close(tunFd); // the wire owns it either way
        return;
    }
    Host h;
    h.name = name;
    h.address = address;
    h.fd = tunFd;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        h.v6 = true;
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(h.raw.data(), a.c, 16);
    } else {
        const quint32 a = address.toIPv4Address();
        h.raw[0] = std::uint8_t(a >> 24);
        h.raw[1] = std::uint8_t(a >> 16);
        h.raw[2] = std::uint8_t(a >> 8);
        h.raw[3] = std::uint8_t(a);
    }
    if (tunFd >= 0) {
        struct stat st
        {
        };
        h.isSocket = fstat(tunFd, &st) == 0 && S_ISSOCK(st.st_mode);
        const int flags = fcntl(tunFd, F_GETFL);
        if (flags >= 0)
            fcntl(tunFd, F_SETFL, flags | O_NONBLOCK);
        fcntl(tunFd, F_SETFD, FD_CLOEXEC);
    }
    const std::lock_guard<std::mutex> lock(d->mutex);
    // Grow the link grid, keeping settings made so far.
    const int old = d->n();
    std::vector<Link> grown(std::size_t((old + 1) * (old + 1)));
    for (int a = 0; a < old; ++a)
        for (int b = 0; b < old; ++b)
            grown[std::size_t(a * (old + 1) + b)].settings = d->links[std::size_t(a * old + b)].settings;
    d->links = std::move(grown);
    d->hosts.push_back(std::move(h));
}

void Wire::setCaptureHost(const QString &name)
{
    const int i = d->hostIndex(name);
    if (i >= 0 && !d->running.load())
        d->captureHost = i;
}

void Wire::setSeed(std::uint64_t seed)
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    d->rng.seed(seed);
}

bool Wire::start(QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (d->running.load())
        return true;
    if (d->hosts.size() < 2)
        return fail(QCoreApplication::translate("Wire", "The wire needs at least two hosts."));
    for (const Host &h : d->hosts)
        if (h.fd < 0)
            return fail(QCoreApplication::translate(
                            "Wire", "Host %1 has no network device; start the lab network again.")
                            .arg(h.name));
    if (d->thread.joinable())
        return fail(
            QCoreApplication::translate("Wire", "The wire was stopped; start the lab network again."));
    d->epollFd = epoll_create1(EPOLL_CLOEXEC);
    d->timerFd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    d->wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (d->epollFd < 0 || d->timerFd < 0 || d->wakeFd < 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        for (int *fd : {&d->epollFd, &d->timerFd, &d->wakeFd}) {
            if (*fd >= 0)
                ::close(*fd);
            *fd = -1;
        }
        return fail(
            QCoreApplication::translate("Wire", "The wire could not set up its event loop (%1).").arg(why));
    }
    auto watch = [this](int fd, int tag) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u32 = std::uint32_t(tag);
        return epoll_ctl(d->epollFd, EPOLL_CTL_ADD, fd, &ev) == 0;
    };
    bool ok = watch(d->wakeFd, -1) && watch(d->timerFd, -2);
    for (int i = 0; ok && i < d->n(); ++i)
        ok = watch(d->hosts[std::size_t(i)].fd, i);
    if (!ok) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        for (int *fd : {&d->epollFd, &d->timerFd, &d->wakeFd}) {
            ::close(*fd);
            *fd = -1;
        }
        return fail(
            QCoreApplication::translate("Wire", "The wire could not watch a host's network device (%1).")
                .arg(why));
    }
    d->armedAt = -1;
    d->stopRequested.store(false);
    d->running.store(true);
    d->thread = std::thread([this] { d->run(); });
    return true;
}

void Wire::stop()
{
    if (d->thread.joinable()) {
        d->stopRequested.store(true, std::memory_order_release);
        d->wake();
        d->thread.join();
    }
    const bool wasRunning = d->running.exchange(false);
    bool hadHeld = false;
    {
        const std::lock_guard<std::mutex> lock(d->mutex);
        hadHeld = !d->held.empty();
        d->held.clear();
        d->released.clear();
        for (Link &l : d->links) {
            l.pending.clear();
            l.bypass.clear();
            l.txEnds.clear();
        }
        d->pool.clear();
        d->pool.shrink_to_fit();
    }
    d->flushTap();
    if (wasRunning)
        d->closeFds();
    if (hadHeld)
        d->notifyHeldChanged();
}

bool Wire::isRunning() const
{
    return d->running.load();
}

bool Wire::setImpairment(const QString &from, const QString &to, const LinkImpairment &impairment,
                         QString *error)
{
    if (!impairment.validate(error))
        return false;
    const int a = d->hostIndex(from), b = d->hostIndex(to);
    if (a < 0 || b < 0 || a == b) {
        if (error)
            *error = QCoreApplication::translate("Wire", "There is no link from %1 to %2.").arg(from, to);
        return false;
    }
    const std::lock_guard<std::mutex> lock(d->mutex);
    d->link(a, b).settings = impairment;
    return true;
}

LinkImpairment Wire::impairment(const QString &from, const QString &to) const
{
    const int a = d->hostIndex(from), b = d->hostIndex(to);
    if (a < 0 || b < 0)
        return {};
    const std::lock_guard<std::mutex> lock(d->mutex);
    return d->links[std::size_t(a * d->n() + b)].settings;
}

int Wire::addBreakpoint(const QString &expression, QString *error)
{
    Breakpoint bp;
    if (!bp.filter.compile(expression, error))
        return -1;
    const std::lock_guard<std::mutex> lock(d->mutex);
    bp.info.id = d->nextBreakpointId++;
    bp.info.expression = expression.trimmed();
    bp.info.enabled = true;
    const int id = bp.info.id;
    d->breakpoints.push_back(std::move(bp));
    return id;
}

void Wire::removeBreakpoint(int id)
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    std::erase_if(d->breakpoints, [id](const Breakpoint &b) { return b.info.id == id; });
}

void Wire::setBreakpointEnabled(int id, bool enabled)
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    for (Breakpoint &b : d->breakpoints)
        if (b.info.id == id)
            b.info.enabled = enabled;
}

std::vector<WireBreakpoint> Wire::breakpoints() const
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    std::vector<WireBreakpoint> out;
    out.reserve(d->breakpoints.size());
    for (const Breakpoint &b : d->breakpoints)
        out.push_back(b.info);
    return out;
}

std::vector<HeldPacket> Wire::heldPackets() const
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    std::vector<HeldPacket> out;
    out.reserve(d->held.size());
    for (const Held &h : d->held)
        out.push_back(h.info);
    return out;
}

bool Wire::step(std::uint64_t id)
{
    {
        const std::lock_guard<std::mutex> lock(d->mutex);
        if (!d->running.load())
            return false;
        const auto it = std::find_if(d->held.begin(), d->held.end(),
                                     [id](const Held &h) { return id == 0 || h.info.id == id; });
        if (it == d->held.end())
            return false;
        d->released.push_back(std::move(*it));
        d->held.erase(it);
    }
    d->wake();
    d->notifyHeldChanged();
    return true;
}

int Wire::releaseAll()
{
    int count = 0;
    {
        const std::lock_guard<std::mutex> lock(d->mutex);
        if (!d->running.load())
            return 0;
        count = int(d->held.size());
        for (Held &h : d->held)
            d->released.push_back(std::move(h));
        d->held.clear();
    }
    if (count > 0) {
        d->wake();
        d->notifyHeldChanged();
    }
    return count;
}

bool Wire::drop(std::uint64_t id)
{
    {
        const std::lock_guard<std::mutex> lock(d->mutex);
        const auto it = std::find_if(d->held.begin(), d->held.end(),
                                     [id](const Held &h) { return id == 0 || h.info.id == id; });
        if (it == d->held.end())
            return false;
        ++d->stats.droppedByStudent;
        if (!it->recorded) {
            CapturedPacket c;
            c.timeNs = d->tapNow();
            c.originalLength = std::uint32_t(it->info.bytes.size());
            c.bytes = std::move(it->info.bytes);
            c.comment = QCoreApplication::translate("Wire", "Dropped by the student at a breakpoint");
            const std::lock_guard<std::mutex> tapLock(d->tapMutex);
            d->tap.push_back(std::move(c));
        }
        d->held.erase(it);
    }
    d->notifyHeldChanged();
    return true;
}

int Wire::dropAll()
{
    int count = 0;
    // Bounded by the number of held packets: each drop() removes one.
    while (drop(0))
        ++count;
    return count;
}

std::vector<CapturedPacket> Wire::takePackets()
{
    std::vector<CapturedPacket> out;
    const std::lock_guard<std::mutex> lock(d->tapMutex);
    out.swap(d->tap);
    return out;
}

WireStats Wire::stats() const
{
    const std::lock_guard<std::mutex> lock(d->mutex);
    return d->stats;
}

} // namespace wirelab
