// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsendpoint.h"

#include "lab/labhost.h"

#include <QCoreApplication>

#include <openssl/err.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <initializer_list>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace wirelab {

namespace {

using Clock = std::chrono::steady_clock;

constexpr qsizetype kMaxRecorded = 1 << 20;            // plaintext kept per connection for the lab and tests
constexpr qint64 kMaxBulkBytes = qint64(256) << 20;    // GET /bytes?n=N
constexpr qsizetype kMaxRequestHead = 16384;
constexpr int kMaxConnections = 512;

QString opensslErrors()
{
    QStringList parts;
    while (const unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        parts << QString::fromLatin1(buf);
    }
    return parts.join(QStringLiteral("; "));
}

void appendCapped(QByteArray &to, const char *data, qsizetype len)
{
    if (to.size() < kMaxRecorded)
        to.append(data, std::min(len, kMaxRecorded - to.size()));
}

// Per connection: who reports, and what the callbacks saw. Hung on the SSL with SSL_set_app_data.
struct Trace
{
    const LabContext *context = nullptr;
    QString host;
    std::uint16_t localPort = 0;
    std::uint16_t peerPort = 0;
    QString alertSent, alertReceived;
    SslSessionPtr newestSession; // client: the last ticket the server gave

    void report(const QString &kind, const QString &text, QVariantMap data) const
    {
        if (!context || !context->events)
            return;
        data.insert(QStringLiteral("localPort"), localPort);
        data.insert(QStringLiteral("peerPort"), peerPort);
        context->report(host, kind, text, data);
    }
};

QString handshakeTypeName(int type)
{
    switch (type) {
    case 0: return QStringLiteral("HelloRequest");
    case 1: return QStringLiteral("ClientHello");
    case 2: return QStringLiteral("ServerHello");
    case 4: return QStringLiteral("NewSessionTicket");
    case 5: return QStringLiteral("EndOfEarlyData");
    case 8: return QStringLiteral("EncryptedExtensions");
    case 11: return QStringLiteral("Certificate");
    case 12: return QStringLiteral("ServerKeyExchange");
    case 13: return QStringLiteral("CertificateRequest");
    case 14: return QStringLiteral("ServerHelloDone");
    case 15: return QStringLiteral("CertificateVerify");
    case 16: return QStringLiteral("ClientKeyExchange");
    case 20: return QStringLiteral("Finished");
    case 24: return QStringLiteral("KeyUpdate");
    case 254: return QStringLiteral("message_hash");
    default: return QStringLiteral("handshake type %1").arg(type);
    }
}

void msgCallback(int writeP, int version, int contentType, const void *buf, size_t len, SSL *ssl, void *)
{
    auto *trace = static_cast<Trace *>(SSL_get_app_data(ssl));
    if (!trace)
        return;
    const auto *p = static_cast<const unsigned char *>(buf);
    const QString dir = writeP ? QStringLiteral("sent") : QStringLiteral("received");
    if (contentType == SSL3_RT_HEADER) {
        if (len < 5 || !trace->context || !trace->context->events)
            return;
        QVariantMap d{{QStringLiteral("dir"), dir},
                      {QStringLiteral("contentType"), int(p[0])},
                      {QStringLiteral("version"), int(p[1]) << 8 | p[2]},
                      {QStringLiteral("length"), int(p[3]) << 8 | p[4]}};
        trace->report(QStringLiteral("tls.record"),
                      (writeP ? QCoreApplication::translate("TlsEndpoint", "record %1, %2 bytes sent")
                              : QCoreApplication::translate("TlsEndpoint", "record %1, %2 bytes received"))
                          .arg(int(p[0]))
                          .arg(int(p[3]) << 8 | p[4]),
                      d);
        // OpenSSL 3.0 reports a sent ChangeCipherSpec as a message but a received one only as a record
        // header: report it as a message here so both sides' ladders show it.
        if (!writeP && p[0] == SSL3_RT_CHANGE_CIPHER_SPEC && (int(p[3]) << 8 | p[4]) == 1) {
            d.insert(QStringLiteral("version"), SSL_version(ssl));
            trace->report(QStringLiteral("tls.message"),
                          QCoreApplication::translate("TlsEndpoint", "%1 received (%2 bytes)")
                              .arg(QStringLiteral("ChangeCipherSpec"))
                              .arg(1),
                          d);
        }
        return;
    }
    if (contentType != SSL3_RT_CHANGE_CIPHER_SPEC && contentType != SSL3_RT_ALERT && contentType != SSL3_RT_HANDSHAKE
        && contentType != SSL3_RT_APPLICATION_DATA)
        return; // SSL3_RT_INNER_CONTENT_TYPE and friends: not messages
    if (contentType == SSL3_RT_ALERT && len >= 2) {
        const QString text = QString::fromLatin1(SSL_alert_desc_string_long(p[1]));
        if (p[1] != SSL_AD_CLOSE_NOTIFY) // the end of every connection, not a problem
            (writeP ? trace->alertSent : trace->alertReceived) = text;
        trace->report(QStringLiteral("tls.alert"),
                      writeP ? QCoreApplication::translate("TlsEndpoint", "alert sent: %1").arg(text)
                             : QCoreApplication::translate("TlsEndpoint", "alert received: %1").arg(text),
                      {{QStringLiteral("dir"), dir},
                       {QStringLiteral("level"), int(p[0])},
                       {QStringLiteral("description"), int(p[1])},
                       {QStringLiteral("text"), text}});
    }
    if (!trace->context || !trace->context->events)
        return;
    QVariantMap d{{QStringLiteral("dir"), dir},
                  {QStringLiteral("contentType"), contentType},
                  {QStringLiteral("length"), qulonglong(len)},
                  {QStringLiteral("version"), version}};
    QString what;
    switch (contentType) {
    case SSL3_RT_CHANGE_CIPHER_SPEC: what = QStringLiteral("ChangeCipherSpec"); break;
    case SSL3_RT_ALERT: what = QStringLiteral("Alert"); break;
    case SSL3_RT_APPLICATION_DATA: what = QStringLiteral("ApplicationData"); break;
    default:
        if (len >= 1) {
            d.insert(QStringLiteral("handshakeType"), int(p[0]));
            what = handshakeTypeName(p[0]);
        } else {
            what = QStringLiteral("Handshake");
        }
    }
    trace->report(QStringLiteral("tls.message"),
                  (writeP ? QCoreApplication::translate("TlsEndpoint", "%1 sent (%2 bytes)")
                          : QCoreApplication::translate("TlsEndpoint", "%1 received (%2 bytes)"))
                      .arg(what)
                      .arg(qulonglong(len)),
                  d);
}

void keylogCallback(const SSL *ssl, const char *line)
{
    auto *trace = static_cast<Trace *>(SSL_get_app_data(ssl));
    if (!trace)
        return;
    const QString l = QString::fromLatin1(line);
    trace->report(QStringLiteral("tls.keylog"), l.section(QLatin1Char(' '), 0, 0),
                  {{QStringLiteral("line"), l}});
}

// Deterministic mode: TlsDeterministicRand (tlsca.h), restarted per connection with the stream of
// (role, connection number).
using DeterministicRand = TlsDeterministicRand;

int protoVersion(TlsVersion v)
{
    return v == TlsVersion::Tls12 ? TLS1_2_VERSION : TLS1_3_VERSION;
}

bool configureCommon(SSL_CTX *ctx, const TlsCommonOptions &o, bool traced, QString *error)
{
    if (protoVersion(o.minVersion) > protoVersion(o.maxVersion)) {
        *error = QCoreApplication::translate("TlsEndpoint", "The lowest TLS version is above the highest.");
        return false;
    }
    SSL_CTX_set_min_proto_version(ctx, protoVersion(o.minVersion));
    SSL_CTX_set_max_proto_version(ctx, protoVersion(o.maxVersion));
    if (!o.cipherList.isEmpty() && SSL_CTX_set_cipher_list(ctx, o.cipherList.toLatin1().constData()) != 1) {
        *error = QCoreApplication::translate("TlsEndpoint", "OpenSSL knows no TLS 1.2 cipher in \"%1\".").arg(o.cipherList);
        ERR_clear_error();
        return false;
    }
    if (!o.cipherSuites.isEmpty() && SSL_CTX_set_ciphersuites(ctx, o.cipherSuites.toLatin1().constData()) != 1) {
        *error = QCoreApplication::translate("TlsEndpoint", "OpenSSL knows no TLS 1.3 cipher suite in \"%1\".").arg(o.cipherSuites);
        ERR_clear_error();
        return false;
    }
    if (!o.groups.isEmpty() && SSL_CTX_set1_groups_list(ctx, o.groups.toLatin1().constData()) != 1) {
        *error = QCoreApplication::translate("TlsEndpoint", "OpenSSL knows no key exchange group in \"%1\".").arg(o.groups);
        ERR_clear_error();
        return false;
    }
    if (!o.sessionTickets)
        SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (traced) {
        SSL_CTX_set_msg_callback(ctx, msgCallback);
        SSL_CTX_set_keylog_callback(ctx, keylogCallback);
    }
    return true;
}

QByteArray alpnWire(const QStringList &protocols, QString *error)
{
    QByteArray wire;
    for (const QString &p : protocols) {
        const QByteArray b = p.toLatin1();
        if (b.isEmpty() || b.size() > 255) {
            *error = QCoreApplication::translate("TlsEndpoint", "\"%1\" is not an ALPN protocol name.").arg(p);
            return {};
        }
        wire.append(char(b.size())).append(b);
    }
    return wire;
}

QString groupName(SSL *ssl)
{
    const int nid = SSL_get_negotiated_group(ssl);
    if (nid <= 0)
        return {};
    if (const char *name = SSL_group_to_name(ssl, nid))
        return QString::fromLatin1(name);
    if (const char *sn = OBJ_nid2sn(nid))
        return QString::fromLatin1(sn);
    return QStringLiteral("group %1").arg(nid);
}

QString alpnSelected(SSL *ssl)
{
    const unsigned char *data = nullptr;
    unsigned int len = 0;
    SSL_get0_alpn_selected(ssl, &data, &len);
    return len ? QString::fromLatin1(reinterpret_cast<const char *>(data), int(len)) : QString();
}

QString earlyDataStatus(SSL *ssl)
{
    switch (SSL_get_early_data_status(ssl)) {
    case SSL_EARLY_DATA_ACCEPTED: return QStringLiteral("accepted");
    case SSL_EARLY_DATA_REJECTED: return QStringLiteral("rejected");
    default: return QStringLiteral("none");
    }
}

std::uint16_t localPortOf(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0)
        return 0;
    return ss.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port)
                                    : ntohs(reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
}

std::uint16_t peerPortOf(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0)
        return 0;
    return ss.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port)
                                    : ntohs(reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
}

bool isHttpMethodPrefix(const QByteArray &in, bool *complete)
{
    static const char *const methods[] = {"GET ", "HEAD ", "POST ", "PUT ", "DELETE ", "OPTIONS "};
    for (const char *m : methods) {
        const qsizetype ml = qsizetype(std::strlen(m));
        const qsizetype n = std::min(ml, in.size());
        if (std::memcmp(in.constData(), m, size_t(n)) == 0) {
            *complete = in.size() >= ml;
            return true;
        }
    }
    *complete = false;
    return false;
}

qint64 nowNs(const LabContext &context)
{
    return context.clock ? qint64(context.clock->nowNs()) : 0;
}

// Opens a TCP socket for host and connects it (non-blocking) to address:port within the deadline.
int connectTcp(const LabContext &context, const QString &hostName, const QHostAddress &address, std::uint16_t port,
               Clock::time_point deadline, const LabHost *host, QString *error)
{
    QHostAddress to = address;
    std::uint16_t toPort = port;
    if (context.serverRoute)
        std::tie(to, toPort) = context.serverRoute(SOCK_STREAM, port);
    const bool v6 = to.protocol() == QAbstractSocket::IPv6Protocol;
    QString why;
    const int fd = context.openSocket ? context.openSocket(hostName, v6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0, &why)
                                      : ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QCoreApplication::translate("TlsEndpoint", "Cannot open the client socket: %1")
                     .arg(why.isEmpty() ? QString::fromLocal8Bit(std::strerror(errno)) : why);
        return -1;
    }
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
    if (::connect(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0 && errno != EINPROGRESS) {
        *error = QCoreApplication::translate("TlsEndpoint", "Cannot connect to %1:%2: %3").arg(to.toString()).arg(toPort).arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return -1;
    }
    for (;;) {
        const int left = int(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
        if (left <= 0 || (host && host->stopping())) {
            *error = QCoreApplication::translate("TlsEndpoint", "The connection to %1:%2 timed out.").arg(to.toString()).arg(toPort);
            ::close(fd);
            return -1;
        }
        int rev = 0;
        if (host) {
            rev = host->waitFor(fd, POLLOUT, std::min(left, 200));
        } else {
            pollfd p{fd, POLLOUT, 0};
            if (::poll(&p, 1, std::min(left, 200)) > 0)
                rev = p.revents;
        }
        if (rev) {
            int err = 0;
            socklen_t el = sizeof err;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el);
            if (err != 0) {
                *error = QCoreApplication::translate("TlsEndpoint", "Cannot connect to %1:%2: %3").arg(to.toString()).arg(toPort).arg(QString::fromLocal8Bit(std::strerror(err)));
                ::close(fd);
                return -1;
            }
            return fd;
        }
    }
}

int waitFd(const LabHost *host, int fd, short events, int ms)
{
    if (host)
        return host->waitFor(fd, events, ms);
    pollfd p{fd, events, 0};
    return ::poll(&p, 1, ms) > 0 ? p.revents : 0;
}

} // namespace

QString tlsVersionName(TlsVersion v)
{
    return v == TlsVersion::Tls12 ? QStringLiteral("TLS 1.2") : QStringLiteral("TLS 1.3");
}

SslSessionPtr adoptSslSession(SSL_SESSION *session)
{
    return SslSessionPtr(session, [](SSL_SESSION *s) { SSL_SESSION_free(s); });
}

// ---------------------------------------------------------------------------------------------------------
// Server

namespace {

struct ServerCtx
{
    std::unique_ptr<DeterministicRand> deterministic; // outlives ctx (freed in the destructor's body)
    QByteArray deterministicLabel;                    // the stream's label ("server" or the options' name)
    std::uint64_t deterministicNext = 0;              // the next accepted connection's stream index
    SSL_CTX *ctx = nullptr;
    QByteArray alpn;
    std::uint32_t maxEarlyData = 0;
    int idleTimeoutMs = 10000;
    ~ServerCtx() { SSL_CTX_free(ctx); }
};

int alpnSelect(SSL *, const unsigned char **out, unsigned char *outlen, const unsigned char *in, unsigned int inlen,
               void *arg)
{
    const auto *sc = static_cast<const ServerCtx *>(arg);
    unsigned char *selected = nullptr;
    if (SSL_select_next_proto(&selected, outlen, reinterpret_cast<const unsigned char *>(sc->alpn.constData()),
                              unsigned(sc->alpn.size()), in, inlen)
        != OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_NOACK;
    *out = selected;
    return SSL_TLSEXT_ERR_OK;
}

enum class Phase { EarlyData, Handshake, App, Closing, Done };

struct ServerConn
{
    int fd = -1;
    SSL *ssl = nullptr;
    std::shared_ptr<ServerCtx> sc;
    std::unique_ptr<Trace> trace;
    Phase phase = Phase::Handshake;
    TlsServerConnection info;
    QByteArray in;       // unanswered request bytes
    QByteArray out;      // plaintext waiting for SSL_write, from outPos on
    qsizetype outPos = 0;
    std::uint64_t bytesSent = 0; // added to the server's stats when the connection ends
    qint64 bulkLeft = 0; // /bytes?n=N still to generate
    int mode = 0;        // 0 undecided, 1 HTTP, 2 echo
    bool responded = false;
    bool closeAfterWrite = false;
    bool wantWrite = false;
    Clock::time_point lastActivity;
};

} // namespace

struct TlsServer::Impl
{
    LabContext context;
    QString hostName;
    int listenFd = -1;
    LabHostLoop serving;
    std::mutex ctxMutex;
    std::shared_ptr<ServerCtx> sc;
    mutable std::mutex mutex; // connections and stats
    std::vector<TlsServerConnection> records;
    TlsServerStats stats;
    std::atomic<bool> keep{true};
    std::vector<std::unique_ptr<ServerConn>> conns;

    void loop(const LabHost &host);
    void acceptAll();
    void drive(ServerConn &c);
    void fail(ServerConn &c, const QString &why);
    void handshakeDone(ServerConn &c);
    void handleInput(ServerConn &c);
    bool flushOut(ServerConn &c); // false: blocked or failed
    void finish(ServerConn &c);
    void closeAll();
};

TlsServer::TlsServer(const LabContext &context, QString hostName) : m_impl(std::make_unique<Impl>())
{
    m_impl->context = context;
    m_impl->hostName = std::move(hostName);
}

TlsServer::~TlsServer()
{
    stop();
}

bool TlsServer::configure(const TlsServerOptions &o, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (o.identity.isNull()) {
        *error = QCoreApplication::translate("TlsEndpoint", "The TLS server has no certificate: issue one with the lab's certificate authority first.");
        return false;
    }
    auto sc = std::make_shared<ServerCtx>();
    if (o.deterministic) {
        sc->deterministic = std::make_unique<DeterministicRand>();
        if (!sc->deterministic->init(error))
            return false;
        sc->deterministicLabel = o.deterministicName.isEmpty() ? QByteArray("server") : o.deterministicName.toUtf8();
        // SSL_CTX_new draws the ticket keys: from a stream of the server's own, not a connection's.
        if (!sc->deterministic->restart(sc->deterministicLabel + ":context", 0)) {
            *error = QCoreApplication::translate("TlsEndpoint", "OpenSSL cannot set up the deterministic mode: %1").arg(opensslErrors());
            return false;
        }
    }
    sc->ctx = SSL_CTX_new_ex(sc->deterministic ? sc->deterministic->libctx() : nullptr, nullptr, TLS_server_method());
    if (!sc->ctx) {
        *error = QCoreApplication::translate("TlsEndpoint", "OpenSSL cannot make a server context: %1").arg(opensslErrors());
        return false;
    }
    SSL_CTX *ctx = sc->ctx;
    if (!configureCommon(ctx, o, m_impl->context.events != nullptr, error))
        return false;
    if (SSL_CTX_use_certificate(ctx, o.identity.leaf.get()) != 1
        || SSL_CTX_use_PrivateKey(ctx, o.identity.key.get()) != 1 || SSL_CTX_check_private_key(ctx) != 1) {
        *error = QCoreApplication::translate("TlsEndpoint", "The server certificate and key do not fit together: %1").arg(opensslErrors());
        return false;
    }
    for (const X509Ptr &c : o.identity.sentChain()) {
        if (SSL_CTX_add1_chain_cert(ctx, c.get()) != 1) {
            *error = QCoreApplication::translate("TlsEndpoint", "Cannot add an intermediate certificate: %1").arg(opensslErrors());
            return false;
        }
    }
    static const unsigned char sidCtx[] = "wirelab-tls-lab";
    SSL_CTX_set_session_id_context(ctx, sidCtx, sizeof sidCtx - 1);
    SSL_CTX_set_num_tickets(ctx, size_t(std::max(0, o.ticketCount)));
    if (o.maxEarlyData > 0) {
        SSL_CTX_set_max_early_data(ctx, o.maxEarlyData);
        SSL_CTX_set_recv_max_early_data(ctx, o.maxEarlyData);
    } else {
        SSL_CTX_set_max_early_data(ctx, 0);
    }
    if (!o.antiReplay)
        SSL_CTX_set_options(ctx, SSL_OP_NO_ANTI_REPLAY);
    if (!o.alpn.isEmpty()) {
        sc->alpn = alpnWire(o.alpn, error);
        if (sc->alpn.isEmpty())
            return false;
        SSL_CTX_set_alpn_select_cb(ctx, alpnSelect, sc.get());
    }
    sc->maxEarlyData = o.maxEarlyData;
    sc->idleTimeoutMs = std::max(100, o.idleTimeoutMs);
    std::lock_guard lock(m_impl->ctxMutex);
    m_impl->sc = std::move(sc);
    return true;
}

bool TlsServer::listen(const QHostAddress &address, std::uint16_t port, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    bool ok = false;
    const std::uint32_t ip = address.toIPv4Address(&ok);
    if (!ok) {
        *error = QCoreApplication::translate("TlsEndpoint", "The TLS server needs an IPv4 address.");
        return false;
    }
    QString why;
    const int fd = m_impl->context.openSocket ? m_impl->context.openSocket(m_impl->hostName, AF_INET, SOCK_STREAM, 0, &why)
                                              : ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QCoreApplication::translate("TlsEndpoint", "Cannot open the server socket: %1")
                     .arg(why.isEmpty() ? QString::fromLocal8Bit(std::strerror(errno)) : why);
        return false;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(ip);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0 || ::listen(fd, 128) != 0) {
        *error = QCoreApplication::translate("TlsEndpoint", "Cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return false;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    m_impl->listenFd = fd;
    m_port = localPortOf(fd);
    return true;
}

bool TlsServer::start(LabHost &host)
{
    if (m_impl->listenFd < 0 || m_impl->serving.running())
        return false;
    {
        std::lock_guard lock(m_impl->ctxMutex);
        if (!m_impl->sc)
            return false;
    }
    Impl *impl = m_impl.get();
    m_impl->serving.start(host, [impl](const LabHost &h) { impl->loop(h); });
    return true;
}

void TlsServer::stop()
{
    if (!m_impl->serving.stop())
        return; // still running (should not happen): leave the sockets to it
    m_impl->closeAll();
}

void TlsServer::setKeepConnections(bool keep)
{
    m_impl->keep = keep;
}

std::vector<TlsServerConnection> TlsServer::connections() const
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<TlsServerConnection> out = m_impl->records;
    return out;
}

void TlsServer::clearConnections()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->records.clear();
}

TlsServerStats TlsServer::stats() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->stats;
}

void TlsServer::Impl::closeAll()
{
    for (auto &c : conns) {
        if (c->ssl)
            SSL_free(c->ssl);
        if (c->fd >= 0)
            ::close(c->fd);
    }
    conns.clear();
    if (listenFd >= 0) {
        ::close(listenFd);
        listenFd = -1;
    }
}

void TlsServer::Impl::loop(const LabHost &host)
{
    // OpenSSL writes to the socket with write(): a client that already left (s_time closes right after
    // its handshake, before the tickets) would raise SIGPIPE and kill the process.
    const ScopedSigpipeBlock noSigpipe;
    std::vector<pollfd> pfds;
    while (!serving.stopRequested() && !host.stopping()) {
        pfds.clear();
        pfds.push_back({listenFd, POLLIN, 0});
        for (auto &c : conns)
            pfds.push_back({c->fd, short(POLLIN | (c->wantWrite ? POLLOUT : 0)), 0});
        const int n = ::poll(pfds.data(), nfds_t(pfds.size()), 20);
        if (n < 0 && errno != EINTR)
            break;
        if (pfds[0].revents & POLLIN)
            acceptAll();
        const auto now = Clock::now();
        for (std::size_t i = 0; i < conns.size(); ++i) {
            ServerConn &c = *conns[i];
            if (i + 1 < pfds.size() && pfds[i + 1].revents) {
                c.lastActivity = now;
                drive(c);
            } else if (now - c.lastActivity > std::chrono::milliseconds(c.sc->idleTimeoutMs)) {
                fail(c, QCoreApplication::translate("TlsEndpoint", "The connection was idle too long and was closed."));
            }
        }
        for (std::size_t i = 0; i < conns.size();) {
            if (conns[i]->phase == Phase::Done) {
                SSL_free(conns[i]->ssl);
                ::close(conns[i]->fd);
                conns.erase(conns.begin() + std::ptrdiff_t(i));
            } else {
                ++i;
            }
        }
    }
}

void TlsServer::Impl::acceptAll()
{
    std::shared_ptr<ServerCtx> current;
    {
        std::lock_guard lock(ctxMutex);
        current = sc;
    }
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
        auto c = std::make_unique<ServerConn>();
        c->fd = fd;
        c->sc = current;
        c->trace = std::make_unique<Trace>();
        c->trace->context = &context;
        c->trace->host = hostName;
        c->trace->localPort = localPortOf(fd);
        c->trace->peerPort = peerPortOf(fd);
        // Accepted connection N starts stream (name, N): the same on every machine, another for each connection.
        if (current->deterministic)
            current->deterministic->restart(current->deterministicLabel, current->deterministicNext++);
        c->ssl = SSL_new(current->ctx);
        if (!c->ssl) {
            ::close(fd);
            continue;
        }
        SSL_set_app_data(c->ssl, c->trace.get());
        SSL_set_fd(c->ssl, fd);
        SSL_set_accept_state(c->ssl);
        c->phase = current->maxEarlyData > 0 ? Phase::EarlyData : Phase::Handshake;
        c->info.peerPort = c->trace->peerPort;
        c->info.acceptedNs = nowNs(context);
        c->lastActivity = Clock::now();
        if (context.watchSocket)
            context.watchSocket(hostName, fd, QStringLiteral("tls server"));
        {
            std::lock_guard lock(mutex);
            ++stats.connectionsAccepted;
        }
        ServerConn &ref = *c;
        conns.push_back(std::move(c));
        drive(ref);
    }
}

void TlsServer::Impl::finish(ServerConn &c)
{
    if (c.phase == Phase::Done)
        return;
    c.phase = Phase::Done;
    c.info.closed = true;
    c.info.closedNs = nowNs(context);
    c.info.alertSent = c.trace->alertSent;
    c.info.alertReceived = c.trace->alertReceived;
    std::lock_guard lock(mutex);
    stats.bytesSent += c.bytesSent;
    if (keep) {
        if (records.size() >= 4096) // a lab makes a few dozen; a runaway client must not grow this forever
            records.erase(records.begin());
        records.push_back(c.info);
    }
}

void TlsServer::Impl::fail(ServerConn &c, const QString &why)
{
    if (c.phase == Phase::Done)
        return;
    const bool inHandshake = c.phase == Phase::EarlyData || c.phase == Phase::Handshake;
    if (c.info.error.isEmpty())
        c.info.error = why;
    if (inHandshake) {
        c.info.earlyData = earlyDataStatus(c.ssl);
        {
            std::lock_guard lock(mutex);
            ++stats.handshakesFailed;
            if (c.info.earlyData == QLatin1String("rejected"))
                ++stats.earlyDataRejected;
            else if (c.info.earlyData == QLatin1String("accepted"))
                ++stats.earlyDataAccepted;
        }
        c.trace->report(QStringLiteral("tls.handshake"), QCoreApplication::translate("TlsEndpoint", "server handshake failed: %1").arg(why),
                        {{QStringLiteral("ok"), false},
                         {QStringLiteral("error"), why},
                         {QStringLiteral("earlyData"), c.info.earlyData},
                         {QStringLiteral("alertSent"), c.trace->alertSent},
                         {QStringLiteral("alertReceived"), c.trace->alertReceived}});
    }
    finish(c);
}

void TlsServer::Impl::handshakeDone(ServerConn &c)
{
    SSL *ssl = c.ssl;
    TlsServerConnection &i = c.info;
    i.handshakeOk = true;
    i.handshakeDoneNs = nowNs(context);
    i.version = QString::fromLatin1(SSL_get_version(ssl));
    i.cipher = QString::fromLatin1(SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)));
    i.group = groupName(ssl);
    i.alpn = alpnSelected(ssl);
    if (const char *sni = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name))
        i.sni = QString::fromLatin1(sni);
    i.resumed = SSL_session_reused(ssl) == 1;
    i.earlyData = earlyDataStatus(ssl);
    {
        std::lock_guard lock(mutex);
        ++stats.handshakesCompleted;
        if (i.resumed)
            ++stats.resumed;
        if (i.earlyData == QLatin1String("accepted"))
            ++stats.earlyDataAccepted;
        else if (i.earlyData == QLatin1String("rejected"))
            ++stats.earlyDataRejected;
    }
    c.trace->report(QStringLiteral("tls.handshake"),
                    QCoreApplication::translate("TlsEndpoint", "server handshake done: %1, %2").arg(i.version, i.cipher),
                    {{QStringLiteral("ok"), true},
                     {QStringLiteral("version"), i.version},
                     {QStringLiteral("cipher"), i.cipher},
                     {QStringLiteral("group"), i.group},
                     {QStringLiteral("alpn"), i.alpn},
                     {QStringLiteral("sni"), i.sni},
                     {QStringLiteral("resumed"), i.resumed},
                     {QStringLiteral("earlyData"), i.earlyData}});
}

void TlsServer::Impl::handleInput(ServerConn &c)
{
    if (c.mode == 0) {
        bool complete = false;
        if (isHttpMethodPrefix(c.in, &complete))
            c.mode = complete ? 1 : 0;
        else if (!c.in.isEmpty())
            c.mode = 2;
    }
    if (c.mode == 2) {
        c.out += c.in;
        c.in.clear();
        return;
    }
    if (c.mode != 1 || c.responded)
        return;
    const qsizetype end = c.in.indexOf("\r\n\r\n");
    if (end < 0) {
        if (c.in.size() > kMaxRequestHead) {
            c.responded = true;
            c.out += "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            c.closeAfterWrite = true;
            c.in.clear();
        }
        return;
    }
    const QByteArray requestLine = c.in.left(c.in.indexOf("\r\n"));
    c.in.clear();
    c.responded = true;
    c.closeAfterWrite = true;
    const QList<QByteArray> parts = requestLine.split(' ');
    const QByteArray target = parts.size() >= 2 ? parts.at(1) : QByteArray("/");
    const bool head = requestLine.startsWith("HEAD ");
    if (target.startsWith("/bytes?n=")) {
        bool ok = false;
        const qint64 n = target.mid(9).toLongLong(&ok);
        if (ok && n >= 0 && n <= kMaxBulkBytes) {
            c.out += "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                     + QByteArray::number(n) + "\r\nConnection: close\r\n\r\n";
            c.bulkLeft = head ? 0 : n;
            return;
        }
    }
    const QByteArray body = "Hello from the Wirelab TLS lab server.\nYou asked: " + requestLine + "\nProtocol: "
                            + QByteArray(SSL_get_version(c.ssl)) + ", cipher: "
                            + QByteArray(SSL_CIPHER_get_name(SSL_get_current_cipher(c.ssl))) + "\n";
    c.out += "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
             + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    if (!head)
        c.out += body;
}

bool TlsServer::Impl::flushOut(ServerConn &c)
{
    static const QByteArray pattern = [] {
        QByteArray p;
        while (p.size() < 65536)
            p += "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-wirelab-tls-lab-bulk-data\n";
        return p.left(65536);
    }();
    for (;;) {
        // Pending bytes first, then the bulk body straight from the pattern (no copies). A write that
        // wanted to be retried is retried with the same bytes, as OpenSSL requires.
        const bool fromOut = c.outPos < c.out.size();
        if (!fromOut) {
            c.out.clear();
            c.outPos = 0;
            if (c.bulkLeft == 0)
                return true;
        }
        const char *data = fromOut ? c.out.constData() + c.outPos : pattern.constData();
        const size_t len = fromOut ? size_t(c.out.size() - c.outPos) : size_t(std::min<qint64>(c.bulkLeft, pattern.size()));
        size_t written = 0;
        const int r = SSL_write_ex(c.ssl, data, len, &written);
        if (r == 1) {
            if (c.info.sent.size() < kMaxRecorded)
                appendCapped(c.info.sent, data, qsizetype(written));
            if (fromOut)
                c.outPos += qsizetype(written);
            else
                c.bulkLeft -= qint64(written);
            c.bytesSent += written;
            continue;
        }
        const int e = SSL_get_error(c.ssl, r);
        if (e == SSL_ERROR_WANT_WRITE) {
            c.wantWrite = true;
            return false;
        }
        if (e == SSL_ERROR_WANT_READ)
            return false;
        fail(c, QCoreApplication::translate("TlsEndpoint", "Writing to the client failed: %1").arg(opensslErrors()));
        return false;
    }
}

void TlsServer::Impl::drive(ServerConn &c)
{
    char buf[16384];
    c.wantWrite = false;
    for (int iter = 0; iter < 256 && c.phase != Phase::Done; ++iter) {
        switch (c.phase) {
        case Phase::EarlyData: {
            size_t n = 0;
            const int r = SSL_read_early_data(c.ssl, buf, sizeof buf, &n);
            if (r == SSL_READ_EARLY_DATA_SUCCESS) {
                appendCapped(c.info.earlyDataReceived, buf, qsizetype(n));
                c.in.append(buf, qsizetype(n));
                c.trace->report(QStringLiteral("tls.earlydata"),
                                QCoreApplication::translate("TlsEndpoint", "0-RTT data accepted: %1 bytes").arg(qulonglong(n)),
                                {{QStringLiteral("bytes"), qulonglong(n)},
                                 {QStringLiteral("text"), QString::fromUtf8(QByteArray(buf, int(std::min<size_t>(n, 256))))}});
                handleInput(c);
                // Answer a complete request in the server's first flight (0.5-RTT data).
                if (!c.out.isEmpty() && c.out.size() <= 16384 && c.bulkLeft == 0) {
                    size_t written = 0;
                    if (SSL_write_early_data(c.ssl, c.out.constData(), size_t(c.out.size()), &written) == 1) {
                        appendCapped(c.info.sent, c.out.constData(), qsizetype(written));
                        c.out.remove(0, qsizetype(written));
                    } else {
                        ERR_clear_error();
                    }
                }
                continue;
            }
            if (r == SSL_READ_EARLY_DATA_FINISH) {
                c.phase = Phase::Handshake;
                continue;
            }
            const int e = SSL_get_error(c.ssl, 0);
            if (e == SSL_ERROR_WANT_READ)
                return;
            if (e == SSL_ERROR_WANT_WRITE) {
                c.wantWrite = true;
                return;
            }
            fail(c, QCoreApplication::translate("TlsEndpoint", "The handshake failed: %1").arg(opensslErrors()));
            return;
        }
        case Phase::Handshake: {
            const int r = SSL_do_handshake(c.ssl);
            if (r == 1) {
                handshakeDone(c);
                c.phase = Phase::App;
                handleInput(c);
                continue;
            }
            const int e = SSL_get_error(c.ssl, r);
            if (e == SSL_ERROR_WANT_READ)
                return;
            if (e == SSL_ERROR_WANT_WRITE) {
                c.wantWrite = true;
                return;
            }
            QString why = opensslErrors();
            if (why.isEmpty())
                why = QCoreApplication::translate("TlsEndpoint", "the client closed the connection");
            fail(c, QCoreApplication::translate("TlsEndpoint", "The handshake failed: %1").arg(why));
            return;
        }
        case Phase::App: {
            if (!flushOut(c))
                return;
            if (c.closeAfterWrite) {
                SSL_shutdown(c.ssl); // close_notify
                ERR_clear_error();
                c.phase = Phase::Closing;
                continue;
            }
            size_t n = 0;
            const int r = SSL_read_ex(c.ssl, buf, sizeof buf, &n);
            if (r == 1) {
                appendCapped(c.info.received, buf, qsizetype(n));
                c.in.append(buf, qsizetype(n));
                handleInput(c);
                continue;
            }
            const int e = SSL_get_error(c.ssl, r);
            if (e == SSL_ERROR_WANT_READ)
                return;
            if (e == SSL_ERROR_WANT_WRITE) {
                c.wantWrite = true;
                return;
            }
            if (e == SSL_ERROR_ZERO_RETURN) { // the client's close_notify: answer it
                SSL_shutdown(c.ssl);
                ERR_clear_error();
                finish(c);
                return;
            }
            const QString why = opensslErrors();
            if (!why.isEmpty())
                c.info.error = why;
            ERR_clear_error();
            finish(c);
            return;
        }
        case Phase::Closing: {
            // close_notify sent; read until the client's close_notify or EOF so no RST hits unread data.
            size_t n = 0;
            const int r = SSL_read_ex(c.ssl, buf, sizeof buf, &n);
            if (r == 1)
                continue;
            const int e = SSL_get_error(c.ssl, r);
            if (e == SSL_ERROR_WANT_READ)
                return;
            if (e == SSL_ERROR_WANT_WRITE) {
                c.wantWrite = true;
                return;
            }
            ERR_clear_error();
            finish(c);
            return;
        }
        case Phase::Done: return;
        }
    }
    // Iteration budget spent (a fast bulk writer): come back when the socket is writable.
    c.wantWrite = true;
}

// ---------------------------------------------------------------------------------------------------------
// Client

namespace {

int newSessionCallback(SSL *ssl, SSL_SESSION *session)
{
    auto *trace = static_cast<Trace *>(SSL_get_app_data(ssl));
    if (!trace)
        return 0;
    trace->newestSession = adoptSslSession(session);
    return 1; // we keep the reference
}

// Moves bytes between a socket and the SSL's memory BIOs, so the client sees (and can record) exactly what
// goes on the wire.
struct Pump
{
    int fd = -1;
    BIO *rbio = nullptr; // bytes from the server, for OpenSSL to read
    BIO *wbio = nullptr; // bytes OpenSSL wrote, for the socket
    const LabHost *host = nullptr;
    Clock::time_point deadline;
    bool recording = false;
    QByteArray *record = nullptr;
    bool firstByteSeen = false;
    bool eof = false;
    QString error;

    int leftMs() const
    {
        return int(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
    }

    bool flush()
    {
        char buf[16384];
        for (;;) {
            const int n = BIO_read(wbio, buf, sizeof buf);
            if (n <= 0)
                return true;
            if (recording && !firstByteSeen && record)
                record->append(buf, n);
            int done = 0;
            while (done < n) {
                const ssize_t w = ::send(fd, buf + done, size_t(n - done), MSG_NOSIGNAL);
                if (w > 0) {
                    done += int(w);
                    continue;
                }
                if (w < 0 && errno == EINTR)
                    continue;
                if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                    if (leftMs() <= 0 || (host && host->stopping())) {
                        error = QCoreApplication::translate("TlsEndpoint", "Sending timed out.");
                        return false;
                    }
                    waitFd(host, fd, POLLOUT, std::min(leftMs(), 200));
                    continue;
                }
                error = QCoreApplication::translate("TlsEndpoint", "Sending failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
                return false;
            }
        }
    }

    // Waits for bytes from the server and hands them to OpenSSL. False on timeout, stop or error; EOF is
    // passed on to OpenSSL (it then reports the connection closed).
    bool fill()
    {
        char buf[65536];
        for (;;) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n > 0) {
                firstByteSeen = true;
                BIO_write(rbio, buf, int(n));
                return true;
            }
            if (n == 0) {
                eof = true;
                BIO_set_mem_eof_return(rbio, 0);
                return true;
            }
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                error = QCoreApplication::translate("TlsEndpoint", "Receiving failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
                eof = true;
                BIO_set_mem_eof_return(rbio, 0);
                return true;
            }
            if (leftMs() <= 0 || (host && host->stopping())) {
                error = QCoreApplication::translate("TlsEndpoint", "The server did not answer in time.");
                return false;
            }
            waitFd(host, fd, POLLIN, std::min(leftMs(), 200));
        }
    }
};

QString describeIssuerProblem(SSL *ssl)
{
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl);
    const int n = chain ? sk_X509_num(chain) : 0;
    if (n == 0)
        return {};
    X509 *top = sk_X509_value(chain, n - 1);
    char name[256] = {};
    X509_NAME_oneline(X509_get_issuer_name(top), name, sizeof name);
    return QCoreApplication::translate("TlsClient", "The server sent %n certificate(s); the last one says it was issued by "
                                                    "\"%1\", which this client neither trusts nor received.",
                                       nullptr, n)
        .arg(QString::fromUtf8(name));
}

} // namespace

QString TlsClient::explainVerifyResult(long result)
{
    const char *ctx = "TlsClient";
    switch (result) {
    case X509_V_OK:
        return QCoreApplication::translate(ctx, "The certificate checked out: its chain ends in a root this client "
                                                "trusts, it is in date, and it names the server the client asked for.");
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return QCoreApplication::translate(ctx, "The server's certificate has expired: its \"not after\" date is in "
                                                "the past, so the client refuses it.");
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return QCoreApplication::translate(ctx, "The server's certificate is not valid yet: its \"not before\" date "
                                                "is in the future (or this computer's clock is wrong).");
    case X509_V_ERR_HOSTNAME_MISMATCH:
        return QCoreApplication::translate(ctx, "The certificate was issued for other names: the name the client "
                                                "asked for is not among its subject alternative names.");
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
        return QCoreApplication::translate(ctx, "The certificate was issued for other IP addresses than the one the "
                                                "client connected to.");
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        return QCoreApplication::translate(ctx, "The client cannot find who issued the certificate: either the chain "
                                                "leads to a certificate authority it does not trust (unknown CA), or "
                                                "the server left out an intermediate certificate.");
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        return QCoreApplication::translate(ctx, "The chain ends in a root certificate this client does not trust "
                                                "(unknown CA).");
    case X509_V_ERR_CERT_CHAIN_TOO_LONG:
        return QCoreApplication::translate(ctx, "The chain has more intermediate certificates than the client "
                                                "accepts (its verify depth), so it stops checking and refuses it.");
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        return QCoreApplication::translate(ctx, "A signature in the chain does not verify: the certificate was "
                                                "altered or not signed by the issuer it names.");
    case X509_V_ERR_INVALID_CA:
        return QCoreApplication::translate(ctx, "A certificate in the chain acts as a certificate authority but is "
                                                "not allowed to.");
    default:
        return QCoreApplication::translate(ctx, "The certificate was refused: %1")
            .arg(QString::fromLatin1(X509_verify_cert_error_string(result)));
    }
}

TlsClientResult TlsClient::run(const LabContext &context, const QString &hostName, const QHostAddress &address,
                               std::uint16_t port, const TlsClientOptions &o, const LabHost *host)
{
    TlsClientResult res;
    const auto deadline = Clock::now() + std::chrono::milliseconds(std::max(100, o.timeoutMs));
    Trace trace;
    trace.context = &context;
    trace.host = hostName;

    DeterministicRand deterministic; // declared before ctx: freed after it
    if (o.deterministic
        && (!deterministic.init(&res.error)
            || !deterministic.restart(o.deterministicName.isEmpty() ? QByteArray("client") : o.deterministicName.toUtf8(),
                                      o.deterministicConnection))) {
        if (res.error.isEmpty())
            res.error = QCoreApplication::translate("TlsEndpoint", "OpenSSL cannot set up the deterministic mode: %1").arg(opensslErrors());
        return res;
    }
    SSL_CTX *ctx = SSL_CTX_new_ex(o.deterministic ? deterministic.libctx() : nullptr, nullptr, TLS_client_method());
    if (!ctx) {
        res.error = QCoreApplication::translate("TlsEndpoint", "OpenSSL cannot make a client context: %1").arg(opensslErrors());
        return res;
    }
    struct CtxFree
    {
        SSL_CTX *c;
        ~CtxFree() { SSL_CTX_free(c); }
    } ctxFree{ctx};
    if (!configureCommon(ctx, o, context.events != nullptr, &res.error))
        return res;
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
    SSL_CTX_sess_set_new_cb(ctx, newSessionCallback);
    X509_STORE *store = SSL_CTX_get_cert_store(ctx);
    if (!o.trustedRootsPem.isEmpty()) {
        BIO *bio = BIO_new_mem_buf(o.trustedRootsPem.constData(), int(o.trustedRootsPem.size()));
        while (X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
            X509_STORE_add_cert(store, cert);
            X509_free(cert);
        }
        BIO_free(bio);
        ERR_clear_error();
    }
    SSL_CTX_set_verify(ctx, o.verifyPeer ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nullptr);
    if (o.verifyDepth >= 0)
        SSL_CTX_set_verify_depth(ctx, o.verifyDepth);
    if (!o.alpn.isEmpty()) {
        const QByteArray wire = alpnWire(o.alpn, &res.error);
        if (wire.isEmpty())
            return res;
        SSL_CTX_set_alpn_protos(ctx, reinterpret_cast<const unsigned char *>(wire.constData()), unsigned(wire.size()));
    }

    res.connectStartNs = nowNs(context);
    const int fd = connectTcp(context, hostName, address, port, deadline, host, &res.error);
    if (fd < 0)
        return res;
    struct FdClose
    {
        int fd;
        ~FdClose() { ::close(fd); }
    } fdClose{fd};
    res.connectedNs = nowNs(context);
    res.localPort = localPortOf(fd);
    trace.localPort = res.localPort;
    trace.peerPort = peerPortOf(fd);
    if (context.watchSocket)
        context.watchSocket(hostName, fd, QStringLiteral("tls client"));

    SSL *ssl = SSL_new(ctx);
    struct SslFree
    {
        SSL *s;
        ~SslFree() { SSL_free(s); }
    } sslFree{ssl};
    SSL_set_app_data(ssl, &trace);
    Pump pump;
    pump.fd = fd;
    pump.rbio = BIO_new(BIO_s_mem());
    pump.wbio = BIO_new(BIO_s_mem());
    BIO_set_mem_eof_return(pump.rbio, -1); // empty means "try again", not EOF
    SSL_set_bio(ssl, pump.rbio, pump.wbio);
    pump.host = host;
    pump.deadline = deadline;
    pump.recording = o.recordFirstFlight;
    pump.record = &res.firstFlight;
    SSL_set_connect_state(ssl);

    if (!o.serverName.isEmpty()) {
        const QByteArray name = o.serverName.toUtf8();
        const bool isIp = !QHostAddress(o.serverName).isNull();
        if (!isIp)
            SSL_set_tlsext_host_name(ssl, name.constData());
        if (isIp)
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name.constData());
        else
            SSL_set1_host(ssl, name.constData());
    }
    if (o.session) {
        SSL_set_session(ssl, o.session.get());
        res.sessionOffered = true;
    }

    // Drives one SSL call to completion, pumping bytes; returns the call's result (> 0 done).
    auto drive = [&](auto &&call) -> int {
        for (;;) {
            const int r = call();
            if (!pump.flush())
                return -1;
            if (r > 0)
                return r;
            const int e = SSL_get_error(ssl, r);
            if (e == SSL_ERROR_WANT_READ) {
                if (pump.eof)
                    return 0;
                if (!pump.fill())
                    return -1;
                continue;
            }
            if (e == SSL_ERROR_WANT_WRITE)
                continue; // memory BIO: never full
            return e == SSL_ERROR_ZERO_RETURN ? 0 : -2;
        }
    };

    // 0-RTT: early data goes out with the ClientHello when the offered session allows it.
    bool earlyAttempted = false;
    if (!o.earlyData.isEmpty() && o.session && SSL_SESSION_get_max_early_data(o.session.get()) > 0) {
        earlyAttempted = true;
        qsizetype off = 0;
        while (off < o.earlyData.size()) {
            size_t written = 0;
            const int r = drive([&] {
                return SSL_write_early_data(ssl, o.earlyData.constData() + off, size_t(o.earlyData.size() - off),
                                            &written);
            });
            if (r <= 0)
                break;
            off += qsizetype(written);
        }
        res.earlyDataSent = off > 0;
        res.sent += o.earlyData.left(off);
    }

    const int hs = drive([&] { return SSL_do_handshake(ssl); });
    res.verifyResult = SSL_get_verify_result(ssl);
    res.verifyText = QString::fromLatin1(X509_verify_cert_error_string(res.verifyResult));
    res.verifyExplanation = explainVerifyResult(res.verifyResult);
    if (res.verifyResult == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY) {
        const QString detail = describeIssuerProblem(ssl);
        if (!detail.isEmpty())
            res.verifyExplanation += QLatin1Char(' ') + detail;
    }
    if (STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl)) {
        for (int i = 0; i < sk_X509_num(chain); ++i)
            res.peerChainDer.push_back(x509ToDer(sk_X509_value(chain, i)));
    }
    auto finishResult = [&] {
        res.alertSent = trace.alertSent;
        res.alertReceived = trace.alertReceived;
        res.session = trace.newestSession;
        res.closedNs = nowNs(context);
    };
    if (hs != 1) {
        QString why = opensslErrors();
        if (!pump.error.isEmpty())
            why = pump.error;
        if (res.verifyResult != X509_V_OK && o.verifyPeer)
            why = res.verifyExplanation;
        else if (!trace.alertReceived.isEmpty())
            why = QCoreApplication::translate("TlsEndpoint", "The server refused the handshake with the alert \"%1\".").arg(trace.alertReceived);
        else if (why.isEmpty())
            why = QCoreApplication::translate("TlsEndpoint", "The server closed the connection during the handshake.");
        res.error = why;
        res.earlyData = earlyAttempted ? QStringLiteral("rejected") : QStringLiteral("none");
        finishResult();
        trace.report(QStringLiteral("tls.handshake"), QCoreApplication::translate("TlsEndpoint", "client handshake failed: %1").arg(why),
                     {{QStringLiteral("ok"), false},
                      {QStringLiteral("error"), why},
                      {QStringLiteral("verifyResult"), qlonglong(res.verifyResult)},
                      {QStringLiteral("verifyText"), res.verifyText},
                      {QStringLiteral("alertSent"), res.alertSent},
                      {QStringLiteral("alertReceived"), res.alertReceived}});
        return res;
    }
    res.handshakeOk = true;
    res.handshakeDoneNs = nowNs(context);
    res.version = QString::fromLatin1(SSL_get_version(ssl));
    res.cipher = QString::fromLatin1(SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)));
    res.group = groupName(ssl);
    res.alpn = alpnSelected(ssl);
    res.resumed = SSL_session_reused(ssl) == 1;
    res.earlyData = earlyAttempted ? earlyDataStatus(ssl) : QStringLiteral("none");
    trace.report(QStringLiteral("tls.handshake"), QCoreApplication::translate("TlsEndpoint", "client handshake done: %1, %2").arg(res.version, res.cipher),
                 {{QStringLiteral("ok"), true},
                  {QStringLiteral("version"), res.version},
                  {QStringLiteral("cipher"), res.cipher},
                  {QStringLiteral("group"), res.group},
                  {QStringLiteral("alpn"), res.alpn},
                  {QStringLiteral("resumed"), res.resumed},
                  {QStringLiteral("earlyData"), res.earlyData},
                  {QStringLiteral("verifyResult"), qlonglong(res.verifyResult)},
                  {QStringLiteral("verifyText"), res.verifyText}});

    // The application exchange.
    QByteArray toSend;
    qsizetype expectEcho = 0;
    if (res.earlyData == QLatin1String("accepted"))
        expectEcho += o.earlyData.size();
    else if (res.earlyData == QLatin1String("rejected") && o.resendRejectedEarlyData)
        toSend += o.earlyData;
    else if (!earlyAttempted)
        toSend += o.earlyData; // no session allowed 0-RTT: send it as ordinary data
    toSend += o.request;
    expectEcho += toSend.size();
    bool dummy = false;
    const QByteArray firstBytes = res.earlyData == QLatin1String("accepted") ? o.earlyData + toSend : toSend;
    const bool http = isHttpMethodPrefix(firstBytes, &dummy);
    qsizetype off = 0;
    while (off < toSend.size()) {
        size_t written = 0;
        const int r = drive([&] { return SSL_write_ex(ssl, toSend.constData() + off, size_t(toSend.size() - off), &written); });
        if (r <= 0) {
            res.error = pump.error.isEmpty() ? QCoreApplication::translate("TlsEndpoint", "Sending the request failed: %1").arg(opensslErrors()) : pump.error;
            finishResult();
            return res;
        }
        res.sent += toSend.mid(off, qsizetype(written));
        off += qsizetype(written);
    }
    char buf[16384];
    bool closedByServer = false;
    while (http || res.received.size() < expectEcho) {
        if (!http && expectEcho == 0)
            break;
        size_t n = 0;
        const int r = drive([&] { return SSL_read_ex(ssl, buf, sizeof buf, &n); });
        if (r == 1) {
            if (!res.firstAppByteNs)
                res.firstAppByteNs = nowNs(context);
            appendCapped(res.received, buf, qsizetype(n));
            continue;
        }
        if (r == 0) {
            closedByServer = true;
            break;
        }
        if (!pump.error.isEmpty()) {
            res.error = pump.error;
            finishResult();
            return res;
        }
        const QString why = opensslErrors();
        if (!why.isEmpty()) {
            res.error = QCoreApplication::translate("TlsEndpoint", "Reading the answer failed: %1").arg(why);
            finishResult();
            return res;
        }
        closedByServer = true;
        break;
    }
    // Tickets that arrived with the answer are in trace.newestSession; say goodbye with close_notify.
    SSL_shutdown(ssl);
    pump.flush();
    ERR_clear_error();
    Q_UNUSED(closedByServer);
    res.ok = true;
    finishResult();
    return res;
}

TlsReplayResult TlsClient::replayFirstFlight(const LabContext &context, const QString &hostName,
                                             const QHostAddress &address, std::uint16_t port,
                                             const QByteArray &firstFlight, int waitMs, const LabHost *host)
{
    TlsReplayResult res;
    if (firstFlight.isEmpty()) {
        res.error = QCoreApplication::translate("TlsEndpoint", "There is no recorded first flight to replay.");
        return res;
    }
    const auto deadline = Clock::now() + std::chrono::milliseconds(std::max(100, waitMs) + 5000);
    const int fd = connectTcp(context, hostName, address, port, deadline, host, &res.error);
    if (fd < 0)
        return res;
    if (context.watchSocket)
        context.watchSocket(hostName, fd, QStringLiteral("tls replay"));
    qsizetype off = 0;
    while (off < firstFlight.size()) {
        const ssize_t w = ::send(fd, firstFlight.constData() + off, size_t(firstFlight.size() - off), MSG_NOSIGNAL);
        if (w > 0) {
            off += w;
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && Clock::now() < deadline) {
            waitFd(host, fd, POLLOUT, 200);
            continue;
        }
        res.error = QCoreApplication::translate("TlsEndpoint", "Sending the replayed bytes failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return res;
    }
    res.bytesSent = off;
    res.ok = true;
    const auto readUntil = Clock::now() + std::chrono::milliseconds(std::max(0, waitMs));
    char buf[16384];
    while (Clock::now() < readUntil && !(host && host->stopping())) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n > 0) {
            res.bytesReceived += n;
            continue;
        }
        if (n == 0) {
            res.serverClosed = true;
            break;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            res.serverClosed = true;
            break;
        }
        const int left = int(std::chrono::duration_cast<std::chrono::milliseconds>(readUntil - Clock::now()).count());
        if (left > 0)
            waitFd(host, fd, POLLIN, std::min(left, 200));
    }
    ::close(fd);
    return res;
}

} // namespace wirelab
