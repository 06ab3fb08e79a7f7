// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsendpoint.h"

#include "lab/labhost.h"

#include <mutex>

namespace wirelab {

QString tlsVersionName(TlsVersion v)
{
    return v == TlsVersion::Tls12 ? QStringLiteral("TLS 1.2") : QStringLiteral("TLS 1.3");
}

SslSessionPtr adoptSslSession(SSL_SESSION *session)
{
    return SslSessionPtr(session, [](SSL_SESSION *s) { SSL_SESSION_free(s); });
}

struct TlsServer::Impl
{
    LabContext context;
    QString hostName;
    mutable std::mutex mutex;
    std::vector<TlsServerConnection> connections;
    TlsServerStats stats;
    bool keep = true;
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

bool TlsServer::configure(const TlsServerOptions &, QString *error)
{
    if (error)
        *error = QStringLiteral("not implemented yet");
    return false;
}

bool TlsServer::listen(const QHostAddress &, std::uint16_t, QString *error)
{
    if (error)
        *error = QStringLiteral("not implemented yet");
    return false;
}

bool TlsServer::start(LabHost &)
{
    return false;
}

void TlsServer::stop() {}

void TlsServer::setKeepConnections(bool keep)
{
    m_impl->keep = keep;
}

std::vector<TlsServerConnection> TlsServer::connections() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->connections;
}

void TlsServer::clearConnections()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->connections.clear();
}

TlsServerStats TlsServer::stats() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->stats;
}

TlsClientResult TlsClient::run(const LabContext &, const QString &, const QHostAddress &, std::uint16_t,
                               const TlsClientOptions &, const LabHost *)
{
    TlsClientResult r;
    r.error = QStringLiteral("not implemented yet");
    return r;
}

TlsReplayResult TlsClient::replayFirstFlight(const LabContext &, const QString &, const QHostAddress &, std::uint16_t,
                                             const QByteArray &, int, const LabHost *)
{
    TlsReplayResult r;
    r.error = QStringLiteral("not implemented yet");
    return r;
}

QString TlsClient::explainVerifyResult(long)
{
    return {};
}

} // namespace wirelab
