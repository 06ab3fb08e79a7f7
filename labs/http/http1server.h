// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP lab's HTTP/1.x server: non-blocking sockets and poll() on one lab host thread.
//
// Resources (every site):
//   /about              the course notes' page (a short HTML page)
//   /slow?ms=N          answers after N ms (at most 30000); /slow alone after setSlowDefaultMs() (0)
//   /big?bytes=N        N bytes of text (at most 16 MiB)
//   /page100            an HTML page with 100 <img src="/img/N.png"> tags
//   /img/N.png          a small PNG, a different colour per N (0..999)
//   /chunked?n=N&ms=M   Transfer-Encoding: chunked, N chunks (default 5, at most 100) sent M ms apart
//                       (default 300, at most 5000): the response streams over time
//   /                   the site's home page: Host "b.lab" or "site-b.lab" gets site B, anything else site A
// /img/N.png is the HTTP/2 server's image (Http2Server::pngImage), so both protocols move the same bytes.
// HTTP/1.1 connections stay open ("Keep-Alive: timeout=5, max=100") unless the request says
// "Connection: close"; HTTP/1.0 closes after each response unless the request asks for keep-alive.
// Pipelined requests are answered in order (a slow one holds back those behind it). HEAD gets the
// headers only. A request the parser calls malformed gets 400 and the connection closes.
//
// Upgrade: with an upgrade handler set, a request carrying "Upgrade: <token>" that the handler accepts
// (it is asked with the token) hands the connection over: the server forgets the descriptor and calls the
// handler with the fd, the upgrade request and any bytes read after it. The handler answers (101 ...).
// A connection whose first bytes are the HTTP/2 preface ("PRI * HTTP/2.0...") is offered the same way
// with the token "h2c-prior-knowledge": the handler gets an empty request and every byte read so far
// (the preface included) in `rest`, so one port serves HTTP/1.1 and HTTP/2 with prior knowledge.

#include "lab/labinstance.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>

namespace wirelab {

class LabHost;
struct Http1Message;

struct Http1ServerStats
{
    std::uint64_t connectionsAccepted = 0;
    std::uint64_t requestsServed = 0;
    std::uint64_t connectionsUpgraded = 0;
    std::uint64_t malformedRequests = 0;
};

class Http1Server final
{
public:
    // Asked (on the server thread) whether to take over a connection upgrading to `token` ("h2c").
    using UpgradeAccept = std::function<bool(const QByteArray &token)>;
    // Called on the server thread; the handler owns fd from then on (and must close it).
    using UpgradeHandler = std::function<void(int fd, const Http1Message &request, const QByteArray &requestBytes,
                                              const QByteArray &rest)>;

    // context: openSocket (may be unset: ::socket), events and clock (may be null). hostName: the lab host
    // the sockets belong to ("server").
    Http1Server(const LabContext &context, QString hostName = QStringLiteral("server"));
    ~Http1Server(); // stop()
    Http1Server(const Http1Server &) = delete;
    Http1Server &operator=(const Http1Server &) = delete;

    void setUpgradeHandler(UpgradeAccept accept, UpgradeHandler handler);
    // How long /slow without "?ms=" waits (0..30000 ms); thread-safe.
    void setSlowDefaultMs(int ms);

    // Opens the listening socket on address:port (port 0: any) from the calling thread. Returns false with
    // *error when it cannot.
    bool listen(const QHostAddress &address, std::uint16_t port, QString *error);
    std::uint16_t port() const { return m_port; }

    // Posts the serving loop to host (it occupies that host's thread until stop() or the host stops).
    bool start(LabHost &host);
    // Ends the loop and closes every socket (waits up to 2 s for the loop). Idempotent.
    void stop();

    Http1ServerStats stats() const;

    // Bodies the server sends (tests compare against them).
    static QByteArray pngImage(int n);
    static QByteArray aboutPage();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::uint16_t m_port = 0;
};

} // namespace wirelab
