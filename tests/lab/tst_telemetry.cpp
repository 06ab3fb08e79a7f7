// SPDX-License-Identifier: GPL-3.0-or-later
// The telemetry sampler: /proc/net/snmp and /proc/net/netstat text parsed (real layouts, and garbage that
// must not crash or invent counters), counters into the event log only when they change, and TCP_INFO of a
// real loopback connection and listener through sock_diag, with the lab closing its sockets whenever it
// likes (the sampler holds no descriptor, so close() still sends the FIN).
#include "labnet/telemetry.h"
#include "runclock.h"
#include "store/eventlog.h"

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <poll.h>

using namespace wirelab;

namespace {

// As Linux 6.x writes them (columns shortened where the test does not need them).
const QByteArray kSnmp = "Ip: Forwarding DefaultTTL InReceives InHdrErrors\n"
                         "Ip: 1 64 123456 0\n"
                         "Icmp: InMsgs InErrors\n"
                         "Icmp: 5 0\n"
                         "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails "
                         "EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors\n"
                         "Tcp: 1 200 120000 -1 42 40 0 1 3 10000 9000 17 0 5 0\n"
                         "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors "
                         "InCsumErrors IgnoredMulti MemErrors\n"
                         "Udp: 5000 2 991 5100 991 0 0 0 0\n"
                         "UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors "
                         "InCsumErrors IgnoredMulti MemErrors\n"
                         "UdpLite: 0 0 0 0 0 0 0 0 0\n";

const QByteArray kNetstat = "TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed ListenOverflows "
                            "ListenDrops TCPTimeouts TCPSynRetrans\n"
                            "TcpExt: 0 0 0 12 13 4 2\n"
                            "IpExt: InNoRoutes InTruncatedPkts InOctets\n"
                            "IpExt: 0 0 18446744073709551615\n";

int makeListener(std::uint16_t *port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(fd, 7) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) != 0) {
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    *port = ntohs(a.sin_port);
    return fd;
}

int connectTo(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    return fd;
}

std::vector<LabEvent> ofKind(const EventLog &log, const QString &kind)
{
    std::vector<LabEvent> out;
    for (LabEvent &e : log.all()) {
        if (e.kind == kind)
            out.push_back(std::move(e));
    }
    return out;
}

} // namespace

class TestTelemetry final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesSnmpAndNetstat();
    void hostileText_data();
    void hostileText();
    void countersGoIntoTheLogOnlyWhenTheyChange();
    void listenerAndConnectionThroughSockDiag();
    void closeStillSendsFinWhileWatched();
};

void TestTelemetry::parsesSnmpAndNetstat()
{
    const auto snmp = parseProcNetCounters(kSnmp);
    QCOMPARE(snmp.at(QStringLiteral("Udp.RcvbufErrors")), std::int64_t(991));
    QCOMPARE(snmp.at(QStringLiteral("Udp.InErrors")), std::int64_t(991));
    QCOMPARE(snmp.at(QStringLiteral("Tcp.RetransSegs")), std::int64_t(17));
    QCOMPARE(snmp.at(QStringLiteral("Tcp.MaxConn")), std::int64_t(-1));
    QCOMPARE(snmp.at(QStringLiteral("UdpLite.RcvbufErrors")), std::int64_t(0));
    const auto netstat = parseProcNetCounters(kNetstat);
    QCOMPARE(netstat.at(QStringLiteral("TcpExt.ListenOverflows")), std::int64_t(12));
    QCOMPARE(netstat.at(QStringLiteral("TcpExt.ListenDrops")), std::int64_t(13));
    QCOMPARE(netstat.at(QStringLiteral("TcpExt.TCPSynRetrans")), std::int64_t(2));
    // 2^64-1 does not fit a signed 64-bit counter: skipped, not wrapped.
    QVERIFY(!netstat.count(QStringLiteral("IpExt.InOctets")));
    QCOMPARE(netstat.at(QStringLiteral("IpExt.InNoRoutes")), std::int64_t(0));
}

void TestTelemetry::hostileText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("name");    // a counter that must (or must not) come out
    QTest::addColumn<qlonglong>("value"); // -999: must not be present
    QTest::newRow("empty") << QByteArray() << QStringLiteral("Udp.RcvbufErrors") << -999LL;
    QTest::newRow("names without values")
        << QByteArray("Udp: InDatagrams RcvbufErrors\n") << QStringLiteral("Udp.RcvbufErrors") << -999LL;
    QTest::newRow("values without names") << QByteArray("Udp: 1 2 3\n") << QStringLiteral("Udp.1") << -999LL;
    QTest::newRow("fewer values than names")
        << QByteArray("Udp: A B RcvbufErrors\nUdp: 1 2\n") << QStringLiteral("Udp.B") << 2LL;
    QTest::newRow("more values than names")
        << QByteArray("Udp: A\nUdp: 1 2 3 4\n") << QStringLiteral("Udp.A") << 1LL;
    QTest::newRow("prefixes do not pair")
        << QByteArray("Udp: RcvbufErrors\nTcp: 5\n") << QStringLiteral("Udp.RcvbufErrors") << -999LL;
    QTest::newRow("not a number") << QByteArray("Udp: RcvbufErrors\nUdp: 12abc\n")
                                  << QStringLiteral("Udp.RcvbufErrors") << -999LL;
    QTest::newRow("tabs, CRLF and extra spaces") << QByteArray("Udp:\tA   RcvbufErrors\r\nUdp:  7\t 9\r\n")
                                                 << QStringLiteral("Udp.RcvbufErrors") << 9LL;
    QTest::newRow("binary") << QByteArray("\x00\xff:\x01 \x02\n\x00\xff: 1\n:\n: :\n", 16)
                            << QStringLiteral("Udp.RcvbufErrors") << -999LL;
    QTest::newRow("lone colon") << QByteArray(":\n:\n") << QStringLiteral(".") << -999LL;
    QByteArray wide = "Udp:";
    for (int i = 0; i < 10000; ++i)
        wide += " N" + QByteArray::number(i);
    wide += "\nUdp:";
    for (int i = 0; i < 10000; ++i)
        wide += " " + QByteArray::number(i);
    QTest::newRow("10000 columns (only the first 4096 read)")
        << wide << QStringLiteral("Udp.N4000") << 4000LL;
    QTest::newRow("10000 columns, beyond the limit") << wide << QStringLiteral("Udp.N9999") << -999LL;
    QTest::newRow("2 MiB of one line")
        << QByteArray(2 << 20, 'x') << QStringLiteral("Udp.RcvbufErrors") << -999LL;
}

void TestTelemetry::hostileText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, name);
    QFETCH(qlonglong, value);
    const auto counters = parseProcNetCounters(text);
    const auto found = counters.find(name);
    if (value == -999) {
        QVERIFY2(found == counters.end(), qPrintable(QStringLiteral("%1 = %2").arg(name).arg(
                                              found == counters.end() ? 0 : found->second)));
    } else {
        QVERIFY2(found != counters.end(), qPrintable(name));
        QCOMPARE(qlonglong(found->second), value);
    }
}

void TestTelemetry::countersGoIntoTheLogOnlyWhenTheyChange()
{
    EventLog log;
    RunClock clock;
    qint64 overflows = 12;
    int reads = 0;
    TelemetrySampler sampler(&log, &clock, [&](const QString &host, const QString &name) {
        ++reads;
        if (host != QLatin1String("server"))
            return QByteArray("garbage");
        if (name == QLatin1String("snmp"))
            return kSnmp;
        QByteArray text = kNetstat;
        return text.replace("0 0 0 12 13", "0 0 0 " + QByteArray::number(overflows) + " 13");
    });
    sampler.watchCounters(QStringLiteral("server"));
    sampler.watchCounters(QStringLiteral("server")); // once is enough
    sampler.watchCounters(QStringLiteral("client"));
    sampler.sampleNow();
    QCOMPARE(reads, 4);
    const std::size_t first = ofKind(log, QStringLiteral("telemetry.counter")).size();
    QCOMPARE(first, telemetryCounterNames().size()); // all seven, from the server only
    sampler.sampleNow();
    QCOMPARE(ofKind(log, QStringLiteral("telemetry.counter")).size(), first); // nothing changed
    overflows = 15;
    sampler.sampleNow();
    const std::vector<LabEvent> counters = ofKind(log, QStringLiteral("telemetry.counter"));
    QCOMPARE(counters.size(), first + 1);
    QCOMPARE(counters.back().host, QStringLiteral("server"));
    QCOMPARE(counters.back().data.value(QStringLiteral("name")).toString(),
             QStringLiteral("TcpExt.ListenOverflows"));
    QCOMPARE(counters.back().data.value(QStringLiteral("value")).toLongLong(), 15);
    QVERIFY(counters.back().timeNs >= clock.startNs());
    QCOMPARE(sampler.latestCounters().size(), telemetryCounterNames().size());
}

void TestTelemetry::listenerAndConnectionThroughSockDiag()
{
    EventLog log;
    RunClock clock;
    TelemetrySampler sampler(&log, &clock, {});
    std::uint16_t port = 0;
    const int listener = makeListener(&port);
    QVERIFY(listener >= 0);
    // Three connections the server never accepts: the accept queue holds them.
    int clients[3];
    for (int &c : clients) {
        c = connectTo(port);
        QVERIFY(c >= 0);
    }
    sampler.watchSocket(QStringLiteral("server"), listener, QStringLiteral("listener"));
    sampler.watchSocket(QStringLiteral("client"), clients[0], QStringLiteral("connection"));
    const char data[1000] = {};
    QCOMPARE(::send(clients[0], data, sizeof data, 0), ssize_t(sizeof data));
    QTest::qWait(20);
    sampler.sampleNow();
    QCOMPARE(sampler.latestSockets().size(), std::size_t(2));
    const TcpInfoSample &l = sampler.latestSockets()[0];
    QVERIFY(l.listener);
    QCOMPARE(l.acceptQueue, 3u);
    QCOMPARE(l.backlog, 7u);
    const TcpInfoSample &c = sampler.latestSockets()[1];
    QVERIFY(!c.listener);
    QCOMPARE(int(c.state), 1); // TCP_ESTABLISHED
    QVERIFY2(c.rttUs > 0 && c.mss > 0 && c.cwnd > 0,
             qPrintable(QStringLiteral("rtt %1 mss %2 cwnd %3").arg(c.rttUs).arg(c.mss).arg(c.cwnd)));
    QCOMPARE(c.bytesAcked, std::uint64_t(1000 + 1)); // the data plus the SYN
    QCOMPARE(ofKind(log, QStringLiteral("telemetry.listener")).size(), std::size_t(1));
    const std::vector<LabEvent> tcp = ofKind(log, QStringLiteral("telemetry.tcp"));
    QCOMPARE(tcp.size(), std::size_t(1));
    QCOMPARE(tcp.front().data.value(QStringLiteral("bytes_acked")).toULongLong(), 1001ULL);

    // A socket that is not TCP, or not connected, is not watched at all.
    const int udp = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sampler.watchSocket(QStringLiteral("client"), udp, QStringLiteral("udp"));
    sampler.watchSocket(QStringLiteral("client"), -1, QStringLiteral("nothing"));
    ::close(udp);
    for (int fd : clients)
        ::close(fd);
    ::close(listener);
    QTest::qWait(20);
    sampler.sampleNow(); // the listener is gone; the connection may linger briefly in FIN_WAIT
    sampler.sampleNow();
    QVERIFY2(sampler.latestSockets().size() <= 1,
             qPrintable(QString::number(sampler.latestSockets().size())));
}

void TestTelemetry::closeStillSendsFinWhileWatched()
{
    EventLog log;
    RunClock clock;
    TelemetrySampler sampler(&log, &clock, {});
    std::uint16_t port = 0;
    const int listener = makeListener(&port);
    QVERIFY(listener >= 0);
    const int client = connectTo(port);
    QVERIFY(client >= 0);
    const int server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    QVERIFY(server >= 0);
    sampler.watchSocket(QStringLiteral("client"), client, QStringLiteral("client"));
    sampler.watchSocket(QStringLiteral("server"), server, QStringLiteral("server"));
    sampler.sampleNow();
    QCOMPARE(sampler.latestSockets().size(), std::size_t(2));
    ::close(client);
    pollfd p{server, POLLIN, 0};
    QVERIFY2(::poll(&p, 1, 2000) == 1,
             "the client's close() did not reach the server while the sampler watched it");
    char byte = 0;
    QCOMPARE(::recv(server, &byte, 1, 0), ssize_t(0)); // end of stream: the FIN arrived
    ::close(server);
    ::close(listener);
}

QTEST_GUILESS_MAIN(TestTelemetry)
#include "tst_telemetry.moc"
