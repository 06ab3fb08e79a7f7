// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The running side of the TLS lab: a server host with several OpenSSL servers (tlsendpoint.h) on their own
// ports, each with the certificate a step needs from the lab's local CA (tlsca.h), and a client host whose
// OpenSSL client makes the connections of each action. Every action reports a "tls.run" event with the
// time window its connections fall in, so the checkpoints find them in the capture.
//
// Servers (all on the server host, bound in start() so the capture filter and the host-mode relay know
// their ports):
//   main      the lab's parameters: versions, cipher, group, key type, chain, validity, SAN, early data,
//             anti-replay
//   contrast  as main but with the opposite anti-replay setting (step 4 shows both)
//   rsa       RSA-2048, TLS 1.2 only, AES256-GCM-SHA384 or ECDHE-RSA-AES256-GCM-SHA384 (step 5)
//   expired, wrongname, unknownca, nointermediate, toolong   the broken certificates of step 6
// The CA lives in the user's data folder (keys 0600); WIRELAB_TLS_CA_DIR overrides it (the tests use a
// temporary folder). With tls.deterministic the lab uses the deterministic CA in <that folder>/deterministic
// and deterministic endpoints: the Nth client connection of a run and the Nth connection each server
// accepts are the same bytes on every machine, except what carries a clock (tlsendpoint.h, docs/tls.md).

#include "lab/labhost.h"
#include "lab/labinstance.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>

namespace wirelab {

class TlsCa;
class TlsServer;
struct TlsClientOptions;
struct TlsClientResult;

class TlsLabInstance final : public LabInstance
{
    Q_OBJECT
public:
    explicit TlsLabInstance(QObject *parent = nullptr);
    ~TlsLabInstance() override;

    bool start(const LabContext &context, LabEndpoints *endpoints, QString *error) override;
    void runAction(const QString &actionId) override;
    void stop() override;

    static constexpr const char *Full12 = "tls12.full";
    static constexpr const char *Full13 = "tls13.full";
    static constexpr const char *Resume12 = "tls12.resume";
    static constexpr const char *Resume13 = "tls13.resume";
    static constexpr const char *EarlySend = "early.send";
    static constexpr const char *ReplayMain = "early.replay";
    static constexpr const char *ReplayContrast = "early.replay.contrast";
    static constexpr const char *KxRsa = "kx.rsa";
    static constexpr const char *KxEcdhe = "kx.ecdhe";
    static constexpr const char *LeakKey = "key.leak";
    static constexpr const char *CertExpired = "cert.expired";
    static constexpr const char *CertWrongName = "cert.wrongname";
    static constexpr const char *CertUnknownCa = "cert.unknownca";
    static constexpr const char *CertNoIntermediate = "cert.nointermediate";
    static constexpr const char *CertTooLong = "cert.toolong";
    static constexpr int TooLongVerifyDepth = 2; // the client's verify depth against three intermediates
    static constexpr const char *Exchange = "exchange";

    // The CA folder: WIRELAB_TLS_CA_DIR, else <user data folder>/tls-ca.
    static QString caDirectory();

    struct Outcome
    {
        bool ok = false;
        QString message;
    };

private:
    struct Server
    {
        std::unique_ptr<LabHost> host;
        std::unique_ptr<TlsServer> server;
        bool antiReplay = true;
        bool earlyData = false;          // accepts 0-RTT at all
    };

    Outcome perform(const QString &actionId);
    bool startServers(QString *error);
    // One client connection to a server role; the options' defaults are the lab's parameters.
    TlsClientResult connect(const QString &role, const TlsClientOptions &options);
    TlsClientOptions clientOptions(int maxVersion) const; // 12 or 13 (0: the tls.version parameter)
    // Reports the window of one action's connections (tls.run) with what the client saw.
    void reportRun(const QString &run, qint64 fromNs, const QVariantMap &data = {});
    qint64 now() const;
    void event(const QString &host, const QString &kind, const QString &text, const QVariantMap &data = {});

    LabContext m_context;
    LabHost m_server{QStringLiteral("server")};
    LabHost m_client{QStringLiteral("client")};
    std::unique_ptr<TlsCa> m_ca;
    std::map<QString, Server> m_servers; // by role: "main", "contrast", "rsa", "expired", ...
    struct Flight
    {
        QByteArray bytes;                // the client's first flight of a 0-RTT connection: ClientHello + early data
        qint64 recordedAtMs = 0;         // steady clock: OpenSSL's ticket-age window
    };
    std::map<QString, Flight> m_flights; // by server role: a ticket only opens on the server that issued it
    QByteArray m_leakedKeyPem;           // the rsa server's key, reported by key.leak
    bool m_started = false;
    bool m_deterministic = false;        // tls.deterministic
    std::uint64_t m_clientConnections = 0; // client connections made this run (deterministic stream index)
};

} // namespace wirelab
