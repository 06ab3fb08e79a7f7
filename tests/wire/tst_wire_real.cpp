// SPDX-License-Identifier: GPL-3.0-or-later
// The wire between real kernel TCP/IP stacks: a client and a server host in their own network namespaces
// (LabNetwork: the agent, user + network namespaces, TUN devices), joined by the wire. What a student must
// see: 50 ms each way gives a 100 ms handshake; a SYN held at a breakpoint is retransmitted by the client's
// kernel and reaches the server only after Step; 10 % loss loses 10 % of real UDP datagrams.
//
// Runs as whoever runs it; the namespaces engineer's tst_labnetwork covers dropping to `nobody`.

#include "dissect/dissect.h"
#include "labnet/labnetwork.h"
#include "labnet/wire.h"
#include "runclock.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <optional>

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "processresources.h"

using wirelab::test::countEntries;
using wirelab::test::openFdCount;
using wirelab::test::threadCount;

using namespace wirelab;

namespace {

std::int64_t monoNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

bool waitFd(int fd, short events, int timeoutMs)
{
    pollfd p{fd, events, 0};
    return ::poll(&p, 1, timeoutMs) == 1 && (p.revents & events);
}

// Closes a descriptor when it goes out of scope.
struct Fd
{
    int fd = -1;
    explicit Fd(int f = -1) : fd(f) {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
};

sockaddr_in endpoint(const QHostAddress &address, std::uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(address.toIPv4Address());
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

struct Segment
{
    std::int64_t timeNs = 0;
    PacketSummary s;
    QString comment;
};

std::vector<Segment> tcpSegments(const std::vector<CapturedPacket> &tap)
{
    std::vector<Segment> out;
    for (const CapturedPacket &p : tap) {
        Segment seg;
        seg.timeNs = p.timeNs;
        seg.comment = p.comment;
        if (dissectSummary(LinkType::Raw, p.bytes, seg.s) && seg.s.protocol == Protocol::Tcp)
            out.push_back(seg);
    }
    return out;
}

bool isSyn(const PacketSummary &s)
{
    return (s.tcpFlags & (TcpSyn | TcpAck)) == TcpSyn;
}
bool isSynAck(const PacketSummary &s)
{
    return (s.tcpFlags & (TcpSyn | TcpAck)) == (TcpSyn | TcpAck);
}

} // namespace

class TestWireReal final : public QObject
{
    Q_OBJECT

private:
    RunClock m_clock;
    std::unique_ptr<LabNetwork> m_net;

    // A fresh client/server lab network with the given impairment on both directions, wire running.
    bool startNetwork(const LinkImpairment &each)
    {
        m_net = std::make_unique<LabNetwork>();
        m_net->setClock(&m_clock);
        LabNetworkSpec spec;
        spec.hosts = {LabHostSpec{QStringLiteral("client")}, LabHostSpec{QStringLiteral("server")}};
        spec.links = {LabLinkSpec{QStringLiteral("client"), QStringLiteral("server"), each, each}};
        QString error;
        if (!m_net->start(spec, &error)) {
            qWarning("LabNetwork::start: %s", qPrintable(error));
            return false;
        }
        m_net->wire().setSeed(20261127);
        if (!m_net->wire().start(&error)) {
            qWarning("Wire::start: %s", qPrintable(error));
            return false;
        }
        return true;
    }
    QHostAddress server() const { return m_net->address(QStringLiteral("server")); }

    // A listening TCP socket in the server host, port 0 read back.
    int listenOnServer(int backlog = 64)
    {
        QString error;
        const int fd =
            m_net->openSocket(QStringLiteral("server"), AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0, &error);
        if (fd < 0) {
            qWarning("openSocket: %s", qPrintable(error));
            return -1;
        }
        const sockaddr_in a = endpoint(server(), 0);
        if (::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a) != 0 || ::listen(fd, backlog) != 0) {
            qWarning("bind/listen: %s", std::strerror(errno));
            ::close(fd);
            return -1;
        }
        return fd;
    }
    // A non-blocking connect from the client host; the caller waits.
    int connectFromClient(std::uint16_t port)
    {
        QString error;
        const int fd =
            m_net->openSocket(QStringLiteral("client"), AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0, &error);
        if (fd < 0) {
            qWarning("openSocket: %s", qPrintable(error));
            return -1;
        }
        const sockaddr_in a = endpoint(server(), port);
        const int rc = ::connect(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a);
        if (rc != 0 && errno != EINPROGRESS) {
            qWarning("connect: %s", std::strerror(errno));
            ::close(fd);
            return -1;
        }
        return fd;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // These machines ship /dev/net/tun as 0600 (stock Debian and Ubuntu: 0666). Running as root, the
        // test sets 0666, as stock distributions ship it; nothing else is changed.
        struct stat st
        {
        };
        if (::geteuid() == 0 && ::stat("/dev/net/tun", &st) == 0 && (st.st_mode & 0666) != 0666) {
            qInfo("Running as root: chmod 0666 /dev/net/tun (was %04o), as stock distributions ship it.",
                  unsigned(st.st_mode & 07777));
            QVERIFY(::chmod("/dev/net/tun", 0666) == 0);
        }
        const SandboxAvailability sandbox = probeSandbox();
        if (!sandbox.available)
            QSKIP(qPrintable(
                QStringLiteral("No lab network here: %1 %2").arg(sandbox.reason, sandbox.howToEnable)));
    }

    void cleanup()
    {
        if (m_net)
            m_net->stop();
        m_net.reset();
    }

    void handshakeRttIsTwiceTheOneWayDelay()
    {
        LinkImpairment each;
        each.delayMs = 50;
        QVERIFY(startNetwork(each));
        Fd listener(listenOnServer());
        QVERIFY(listener.fd >= 0);
        const std::uint16_t port = boundPort(listener.fd);
        std::vector<double> tapRtts, kernelRtts;
        for (int i = 0; i < 20; ++i) {
            Fd client(connectFromClient(port));
            QVERIFY(client.fd >= 0);
            QVERIFY2(waitFd(client.fd, POLLOUT, 5000), "the connection was not established within 5 s");
            int soError = -1;
            socklen_t len = sizeof soError;
            ::getsockopt(client.fd, SOL_SOCKET, SO_ERROR, &soError, &len);
            QCOMPARE(soError, 0);
            tcp_info info{};
            len = sizeof info;
            QVERIFY(::getsockopt(client.fd, IPPROTO_TCP, TCP_INFO, &info, &len) == 0);
            kernelRtts.push_back(info.tcpi_rtt / 1000.0);
            QVERIFY(waitFd(listener.fd, POLLIN, 5000));
            Fd accepted(::accept4(listener.fd, nullptr, nullptr, SOCK_CLOEXEC));
            QVERIFY(accepted.fd >= 0);
            // The tap (client viewpoint): the SYN when it left the client, the SYN-ACK when it arrived there.
            const std::uint16_t clientPort = boundPort(client.fd);
            std::optional<std::int64_t> synAt, synAckAt;
            for (const Segment &seg : tcpSegments(m_net->wire().takePackets())) {
                if (isSyn(seg.s) && seg.s.srcPort == clientPort && !synAt)
                    synAt = seg.timeNs;
                if (isSynAck(seg.s) && seg.s.dstPort == clientPort && !synAckAt)
                    synAckAt = seg.timeNs;
            }
            QVERIFY2(synAt && synAckAt, "the tap is missing the SYN or the SYN-ACK");
            tapRtts.push_back(double(*synAckAt - *synAt) / 1e6);
        }
        std::sort(tapRtts.begin(), tapRtts.end());
        std::sort(kernelRtts.begin(), kernelRtts.end());
        const double median = (tapRtts[9] + tapRtts[10]) / 2;
        const double kernelMedian = (kernelRtts[9] + kernelRtts[10]) / 2;
        qInfo("SYN -> SYN-ACK at the client over 20 connects with 50 ms each way: median %.3f ms (min %.3f, "
              "max %.3f); the client's TCP_INFO rtt median %.3f ms",
              median, tapRtts.front(), tapRtts.back(), kernelMedian);
        QVERIFY2(std::abs(median - 100.0) <= 2.0, qPrintable(QStringLiteral("median %1 ms").arg(median)));
        QVERIFY2(std::abs(kernelMedian - 100.0) <= 2.0,
                 qPrintable(QStringLiteral("TCP_INFO median %1 ms").arg(kernelMedian)));
    }

    void heldSynIsRetransmittedAndDeliveredOnlyAfterStep()
    {
        QVERIFY(startNetwork(LinkImpairment{}));
        QString error;
        const int bp =
            m_net->wire().addBreakpoint(QStringLiteral("tcp.flags.syn == 1 && tcp.flags.ack == 0"), &error);
        QVERIFY2(bp > 0, qPrintable(error));
        Fd listener(listenOnServer());
        QVERIFY(listener.fd >= 0);
        Fd client(connectFromClient(boundPort(listener.fd)));
        QVERIFY(client.fd >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_net->wire().heldPackets().size(), std::size_t(1), 3000);
        // The client's kernel does not know the SYN is held: its retransmission timer (1 s) fires.
        QTRY_COMPARE_WITH_TIMEOUT(m_net->wire().heldPackets().size(), std::size_t(2), 4000);
        const std::vector<HeldPacket> held = m_net->wire().heldPackets();
        QVERIFY2(held[0].summary.contains(QStringLiteral("[SYN]")), qPrintable(held[0].summary));
        const double gapMs = double(held[1].heldSinceNs - held[0].heldSinceNs) / 1e6;
        // Never before Step: the server has nothing to accept, the client is not connected.
        QVERIFY(!waitFd(listener.fd, POLLIN, 0));
        QVERIFY(!waitFd(client.fd, POLLOUT, 0));
        const auto segments = tcpSegments(m_net->wire().takePackets());
        std::vector<Segment> syns;
        for (const Segment &s : segments)
            if (isSyn(s.s))
                syns.push_back(s);
        QCOMPARE(syns.size(), std::size_t(2));
        QCOMPARE(syns[0].s.tcpSeq, syns[1].s.tcpSeq); // the same SYN, retransmitted
        QVERIFY2(syns[1].comment.startsWith(QStringLiteral("Held at breakpoint")),
                 qPrintable(syns[1].comment));
        const double tapGapMs = double(syns[1].timeNs - syns[0].timeNs) / 1e6;
        qInfo("held SYN retransmitted by the client's kernel after %.1f ms (tap: %.1f ms)", gapMs, tapGapMs);
        QVERIFY2(tapGapMs >= 900 && tapGapMs <= 3500, qPrintable(QStringLiteral("%1 ms").arg(tapGapMs)));

        QVERIFY(m_net->wire().step(held[0].id));
        QVERIFY2(waitFd(client.fd, POLLOUT, 3000), "the connection did not complete after Step");
        int soError = -1;
        socklen_t len = sizeof soError;
        ::getsockopt(client.fd, SOL_SOCKET, SO_ERROR, &soError, &len);
        QCOMPARE(soError, 0);
        QVERIFY(waitFd(listener.fd, POLLIN, 3000));
        Fd accepted(::accept4(listener.fd, nullptr, nullptr, SOCK_CLOEXEC));
        QVERIFY(accepted.fd >= 0);
        QCOMPARE(m_net->wire().dropAll(), 1); // the retransmission is no longer needed
        QCOMPARE(m_net->wire().stats().droppedByStudent, 1u);
    }

    void stoppingWithAHeldSynReleasesNothingAndLeavesNothing()
    {
        const int fdsBefore = openFdCount();
        const int threadsBefore = threadCount();
        QVERIFY(startNetwork(LinkImpairment{}));
        const int agent = m_net->agentPid();
        QVERIFY(agent > 0);
        QString error;
        QVERIFY(m_net->wire().addBreakpoint(QStringLiteral("tcp.flags.syn == 1"), &error) > 0);
        {
            Fd listener(listenOnServer());
            QVERIFY(listener.fd >= 0);
            Fd client(connectFromClient(boundPort(listener.fd)));
            QVERIFY(client.fd >= 0);
            QTRY_COMPARE_WITH_TIMEOUT(m_net->wire().heldPackets().size(), std::size_t(1), 3000);
            m_net->stop(); // the wire and its held SYN go away with the lab network
            // The server never saw the SYN.
            QVERIFY(!waitFd(listener.fd, POLLIN, 200));
        }
        m_net.reset();
        // The agent is gone (reaped), and with it the namespaces; no descriptor or thread is left.
        QTRY_VERIFY_WITH_TIMEOUT(::kill(agent, 0) != 0 && errno == ESRCH, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(openFdCount(), fdsBefore, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(threadCount(), threadsBefore, 3000);
    }

    void udpLossOfTenPercentIsWithinBounds()
    {
        LinkImpairment each;
        each.lossPercent = 10;
        QVERIFY(startNetwork(each));
        QString error;
        Fd receiver(
            m_net->openSocket(QStringLiteral("server"), AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0, &error));
        QVERIFY2(receiver.fd >= 0, qPrintable(error));
        const sockaddr_in bindTo = endpoint(server(), 0);
        QVERIFY(::bind(receiver.fd, reinterpret_cast<const sockaddr *>(&bindTo), sizeof bindTo) == 0);
        const sockaddr_in to = endpoint(server(), boundPort(receiver.fd));
        Fd sender(m_net->openSocket(QStringLiteral("client"), AF_INET, SOCK_DGRAM, 0, &error));
        QVERIFY2(sender.fd >= 0, qPrintable(error));
        constexpr int kDatagrams = 3000;
        int received = 0;
        char buf[256];
        for (int batch = 0; batch < kDatagrams / 50; ++batch) {
            for (int i = 0; i < 50; ++i) {
                std::snprintf(buf, sizeof buf, "datagram %d", batch * 50 + i);
                QVERIFY(::sendto(sender.fd, buf, 64, 0, reinterpret_cast<const sockaddr *>(&to), sizeof to) ==
                        64);
            }
            // Paced: read the batch before sending more, so the receiver's buffer never overflows.
            const std::int64_t deadline = monoNs() + 3'000'000'000;
            while (received + int(m_net->wire().stats().lost) < (batch + 1) * 50 && monoNs() < deadline) {
                if (waitFd(receiver.fd, POLLIN, 20))
                    while (::recv(receiver.fd, buf, sizeof buf, 0) > 0)
                        ++received;
            }
        }
        const WireStats s = m_net->wire().stats();
        const double sigma = std::sqrt(kDatagrams * 0.1 * 0.9);
        qInfo("UDP across the wire with 10 %% loss: %d of %d received, %llu lost (expected 300 +- %.0f)",
              received, kDatagrams, static_cast<unsigned long long>(s.lost), 3 * sigma);
        QCOMPARE(received + int(s.lost), kDatagrams);
        QVERIFY(std::abs(double(s.lost) - kDatagrams * 0.1) <= 3 * sigma);
    }
};

QTEST_GUILESS_MAIN(TestWireReal)
#include "tst_wire_real.moc"
