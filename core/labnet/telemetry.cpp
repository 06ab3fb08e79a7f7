// SPDX-License-Identifier: GPL-3.0-or-later
#include "labnet/telemetry.h"

#include "runclock.h"
#include "store/eventlog.h"

#include <QCoreApplication>

#include <cerrno>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h> // rtattr
#include <linux/sock_diag.h>
#include <linux/tcp.h> // struct tcp_info with tcpi_bytes_acked (glibc's netinet/tcp.h stops earlier)
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace wirelab {

namespace {

constexpr qsizetype kMaxText = 1 << 20;
constexpr qsizetype kMaxColumns = 4096;
constexpr std::uint8_t kTcpListen = 10; // TCP_LISTEN in the kernel's state numbering
constexpr std::uint8_t kTcpClose = 7;   // TCP_CLOSE

// Splits on runs of spaces and tabs (procfs uses single spaces; hostile text may not).
QList<QByteArray> fields(const QByteArray &line)
{
    QList<QByteArray> out;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n && out.size() <= kMaxColumns) {
        while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            ++i;
        const qsizetype start = i;
        while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            ++i;
        if (i > start)
            out << line.mid(start, i - start);
    }
    return out;
}

} // namespace

std::map<QString, std::int64_t> parseProcNetCounters(const QByteArray &input)
{
    std::map<QString, std::int64_t> out;
    const QByteArray text = input.left(kMaxText);
    const QList<QByteArray> lines = text.split('\n');
    QByteArray headerPrefix;
    QList<QByteArray> header;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> f = fields(line);
        if (f.isEmpty() || !f.first().endsWith(':') || f.first().size() < 2) {
            header.clear();
            headerPrefix.clear();
            continue;
        }
        const QByteArray prefix = f.first().chopped(1);
        if (header.isEmpty() || prefix != headerPrefix) {
            // A names line: every column after the prefix must look like a name, or the line is ignored.
            bool names = f.size() > 1;
            for (qsizetype i = 1; i < f.size() && names; ++i) {
                const char c = f[i].at(0);
                names = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            }
            if (names) {
                headerPrefix = prefix;
                header = f;
            } else {
                header.clear();
                headerPrefix.clear();
            }
            continue;
        }
        // The values line of the names line before it.
        const qsizetype columns = std::min(header.size(), f.size());
        for (qsizetype i = 1; i < columns; ++i) {
            bool ok = false;
            const qlonglong v = f[i].toLongLong(&ok);
            if (!ok)
                continue;
            out[QString::fromLatin1(prefix + '.' + header[i])] = std::int64_t(v);
        }
        header.clear();
        headerPrefix.clear();
    }
    return out;
}

const std::vector<QString> &telemetryCounterNames()
{
    static const std::vector<QString> names = {
        QStringLiteral("TcpExt.ListenOverflows"), QStringLiteral("TcpExt.ListenDrops"),
        QStringLiteral("TcpExt.TCPTimeouts"),     QStringLiteral("TcpExt.TCPSynRetrans"),
        QStringLiteral("Tcp.RetransSegs"),        QStringLiteral("Udp.RcvbufErrors"),
        QStringLiteral("Udp.InErrors"),
    };
    return names;
}

TelemetrySampler::TelemetrySampler(EventLog *log, const RunClock *clock, ProcNetReader reader,
                                   QObject *parent)
    : QObject(parent), m_log(log), m_clock(clock), m_reader(std::move(reader))
{
    connect(&m_timer, &QTimer::timeout, this, &TelemetrySampler::sampleNow);
}

TelemetrySampler::~TelemetrySampler()
{
    stop();
    for (auto &[host, fd] : m_diagSockets) {
        if (fd >= 0)
            ::close(fd);
    }
}

void TelemetrySampler::watchCounters(const QString &host)
{
    if (std::find(m_counterHosts.begin(), m_counterHosts.end(), host) == m_counterHosts.end())
        m_counterHosts.push_back(host);
}

void TelemetrySampler::start(int intervalMs)
{
    m_timer.start(std::max(10, intervalMs));
}

void TelemetrySampler::stop()
{
    m_timer.stop();
}

void TelemetrySampler::setSocketOpener(SocketOpener opener)
{
    m_opener = std::move(opener);
}

bool TelemetrySampler::identifySocket(int fd, SocketIdentity *identity)
{
    if (fd < 0 || !identity)
        return false;
    int type = 0, domain = 0, listening = 0;
    socklen_t len = sizeof type;
    if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0 || type != SOCK_STREAM)
        return false;
    len = sizeof domain;
    if (::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) != 0 || domain != AF_INET)
        return false;
    SocketIdentity id;
    len = sizeof id.cookie;
    if (::getsockopt(fd, SOL_SOCKET, SO_COOKIE, &id.cookie, &len) != 0)
        return false;
    len = sizeof listening;
    ::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len);
    id.listener = listening != 0;
    sockaddr_in local{}, remote{};
    len = sizeof local;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &len) != 0 || local.sin_port == 0)
        return false;
    id.localIp = local.sin_addr.s_addr;
    id.localPort = local.sin_port;
    if (!id.listener) {
        len = sizeof remote;
        if (::getpeername(fd, reinterpret_cast<sockaddr *>(&remote), &len) != 0)
            return false; // not connected (yet): nothing to sample
        id.remoteIp = remote.sin_addr.s_addr;
        id.remotePort = remote.sin_port;
    }
    *identity = id;
    return true;
}

void TelemetrySampler::watchSocket(const QString &host, int fd, const QString &label)
{
    SocketIdentity id;
    if (identifySocket(fd, &id))
        watchIdentified(host, id, label);
}

void TelemetrySampler::watchIdentified(const QString &host, const SocketIdentity &identity,
                                       const QString &label)
{
    for (const Watched &w : m_sockets) {
        if (w.host == host && w.id.cookie == identity.cookie)
            return;
    }
    m_sockets.push_back(Watched{host, label, identity});
}

// One exact sock_diag lookup (by addresses, ports and cookie) of a TCP socket in host's namespace; the
// bytes of its inet_diag_msg and attributes, empty when it is gone (*gone) or the query failed.
std::vector<std::uint8_t> TelemetrySampler::queryDiag(const QString &host, const SocketIdentity &id,
                                                      bool *gone)
{
    *gone = false;
    const auto found = m_diagSockets.find(host);
    int fd = found == m_diagSockets.end() ? -1 : found->second;
    if (fd < 0) {
        fd = m_opener ? m_opener(host, AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG)
                      : ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        if (fd < 0)
            return {};
        m_diagSockets[host] = fd;
    }
    struct
    {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST;
    message.header.nlmsg_seq = 1;
    message.request.sdiag_family = AF_INET;
    message.request.sdiag_protocol = IPPROTO_TCP;
    message.request.idiag_ext = 1u << (INET_DIAG_INFO - 1);
    message.request.idiag_states = ~0u;
    message.request.id.idiag_sport = id.localPort;
    message.request.id.idiag_dport = id.remotePort;
    message.request.id.idiag_src[0] = id.localIp;
    message.request.id.idiag_dst[0] = id.remoteIp;
    message.request.id.idiag_if = 0;
    std::memcpy(message.request.id.idiag_cookie, &id.cookie, sizeof id.cookie);
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(fd, &message, sizeof message, 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel) < 0)
        return {};
    std::vector<std::uint8_t> buffer(16384);
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0)
        return {};
    const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
    if (n < ssize_t(sizeof(nlmsghdr)))
        return {};
    const auto *header = reinterpret_cast<const nlmsghdr *>(buffer.data());
    if (header->nlmsg_len < sizeof(nlmsghdr) || header->nlmsg_len > std::size_t(n))
        return {};
    if (header->nlmsg_type == NLMSG_ERROR) {
        if (header->nlmsg_len >= NLMSG_LENGTH(sizeof(nlmsgerr))) {
            const auto *err = reinterpret_cast<const nlmsgerr *>(NLMSG_DATA(header));
            *gone = err->error == -ENOENT;
        }
        return {};
    }
    if (header->nlmsg_type != SOCK_DIAG_BY_FAMILY || header->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg)))
        return {};
    const auto *data = static_cast<const std::uint8_t *>(NLMSG_DATA(header));
    return std::vector<std::uint8_t>(data, data + (header->nlmsg_len - NLMSG_LENGTH(0)));
}

void TelemetrySampler::sampleNow()
{
    const std::int64_t now = m_clock ? m_clock->nowNs() : 0;
    m_latestSockets.clear();
    for (auto it = m_sockets.begin(); it != m_sockets.end();) {
        bool gone = false;
        const std::vector<std::uint8_t> reply = queryDiag(it->host, it->id, &gone);
        if (reply.size() < sizeof(inet_diag_msg)) {
            if (gone)
                it = m_sockets.erase(it); // closed: nothing more to learn from it
            else
                ++it;
            continue;
        }
        inet_diag_msg msg;
        std::memcpy(&msg, reply.data(), sizeof msg);
        tcp_info info{};
        std::size_t infoLength = 0;
        // The attributes after the message: find INET_DIAG_INFO, every length checked.
        std::size_t offset = NLMSG_ALIGN(sizeof(inet_diag_msg));
        while (offset + sizeof(rtattr) <= reply.size()) {
            rtattr attr;
            std::memcpy(&attr, reply.data() + offset, sizeof attr);
            if (attr.rta_len < sizeof(rtattr) || offset + attr.rta_len > reply.size())
                break;
            if (attr.rta_type == INET_DIAG_INFO) {
                infoLength = std::min<std::size_t>(attr.rta_len - RTA_LENGTH(0), sizeof info);
                std::memcpy(&info, reply.data() + offset + RTA_LENGTH(0), infoLength);
            }
            offset += RTA_ALIGN(attr.rta_len);
        }
        TcpInfoSample s;
        s.timeNs = now;
        s.host = it->host;
        s.label = it->label;
        s.state = msg.idiag_state;
        s.listener = msg.idiag_state == kTcpListen;
        if (infoLength >= offsetof(tcp_info, tcpi_rcv_rtt)) {
            s.rttUs = info.tcpi_rtt;
            s.rttVarUs = info.tcpi_rttvar;
            s.cwnd = info.tcpi_snd_cwnd;
            s.ssthresh = info.tcpi_snd_ssthresh;
            s.mss = info.tcpi_snd_mss;
            s.unacked = info.tcpi_unacked;
            s.retransmitsTotal = info.tcpi_total_retrans;
            s.lost = info.tcpi_lost;
        }
        // Fields the running kernel may not fill: only read what it wrote.
        if (infoLength >= offsetof(tcp_info, tcpi_bytes_acked) + sizeof info.tcpi_bytes_acked)
            s.bytesAcked = info.tcpi_bytes_acked;
        if (infoLength >= offsetof(tcp_info, tcpi_bytes_received) + sizeof info.tcpi_bytes_received)
            s.bytesReceived = info.tcpi_bytes_received;
        if (s.listener) {
            // For a listener sock_diag reports the accept queue in rqueue and the backlog in wqueue.
            s.acceptQueue = msg.idiag_rqueue;
            s.backlog = msg.idiag_wqueue;
        }
        m_latestSockets.push_back(s);
        if (m_log) {
            LabEvent e;
            e.timeNs = now;
            e.host = s.host;
            if (s.listener) {
                e.kind = QStringLiteral("telemetry.listener");
                e.text = tr("%1: accept queue %2 of %3").arg(s.label).arg(s.acceptQueue).arg(s.backlog);
                e.data = {{QStringLiteral("label"), s.label},
                          {QStringLiteral("accept_queue"), s.acceptQueue},
                          {QStringLiteral("backlog"), s.backlog}};
            } else {
                e.kind = QStringLiteral("telemetry.tcp");
                e.text = tr("%1: rtt %2 us, cwnd %3, %4 unacknowledged, %5 retransmitted in all")
                             .arg(s.label)
                             .arg(s.rttUs)
                             .arg(s.cwnd)
                             .arg(s.unacked)
                             .arg(s.retransmitsTotal);
                e.data = {{QStringLiteral("label"), s.label},
                          {QStringLiteral("state"), s.state},
                          {QStringLiteral("rtt_us"), s.rttUs},
                          {QStringLiteral("rttvar_us"), s.rttVarUs},
                          {QStringLiteral("cwnd"), s.cwnd},
                          {QStringLiteral("ssthresh"), s.ssthresh},
                          {QStringLiteral("mss"), s.mss},
                          {QStringLiteral("unacked"), s.unacked},
                          {QStringLiteral("retrans_total"), s.retransmitsTotal},
                          {QStringLiteral("lost"), s.lost},
                          {QStringLiteral("bytes_acked"), qulonglong(s.bytesAcked)},
                          {QStringLiteral("bytes_received"), qulonglong(s.bytesReceived)}};
            }
            m_log->append(std::move(e));
        }
        // A connection that has ended says nothing more: one last sample, then it is dropped.
        if (s.state == kTcpClose || s.state == 6 /* TIME_WAIT */) {
            it = m_sockets.erase(it);
            continue;
        }
        ++it;
    }

    m_latestCounters.clear();
    if (m_reader) {
        for (const QString &host : m_counterHosts) {
            std::map<QString, std::int64_t> all =
                parseProcNetCounters(m_reader(host, QStringLiteral("snmp")));
            all.merge(parseProcNetCounters(m_reader(host, QStringLiteral("netstat"))));
            for (const QString &name : telemetryCounterNames()) {
                const auto found = all.find(name);
                if (found == all.end())
                    continue;
                CounterSample c{now, host, name, found->second};
                m_latestCounters.push_back(c);
                const QString key = host + QLatin1Char('/') + name;
                const auto last = m_lastCounter.find(key);
                if (last != m_lastCounter.end() && last->second == c.value)
                    continue; // only changes go into the log
                m_lastCounter[key] = c.value;
                if (m_log) {
                    LabEvent e;
                    e.timeNs = now;
                    e.host = host;
                    e.kind = QStringLiteral("telemetry.counter");
                    e.text = tr("%1 is %2").arg(name).arg(c.value);
                    e.data = {{QStringLiteral("name"), name}, {QStringLiteral("value"), qlonglong(c.value)}};
                    m_log->append(std::move(e));
                }
            }
        }
    }
    Q_EMIT sampled();
}

} // namespace wirelab
