// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP lab's HTTP/2 server on nghttp2's session API: non-blocking sockets and poll() on one lab host
// thread. Cleartext h2c by default; h2 over TLS after setTls().
//
// A connection is HTTP/2 from the start when its first bytes are the connection preface ("prior
// knowledge"), or becomes HTTP/2 through an HTTP/1.1 request with "Upgrade: h2c" and "HTTP2-Settings"
// (answered 101, the request itself is stream 1). Any other HTTP/1.x request gets 505 and the connection
// closes. A connection the HTTP/1.x server upgraded can be handed over with adoptUpgraded().
//
// Resources, as the HTTP/1.x server's: /, /about, /slow?ms=N (at most 30000; delays only its own
// stream), /big?bytes=N (at most 16 MiB), /page100 (100 <img src="/img/N.png">), /img/N.png (N 0..999).
// ":authority" b.lab or site-b.lab gets site B's home page, anything else site A's.
//
// TLS (setTls()): every accepted connection is TLS 1.2 or 1.3 (OpenSSL's SSL over the accepted socket, the
// handshake driven by the same poll loop), and HTTP/2 is chosen with ALPN (RFC 7301): the client lists its
// protocols in the ClientHello, the server's select callback picks "h2". A client that offers ALPN without
// "h2" gets a fatal no_application_protocol alert; one that offers no ALPN at all finishes the handshake and
// is closed with close_notify (an "http2.refused" event says why). After the handshake nghttp2 is fed from
// SSL_read and its output written with SSL_write. The key-log callback reports every secret as a
// "tls.keylog" {line} event through the LabContext (as the TLS lab's endpoints do), so the capture can be
// decrypted (dissectTlsSession). No upgrade and no HTTP/1.x over TLS.

#include "lab/labinstance.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <cstdint>
#include <memory>

namespace wirelab {

class LabHost;

struct Http2ServerStats
{
    std::uint64_t connectionsAccepted = 0;
    std::uint64_t connectionsUpgraded = 0; // via "Upgrade: h2c" (own socket or adopted)
    std::uint64_t streamsServed = 0;       // responses submitted
    std::uint64_t peakOpenStreams = 0;     // most streams open at once on one connection
    std::uint64_t protocolErrors = 0;      // connections ended by an nghttp2 error
    std::uint64_t tlsHandshakes = 0;       // TLS handshakes completed with ALPN "h2"
    std::uint64_t tlsFailures = 0;         // TLS handshakes that failed, or ended without ALPN "h2"
};

class Http2Server final
{
public:
    Http2Server(const LabContext &context, QString hostName = QStringLiteral("server"));
    ~Http2Server(); // stop()
    Http2Server(const Http2Server &) = delete;
    Http2Server &operator=(const Http2Server &) = delete;

    // SETTINGS_MAX_CONCURRENT_STREAMS announced to clients (default 100). Set before start().
    void setMaxConcurrentStreams(std::uint32_t n);

    // Makes every connection TLS with ALPN "h2" (see the file comment). certificateChainPem: the leaf first,
    // then the intermediates to send; privateKeyPem: the leaf's key. Call before start(). false with *error
    // when OpenSSL rejects them (not PEM, key and certificate do not match).
    bool setTls(const QByteArray &certificateChainPem, const QByteArray &privateKeyPem, QString *error);
    bool isTls() const;

    // Opens the listening socket on address:port (port 0: any). false with *error when it cannot.
    bool listen(const QHostAddress &address, std::uint16_t port, QString *error);
    std::uint16_t port() const { return m_port; }

    // Posts the serving loop to host (it occupies that host's thread until stop() or the host stops).
    bool start(LabHost &host);
    // Ends the loop and closes every socket (waits up to 2 s for the loop). Idempotent.
    void stop();

    // Hands over a connection whose HTTP/1.1 request asked "Upgrade: h2c" (thread-safe). requestHead: the
    // request's bytes up to and including the blank line; rest: bytes read after it. The server answers
    // 101 and serves the request as stream 1. It owns fd from now on (closes it even when not started).
    void adoptUpgraded(int fd, const QByteArray &requestHead, const QByteArray &rest);

    Http2ServerStats stats() const;

    // The body and content type of path for an authority (the resources above); status 404 when unknown.
    struct Resource
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        int delayMs = 0; // /slow
    };
    static Resource resource(const QByteArray &path, const QByteArray &authority);
    static QByteArray pngImage(int n);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::uint16_t m_port = 0;
};

} // namespace wirelab
