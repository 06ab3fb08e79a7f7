// SPDX-License-Identifier: GPL-3.0-or-later
// The TLS lab's server alone on 127.0.0.1 for bench/tls/tls_bench.sh, and the one client the script drives
// both servers (ours and openssl s_server) with for bulk throughput.
//
//   wirelab-tls-bench serve CA_DIR KEYTYPE SECONDS [events]
//       issues a certificate (KEYTYPE: rsa2048, rsa4096, p256, ed25519) from the lab's CA in CA_DIR, writes
//       CA_DIR/bench-chain.pem, bench-key.pem and bench-root.pem (for openssl s_server / s_time), serves TLS
//       on 127.0.0.1 (port printed on stdout as "port N") and exits after SECONDS. "events": attach an
//       event log so the message and key-log callbacks run as they do in the lab.
//   wirelab-tls-bench fetch PORT PATH COUNT
//       COUNT times: connect, TLS handshake (default versions and suites), "GET PATH HTTP/1.0", read until
//       the server closes. Prints "bytes B seconds S MBps X" for the whole run (handshakes included).
#include "lab/labhost.h"
#include "store/eventlog.h"
#include "tls/tlsca.h"
#include "tls/tlsendpoint.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace wirelab;

namespace {

int serve(const QString &dir, const QString &keyType, int seconds, bool events)
{
    TlsCa ca(dir);
    QString error;
    const auto type = tlsKeyTypeFromId(keyType);
    if (!type || !ca.open(&error)) {
        std::fprintf(stderr, "CA: %s\n", qPrintable(error.isEmpty() ? QStringLiteral("unknown key type") : error));
        return 1;
    }
    TlsCertSpec spec;
    spec.keyType = *type;
    TlsServerOptions options;
    if (!ca.issue(spec, &options.identity, &error)) {
        std::fprintf(stderr, "issue: %s\n", qPrintable(error));
        return 1;
    }
    auto write = [&](const QString &name, const QByteArray &data) {
        QFile f(dir + QLatin1Char('/') + name);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            f.write(data);
        }
    };
    write(QStringLiteral("bench-chain.pem"), options.identity.chainPem());
    write(QStringLiteral("bench-key.pem"), options.identity.keyPem());
    write(QStringLiteral("bench-root.pem"), ca.rootPem());
    EventLog log;
    LabContext ctx;
    if (events)
        ctx.events = &log;
    TlsServer server(ctx);
    server.setKeepConnections(false);
    if (!server.configure(options, &error) || !server.listen(QHostAddress::LocalHost, 0, &error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }
    LabHost host(QStringLiteral("server"));
    host.start();
    server.start(host);
    std::printf("port %u\n", unsigned(server.port()));
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    server.stop();
    host.stop();
    const TlsServerStats s = server.stats();
    std::fprintf(stderr, "accepted %llu handshakes %llu failed %llu events %zu\n",
                 static_cast<unsigned long long>(s.connectionsAccepted),
                 static_cast<unsigned long long>(s.handshakesCompleted),
                 static_cast<unsigned long long>(s.handshakesFailed), log.size());
    return 0;
}

// A plain blocking OpenSSL client: the same code against both servers.
int fetch(int port, const QByteArray &path, int count)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr); // throughput, not trust, is measured here
    const QByteArray request = "GET " + path + " HTTP/1.0\r\n\r\n";
    std::vector<char> buf(1 << 16);
    std::uint64_t total = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < count; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(std::uint16_t(port));
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
            std::perror("connect");
            return 1;
        }
        SSL *ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        if (SSL_connect(ssl) != 1 || SSL_write(ssl, request.constData(), int(request.size())) <= 0) {
            ERR_print_errors_fp(stderr);
            return 1;
        }
        for (;;) {
            const int n = SSL_read(ssl, buf.data(), int(buf.size()));
            if (n <= 0)
                break;
            total += std::uint64_t(n);
        }
        SSL_shutdown(ssl);
        SSL_free(ssl);
        ::close(fd);
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("bytes %llu seconds %.3f MBps %.1f\n", static_cast<unsigned long long>(total), s, total / s / 1e6);
    SSL_CTX_free(ctx);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() >= 5 && a.at(1) == QLatin1String("serve"))
        return serve(a.at(2), a.at(3), a.at(4).toInt(), a.size() > 5 && a.at(5) == QLatin1String("events"));
    if (a.size() >= 5 && a.at(1) == QLatin1String("fetch"))
        return fetch(a.at(2).toInt(), a.at(3).toUtf8(), a.at(4).toInt());
    std::fprintf(stderr, "usage: %s serve CA_DIR KEYTYPE SECONDS [events] | fetch PORT PATH COUNT\n", argv[0]);
    return 2;
}
