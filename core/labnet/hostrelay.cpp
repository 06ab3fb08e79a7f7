// SPDX-License-Identifier: GPL-3.0-or-later
#include "labnet/hostrelay.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace wirelab {

namespace {

constexpr std::size_t kMaxQueuedBytes = 8u << 20;  // per TCP direction: stop reading beyond this
constexpr std::size_t kMaxQueuedDatagrams = 20000; // per UDP direction: drop beyond this
constexpr int kMaxPairs = 256;

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString tr(const char *text)
{
    return QCoreApplication::translate("wirelab::HostRelay", text);
}

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

sockaddr_in loopbackAddress(const QHostAddress &address, std::uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(address.toIPv4Address());
    a.sin_port = htons(port);
    return a;
}

constexpr quint32 kListenAddress = 0x7F000002;   // 127.0.0.2
constexpr quint32 kUpstreamAddress = 0x7F000003; // 127.0.0.3

bool bindTo(int fd, quint32 address, std::uint16_t port)
{
    const sockaddr_in a = loopbackAddress(QHostAddress(address), port);
    return ::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a) == 0;
}

// Binds a relay's listening socket: 127.0.0.2 on the server's port where that is free (the client then
// sees the server's port number, and the capture filter on the lab's ports catches this leg), else
// 127.0.0.2 on any port, else 127.0.0.1 on any port. Returns where it is bound, port 0 on failure (errno).
HostRelay::Endpoint bindListener(int fd, std::uint16_t serverPort)
{
    if (fd < 0)
        return {};
    if (!bindTo(fd, kListenAddress, serverPort) && !bindTo(fd, kListenAddress, 0) &&
        !bindTo(fd, INADDR_LOOPBACK, 0))
        return {};
    sockaddr_in a{};
    socklen_t len = sizeof a;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) != 0)
        return {};
    return {QHostAddress(ntohl(a.sin_addr.s_addr)), ntohs(a.sin_port)};
}

// The relay's own sockets toward the servers leave from 127.0.0.3 when it can be bound (the port is
// picked at connect() time, IP_BIND_ADDRESS_NO_PORT, so the relay shares the ephemeral range as any
// client does).
bool bindUpstream(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
    return bindTo(fd, kUpstreamAddress, 0);
}

struct Chunk
{
    std::int64_t dueNs = 0;
    std::vector<char> bytes;
    std::size_t offset = 0;
    bool eof = false; // deliver a shutdown(SHUT_WR) instead of bytes
};

struct Direction
{
    std::deque<Chunk> queue;
    std::size_t queuedBytes = 0;
    std::int64_t lastDueNs = 0;  // chunks of a byte stream keep their order
    std::int64_t linkFreeNs = 0; // rate limit: when the link has sent what it has
    bool readEof = false, wroteEof = false;
};

struct TcpPair
{
    int clientFd = -1, serverFd = -1;
    bool connecting = true;
    Direction toServer, toClient;
    bool dead = false;
};

struct TcpListener
{
    int fd = -1;
    sockaddr_in target{};
};

struct UdpRelay
{
    int listenFd = -1, upstreamFd = -1;
    sockaddr_in client{};
    bool hasClient = false;
    std::multimap<std::pair<std::int64_t, std::uint64_t>, std::vector<char>> toServer, toClient;
};

} // namespace

struct HostRelay::Impl
{
    mutable std::mutex mutex;
    LinkImpairment c2s, s2c;
    std::vector<TcpListener> listeners;
    std::vector<UdpRelay> udp;
    std::vector<std::unique_ptr<TcpPair>> pairs;
    std::thread thread;
    int wakeFd = -1;
    std::atomic<bool> stopRequested{false};
    bool running = false;
    std::mt19937_64 random{std::random_device{}()};
    std::uint64_t order = 0;
    bool upstreamSeparate = true; // every upstream socket so far could bind 127.0.0.3

    LinkImpairment get(bool c2sDir)
    {
        std::lock_guard lock(mutex);
        return c2sDir ? c2s : s2c;
    }
    bool chance(double percent)
    {
        if (percent <= 0)
            return false;
        return std::uniform_real_distribution<double>(0, 100)(random) < percent;
    }
    std::int64_t delayNs(const LinkImpairment &imp)
    {
        double ms = imp.delayMs;
        if (imp.jitterMs > 0)
            ms += std::uniform_real_distribution<double>(-imp.jitterMs, imp.jitterMs)(random);
        return std::int64_t(std::max(0.0, ms) * 1e6);
    }
    // When bytes entering a direction now are due at the far end: delay plus serialisation at the rate.
    std::int64_t due(Direction &dir, const LinkImpairment &imp, std::size_t bytes, std::int64_t now)
    {
        std::int64_t sent = now;
        if (imp.rateMbit > 0) {
            dir.linkFreeNs =
                std::max(dir.linkFreeNs, now) + std::int64_t(double(bytes) * 8.0 * 1000.0 / imp.rateMbit);
            sent = dir.linkFreeNs;
        }
        const std::int64_t d = std::max(sent + delayNs(imp), dir.lastDueNs);
        dir.lastDueNs = d;
        return d;
    }
    void run();
    void acceptOn(TcpListener &listener);
    void readInto(TcpPair &pair, bool fromClient, std::int64_t now);
    void flush(TcpPair &pair, bool toServer, std::int64_t now);
    void readUdp(UdpRelay &relay, bool fromClient, std::int64_t now);
    void flushUdp(UdpRelay &relay, std::int64_t now);
};

HostRelay::HostRelay() : d(std::make_unique<Impl>()) {}

HostRelay::~HostRelay()
{
    stop();
    for (TcpListener &l : d->listeners)
        closeFd(l.fd);
    for (UdpRelay &u : d->udp) {
        closeFd(u.listenFd);
        closeFd(u.upstreamFd);
    }
}

QString HostRelay::limitations()
{
    return tr(
        "In host mode a relay on 127.0.0.1 delays TCP bytes but cannot drop, duplicate or reorder TCP "
        "segments, does not delay handshakes, and has no breakpoints; UDP datagrams get delay and loss.");
}

QHostAddress HostRelay::listenAddress()
{
    return QHostAddress(kListenAddress);
}

QHostAddress HostRelay::upstreamAddress()
{
    return QHostAddress(kUpstreamAddress);
}

bool HostRelay::upstreamSeparate() const
{
    std::lock_guard lock(d->mutex);
    return d->upstreamSeparate;
}

HostRelay::Endpoint HostRelay::addTcp(const QHostAddress &target, std::uint16_t port, QString *error)
{
    if (d->running)
        return {};
    TcpListener l;
    l.target = loopbackAddress(target, port);
    l.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (l.fd >= 0) {
        const int one = 1; // a connection of an earlier run in TIME_WAIT on this port must not block it
        ::setsockopt(l.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    }
    const Endpoint at = bindListener(l.fd, port);
    if (!at.isValid() || ::listen(l.fd, 64) != 0) {
        if (error)
            *error = tr("The relay could not listen on the loopback interface: %1.")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
        closeFd(l.fd);
        return {};
    }
    // Whether the relay's connections can leave from 127.0.0.3 here (each one binds it again).
    const int probe = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const bool separate = probe >= 0 && bindUpstream(probe);
    if (probe >= 0)
        ::close(probe);
    {
        std::lock_guard lock(d->mutex);
        d->upstreamSeparate = d->upstreamSeparate && separate;
    }
    d->listeners.push_back(l);
    return at;
}

HostRelay::Endpoint HostRelay::addUdp(const QHostAddress &target, std::uint16_t port, QString *error)
{
    if (d->running)
        return {};
    UdpRelay u;
    u.listenFd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    u.upstreamFd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    const sockaddr_in to = loopbackAddress(target, port);
    const int big = 4 << 20; // a blast should be lost at the lab's receiver, not in the relay
    if (u.listenFd >= 0)
        ::setsockopt(u.listenFd, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    const Endpoint at = bindListener(u.listenFd, port);
    const bool separate = u.upstreamFd >= 0 && bindUpstream(u.upstreamFd);
    if (!at.isValid() || u.upstreamFd < 0 ||
        ::connect(u.upstreamFd, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0) {
        if (error)
            *error = tr("The relay could not open its UDP sockets on the loopback interface: %1.")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
        closeFd(u.listenFd);
        closeFd(u.upstreamFd);
        return {};
    }
    {
        std::lock_guard lock(d->mutex);
        d->upstreamSeparate = d->upstreamSeparate && separate;
    }
    d->udp.push_back(std::move(u));
    return at;
}

bool HostRelay::start(QString *error)
{
    if (d->running)
        return true;
    d->wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (d->wakeFd < 0) {
        if (error)
            *error = tr("The relay could not start: %1.").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    d->stopRequested = false;
    d->thread = std::thread([impl = d.get()] { impl->run(); });
    d->running = true;
    return true;
}

void HostRelay::stop()
{
    if (!d->running)
        return;
    d->stopRequested = true;
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(d->wakeFd, &one, sizeof one);
    d->thread.join();
    closeFd(d->wakeFd);
    for (auto &pair : d->pairs) {
        closeFd(pair->clientFd);
        closeFd(pair->serverFd);
    }
    d->pairs.clear();
    d->running = false;
}

bool HostRelay::isRunning() const
{
    return d->running;
}

bool HostRelay::setImpairment(bool clientToServer, const LinkImpairment &impairment, QString *error)
{
    if (!impairment.validate(error))
        return false;
    std::lock_guard lock(d->mutex);
    (clientToServer ? d->c2s : d->s2c) = impairment;
    return true;
}

LinkImpairment HostRelay::impairment(bool clientToServer) const
{
    std::lock_guard lock(d->mutex);
    return clientToServer ? d->c2s : d->s2c;
}

void HostRelay::Impl::acceptOn(TcpListener &listener)
{
    for (int i = 0; i < 16; ++i) {
        const int fd = ::accept4(listener.fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0)
            return;
        if (int(pairs.size()) >= kMaxPairs) {
            ::close(fd);
            continue;
        }
        auto pair = std::make_unique<TcpPair>();
        pair->clientFd = fd;
        pair->serverFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        const int one = 1;
        ::setsockopt(pair->clientFd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (pair->serverFd >= 0) {
            ::setsockopt(pair->serverFd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            bindUpstream(pair->serverFd); // where it cannot, it leaves from 127.0.0.1 (upstreamSeparate)
        }
        if (pair->serverFd < 0 || (::connect(pair->serverFd, reinterpret_cast<sockaddr *>(&listener.target),
                                             sizeof listener.target) != 0 &&
                                   errno != EINPROGRESS)) {
            closeFd(pair->clientFd);
            closeFd(pair->serverFd);
            continue;
        }
        pairs.push_back(std::move(pair));
    }
}

void HostRelay::Impl::readInto(TcpPair &pair, bool fromClient, std::int64_t now)
{
    Direction &dir = fromClient ? pair.toServer : pair.toClient;
    const int fd = fromClient ? pair.clientFd : pair.serverFd;
    const LinkImpairment imp = get(fromClient);
    std::vector<char> buffer(65536);
    for (int i = 0; i < 8 && dir.queuedBytes < kMaxQueuedBytes && !dir.readEof; ++i) {
        const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (n > 0) {
            Chunk c;
            c.bytes.assign(buffer.begin(), buffer.begin() + n);
            c.dueNs = due(dir, imp, std::size_t(n), now);
            dir.queuedBytes += std::size_t(n);
            dir.queue.push_back(std::move(c));
            continue;
        }
        if (n == 0) {
            Chunk c;
            c.eof = true;
            c.dueNs = due(dir, imp, 0, now);
            dir.queue.push_back(std::move(c));
            dir.readEof = true;
            return;
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            pair.dead = true; // a reset: the relay ends both sides
        return;
    }
}

void HostRelay::Impl::flush(TcpPair &pair, bool toServer, std::int64_t now)
{
    Direction &dir = toServer ? pair.toServer : pair.toClient;
    const int fd = toServer ? pair.serverFd : pair.clientFd;
    while (!dir.queue.empty() && dir.queue.front().dueNs <= now) {
        Chunk &c = dir.queue.front();
        if (c.eof) {
            ::shutdown(fd, SHUT_WR);
            dir.wroteEof = true;
            dir.queue.pop_front();
            continue;
        }
        const ssize_t n =
            ::send(fd, c.bytes.data() + c.offset, c.bytes.size() - c.offset, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                pair.dead = true;
            return;
        }
        c.offset += std::size_t(n);
        dir.queuedBytes -= std::size_t(n);
        if (c.offset < c.bytes.size())
            return;
        dir.queue.pop_front();
    }
}

void HostRelay::Impl::readUdp(UdpRelay &relay, bool fromClient, std::int64_t now)
{
    std::vector<char> buffer(65536);
    for (int i = 0; i < 256; ++i) {
        sockaddr_in peer{};
        socklen_t len = sizeof peer;
        const int fd = fromClient ? relay.listenFd : relay.upstreamFd;
        const ssize_t n = ::recvfrom(fd, buffer.data(), buffer.size(), MSG_DONTWAIT,
                                     reinterpret_cast<sockaddr *>(&peer), &len);
        if (n < 0)
            return;
        if (fromClient) {
            relay.client = peer;
            relay.hasClient = true;
        }
        const LinkImpairment imp = get(fromClient);
        auto &queue = fromClient ? relay.toServer : relay.toClient;
        if (chance(imp.lossPercent) || queue.size() >= kMaxQueuedDatagrams)
            continue;
        const int copies = chance(imp.duplicatePercent) ? 2 : 1;
        for (int k = 0; k < copies; ++k) {
            const std::int64_t dueAt = chance(imp.reorderPercent) ? now : now + delayNs(imp);
            queue.emplace(std::make_pair(dueAt, order++),
                          std::vector<char>(buffer.begin(), buffer.begin() + n));
        }
    }
}

void HostRelay::Impl::flushUdp(UdpRelay &relay, std::int64_t now)
{
    while (!relay.toServer.empty() && relay.toServer.begin()->first.first <= now) {
        const std::vector<char> &bytes = relay.toServer.begin()->second;
        ::send(relay.upstreamFd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        relay.toServer.erase(relay.toServer.begin());
    }
    while (!relay.toClient.empty() && relay.toClient.begin()->first.first <= now) {
        const std::vector<char> &bytes = relay.toClient.begin()->second;
        if (relay.hasClient)
            ::sendto(relay.listenFd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL,
                     reinterpret_cast<const sockaddr *>(&relay.client), sizeof relay.client);
        relay.toClient.erase(relay.toClient.begin());
    }
}

void HostRelay::Impl::run()
{
    std::vector<pollfd> fds;
    while (!stopRequested.load()) {
        std::int64_t now = nowNs();
        std::int64_t next = now + 50'000'000; // wake at least every 50 ms
        fds.clear();
        fds.push_back({wakeFd, POLLIN, 0});
        for (const TcpListener &l : listeners)
            fds.push_back({l.fd, POLLIN, 0});
        for (const UdpRelay &u : udp) {
            fds.push_back({u.listenFd, POLLIN, 0});
            fds.push_back({u.upstreamFd, POLLIN, 0});
            if (!u.toServer.empty())
                next = std::min(next, u.toServer.begin()->first.first);
            if (!u.toClient.empty())
                next = std::min(next, u.toClient.begin()->first.first);
        }
        for (const auto &p : pairs) {
            auto events = [&](const Direction &in, const Direction &out) {
                short e = 0;
                if (!in.readEof && in.queuedBytes < kMaxQueuedBytes)
                    e |= POLLIN;
                if (!out.queue.empty()) {
                    if (out.queue.front().dueNs <= now)
                        e |= POLLOUT;
                    else
                        next = std::min(next, out.queue.front().dueNs);
                }
                return e;
            };
            fds.push_back({p->clientFd, short(events(p->toServer, p->toClient)), 0});
            fds.push_back(
                {p->serverFd, short(p->connecting ? POLLOUT : events(p->toClient, p->toServer)), 0});
        }
        const int timeoutMs = int(std::clamp<std::int64_t>((next - now + 999'999) / 1'000'000, 0, 50));
        if (::poll(fds.data(), nfds_t(fds.size()), timeoutMs) < 0 && errno != EINTR)
            break;
        if (fds[0].revents & POLLIN)
            break;
        now = nowNs();
        std::size_t i = 1;
        for (TcpListener &l : listeners) {
            if (fds[i++].revents & POLLIN)
                acceptOn(l);
        }
        for (UdpRelay &u : udp) {
            if (fds[i++].revents & POLLIN)
                readUdp(u, true, now);
            if (fds[i++].revents & POLLIN)
                readUdp(u, false, now);
            flushUdp(u, now);
        }
        // Pairs accepted in this round have no pollfd yet: only the first ones are looked at.
        const std::size_t polledPairs = (fds.size() - i) / 2;
        for (std::size_t k = 0; k < pairs.size(); ++k) {
            TcpPair &p = *pairs[k];
            short clientEvents = 0, serverEvents = 0;
            if (k < polledPairs) {
                clientEvents = fds[i + 2 * k].revents;
                serverEvents = fds[i + 2 * k + 1].revents;
            }
            if (p.connecting) {
                if (serverEvents & (POLLOUT | POLLERR | POLLHUP)) {
                    int err = 0;
                    socklen_t len = sizeof err;
                    ::getsockopt(p.serverFd, SOL_SOCKET, SO_ERROR, &err, &len);
                    if (err != 0)
                        p.dead = true;
                    p.connecting = false;
                }
                continue;
            }
            if (clientEvents & (POLLIN | POLLHUP | POLLERR))
                readInto(p, true, now);
            if (serverEvents & (POLLIN | POLLHUP | POLLERR))
                readInto(p, false, now);
            flush(p, true, now);
            flush(p, false, now);
        }
        // A pair is done when both directions delivered their end of stream, or one side failed.
        pairs.erase(std::remove_if(pairs.begin(), pairs.end(),
                                   [](std::unique_ptr<TcpPair> &p) {
                                       const bool done =
                                           p->dead || (p->toServer.wroteEof && p->toClient.wroteEof);
                                       if (done) {
                                           closeFd(p->clientFd);
                                           closeFd(p->serverFd);
                                       }
                                       return done;
                                   }),
                    pairs.end());
    }
}

} // namespace wirelab
