// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the HTTP lab's HTTP/1.1 server (h1) or HTTP/2 server (h2c) on 127.0.0.1:PORT until SIGINT/SIGTERM,
// for bench/http/http_bench.sh. Usage: wirelab-http-benchserver h1|h2 PORT [MAX_CONCURRENT_STREAMS]
#include "http/http1server.h"
#include "http/http2server.h"
#include "lab/labhost.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace wirelab;

namespace {
volatile std::sig_atomic_t g_stop = 0;
void onSignal(int)
{
    g_stop = 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3 || (std::strcmp(argv[1], "h1") != 0 && std::strcmp(argv[1], "h2") != 0)) {
        std::fprintf(stderr, "usage: %s h1|h2 PORT [MAX_CONCURRENT_STREAMS]\n", argv[0]);
        return 2;
    }
    const bool h2 = std::strcmp(argv[1], "h2") == 0;
    const auto port = std::uint16_t(std::atoi(argv[2]));
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    LabContext ctx;
    LabHost host(QStringLiteral("server"));
    QString error;
    std::unique_ptr<Http1Server> s1;
    std::unique_ptr<Http2Server> s2;
    bool ok = false;
    if (h2) {
        s2 = std::make_unique<Http2Server>(ctx);
        if (argc > 3)
            s2->setMaxConcurrentStreams(std::uint32_t(std::atoi(argv[3])));
        ok = s2->listen(QHostAddress::LocalHost, port, &error);
    } else {
        s1 = std::make_unique<Http1Server>(ctx);
        ok = s1->listen(QHostAddress::LocalHost, port, &error);
    }
    if (!ok) {
        std::fprintf(stderr, "listen: %s\n", qPrintable(error));
        return 1;
    }
    host.start();
    ok = h2 ? s2->start(host) : s1->start(host);
    if (!ok) {
        std::fprintf(stderr, "cannot start the server\n");
        return 1;
    }
    std::printf("listening on 127.0.0.1:%u (%s)\n", unsigned(h2 ? s2->port() : s1->port()), h2 ? "h2c" : "HTTP/1.1");
    std::fflush(stdout);
    while (!g_stop)
        ::usleep(50 * 1000);
    if (s2)
        s2->stop();
    if (s1)
        s1->stop();
    host.stop();
    return 0;
}
