// SPDX-License-Identifier: GPL-3.0-or-later
#include "tcpudpinstance.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <vector>

namespace wirelab {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

sockaddr_in makeAddress(quint32 ip, std::uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(ip);
    a.sin_port = htons(port);
    return a;
}

std::uint16_t localPort(int fd)
{
    sockaddr_in a{};
    socklen_t len = sizeof a;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) != 0)
        return 0;
    return ntohs(a.sin_port);
}

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

// The kernel's count of UDP datagrams dropped because a receive buffer was full: the RcvbufErrors column
// of the "Udp:" lines in /proc/net/snmp, per network namespace (the whole machine in host mode, the
// server's own host in the lab network). -1 when unreadable.
qint64 udpRcvbufErrors(const QByteArray &snmp)
{
    const QList<QByteArray> lines = snmp.split('\n');
    QList<QByteArray> header;
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (!line.startsWith("Udp:"))
            continue;
        const QList<QByteArray> fields = line.split(' ');
        if (header.isEmpty()) {
            header = fields;
            continue;
        }
        const qsizetype column = header.indexOf("RcvbufErrors");
        if (column < 0 || column >= fields.size())
            return -1;
        bool ok = false;
        const qint64 value = fields.at(column).toLongLong(&ok);
        return ok ? value : -1;
    }
    return -1;
}

// Packets the host's interfaces (other than lo) dropped on transmit: the tx "drop" column of /proc/net/dev.
// In the lab network a sender faster than the wire fills its TUN device's queue, and the kernel drops
// there without telling the sender. -1 when unreadable.
qint64 txDrops(const QByteArray &dev)
{
    qint64 total = -1;
    for (const QByteArray &raw : dev.split('\n')) {
        const qsizetype colon = raw.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = raw.left(colon).trimmed();
        if (name.isEmpty() || name == "lo" || name.contains('|'))
            continue;
        const QList<QByteArray> fields = raw.mid(colon + 1).simplified().split(' ');
        if (fields.size() < 12)
            continue;
        bool ok = false;
        const qint64 v = fields.at(11).toLongLong(&ok);
        if (ok)
            total = (total < 0 ? 0 : total) + v;
    }
    return total;
}

// Byte i of the TCP blast stream: a pattern the receiver can check for order and completeness.
inline char blastByte(std::uint64_t i)
{
    return char('a' + (i * 7 + i / 251) % 26);
}

template<typename T>
bool takeFuture(const LabHost &waiter, std::future<T> &future, int timeoutMs, T *out)
{
    if (!waitForFuture(waiter, future, timeoutMs))
        return false;
    try {
        *out = future.get();
        return true;
    } catch (const std::future_error &) {
        return false; // the other host stopped before running the task
    }
}

} // namespace

TcpUdpLabInstance::TcpUdpLabInstance(QObject *parent)
    : LabInstance(parent)
{
}

TcpUdpLabInstance::~TcpUdpLabInstance()
{
    stop();
}

int TcpUdpLabInstance::intParam(const char *key) const
{
    return m_context.parameters.value(QLatin1String(key)).toInt();
}

int TcpUdpLabInstance::openSocket(const QString &host, int type, QString *error) const
{
    // Every socket through the context's factory: in the lab network it is born in the host's namespace.
    if (m_context.openSocket)
        return m_context.openSocket(host, AF_INET, type, 0, error);
    const int fd = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
    if (fd < 0 && error)
        *error = errnoText(errno);
    return fd;
}

sockaddr_in TcpUdpLabInstance::route(int type, std::uint16_t serverPort) const
{
    if (m_context.serverRoute) {
        const auto [address, port] = m_context.serverRoute(type, serverPort);
        return makeAddress(address.toIPv4Address(), port);
    }
    return makeAddress(m_serverIp, serverPort);
}

QByteArray TcpUdpLabInstance::procNet(const QString &host, const char *name) const
{
    if (m_context.readProcNet)
        return m_context.readProcNet(host, QLatin1String(name));
    QFile file(QStringLiteral("/proc/net/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(1 << 20); // procfs files report size 0: read until EOF
}

void TcpUdpLabInstance::event(const QString &host, const QString &kind, const QString &text,
                              const QVariantMap &data)
{
    m_context.report(host, kind, text, data);
}

bool TcpUdpLabInstance::start(const LabContext &context, LabEndpoints *endpoints, QString *error)
{
    if (m_started) {
        if (error)
            *error = tr("The lab is already running; stop it before starting it again.");
        return false;
    }
    m_context = context;
    bool ok4 = false;
    m_serverIp = context.serverAddress.toIPv4Address(&ok4);
    bool okClient = false;
    m_clientIp = context.clientAddress.toIPv4Address(&okClient);
    if (!ok4 || !okClient) {
        if (error)
            *error = tr("This lab needs IPv4 addresses for its hosts; use 127.0.0.1.");
        return false;
    }

    m_server.start([this] {
        closeFd(m_serverSockets.connFd);
        closeFd(m_serverSockets.listenFd);
        closeFd(m_serverSockets.udpFd);
        closeFd(m_serverSockets.blastFd);
    });
    m_client.start([this] {
        closeFd(m_clientSockets.tcpFd);
        closeFd(m_clientSockets.udpFd);
    });
    m_started = true;

    // The server binds its sockets on its own thread; start() waits for the ports.
    auto bound = m_server.call([this] {
        QString why;
        Outcome outcome = bindServers(&why);
        outcome.message = why;
        return outcome;
    });
    if (bound.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
        stop();
        if (error)
            *error = tr("The lab's server did not start within 5 seconds.");
        return false;
    }
    const Outcome outcome = bound.get();
    if (!outcome.ok) {
        stop();
        if (error)
            *error = outcome.message;
        return false;
    }
    endpoints->tcpPorts = {m_tcpPort};
    endpoints->udpPorts = {m_udpPort, m_blastPort};
    event(QStringLiteral("server"), QStringLiteral("server.listen"),
          tr("TCP server listening on %1:%2, UDP server on port %3, UDP blast receiver on port %4")
              .arg(context.serverAddress.toString())
              .arg(m_tcpPort)
              .arg(m_udpPort)
              .arg(m_blastPort),
          {{QStringLiteral("tcp_port"), m_tcpPort},
           {QStringLiteral("udp_port"), m_udpPort},
           {QStringLiteral("blast_port"), m_blastPort}});
    return true;
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::bindServers(QString *error)
{
    ServerSockets &s = m_serverSockets;
    const QString address = QHostAddress(m_serverIp).toString();
    auto fail = [&](const QString &message) {
        closeFd(s.listenFd);
        closeFd(s.udpFd);
        closeFd(s.blastFd);
        *error = message;
        return Outcome{false, message};
    };

    QString why;
    s.listenFd = openSocket(QStringLiteral("server"), SOCK_STREAM, &why);
    if (s.listenFd < 0)
        return fail(tr("Could not create the TCP server socket: %1.").arg(why));
    const int one = 1;
    ::setsockopt(s.listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    // A small receive buffer on the listener is inherited by the accepted socket, so the TCP blast
    // shows flow control: the window closes and the sender has to wait.
    const int tcpRcvbuf = intParam("tcp.rcvbuf");
    if (tcpRcvbuf > 0)
        ::setsockopt(s.listenFd, SOL_SOCKET, SO_RCVBUF, &tcpRcvbuf, sizeof tcpRcvbuf);
    const std::uint16_t wantTcp = std::uint16_t(intParam("tcp.port"));
    sockaddr_in a = makeAddress(m_serverIp, wantTcp);
    if (::bind(s.listenFd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        const int e = errno;
        if (e == EADDRINUSE)
            return fail(tr("TCP port %1 on %2 is already in use; set tcp.port to another port or to 0 for "
                           "any free port.").arg(wantTcp).arg(address));
        return fail(tr("Could not bind the TCP server to %1:%2: %3.").arg(address).arg(wantTcp).arg(errnoText(e)));
    }
    if (::listen(s.listenFd, 16) != 0)
        return fail(tr("Could not listen on the TCP server socket: %1.").arg(errnoText(errno)));
    m_tcpPort = localPort(s.listenFd);
    if (m_context.watchSocket)
        m_context.watchSocket(QStringLiteral("server"), s.listenFd,
                              tr("TCP listener (port %1)").arg(m_tcpPort));

    s.udpFd = openSocket(QStringLiteral("server"), SOCK_DGRAM, &why);
    if (s.udpFd < 0)
        return fail(tr("Could not create the UDP server socket: %1.").arg(why));
    const std::uint16_t wantUdp = std::uint16_t(intParam("udp.port"));
    a = makeAddress(m_serverIp, wantUdp);
    if (::bind(s.udpFd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        const int e = errno;
        if (e == EADDRINUSE)
            return fail(tr("UDP port %1 on %2 is already in use; set udp.port to another port or to 0 for "
                           "any free port.").arg(wantUdp).arg(address));
        return fail(tr("Could not bind the UDP server to %1:%2: %3.").arg(address).arg(wantUdp).arg(errnoText(e)));
    }
    m_udpPort = localPort(s.udpFd);

    s.blastFd = openSocket(QStringLiteral("server"), SOCK_DGRAM, &why);
    if (s.blastFd < 0)
        return fail(tr("Could not create the UDP blast socket: %1.").arg(why));
    const int udpRcvbuf = intParam("udp.rcvbuf");
    ::setsockopt(s.blastFd, SOL_SOCKET, SO_RCVBUF, &udpRcvbuf, sizeof udpRcvbuf);
    a = makeAddress(m_serverIp, 0);
    if (::bind(s.blastFd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
        return fail(tr("Could not bind the UDP blast socket: %1.").arg(errnoText(errno)));
    m_blastPort = localPort(s.blastFd);
    return Outcome{true, {}};
}

void TcpUdpLabInstance::stop()
{
    if (!m_started)
        return;
    // Client first, so nothing new reaches the server; each host closes its own sockets on its thread.
    m_client.stop();
    m_server.stop();
    m_started = false;
}

void TcpUdpLabInstance::runAction(const QString &actionId)
{
    const bool queued = m_started && m_client.post([this, actionId] {
        const Outcome outcome = perform(actionId);
        if (m_client.stopping())
            return; // the lab is stopping: nobody waits for the answer
        Q_EMIT actionFinished(actionId, outcome.ok, outcome.message);
    });
    if (!queued)
        Q_EMIT actionFinished(actionId, false, tr("The lab is not running; press Start first."));
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::perform(const QString &id)
{
    if (id == QLatin1String(TcpConnect))
        return tcpConnect();
    if (id == QLatin1String(UdpConnect))
        return udpConnect();
    if (id == QLatin1String(TcpSendThree))
        return tcpSendThree();
    if (id == QLatin1String(UdpSendThree))
        return udpSendThree();
    if (id == QLatin1String(CompareSend))
        return compareSend();
    if (id == QLatin1String(UdpBlast))
        return udpBlast();
    if (id == QLatin1String(TcpBlast))
        return tcpBlast();
    if (id == QLatin1String(Close))
        return close();
    if (id == QLatin1String(LossCompare))
        return lossCompare();
    if (id == QLatin1String(SynHold))
        return synHold();
    return {false, tr("This lab has no action \"%1\".").arg(id)};
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::tcpConnect()
{
    ClientSockets &c = m_clientSockets;
    if (c.tcpFd >= 0)
        return {false, tr("The TCP connection is already open (client port %1); close it first.").arg(c.tcpLocalPort)};

    // The server accepts on its own thread while the client connects.
    auto accepted = m_server.call([this] {
        ServerSockets &s = m_serverSockets;
        if (!(m_server.waitFor(s.listenFd, POLLIN, 3000) & POLLIN))
            return false;
        sockaddr_in peer{};
        socklen_t len = sizeof peer;
        const int fd = ::accept4(s.listenFd, reinterpret_cast<sockaddr *>(&peer), &len, SOCK_CLOEXEC);
        if (fd < 0)
            return false;
        closeFd(s.connFd);
        s.connFd = fd;
        if (m_context.watchSocket)
            m_context.watchSocket(QStringLiteral("server"), fd, tr("server's TCP connection"));
        event(QStringLiteral("server"), QStringLiteral("tcp.accept"),
              tr("accept() returned a connection from port %1").arg(ntohs(peer.sin_port)),
              {{QStringLiteral("peer_port"), ntohs(peer.sin_port)}});
        return true;
    });

    QString why;
    const int fd = openSocket(QStringLiteral("client"), SOCK_STREAM, &why);
    if (fd < 0)
        return {false, tr("Could not create the TCP client socket: %1.").arg(why)};
    if (m_context.parameters.value(QStringLiteral("tcp.nodelay")).toBool()) {
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    sockaddr_in local = makeAddress(m_clientIp, 0);
    ::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
    sockaddr_in server = route(SOCK_STREAM, m_tcpPort);
    event(QStringLiteral("client"), QStringLiteral("tcp.connect.call"),
          tr("connect() to port %1 called").arg(m_tcpPort), {{QStringLiteral("server_port"), m_tcpPort}});
    if (const int e = connectWithin(fd, server, 10000); e != 0) {
        ::close(fd);
        bool dummy = false;
        takeFuture(m_client, accepted, 3500, &dummy);
        return {false, tr("connect() to port %1 failed: %2.").arg(m_tcpPort).arg(errnoText(e))};
    }
    c.tcpFd = fd;
    c.tcpLocalPort = localPort(fd);
    if (m_context.watchSocket)
        m_context.watchSocket(QStringLiteral("client"), fd,
                              tr("client's TCP connection (port %1)").arg(c.tcpLocalPort));
    event(QStringLiteral("client"), QStringLiteral("tcp.connect"),
          tr("connect() returned: connected from port %1 to port %2").arg(c.tcpLocalPort).arg(m_tcpPort),
          {{QStringLiteral("local_port"), c.tcpLocalPort}, {QStringLiteral("server_port"), m_tcpPort}});
    bool ok = false;
    if (!takeFuture(m_client, accepted, 3500, &ok) || !ok)
        return {false, tr("The server did not accept the connection within 3 seconds.")};
    return {true, tr("Connected from port %1 to port %2: look for SYN, SYN-ACK and ACK.")
                      .arg(c.tcpLocalPort).arg(m_tcpPort)};
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::udpConnect()
{
    ClientSockets &c = m_clientSockets;
    closeFd(c.udpFd);
    QString why;
    c.udpFd = openSocket(QStringLiteral("client"), SOCK_DGRAM, &why);
    if (c.udpFd < 0)
        return {false, tr("Could not create the UDP client socket: %1.").arg(why)};
    sockaddr_in local = makeAddress(m_clientIp, 0);
    ::bind(c.udpFd, reinterpret_cast<sockaddr *>(&local), sizeof local);
    sockaddr_in server = route(SOCK_DGRAM, m_udpPort);
    if (::connect(c.udpFd, reinterpret_cast<sockaddr *>(&server), sizeof server) != 0) {
        const int e = errno;
        closeFd(c.udpFd);
        return {false, tr("connect() on the UDP socket failed: %1.").arg(errnoText(e))};
    }
    c.udpLocalPort = localPort(c.udpFd);
    event(QStringLiteral("client"), QStringLiteral("udp.connect"),
          tr("connect() on a UDP socket returned at once: port %1 now talks to port %2; nothing was sent")
              .arg(c.udpLocalPort).arg(m_udpPort),
          {{QStringLiteral("local_port"), c.udpLocalPort}, {QStringLiteral("server_port"), m_udpPort}});
    return {true, tr("The UDP socket (port %1) is \"connected\" to port %2, and the capture shows no packet for it.")
                      .arg(c.udpLocalPort).arg(m_udpPort)};
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::tcpSendThree()
{
    ClientSockets &c = m_clientSockets;
    if (c.tcpFd < 0)
        return {false, tr("There is no TCP connection; press \"Connect over TCP\" first.")};
    const int delayMs = intParam("server.read_delay_ms");

    // The server sleeps, then makes exactly one recv() call with room for far more than three bytes.
    auto received = m_server.call([this, delayMs] {
        ServerSockets &s = m_serverSockets;
        if (s.connFd < 0 || !m_server.sleepFor(delayMs))
            return QByteArray();
        if (!(m_server.waitFor(s.connFd, POLLIN, 3000) & (POLLIN | POLLHUP)))
            return QByteArray();
        char buffer[4096];
        const ssize_t n = ::recv(s.connFd, buffer, sizeof buffer, 0);
        const QByteArray data = n > 0 ? QByteArray(buffer, int(n)) : QByteArray();
        event(QStringLiteral("server"), QStringLiteral("tcp.recv"),
              tr("one recv() call returned %1 bytes: \"%2\"").arg(data.size()).arg(QString::fromLatin1(data)),
              {{QStringLiteral("bytes"), data.size()}, {QStringLiteral("payload"), QString::fromLatin1(data)},
               {QStringLiteral("action"), QStringLiteral("send3")}});
        return data;
    });

    for (const char *letter : {"A", "B", "C"}) {
        const ssize_t n = ::send(c.tcpFd, letter, 1, MSG_NOSIGNAL);
        if (n != 1)
            return {false, tr("send() on the TCP connection failed: %1.").arg(errnoText(errno))};
        event(QStringLiteral("client"), QStringLiteral("tcp.send"),
              tr("send() of 1 byte: \"%1\"").arg(QLatin1String(letter)),
              {{QStringLiteral("bytes"), 1}, {QStringLiteral("payload"), QLatin1String(letter)},
               {QStringLiteral("action"), QStringLiteral("send3")}});
    }
    QByteArray data;
    if (!takeFuture(m_client, received, delayMs + 4000, &data) || data.isEmpty())
        return {false, tr("The server did not receive anything within %1 ms.").arg(delayMs + 4000)};
    if (data == "ABC")
        return {true, tr("Three send() calls, one recv(): the server got \"ABC\" in a single read.")};
    return {true, tr("Three send() calls; the server's one recv() returned \"%1\" (the rest was not there yet "
                     "after %2 ms).").arg(QString::fromLatin1(data)).arg(delayMs)};
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::udpSendThree()
{
    ClientSockets &c = m_clientSockets;
    if (c.udpFd < 0)
        return {false, tr("There is no UDP socket yet; press \"Connect a UDP socket\" first.")};
    const int delayMs = intParam("server.read_delay_ms");

    // The server waits the same delay, then calls recv() until the socket is empty.
    auto reads = m_server.call([this, delayMs] {
        ServerSockets &s = m_serverSockets;
        QStringList got;
        if (!m_server.sleepFor(delayMs))
            return got;
        if (!(m_server.waitFor(s.udpFd, POLLIN, 3000) & POLLIN))
            return got;
        for (;;) {
            char buffer[2048];
            sockaddr_in peer{};
            socklen_t len = sizeof peer;
            const ssize_t n = ::recvfrom(s.udpFd, buffer, sizeof buffer, MSG_DONTWAIT,
                                         reinterpret_cast<sockaddr *>(&peer), &len);
            if (n < 0)
                break;
            const QString payload = QString::fromLatin1(buffer, int(n));
            got << payload;
            event(QStringLiteral("server"), QStringLiteral("udp.recv"),
                  tr("recvfrom() returned one datagram of %1 bytes: \"%2\" from port %3")
                      .arg(n).arg(payload).arg(ntohs(peer.sin_port)),
                  {{QStringLiteral("bytes"), qlonglong(n)}, {QStringLiteral("payload"), payload},
                   {QStringLiteral("peer_port"), ntohs(peer.sin_port)},
                   {QStringLiteral("action"), QStringLiteral("send3")}});
        }
        return got;
    });

    for (const char *letter : {"A", "B", "C"}) {
        event(QStringLiteral("client"), QStringLiteral("udp.send"),
              tr("send() of one 1-byte datagram: \"%1\"").arg(QLatin1String(letter)),
              {{QStringLiteral("bytes"), 1}, {QStringLiteral("payload"), QLatin1String(letter)},
               {QStringLiteral("action"), QStringLiteral("send3")}});
        if (::send(c.udpFd, letter, 1, MSG_NOSIGNAL) != 1)
            return {false, tr("send() on the UDP socket failed: %1.").arg(errnoText(errno))};
    }
    QStringList got;
    if (!takeFuture(m_client, reads, delayMs + 4000, &got) || got.isEmpty())
        return {false, tr("The UDP server received nothing within %1 ms.").arg(delayMs + 4000)};
    return {true, tr("Three datagrams sent, %1 recvfrom() results: %2.")
                      .arg(got.size()).arg(got.join(QLatin1String(", ")))};
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::compareSend()
{
    ClientSockets &c = m_clientSockets;
    if (c.tcpFd < 0 || c.udpFd < 0)
        return {false, tr("Connect over TCP and connect a UDP socket first (step 1).")};
    constexpr int kSize = 100;
    const QByteArray message(kSize, 'x');

    auto received = m_server.call([this] {
        ServerSockets &s = m_serverSockets;
        int tcpBytes = 0, udpBytes = 0;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
        char buffer[4096];
        while (tcpBytes < kSize && std::chrono::steady_clock::now() < deadline) {
            if (!(m_server.waitFor(s.connFd, POLLIN, 200) & POLLIN))
                continue;
            const ssize_t n = ::recv(s.connFd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0)
                break;
            tcpBytes += int(n);
        }
        if (m_server.waitFor(s.udpFd, POLLIN, 3000) & POLLIN) {
            const ssize_t n = ::recv(s.udpFd, buffer, sizeof buffer, MSG_DONTWAIT);
            udpBytes = n > 0 ? int(n) : 0;
        }
        event(QStringLiteral("server"), QStringLiteral("compare.recv"),
              tr("received %1 bytes over TCP and a %2-byte datagram over UDP").arg(tcpBytes).arg(udpBytes),
              {{QStringLiteral("tcp_bytes"), tcpBytes}, {QStringLiteral("udp_bytes"), udpBytes},
               {QStringLiteral("action"), QStringLiteral("compare")}});
        return tcpBytes == kSize && udpBytes == kSize;
    });

    event(QStringLiteral("client"), QStringLiteral("tcp.send"), tr("send() of %1 bytes over TCP").arg(kSize),
          {{QStringLiteral("bytes"), kSize}, {QStringLiteral("action"), QStringLiteral("compare")}});
    if (::send(c.tcpFd, message.constData(), kSize, MSG_NOSIGNAL) != kSize)
        return {false, tr("send() on the TCP connection failed: %1.").arg(errnoText(errno))};
    event(QStringLiteral("client"), QStringLiteral("udp.send"), tr("send() of a %1-byte datagram over UDP").arg(kSize),
          {{QStringLiteral("bytes"), kSize}, {QStringLiteral("action"), QStringLiteral("compare")}});
    if (::send(c.udpFd, message.constData(), kSize, MSG_NOSIGNAL) != kSize)
        return {false, tr("send() on the UDP socket failed: %1.").arg(errnoText(errno))};
    bool ok = false;
    if (!takeFuture(m_client, received, 7000, &ok) || !ok)
        return {false, tr("The server did not receive both 100-byte messages.")};
    return {true, tr("The same 100 bytes went once over TCP and once over UDP: compare the two packets' headers.")};
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::udpBlast()
{
    const int count = intParam("udp.blast_count");
    const int size = std::max(4, intParam("udp.blast_payload"));

    auto before = m_server.call([this] {
        const qint64 value = udpRcvbufErrors(procNet(QStringLiteral("server"), "snmp"));
        event(QStringLiteral("server"), QStringLiteral("counter.udp.rcvbuferrors.before"),
              tr("Udp RcvbufErrors before the blast: %1").arg(value), {{QStringLiteral("value"), value}});
        return value;
    });
    qint64 errorsBefore = -1;
    if (!takeFuture(m_client, before, 3000, &errorsBefore))
        return {false, tr("The server did not answer.")};

    QString why;
    const int fd = openSocket(QStringLiteral("client"), SOCK_DGRAM, &why);
    if (fd < 0)
        return {false, tr("Could not create the UDP client socket: %1.").arg(why)};
    sockaddr_in local = makeAddress(m_clientIp, 0);
    ::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
    sockaddr_in target = route(SOCK_DGRAM, m_blastPort);
    const bool sandbox = m_context.networkMode == NetworkMode::Sandbox;
    const qint64 txDropsBefore = sandbox ? txDrops(procNet(QStringLiteral("client"), "dev")) : -1;
    std::vector<char> datagram(std::size_t(size), 'u');
    int sent = 0;
    for (int i = 0; i < count && !m_client.stopping(); ++i) {
        const quint32 number = htonl(quint32(i + 1)); // datagram number, so the receiver can say which arrived
        std::memcpy(datagram.data(), &number, 4);
        if (::sendto(fd, datagram.data(), datagram.size(), 0, reinterpret_cast<sockaddr *>(&target), sizeof target)
            == ssize_t(datagram.size()))
            ++sent;
    }
    const std::uint16_t fromPort = localPort(fd);
    ::close(fd);
    if (sandbox) {
        const qint64 after = txDrops(procNet(QStringLiteral("client"), "dev"));
        const qint64 delta = (txDropsBefore >= 0 && after >= 0) ? after - txDropsBefore : -1;
        event(QStringLiteral("client"), QStringLiteral("counter.client.txdrops"),
              tr("the client's network interface dropped %1 datagrams on the way out (its queue was full)")
                  .arg(delta),
              {{QStringLiteral("delta"), delta}});
    }
    event(QStringLiteral("client"), QStringLiteral("udp.blast.sent"),
          tr("sent %1 datagrams of %2 bytes from port %3 as fast as sendto() returns").arg(sent).arg(size).arg(fromPort),
          {{QStringLiteral("count"), sent}, {QStringLiteral("payload"), size}, {QStringLiteral("local_port"), fromPort}});

    // Only now does the server read: whatever did not fit into its receive buffer is gone.
    // The last datagrams are still on their way: 50 ms for the kernel (and the wire) to deliver them, plus
    // whatever the link adds: its delay, jitter and the time a rate-limited link needs to send them all.
    int settleMs = sandbox ? 150 : 50;
    if (m_context.linkImpairment) {
        const LinkImpairment link =
            m_context.linkImpairment(QStringLiteral("client"), QStringLiteral("server"));
        settleMs += int(link.delayMs + link.jitterMs);
        if (link.rateMbit > 0)
            settleMs += int(double(sent) * (size + 28) * 8.0 / (link.rateMbit * 1000.0));
    }
    settleMs = std::min(settleMs, 20000);
    auto drained = m_server.call([this, count, settleMs] {
        ServerSockets &s = m_serverSockets;
        m_server.sleepFor(settleMs);
        int received = 0;
        QList<QVariant> numbers;
        std::vector<char> buffer(70000);
        for (;;) {
            const ssize_t n = ::recv(s.blastFd, buffer.data(), buffer.size(), MSG_DONTWAIT);
            if (n < 0)
                break;
            ++received;
            if (n >= 4 && numbers.size() < 64) {
                quint32 number = 0;
                std::memcpy(&number, buffer.data(), 4);
                numbers << QVariant(ntohl(number));
            }
        }
        const qint64 after = udpRcvbufErrors(procNet(QStringLiteral("server"), "snmp"));
        event(QStringLiteral("server"), QStringLiteral("udp.blast.recv"),
              tr("drained the blast socket: %1 of %2 datagrams were there").arg(received).arg(count),
              {{QStringLiteral("received"), received}, {QStringLiteral("expected"), count},
               {QStringLiteral("numbers"), numbers}});
        return std::pair<int, qint64>(received, after);
    });
    std::pair<int, qint64> result{0, -1};
    if (!takeFuture(m_client, drained, settleMs + 5000, &result))
        return {false, tr("The server did not drain the blast socket within 5 seconds.")};
    const qint64 delta = (errorsBefore >= 0 && result.second >= 0) ? result.second - errorsBefore : -1;
    event(QStringLiteral("server"), QStringLiteral("counter.udp.rcvbuferrors"),
          tr("Udp RcvbufErrors went from %1 to %2 (+%3)").arg(errorsBefore).arg(result.second).arg(delta),
          {{QStringLiteral("before"), errorsBefore}, {QStringLiteral("after"), result.second},
           {QStringLiteral("delta"), delta}});
    return {true, tr("Received %1 of %2 datagrams; the kernel's Udp RcvbufErrors counter rose by %3.")
                      .arg(result.first).arg(sent).arg(delta)};
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::tcpBlast()
{
    ClientSockets &c = m_clientSockets;
    if (c.tcpFd < 0)
        return {false, tr("There is no TCP connection; press \"Connect over TCP\" first.")};
    const int count = intParam("udp.blast_count");
    const int size = std::max(1, intParam("udp.blast_payload"));
    const qint64 total = qint64(count) * size;
    const int delayMs = intParam("server.read_delay_ms");

    // The server starts reading only after its delay, like the UDP receiver that reads late.
    auto received = m_server.call([this, total, delayMs] {
        ServerSockets &s = m_serverSockets;
        qint64 got = 0;
        int reads = 0;
        bool inOrder = true;
        std::vector<char> buffer(65536);
        if (m_server.sleepFor(delayMs)) {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            while (got < total && std::chrono::steady_clock::now() < deadline && !m_server.stopping()) {
                if (!(m_server.waitFor(s.connFd, POLLIN, 200) & (POLLIN | POLLHUP)))
                    continue;
                const ssize_t n = ::recv(s.connFd, buffer.data(),
                                         std::size_t(std::min<qint64>(qint64(buffer.size()), total - got)),
                                         MSG_DONTWAIT);
                if (n == 0)
                    break;
                if (n < 0)
                    continue;
                ++reads;
                for (ssize_t i = 0; i < n; ++i) {
                    if (buffer[std::size_t(i)] != blastByte(std::uint64_t(got + i)))
                        inOrder = false;
                }
                got += n;
            }
        }
        event(QStringLiteral("server"), QStringLiteral("tcp.blast.recv"),
              tr("received %1 of %2 bytes in %3 recv() calls; %4")
                  .arg(got).arg(total).arg(reads)
                  .arg(inOrder ? tr("every byte in order") : tr("bytes out of order")),
              {{QStringLiteral("bytes"), got}, {QStringLiteral("expected"), total},
               {QStringLiteral("reads"), reads}, {QStringLiteral("in_order"), inOrder}});
        return got == total && inOrder;
    });

    // A small send buffer makes the sender feel the receiver's closed window at once: send() would block.
    const int sndbuf = intParam("tcp.sndbuf");
    if (sndbuf > 0)
        ::setsockopt(c.tcpFd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
    std::vector<char> message(static_cast<std::size_t>(size));
    qint64 offset = 0;
    int waits = 0;
    qint64 waitedMs = 0;
    for (int i = 0; i < count; ++i) {
        if (m_client.stopping())
            return {false, tr("The lab stopped during the blast.")};
        for (int k = 0; k < size; ++k)
            message[std::size_t(k)] = blastByte(std::uint64_t(offset + k));
        std::size_t done = 0;
        while (done < message.size()) {
            const ssize_t n = ::send(c.tcpFd, message.data() + done, message.size() - done,
                                     MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n > 0) {
                done += std::size_t(n);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                // Flow control: the receiver's window (and our send buffer) is full; we wait.
                ++waits;
                const auto t0 = std::chrono::steady_clock::now();
                const int revents = m_client.waitFor(c.tcpFd, POLLOUT, 10000);
                waitedMs += std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - t0).count();
                if (!(revents & POLLOUT))
                    return {false, tr("The TCP sender waited 10 seconds without the window opening.")};
                continue;
            }
            return {false, tr("send() on the TCP connection failed: %1.").arg(errnoText(errno))};
        }
        offset += size;
    }
    event(QStringLiteral("client"), QStringLiteral("tcp.blast.sent"),
          tr("sent %1 messages of %2 bytes (%3 bytes); send() had to wait %4 times, %5 ms in all")
              .arg(count).arg(size).arg(total).arg(waits).arg(waitedMs),
          {{QStringLiteral("count"), count}, {QStringLiteral("payload"), size}, {QStringLiteral("bytes"), total},
           {QStringLiteral("waits"), waits}, {QStringLiteral("waited_ms"), waitedMs}});
    bool complete = false;
    if (!takeFuture(m_client, received, delayMs + 25000, &complete))
        return {false, tr("The TCP server did not finish reading within %1 ms.").arg(delayMs + 25000)};
    if (!complete)
        return {false, tr("The TCP server did not receive all %1 bytes in order.").arg(total)};
    return {true, tr("All %1 bytes arrived over TCP, in order; the sender had to wait %2 times for the receiver.")
                      .arg(total).arg(waits)};
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::close()
{
    ClientSockets &c = m_clientSockets;
    if (c.tcpFd < 0)
        return {false, tr("There is no TCP connection to close; press \"Connect over TCP\" first.")};

    // The server reads until end of stream (the client's FIN), then closes its side (its FIN).
    auto closed = m_server.call([this] {
        ServerSockets &s = m_serverSockets;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
        char buffer[4096];
        bool eof = false;
        while (!eof && s.connFd >= 0 && std::chrono::steady_clock::now() < deadline) {
            if (!(m_server.waitFor(s.connFd, POLLIN, 200) & (POLLIN | POLLHUP)))
                continue;
            const ssize_t n = ::recv(s.connFd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n == 0)
                eof = true;
            else if (n < 0 && errno != EAGAIN)
                break;
        }
        if (eof)
            event(QStringLiteral("server"), QStringLiteral("tcp.eof"),
                  tr("recv() returned 0: the client closed its side"));
        closeFd(s.connFd);
        event(QStringLiteral("server"), QStringLiteral("tcp.close"), tr("close() on the server's connection"));
        return eof;
    });

    const std::uint16_t port = c.tcpLocalPort;
    closeFd(c.tcpFd);
    c.tcpLocalPort = 0;
    event(QStringLiteral("client"), QStringLiteral("tcp.close"),
          tr("close() on the client's connection (port %1)").arg(port), {{QStringLiteral("local_port"), port}});
    if (c.udpFd >= 0) {
        closeFd(c.udpFd);
        event(QStringLiteral("client"), QStringLiteral("udp.close"),
              tr("close() on the UDP socket (port %1): nothing to tell the server").arg(c.udpLocalPort));
        c.udpLocalPort = 0;
    }
    bool eof = false;
    if (!takeFuture(m_client, closed, 4000, &eof) || !eof)
        return {false, tr("The server did not see the end of the stream within 3 seconds.")};
    return {true, tr("Both sides closed: look for a FIN from each side, each answered by an ACK.")};
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::lossCompare()
{
    if (m_context.networkMode != NetworkMode::Sandbox || !m_context.setLinkImpairment ||
        !m_context.linkImpairment)
        return {
            false,
            tr("This step needs the lab network: in host mode nothing can drop a TCP segment on its way.")};
    const QString client = QStringLiteral("client"), server = QStringLiteral("server");
    const LinkImpairment c2sBefore = m_context.linkImpairment(client, server);
    const LinkImpairment s2cBefore = m_context.linkImpairment(server, client);
    LinkImpairment lossy = c2sBefore;
    lossy.lossPercent = 10;
    LinkImpairment lossyBack = s2cBefore;
    lossyBack.lossPercent = 10;
    QString why;
    if (!m_context.setLinkImpairment(client, server, lossy, &why) ||
        !m_context.setLinkImpairment(server, client, lossyBack, &why))
        return {false, tr("The link refused 10 % loss: %1").arg(why)};
    event(client, QStringLiteral("loss.set"), tr("10 % loss set on the link, both directions"),
          {{QStringLiteral("loss_pct"), 10.0}});
    auto restore = [&] {
        QString ignored;
        m_context.setLinkImpairment(client, server, c2sBefore, &ignored);
        m_context.setLinkImpairment(server, client, s2cBefore, &ignored);
        event(client, QStringLiteral("loss.cleared"), tr("the link's loss is back to what it was"));
    };

    // UDP: 200 numbered datagrams, paced so that the receiver keeps up: whatever is missing was lost on
    // the link, not in a buffer.
    static constexpr int kDatagrams = 200;
    auto udpReceived = m_server.call([this] {
        ServerSockets &s = m_serverSockets;
        int received = 0;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(4);
        char buffer[2048];
        while (received < kDatagrams && std::chrono::steady_clock::now() < deadline) {
            if (!(m_server.waitFor(s.udpFd, POLLIN, 300) & POLLIN)) {
                if (received > 0)
                    break; // the sender is done: 300 ms of silence
                continue;
            }
            while (::recv(s.udpFd, buffer, sizeof buffer, MSG_DONTWAIT) >= 0)
                ++received;
        }
        event(QStringLiteral("server"), QStringLiteral("loss.udp.recv"),
              tr("received %1 of %2 datagrams; UDP never asks for the others").arg(received).arg(kDatagrams),
              {{QStringLiteral("received"), received}, {QStringLiteral("expected"), kDatagrams}});
        return received;
    });
    const int udpFd = openSocket(client, SOCK_DGRAM, &why);
    if (udpFd < 0) {
        restore();
        return {false, tr("Could not create the UDP client socket: %1.").arg(why)};
    }
    sockaddr_in local = makeAddress(m_clientIp, 0);
    ::bind(udpFd, reinterpret_cast<sockaddr *>(&local), sizeof local);
    const sockaddr_in udpTarget = route(SOCK_DGRAM, m_udpPort);
    int sent = 0;
    char datagram[100] = {};
    for (int i = 0; i < kDatagrams && !m_client.stopping(); ++i) {
        const quint32 number = htonl(quint32(i + 1));
        std::memcpy(datagram, &number, 4);
        if (::sendto(udpFd, datagram, sizeof datagram, 0, reinterpret_cast<const sockaddr *>(&udpTarget),
                     sizeof udpTarget) == ssize_t(sizeof datagram))
            ++sent;
        if (i % 20 == 19)
            m_client.sleepFor(2);
    }
    const std::uint16_t udpLocal = localPort(udpFd);
    ::close(udpFd);
    event(client, QStringLiteral("loss.udp.sent"),
          tr("sent %1 datagrams of 100 bytes from port %2 through the lossy link").arg(sent).arg(udpLocal),
          {{QStringLiteral("count"), sent}, {QStringLiteral("local_port"), udpLocal}});
    int udpGot = 0;
    if (!takeFuture(m_client, udpReceived, 6000, &udpGot)) {
        restore();
        return {false, tr("The UDP server did not finish within 6 seconds.")};
    }

    // TCP: 256 KiB over a fresh connection through the same lossy link: about 180 full segments, so at 10 %
    // loss the chance that none is lost (and nothing is retransmitted) is below 1e-8.
    static constexpr qint64 kBytes = 256 * 1024;
    auto tcpReceived = m_server.call([this] {
        ServerSockets &s = m_serverSockets;
        qint64 got = 0;
        bool inOrder = true;
        int fd = -1;
        if (m_server.waitFor(s.listenFd, POLLIN, 8000) & POLLIN)
            fd = ::accept4(s.listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd >= 0) {
            if (m_context.watchSocket)
                m_context.watchSocket(QStringLiteral("server"), fd,
                                      tr("server's TCP connection through the lossy link"));
            std::vector<char> buffer(65536);
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(25);
            while (got < kBytes && std::chrono::steady_clock::now() < deadline && !m_server.stopping()) {
                if (!(m_server.waitFor(fd, POLLIN, 200) & (POLLIN | POLLHUP)))
                    continue;
                const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
                if (n == 0)
                    break;
                if (n < 0)
                    continue;
                for (ssize_t i = 0; i < n; ++i) {
                    if (buffer[std::size_t(i)] != blastByte(std::uint64_t(got + i)))
                        inOrder = false;
                }
                got += n;
            }
            ::close(fd);
        }
        event(QStringLiteral("server"), QStringLiteral("loss.tcp.recv"),
              tr("received %1 of %2 bytes over TCP; %3")
                  .arg(got)
                  .arg(kBytes)
                  .arg(inOrder ? tr("every byte in order") : tr("bytes out of order")),
              {{QStringLiteral("bytes"), got},
               {QStringLiteral("expected"), kBytes},
               {QStringLiteral("in_order"), inOrder}});
        return got == kBytes && inOrder;
    });
    std::uint16_t tcpLocal = 0;
    const int fd = connectExtra("lossy", true, &why, &tcpLocal);
    if (fd < 0) {
        bool ignored = false;
        takeFuture(m_client, tcpReceived, 9000, &ignored);
        restore();
        return {false, why};
    }
    std::vector<char> message(static_cast<std::size_t>(kBytes));
    for (qint64 i = 0; i < kBytes; ++i)
        message[std::size_t(i)] = blastByte(std::uint64_t(i));
    std::size_t done = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(25);
    while (done < message.size() && std::chrono::steady_clock::now() < deadline && !m_client.stopping()) {
        const ssize_t n =
            ::send(fd, message.data() + done, message.size() - done, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            done += std::size_t(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_client.waitFor(fd, POLLOUT, 500);
            continue;
        }
        break;
    }
    event(client, QStringLiteral("loss.tcp.sent"),
          tr("sent %1 bytes over TCP from port %2 through the lossy link").arg(done).arg(tcpLocal),
          {{QStringLiteral("bytes"), qlonglong(done)}, {QStringLiteral("local_port"), tcpLocal}});
    bool complete = false;
    const bool answered = takeFuture(m_client, tcpReceived, 30000, &complete);
    ::close(fd);
    restore();
    if (!answered || !complete)
        return {false, tr("Not all %1 bytes arrived over TCP in time.").arg(kBytes)};
    return {true, tr("%1 of %2 datagrams arrived over UDP; all %3 bytes arrived over TCP.")
                      .arg(udpGot)
                      .arg(sent)
                      .arg(kBytes)};
}

int TcpUdpLabInstance::connectWithin(int fd, const sockaddr_in &to, int timeoutMs)
{
    // A blocking connect() cannot be interrupted: with a held or lost SYN the kernel would keep it for
    // two minutes, and stop() would wait for it. So connect without blocking, wait in slices that notice
    // a stop request, and give the socket back in blocking mode as the rest of the lab expects.
    const int flags = ::fcntl(fd, F_GETFL, 0);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0)
        return errno;
    int error = 0;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0) {
        error = errno;
        if (error == EINPROGRESS) {
            if (m_client.waitFor(fd, POLLOUT, timeoutMs) & (POLLOUT | POLLERR | POLLHUP)) {
                socklen_t len = sizeof error;
                if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) != 0)
                    error = errno;
            } else {
                error = m_client.stopping() ? ECANCELED : ETIMEDOUT;
            }
        }
    }
    ::fcntl(fd, F_SETFL, flags);
    return error;
}

int TcpUdpLabInstance::connectExtra(const char *label, bool blocking, QString *why,
                                    std::uint16_t *localPortOut)
{
    const int fd = openSocket(QStringLiteral("client"), SOCK_STREAM | (blocking ? 0 : SOCK_NONBLOCK), why);
    if (fd < 0) {
        *why = tr("Could not create the TCP client socket: %1.").arg(*why);
        return -1;
    }
    sockaddr_in local = makeAddress(m_clientIp, 0);
    ::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
    *localPortOut = localPort(fd);
    const sockaddr_in server = route(SOCK_STREAM, m_tcpPort);
    event(QStringLiteral("client"), QStringLiteral("tcp.connect.call"),
          tr("connect() to port %1 called from port %2").arg(m_tcpPort).arg(*localPortOut),
          {{QStringLiteral("server_port"), m_tcpPort},
           {QStringLiteral("local_port"), *localPortOut},
           {QStringLiteral("action"), QLatin1String(label)}});
    const int e =
        blocking
            ? connectWithin(fd, server, 10000)
            : (::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) == 0 ? 0 : errno);
    if (e != 0 && !(e == EINPROGRESS && !blocking)) {
        *why = tr("connect() to port %1 failed: %2.").arg(m_tcpPort).arg(errnoText(e));
        ::close(fd);
        return -1;
    }
    if (blocking && m_context.watchSocket)
        m_context.watchSocket(QStringLiteral("client"), fd,
                              tr("client's TCP connection (port %1)").arg(*localPortOut));
    return fd;
}

TcpUdpLabInstance::Outcome TcpUdpLabInstance::synHold()
{
    if (m_context.networkMode != NetworkMode::Sandbox || !m_context.addBreakpoint ||
        !m_context.releaseAllHeld)
        return {false,
                tr("This step needs the lab network: in host mode there is no wire to hold a packet on.")};
    const QString expression = QStringLiteral("tcp.flags.syn == 1 && tcp.flags.ack == 0");
    QString why;
    const int breakpoint = m_context.addBreakpoint(expression, &why);
    if (breakpoint < 0)
        return {false, tr("The wire refused the breakpoint \"%1\": %2").arg(expression, why)};
    event(QStringLiteral("client"), QStringLiteral("hold.breakpoint"),
          tr("breakpoint on the wire: hold packets matching %1").arg(expression),
          {{QStringLiteral("expression"), expression}, {QStringLiteral("id"), breakpoint}});

    auto accepted = m_server.call([this] {
        ServerSockets &s = m_serverSockets;
        if (!(m_server.waitFor(s.listenFd, POLLIN, 6000) & POLLIN))
            return false;
        const int fd = ::accept4(s.listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            return false;
        event(QStringLiteral("server"), QStringLiteral("hold.accept"),
              tr("accept() returned the held connection"));
        ::close(fd);
        return true;
    });
    std::uint16_t localPortNumber = 0;
    const int fd = connectExtra("hold", false, &why, &localPortNumber);
    if (fd < 0) {
        m_context.removeBreakpoint(breakpoint);
        bool ignored = false;
        takeFuture(m_client, accepted, 7000, &ignored);
        return {false, why};
    }
    // The SYN is held on the wire; the client's kernel does not know and retransmits it after its
    // initial retransmission timeout (1 s, RFC 6298 section 2.1 as Linux implements it).
    m_client.sleepFor(1500);
    const int held = m_context.heldPacketCount ? m_context.heldPacketCount() : -1;
    m_context.removeBreakpoint(breakpoint); // first, so nothing new is held after the release
    const int released = m_context.releaseAllHeld();
    event(QStringLiteral("client"), QStringLiteral("hold.release"),
          tr("after 1.5 s: %1 packets held on the wire, %2 released").arg(held).arg(released),
          {{QStringLiteral("held"), held},
           {QStringLiteral("released"), released},
           {QStringLiteral("local_port"), localPortNumber}});
    const int revents = m_client.waitFor(fd, POLLOUT, 5000);
    int error = 0;
    socklen_t len = sizeof error;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len);
    ::close(fd);
    bool ok = false;
    takeFuture(m_client, accepted, 7000, &ok);
    if (!(revents & POLLOUT) || error != 0)
        return {false, tr("The held connection did not complete after the release: %1.")
                           .arg(errnoText(error ? error : ETIMEDOUT))};
    event(QStringLiteral("client"), QStringLiteral("hold.connected"),
          tr("connect() from port %1 completed after the release").arg(localPortNumber),
          {{QStringLiteral("local_port"), localPortNumber}});
    return {true, tr("%1 SYNs were held for 1.5 s and released; the connection from port %2 completed.")
                      .arg(released)
                      .arg(localPortNumber)};
}

} // namespace wirelab
