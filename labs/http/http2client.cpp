// SPDX-License-Identifier: GPL-3.0-or-later
#include "http2client.h"

#include "lab/labhost.h"

#include <nghttp2/nghttp2.h>

#include <QCoreApplication>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace wirelab {

namespace {

struct Session
{
    const LabContext *context = nullptr;
    QString hostName;
    std::vector<Http2Fetch> *fetches = nullptr;
    std::map<std::int32_t, std::size_t> byStream;
    std::size_t keepBody = 0;
    std::uint16_t localPort = 0;
    std::size_t closed = 0;
    std::vector<std::size_t> retry; // fetches refused by the server, to submit again

    std::int64_t now() const
    {
        if (context->clock)
            return context->clock->nowNs();
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
    Http2Fetch *fetch(std::int32_t id)
    {
        auto it = byStream.find(id);
        return it == byStream.end() ? nullptr : &(*fetches)[it->second];
    }
    void log(const QString &kind, const QString &text, QVariantMap data, std::int64_t t)
    {
        if (!context->events)
            return;
        data.insert(QStringLiteral("protocol"), QStringLiteral("h2"));
        data.insert(QStringLiteral("port"), localPort);
        LabEvent e;
        e.timeNs = t;
        e.host = hostName;
        e.kind = kind;
        e.text = text;
        e.data = std::move(data);
        context->events->append(std::move(e));
    }
};

int onFrameSend(nghttp2_session *, const nghttp2_frame *frame, void *user)
{
    auto *s = static_cast<Session *>(user);
    if (frame->hd.type != NGHTTP2_HEADERS)
        return 0;
    Http2Fetch *f = s->fetch(frame->hd.stream_id);
    if (!f || f->sentNs >= 0)
        return 0;
    f->sentNs = s->now();
    f->streamId = std::uint32_t(frame->hd.stream_id);
    s->log(QStringLiteral("http.request"),
           QCoreApplication::translate("Http2Client", "GET %1 on stream %2 (HTTP/2)")
               .arg(QString::fromUtf8(f->path))
               .arg(frame->hd.stream_id),
           {{QStringLiteral("stream"), frame->hd.stream_id}, {QStringLiteral("method"), QStringLiteral("GET")},
            {QStringLiteral("path"), QString::fromUtf8(f->path)}},
           f->sentNs);
    return 0;
}

int onBeginHeaders(nghttp2_session *, const nghttp2_frame *frame, void *user)
{
    auto *s = static_cast<Session *>(user);
    if (Http2Fetch *f = s->fetch(frame->hd.stream_id); f && f->firstByteNs < 0)
        f->firstByteNs = s->now();
    return 0;
}

int onHeader(nghttp2_session *, const nghttp2_frame *frame, const std::uint8_t *name, std::size_t namelen,
             const std::uint8_t *value, std::size_t valuelen, std::uint8_t, void *user)
{
    auto *s = static_cast<Session *>(user);
    Http2Fetch *f = s->fetch(frame->hd.stream_id);
    if (f && namelen == 7 && std::memcmp(name, ":status", 7) == 0) {
        const int st = QByteArray(reinterpret_cast<const char *>(value), qsizetype(valuelen)).toInt();
        if (st >= 200 || f->status == 0)
            f->status = st;
    }
    return 0;
}

int onData(nghttp2_session *, std::uint8_t, std::int32_t id, const std::uint8_t *data, std::size_t len, void *user)
{
    auto *s = static_cast<Session *>(user);
    if (Http2Fetch *f = s->fetch(id)) {
        f->bytes += len;
        if (std::size_t(f->body.size()) < s->keepBody)
            f->body.append(reinterpret_cast<const char *>(data),
                           qsizetype(std::min(len, s->keepBody - std::size_t(f->body.size()))));
        f->lastByteNs = s->now();
    }
    return 0;
}

int onStreamClose(nghttp2_session *, std::int32_t id, std::uint32_t error, void *user)
{
    auto *s = static_cast<Session *>(user);
    Http2Fetch *f = s->fetch(id);
    if (!f)
        return 0;
    if (error == NGHTTP2_REFUSED_STREAM && f->status == 0 && f->bytes == 0 && f->refusals < 3) {
        // Refused before any processing (RFC 9113 8.7): safe to send again, e.g. when requests went out
        // before the server's SETTINGS_MAX_CONCURRENT_STREAMS arrived.
        ++f->refusals;
        s->retry.push_back(s->byStream[id]);
        s->byStream.erase(id);
        return 0;
    }
    ++s->closed;
    f->errorCode = error;
    f->complete = error == NGHTTP2_NO_ERROR && f->status >= 200;
    const std::int64_t t = s->now();
    if (f->lastByteNs < 0)
        f->lastByteNs = t;
    s->log(QStringLiteral("http.response"),
           QCoreApplication::translate("Http2Client", "%1 for %2 on stream %3: %4 bytes")
               .arg(f->status)
               .arg(QString::fromUtf8(f->path))
               .arg(id)
               .arg(f->bytes),
           {{QStringLiteral("stream"), id},
            {QStringLiteral("path"), QString::fromUtf8(f->path)},
            {QStringLiteral("status"), f->status},
            {QStringLiteral("bytes"), qulonglong(f->bytes)},
            {QStringLiteral("sentNs"), qlonglong(f->sentNs)},
            {QStringLiteral("firstByteNs"), qlonglong(f->firstByteNs)},
            {QStringLiteral("lastByteNs"), qlonglong(f->lastByteNs)},
            {QStringLiteral("complete"), f->complete}},
           t);
    return 0;
}

} // namespace

Http2Client::Http2Client(const LabContext &context, QString hostName)
    : m_context(context), m_hostName(std::move(hostName))
{
}

bool Http2Client::fetch(const QHostAddress &address, std::uint16_t port, const QByteArray &authority,
                        const std::vector<QByteArray> &paths, int timeoutMs, std::vector<Http2Fetch> &fetches,
                        QString *error, const LabHost *host)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    fetches.clear();
    for (const QByteArray &p : paths) {
        Http2Fetch f;
        f.path = p;
        fetches.push_back(f);
    }
    QHostAddress to = address;
    std::uint16_t toPort = port;
    if (m_context.serverRoute)
        std::tie(to, toPort) = m_context.serverRoute(SOCK_STREAM, port);
    const bool v6 = to.protocol() == QAbstractSocket::IPv6Protocol;
    QString err;
    const int fd = m_context.openSocket ? m_context.openSocket(m_hostName, v6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0, &err)
                                        : ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fail(err.isEmpty() ? QString::fromLocal8Bit(std::strerror(errno)) : err);
    struct Closer
    {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (v6) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(toPort);
        const Q_IPV6ADDR ip = to.toIPv6Address();
        std::memcpy(&a->sin6_addr, &ip, 16);
        len = sizeof *a;
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&ss);
        a->sin_family = AF_INET;
        a->sin_port = htons(toPort);
        a->sin_addr.s_addr = htonl(to.toIPv4Address());
        len = sizeof *a;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    auto msLeft = [&] {
        return int(std::max<std::int64_t>(
            0, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count()));
    };
    if (::connect(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0) {
        if (errno != EINPROGRESS)
            return fail(QString::fromLocal8Bit(std::strerror(errno)));
        bool connected = false;
        while (!connected && msLeft() > 0 && !(host && host->stopping())) {
            pollfd p{fd, POLLOUT, 0};
            if (::poll(&p, 1, std::min(20, msLeft())) > 0) {
                int soerr = 0;
                socklen_t sl = sizeof soerr;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl);
                if (soerr != 0)
                    return fail(QString::fromLocal8Bit(std::strerror(soerr)));
                connected = true;
            }
        }
        if (!connected)
            return fail(QCoreApplication::translate("Http2Client", "Connecting timed out"));
    }
    sockaddr_storage local{};
    socklen_t ll = sizeof local;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &ll);
    m_localPort = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&local)->sin6_port
                           : reinterpret_cast<sockaddr_in *>(&local)->sin_port);

    Session state;
    state.context = &m_context;
    state.hostName = m_hostName;
    state.fetches = &fetches;
    state.keepBody = m_keepBody;
    state.localPort = m_localPort;
    nghttp2_session_callbacks *cb = nullptr;
    if (nghttp2_session_callbacks_new(&cb) != 0)
        return fail(QStringLiteral("nghttp2: out of memory"));
    nghttp2_session_callbacks_set_on_frame_send_callback(cb, onFrameSend);
    nghttp2_session_callbacks_set_on_begin_headers_callback(cb, onBeginHeaders);
    nghttp2_session_callbacks_set_on_header_callback(cb, onHeader);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cb, onData);
    nghttp2_session_callbacks_set_on_stream_close_callback(cb, onStreamClose);
    nghttp2_session *session = nullptr;
    const int rv = nghttp2_session_client_new(&session, cb, &state);
    nghttp2_session_callbacks_del(cb);
    if (rv != 0)
        return fail(QString::fromLatin1(nghttp2_strerror(rv)));
    struct SessionDel
    {
        nghttp2_session *s;
        ~SessionDel() { nghttp2_session_del(s); }
    } sessionDel{session};

    const nghttp2_settings_entry iv[] = {{NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
                                         {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, 1 << 20}};
    nghttp2_submit_settings(session, NGHTTP2_FLAG_NONE, iv, 2);
    nghttp2_session_set_local_window_size(session, NGHTTP2_FLAG_NONE, 0, 16 << 20);
    const QByteArray scheme = "http", method = "GET", ua = "wirelab-h2client";
    auto nv = [](const char *n, const QByteArray &v) {
        return nghttp2_nv{reinterpret_cast<std::uint8_t *>(const_cast<char *>(n)),
                          reinterpret_cast<std::uint8_t *>(const_cast<char *>(v.constData())), std::strlen(n),
                          std::size_t(v.size()), NGHTTP2_NV_FLAG_NONE};
    };
    auto submit = [&](std::size_t i) -> std::int32_t {
        const nghttp2_nv hdrs[] = {nv(":method", method), nv(":scheme", scheme), nv(":authority", authority),
                                   nv(":path", fetches[i].path), nv("user-agent", ua)};
        const std::int32_t id = nghttp2_submit_request(session, nullptr, hdrs, 5, nullptr, nullptr);
        if (id >= 0) {
            fetches[i].streamId = std::uint32_t(id);
            fetches[i].sentNs = -1;
            state.byStream[id] = i;
        }
        return id;
    };
    for (std::size_t i = 0; i < fetches.size(); ++i) {
        if (const std::int32_t id = submit(i); id < 0)
            return fail(QString::fromLatin1(nghttp2_strerror(id)));
    }

    QByteArray out;
    bool ok = true;
    while (state.closed < fetches.size()) {
        if (host && host->stopping())
            return fail(QCoreApplication::translate("Http2Client", "Stopped"));
        if (msLeft() <= 0)
            return fail(QCoreApplication::translate("Http2Client", "Timed out with %1 of %2 responses complete")
                            .arg(state.closed)
                            .arg(fetches.size()));
        for (const std::size_t i : std::exchange(state.retry, {})) {
            if (const std::int32_t id = submit(i); id < 0)
                return fail(QString::fromLatin1(nghttp2_strerror(id)));
        }
        while (out.size() < (1 << 20)) {
            const std::uint8_t *data = nullptr;
            const ssize_t n = nghttp2_session_mem_send(session, &data);
            if (n < 0)
                return fail(QString::fromLatin1(nghttp2_strerror(int(n))));
            if (n == 0)
                break;
            out.append(reinterpret_cast<const char *>(data), n);
        }
        while (!out.isEmpty()) {
            const ssize_t n = ::send(fd, out.constData(), std::size_t(out.size()), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                    break;
                return fail(QString::fromLocal8Bit(std::strerror(errno)));
            }
            out.remove(0, n);
        }
        pollfd p{fd, short(POLLIN | (out.isEmpty() ? 0 : POLLOUT)), 0};
        if (::poll(&p, 1, std::min(20, std::max(1, msLeft()))) <= 0)
            continue;
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            std::uint8_t buf[65536];
            for (int i = 0; i < 16; ++i) {
                const ssize_t n = ::read(fd, buf, sizeof buf);
                if (n == 0) {
                    ok = state.closed >= fetches.size();
                    if (!ok)
                        return fail(QCoreApplication::translate("Http2Client", "The server closed the connection"));
                    break;
                }
                if (n < 0) {
                    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                        break;
                    return fail(QString::fromLocal8Bit(std::strerror(errno)));
                }
                const ssize_t rv2 = nghttp2_session_mem_recv(session, buf, std::size_t(n));
                if (rv2 < 0)
                    return fail(QString::fromLatin1(nghttp2_strerror(int(rv2))));
            }
        }
    }
    // Say goodbye politely, best effort.
    nghttp2_session_terminate_session(session, NGHTTP2_NO_ERROR);
    const std::uint8_t *data = nullptr;
    for (ssize_t n; (n = nghttp2_session_mem_send(session, &data)) > 0;)
        out.append(reinterpret_cast<const char *>(data), n);
    if (!out.isEmpty())
        (void)!::send(fd, out.constData(), std::size_t(out.size()), MSG_NOSIGNAL);
    for (const Http2Fetch &f : fetches)
        ok = ok && f.complete;
    if (!ok)
        return fail(QCoreApplication::translate("Http2Client", "Not every response completed"));
    return true;
}

} // namespace wirelab
