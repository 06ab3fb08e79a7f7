// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The running side of the HTTP lab: a server host with a small HTTP/1.x server (keep-alive, pipelining
// answered strictly in order, a slow resource, a chunked resource, two sites chosen by the Host header)
// and a client host that loads a page of images over HTTP/1.0, HTTP/1.1 keep-alive with a connection cap,
// or HTTP/1.1 pipelining. Both are poll loops over plain sockets from the context's factory.

#include "lab/labhost.h"
#include "lab/labinstance.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

#include <netinet/in.h>

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

    struct Outcome
    {
        bool ok = false;
        QString message;
    };

private:
    Outcome perform(const QString &actionId);
    // One page load: requests for every path over up to `connections` connections, `depth` requests in
    // flight per connection (1: no pipelining), a new connection per request when !keepAlive.
    Outcome fetch(const QString &run, const QStringList &paths, const QByteArray &version, int connections,
                  int depth, bool keepAlive, const QByteArray &host);
    // Runs curl (in the client host in the lab network, on 127.0.0.1 in host mode); its first output line.
    Outcome runCurl(const QString &curl, const QStringList &arguments, QString *output);
    void serve(); // the server's loop, on the server host until it stops
    // Fetches paths over one h2c connection (prior knowledge) to the HTTP/2 server.
    Outcome fetchH2(const QString &run, const std::vector<QByteArray> &paths);

    void event(const QString &host, const QString &kind, const QString &text, const QVariantMap &data = {});
    int openSocket(const QString &host, QString *error) const;
    sockaddr_in route() const;
    int intParam(const char *key) const;

    LabContext m_context;
    quint32 m_serverIp = 0;
    std::uint16_t m_port = 0;
    int m_listenFd = -1; // owned by the server host
    LabHost m_server{QStringLiteral("server")};
    LabHost m_client{QStringLiteral("client")};
    LabHost m_h2Host{QStringLiteral("server-h2")}; // the HTTP/2 server's loop (its sockets are the server's)
    std::unique_ptr<class Http2Server> m_h2;
    bool m_started = false;
};

} // namespace wirelab
