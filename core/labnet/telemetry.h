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
    void watchSocket(const QString &host, int fd, const QString &label);
    void watchCounters(const QString &host);
    void start(int intervalMs = 100);
    void stop();
    void sampleNow();

    const std::vector<TcpInfoSample> &latestSockets() const { return m_latestSockets; }
    const std::vector<CounterSample> &latestCounters() const { return m_latestCounters; }

Q_SIGNALS:
    void sampled();

private:
    struct Watched { QString host, label; int fd; };
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
