// SPDX-License-Identifier: GPL-3.0-or-later
#include "http1client.h"

#include "dissect/http1.h"
#include "lab/labhost.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

namespace wirelab {

namespace {

constexpr int kMaxRetries = 2;
constexpr qsizetype kBodyKeep = 64 * 1024;
constexpr qsizetype kMaxResponseBuffer = 64 << 20;

struct Conn
{
    int fd = -1;
    int index = -1;
    std::uint16_t localPort = 0;
    bool connected = false;
    bool closing = false; // sends nothing more (the server or we said close)
    int sent = 0;
    QByteArray out;
    QByteArray in;
    std::deque<int> inflight; // request ids, in the order sent
};

} // namespace

Http1Client::Http1Client(const LabContext &context) : m_context(context) {}

std::int64_t Http1Client::now() const
{
    if (m_context.clock)
        return m_context.clock->nowNs();
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void Http1Client::event(const QString &host, const QString &kind, const QString &text, const QVariantMap &data) const
{
    m_context.report(host, kind, text, data);
}

std::vector<Http1FetchResult> Http1Client::fetch(const std::vector<QByteArray> &paths,
                                                 const Http1ClientOptions &options, const LabHost *host)
{
    std::vector<Http1FetchResult> results(paths.size());
    std::vector<int> retries(paths.size(), 0);
    std::deque<int> pending;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        results[i].id = int(i);
        results[i].path = paths[i];
        pending.push_back(int(i));
    }
    const int maxConns = std::clamp(options.maxConnections, 1, 16);
    const int depth = std::clamp(options.pipelineDepth, 1, 32);
    const bool persistent = options.keepAlive;
    const int perConnLimit = persistent ? 1 << 30 : 1;
    const QByteArray version = options.http10 ? "HTTP/1.0" : "HTTP/1.1";
    const QByteArray hostHeader = options.hostHeader.isEmpty()
        ? options.serverAddress.toString().toLatin1() + ':' + QByteArray::number(options.serverPort)
        : options.hostHeader;
    const QByteArray method = options.method.isEmpty() ? QByteArray("GET") : options.method;
    std::vector<Conn> conns;
    std::size_t done = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max(options.timeoutMs, 100));

    auto fail = [&](int id, const QString &why) {
        if (retries[std::size_t(id)]++ < kMaxRetries && results[std::size_t(id)].status == 0) {
            pending.push_front(id);
            return;
        }
        results[std::size_t(id)].error = why;
        ++done;
    };
    auto closeConn = [&](Conn &c, const QString &why) {
        // Requests that got no answer go back to the queue (most recently sent last, so order stays).
        for (auto it = c.inflight.rbegin(); it != c.inflight.rend(); ++it)
            fail(*it, why);
        c.inflight.clear();
        if (c.fd >= 0)
            ::close(c.fd);
        c.fd = -1;
    };
    auto capacity = [&](const Conn &c) {
        if (c.closing || c.fd < 0)
            return 0;
        return std::max(0, std::min(depth - int(c.inflight.size()), perConnLimit - c.sent));
    };
    auto openConn = [&]() -> bool {
        QString why;
        int fd = -1;
        if (m_context.openSocket)
            fd = m_context.openSocket(options.hostName, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0, &why);
        else
            fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return false;
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (!options.bindAddress.isNull()) {
            sockaddr_in local{};
            local.sin_family = AF_INET;
            local.sin_addr.s_addr = htonl(options.bindAddress.toIPv4Address());
            ::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
        }
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(options.serverPort);
        sa.sin_addr.s_addr = htonl(options.serverAddress.toIPv4Address());
        if (::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0 && errno != EINPROGRESS) {
            ::close(fd);
            return false;
        }
        Conn c;
        c.fd = fd;
        c.index = m_connectionsOpened++;
        sockaddr_in me{};
        socklen_t len = sizeof me;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&me), &len) == 0)
            c.localPort = ntohs(me.sin_port);
        conns.push_back(std::move(c));
        return true;
    };

    int openFailures = 0;
    while (done < paths.size()) {
        if (std::chrono::steady_clock::now() >= deadline || (host && host->stopping()))
            break;
        // Hand queued requests to connections that can take them.
        for (Conn &c : conns) {
            while (!pending.empty() && capacity(c) > 0) {
                const int id = pending.front();
                pending.pop_front();
                QByteArray req = method + ' ' + paths[std::size_t(id)] + ' ' + version + "\r\nHost: " + hostHeader
                    + "\r\nUser-Agent: wirelab-http1\r\nAccept: */*\r\n";
                if (!persistent)
                    req += options.http10 ? "" : "Connection: close\r\n";
                else if (options.http10)
                    req += "Connection: keep-alive\r\n";
                req += "\r\n";
                c.out += req;
                c.inflight.push_back(id);
                ++c.sent;
                Http1FetchResult &r = results[std::size_t(id)];
                r.connection = c.index;
                r.localPort = c.localPort;
                r.sendNs = -1; // set when the bytes leave
                if (!persistent)
                    c.closing = true;
            }
        }
        // Open connections while the queue needs more room than the open ones offer.
        int room = 0;
        int open = 0;
        for (const Conn &c : conns) {
            if (c.fd >= 0) {
                ++open;
                room += capacity(c);
            }
        }
        while (!pending.empty() && open < maxConns && room < int(pending.size()) && openFailures < 50) {
            if (!openConn()) {
                ++openFailures;
                break;
            }
            ++open;
            room += std::min(depth, perConnLimit);
        }
        if (conns.empty() && !pending.empty()) {
            // Could not open anything.
            while (!pending.empty()) {
                results[std::size_t(pending.front())].error = QStringLiteral("cannot open a connection");
                pending.pop_front();
                ++done;
            }
            break;
        }

        std::vector<pollfd> fds;
        fds.reserve(conns.size());
        for (const Conn &c : conns) {
            short ev = POLLIN;
            if (!c.connected || !c.out.isEmpty())
                ev |= POLLOUT;
            fds.push_back({c.fd, ev, 0});
        }
        const int n = ::poll(fds.data(), nfds_t(fds.size()), 20);
        if (n < 0 && errno != EINTR)
            break;
        for (std::size_t i = 0; i < conns.size(); ++i) {
            Conn &c = conns[i];
            const short re = fds[i].revents;
            if (c.fd < 0 || re == 0)
                continue;
            if (!c.connected && (re & (POLLOUT | POLLERR | POLLHUP))) {
                int err = 0;
                socklen_t len = sizeof err;
                ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
                if (err != 0) {
                    closeConn(c, QString::fromLocal8Bit(std::strerror(err)));
                    continue;
                }
                c.connected = true;
                event(options.hostName, QStringLiteral("http.connect"),
                      QCoreApplication::translate("Http1Client", "Connection %1 open (local port %2)")
                          .arg(c.index + 1)
                          .arg(c.localPort),
                      {{QStringLiteral("connection"), c.index}, {QStringLiteral("localPort"), c.localPort}});
            }
            if (c.connected && !c.out.isEmpty() && (re & POLLOUT)) {
                // Which requests start leaving now: those whose first byte is at the front of out.
                const std::int64_t t = now();
                const ssize_t sent = ::send(c.fd, c.out.constData(), std::size_t(c.out.size()), MSG_NOSIGNAL);
                if (sent > 0) {
                    for (int id : c.inflight) {
                        Http1FetchResult &r = results[std::size_t(id)];
                        if (r.sendNs < 0) {
                            r.sendNs = t;
                            event(options.hostName, QStringLiteral("http.request"),
                                  QCoreApplication::translate("Http1Client", "%1 %2 on connection %3")
                                      .arg(QString::fromLatin1(method), QString::fromLatin1(r.path))
                                      .arg(c.index + 1),
                                  {{QStringLiteral("id"), id},
                                   {QStringLiteral("method"), QString::fromLatin1(method)},
                                   {QStringLiteral("path"), QString::fromLatin1(r.path)},
                                   {QStringLiteral("host"), QString::fromLatin1(hostHeader)},
                                   {QStringLiteral("connection"), c.index},
                                   {QStringLiteral("localPort"), c.localPort},
                                   {QStringLiteral("sendNs"), qint64(t)}});
                        }
                    }
                    c.out.remove(0, sent);
                } else if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                    closeConn(c, QString::fromLocal8Bit(std::strerror(errno)));
                    continue;
                }
            }
            if (!(re & (POLLIN | POLLHUP | POLLERR)) || !c.connected)
                continue;
            bool eof = false;
            char buf[65536];
            for (int k = 0; k < 16; ++k) {
                const ssize_t got = ::recv(c.fd, buf, sizeof buf, 0);
                if (got > 0) {
                    if (!c.inflight.empty()) {
                        Http1FetchResult &r = results[std::size_t(c.inflight.front())];
                        if (r.firstByteNs < 0)
                            r.firstByteNs = now();
                    }
                    c.in.append(buf, got);
                    if (c.in.size() > kMaxResponseBuffer) {
                        eof = true;
                        break;
                    }
                    continue;
                }
                if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
                    eof = true;
                break;
            }
            // Complete responses, in order.
            while (!c.inflight.empty() && !c.in.isEmpty()) {
                const int id = c.inflight.front();
                Http1FetchResult &r = results[std::size_t(id)];
                Http1ParseContext ctx;
                ctx.isRequest = false;
                ctx.requestMethod = method;
                ctx.streamClosed = eof;
                Http1Message m;
                std::size_t used = 0;
                const auto st = parseHttp1Message(
                    {reinterpret_cast<const std::uint8_t *>(c.in.constData()), std::size_t(c.in.size())}, 0, ctx,
                    m, &used);
                if (st == Http1ParseStatus::NeedMore)
                    break;
                if (st == Http1ParseStatus::Malformed) {
                    r.error = QStringLiteral("malformed response: ") + m.notes.join(QStringLiteral("; "));
                    c.inflight.pop_front();
                    ++done;
                    eof = true;
                    break;
                }
                if (m.status >= 100 && m.status < 200) {
                    c.in.remove(0, qsizetype(used)); // interim response: the real one follows
                    continue;
                }
                r.ok = true;
                r.status = m.status;
                r.lastByteNs = now();
                if (r.firstByteNs < 0)
                    r.firstByteNs = r.lastByteNs;
                r.bodyBytes = m.bodyBytes;
                r.chunked = m.chunked;
                r.chunkCount = m.chunkCount;
                r.headerBlock = c.in.mid(qsizetype(m.headerBlock.offset), qsizetype(m.headerBlock.length));
                for (const Http1Range &br : m.bodyData) {
                    if (r.body.size() >= kBodyKeep)
                        break;
                    r.body += c.in.mid(qsizetype(br.offset), std::min<qsizetype>(qsizetype(br.length), kBodyKeep - r.body.size()));
                }
                event(options.hostName, QStringLiteral("http.response"),
                      QCoreApplication::translate("Http1Client", "%1 for %2 on connection %3, %4 bytes")
                          .arg(m.status)
                          .arg(QString::fromLatin1(r.path))
                          .arg(c.index + 1)
                          .arg(m.bodyBytes),
                      {{QStringLiteral("id"), id},
                       {QStringLiteral("path"), QString::fromLatin1(r.path)},
                       {QStringLiteral("status"), m.status},
                       {QStringLiteral("connection"), c.index},
                       {QStringLiteral("localPort"), c.localPort},
                       {QStringLiteral("sendNs"), qint64(r.sendNs)},
                       {QStringLiteral("firstByteNs"), qint64(r.firstByteNs)},
                       {QStringLiteral("lastByteNs"), qint64(r.lastByteNs)},
                       {QStringLiteral("bytes"), qulonglong(m.bodyBytes)}});
                c.in.remove(0, qsizetype(used));
                c.inflight.pop_front();
                ++done;
                const QByteArray conn = m.header("Connection").toLower();
                if (conn.contains("close") || (m.version == "HTTP/1.0" && !conn.contains("keep-alive")))
                    c.closing = true;
                // The next response's first byte may already be here.
                if (!c.inflight.empty() && !c.in.isEmpty()) {
                    Http1FetchResult &next = results[std::size_t(c.inflight.front())];
                    if (next.firstByteNs < 0)
                        next.firstByteNs = r.lastByteNs;
                }
            }
            if (eof || (c.closing && c.inflight.empty()))
                closeConn(c, QStringLiteral("connection closed before the response"));
        }
        std::erase_if(conns, [](const Conn &c) { return c.fd < 0; });
    }
    for (Conn &c : conns) {
        for (int id : c.inflight) {
            if (results[std::size_t(id)].error.isEmpty())
                results[std::size_t(id)].error = QStringLiteral("no answer before the deadline");
        }
        if (c.fd >= 0)
            ::close(c.fd);
    }
    for (int id : pending) {
        if (results[std::size_t(id)].error.isEmpty())
            results[std::size_t(id)].error = QStringLiteral("not sent before the deadline");
    }
    return results;
}

} // namespace wirelab
