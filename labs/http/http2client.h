// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP lab's HTTP/2 client on nghttp2's session API: h2c with prior knowledge, a list of paths fetched
// concurrently over one connection (nghttp2 queues what the server's SETTINGS_MAX_CONCURRENT_STREAMS does
// not allow yet). Per stream it records when the request went out, the response's first and last byte,
// and logs them as events "http.request" / "http.response" with data: protocol "h2", stream, port (the
// client's local port), path, status, bytes, so the lab can draw the waterfall.

#include "lab/labinstance.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <cstdint>
#include <vector>

namespace wirelab {

class LabHost;

struct Http2Fetch
{
    QByteArray path;
    std::uint32_t streamId = 0;
    int status = 0;             // 0: no response
    std::uint64_t bytes = 0;    // response body bytes
    bool complete = false;      // the stream closed with NO_ERROR after the whole response
    std::uint32_t errorCode = 0; // RST_STREAM / close error code
    std::int64_t sentNs = -1, firstByteNs = -1, lastByteNs = -1; // run clock ns (steady clock ns without one)
    QByteArray body;            // kept up to keepBodyBytes
    int refusals = 0;           // times the server refused the stream (REFUSED_STREAM) and it was sent again
};

class Http2Client final
{
public:
    Http2Client(const LabContext &context, QString hostName = QStringLiteral("client"));

    // Keep at most this many body bytes per response in Http2Fetch::body (default 64 KiB).
    void setKeepBodyBytes(std::size_t n) { m_keepBody = n; }

    // Connects to address:port (through context.serverRoute when set), fetches every path with GET and
    // :authority authority, and returns when all streams closed, on timeout, or when host (may be null) is
    // stopping. Runs on the calling thread (a lab host's). false with *error when the connection failed or
    // not every fetch completed; fetches holds what was seen either way.
    bool fetch(const QHostAddress &address, std::uint16_t port, const QByteArray &authority,
               const std::vector<QByteArray> &paths, int timeoutMs, std::vector<Http2Fetch> &fetches,
               QString *error, const LabHost *host = nullptr);

    std::uint16_t localPort() const { return m_localPort; }

private:
    LabContext m_context;
    QString m_hostName;
    std::size_t m_keepBody = 64 * 1024;
    std::uint16_t m_localPort = 0;
};

} // namespace wirelab
