// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The running side of the HTTP lab: on the server host the lab's HTTP/1.x server (Http1Server: keep-alive,
// pipelining answered strictly in order, /slow, /chunked, two sites chosen by the Host header; an
// "Upgrade: h2c" request is handed to the HTTP/2 server) and its HTTP/2 server (Http2Server, h2c on a port
// of its own, and a second one for h2 over TLS with ALPN, its certificate from a TlsCa made in a temporary
// folder per run); on the client host the lab's clients (Http1Client with its connection cap, keep-alive,
// HTTP/1.0 and pipelining depth; Http2Client over one connection) and curl. Each page load is logged as
// one "http.run" event (run, from_ns, to_ns, responses, connections): the window the checkpoints read the
// capture in. The clients add their own http.connect / http.request / http.response events.

#include "lab/labhost.h"
#include "lab/labinstance.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace wirelab {

class HttpLabInstance final : public LabInstance
{
    Q_OBJECT
public:
    explicit HttpLabInstance(QObject *parent = nullptr);
    ~HttpLabInstance() override;

    bool start(const LabContext &context, LabEndpoints *endpoints, QString *error) override;
    void runAction(const QString &actionId) override;
    void stop() override;

    static constexpr const char *GetAbout = "get.about";
    static constexpr const char *Images10 = "images.http10";
    static constexpr const char *Images11 = "images.http11";
    static constexpr const char *ImagesPipelined = "images.pipelined";
    static constexpr const char *SlowPipelined = "slow.pipelined";
    static constexpr const char *Chunked = "chunked";
    static constexpr const char *TwoSites = "two.sites";
    static constexpr const char *ImagesH2 = "images.h2";
    static constexpr const char *SlowH2 = "slow.h2";
    static constexpr const char *LossH2 = "loss.h2";
    static constexpr const char *Curl = "curl";
    static constexpr const char *CurlH2Tls = "curl.h2tls";

    struct Outcome
    {
        bool ok = false;
        QString message;
    };

private:
    Outcome perform(const QString &actionId);
    // One page load with the lab's HTTP/1.x client: every path over up to `connections` connections,
    // `depth` requests in flight per connection (1: no pipelining), a new connection per request when
    // !keepAlive.
    Outcome fetch(const QString &run, const std::vector<QByteArray> &paths, bool http10, int connections, int depth,
                  bool keepAlive, const QByteArray &host);
    // Runs curl (in the client host in the lab network, on 127.0.0.1 in host mode); its output.
    Outcome runCurl(const QString &curl, const QStringList &arguments, QString *output);
    // Fetches paths over one h2c connection (prior knowledge) to the HTTP/2 server.
    Outcome fetchH2(const QString &run, const std::vector<QByteArray> &paths);
    // curl --http2 over TLS to the TLS HTTP/2 server (ALPN offers h2 and http/1.1; the server picks h2).
    Outcome curlH2Tls();
    // The CA (in a temporary folder) and the TLS HTTP/2 server; false with *error.
    bool startTlsServer(QString *error);
    // Where the client connects to reach a server port (the relay in host mode with a delay or loss set).
    std::pair<QHostAddress, std::uint16_t> route(std::uint16_t port) const;

    void event(const QString &host, const QString &kind, const QString &text, const QVariantMap &data = {});
    int intParam(const char *key) const;
    std::int64_t nowNs() const;

    LabContext m_context;
    LabHost m_server{QStringLiteral("server")};
    LabHost m_client{QStringLiteral("client")};
    LabHost m_h2Host{QStringLiteral("server-h2")}; // the HTTP/2 server's loop (its sockets are the server's)
    std::unique_ptr<class Http1Server> m_h1;
    std::unique_ptr<class Http2Server> m_h2;
    LabHost m_h2TlsHost{QStringLiteral("server-h2tls")}; // the TLS HTTP/2 server's loop
    std::unique_ptr<class Http2Server> m_h2Tls;
    std::unique_ptr<QTemporaryDir> m_caDir; // the CA's folder, root.pem for curl; removed at stop()
    bool m_started = false;
};

} // namespace wirelab
