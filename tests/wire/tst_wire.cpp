// SPDX-License-Identifier: GPL-3.0-or-later
// The wire's engine, without namespaces: socketpair(AF_UNIX, SOCK_SEQPACKET) pairs stand in for the hosts'
// TUN devices (one read is one packet, as on a TUN). The test writes what a host's kernel would send on
// its end and reads what the wire delivers.

#include "labnet/linkimpairment.h"
#include "labnet/wire.h"
#include "runclock.h"
#include "testpackets.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <optional>

#include <dirent.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "processresources.h"

using wirelab::test::countEntries;
using wirelab::test::openFdCount;
using wirelab::test::threadCount;

using namespace wirelab;
using namespace wirelab::testpackets;

namespace {

std::int64_t monoNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// A packet with a sequence number in its UDP payload, so order and identity can be checked.
Bytes numbered(V4 src, V4 dst, std::uint32_t n, std::size_t payload = 16)
{
    Bytes b = udp4(src, dst, 5000, 8801, std::max<std::size_t>(payload, 4));
    put32(b, 28, n);
    return b;
}
std::uint32_t numberOf(const Bytes &b)
{
    if (b.size() < 32)
        return 0xFFFFFFFF;
    return std::uint32_t(b[28]) << 24 | std::uint32_t(b[29]) << 16 | std::uint32_t(b[30]) << 8 | b[31];
}

struct Received
{
    Bytes bytes;
    std::int64_t atNs = 0;
};

// One host's end of a fake TUN.
struct HostEnd
{
    int fd = -1;
    ~HostEnd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    bool send(const Bytes &b) const { return ::write(fd, b.data(), b.size()) == ssize_t(b.size()); }
    // The next packet within timeoutMs, or nothing.
    std::optional<Received> receive(int timeoutMs) const
    {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0 || !(p.revents & POLLIN))
            return std::nullopt;
        Bytes buf(65536);
        const ssize_t r = ::read(fd, buf.data(), buf.size());
        if (r <= 0)
            return std::nullopt;
        buf.resize(std::size_t(r));
        return Received{std::move(buf), monoNs()};
    }
    // Everything that arrives until nothing came for quietMs (bounded by maxPackets).
    std::vector<Received> drain(int quietMs, std::size_t maxPackets = 100000) const
    {
        std::vector<Received> out;
        while (out.size() < maxPackets) {
            auto r = receive(quietMs);
            if (!r)
                break;
            out.push_back(std::move(*r));
        }
        return out;
    }
};

// A wire with hosts client (198.18.0.1), server (.2) and, optionally, other (.3).
struct Bench
{
    RunClock clock;
    Wire wire{&clock};
    std::vector<std::unique_ptr<HostEnd>> ends;

    explicit Bench(int hosts = 2, std::uint64_t seed = 42)
    {
        const char *names[] = {"client", "server", "other"};
        for (int i = 0; i < hosts && i < 3; ++i) {
            int sv[2] = {-1, -1};
            if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
                qFatal("socketpair failed");
            auto end = std::make_unique<HostEnd>();
            end->fd = sv[0];
            ends.push_back(std::move(end));
            wire.addHost(QString::fromLatin1(names[i]),
                         QHostAddress(QStringLiteral("198.18.0.%1").arg(i + 1)), sv[1]);
        }
        wire.setSeed(seed);
    }
    bool start()
    {
        QString error;
        const bool ok = wire.start(&error);
        if (!ok)
            qWarning("%s", qPrintable(error));
        return ok;
    }
    const HostEnd &client() const { return *ends[0]; }
    const HostEnd &server() const { return *ends[1]; }
    const HostEnd &other() const { return *ends[2]; }
    bool impair(const char *from, const char *to, const LinkImpairment &li)
    {
        QString error;
        const bool ok = wire.setImpairment(QString::fromLatin1(from), QString::fromLatin1(to), li, &error);
        if (!ok)
            qWarning("%s", qPrintable(error));
        return ok;
    }
};

// The tap's records until there are `count` of them (or 5 s passed): placeholders of packets that were
// not delivered are recorded when they would have arrived, on the wire's thread.
std::vector<CapturedPacket> takeAll(Wire &wire, std::size_t count)
{
    std::vector<CapturedPacket> tap;
    const std::int64_t deadline = monoNs() + 5'000'000'000;
    while (tap.size() < count && monoNs() < deadline) {
        for (CapturedPacket &p : wire.takePackets())
            tap.push_back(std::move(p));
        if (tap.size() < count)
            QTest::qWait(10);
    }
    return tap;
}

int countComments(const std::vector<CapturedPacket> &tap, const QString &start)
{
    int n = 0;
    for (const CapturedPacket &p : tap)
        n += p.comment.startsWith(start) ? 1 : 0;
    return n;
}

} // namespace

class TestWire final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void routesByDestinationAddress()
    {
        Bench b(3);
        QVERIFY(b.start());
        const Bytes toServer = tcp4(kClient4, kServer4, 49152, 8800, Syn);
        const Bytes toClient = tcp4(kServer4, kClient4, 8800, 49152, Syn | Ack);
        const Bytes toOther = udp4(kClient4, kOther4, 5000, 53, 20);
        const Bytes nowhere = udp4(kClient4, V4{198, 18, 9, 9}, 5000, 53, 20);
        QVERIFY(b.client().send(toServer));
        auto r = b.server().receive(2000);
        QVERIFY(r);
        QVERIFY(r->bytes == toServer);
        QVERIFY(b.server().send(toClient));
        r = b.client().receive(2000);
        QVERIFY(r);
        QVERIFY(r->bytes == toClient);
        QVERIFY(b.client().send(toOther));
        r = b.other().receive(2000);
        QVERIFY(r);
        QVERIFY(r->bytes == toOther);
        QVERIFY(b.client().send(nowhere));
        QTRY_COMPARE_WITH_TIMEOUT(b.wire.stats().unroutable, 1u, 2000);
        QVERIFY(!b.server().receive(100));
        QVERIFY(!b.other().receive(1));
        QVERIFY(!b.client().receive(1));
        QCOMPARE(b.wire.stats().forwarded, 3u);

        // The tap sees it as Wireshark on the client would, plus what travels between the others.
        const auto tap = b.wire.takePackets();
        QCOMPARE(tap.size(), std::size_t(3));
        QVERIFY(tap[0].bytes == toServer);
        QVERIFY(tap[1].bytes == toClient);
        QVERIFY(tap[2].bytes == toOther);
        QVERIFY(tap[0].timeNs <= tap[1].timeNs && tap[1].timeNs <= tap[2].timeNs);
        QVERIFY(std::abs(tap[0].timeNs - b.clock.nowNs()) < 10'000'000'000);
        QCOMPARE(tap[0].originalLength, std::uint32_t(toServer.size()));
        QVERIFY(b.wire.takePackets().empty());
    }

    void routesIpv6ByDestinationAddress()
    {
        RunClock clock;
        Wire wire(&clock);
        HostEnd ends[2];
        const char *addresses[] = {"2001:db8::1", "2001:db8::2"};
        for (int i = 0; i < 2; ++i) {
            int sv[2] = {-1, -1};
            QVERIFY(::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0);
            ends[i].fd = sv[0];
            wire.addHost(QStringLiteral("host%1").arg(i), QHostAddress(QString::fromLatin1(addresses[i])),
                         sv[1]);
        }
        QString error;
        QVERIFY2(wire.start(&error), qPrintable(error));
        const Bytes syn = tcp6(kClient6, kServer6, 49152, 8800, Syn);
        QVERIFY(ends[0].send(syn));
        const auto r = ends[1].receive(2000);
        QVERIFY(r);
        QVERIFY(r->bytes == syn);
        // An IPv4 packet has no IPv6 host to go to.
        QVERIFY(ends[0].send(tcp4(kClient4, kServer4, 1, 2, Syn)));
        QTRY_COMPARE_WITH_TIMEOUT(wire.stats().unroutable, 1u, 2000);
        QCOMPARE(wire.stats().forwarded, 1u);
    }

    void delayHoldsEveryPacketAtLeastThatLong()
    {
        Bench b;
        LinkImpairment li;
        li.delayMs = 50;
        QVERIFY(b.impair("client", "server", li));
        QCOMPARE(b.wire.impairment(QStringLiteral("client"), QStringLiteral("server")), li);
        QVERIFY(b.wire.impairment(QStringLiteral("server"), QStringLiteral("client")).isNone());
        QVERIFY(b.start());
        for (int i = 0; i < 5; ++i) {
            const std::int64_t sent = monoNs();
            QVERIFY(b.client().send(numbered(kClient4, kServer4, std::uint32_t(i))));
            const auto r = b.server().receive(3000);
            QVERIFY(r);
            const double ms = double(r->atNs - sent) / 1e6;
            QVERIFY2(ms >= 50.0, qPrintable(QStringLiteral("arrived after %1 ms").arg(ms)));
            QVERIFY2(ms < 1000.0, qPrintable(QStringLiteral("arrived after %1 ms").arg(ms)));
        }
        // Changed while traffic flows: applies to packets entering from now on.
        li.delayMs = 120;
        QVERIFY(b.impair("client", "server", li));
        const std::int64_t sent = monoNs();
        QVERIFY(b.client().send(numbered(kClient4, kServer4, 99)));
        const auto r = b.server().receive(3000);
        QVERIFY(r);
        QVERIFY(double(r->atNs - sent) / 1e6 >= 120.0);
    }

    void lossOfTenPercentIsWithinStatisticalBounds()
    {
        Bench b;
        LinkImpairment li;
        li.lossPercent = 10;
        QVERIFY(b.impair("client", "server", li));
        QVERIFY(b.start());
        constexpr int kPackets = 5000;
        int received = 0;
        std::vector<bool> seen(kPackets, false);
        for (int batch = 0; batch < kPackets / 100; ++batch) {
            for (int i = 0; i < 100; ++i)
                QVERIFY(b.client().send(numbered(kClient4, kServer4, std::uint32_t(batch * 100 + i))));
            // Read until every packet of the batch was delivered or lost (bounded by the timeout).
            const std::int64_t deadline = monoNs() + 5'000'000'000;
            while (received + int(b.wire.stats().lost) < (batch + 1) * 100 && monoNs() < deadline) {
                if (auto r = b.server().receive(50)) {
                    const std::uint32_t n = numberOf(r->bytes);
                    QVERIFY(n < std::uint32_t(kPackets) && !seen[n]);
                    seen[n] = true;
                    ++received;
                }
            }
        }
        const WireStats s = b.wire.stats();
        // Binomial(5000, 0.1): mean 500, sigma sqrt(5000 * 0.1 * 0.9) = 21.2; 3 sigma = 64.
        const double sigma = std::sqrt(kPackets * 0.1 * 0.9);
        qInfo("lost %llu of %d (expected 500 +- %.0f)", static_cast<unsigned long long>(s.lost), kPackets,
              3 * sigma);
        QCOMPARE(received + int(s.lost), kPackets);
        QVERIFY(std::abs(double(s.lost) - 500.0) <= 3 * sigma);
        QCOMPARE(s.forwarded, std::uint64_t(received));
        // The tap (client = capture host) records every packet as it left, the lost ones with a comment.
        const auto tap = b.wire.takePackets();
        QCOMPARE(tap.size(), std::size_t(kPackets));
        QCOMPARE(countComments(tap, QStringLiteral("Lost on the lab network (loss 10 %)")), int(s.lost));
        for (const CapturedPacket &p : tap)
            QCOMPARE(p.comment.isEmpty(), seen[numberOf(p.bytes)]);
    }

    // Toward the capture host (the client) the tap records a packet when it arrives. A packet the wire loses
    // never arrives: it must be recorded where it would have, after every packet sent before it on the link
    // and before every packet sent after it. Recorded when it was sent, it came ahead of earlier packets
    // still on their way (here by the 30 ms delay), and Wireshark called those earlier, in-order segments
    // retransmissions or out-of-order.
    void lossTowardTheCaptureHostIsRecordedInSequence()
    {
        Bench b;
        LinkImpairment li;
        li.delayMs = 30;
        li.jitterMs = 10;
        li.lossPercent = 20;
        QVERIFY(b.impair("server", "client", li));
        QVERIFY(b.start());
        constexpr std::uint32_t kPackets = 200;
        for (std::uint32_t i = 0; i < kPackets; ++i)
            QVERIFY(b.server().send(numbered(kServer4, kClient4, i)));
        const auto got = b.client().drain(300);
        const WireStats s = b.wire.stats();
        QCOMPARE(std::uint64_t(got.size()) + s.lost, std::uint64_t(kPackets));
        QVERIFY(s.lost > 0 && s.lost < kPackets);
        const std::vector<CapturedPacket> tap = takeAll(b.wire, kPackets);
        QCOMPARE(tap.size(), std::size_t(kPackets));
        QCOMPARE(countComments(tap, QStringLiteral("Lost on the lab network (loss 20 %)")), int(s.lost));
        for (std::size_t k = 0; k < tap.size(); ++k)
            QVERIFY2(numberOf(tap[k].bytes) == std::uint32_t(k),
                     qPrintable(QStringLiteral("tap entry %1 is packet %2 (%3)")
                                    .arg(k)
                                    .arg(numberOf(tap[k].bytes))
                                    .arg(tap[k].comment.isEmpty() ? QStringLiteral("delivered") : tap[k].comment)));
    }

    // The same for packets a full queue drops on the way to the capture host: they are recorded after the
    // packets queued ahead of them, not before.
    void queueDropsTowardTheCaptureHostAreRecordedInSequence()
    {
        Bench b;
        LinkImpairment li;
        li.rateMbit = 1; // 1250 bytes = 10 ms each
        li.queuePackets = 4;
        QVERIFY(b.impair("server", "client", li));
        QVERIFY(b.start());
        constexpr std::uint32_t kPackets = 20;
        for (std::uint32_t i = 0; i < kPackets; ++i)
            QVERIFY(b.server().send(numbered(kServer4, kClient4, i, 1250 - 28)));
        const auto got = b.client().drain(300);
        const WireStats s = b.wire.stats();
        QCOMPARE(std::uint64_t(got.size()) + s.queueDrops, std::uint64_t(kPackets));
        QVERIFY(s.queueDrops > 0);
        const std::vector<CapturedPacket> tap = takeAll(b.wire, kPackets);
        QCOMPARE(tap.size(), std::size_t(kPackets));
        QCOMPARE(countComments(tap, QStringLiteral("Dropped by the lab network: the link's queue was full")),
                 int(s.queueDrops));
        for (std::size_t k = 0; k < tap.size(); ++k)
            QVERIFY2(numberOf(tap[k].bytes) == std::uint32_t(k),
                     qPrintable(QStringLiteral("tap entry %1 is packet %2 (%3)")
                                    .arg(k)
                                    .arg(numberOf(tap[k].bytes))
                                    .arg(tap[k].comment.isEmpty() ? QStringLiteral("delivered") : tap[k].comment)));
    }

    void duplicationDeliversASecondCopy()
    {
        Bench b;
        LinkImpairment li;
        li.duplicatePercent = 100;
        QVERIFY(b.impair("server", "client", li));
        QVERIFY(b.start());
        for (std::uint32_t i = 0; i < 10; ++i)
            QVERIFY(b.server().send(numbered(kServer4, kClient4, i)));
        const auto got = b.client().drain(300);
        QCOMPARE(got.size(), std::size_t(20));
        for (std::size_t i = 0; i < got.size(); ++i)
            QCOMPARE(numberOf(got[i].bytes), std::uint32_t(i / 2));
        QCOMPARE(b.wire.stats().duplicated, 10u);
        QCOMPARE(b.wire.stats().forwarded, 20u);
        // Delivered to the capture host: both copies are in the tap, the second one says why.
        const auto tap = b.wire.takePackets();
        QCOMPARE(tap.size(), std::size_t(20));
        QCOMPARE(countComments(tap, QStringLiteral("Duplicated by the lab network")), 10);
    }

    void jitterNeverReorders()
    {
        Bench b;
        LinkImpairment li;
        li.delayMs = 20;
        li.jitterMs = 15;
        QVERIFY(b.impair("client", "server", li));
        QVERIFY(b.start());
        for (std::uint32_t i = 0; i < 200; ++i)
            QVERIFY(b.client().send(numbered(kClient4, kServer4, i)));
        const auto got = b.server().drain(300);
        QCOMPARE(got.size(), std::size_t(200));
        for (std::size_t i = 0; i < got.size(); ++i)
            QCOMPARE(numberOf(got[i].bytes), std::uint32_t(i));
        QCOMPARE(b.wire.stats().reordered, 0u);
    }

    void reorderingSendsSomePacketsAhead()
    {
        Bench b;
        LinkImpairment li;
        li.delayMs = 100;
        li.reorderPercent = 30;
        QVERIFY(b.impair("client", "server", li));
        QVERIFY(b.start());
        for (std::uint32_t i = 0; i < 100; ++i)
            QVERIFY(b.client().send(numbered(kClient4, kServer4, i)));
        const auto got = b.server().drain(400);
        QCOMPARE(got.size(), std::size_t(100));
        int outOfOrder = 0;
        for (std::size_t i = 1; i < got.size(); ++i)
            outOfOrder += numberOf(got[i].bytes) < numberOf(got[i - 1].bytes) ? 1 : 0;
        const auto reordered = b.wire.stats().reordered;
        qInfo("%llu of 100 sent ahead, %d inversions", static_cast<unsigned long long>(reordered),
              outOfOrder);
        QVERIFY(reordered > 5 && reordered < 60); // 30 expected; Binomial(100, 0.3) sigma 4.6
        QVERIFY(outOfOrder > 0);
    }

    void rateLimitSpacesPacketsBySerialisationTime()
    {
        Bench b;
        LinkImpairment li;
        li.rateMbit = 1; // 1250 bytes = 10,000 bits = 10 ms each
        QVERIFY(b.impair("client", "server", li));
        QVERIFY(b.start());
        const std::int64_t t0 = monoNs();
        for (std::uint32_t i = 0; i < 10; ++i)
            QVERIFY(b.client().send(numbered(kClient4, kServer4, i, 1250 - 28)));
        const auto got = b.server().drain(500);
        QCOMPARE(got.size(), std::size_t(10));
        for (std::size_t k = 0; k < got.size(); ++k) {
            QCOMPARE(got[k].bytes.size(), std::size_t(1250));
            const double ms = double(got[k].atNs - t0) / 1e6;
            // The wire never delivers early: packet k finishes serialising (k + 1) * 10 ms after the first
            // started.
            QVERIFY2(ms >= double(k + 1) * 10.0,
                     qPrintable(QStringLiteral("packet %1 after %2 ms").arg(k).arg(ms)));
        }
        QCOMPARE(b.wire.stats().queueDrops, 0u);
    }

    void fullQueueDropsTheTail()
    {
        Bench b;
        LinkImpairment li;
        li.rateMbit = 0.02; // 1250 bytes take 500 ms: the burst below arrives long before the first is out
        li.queuePackets = 3;
        QVERIFY(b.impair("client", "server", li));
        QVERIFY(b.start());
        for (std::uint32_t i = 0; i < 20; ++i)
            QVERIFY(b.client().send(numbered(kClient4, kServer4, i, 1250 - 28)));
        const auto got = b.server().drain(1000);
        QCOMPARE(got.size(), std::size_t(3));
        for (std::size_t i = 0; i < got.size(); ++i)
            QCOMPARE(numberOf(got[i].bytes), std::uint32_t(i)); // the head got through, the tail was dropped
        QCOMPARE(b.wire.stats().queueDrops, 17u);
        const auto tap = b.wire.takePackets();
        QCOMPARE(tap.size(), std::size_t(20));
        QCOMPARE(countComments(tap, QStringLiteral(
                                        "Dropped by the lab network: the link's queue was full (3 packets)")),
                 17);

        // Toward the capture host the tap records delivered packets on arrival, and the dropped ones too.
        li.rateMbit = 0.05; // 200 ms per packet
        li.queuePackets = 2;
        QVERIFY(b.impair("server", "client", li));
        for (std::uint32_t i = 0; i < 5; ++i)
            QVERIFY(b.server().send(numbered(kServer4, kClient4, i, 1250 - 28)));
        QCOMPARE(b.client().drain(600).size(), std::size_t(2));
        const auto back = b.wire.takePackets();
        QCOMPARE(back.size(), std::size_t(5));
        QCOMPARE(
            countComments(
                back, QStringLiteral("Dropped by the lab network: the link's queue was full (2 packets)")),
            3);
    }

    void breakpointHoldsUntilStep()
    {
        Bench b;
        QString error;
        const int id =
            b.wire.addBreakpoint(QStringLiteral("tcp.flags.syn == 1 && tcp.flags.ack == 0"), &error);
        QVERIFY2(id > 0, qPrintable(error));
        LinkImpairment li;
        li.delayMs = 30;
        QVERIFY(b.impair("client", "server", li));
        QVERIFY(b.start());
        QSignalSpy changed(&b.wire, &Wire::heldPacketsChanged);
        const Bytes syn = tcp4(kClient4, kServer4, 49152, 8800, Syn);
        QVERIFY(b.client().send(syn));
        QTRY_COMPARE_WITH_TIMEOUT(b.wire.heldPackets().size(), std::size_t(1), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 2000);
        const HeldPacket held = b.wire.heldPackets().front();
        QCOMPARE(held.breakpointId, id);
        QCOMPARE(held.from, QStringLiteral("client"));
        QCOMPARE(held.to, QStringLiteral("server"));
        QVERIFY2(held.summary.contains(QStringLiteral("[SYN]")), qPrintable(held.summary));
        QVERIFY(held.bytes == syn);
        QVERIFY(held.heldSinceNs > 0);
        // Other traffic passes while the SYN waits.
        QVERIFY(b.client().send(numbered(kClient4, kServer4, 7)));
        auto r = b.server().receive(2000);
        QVERIFY(r);
        QCOMPARE(numberOf(r->bytes), 7u);
        // Never before step().
        QVERIFY(!b.server().receive(300));
        QCOMPARE(b.wire.breakpoints().front().hits, 1u);
        const std::int64_t stepped = monoNs();
        QVERIFY(b.wire.step());
        r = b.server().receive(3000);
        QVERIFY(r);
        QVERIFY(r->bytes == syn);
        QVERIFY2(double(r->atNs - stepped) / 1e6 >= 30.0, "the link's delay applies from the step");
        QVERIFY(b.wire.heldPackets().empty());
        QVERIFY(!b.wire.step());
        QCOMPARE(b.wire.stats().held, 1u);
        // Recorded once, when it left the client, saying it was held.
        const auto tap = b.wire.takePackets();
        QCOMPARE(countComments(tap, QStringLiteral("Held at breakpoint %1").arg(id)), 1);

        // A disabled breakpoint holds nothing; a removed one neither.
        b.wire.setBreakpointEnabled(id, false);
        QVERIFY(!b.wire.breakpoints().front().enabled);
        QVERIFY(b.client().send(syn));
        QVERIFY(b.server().receive(2000));
        b.wire.removeBreakpoint(id);
        QVERIFY(b.wire.breakpoints().empty());
    }

    void dropDiscardsAHeldPacket()
    {
        Bench b;
        QString error;
        QVERIFY(b.wire.addBreakpoint(QStringLiteral("tcp port 8800"), &error) > 0);
        QVERIFY(b.start());
        // Server to client: the tap records it only when it reaches the client, so a drop is recorded then.
        QVERIFY(b.server().send(tcp4(kServer4, kClient4, 8800, 49152, Syn | Ack)));
        QVERIFY(b.server().send(tcp4(kServer4, kClient4, 8800, 49152, Ack)));
        QTRY_COMPARE_WITH_TIMEOUT(b.wire.heldPackets().size(), std::size_t(2), 2000);
        const auto held = b.wire.heldPackets();
        QVERIFY(held[0].id < held[1].id);
        QVERIFY(b.wire.drop(held[1].id));
        QVERIFY(!b.wire.drop(held[1].id));
        QVERIFY(b.wire.drop()); // the oldest
        QVERIFY(b.wire.heldPackets().empty());
        QVERIFY(!b.client().receive(300));
        QCOMPARE(b.wire.stats().droppedByStudent, 2u);
        const auto tap = b.wire.takePackets();
        QCOMPARE(tap.size(), std::size_t(2));
        QCOMPARE(countComments(tap, QStringLiteral("Dropped by the student at a breakpoint")), 2);
    }

    void releaseAllDeliversEveryHeldPacketInOrder()
    {
        Bench b;
        QString error;
        QVERIFY(b.wire.addBreakpoint(QStringLiteral("udp.dstport == 8801"), &error) > 0);
        QVERIFY(b.start());
        for (std::uint32_t i = 0; i < 3; ++i)
            QVERIFY(b.client().send(numbered(kClient4, kServer4, i)));
        QTRY_COMPARE_WITH_TIMEOUT(b.wire.heldPackets().size(), std::size_t(3), 2000);
        QVERIFY(!b.server().receive(200));
        QCOMPARE(b.wire.releaseAll(), 3);
        const auto got = b.server().drain(300);
        QCOMPARE(got.size(), std::size_t(3));
        for (std::size_t i = 0; i < got.size(); ++i)
            QCOMPARE(numberOf(got[i].bytes), std::uint32_t(i));
        QCOMPARE(b.wire.releaseAll(), 0);
        QCOMPARE(b.wire.dropAll(), 0);
    }

    void stopWithHeldPacketsDeliversNothingAndLeaksNothing()
    {
        const int fdsBefore = openFdCount();
        const int threadsBefore = threadCount();
        {
            Bench b;
            QString error;
            QVERIFY(b.wire.addBreakpoint(QStringLiteral("tcp"), &error) > 0);
            LinkImpairment li;
            li.delayMs = 200;
            QVERIFY(b.impair("client", "server", li));
            QVERIFY(b.start());
            QVERIFY(b.wire.isRunning());
            QCOMPARE(threadCount(), threadsBefore + 1);
            QVERIFY(b.client().send(tcp4(kClient4, kServer4, 49152, 8800, Syn)));
            QVERIFY(b.client().send(tcp4(kClient4, kServer4, 49153, 8800, Syn)));
            QVERIFY(b.client().send(numbered(kClient4, kServer4, 1))); // queued behind the 200 ms delay
            QTRY_COMPARE_WITH_TIMEOUT(b.wire.heldPackets().size(), std::size_t(2), 2000);
            b.wire.stop();
            QVERIFY(!b.wire.isRunning());
            QVERIFY(b.wire.heldPackets().empty());
            QVERIFY(!b.wire.step());
            QCOMPARE(b.wire.releaseAll(), 0);
            // The wire closed its ends: the server's end reads end-of-file, never a packet.
            char byte = 0;
            QCOMPARE(::read(b.server().fd, &byte, 1), ssize_t(0));
            QCOMPARE(threadCount(), threadsBefore);
            QString startError;
            QVERIFY(!b.wire.start(&startError));
            QVERIFY(!startError.isEmpty());
        }
        QCOMPARE(openFdCount(), fdsBefore);
        QCOMPARE(threadCount(), threadsBefore);
    }

    void hundredStartStopCyclesLeaveNoDescriptorOrThread()
    {
        const int fdsBefore = openFdCount();
        const int threadsBefore = threadCount();
        for (int cycle = 0; cycle < 100; ++cycle) {
            Bench b;
            QString error;
            QVERIFY(b.wire.addBreakpoint(QStringLiteral("udp.dstport == 9"), &error) > 0);
            QVERIFY(b.start());
            QVERIFY(b.client().send(numbered(kClient4, kServer4, std::uint32_t(cycle))));
            QVERIFY(b.server().receive(2000));
            Bytes held = udp4(kClient4, kServer4, 5000, 9, 8);
            QVERIFY(b.client().send(held));
            QTRY_COMPARE_WITH_TIMEOUT(b.wire.heldPackets().size(), std::size_t(1), 2000);
            // Half the cycles stop explicitly, half leave it to the destructor.
            if (cycle % 2 == 0)
                b.wire.stop();
        }
        QCOMPARE(openFdCount(), fdsBefore);
        QCOMPARE(threadCount(), threadsBefore);
    }

    void aHostThatGoesAwayDoesNotStopTheOthers()
    {
        Bench b(3);
        QVERIFY(b.start());
        // The server's device disappears (its end closes): the wire stops reading it, and packets to it
        // are discarded without a SIGPIPE ending the process.
        ::close(b.ends[1]->fd);
        b.ends[1]->fd = -1;
        QVERIFY(b.client().send(numbered(kClient4, kServer4, 1)));
        QVERIFY(b.client().send(numbered(kClient4, kOther4, 2)));
        const auto r = b.other().receive(2000);
        QVERIFY(r);
        QCOMPARE(numberOf(r->bytes), 2u);
        QVERIFY(b.other().send(numbered(kOther4, kClient4, 3)));
        QVERIFY(b.client().receive(2000));
        QVERIFY(b.wire.isRunning());
    }

    void refusesImpossibleSettings_data()
    {
        QTest::addColumn<LinkImpairment>("settings");
        QTest::addColumn<QString>("message");
        LinkImpairment li;
        li.delayMs = -5;
        QTest::newRow("negative delay")
            << li << QStringLiteral("Delay must be between 0 and 60000 ms; got -5.");
        li = {};
        li.lossPercent = 120;
        QTest::newRow("loss over 100 %")
            << li << QStringLiteral("Loss must be between 0 and 100 %; got 120.");
        li = {};
        li.jitterMs = std::nan("");
        QTest::newRow("jitter not a number")
            << li << QStringLiteral("Jitter must be between 0 and 60000 ms; got nan.");
        li = {};
        li.rateMbit = -1;
        QTest::newRow("negative bandwidth")
            << li << QStringLiteral("Bandwidth must be between 0 and 1e+06 Mbit/s; got -1.");
        li = {};
        li.queuePackets = 0;
        QTest::newRow("empty queue") << li
                                     << QStringLiteral(
                                            "The queue must hold between 1 and 100000 packets; got 0.");
    }
    void refusesImpossibleSettings()
    {
        QFETCH(LinkImpairment, settings);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!settings.validate(&error));
        QCOMPARE(error, message);
        Bench b;
        error.clear();
        QVERIFY(!b.wire.setImpairment(QStringLiteral("client"), QStringLiteral("server"), settings, &error));
        QCOMPARE(error, message);
        QVERIFY(b.wire.impairment(QStringLiteral("client"), QStringLiteral("server")).isNone());
        QVERIFY(!b.wire.setImpairment(QStringLiteral("client"), QStringLiteral("nobody"), LinkImpairment{},
                                      &error));
        QCOMPARE(error, QStringLiteral("There is no link from client to nobody."));
    }

    void presetsMatchTheirNames()
    {
        QCOMPARE(linkPresets().size(), std::size_t(6));
        for (const LinkPreset &p : linkPresets()) {
            QString error;
            QVERIFY2(p.each.validate(&error), qPrintable(error));
            QVERIFY(!p.label.text().isEmpty());
            QCOMPARE(QString::fromLatin1(p.label.context), QStringLiteral("LinkPreset"));
        }
        QVERIFY(findLinkPreset(QStringLiteral("loopback"))->each.isNone());
        const LinkPreset *g3 = findLinkPreset(QStringLiteral("3g"));
        QVERIFY(g3);
        QCOMPARE(g3->each.delayMs, 50.0);
        QCOMPARE(g3->each.rateMbit, 1.6);
        QCOMPARE(findLinkPreset(QStringLiteral("satellite"))->each.delayMs, 300.0);
        QCOMPARE(findLinkPreset(QStringLiteral("lossy-mobile"))->each.lossPercent, 3.0);
        QCOMPARE(findLinkPreset(QStringLiteral("wifi"))->each.lossPercent, 0.5);
        QCOMPARE(findLinkPreset(QStringLiteral("lan"))->each.rateMbit, 1000.0);
        QVERIFY(!findLinkPreset(QStringLiteral("carrier pigeon")));
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
