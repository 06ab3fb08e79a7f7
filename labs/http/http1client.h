// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP lab's own HTTP/1.x client: fetches a list of paths from one server over at most N parallel
// connections (1..16), with keep-alive on or off, HTTP/1.0, and a pipelining depth. Non-blocking sockets
// and poll() on the calling thread (a lab host's task); fetch() returns when every request is answered,
// failed, or the deadline passed, or when the host it runs on is stopping.
//
// Events into the context's EventLog (host = options.hostName):
//   "http.connect"  data: connection, localPort
//   "http.request"  data: id, method, path, host, connection, localPort, sendNs
//   "http.response" data: id, path, status, connection, localPort, sendNs, firstByteNs, lastByteNs, bytes
// so a lab can draw a waterfall from the events and verify it against the capture.

#include "lab/labinstance.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <cstdint>
#include <vector>

namespace wirelab {

class LabHost;

struct Http1ClientOptions
{
    QString hostName = QStringLiteral("client"); // the lab host the sockets belong to
    QHostAddress serverAddress = QHostAddress::LocalHost;
    std::uint16_t serverPort = 0;
    QHostAddress bindAddress;     // null: do not bind before connecting
    QByteArray hostHeader;        // the Host header; empty: the server address
    QByteArray method = "GET";    // GET or HEAD
    int maxConnections = 6;       // 1..16
    bool keepAlive = true;        // false: one request per connection ("Connection: close")
    bool http10 = false;          // HTTP/1.0 requests (one per connection unless keepAlive asks for more)
    int pipelineDepth = 1;        // requests in flight per connection (1: no pipelining), 1..32
    int timeoutMs = 60000;        // for the whole fetch
};

struct Http1FetchResult
{
    int id = 0;
    QByteArray path;
    bool ok = false;
    QString error;
    int status = 0;
    int connection = -1;          // 0-based, in the order connections were opened
    std::uint16_t localPort = 0;
    std::int64_t sendNs = -1, firstByteNs = -1, lastByteNs = -1; // run clock (or CLOCK_REALTIME ns)
    std::uint64_t bodyBytes = 0;
    bool chunked = false;
    int chunkCount = 0;
    QByteArray headerBlock;       // the response's start line and headers, as received
    QByteArray body;              // the first 64 KiB of the body (decoded from chunks)
};

class Http1Client final
{
public:
    explicit Http1Client(const LabContext &context);

    // host (may be null): fetch gives up when it is stopping.
    std::vector<Http1FetchResult> fetch(const std::vector<QByteArray> &paths, const Http1ClientOptions &options,
                                        const LabHost *host = nullptr);
    int connectionsOpened() const { return m_connectionsOpened; }

private:
    std::int64_t now() const;
    void event(const QString &host, const QString &kind, const QString &text, const QVariantMap &data) const;

    LabContext m_context;
    int m_connectionsOpened = 0;
};

} // namespace wirelab
