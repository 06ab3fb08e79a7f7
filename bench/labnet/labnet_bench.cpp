// SPDX-License-Identifier: GPL-3.0-or-later
// wirelab-labnet-bench: what the lab network's wire costs, in one run.
//  1. bulk TCP throughput client -> server across the wire (no impairment) and over plain loopback (ratio);
//  2. the wire's added latency at zero delay: UDP ping-pong round trips across the wire and over loopback
//     (median and p99);
//  3. the packet rate the wire sustains: UDP at increasing rates, the highest with every datagram delivered
//     and no drop in the wire's stats.
// Traffic stays on 127.0.0.1 and inside the lab network's own namespaces. Results: docs/benchmarks.md.

#include "labnet/labnetwork.h"
#include "labnet/wire.h"
#include "runclock.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

using namespace wirelab;

namespace {

std::int64_t monoNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

double cpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

bool waitFd(int fd, short events, int timeoutMs)
{
    pollfd p{fd, events, 0};
    return ::poll(&p, 1, timeoutMs) == 1 && (p.revents & events);
}

[[noreturn]] void die(const char *what, const QString &why = {})
{
    std::fprintf(stderr, "wirelab-labnet-bench: %s%s%s\n", what, why.isEmpty() ? "" : ": ", qPrintable(why));
    std::exit(1);
}

// Where the sockets of one measurement live: the lab network's hosts, or the real loopback.
struct Path
{
    const char *name;
    std::function<int(bool server, int type)> socket;
    in_addr_t serverAddress; // network order
};

sockaddr_in endpoint(in_addr_t address, std::uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = address;
    a.sin_port = htons(port);
    return a;
}

std::uint16_t boundPort(int fd)
{
    sockaddr_in a{};
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    return ntohs(a.sin_port);
}

int bindServer(const Path &path, int type)
{
    const int fd = path.socket(true, type);
    if (fd < 0)
        die("cannot create the server socket");
    const sockaddr_in a = endpoint(path.serverAddress, 0);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a) != 0)
        die("bind", QString::fromLocal8Bit(std::strerror(errno)));
    return fd;
}

// Bytes per second of one bulk transfer lasting about `seconds`.
double bulkTcp(const Path &path, double seconds)
{
    const int listener = bindServer(path, SOCK_STREAM);
    if (::listen(listener, 4) != 0)
        die("listen");
    const sockaddr_in to = endpoint(path.serverAddress, boundPort(listener));
    const int client = path.socket(false, SOCK_STREAM);
    if (::connect(client, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0)
        die("connect", QString::fromLocal8Bit(std::strerror(errno)));
    if (!waitFd(listener, POLLIN, 5000))
        die("nothing to accept");
    const int accepted = ::accept(listener, nullptr, nullptr);
    std::atomic<std::int64_t> receivedBytes{0}, doneAt{0};
    std::thread receiver([&] {
        std::vector<char> buf(1 << 20);
        std::int64_t total = 0;
        // Bounded: ends at EOF, an error, or 60 s without data.
        while (waitFd(accepted, POLLIN, 60000)) {
            const ssize_t r = ::recv(accepted, buf.data(), buf.size(), 0);
            if (r <= 0)
                break;
            total += r;
        }
        receivedBytes = total;
        doneAt = monoNs();
    });
    std::vector<char> chunk(256 * 1024, 'x');
    const std::int64_t start = monoNs();
    const std::int64_t end = start + std::int64_t(seconds * 1e9);
    while (monoNs() < end) {
        const ssize_t w = ::send(client, chunk.data(), chunk.size(), MSG_NOSIGNAL);
        if (w <= 0)
            die("send", QString::fromLocal8Bit(std::strerror(errno)));
    }
    ::shutdown(client, SHUT_WR);
    receiver.join();
    ::close(client);
    ::close(accepted);
    ::close(listener);
    return double(receivedBytes.load()) / (double(doneAt.load() - start) / 1e9);
}

struct Latency
{
    double medianUs = 0, p99Us = 0;
};

Latency percentiles(std::vector<double> rtts)
{
    if (rtts.empty())
        die("no ping-pong completed");
    std::sort(rtts.begin(), rtts.end());
    return Latency{rtts[rtts.size() / 2], rtts[std::min(rtts.size() - 1, rtts.size() * 99 / 100)]};
}

// Round trips (microseconds) of 64-byte UDP datagrams to an echo thread, after 200 of warm-up.
std::vector<double> udpPingPong(const Path &path, int count)
{
    const int server = bindServer(path, SOCK_DGRAM);
    std::atomic<bool> stop{false};
    std::thread echo([&] {
        char buf[2048];
        while (!stop.load()) {
            if (!waitFd(server, POLLIN, 100))
                continue;
            sockaddr_in from{};
            socklen_t len = sizeof from;
            const ssize_t r =
                ::recvfrom(server, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&from), &len);
            if (r > 0)
                ::sendto(server, buf, std::size_t(r), 0, reinterpret_cast<sockaddr *>(&from), len);
        }
    });
    const int client = path.socket(false, SOCK_DGRAM);
    const sockaddr_in to = endpoint(path.serverAddress, boundPort(server));
    if (::connect(client, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0)
        die("connect (UDP)");
    std::vector<double> rtts;
    rtts.reserve(std::size_t(count));
    char buf[64] = {};
    int lost = 0;
    for (int i = 0; i < count + 200 && lost < 100; ++i) {
        const std::int64_t t0 = monoNs();
        if (::send(client, buf, sizeof buf, 0) != sizeof buf)
            die("send (UDP)");
        if (!waitFd(client, POLLIN, 1000) || ::recv(client, buf, sizeof buf, 0) <= 0) {
            ++lost;
            continue;
        }
        if (i >= 200) // warm-up excluded
            rtts.push_back(double(monoNs() - t0) / 1e3);
    }
    stop = true;
    echo.join();
    ::close(client);
    ::close(server);
    return rtts;
}

struct RateResult
{
    int rate = 0;
    std::int64_t sent = 0, sendErrors = 0, received = 0;
    std::uint64_t wireDrops = 0;
    bool clean() const { return sendErrors == 0 && received == sent && wireDrops == 0; }
};

// UDP datagrams (64 bytes of payload) at `rate` per second for one second, paced in 100 us steps.
RateResult udpRate(const Path &path, Wire &wire, int rate)
{
    const int server = bindServer(path, SOCK_DGRAM);
    int big = 8 << 20;
    ::setsockopt(server, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    std::atomic<bool> senderDone{false};
    std::atomic<std::int64_t> received{0};
    std::thread receiver([&] {
        char buf[2048];
        std::int64_t n = 0;
        // Bounded: stops 300 ms after the sender finished and nothing more came.
        for (;;) {
            if (waitFd(server, POLLIN, 300)) {
                while (::recv(server, buf, sizeof buf, MSG_DONTWAIT) > 0)
                    ++n;
            } else if (senderDone.load()) {
                break;
            }
        }
        received = n;
    });
    const int client = path.socket(false, SOCK_DGRAM);
    const sockaddr_in to = endpoint(path.serverAddress, boundPort(server));
    if (::connect(client, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0)
        die("connect (UDP)");
    const WireStats before = wire.stats();
    RateResult r;
    r.rate = rate;
    char buf[64] = {};
    const std::int64_t start = monoNs();
    const std::int64_t end = start + 1'000'000'000;
    for (std::int64_t now = start; now < end; now = monoNs()) {
        const std::int64_t due = std::int64_t(double(now - start) * rate / 1e9);
        while (r.sent < due) {
            if (::send(client, buf, sizeof buf, 0) != sizeof buf)
                ++r.sendErrors;
            ++r.sent;
        }
        const timespec pause{0, 100'000};
        nanosleep(&pause, nullptr);
    }
    senderDone = true;
    receiver.join();
    const WireStats after = wire.stats();
    r.received = received.load();
    r.wireDrops = (after.queueDrops - before.queueDrops) + (after.lost - before.lost);
    ::close(client);
    ::close(server);
    return r;
}

// "Udp: ... RcvbufErrors" from a host's /proc/net/snmp.
std::int64_t udpRcvbufErrors(LabNetwork &net, const QString &host)
{
    const QList<QByteArray> lines = net.readProcNet(host, QStringLiteral("snmp")).split('\n');
    for (int i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i].startsWith("Udp: ") || !lines[i + 1].startsWith("Udp: "))
            continue;
        const QList<QByteArray> names = lines[i].simplified().split(' ');
        const QList<QByteArray> values = lines[i + 1].simplified().split(' ');
        for (int k = 0; k < names.size() && k < values.size(); ++k)
            if (names[k] == "RcvbufErrors")
                return values[k].toLongLong();
    }
    return -1;
}

// Transmit drops of a host's own devices (its TUN's queue toward the wire), from /proc/net/dev.
std::int64_t txDrops(LabNetwork &net, const QString &host)
{
    std::int64_t total = 0;
    for (const QByteArray &line : net.readProcNet(host, QStringLiteral("dev")).split('\n')) {
        const int colon = line.indexOf(':');
        if (colon < 0 || line.left(colon).trimmed() == "lo")
            continue;
        const QList<QByteArray> f = line.mid(colon + 1).simplified().split(' ');
        if (f.size() >= 12)
            total += f[11].toLongLong(); // transmit: bytes packets errs drop ...
    }
    return total;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 3;
    int runs = 3, pings = 20000, mtu = 1500;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        bool ok = false;
        if (args[i] == QLatin1String("--seconds"))
            seconds = args[i + 1].toDouble(&ok);
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt(&ok);
        else if (args[i] == QLatin1String("--pings"))
            pings = args[i + 1].toInt(&ok);
        else if (args[i] == QLatin1String("--mtu"))
            mtu = args[i + 1].toInt(&ok);
        if (!ok || seconds <= 0 || seconds > 60 || runs < 1 || runs > 20 || pings < 100 || pings > 1000000)
            die("usage: wirelab-labnet-bench [--seconds 3] [--runs 3] [--pings 20000] [--mtu 1500]");
    }

    RunClock clock;
    LabNetwork net;
    net.setClock(&clock);
    LabNetworkSpec spec;
    spec.hosts = {LabHostSpec{QStringLiteral("client")}, LabHostSpec{QStringLiteral("server")}};
    spec.links = {LabLinkSpec{QStringLiteral("client"), QStringLiteral("server"), {}, {}}};
    spec.mtu = mtu;
    QString error;
    if (!net.start(spec, &error))
        die("the lab network did not start", error);
    if (!net.wire().start(&error))
        die("the wire did not start", error);

    // The tap's consumer, as the app has one: drains every 20 ms and counts.
    std::atomic<bool> stopDrain{false};
    std::atomic<std::uint64_t> tapped{0};
    std::thread drainer([&] {
        while (!stopDrain.load()) {
            tapped += net.wire().takePackets().size();
            const timespec pause{0, 20'000'000};
            nanosleep(&pause, nullptr);
        }
        tapped += net.wire().takePackets().size();
    });

    const in_addr_t serverAddress = htonl(net.address(QStringLiteral("server")).toIPv4Address());
    const Path wirePath{"wire",
                        [&net](bool server, int type) {
                            QString e;
                            const int fd =
                                net.openSocket(server ? QStringLiteral("server") : QStringLiteral("client"),
                                               AF_INET, type, 0, &e);
                            if (fd < 0)
                                die("openSocket", e);
                            return fd;
                        },
                        serverAddress};
    const Path loopPath{"loopback", [](bool, int type) { return ::socket(AF_INET, type | SOCK_CLOEXEC, 0); },
                        htonl(INADDR_LOOPBACK)};

    std::printf("wirelab-labnet-bench: MTU %d, %d run(s) of %.1f s bulk TCP, %d UDP ping-pongs\n", mtu, runs,
                seconds, pings);

    // 1. Throughput, alternating so both see the same machine load.
    std::vector<double> wireBps, loopBps;
    double wireCpu = 0;
    for (int i = 0; i < runs; ++i) {
        const double c0 = cpuSeconds();
        wireBps.push_back(bulkTcp(wirePath, seconds));
        wireCpu += cpuSeconds() - c0;
        loopBps.push_back(bulkTcp(loopPath, seconds));
        std::printf("  run %d: wire %.2f Gbit/s, loopback %.2f Gbit/s\n", i + 1, wireBps.back() * 8 / 1e9,
                    loopBps.back() * 8 / 1e9);
        std::fflush(stdout);
    }
    const double w = median(wireBps), l = median(loopBps);
    std::printf("throughput (median): wire %.2f Gbit/s, loopback %.2f Gbit/s, ratio wire/loopback %.2f; "
                "process CPU during the wire runs %.2f s per s\n",
                w * 8 / 1e9, l * 8 / 1e9, w / l, wireCpu / (seconds * runs));

    // 2. Added latency.
    // In blocks of 1000, alternating, so both paths see the same machine load.
    std::vector<double> wireRtts, loopRtts;
    for (int done = 0; done < pings; done += 1000) {
        const int block = std::min(1000, pings - done);
        const std::vector<double> w1 = udpPingPong(wirePath, block);
        const std::vector<double> l1 = udpPingPong(loopPath, block);
        wireRtts.insert(wireRtts.end(), w1.begin(), w1.end());
        loopRtts.insert(loopRtts.end(), l1.begin(), l1.end());
    }
    const Latency wl = percentiles(wireRtts);
    const Latency ll = percentiles(loopRtts);
    std::printf("UDP round trip: wire median %.1f us p99 %.1f us; loopback median %.1f us p99 %.1f us; "
                "added by the wire (two crossings per round trip): median %.1f us, p99 %.1f us\n",
                wl.medianUs, wl.p99Us, ll.medianUs, ll.p99Us, wl.medianUs - ll.medianUs, wl.p99Us - ll.p99Us);
    std::fflush(stdout);

    // 3. Packet rate.
    int best = 0, failures = 0;
    for (const int rate : {10000, 25000, 50000, 75000, 100000, 150000, 200000, 300000, 400000}) {
        const std::int64_t rcvbuf0 = udpRcvbufErrors(net, QStringLiteral("server"));
        const std::int64_t tx0 = txDrops(net, QStringLiteral("client"));
        const RateResult r = udpRate(wirePath, net.wire(), rate);
        const std::int64_t rcvbuf = udpRcvbufErrors(net, QStringLiteral("server")) - rcvbuf0;
        const std::int64_t tx = txDrops(net, QStringLiteral("client")) - tx0;
        std::printf(
            "  UDP %6d/s: sent %lld (send errors %lld), received %lld, wire drops %llu, client TUN queue "
            "drops %lld, server RcvbufErrors %lld -> %s\n",
            rate, static_cast<long long>(r.sent), static_cast<long long>(r.sendErrors),
            static_cast<long long>(r.received), static_cast<unsigned long long>(r.wireDrops),
            static_cast<long long>(tx), static_cast<long long>(rcvbuf), r.clean() ? "clean" : "LOSSES");
        std::fflush(stdout);
        if (r.clean()) {
            best = rate;
            failures = 0;
        } else if (++failures == 2) {
            break;
        }
    }
    std::printf("packet rate: highest with every datagram delivered and no wire drops: %d datagrams/s\n",
                best);

    stopDrain = true;
    drainer.join();
    const WireStats s = net.wire().stats();
    std::printf("wire totals: forwarded %llu, tapped %llu, queue drops %llu, unroutable %llu\n",
                static_cast<unsigned long long>(s.forwarded), static_cast<unsigned long long>(tapped.load()),
                static_cast<unsigned long long>(s.queueDrops), static_cast<unsigned long long>(s.unroutable));
    net.stop();
    return 0;
}
