// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsinstance.h"

#include "tlsca.h"
#include "tlsendpoint.h"

#include <QDateTime>
#include <QDir>

#include <sys/socket.h>

#include <chrono>

namespace wirelab {

namespace {

// The name the client asks for (SNI) and checks; the main server's certificate carries cert.san.
const QString kServerName = QStringLiteral("server.wirelab.test");
// One request the client sends on every connection, answered by the server's small HTTP responder.
const QByteArray kRequest = QByteArrayLiteral("GET /hello HTTP/1.1\r\nHost: server.wirelab.test\r\n\r\n");
// What 0-RTT carries in step 4: a request that must not run twice (notes L729).
const QByteArray kEarlyRequest = QByteArrayLiteral("GET /transfer?to=mallory&amount=100 HTTP/1.1\r\nHost: server.wirelab.test\r\n\r\n");

QString cipherList(const QString &choice)
{
    if (choice == QLatin1String("rsa-aes256-gcm"))
        return QStringLiteral("AES256-GCM-SHA384");
    if (choice == QLatin1String("ecdhe-aes256-gcm"))
        return QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384");
    if (choice == QLatin1String("ecdhe-chacha20"))
        return QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-CHACHA20-POLY1305");
    return QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256");
}

QString cipherSuites(const QString &choice)
{
    if (choice == QLatin1String("ecdhe-aes128-gcm"))
        return QStringLiteral("TLS_AES_128_GCM_SHA256");
    if (choice == QLatin1String("ecdhe-chacha20"))
        return QStringLiteral("TLS_CHACHA20_POLY1305_SHA256");
    return QStringLiteral("TLS_AES_256_GCM_SHA384");
}

// The chosen group first (the TLS 1.3 key_share the client sends), then the usual curves: a TLS 1.2 ECDSA
// certificate needs its curve among the client's supported_groups, and TLS 1.2 ECDHE needs a curve at all
// when the choice is the finite-field ffdhe2048.
QString groupList(const QString &choice)
{
    QStringList groups{choice == QLatin1String("x25519") ? QStringLiteral("X25519") : choice};
    for (const QString &g : {QStringLiteral("X25519"), QStringLiteral("P-256"), QStringLiteral("P-384")}) {
        if (!groups.contains(g))
            groups << g;
    }
    return groups.join(QLatin1Char(':')); // "P-256", "P-384", "ffdhe2048" are OpenSSL's names too
}

// A replay later than this after the recording records a fresh flight first (OpenSSL allows ~10 s of
// ticket-age difference before it rejects early data on its own).
constexpr qint64 kReplayWindowMs = 8000;

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

TlsLabInstance::TlsLabInstance(QObject *parent) : LabInstance(parent) {}

TlsLabInstance::~TlsLabInstance()
{
    stop();
}

QString TlsLabInstance::caDirectory()
{
    const QString dir = qEnvironmentVariable("WIRELAB_TLS_CA_DIR");
    return dir.isEmpty() ? TlsCa::defaultDirectory() : dir;
}

qint64 TlsLabInstance::now() const
{
    return m_context.clock ? m_context.clock->nowNs() : 0;
}

void TlsLabInstance::event(const QString &host, const QString &kind, const QString &text, const QVariantMap &data)
{
    m_context.report(host, kind, text, data);
}

void TlsLabInstance::reportRun(const QString &run, qint64 fromNs, const QVariantMap &data)
{
    QVariantMap d = data;
    d.insert(QStringLiteral("run"), run);
    d.insert(QStringLiteral("from_ns"), fromNs);
    d.insert(QStringLiteral("to_ns"), now());
    event(QStringLiteral("client"), QStringLiteral("tls.run"), tr("Run %1 finished").arg(run), d);
}

bool TlsLabInstance::start(const LabContext &context, LabEndpoints *endpoints, QString *error)
{
    if (m_started) {
        if (error)
            *error = tr("The lab is already running; stop it before starting it again.");
        return false;
    }
    m_context = context;
    // Deterministic mode (tls.deterministic): a CA whose keys and certificates are the same on every machine,
    // in a folder of its own so it never mixes with the student's CA; every endpoint deterministic too.
    m_deterministic = context.parameters.value(QStringLiteral("tls.deterministic")).toBool();
    m_clientConnections = 0;
    const QString caDir = m_deterministic ? TlsCa::deterministicDirectory(caDirectory()) : caDirectory();
    m_ca = std::make_unique<TlsCa>(caDir, m_deterministic);
    QString why;
    if (!m_ca->open(&why)) {
        if (error)
            *error = tr("The lab's certificate authority could not be opened in %1: %2").arg(caDir, why);
        m_ca.reset();
        return false;
    }
    m_client.start();
    m_started = true;
    if (!startServers(&why)) {
        stop();
        if (error)
            *error = why;
        return false;
    }
    endpoints->tcpPorts.clear();
    for (const auto &[role, s] : m_servers) {
        endpoints->tcpPorts.push_back(s.server->port());
        event(QStringLiteral("server"), QStringLiteral("server.listen"),
              tr("TLS server \"%1\" listening on %2:%3").arg(role, context.serverAddress.toString()).arg(s.server->port()),
              {{QStringLiteral("port"), s.server->port()}, {QStringLiteral("role"), role}});
    }
    return true;
}

bool TlsLabInstance::startServers(QString *error)
{
    const QVariantMap &p = m_context.parameters;
    const QString cipher = p.value(QStringLiteral("tls.cipher")).toString();
    const auto keyType = tlsKeyTypeFromId(p.value(QStringLiteral("cert.key_type")).toString());
    if (!keyType) {
        *error = tr("Unknown key type %1.").arg(p.value(QStringLiteral("cert.key_type")).toString());
        return false;
    }
    if (cipher == QLatin1String("rsa-aes256-gcm") && *keyType != TlsKeyType::Rsa2048 && *keyType != TlsKeyType::Rsa4096) {
        *error = tr("RSA key transport needs an RSA server key; set cert.key_type to rsa2048 or rsa4096, or choose an "
                    "ECDHE cipher.");
        return false;
    }
    const QDateTime nowUtc = QDateTime::currentDateTimeUtc();
    // Deterministic mode: no date from the clock. Valid certificates run from 2026-01-01 for 20 years
    // (cert.validity_days does not apply), the expired one ended in 2025.
    const bool det = m_deterministic;
    auto spec = [&](TlsKeyType type) {
        TlsCertSpec s;
        s.keyType = type;
        s.commonName = kServerName;
        s.dnsNames = {kServerName};
        s.ipAddresses = {};
        s.notBefore = det ? TlsCa::deterministicNotBefore() : nowUtc.addSecs(-3600);
        s.notAfter = det ? TlsCa::deterministicNotAfter() : nowUtc.addDays(90);
        s.intermediates = 1;
        return s;
    };
    struct Role
    {
        QString name;
        TlsCertSpec cert;
        TlsServerOptions options;
    };
    std::vector<Role> roles;

    TlsServerOptions mainOptions;
    mainOptions.cipherList = cipherList(cipher);
    mainOptions.cipherSuites = cipherSuites(cipher);
    mainOptions.groups = groupList(p.value(QStringLiteral("tls.group")).toString());
    mainOptions.maxEarlyData = p.value(QStringLiteral("tls.early_data")).toBool() ? 16384 : 0;
    mainOptions.antiReplay = p.value(QStringLiteral("tls.anti_replay")).toBool();
    mainOptions.alpn = {QStringLiteral("http/1.1")}; // the request is HTTP/1.1: ALPN says so in the handshake
    mainOptions.deterministic = det;
    TlsCertSpec mainCert = spec(*keyType);
    mainCert.dnsNames = {p.value(QStringLiteral("cert.san")).toString()};
    mainCert.commonName = mainCert.dnsNames.front();
    mainCert.intermediates = p.value(QStringLiteral("cert.chain_length")).toInt();
    if (!det)
        mainCert.notAfter = nowUtc.addDays(p.value(QStringLiteral("cert.validity_days")).toInt());
    roles.push_back({QStringLiteral("main"), mainCert, mainOptions});

    // Step 4's second server: the same, with the opposite anti-replay setting and early data always on.
    TlsServerOptions contrast = mainOptions;
    contrast.maxEarlyData = 16384;
    contrast.antiReplay = !mainOptions.antiReplay;
    roles.push_back({QStringLiteral("contrast"), mainCert, contrast});

    // Step 5: RSA-2048, TLS 1.2, RSA key transport or ECDHE as the client asks.
    TlsServerOptions rsa;
    rsa.minVersion = rsa.maxVersion = TlsVersion::Tls12;
    rsa.deterministic = det;
    rsa.cipherList = QStringLiteral("AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384");
    rsa.alpn = mainOptions.alpn;
    roles.push_back({QStringLiteral("rsa"), spec(TlsKeyType::Rsa2048), rsa});

    // Step 6: one broken certificate each, otherwise the main server's settings.
    TlsServerOptions broken = mainOptions;
    broken.maxEarlyData = 0;
    TlsCertSpec expired = spec(*keyType); // the main key type: the cipher choice must fit every server
    expired.notBefore = det ? QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC) : nowUtc.addDays(-91);
    expired.notAfter = det ? QDateTime(QDate(2025, 4, 1), QTime(0, 0), Qt::UTC) : nowUtc.addDays(-1);
    roles.push_back({QStringLiteral("expired"), expired, broken});
    TlsCertSpec wrongName = spec(*keyType);
    wrongName.commonName = QStringLiteral("other.example");
    wrongName.dnsNames = {QStringLiteral("other.example")};
    roles.push_back({QStringLiteral("wrongname"), wrongName, broken});
    TlsCertSpec unknownCa = spec(*keyType);
    unknownCa.untrustedRoot = true;
    roles.push_back({QStringLiteral("unknownca"), unknownCa, broken});
    TlsCertSpec noIntermediate = spec(*keyType);
    noIntermediate.intermediates = 1;
    noIntermediate.omitIntermediates = true;
    roles.push_back({QStringLiteral("nointermediate"), noIntermediate, broken});
    TlsCertSpec tooLong = spec(*keyType);
    tooLong.intermediates = 3; // one more than the client's verify depth for this server allows
    roles.push_back({QStringLiteral("toolong"), tooLong, broken});

    for (Role &role : roles) {
        QString why;
        if (!m_ca->issue(role.cert, &role.options.identity, &why)) {
            *error = tr("The lab's CA could not issue the \"%1\" certificate: %2").arg(role.name, why);
            return false;
        }
        if (role.name == QLatin1String("rsa"))
            m_leakedKeyPem = role.options.identity.keyPem();
        role.options.deterministicName = QStringLiteral("server-") + role.name; // a stream per server
        Server s;
        s.host = std::make_unique<LabHost>(QStringLiteral("server-") + role.name);
        s.server = std::make_unique<TlsServer>(m_context, QStringLiteral("server"));
        s.antiReplay = role.options.antiReplay;
        s.earlyData = role.options.maxEarlyData > 0;
        s.server->setKeepConnections(true);
        if (!s.server->configure(role.options, &why) || !s.server->listen(m_context.serverAddress, 0, &why)) {
            *error = tr("The \"%1\" TLS server could not start: %2").arg(role.name, why);
            return false;
        }
        s.host->start();
        if (!s.server->start(*s.host)) {
            *error = tr("The \"%1\" TLS server could not start its thread.").arg(role.name);
            return false;
        }
        m_servers.emplace(role.name, std::move(s));
    }
    return true;
}

TlsClientOptions TlsLabInstance::clientOptions(int maxVersion) const
{
    const QVariantMap &p = m_context.parameters;
    if (maxVersion == 0)
        maxVersion = p.value(QStringLiteral("tls.version")).toString() == QLatin1String("1.2") ? 12 : 13;
    TlsClientOptions o;
    o.minVersion = TlsVersion::Tls12;
    o.maxVersion = maxVersion == 12 ? TlsVersion::Tls12 : TlsVersion::Tls13;
    if (maxVersion == 13)
        o.minVersion = TlsVersion::Tls13;
    const QString cipher = p.value(QStringLiteral("tls.cipher")).toString();
    o.cipherList = cipherList(cipher);
    o.cipherSuites = cipherSuites(cipher);
    o.groups = groupList(p.value(QStringLiteral("tls.group")).toString());
    o.serverName = kServerName;
    o.trustedRootsPem = m_ca->rootPem();
    o.request = kRequest;
    o.alpn = {QStringLiteral("http/1.1")};
    return o;
}

TlsClientResult TlsLabInstance::connect(const QString &role, const TlsClientOptions &options)
{
    const auto found = m_servers.find(role);
    if (found == m_servers.end()) {
        TlsClientResult r;
        r.error = tr("No server \"%1\".").arg(role);
        return r;
    }
    QHostAddress address = m_context.serverAddress;
    std::uint16_t port = found->second.server->port();
    if (m_context.serverRoute) {
        const auto route = m_context.serverRoute(SOCK_STREAM, port);
        address = route.first;
        port = route.second;
    }
    TlsClientOptions o = options;
    // Deterministic mode: the run's Nth client connection gets stream ("client", N) on every machine.
    o.deterministic = m_deterministic;
    o.deterministicConnection = m_clientConnections++;
    return TlsClient::run(m_context, QStringLiteral("client"), address, port, o, &m_client);
}

void TlsLabInstance::runAction(const QString &actionId)
{
    const bool queued = m_started && m_client.post([this, actionId] {
        const Outcome outcome = perform(actionId);
        if (m_client.stopping())
            return;
        Q_EMIT actionFinished(actionId, outcome.ok, outcome.message);
    });
    if (!queued)
        Q_EMIT actionFinished(actionId, false, tr("The lab is not running."));
}

TlsLabInstance::Outcome TlsLabInstance::perform(const QString &id)
{
    const qint64 from = now();
    auto describe = [](const TlsClientResult &r) {
        return r.ok ? tr("%1 with %2 (%3)%4").arg(r.version, r.cipher, r.group, r.resumed ? tr(", resumed") : QString())
                    : r.error;
    };
    auto full = [&](int version) -> Outcome {
        const TlsClientResult r = connect(QStringLiteral("main"), clientOptions(version));
        reportRun(id, from, {{QStringLiteral("ok"), r.ok}, {QStringLiteral("version"), r.version}});
        return {r.ok, describe(r)};
    };
    auto twice = [&](int version) -> Outcome {
        TlsClientOptions o = clientOptions(version);
        const TlsClientResult first = connect(QStringLiteral("main"), o);
        if (!first.ok || !first.session) {
            reportRun(id, from);
            return {false, first.ok ? tr("The server gave no session ticket.") : first.error};
        }
        o.session = first.session;
        const TlsClientResult again = connect(QStringLiteral("main"), o);
        reportRun(id, from, {{QStringLiteral("resumed"), again.resumed}});
        return {again.ok && again.resumed, again.ok ? tr("First: %1; second: %2").arg(describe(first), describe(again)) : again.error};
    };
    // Full TLS 1.3 handshake for a ticket, then a resumed one with 0-RTT; records its first flight.
    auto earlyData = [&](const QString &role, const QString &run, qint64 start) -> Outcome {
        TlsClientOptions o = clientOptions(13);
        const TlsClientResult first = connect(role, o);
        if (!first.ok || !first.session) {
            reportRun(run, start);
            return {false, first.ok ? tr("The server gave no session ticket.") : first.error};
        }
        o.session = first.session;
        o.earlyData = kEarlyRequest;
        o.request.clear();
        o.recordFirstFlight = true;
        const TlsClientResult again = connect(role, o);
        reportRun(run, start, {{QStringLiteral("early_data"), again.earlyData}});
        if (!again.ok)
            return {false, again.error};
        m_flights[role] = {again.firstFlight, steadyMs()};
        return {true, tr("Resumed: %1; early data %2; first flight %3 bytes recorded")
                          .arg(again.resumed ? tr("yes") : tr("no"), again.earlyData).arg(again.firstFlight.size())};
    };
    auto replay = [&](const QString &role, const QString &run) -> Outcome {
        if (m_flights[role].bytes.isEmpty())
            return {false, tr("No first flight recorded yet: send early data first.")};
        QString note;
        if (steadyMs() - m_flights[role].recordedAtMs > kReplayWindowMs) {
            // OpenSSL rejects early data whose ticket age is off by more than ~10 s (TICKET_AGE_ALLOWANCE)
            // whatever the anti-replay setting, which would hide the lesson: record a fresh flight first.
            const Outcome fresh = earlyData(role, role == QLatin1String("main") ? QString::fromLatin1(EarlySend)
                                                                                : QStringLiteral("early.contrast"), now());
            if (!fresh.ok)
                return fresh;
            note = tr("The recorded flight was older than %1 s, so a fresh one was recorded first. ").arg(kReplayWindowMs / 1000);
        }
        const qint64 start = now();
        const auto &server = m_servers.at(role);
        QHostAddress address = m_context.serverAddress;
        std::uint16_t port = server.server->port();
        if (m_context.serverRoute) {
            const auto route = m_context.serverRoute(SOCK_STREAM, port);
            address = route.first;
            port = route.second;
        }
        const TlsReplayResult r = TlsClient::replayFirstFlight(m_context, QStringLiteral("client"), address, port,
                                                               m_flights[role].bytes, 1500, &m_client);
        reportRun(run, start, {{QStringLiteral("anti_replay"), server.antiReplay},
                               {QStringLiteral("early_data_allowed"), server.earlyData},
                               {QStringLiteral("bytes"), r.bytesSent}});
        return {r.ok, r.ok ? note + tr("Replayed %1 bytes to the server with anti-replay %2; it answered %3 bytes.")
                                        .arg(r.bytesSent).arg(server.antiReplay ? tr("on") : tr("off")).arg(r.bytesReceived)
                           : r.error};
    };
    auto rsaServer = [&](const QString &cipher) -> Outcome {
        TlsClientOptions o = clientOptions(12);
        o.cipherList = cipher;
        const TlsClientResult r = connect(QStringLiteral("rsa"), o);
        reportRun(id, from, {{QStringLiteral("cipher"), r.cipher}});
        return {r.ok, describe(r)};
    };
    auto broken = [&](const QString &role, int verifyDepth) -> Outcome {
        TlsClientOptions o = clientOptions(0);
        o.verifyDepth = verifyDepth;
        const TlsClientResult r = connect(role, o);
        const QString reason = r.verifyExplanation.isEmpty() ? r.verifyText : r.verifyExplanation;
        reportRun(id, from, {{QStringLiteral("verify_error"), reason}, {QStringLiteral("alert"), r.alertSent}});
        if (r.handshakeOk)
            return {false, tr("The client accepted the certificate.")};
        return {true, tr("Refused: %1 (alert sent: %2)").arg(reason, r.alertSent)};
    };

    if (id == QLatin1String(Full12))
        return full(12);
    if (id == QLatin1String(Full13))
        return full(13);
    if (id == QLatin1String(Resume12))
        return twice(12);
    if (id == QLatin1String(Resume13))
        return twice(13);
    if (id == QLatin1String(EarlySend))
        return earlyData(QStringLiteral("main"), id, from);
    if (id == QLatin1String(ReplayMain))
        return replay(QStringLiteral("main"), id);
    if (id == QLatin1String(ReplayContrast)) {
        // Its own ticket and first flight on the second server, then the replay of that flight.
        const Outcome o = earlyData(QStringLiteral("contrast"), QStringLiteral("early.contrast"), from);
        if (!o.ok)
            return o;
        return replay(QStringLiteral("contrast"), id);
    }
    if (id == QLatin1String(KxRsa))
        return rsaServer(QStringLiteral("AES256-GCM-SHA384"));
    if (id == QLatin1String(KxEcdhe))
        return rsaServer(QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"));
    if (id == QLatin1String(LeakKey)) {
        event(QStringLiteral("server"), QStringLiteral("tls.leak"),
              tr("The RSA server's private key leaked (%1 bytes of PEM)").arg(m_leakedKeyPem.size()),
              {{QStringLiteral("key_pem"), m_leakedKeyPem}});
        reportRun(id, from);
        return {!m_leakedKeyPem.isEmpty(), tr("The server's private key is now in the event log.")};
    }
    if (id == QLatin1String(CertExpired))
        return broken(QStringLiteral("expired"), -1);
    if (id == QLatin1String(CertWrongName))
        return broken(QStringLiteral("wrongname"), -1);
    if (id == QLatin1String(CertUnknownCa))
        return broken(QStringLiteral("unknownca"), -1);
    if (id == QLatin1String(CertNoIntermediate))
        return broken(QStringLiteral("nointermediate"), -1);
    if (id == QLatin1String(CertTooLong))
        return broken(QStringLiteral("toolong"), TooLongVerifyDepth);
    if (id == QLatin1String(Exchange))
        return full(0);
    return {false, tr("Unknown action %1.").arg(id)};
}

void TlsLabInstance::stop()
{
    if (!m_started)
        return;
    m_client.stop();
    for (auto &[role, s] : m_servers) {
        s.server->stop();
        s.host->stop();
    }
    m_servers.clear();
    m_ca.reset();
    m_started = false;
}

} // namespace wirelab
