// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Kernel truth next to wire truth: a sampler that reads, every interval,
//  - TCP_INFO of each socket a lab registered (rtt, rttvar, cwnd, ssthresh, retransmits, unacked = bytes in
//    flight in segments, state); on a listener tcpi_unacked is the accept-queue length and tcpi_sacked
//    its backlog;
//  - the counters that matter from the host's /proc/net/netstat (TcpExt ListenOverflows, ListenDrops,
//    TCPTimeouts, TCPSynRetrans) and /proc/net/snmp (Udp RcvbufErrors, InErrors; Tcp RetransSegs),
// and appends them to the run's event log on the run clock (kinds "telemetry.tcp", "telemetry.listener",
// "telemetry.counter"), where views plot them and checkpoints read them. None of this needs root.

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace wirelab {

class EventLog;
class RunClock;

struct TcpInfoSample
{
    std::int64_t timeNs = 0;
    QString host, label;          // "client", "tcp connection to server"
    bool listener = false;
    std::uint8_t state = 0;       // TCP_ESTABLISHED...
    std::uint32_t rttUs = 0, rttVarUs = 0, cwnd = 0, ssthresh = 0, mss = 0;
    std::uint32_t unacked = 0, retransmitsTotal = 0, lost = 0;
    std::uint64_t bytesAcked = 0, bytesReceived = 0;
    std::uint32_t acceptQueue = 0, backlog = 0; // listeners only
};

struct CounterSample
{
    std::int64_t timeNs = 0;
    QString host;
    QString name;                 // "TcpExt.ListenOverflows", "Udp.RcvbufErrors"
    std::int64_t value = 0;
};

// The counters of /proc/net/snmp or /proc/net/netstat text: pairs of lines "Prefix: Name1 Name2 ..." and
// "Prefix: 1 2 ...", as "Prefix.Name" -> value. Hostile input is fine: lines that do not pair up, values that
// are not whole numbers (or overflow), and columns beyond the shorter line are skipped; at most 1 MiB of
// text and 4096 columns per line are read.
std::map<QString, std::int64_t> parseProcNetCounters(const QByteArray &text);
// The counters the sampler reports ("TcpExt.ListenOverflows", "Udp.RcvbufErrors", ...).
const std::vector<QString> &telemetryCounterNames();

class TelemetrySampler final : public QObject
{
    Q_OBJECT
public:
    // readProcNet(host, "snmp"|"netstat") returns the file's text for that host (through the lab network's
    // agent, or the real /proc/net in host mode).
    using ProcNetReader = std::function<QByteArray(const QString &host, const QString &name)>;

    TelemetrySampler(EventLog *log, const RunClock *clock, ProcNetReader reader, QObject *parent = nullptr);
    ~TelemetrySampler() override;

    // The sampler keeps its own dup() of fd, so the lab may close its socket at any time.
    // (Implementation note: it keeps no descriptor at all, since a dup would keep a connection open after
    // the lab's close() and hold back its FIN. It records the socket's identity (SO_COOKIE, addresses,
    // ports) and samples TCP_INFO through sock_diag (NETLINK_SOCK_DIAG, INET_DIAG_INFO) in the host's
    // namespace; a closed socket simply stops being found.)
    void watchSocket(const QString &host, int fd, const QString &label);

    // Who a socket is, read on the thread that owns it (thread-safe, no state). false when fd is not a
    // bound IPv4 TCP socket.
    struct SocketIdentity
    {
        std::uint64_t cookie = 0;
        std::uint32_t localIp = 0, remoteIp = 0;     // network byte order
        std::uint16_t localPort = 0, remotePort = 0; // network byte order
        bool listener = false;
    };
    static bool identifySocket(int fd, SocketIdentity *identity);
    void watchIdentified(const QString &host, const SocketIdentity &identity, const QString &label);
    // How the sampler opens its sock_diag socket in a host (default: ::socket, the process's namespace;
    // the lab network passes LabNetwork::openSocket). Returns -1 on failure.
    using SocketOpener = std::function<int(const QString &host, int domain, int type, int protocol)>;
    void setSocketOpener(SocketOpener opener);
    void watchCounters(const QString &host);
    void start(int intervalMs = 100);
    void stop();
    void sampleNow();

    const std::vector<TcpInfoSample> &latestSockets() const { return m_latestSockets; }
    const std::vector<CounterSample> &latestCounters() const { return m_latestCounters; }

Q_SIGNALS:
    void sampled();

private:
    struct Watched { QString host, label; SocketIdentity id; };
    std::vector<std::uint8_t> queryDiag(const QString &host, const SocketIdentity &id, bool *gone);
    SocketOpener m_opener;
    std::map<QString, int> m_diagSockets; // per host, opened on first use
    EventLog *m_log;
    const RunClock *m_clock;
    ProcNetReader m_reader;
    QTimer m_timer;
    std::vector<Watched> m_sockets;
    std::vector<QString> m_counterHosts;
    std::map<QString, std::int64_t> m_lastCounter;
    std::vector<TcpInfoSample> m_latestSockets;
    std::vector<CounterSample> m_latestCounters;
};

} // namespace wirelab
