// SPDX-License-Identifier: GPL-3.0-or-later
#include "http2server.h"

#include "lab/labhost.h"
#include "dissect/http2.h"

#include <nghttp2/nghttp2.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <QCoreApplication>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <future>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <csignal>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace wirelab {

namespace {

constexpr std::size_t kMaxHttp1Head = 16 * 1024;
constexpr std::size_t kMaxOutBuffer = 1024 * 1024;
constexpr int kMaxConnections = 512;

std::int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void setNonBlocking(int fd)
{
    const int fl = ::fcntl(fd, F_GETFL, 0);
    if (fl >= 0)
        ::fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

std::uint32_t crc32(const std::uint8_t *p, std::size_t n, std::uint32_t crc = 0)
{
    crc = ~crc;
    for (std::size_t i = 0; i < n; ++i) {
        crc ^= p[i];
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void putBe32(QByteArray &b, std::uint32_t v)
{
    b.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

void pngChunk(QByteArray &png, const char *type, const QByteArray &data)
{
    putBe32(png, std::uint32_t(data.size()));
    QByteArray td = QByteArray(type, 4) + data;
    png += td;
    putBe32(png, crc32(reinterpret_cast<const std::uint8_t *>(td.constData()), std::size_t(td.size())));
}

// Query parameter as a bounded integer; def when absent or not a number.
int queryInt(const QByteArray &query, const char *key, int def, int max)
{
    for (const QByteArray &kv : query.split('&')) {
        const int eq = kv.indexOf('=');
        if (eq > 0 && kv.left(eq) == key) {
            bool ok = false;
            const qint64 v = kv.mid(eq + 1).toLongLong(&ok);
            if (!ok || v < 0)
                return def;
            return int(std::min<qint64>(v, max));
        }
    }
    return def;
}

QByteArray siteHome(bool b)
{
    return b ? QByteArrayLiteral("<!DOCTYPE html><html><head><title>Site B</title></head><body><h1>Site B</h1>"
                                 "<p>Served to Host b.lab over HTTP/2.</p></body></html>\n")
             : QByteArrayLiteral("<!DOCTYPE html><html><head><title>Site A</title></head><body><h1>Site A</h1>"
                                 "<p>The default site of this server, over HTTP/2.</p>"
                                 "<p><a href=\"/about\">About</a> <a href=\"/page100\">100 images</a></p></body></html>\n");
}

// A minimal HTTP/1.1 request head: request line and headers, names lower-cased.
struct Http1Head
{
    QByteArray method, target, version;
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    QByteArray header(const char *name) const
    {
        for (const auto &[n, v] : headers)
            if (n == name)
                return v;
        return {};
    }
};

bool parseHttp1Head(const QByteArray &head, Http1Head &out)
{
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty())
        return false;
    const QList<QByteArray> rl = lines.first().trimmed().split(' ');
    if (rl.size() != 3)
        return false;
    out.method = rl[0];
    out.target = rl[1];
    out.version = rl[2];
    for (int i = 1; i < lines.size() && i < 200; ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const int colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        out.headers.emplace_back(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    return true;
}

QString opensslError()
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0)
        return QCoreApplication::translate("Http2Server", "unknown OpenSSL error");
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

} // namespace

QByteArray Http2Server::pngImage(int n)
{
    // A 16x16 RGB image in one colour per n, zlib "stored" (uncompressed) so no deflate is needed.
    constexpr int W = 16, H = 16;
    const std::uint8_t r = std::uint8_t(37 * n + 90), g = std::uint8_t(83 * n + 40), b = std::uint8_t(151 * n + 200);
    QByteArray raw;
    for (int y = 0; y < H; ++y) {
        raw.append('\0'); // filter: none
        for (int x = 0; x < W; ++x)
            raw.append(char(r)).append(char(g)).append(char(b));
    }
    QByteArray z;
    z.append(char(0x78)).append(char(0x01));
    z.append(char(0x01)); // final stored block
    const std::uint16_t len = std::uint16_t(raw.size());
    z.append(char(len & 0xff)).append(char(len >> 8)).append(char(~len & 0xff)).append(char((~len >> 8) & 0xff));
    z += raw;
    std::uint32_t a = 1, s2 = 0;
    for (char c : raw) {
        a = (a + std::uint8_t(c)) % 65521;
        s2 = (s2 + a) % 65521;
    }
    putBe32(z, (s2 << 16) | a);
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr;
    putBe32(ihdr, W);
    putBe32(ihdr, H);
    ihdr.append(char(8)).append(char(2)).append(char(0)).append(char(0)).append(char(0));
    pngChunk(png, "IHDR", ihdr);
    pngChunk(png, "IDAT", z);
    pngChunk(png, "IEND", {});
    return png;
}

Http2Server::Resource Http2Server::resource(const QByteArray &target, const QByteArray &authority)
{
    Resource r;
    const int q = target.indexOf('?');
    const QByteArray path = q < 0 ? target : target.left(q);
    const QByteArray query = q < 0 ? QByteArray() : target.mid(q + 1);
    QByteArray host = authority.toLower();
    if (const int colon = host.lastIndexOf(':'); colon > 0 && !host.contains(']'))
        host.truncate(colon);
    r.contentType = "text/html; charset=utf-8";
    if (path == "/") {
        r.body = siteHome(host == "b.lab" || host == "site-b.lab");
    } else if (path == "/about") {
        r.body = QByteArrayLiteral(
            "<!DOCTYPE html><html><head><title>About</title></head><body><h1>About this server</h1>"
            "<p>Wirelab's HTTP lab server. This page came over HTTP/2: one TCP connection, many streams, "
            "headers compressed with HPACK.</p></body></html>\n");
    } else if (path == "/slow") {
        r.delayMs = queryInt(query, "ms", 1000, 30000);
        r.contentType = "text/plain; charset=utf-8";
        r.body = "waited " + QByteArray::number(r.delayMs) + " ms\n";
    } else if (path == "/big") {
        const int n = queryInt(query, "bytes", 1 << 20, 16 << 20);
        r.contentType = "text/plain; charset=utf-8";
        static const QByteArray line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz\n";
        r.body.reserve(n);
        while (r.body.size() < n)
            r.body += line.left(std::min<qsizetype>(line.size(), n - r.body.size()));
    } else if (path == "/page100") {
        r.body = "<!DOCTYPE html><html><head><title>100 images</title></head><body><h1>100 images</h1>\n";
        for (int i = 0; i < 100; ++i)
            r.body += "<img src=\"/img/" + QByteArray::number(i) + ".png\" width=\"16\" height=\"16\">\n";
        r.body += "</body></html>\n";
    } else if (path.startsWith("/img/") && path.endsWith(".png")) {
        bool ok = false;
        const int n = path.mid(5, path.size() - 9).toInt(&ok);
        if (ok && n >= 0 && n <= 999) {
            r.contentType = "image/png";
            r.body = pngImage(n);
        } else {
            r.status = 404;
        }
    } else {
        r.status = 404;
    }
    if (r.status == 404) {
        r.contentType = "text/plain; charset=utf-8";
        r.body = "not found\n";
    }
    return r;
}

struct Http2Server::Impl
{
    struct Stream
    {
        QByteArray method, path, authority;
        QByteArray body;
        qsizetype offset = 0;
        std::int64_t dueMs = -1; // /slow: when to answer
        Resource pending;
        bool responded = false;
    };
    struct Conn
    {
        Impl *impl = nullptr;
        int fd = -1;
        nghttp2_session *session = nullptr;
        SSL *ssl = nullptr;         // TLS connections only
        bool handshaking = false;   // TLS handshake not finished yet
        bool sslWantWrite = false;  // OpenSSL waits for the socket to take bytes
        bool sslPending = false;    // decrypted bytes buffered in OpenSSL, not read yet
        bool sslBroken = false;     // no close_notify: the handshake failed or the socket broke
        bool alpnRefused = false;   // selectAlpn found no "h2"
        bool h2 = false;
        bool closing = false;
        QByteArray in;  // bytes before the protocol is known
        QByteArray out; // bytes not yet written
        std::map<std::int32_t, std::unique_ptr<Stream>> streams;
        ~Conn()
        {
            if (session)
                nghttp2_session_del(session);
            if (ssl) {
                if (!handshaking && !sslBroken)
                    SSL_shutdown(ssl); // close_notify, best effort (the socket is non-blocking)
                SSL_free(ssl);
            }
            if (fd >= 0)
                ::close(fd);
        }
    };

    LabContext context;
    QString hostName;
    std::uint32_t maxStreams = 100;
    int listenFd = -1;
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> running{false};
    std::promise<void> finished;
    std::future<void> finishedFuture;
    mutable std::mutex mutex; // stats + adopted
    Http2ServerStats stats;
    std::vector<std::pair<int, QByteArray>> adopted; // fd, head + rest
    std::vector<std::unique_ptr<Conn>> conns;
    SSL_CTX *sslCtx = nullptr; // set: every connection is TLS

    ~Impl()
    {
        conns.clear();
        if (sslCtx)
            SSL_CTX_free(sslCtx);
    }

    void tlsFailed(Conn *, const QString &why)
    {
        context.report(hostName, QStringLiteral("http2.refused"), why);
        std::lock_guard lock(mutex);
        ++stats.tlsFailures;
    }

    // ALPN: pick "h2" from the client's list (wire format: length-prefixed names); refuse without it.
    static int selectAlpn(SSL *ssl, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
                          unsigned int inlen, void *)
    {
        for (unsigned int i = 0; i < inlen;) {
            const unsigned int len = in[i];
            if (i + 1 + len > inlen)
                break;
            if (len == 2 && std::memcmp(in + i + 1, "h2", 2) == 0) {
                *out = in + i + 1;
                *outlen = 2;
                return SSL_TLSEXT_ERR_OK;
            }
            i += 1 + len;
        }
        if (auto *c = static_cast<Conn *>(SSL_get_app_data(ssl)); c && !std::exchange(c->alpnRefused, true))
            c->impl->tlsFailed(c, QCoreApplication::translate("Http2Server", "The client offered no \"h2\" in ALPN; "
                                                                             "refused with a no_application_protocol alert."));
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }

    static void keylog(const SSL *ssl, const char *line)
    {
        auto *c = static_cast<Conn *>(SSL_get_app_data(ssl));
        if (!c)
            return;
        const QString l = QString::fromLatin1(line);
        c->impl->context.report(c->impl->hostName, QStringLiteral("tls.keylog"), l.section(QLatin1Char(' '), 0, 0),
                                {{QStringLiteral("line"), l}});
    }

    // A TLS connection became readable (or writable while OpenSSL waited for that): handshake, then SSL_read.
    void readTls(Conn *c)
    {
        c->sslWantWrite = false;
        c->sslPending = false;
        if (c->handshaking) {
            ERR_clear_error();
            const int rv = SSL_do_handshake(c->ssl);
            if (rv != 1) {
                const int err = SSL_get_error(c->ssl, rv);
                if (err == SSL_ERROR_WANT_READ)
                    return;
                if (err == SSL_ERROR_WANT_WRITE) {
                    c->sslWantWrite = true;
                    return;
                }
                // OpenSSL has sent its alert already (no_application_protocol, handshake_failure...).
                const QString why = err == SSL_ERROR_SSL ? opensslError()
                                                         : QCoreApplication::translate("Http2Server", "the connection closed");
                if (!c->alpnRefused) // selectAlpn reported and counted that one
                    tlsFailed(c, QCoreApplication::translate("Http2Server", "TLS handshake failed: %1").arg(why));
                c->sslBroken = true;
                c->closing = true;
                return;
            }
            c->handshaking = false;
            const unsigned char *alpn = nullptr;
            unsigned int alpnLen = 0;
            SSL_get0_alpn_selected(c->ssl, &alpn, &alpnLen);
            if (alpnLen != 2 || std::memcmp(alpn, "h2", 2) != 0) {
                tlsFailed(c, QCoreApplication::translate("Http2Server", "The client offered no ALPN; this server speaks "
                                                                        "only h2 over TLS, so it closed the connection."));
                c->closing = true;
                return;
            }
            {
                std::lock_guard lock(mutex);
                ++stats.tlsHandshakes;
            }
            if (!startSession(c)) {
                fail(c);
                return;
            }
        }
        std::uint8_t buf[16384];
        for (int i = 0; i < 64 && !c->closing; ++i) { // bounded per wake-up; sslPending says when more is buffered
            ERR_clear_error();
            const int n = SSL_read(c->ssl, buf, int(sizeof buf));
            if (n > 0) {
                feedH2(c, buf, std::size_t(n));
                continue;
            }
            const int err = SSL_get_error(c->ssl, n);
            if (err == SSL_ERROR_WANT_READ)
                return;
            if (err == SSL_ERROR_WANT_WRITE) {
                c->sslWantWrite = true;
                return;
            }
            if (err != SSL_ERROR_ZERO_RETURN) // ZERO_RETURN: the client's close_notify
                c->sslBroken = true;
            c->closing = true;
            return;
        }
        c->sslPending = !c->closing && SSL_has_pending(c->ssl);
    }

    void writeTls(Conn *c)
    {
        if (c->handshaking) // the handshake writes through the socket itself
            return;
        while (!c->out.isEmpty() && !c->sslBroken) {
            ERR_clear_error();
            // The same bytes (or more) at the front when retried: out only grows at its end.
            const int n = SSL_write(c->ssl, c->out.constData(), int(std::min<qsizetype>(c->out.size(), 1 << 20)));
            if (n > 0) {
                c->out.remove(0, n);
                continue;
            }
            const int err = SSL_get_error(c->ssl, n);
            if (err == SSL_ERROR_WANT_WRITE) {
                c->sslWantWrite = true;
                return;
            }
            if (err == SSL_ERROR_WANT_READ)
                return;
            c->sslBroken = true;
            c->closing = true;
            c->out.clear();
        }
        if (c->sslBroken)
            c->out.clear();
    }

    static Stream *stream(Conn *c, std::int32_t id)
    {
        auto it = c->streams.find(id);
        return it == c->streams.end() ? nullptr : it->second.get();
    }

    static ssize_t readBody(nghttp2_session *, std::int32_t id, std::uint8_t *buf, std::size_t length,
                            std::uint32_t *dataFlags, nghttp2_data_source *, void *user)
    {
        auto *c = static_cast<Conn *>(user);
        Stream *s = stream(c, id);
        if (!s) {
            *dataFlags |= NGHTTP2_DATA_FLAG_EOF;
            return 0;
        }
        const std::size_t n = std::min<std::size_t>(length, std::size_t(s->body.size() - s->offset));
        std::memcpy(buf, s->body.constData() + s->offset, n);
        s->offset += qsizetype(n);
        if (s->offset >= s->body.size())
            *dataFlags |= NGHTTP2_DATA_FLAG_EOF;
        return ssize_t(n);
    }

    void respond(Conn *c, std::int32_t id, Stream &s, const Resource &r)
    {
        s.responded = true;
        s.body = s.method == "HEAD" ? QByteArray() : r.body;
        const QByteArray status = QByteArray::number(r.status), length = QByteArray::number(r.body.size());
        auto nv = [](const char *n, const QByteArray &v) {
            return nghttp2_nv{reinterpret_cast<std::uint8_t *>(const_cast<char *>(n)),
                              reinterpret_cast<std::uint8_t *>(const_cast<char *>(v.constData())), std::strlen(n),
                              std::size_t(v.size()), NGHTTP2_NV_FLAG_NONE};
        };
        static const QByteArray server = "wirelab-h2";
        const nghttp2_nv hdrs[] = {nv(":status", status), nv("content-type", r.contentType),
                                   nv("content-length", length), nv("server", server)};
        nghttp2_data_provider prd;
        prd.source.ptr = nullptr;
        prd.read_callback = &Impl::readBody;
        nghttp2_submit_response(c->session, id, hdrs, 4, s.method == "HEAD" ? nullptr : &prd);
        std::lock_guard lock(mutex);
        ++stats.streamsServed;
    }

    void requestComplete(Conn *c, std::int32_t id)
    {
        Stream *s = stream(c, id);
        if (!s || s->responded || s->dueMs >= 0)
            return;
        Resource r = resource(s->path, s->authority);
        if (s->method != "GET" && s->method != "HEAD") {
            r.status = 405;
            r.contentType = "text/plain; charset=utf-8";
            r.body = "method not allowed\n";
            r.delayMs = 0;
        }
        if (r.delayMs > 0) {
            s->dueMs = steadyMs() + r.delayMs + 1; // +1: steadyMs() truncates
            s->pending = std::move(r);
            return;
        }
        respond(c, id, *s, r);
    }

    static int onBeginHeaders(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        auto *c = static_cast<Conn *>(user);
        if (frame->hd.type == NGHTTP2_HEADERS && frame->headers.cat == NGHTTP2_HCAT_REQUEST) {
            c->streams[frame->hd.stream_id] = std::make_unique<Stream>();
            std::lock_guard lock(c->impl->mutex);
            c->impl->stats.peakOpenStreams = std::max<std::uint64_t>(c->impl->stats.peakOpenStreams, c->streams.size());
        }
        return 0;
    }
    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const std::uint8_t *name, std::size_t namelen,
                        const std::uint8_t *value, std::size_t valuelen, std::uint8_t, void *user)
    {
        auto *c = static_cast<Conn *>(user);
        Stream *s = stream(c, frame->hd.stream_id);
        if (!s)
            return 0;
        const QByteArray n(reinterpret_cast<const char *>(name), qsizetype(namelen));
        const QByteArray v(reinterpret_cast<const char *>(value), qsizetype(valuelen));
        if (n == ":method")
            s->method = v;
        else if (n == ":path")
            s->path = v;
        else if (n == ":authority" || (n == "host" && s->authority.isEmpty()))
            s->authority = v;
        return 0;
    }
    static int onFrameRecv(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        auto *c = static_cast<Conn *>(user);
        if ((frame->hd.type == NGHTTP2_HEADERS || frame->hd.type == NGHTTP2_DATA)
            && (frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
            c->impl->requestComplete(c, frame->hd.stream_id);
        return 0;
    }
    static int onStreamClose(nghttp2_session *, std::int32_t id, std::uint32_t, void *user)
    {
        static_cast<Conn *>(user)->streams.erase(id);
        return 0;
    }

    bool startSession(Conn *c)
    {
        nghttp2_session_callbacks *cb = nullptr;
        if (nghttp2_session_callbacks_new(&cb) != 0)
            return false;
        nghttp2_session_callbacks_set_on_begin_headers_callback(cb, &Impl::onBeginHeaders);
        nghttp2_session_callbacks_set_on_header_callback(cb, &Impl::onHeader);
        nghttp2_session_callbacks_set_on_frame_recv_callback(cb, &Impl::onFrameRecv);
        nghttp2_session_callbacks_set_on_stream_close_callback(cb, &Impl::onStreamClose);
        const int rv = nghttp2_session_server_new(&c->session, cb, c);
        nghttp2_session_callbacks_del(cb);
        if (rv != 0)
            return false;
        c->h2 = true;
        const nghttp2_settings_entry iv[] = {{NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, maxStreams}};
        nghttp2_submit_settings(c->session, NGHTTP2_FLAG_NONE, iv, 1);
        return true;
    }

    void fail(Conn *c)
    {
        c->closing = true;
        std::lock_guard lock(mutex);
        ++stats.protocolErrors;
    }

    void feedH2(Conn *c, const std::uint8_t *data, std::size_t n)
    {
        const ssize_t rv = nghttp2_session_mem_recv(c->session, data, n);
        if (rv < 0)
            fail(c);
    }

    // Bytes of a connection whose protocol is not known yet: the preface or an HTTP/1.1 request.
    void sniff(Conn *c)
    {
        const std::size_t n = std::min<std::size_t>(std::size_t(c->in.size()), kHttp2PrefaceLength);
        if (std::memcmp(c->in.constData(), kHttp2Preface, n) == 0) {
            if (n < kHttp2PrefaceLength)
                return; // need more
            if (!startSession(c)) {
                fail(c);
                return;
            }
            const QByteArray bytes = std::exchange(c->in, {});
            feedH2(c, reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
            return;
        }
        const qsizetype end = c->in.indexOf("\r\n\r\n");
        if (end < 0) {
            if (std::size_t(c->in.size()) > kMaxHttp1Head)
                c->closing = true;
            return;
        }
        upgrade(c, c->in.left(end + 4), c->in.mid(end + 4));
    }

    void upgrade(Conn *c, const QByteArray &head, const QByteArray &rest)
    {
        c->in.clear();
        Http1Head req;
        const bool ok = parseHttp1Head(head, req);
        const QByteArray settings = req.header("http2-settings");
        if (!ok || !req.header("upgrade").toLower().contains("h2c") || req.header("http2-settings").isNull()) {
            static const QByteArray body = "This server speaks HTTP/2 (h2c) only.\r\n";
            c->out += "HTTP/1.1 505 HTTP Version Not Supported\r\nContent-Type: text/plain\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
            c->closing = true;
            return;
        }
        const QByteArray payload =
            QByteArray::fromBase64(settings, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        c->out += "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n";
        if (!startSession(c)) {
            fail(c);
            return;
        }
        if (nghttp2_session_upgrade2(c->session, reinterpret_cast<const std::uint8_t *>(payload.constData()),
                                     std::size_t(payload.size()), req.method == "HEAD", nullptr)
            != 0) {
            fail(c);
            return;
        }
        {
            std::lock_guard lock(mutex);
            ++stats.connectionsUpgraded;
        }
        auto s = std::make_unique<Stream>();
        s->method = req.method;
        s->path = req.target;
        s->authority = req.header("host");
        c->streams[1] = std::move(s);
        requestComplete(c, 1);
        if (!rest.isEmpty())
            feedH2(c, reinterpret_cast<const std::uint8_t *>(rest.constData()), std::size_t(rest.size()));
    }

    void readFrom(Conn *c)
    {
        if (c->ssl) {
            readTls(c);
            return;
        }
        std::uint8_t buf[32768];
        for (int i = 0; i < 16 && !c->closing; ++i) { // bounded per wake-up
            const ssize_t n = ::read(c->fd, buf, sizeof buf);
            if (n == 0) {
                c->closing = true;
                return;
            }
            if (n < 0) {
                if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                    c->closing = true;
                return;
            }
            if (c->h2) {
                feedH2(c, buf, std::size_t(n));
            } else {
                c->in.append(reinterpret_cast<const char *>(buf), n);
                sniff(c);
            }
        }
    }

    void flush(Conn *c)
    {
        if (c->session && !c->closing) {
            while (std::size_t(c->out.size()) < kMaxOutBuffer) {
                const std::uint8_t *data = nullptr;
                const ssize_t n = nghttp2_session_mem_send(c->session, &data);
                if (n < 0) {
                    fail(c);
                    break;
                }
                if (n == 0)
                    break;
                c->out.append(reinterpret_cast<const char *>(data), n);
            }
        }
        if (c->ssl) {
            writeTls(c);
            return;
        }
        while (!c->out.isEmpty()) {
            const ssize_t n = ::send(c->fd, c->out.constData(), std::size_t(c->out.size()), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                    c->out.clear();
                    c->closing = true;
                }
                break;
            }
            c->out.remove(0, n);
        }
    }

    bool finished_(Conn *c) const
    {
        if (c->closing)
            return c->out.isEmpty();
        if (c->session)
            return !nghttp2_session_want_read(c->session) && !nghttp2_session_want_write(c->session) && c->out.isEmpty();
        return false;
    }

    void addConn(int fd, const QByteArray &head, const QByteArray &rest, bool fromUpgrade)
    {
        setNonBlocking(fd);
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        auto c = std::make_unique<Conn>();
        c->impl = this;
        c->fd = fd;
        {
            std::lock_guard lock(mutex);
            ++stats.connectionsAccepted;
        }
        if (fromUpgrade) {
            upgrade(c.get(), head, rest);
        } else if (sslCtx) {
            c->ssl = SSL_new(sslCtx);
            if (!c->ssl || SSL_set_fd(c->ssl, fd) != 1) {
                tlsFailed(c.get(), QCoreApplication::translate("Http2Server", "Could not set up TLS: %1").arg(opensslError()));
                return; // c closes fd
            }
            SSL_set_app_data(c->ssl, c.get());
            SSL_set_accept_state(c->ssl);
            c->handshaking = true;
        }
        conns.push_back(std::move(c));
    }

    void loop(LabHost &host)
    {
        // OpenSSL writes to the socket with write(): a client that already left would raise SIGPIPE and kill
        // the process.
        const ScopedSigpipeBlock noSigpipe;
        while (!stopRequested.load() && !host.stopping()) {
            std::vector<std::pair<int, QByteArray>> take;
            {
                std::lock_guard lock(mutex);
                take.swap(adopted);
            }
            for (auto &[fd, bytes] : take) {
                const qsizetype end = bytes.indexOf("\r\n\r\n");
                addConn(fd, end < 0 ? bytes : bytes.left(end + 4), end < 0 ? QByteArray() : bytes.mid(end + 4), true);
            }
            // Slow streams that are due
            std::int64_t nextDue = -1;
            const std::int64_t now = steadyMs();
            bool pending = false;
            for (auto &c : conns) {
                if (c->sslPending && !c->closing)
                    readFrom(c.get());
                pending = pending || c->sslPending;
                for (auto &[id, s] : c->streams) {
                    if (s->dueMs < 0 || s->responded)
                        continue;
                    if (s->dueMs <= now)
                        respond(c.get(), id, *s, s->pending);
                    else if (nextDue < 0 || s->dueMs < nextDue)
                        nextDue = s->dueMs;
                }
                flush(c.get());
            }
            std::erase_if(conns, [this](const std::unique_ptr<Conn> &c) { return finished_(c.get()); });

            std::vector<pollfd> fds;
            fds.push_back({listenFd, POLLIN, 0});
            for (auto &c : conns) {
                short ev = c->closing ? 0 : POLLIN;
                if (!c->out.isEmpty() || c->sslWantWrite)
                    ev |= POLLOUT;
                fds.push_back({c->fd, ev, 0});
            }
            int timeout = 20;
            if (nextDue >= 0)
                timeout = int(std::clamp<std::int64_t>(nextDue - now, 0, 20));
            if (pending)
                timeout = 0;
            const int n = ::poll(fds.data(), nfds_t(fds.size()), timeout);
            if (n <= 0)
                continue;
            if (fds[0].revents & POLLIN) {
                for (int i = 0; i < 64 && int(conns.size()) < kMaxConnections; ++i) {
                    const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
                    if (fd < 0)
                        break;
                    addConn(fd, {}, {}, false);
                }
            }
            for (std::size_t i = 1; i < fds.size() && i - 1 < conns.size(); ++i) {
                Conn *c = conns[i - 1].get();
                if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR))
                    || (c->ssl && c->sslWantWrite && (fds[i].revents & POLLOUT)))
                    readFrom(c);
                if (fds[i].revents & (POLLERR | POLLNVAL))
                    c->closing = true, c->out.clear();
                flush(c);
            }
        }
        conns.clear();
        std::vector<std::pair<int, QByteArray>> left;
        {
            std::lock_guard lock(mutex);
            left.swap(adopted);
        }
        for (auto &[fd, bytes] : left)
            ::close(fd);
    }
};

Http2Server::Http2Server(const LabContext &context, QString hostName) : m_impl(std::make_unique<Impl>())
{
    m_impl->context = context;
    m_impl->hostName = std::move(hostName);
}

Http2Server::~Http2Server()
{
    stop();
}

void Http2Server::setMaxConcurrentStreams(std::uint32_t n)
{
    m_impl->maxStreams = n;
}

bool Http2Server::setTls(const QByteArray &certificateChainPem, const QByteArray &privateKeyPem, QString *error)
{
    auto failWith = [error](SSL_CTX *ctx, const QString &what) {
        if (error)
            *error = what;
        if (ctx)
            SSL_CTX_free(ctx);
        return false;
    };
    if (m_impl->running.load())
        return failWith(nullptr, QCoreApplication::translate("Http2Server", "TLS must be set before the server starts."));
    ERR_clear_error();
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx)
        return failWith(nullptr, opensslError());
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    BIO *bio = BIO_new_mem_buf(certificateChainPem.constData(), int(certificateChainPem.size()));
    X509 *leaf = bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr;
    if (!leaf || SSL_CTX_use_certificate(ctx, leaf) != 1) {
        if (leaf)
            X509_free(leaf);
        BIO_free(bio);
        return failWith(ctx, QCoreApplication::translate("Http2Server", "The server certificate is not a PEM certificate: %1")
                                 .arg(opensslError()));
    }
    X509_free(leaf);
    while (X509 *extra = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr))
        SSL_CTX_add_extra_chain_cert(ctx, extra); // takes it
    ERR_clear_error();                            // the end of the PEM data
    BIO_free(bio);
    bio = BIO_new_mem_buf(privateKeyPem.constData(), int(privateKeyPem.size()));
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    if (!key || SSL_CTX_use_PrivateKey(ctx, key) != 1 || SSL_CTX_check_private_key(ctx) != 1) {
        if (key)
            EVP_PKEY_free(key);
        return failWith(ctx, QCoreApplication::translate("Http2Server", "The private key is not PEM or does not match the "
                                                                        "certificate: %1")
                                 .arg(opensslError()));
    }
    EVP_PKEY_free(key);
    SSL_CTX_set_alpn_select_cb(ctx, &Impl::selectAlpn, nullptr);
    SSL_CTX_set_keylog_callback(ctx, &Impl::keylog);
    if (m_impl->sslCtx)
        SSL_CTX_free(m_impl->sslCtx);
    m_impl->sslCtx = ctx;
    return true;
}

bool Http2Server::isTls() const
{
    return m_impl->sslCtx != nullptr;
}

bool Http2Server::listen(const QHostAddress &address, std::uint16_t port, QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    QString err;
    int fd = m_impl->context.openSocket
                 ? m_impl->context.openSocket(m_impl->hostName, v6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0, &err)
                 : ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        if (error)
            *error = err.isEmpty() ? QString::fromLocal8Bit(std::strerror(errno)) : err;
        return false;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (v6) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&a->sin6_addr, &ip, 16);
        len = sizeof *a;
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&ss);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(address.toIPv4Address());
        len = sizeof *a;
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0 || ::listen(fd, 128) != 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return false;
    }
    setNonBlocking(fd);
    len = sizeof ss;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len);
    m_port = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port : reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
    m_impl->listenFd = fd;
    return true;
}

bool Http2Server::start(LabHost &host)
{
    if (m_impl->listenFd < 0 || m_impl->running.load())
        return false;
    m_impl->stopRequested = false;
    m_impl->finished = std::promise<void>();
    m_impl->finishedFuture = m_impl->finished.get_future();
    m_impl->running = true;
    Impl *impl = m_impl.get();
    LabHost *h = &host;
    if (!host.post([impl, h] {
            impl->loop(*h);
            impl->finished.set_value();
        })) {
        m_impl->running = false;
        return false;
    }
    return true;
}

void Http2Server::stop()
{
    if (!m_impl)
        return;
    m_impl->stopRequested = true;
    if (m_impl->running.exchange(false) && m_impl->finishedFuture.valid())
        m_impl->finishedFuture.wait_for(std::chrono::seconds(2));
    if (m_impl->listenFd >= 0) {
        ::close(m_impl->listenFd);
        m_impl->listenFd = -1;
    }
}

void Http2Server::adoptUpgraded(int fd, const QByteArray &requestHead, const QByteArray &rest)
{
    if (fd < 0)
        return;
    if (!m_impl->running.load() || m_impl->stopRequested.load()) {
        ::close(fd);
        return;
    }
    std::lock_guard lock(m_impl->mutex);
    m_impl->adopted.emplace_back(fd, requestHead + rest);
}

Http2ServerStats Http2Server::stats() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->stats;
}

} // namespace wirelab
