// SPDX-License-Identifier: GPL-3.0-or-later
// Host mode's relay on the loopback: TCP bytes arrive complete, in order and no earlier than the configured
// one-way delay each way; UDP datagrams are delayed, lost (all of them at 100 %), duplicated; the relay
// listens on 127.0.0.2 with the server's port and reaches the server from 127.0.0.3 (so host mode's
// capture can show the client's leg and leave the relay's own out); impossible settings are refused;
// stop() leaves no descriptor or thread.
#include "labnet/hostrelay.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include "processresources.h"

using wirelab::test::countEntries;
using wirelab::test::openFdCount;
using wirelab::test::threadCount;

using namespace wirelab;

namespace {

sockaddr_in loopback(std::uint16_t port, quint32 address = INADDR_LOOPBACK)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(address);
    a.sin_port = htons(port);
    return a;
}

sockaddr_in toRelay(const HostRelay::Endpoint &e)
{
    return loopback(e.port, e.address.toIPv4Address());
}

std::uint16_t portOf(int fd)
{
    sockaddr_in a{};
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    return ntohs(a.sin_port);
}

int bound(int type)
{
    const int fd = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
    sockaddr_in a = loopback(0);
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    if (type == SOCK_STREAM)
        ::listen(fd, 4);
    return fd;
}

bool readable(int fd, int ms)
{
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, ms) == 1;
}

} // namespace

class TestHostRelay final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tcpBytesAreDelayedEachWayAndComplete();
    void udpLossAndDuplication();
    void listensWithTheServersPortAndReachesItFromItsOwnAddress();
    void refusesImpossibleSettings();
    void stopLeavesNothing();
};

void TestHostRelay::tcpBytesAreDelayedEachWayAndComplete()
{
    const int server = bound(SOCK_STREAM);
    HostRelay relay;
    QString why;
    const HostRelay::Endpoint relayed = relay.addTcp(QHostAddress(QHostAddress::LocalHost), portOf(server), &why);
    QVERIFY2(relayed.isValid(), qPrintable(why));
    LinkImpairment delay;
    delay.delayMs = 40;
    QVERIFY2(relay.setImpairment(true, delay, &why), qPrintable(why));
    QVERIFY2(relay.setImpairment(false, delay, &why), qPrintable(why));
    QVERIFY2(relay.start(&why), qPrintable(why));

    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in to = toRelay(relayed);
    QCOMPARE(::connect(client, reinterpret_cast<sockaddr *>(&to), sizeof to), 0);
    QVERIFY(readable(server, 2000));
    const int conn = ::accept4(server, nullptr, nullptr, SOCK_CLOEXEC);
    QVERIFY(conn >= 0);

    // 200 KB client -> server, every byte in order.
    QByteArray sent(200000, '\0');
    for (int i = 0; i < sent.size(); ++i)
        sent[i] = char(i * 31 + i / 7);
    QElapsedTimer clock;
    clock.start();
    qsizetype written = 0;
    QByteArray got;
    char buffer[65536];
    while ((written < sent.size() || got.size() < sent.size()) && clock.elapsed() < 10000) {
        if (written < sent.size()) {
            const ssize_t n =
                ::send(client, sent.constData() + written, std::size_t(sent.size() - written), MSG_DONTWAIT);
            if (n > 0)
                written += n;
        }
        if (readable(conn, 10)) {
            const ssize_t n = ::recv(conn, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n > 0)
                got.append(buffer, int(n));
        }
    }
    QCOMPARE(got.size(), sent.size());
    QVERIFY(got == sent);

    // A round trip through the relay takes at least twice the one-way delay (a lower bound, not a timing
    // benchmark: the relay must never deliver early).
    clock.restart();
    QCOMPARE(::send(client, "?", 1, 0), ssize_t(1));
    QVERIFY(readable(conn, 3000));
    QCOMPARE(::recv(conn, buffer, 1, 0), ssize_t(1));
    const qint64 oneWay = clock.elapsed();
    QCOMPARE(::send(conn, "!", 1, 0), ssize_t(1));
    QVERIFY(readable(client, 3000));
    QCOMPARE(::recv(client, buffer, 1, 0), ssize_t(1));
    const qint64 roundTrip = clock.elapsed();
    qInfo("through the relay with 40 ms each way: one way %lld ms, round trip %lld ms", oneWay, roundTrip);
    QVERIFY2(oneWay >= 39, qPrintable(QString::number(oneWay)));
    QVERIFY2(roundTrip >= 79, qPrintable(QString::number(roundTrip)));

    // The client's close reaches the server as end of stream.
    ::close(client);
    QVERIFY(readable(conn, 3000));
    QCOMPARE(::recv(conn, buffer, 1, 0), ssize_t(0));
    ::close(conn);
    ::close(server);
    relay.stop();
}

void TestHostRelay::udpLossAndDuplication()
{
    const int server = bound(SOCK_DGRAM);
    HostRelay relay;
    QString why;
    const HostRelay::Endpoint relayed = relay.addUdp(QHostAddress(QHostAddress::LocalHost), portOf(server), &why);
    QVERIFY2(relayed.isValid(), qPrintable(why));
    QVERIFY2(relay.start(&why), qPrintable(why));
    const int client = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in to = toRelay(relayed);
    QCOMPARE(::connect(client, reinterpret_cast<sockaddr *>(&to), sizeof to), 0);
    char buffer[2048];
    auto drain = [&](int fd, int quietMs) {
        int n = 0;
        while (readable(fd, quietMs)) {
            if (::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT) >= 0)
                ++n;
        }
        return n;
    };

    // No impairment: 50 datagrams, 50 arrive, and the answer finds its way back to the client.
    for (int i = 0; i < 50; ++i)
        QCOMPARE(::send(client, "x", 1, 0), ssize_t(1));
    QCOMPARE(drain(server, 300), 50);
    sockaddr_in relayFrom{};
    {
        QCOMPARE(::send(client, "q", 1, 0), ssize_t(1));
        QVERIFY(readable(server, 1000));
        socklen_t len = sizeof relayFrom;
        QCOMPARE(::recvfrom(server, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr *>(&relayFrom), &len),
                 ssize_t(1));
        QCOMPARE(::sendto(server, "a", 1, 0, reinterpret_cast<sockaddr *>(&relayFrom), sizeof relayFrom),
                 ssize_t(1));
        QVERIFY(readable(client, 1000));
        QCOMPARE(::recv(client, buffer, sizeof buffer, 0), ssize_t(1));
        QCOMPARE(buffer[0], 'a');
    }

    LinkImpairment impairment;
    impairment.lossPercent = 100;
    QVERIFY(relay.setImpairment(true, impairment, &why));
    for (int i = 0; i < 50; ++i)
        QCOMPARE(::send(client, "x", 1, 0), ssize_t(1));
    QCOMPARE(drain(server, 300), 0);

    impairment = {};
    impairment.duplicatePercent = 100;
    impairment.delayMs = 30;
    QVERIFY(relay.setImpairment(true, impairment, &why));
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 20; ++i)
        QCOMPARE(::send(client, "x", 1, 0), ssize_t(1));
    QVERIFY(readable(server, 2000));
    const qint64 firstAfter = clock.elapsed();
    QVERIFY2(firstAfter >= 29, qPrintable(QString::number(firstAfter)));
    QCOMPARE(drain(server, 300), 40);
    ::close(client);
    ::close(server);
}

// The client's leg (client <-> 127.0.0.2:<server port>) and the relay's own leg (127.0.0.3 <-> server)
// differ by address, so a capture on the server's port that leaves 127.0.0.3 out sees only the client's.
void TestHostRelay::listensWithTheServersPortAndReachesItFromItsOwnAddress()
{
    const int server = bound(SOCK_STREAM);
    const int udpServer = bound(SOCK_DGRAM);
    HostRelay relay;
    QString why;
    const HostRelay::Endpoint tcp = relay.addTcp(QHostAddress(QHostAddress::LocalHost), portOf(server), &why);
    QVERIFY2(tcp.isValid(), qPrintable(why));
    const HostRelay::Endpoint udp = relay.addUdp(QHostAddress(QHostAddress::LocalHost), portOf(udpServer), &why);
    QVERIFY2(udp.isValid(), qPrintable(why));
    QCOMPARE(tcp.address, HostRelay::listenAddress());
    QCOMPARE(tcp.port, portOf(server));
    QCOMPARE(udp.address, HostRelay::listenAddress());
    QCOMPARE(udp.port, portOf(udpServer));
    QVERIFY(relay.upstreamSeparate());
    QVERIFY2(relay.start(&why), qPrintable(why));

    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in to = toRelay(tcp);
    QCOMPARE(::connect(client, reinterpret_cast<sockaddr *>(&to), sizeof to), 0);
    QVERIFY(readable(server, 2000));
    sockaddr_in peer{};
    socklen_t len = sizeof peer;
    const int conn = ::accept4(server, reinterpret_cast<sockaddr *>(&peer), &len, SOCK_CLOEXEC);
    QVERIFY(conn >= 0);
    QCOMPARE(QHostAddress(ntohl(peer.sin_addr.s_addr)), HostRelay::upstreamAddress());

    const int udpClient = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    to = toRelay(udp);
    QCOMPARE(::connect(udpClient, reinterpret_cast<sockaddr *>(&to), sizeof to), 0);
    QCOMPARE(::send(udpClient, "u", 1, 0), ssize_t(1));
    QVERIFY(readable(udpServer, 2000));
    char buffer[16];
    len = sizeof peer;
    QCOMPARE(::recvfrom(udpServer, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr *>(&peer), &len), ssize_t(1));
    QCOMPARE(QHostAddress(ntohl(peer.sin_addr.s_addr)), HostRelay::upstreamAddress());

    // A second relay for the same server cannot take 127.0.0.2 with that port again: it listens elsewhere,
    // and still works.
    HostRelay second;
    const HostRelay::Endpoint other = second.addTcp(QHostAddress(QHostAddress::LocalHost), portOf(server), &why);
    QVERIFY2(other.isValid(), qPrintable(why));
    QVERIFY(!(other.address == tcp.address && other.port == tcp.port));

    ::close(udpClient);
    ::close(client);
    ::close(conn);
    ::close(udpServer);
    ::close(server);
    relay.stop();
}

void TestHostRelay::refusesImpossibleSettings()
{
    HostRelay relay;
    LinkImpairment bad;
    bad.lossPercent = 120;
    QString why;
    QVERIFY(!relay.setImpairment(true, bad, &why));
    QVERIFY2(!why.isEmpty() && why.count(QLatin1Char('.')) >= 1, qPrintable(why));
    bad = {};
    bad.delayMs = -5;
    QVERIFY(!relay.setImpairment(false, bad, &why));
    QVERIFY(relay.impairment(false).isNone());
    QVERIFY(!HostRelay::limitations().isEmpty());
}

void TestHostRelay::stopLeavesNothing()
{
    const int threadsBefore = countEntries("/proc/self/task");
    const int fdsBefore = countEntries("/proc/self/fd");
    for (int round = 0; round < 20; ++round) {
        const int server = bound(SOCK_STREAM);
        HostRelay relay;
        QString why;
        const HostRelay::Endpoint relayed = relay.addTcp(QHostAddress(QHostAddress::LocalHost), portOf(server), &why);
        QVERIFY(relay.addUdp(QHostAddress(QHostAddress::LocalHost), 9, &why).isValid());
        QVERIFY(relay.start(&why));
        const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in to = toRelay(relayed);
        QCOMPARE(::connect(client, reinterpret_cast<sockaddr *>(&to), sizeof to), 0);
        QCOMPARE(::send(client, "held", 4, 0), ssize_t(4)); // stopped with bytes in flight
        relay.stop();
        ::close(client);
        ::close(server);
    }
    QCOMPARE(countEntries("/proc/self/task"), threadsBefore);
    QCOMPARE(countEntries("/proc/self/fd"), fdsBefore);
}

QTEST_GUILESS_MAIN(TestHostRelay)
#include "tst_hostrelay.moc"
