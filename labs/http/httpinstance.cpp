// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpinstance.h"

#include "http2client.h"
#include "http2server.h"

#include <QCoreApplication>
#include <QProcess>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <deque>
#include <memory>
#include <vector>

namespace wirelab {

namespace {

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

void setNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// What the server sends, piece by piece: a piece goes out no earlier than its time, and never before the
// pieces queued ahead of it (responses leave in request order: HTTP/1.1 has no other way to pair them).
struct Out
{
    QByteArray bytes;
    std::int64_t notBeforeMs = 0;
    bool closeAfter = false;
};

struct ServerConn
{
    int fd = -1;
    QByteArray in;
    std::deque<Out> out;
    bool closing = false, peerClosed = false;
};

QByteArray headerValue(const QByteArray &head, const char *name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// Responses for one request head; appended to the connection's queue in order.
void respond(ServerConn &c, const QByteArray &head, int imageSize, int slowMs, int chunkCount, int chunkGapMs)
{
    const QList<QByteArray> first = head.left(head.indexOf('\r')).split(' ');
    const QByteArray method = first.value(0), path = first.value(1), version = first.value(2);
    const bool http10 = version == "HTTP/1.0";
    const QByteArray connection = headerValue(head, "connection").toLower();
    const bool close = http10 ? connection != "keep-alive" : connection == "close";
    const QByteArray host = headerValue(head, "host").toLower();
    const QByteArray status = http10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    const std::int64_t after = c.out.empty() ? 0 : c.out.back().notBeforeMs;
    auto plain = [&](const QByteArray &code, const QByteArray &type, const QByteArray &body, std::int64_t at) {
        QByteArray r = status + code + "\r\nServer: wirelab-lab\r\nContent-Type: " + type
                       + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        if (close && !http10)
            r += "Connection: close\r\n";
        if (!close && http10)
            r += "Connection: keep-alive\r\n";
        r += "\r\n";
        if (method != "HEAD")
            r += body;
        c.out.push_back({r, std::max(after, at), close});
    };
    if (method != "GET" && method != "HEAD") {
        plain("405 Method Not Allowed", "text/plain", "Only GET and HEAD here.\n", 0);
        return;
    }
    if (path == "/about") {
        plain("200 OK", "text/html", "<html><body><h1>About</h1><p>The Wirelab HTTP lab server.</p></body></html>\n", 0);
    } else if (path.startsWith("/img/") && path.endsWith(".png")) {
        // images.size 0: the same 16x16 PNG the HTTP/2 server sends for this N, so both protocols move the
        // same bytes; otherwise that many bytes.
        if (imageSize == 0) {
            plain("200 OK", "image/png", Http2Server::pngImage(path.mid(5, path.size() - 9).toInt()), 0);
        } else {
            QByteArray body(imageSize, '\0');
            for (int i = 0; i < imageSize; ++i)
                body[i] = char('A' + (i * 7 + path.size()) % 26);
            plain("200 OK", "application/octet-stream", body, 0);
        }
    } else if (path == "/slow") {
        plain("200 OK", "text/plain", "slow resource\n", nowMs() + slowMs);
    } else if (path == "/chunked" && !http10) {
        QByteArray r = "HTTP/1.1 200 OK\r\nServer: wirelab-lab\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n";
        if (close)
            r += "Connection: close\r\n";
        r += "\r\n";
        std::int64_t t = std::max(after, nowMs());
        c.out.push_back({r, t, false});
        for (int i = 1; i <= chunkCount; ++i) {
            const QByteArray data = "line " + QByteArray::number(i) + " of " + QByteArray::number(chunkCount) + "\n";
            t += chunkGapMs;
            c.out.push_back({QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n", t, false});
        }
        c.out.push_back({"0\r\n\r\n", t, close});
    } else if (path == "/") {
        if (host.startsWith("site-b"))
            plain("200 OK", "text/html", "<html><body><h1>Site B</h1></body></html>\n", 0);
        else if (host.startsWith("site-a"))
            plain("200 OK", "text/html", "<html><body><h1>Site A</h1></body></html>\n", 0);
        else
            plain("404 Not Found", "text/plain", "No site for this Host header.\n", 0);
    } else {
        plain("404 Not Found", "text/plain", "Not found.\n", 0);
    }
}

struct ClientConn
{
    int fd = -1;
    bool connected = false;
    QByteArray in, pendingOut;
    int inflight = 0, served = 0;
};

// Length of the first complete response in buf (Content-Length framed), 0 if incomplete, -1 if malformed.
qsizetype responseLength(const QByteArray &buf)
{
    const qsizetype headEnd = buf.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return buf.size() > 65536 ? -1 : 0;
    if (headerValue(buf.left(headEnd), "transfer-encoding").toLower() == "chunked") {
        const qsizetype last = buf.indexOf("\r\n0\r\n\r\n", headEnd + 2);
        return last < 0 ? 0 : last + 7;
    }
    bool ok = false;
    const qint64 len = headerValue(buf.left(headEnd), "content-length").toLongLong(&ok);
    if (!ok || len < 0)
        return -1;
    return buf.size() >= headEnd + 4 + len ? headEnd + 4 + len : 0;
}

} // namespace

HttpLabInstance::HttpLabInstance(QObject *parent) : LabInstance(parent) {}

HttpLabInstance::~HttpLabInstance()
{
    stop();
}

int HttpLabInstance::intParam(const char *key) const
{
    return m_context.parameters.value(QLatin1String(key)).toInt();
}

int HttpLabInstance::openSocket(const QString &host, QString *error) const
{
    if (m_context.openSocket)
        return m_context.openSocket(host, AF_INET, SOCK_STREAM, 0, error);
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 && error)
        *error = QString::fromLocal8Bit(std::strerror(errno));
    return fd;
}

sockaddr_in HttpLabInstance::route() const
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    quint32 ip = m_serverIp;
    std::uint16_t port = m_port;
    if (m_context.serverRoute) {
        const auto [address, p] = m_context.serverRoute(SOCK_STREAM, m_port);
        ip = address.toIPv4Address();
        port = p;
    }
    a.sin_addr.s_addr = htonl(ip);
    a.sin_port = htons(port);
    return a;
}

void HttpLabInstance::event(const QString &host, const QString &kind, const QString &text, const QVariantMap &data)
{
    m_context.report(host, kind, text, data);
}

bool HttpLabInstance::start(const LabContext &context, LabEndpoints *endpoints, QString *error)
{
    if (m_started) {
        if (error)
            *error = tr("The lab is already running; stop it before starting it again.");
        return false;
    }
    m_context = context;
    bool ok = false;
    m_serverIp = context.serverAddress.toIPv4Address(&ok);
    if (!ok) {
        if (error)
            *error = tr("This lab needs an IPv4 address for its server.");
        return false;
    }
    m_server.start([this] { closeFd(m_listenFd); });
    m_client.start();
    m_started = true;
    auto bound = m_server.call([this]() -> Outcome {
        QString why;
        m_listenFd = openSocket(QStringLiteral("server"), &why);
        if (m_listenFd < 0)
            return {false, tr("Could not create the HTTP server socket: %1.").arg(why)};
        const int one = 1;
        ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(m_serverIp);
        a.sin_port = htons(std::uint16_t(intParam("http.port")));
        if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(m_listenFd, 64) != 0)
            return {false, tr("Could not listen on port %1: %2; set http.port to 0 for any free port.")
                               .arg(intParam("http.port")).arg(QString::fromLocal8Bit(std::strerror(errno)))};
        socklen_t len = sizeof a;
        ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        setNonBlocking(m_listenFd);
        return {true, {}};
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
    m_server.post([this] { serve(); });
    // The HTTP/2 server (h2c), on its own port of the same server host.
    m_h2 = std::make_unique<Http2Server>(m_context, QStringLiteral("server"));
    m_h2Host.start();
    QString h2Error;
    if (!m_h2->listen(context.serverAddress, 0, &h2Error) || !m_h2->start(m_h2Host)) {
        stop();
        if (error)
            *error = tr("Could not start the HTTP/2 server: %1").arg(h2Error);
        return false;
    }
    endpoints->tcpPorts = {m_port, m_h2->port()};
    event(QStringLiteral("server"), QStringLiteral("server.listen"),
          tr("HTTP/1.x server listening on %1:%2").arg(context.serverAddress.toString()).arg(m_port),
          {{QStringLiteral("port"), m_port}});
    event(QStringLiteral("server"), QStringLiteral("server.listen"),
          tr("HTTP/2 server (h2c) listening on %1:%2").arg(context.serverAddress.toString()).arg(m_h2->port()),
          {{QStringLiteral("port"), m_h2->port()}, {QStringLiteral("protocol"), QStringLiteral("h2")}});
    return true;
}

void HttpLabInstance::serve()
{
    std::vector<std::unique_ptr<ServerConn>> conns;
    const int imageSize = intParam("images.size");
    const int slowMs = intParam("slow.ms");
    while (!m_server.stopping()) {
        std::vector<pollfd> fds;
        fds.push_back({m_listenFd, POLLIN, 0});
        const std::int64_t now = nowMs();
        int timeout = 20;
        for (const auto &c : conns) {
            short ev = c->peerClosed ? 0 : POLLIN;
            if (!c->out.empty()) {
                if (c->out.front().notBeforeMs <= now)
                    ev |= POLLOUT;
                else
                    timeout = int(std::min<std::int64_t>(timeout, c->out.front().notBeforeMs - now));
            }
            fds.push_back({c->fd, ev, 0});
        }
        if (::poll(fds.data(), nfds_t(fds.size()), std::max(timeout, 1)) < 0 && errno != EINTR)
            break;
        if (fds[0].revents & POLLIN) {
            for (int i = 0; i < 64; ++i) {
                const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                if (fd < 0)
                    break;
                const int one = 1;
                ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                auto c = std::make_unique<ServerConn>();
                c->fd = fd;
                conns.push_back(std::move(c));
            }
        }
        for (std::size_t i = 1; i < fds.size(); ++i) {
            ServerConn &c = *conns[i - 1];
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                char buf[16384];
                const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
                if (n == 0) {
                    c.peerClosed = true; // finish what is queued, then close
                    c.closing = c.out.empty();
                } else if (n < 0) {
                    if (errno != EAGAIN && errno != EINTR)
                        c.closing = true;
                } else {
                    c.in.append(buf, n);
                    for (int guard = 0; guard < 1000; ++guard) {
                        const qsizetype end = c.in.indexOf("\r\n\r\n");
                        if (end < 0)
                            break;
                        respond(c, c.in.left(end + 2), imageSize, slowMs, 5, 300);
                        c.in.remove(0, end + 4);
                    }
                    if (c.in.size() > 65536)
                        c.closing = true; // a head that never ends
                }
            }
            const std::int64_t t = nowMs();
            while (!c.closing && !c.out.empty() && c.out.front().notBeforeMs <= t) {
                Out &o = c.out.front();
                const ssize_t n = ::send(c.fd, o.bytes.constData(), size_t(o.bytes.size()), MSG_NOSIGNAL);
                if (n < 0) {
                    if (errno != EAGAIN && errno != EINTR)
                        c.closing = true;
                    break;
                }
                o.bytes.remove(0, n);
                if (!o.bytes.isEmpty())
                    break;
                const bool closeAfter = o.closeAfter;
                c.out.pop_front();
                if (closeAfter || (c.peerClosed && c.out.empty())) {
                    c.closing = true;
                    break;
                }
            }
        }
        for (auto it = conns.begin(); it != conns.end();) {
            if ((*it)->closing) {
                ::close((*it)->fd);
                it = conns.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto &c : conns)
        ::close(c->fd);
}

HttpLabInstance::Outcome HttpLabInstance::fetch(const QString &run, const QStringList &paths, const QByteArray &version,
                                                int connections, int depth, bool keepAlive, const QByteArray &host)
{
    std::deque<QByteArray> queue;
    for (const QString &p : paths)
        queue.push_back(p.toLatin1());
    const int total = int(paths.size());
    int done = 0, opened = 0;
    std::vector<ClientConn> conns;
    QString why;
    auto request = [&](const QByteArray &path) {
        QByteArray r = "GET " + path + " " + version + "\r\nHost: " + host + "\r\nUser-Agent: wirelab-lab\r\n";
        if (version == "HTTP/1.0" && keepAlive)
            r += "Connection: keep-alive\r\n";
        if (version == "HTTP/1.1" && !keepAlive)
            r += "Connection: close\r\n";
        return r + "\r\n";
    };
    auto openOne = [&]() -> bool {
        ClientConn c;
        c.fd = openSocket(QStringLiteral("client"), &why);
        if (c.fd < 0)
            return false;
        setNonBlocking(c.fd);
        const int one = 1;
        ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        const sockaddr_in to = route();
        if (::connect(c.fd, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0 && errno != EINPROGRESS) {
            why = QString::fromLocal8Bit(std::strerror(errno));
            ::close(c.fd);
            return false;
        }
        ++opened;
        conns.push_back(std::move(c));
        return true;
    };
    const std::int64_t fromNs = m_context.clock ? m_context.clock->nowNs() : 0;
    for (int i = 0; i < std::min<int>(connections, total); ++i) {
        if (!openOne())
            break;
    }
    const std::int64_t deadline = nowMs() + 60000;
    while (done < total && !m_client.stopping() && nowMs() < deadline && !conns.empty()) {
        // Hand out requests to connected connections with room.
        for (ClientConn &c : conns) {
            if (!c.connected || c.fd < 0)
                continue;
            const int room = keepAlive ? depth : 1 - c.served;
            while (c.inflight < room && !queue.empty()) {
                c.pendingOut += request(queue.front());
                queue.pop_front();
                ++c.inflight;
            }
        }
        std::vector<pollfd> fds;
        for (const ClientConn &c : conns)
            fds.push_back({c.fd, short(POLLIN | (!c.connected || !c.pendingOut.isEmpty() ? POLLOUT : 0)), 0});
        if (::poll(fds.data(), nfds_t(fds.size()), 20) < 0 && errno != EINTR)
            break;
        for (std::size_t i = 0; i < fds.size(); ++i) {
            ClientConn &c = conns[i];
            if (!c.connected && (fds[i].revents & (POLLOUT | POLLERR | POLLHUP))) {
                int err = 0;
                socklen_t len = sizeof err;
                ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
                if (err != 0) {
                    why = QString::fromLocal8Bit(std::strerror(err));
                    closeFd(c.fd);
                    continue;
                }
                c.connected = true;
            }
            if (c.connected && !c.pendingOut.isEmpty() && (fds[i].revents & POLLOUT)) {
                const ssize_t n = ::send(c.fd, c.pendingOut.constData(), size_t(c.pendingOut.size()), MSG_NOSIGNAL);
                if (n > 0)
                    c.pendingOut.remove(0, n);
            }
            if (fds[i].revents & (POLLIN | POLLHUP)) {
                char buf[65536];
                const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
                if (n > 0)
                    c.in.append(buf, n);
                for (int guard = 0; guard < 1000; ++guard) {
                    const qsizetype len = responseLength(c.in);
                    if (len <= 0)
                        break;
                    c.in.remove(0, len);
                    --c.inflight;
                    ++c.served;
                    ++done;
                }
                if (n == 0 || (!keepAlive && c.served >= 1 && c.inflight == 0))
                    closeFd(c.fd);
            }
        }
        // Connections that ended: replace them while requests remain (HTTP/1.0: one per request).
        std::erase_if(conns, [](const ClientConn &c) { return c.fd < 0; });
        int unassigned = 0;
        for (const ClientConn &c : conns)
            unassigned += c.inflight == 0 && c.served == 0 ? 1 : 0;
        while (int(conns.size()) < connections && int(queue.size()) > unassigned) {
            if (!openOne())
                break;
            ++unassigned;
        }
    }
    for (ClientConn &c : conns)
        closeFd(c.fd);
    const std::int64_t toNs = m_context.clock ? m_context.clock->nowNs() : 0;
    event(QStringLiteral("client"), QStringLiteral("http.run"),
          tr("%1: %2 of %3 responses over %4 connections").arg(run).arg(done).arg(total).arg(opened),
          {{QStringLiteral("run"), run}, {QStringLiteral("from_ns"), qlonglong(fromNs)},
           {QStringLiteral("to_ns"), qlonglong(toNs)}, {QStringLiteral("responses"), done},
           {QStringLiteral("connections"), opened}});
    if (done < total)
        return {false, tr("%1: only %2 of %3 responses arrived (%4).").arg(run).arg(done).arg(total).arg(why)};
    return {true, tr("%1: %2 responses over %3 connections.").arg(run).arg(done).arg(opened)};
}

HttpLabInstance::Outcome HttpLabInstance::perform(const QString &id)
{
    const QByteArray host = QByteArrayLiteral("lab.test");
    QStringList images;
    for (int i = 1; i <= intParam("images.count"); ++i)
        images << QStringLiteral("/img/%1.png").arg(i);
    const int cap = intParam("http.connections");
    if (id == QLatin1String(GetAbout))
        return fetch(QStringLiteral("about"), {QStringLiteral("/about")}, "HTTP/1.1", 1, 1, false, host);
    if (id == QLatin1String(Images10))
        return fetch(QStringLiteral("http10"), images, "HTTP/1.0", cap, 1, false, host);
    if (id == QLatin1String(Images11))
        return fetch(QStringLiteral("http11"), images, "HTTP/1.1", cap, 1, true, host);
    if (id == QLatin1String(ImagesPipelined))
        return fetch(QStringLiteral("pipelined"), images, "HTTP/1.1", 1, intParam("http.pipeline_depth"), true, host);
    if (id == QLatin1String(SlowPipelined))
        return fetch(QStringLiteral("slow"), {QStringLiteral("/slow"), QStringLiteral("/about")}, "HTTP/1.1", 1, 2, true, host);
    if (id == QLatin1String(Chunked))
        return fetch(QStringLiteral("chunked"), {QStringLiteral("/chunked")}, "HTTP/1.1", 1, 1, true, host)
                   .ok ? Outcome{true, tr("The chunked response arrived.")} : Outcome{false, tr("The chunked response did not arrive.")};
    if (id == QLatin1String(TwoSites)) {
        const Outcome a = fetch(QStringLiteral("site-a"), {QStringLiteral("/")}, "HTTP/1.1", 1, 1, true, "site-a.lab");
        const Outcome b = fetch(QStringLiteral("site-b"), {QStringLiteral("/")}, "HTTP/1.1", 1, 1, true, "site-b.lab");
        return {a.ok && b.ok, a.message + QLatin1Char(' ') + b.message};
    }
    // The same bytes as over HTTP/1.x: the PNG for images.size 0, else /big with that many bytes.
    const int imageSize = intParam("images.size");
    auto h2Image = [imageSize](int i) {
        return imageSize == 0 ? "/img/" + QByteArray::number(i) + ".png"
                              : "/big?bytes=" + QByteArray::number(imageSize) + "&img=" + QByteArray::number(i);
    };
    std::vector<QByteArray> h2Images;
    for (int i = 1; i <= intParam("images.count"); ++i)
        h2Images.push_back(h2Image(i));
    if (id == QLatin1String(ImagesH2))
        return fetchH2(QStringLiteral("h2"), h2Images);
    if (id == QLatin1String(SlowH2))
        return fetchH2(QStringLiteral("slow-h2"), {"/slow?ms=" + QByteArray::number(intParam("slow.ms")), "/about"});
    if (id == QLatin1String(LossH2)) {
        if (m_context.networkMode != NetworkMode::Sandbox || !m_context.setLinkImpairment || !m_context.linkImpairment)
            return {true, tr("Skipped: in host mode the relay cannot drop TCP segments.")};
        const LinkImpairment c2s = m_context.linkImpairment(QStringLiteral("client"), QStringLiteral("server"));
        const LinkImpairment s2c = m_context.linkImpairment(QStringLiteral("server"), QStringLiteral("client"));
        LinkImpairment lossy = s2c;
        lossy.lossPercent = 2.0;
        QString why;
        if (!m_context.setLinkImpairment(QStringLiteral("server"), QStringLiteral("client"), lossy, &why))
            return {false, tr("Could not add loss to the link: %1").arg(why)};
        // Five times the page (the server has images 0..999), so a run without a lost segment is rare.
        std::vector<QByteArray> many;
        for (int i = 1; i <= std::min(999, 5 * intParam("images.count")); ++i)
            many.push_back(h2Image(i));
        const Outcome outcome = fetchH2(QStringLiteral("loss-h2"), many);
        m_context.setLinkImpairment(QStringLiteral("server"), QStringLiteral("client"), s2c, &why);
        Q_UNUSED(c2s);
        return outcome;
    }
    if (id == QLatin1String(Curl)) {
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        if (curl.isEmpty()) {
            event(QStringLiteral("client"), QStringLiteral("curl.missing"),
                  tr("curl is not installed (apt install curl); the step is skipped."));
            return {true, tr("Skipped: curl is not installed.")};
        }
        const std::int64_t fromNs = m_context.clock ? m_context.clock->nowNs() : 0;
        QStringList lines;
        bool ok = true;
        QString failure;
        for (const auto &[flag, port] : {std::pair{QStringLiteral("--http1.1"), m_port},
                                         std::pair{QStringLiteral("--http2-prior-knowledge"), m_h2->port()}}) {
            // In host mode through the relay (so the 3G delay applies), in the lab network to the server itself.
            QHostAddress address = m_context.serverAddress;
            std::uint16_t to = port;
            if (m_context.networkMode == NetworkMode::Host && m_context.serverRoute) {
                const auto [a, p] = m_context.serverRoute(SOCK_STREAM, port);
                address = a;
                to = p;
            }
            const QString url = QStringLiteral("http://%1:%2/about").arg(address.toString()).arg(to);
            QString output;
            const Outcome o = runCurl(curl,
                                      {flag, QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("20"),
                                       QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                       QStringLiteral("%{http_code} HTTP/%{http_version}"), url},
                                      &output);
            lines << QStringLiteral("curl %1 %2: %3").arg(flag, url, output);
            if (!o.ok) {
                ok = false;
                failure = o.message;
            }
        }
        const std::int64_t toNs = m_context.clock ? m_context.clock->nowNs() : 0;
        event(QStringLiteral("client"), QStringLiteral("http.run"), lines.join(QStringLiteral("; ")),
              {{QStringLiteral("run"), QStringLiteral("curl")}, {QStringLiteral("from_ns"), qlonglong(fromNs)},
               {QStringLiteral("to_ns"), qlonglong(toNs)}});
        return {ok, ok ? lines.join(QStringLiteral("; ")) : failure};
    }
    return {false, tr("Unknown action %1.").arg(id)};
}

HttpLabInstance::Outcome HttpLabInstance::runCurl(const QString &curl, const QStringList &arguments, QString *output)
{
    if (m_context.networkMode == NetworkMode::Host || !m_context.spawnInHost) {
        QProcess process;
        process.start(curl, arguments);
        if (!process.waitForFinished(25000)) {
            process.kill();
            process.waitForFinished(2000);
            return {false, tr("curl did not finish within 25 s.")};
        }
        *output = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
        if (process.exitCode() != 0)
            return {false, tr("curl failed: %1").arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed())};
        return {true, {}};
    }
    int out[2] = {-1, -1};
    if (::pipe2(out, O_CLOEXEC) != 0)
        return {false, tr("Could not make a pipe for curl: %1").arg(QString::fromLocal8Bit(std::strerror(errno)))};
    QString why;
    int pidfd = m_context.spawnInHost(QStringLiteral("client"), curl, arguments, -1, out[1], out[1], &why);
    ::close(out[1]);
    if (pidfd < 0) {
        ::close(out[0]);
        return {false, tr("Could not run curl in the client host: %1").arg(why)};
    }
    QByteArray text;
    const std::int64_t deadline = nowMs() + 25000;
    bool exited = false;
    while (!m_client.stopping() && nowMs() < deadline) {
        pollfd fds[2] = {{out[0], POLLIN, 0}, {pidfd, POLLIN, 0}};
        if (::poll(fds, 2, 20) < 0 && errno != EINTR)
            break;
        if (fds[0].revents & (POLLIN | POLLHUP)) {
            char buf[4096];
            const ssize_t n = ::read(out[0], buf, sizeof buf);
            if (n > 0 && text.size() < 65536)
                text.append(buf, n);
            if (n == 0 && exited)
                break;
        }
        if (fds[1].revents & POLLIN)
            exited = true;
        if (exited && !(fds[0].revents & POLLIN))
            break;
    }
    ::close(out[0]);
    ::close(pidfd);
    *output = QString::fromLocal8Bit(text).trimmed();
    if (!exited)
        return {false, tr("curl did not finish within 25 s.")};
    if (!output->startsWith(QLatin1String("200")))
        return {false, tr("curl failed: %1").arg(*output)};
    return {true, {}};
}

HttpLabInstance::Outcome HttpLabInstance::fetchH2(const QString &run, const std::vector<QByteArray> &paths)
{
    Http2Client client(m_context, QStringLiteral("client"));
    std::vector<Http2Fetch> fetches;
    QString why;
    const std::int64_t fromNs = m_context.clock ? m_context.clock->nowNs() : 0;
    const bool ok = client.fetch(m_context.serverAddress, m_h2->port(), "lab.test", paths, 60000, fetches, &why, &m_client);
    const std::int64_t toNs = m_context.clock ? m_context.clock->nowNs() : 0;
    int done = 0;
    for (const Http2Fetch &f : fetches)
        done += f.complete ? 1 : 0;
    event(QStringLiteral("client"), QStringLiteral("http.run"),
          tr("%1: %2 of %3 responses over one HTTP/2 connection").arg(run).arg(done).arg(paths.size()),
          {{QStringLiteral("run"), run}, {QStringLiteral("from_ns"), qlonglong(fromNs)},
           {QStringLiteral("to_ns"), qlonglong(toNs)}, {QStringLiteral("responses"), done},
           {QStringLiteral("connections"), 1}});
    if (!ok)
        return {false, tr("%1: %2 of %3 responses (%4).").arg(run).arg(done).arg(paths.size()).arg(why)};
    return {true, tr("%1: %2 responses over one HTTP/2 connection.").arg(run).arg(done)};
}

void HttpLabInstance::runAction(const QString &actionId)
{
    const bool queued = m_started && m_client.post([this, actionId] {
        const Outcome outcome = perform(actionId);
        if (m_client.stopping())
            return;
        Q_EMIT actionFinished(actionId, outcome.ok, outcome.message);
    });
    if (!queued)
        Q_EMIT actionFinished(actionId, false, tr("The lab is not running."));
}

void HttpLabInstance::stop()
{
    if (!m_started)
        return;
    m_client.stop();
    if (m_h2)
        m_h2->stop();
    m_h2Host.stop();
    m_server.stop();
    m_h2.reset();
    m_started = false;
}

} // namespace wirelab
