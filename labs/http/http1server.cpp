// SPDX-License-Identifier: GPL-3.0-or-later
#include "http1server.h"

#include "dissect/http1.h"
#include "http2server.h"
#include "lab/labhost.h"

#include <QUrl>
#include <QUrlQuery>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace wirelab {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kKeepAliveTimeoutS = 5;
constexpr int kKeepAliveMax = 100;
constexpr int kMaxConnections = 512;
constexpr qsizetype kMaxInput = 1 << 20; // unanswered request bytes per connection

struct Part
{
    Clock::time_point readyAt;
    QByteArray bytes;
};

struct Response
{
    std::deque<Part> parts;
    bool closeAfter = false;
};

struct Connection
{
    int fd = -1;
    QByteArray in;
    QByteArray out;
    std::deque<Response> responses;
    int served = 0;
    Clock::time_point lastActivity;
    bool closing = false; // no more requests are read; close once everything is written
    bool peerClosed = false;
};

QByteArray statusText(int code)
{
    switch (code) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    default: return "Unknown";
    }
}

// Site B answers to "b.lab" and "site-b.lab" (the lab's two-sites step), anything else gets site A.
bool isSiteB(const QByteArray &host)
{
    return host == "b.lab" || host == "site-b.lab";
}

QByteArray sitePage(bool siteB)
{
    if (siteB)
        return "<!DOCTYPE html>\n<html><head><title>Site B</title></head>\n"
               "<body><h1>Site B (b.lab)</h1><p>Same address, same port: the Host header chose this site.</p>"
               "</body></html>\n";
    return "<!DOCTYPE html>\n<html><head><title>Site A</title></head>\n"
           "<body><h1>Site A (a.lab)</h1><p>Same address, same port: the Host header chose this site.</p>"
           "</body></html>\n";
}

} // namespace

QByteArray Http1Server::aboutPage()
{
    return "<!DOCTYPE html>\n<html><head><title>About</title></head>\n<body>\n"
           "<h1>About this server</h1>\n"
           "<p>You asked for /about and the server answered with this page: a status line, header lines, "
           "an empty line, then these bytes.</p>\n"
           "</body></html>\n";
}

QByteArray Http1Server::pngImage(int n)
{
    // The HTTP/2 server's image, byte for byte: both protocols move the same payload, so the lab's times
    // compare round trips, not bodies.
    return Http2Server::pngImage(n);
}

struct Http1Server::Impl
{
    LabContext context;
    QString hostName;
    int listenFd = -1;
    std::atomic<int> slowDefaultMs{0};
    LabHostLoop serving;
    UpgradeAccept upgradeAccept;
    UpgradeHandler upgradeHandler;
    mutable std::mutex statsMutex;
    Http1ServerStats stats;
    std::vector<Connection> conns;
    int servedCount = 0; // requests served on the connection being handled

    void loop(const LabHost &host);
    void acceptAll();
    bool readFrom(Connection &c);
    void handleRequests(Connection &c);
    Response respond(const Http1Message &req, bool *close);
    bool flush(Connection &c);
    void closeAll();
};

Http1Server::Http1Server(const LabContext &context, QString hostName) : m_impl(std::make_unique<Impl>())
{
    m_impl->context = context;
    m_impl->hostName = std::move(hostName);
}

Http1Server::~Http1Server()
{
    stop();
}

void Http1Server::setSlowDefaultMs(int ms)
{
    m_impl->slowDefaultMs = std::clamp(ms, 0, 30000);
}

void Http1Server::setUpgradeHandler(UpgradeAccept accept, UpgradeHandler handler)
{
    m_impl->upgradeAccept = std::move(accept);
    m_impl->upgradeHandler = std::move(handler);
}

Http1ServerStats Http1Server::stats() const
{
    std::lock_guard lock(m_impl->statsMutex);
    return m_impl->stats;
}

bool Http1Server::listen(const QHostAddress &address, std::uint16_t port, QString *error)
{
    bool ok = false;
    const std::uint32_t ip = address.toIPv4Address(&ok);
    if (!ok) {
        if (error)
            *error = QStringLiteral("The HTTP server needs an IPv4 address.");
        return false;
    }
    QString why;
    int fd = -1;
    if (m_impl->context.openSocket)
        fd = m_impl->context.openSocket(m_impl->hostName, AF_INET, SOCK_STREAM, 0, &why);
    else
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("Cannot open the server socket: %1").arg(why.isEmpty() ? QString::fromLocal8Bit(std::strerror(errno)) : why);
        return false;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(ip);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0 || ::listen(fd, 128) != 0) {
        if (error)
            *error = QStringLiteral("Cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return false;
    }
    socklen_t len = sizeof sa;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    m_impl->listenFd = fd;
    m_port = ntohs(sa.sin_port);
    return true;
}

bool Http1Server::start(LabHost &host)
{
    if (m_impl->listenFd < 0 || m_impl->serving.running())
        return false;
    Impl *impl = m_impl.get();
    m_impl->serving.start(host, [impl](const LabHost &h) { impl->loop(h); });
    return true;
}

void Http1Server::stop()
{
    if (!m_impl->serving.stop())
        return; // still running (should not happen): leave the sockets to it
    m_impl->closeAll();
}

void Http1Server::Impl::closeAll()
{
    for (Connection &c : conns) {
        if (c.fd >= 0)
            ::close(c.fd);
    }
    conns.clear();
    if (listenFd >= 0) {
        ::close(listenFd);
        listenFd = -1;
    }
}

void Http1Server::Impl::acceptAll()
{
    for (int i = 0; i < 64; ++i) {
        const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;
        if (conns.size() >= std::size_t(kMaxConnections)) {
            ::close(fd);
            continue;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        Connection c;
        c.fd = fd;
        c.lastActivity = Clock::now();
        conns.push_back(std::move(c));
        std::lock_guard lock(statsMutex);
        ++stats.connectionsAccepted;
    }
}

bool Http1Server::Impl::readFrom(Connection &c)
{
    char buf[16384];
    for (int i = 0; i < 16; ++i) {
        const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n > 0) {
            c.lastActivity = Clock::now();
            if (!c.closing)
                c.in.append(buf, n);
            if (c.in.size() > kMaxInput) {
                c.closing = true; // too much unanswered input: answer what we have, then close
                c.in.clear();
            }
            continue;
        }
        if (n == 0) {
            c.peerClosed = true;
            return true;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return true;
        if (errno == EINTR)
            continue;
        return false;
    }
    return true;
}

Response Http1Server::Impl::respond(const Http1Message &req, bool *close)
{
    Response r;
    const auto now = Clock::now();
    const QUrl url(QString::fromLatin1(req.uri.startsWith('/') ? req.uri : "/" + req.uri));
    const QString path = url.path();
    const QUrlQuery query(url);
    QByteArray host = req.header("Host").toLower();
    if (const qsizetype colon = host.lastIndexOf(':'); colon > 0 && !host.contains(']'))
        host.truncate(colon);
    const bool head = req.method == "HEAD";
    const bool http10 = req.version == "HTTP/1.0";
    const QByteArray connection = req.header("Connection").toLower();
    bool keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");

    int code = 200;
    QByteArray type = "text/html; charset=utf-8";
    QByteArray body;
    int delayMs = 0;
    bool chunked = false;
    int chunks = 0, chunkMs = 0;
    if (req.method != "GET" && req.method != "HEAD") {
        code = 405;
        body = "Only GET and HEAD here.\n";
        type = "text/plain";
    } else if (path == QLatin1String("/about")) {
        body = aboutPage();
    } else if (path == QLatin1String("/slow")) {
        delayMs = std::clamp(query.hasQueryItem(QStringLiteral("ms")) ? query.queryItemValue(QStringLiteral("ms")).toInt()
                                                                      : slowDefaultMs.load(),
                             0, 30000);
        body = "slow response after " + QByteArray::number(delayMs) + " ms\n";
        type = "text/plain";
    } else if (path == QLatin1String("/big")) {
        const qint64 n = std::clamp<qint64>(query.queryItemValue(QStringLiteral("bytes")).toLongLong(), 0, 16 << 20);
        body.resize(n);
        for (qint64 i = 0; i < n; ++i)
            body[i] = (i % 64 == 63) ? '\n' : char('a' + (i % 26));
        type = "text/plain";
    } else if (path == QLatin1String("/page100")) {
        body = "<!DOCTYPE html>\n<html><head><title>100 images</title></head>\n<body>\n";
        for (int i = 0; i < 100; ++i)
            body += "<img src=\"/img/" + QByteArray::number(i) + ".png\" width=\"32\" height=\"32\">\n";
        body += "</body></html>\n";
    } else if (path.startsWith(QLatin1String("/img/")) && path.endsWith(QLatin1String(".png"))) {
        bool ok = false;
        const int n = path.mid(5, path.size() - 9).toInt(&ok);
        if (ok && n >= 0 && n < 1000) {
            body = Http1Server::pngImage(n);
            type = "image/png";
        } else {
            code = 404;
        }
    } else if (path == QLatin1String("/chunked")) {
        chunked = true;
        chunks = query.hasQueryItem(QStringLiteral("n")) ? std::clamp(query.queryItemValue(QStringLiteral("n")).toInt(), 1, 100) : 5;
        chunkMs = query.hasQueryItem(QStringLiteral("ms")) ? std::clamp(query.queryItemValue(QStringLiteral("ms")).toInt(), 0, 5000) : 300;
        type = "text/plain";
    } else if (path == QLatin1String("/")) {
        body = sitePage(isSiteB(host));
    } else {
        code = 404;
    }
    if (code == 404) {
        body = "Not found.\n";
        type = "text/plain";
    }
    if (http10)
        chunked = false; // HTTP/1.0 has no chunked encoding: the body is sent whole, then the connection closes
    ++servedCount;
    if (servedCount >= kKeepAliveMax)
        keepAlive = false;

    QByteArray headerBytes = (http10 ? "HTTP/1.0 " : "HTTP/1.1 ") + QByteArray::number(code) + ' ' + statusText(code)
        + "\r\nServer: wirelab-http1\r\nContent-Type: " + type + "\r\n";
    if (path == QLatin1String("/") || path == QLatin1String("/about"))
        headerBytes += "X-Site: " + QByteArray(isSiteB(host) ? "b.lab" : "a.lab") + "\r\n";
    if (http10 && chunks > 0) {
        for (int i = 0; i < chunks; ++i)
            body += "chunk " + QByteArray::number(i + 1) + " of " + QByteArray::number(chunks) + "\n";
    }
    if (chunked)
        headerBytes += "Transfer-Encoding: chunked\r\n";
    else
        headerBytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (keepAlive) {
        if (http10)
            headerBytes += "Connection: keep-alive\r\n";
        headerBytes += "Keep-Alive: timeout=" + QByteArray::number(kKeepAliveTimeoutS)
            + ", max=" + QByteArray::number(kKeepAliveMax - servedCount) + "\r\n";
    } else {
        headerBytes += "Connection: close\r\n";
    }
    headerBytes += "\r\n";
    const auto first = now + std::chrono::milliseconds(delayMs);
    if (!chunked) {
        r.parts.push_back({first, head ? headerBytes : headerBytes + body});
    } else {
        r.parts.push_back({first, headerBytes});
        if (!head) {
            for (int i = 0; i < chunks; ++i) {
                const QByteArray data = "chunk " + QByteArray::number(i + 1) + " of " + QByteArray::number(chunks) + "\n";
                r.parts.push_back({first + std::chrono::milliseconds(std::int64_t(chunkMs) * (i + 1)),
                                   QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n"});
            }
            r.parts.back().bytes += "0\r\n\r\n";
        }
    }
    r.closeAfter = !keepAlive;
    *close = !keepAlive;
    return r;
}

void Http1Server::Impl::handleRequests(Connection &c)
{
    // Each round consumes a whole request or stops.
    while (!c.closing && !c.in.isEmpty()) {
        if (c.served == 0 && c.responses.empty() && upgradeHandler) {
            // HTTP/2 with prior knowledge: the client's first bytes are the connection preface.
            static const QByteArray preface("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            const qsizetype n = std::min(c.in.size(), preface.size());
            if (c.in.left(n) == preface.left(n)) {
                if (n < preface.size())
                    return; // wait for the whole preface
                if (!upgradeAccept || upgradeAccept(QByteArrayLiteral("h2c-prior-knowledge"))) {
                    const int fd = c.fd;
                    c.fd = -1;
                    const QByteArray rest = c.in;
                    c.in.clear();
                    {
                        std::lock_guard lock(statsMutex);
                        ++stats.connectionsUpgraded;
                    }
                    upgradeHandler(fd, Http1Message(), QByteArray(), rest);
                    return;
                }
            }
        }
        Http1ParseContext ctx;
        ctx.isRequest = true;
        Http1Message req;
        std::size_t used = 0;
        const auto st = parseHttp1Message({reinterpret_cast<const std::uint8_t *>(c.in.constData()), std::size_t(c.in.size())},
                                          0, ctx, req, &used);
        if (st == Http1ParseStatus::NeedMore)
            return;
        if (st == Http1ParseStatus::Malformed || used == 0) {
            Response r;
            const QByteArray body = "Bad request: " + req.notes.join(QStringLiteral("; ")).toUtf8() + "\n";
            r.parts.push_back({Clock::now(), "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: "
                                                 + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body});
            r.closeAfter = true;
            c.responses.push_back(std::move(r));
            c.closing = true;
            c.in.clear();
            std::lock_guard lock(statsMutex);
            ++stats.malformedRequests;
            return;
        }
        const QByteArray requestBytes = c.in.left(qsizetype(used));
        c.in.remove(0, qsizetype(used));
        const QByteArray upgrade = req.header("Upgrade");
        if (!upgrade.isEmpty() && upgradeHandler && c.responses.empty() && c.out.isEmpty()
            && (!upgradeAccept || upgradeAccept(upgrade.trimmed()))) {
            const int fd = c.fd;
            c.fd = -1;
            const QByteArray rest = c.in;
            c.in.clear();
            {
                std::lock_guard lock(statsMutex);
                ++stats.connectionsUpgraded;
                ++stats.requestsServed;
            }
            upgradeHandler(fd, req, requestBytes, rest);
            return;
        }
        servedCount = c.served;
        bool close = false;
        c.responses.push_back(respond(req, &close));
        c.served = servedCount;
        {
            std::lock_guard lock(statsMutex);
            ++stats.requestsServed;
        }
        if (close)
            c.closing = true;
    }
}

bool Http1Server::Impl::flush(Connection &c)
{
    const auto now = Clock::now();
    // Move what is due into the output buffer, in order: a response waits for the one before it.
    while (!c.responses.empty()) {
        Response &r = c.responses.front();
        while (!r.parts.empty() && r.parts.front().readyAt <= now) {
            c.out += r.parts.front().bytes;
            r.parts.pop_front();
        }
        if (!r.parts.empty())
            break;
        if (r.closeAfter)
            c.closing = true;
        c.responses.pop_front();
    }
    while (!c.out.isEmpty()) {
        const ssize_t n = ::send(c.fd, c.out.constData(), std::size_t(c.out.size()), MSG_NOSIGNAL);
        if (n > 0) {
            c.out.remove(0, n);
            c.lastActivity = now;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        return false;
    }
    return true;
}

void Http1Server::Impl::loop(const LabHost &host)
{
    std::vector<pollfd> fds;
    while (!serving.stopRequested() && !host.stopping()) {
        fds.clear();
        fds.push_back({listenFd, POLLIN, 0});
        auto now = Clock::now();
        int timeoutMs = 20;
        for (const Connection &c : conns) {
            short ev = c.closing ? 0 : POLLIN;
            if (!c.out.isEmpty())
                ev |= POLLOUT;
            if (!c.peerClosed)
                ev |= POLLIN; // also notices a peer that goes away
            fds.push_back({c.fd, ev, 0});
            if (!c.responses.empty() && !c.responses.front().parts.empty()) {
                const auto due = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     c.responses.front().parts.front().readyAt - now).count();
                timeoutMs = int(std::clamp<std::int64_t>(due, 0, timeoutMs));
            }
        }
        const int n = ::poll(fds.data(), nfds_t(fds.size()), timeoutMs);
        if (n < 0 && errno != EINTR)
            break;
        now = Clock::now();
        const std::size_t connCount = conns.size();
        for (std::size_t i = 0; i < connCount; ++i) {
            Connection &c = conns[i];
            const short re = fds[i + 1].revents;
            bool alive = true;
            if (re & (POLLIN | POLLHUP | POLLERR))
                alive = readFrom(c);
            if (alive)
                handleRequests(c);
            if (alive && c.fd >= 0)
                alive = flush(c);
            if (c.fd < 0)
                continue; // upgraded: the handler owns it
            const bool idle = c.responses.empty() && c.out.isEmpty();
            if (!alive || (idle && (c.closing || c.peerClosed))
                || (idle && c.in.isEmpty() && now - c.lastActivity > std::chrono::seconds(kKeepAliveTimeoutS))) {
                ::close(c.fd);
                c.fd = -1;
            }
        }
        std::erase_if(conns, [](const Connection &c) { return c.fd < 0; });
        if (fds[0].revents & POLLIN)
            acceptAll();
    }
    closeAll();
}

} // namespace wirelab
