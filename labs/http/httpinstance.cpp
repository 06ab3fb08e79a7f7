// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpinstance.h"

#include "http1client.h"
#include "http1server.h"
#include "http2client.h"
#include "http2server.h"
#include "tls/tlsca.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <tuple>

namespace wirelab {

namespace {

std::int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

HttpLabInstance::HttpLabInstance(QObject *parent) : LabInstance(parent) {}

HttpLabInstance::~HttpLabInstance()
{
    stop();
}

int HttpLabInstance::intParam(const char *key) const
{
    return m_context.parameters.value(QLatin1String(key)).toInt();
}

std::int64_t HttpLabInstance::nowNs() const
{
    return m_context.clock ? m_context.clock->nowNs() : 0;
}

std::pair<QHostAddress, std::uint16_t> HttpLabInstance::route(std::uint16_t port) const
{
    if (m_context.serverRoute)
        return m_context.serverRoute(SOCK_STREAM, port);
    return {m_context.serverAddress, port};
}

void HttpLabInstance::event(const QString &host, const QString &kind, const QString &text, const QVariantMap &data)
{
    m_context.report(host, kind, text, data);
}

bool HttpLabInstance::start(const LabContext &context, LabEndpoints *endpoints, QString *error)
{
    if (m_started) {
        if (error)
            *error = tr("The lab is already running; stop it before starting it again.");
        return false;
    }
    m_context = context;
    if (context.serverAddress.protocol() != QAbstractSocket::IPv4Protocol) {
        if (error)
            *error = tr("This lab needs an IPv4 address for its server.");
        return false;
    }
    m_server.start();
    m_h2Host.start();
    m_client.start();
    m_started = true;
    // The HTTP/2 server (h2c with prior knowledge on its own port); the HTTP/1.x server hands it any
    // connection that asks "Upgrade: h2c" (curl --http2 against the HTTP/1.x port).
    m_h2 = std::make_unique<Http2Server>(m_context, QStringLiteral("server"));
    m_h1 = std::make_unique<Http1Server>(m_context, QStringLiteral("server"));
    m_h1->setSlowDefaultMs(intParam("slow.ms"));
    Http2Server *h2 = m_h2.get();
    m_h1->setUpgradeHandler([](const QByteArray &token) { return token.trimmed().toLower() == "h2c"; },
                            [h2](int fd, const Http1Message &, const QByteArray &requestBytes, const QByteArray &rest) {
                                h2->adoptUpgraded(fd, requestBytes, rest);
                            });
    QString why;
    if (!m_h1->listen(context.serverAddress, std::uint16_t(intParam("http.port")), &why)) {
        stop();
        if (error)
            *error = tr("Could not start the HTTP/1.x server: %1; set http.port to 0 for any free port.").arg(why);
        return false;
    }
    if (!m_h1->start(m_server)) {
        stop();
        if (error)
            *error = tr("Could not start the HTTP/1.x server.");
        return false;
    }
    if (!m_h2->listen(context.serverAddress, 0, &why) || !m_h2->start(m_h2Host)) {
        stop();
        if (error)
            *error = tr("Could not start the HTTP/2 server: %1").arg(why);
        return false;
    }
    if (!startTlsServer(&why)) {
        stop();
        if (error)
            *error = tr("Could not start the HTTP/2 server over TLS: %1").arg(why);
        return false;
    }
    endpoints->tcpPorts = {m_h1->port(), m_h2->port(), m_h2Tls->port()};
    event(QStringLiteral("server"), QStringLiteral("server.listen"),
          tr("HTTP/1.x server listening on %1:%2").arg(context.serverAddress.toString()).arg(m_h1->port()),
          {{QStringLiteral("port"), m_h1->port()}});
    event(QStringLiteral("server"), QStringLiteral("server.listen"),
          tr("HTTP/2 server (h2c) listening on %1:%2").arg(context.serverAddress.toString()).arg(m_h2->port()),
          {{QStringLiteral("port"), m_h2->port()}, {QStringLiteral("protocol"), QStringLiteral("h2")}});
    event(QStringLiteral("server"), QStringLiteral("server.listen"),
          tr("HTTP/2 server over TLS (ALPN h2, certificate for server.lab) listening on %1:%2")
              .arg(context.serverAddress.toString()).arg(m_h2Tls->port()),
          {{QStringLiteral("port"), m_h2Tls->port()}, {QStringLiteral("protocol"), QStringLiteral("h2-tls")}});
    return true;
}

bool HttpLabInstance::startTlsServer(QString *error)
{
    // A CA of this run's own (P-256: made in milliseconds), not the TLS lab's folder: this lab needs one
    // certificate for server.lab and nothing kept after it stops.
    m_caDir = std::make_unique<QTemporaryDir>();
    if (!m_caDir->isValid()) {
        *error = tr("no temporary folder for the certificate authority (%1)").arg(m_caDir->errorString());
        return false;
    }
    TlsCa ca(m_caDir->filePath(QStringLiteral("ca")));
    if (!ca.open(error))
        return false;
    TlsCertSpec spec;
    spec.keyType = TlsKeyType::P256;
    TlsServerIdentity identity;
    if (!ca.issue(spec, &identity, error))
        return false;
    QFile root(m_caDir->filePath(QStringLiteral("root.pem")));
    if (!root.open(QIODevice::WriteOnly) || root.write(ca.rootPem()) != ca.rootPem().size()) {
        *error = tr("could not write %1: %2").arg(root.fileName(), root.errorString());
        return false;
    }
    root.close();
    m_h2Tls = std::make_unique<Http2Server>(m_context, QStringLiteral("server"));
    if (!m_h2Tls->setTls(identity.chainPem(), identity.keyPem(), error))
        return false;
    if (!m_h2Tls->listen(m_context.serverAddress, 0, error))
        return false;
    m_h2TlsHost.start();
    if (!m_h2Tls->start(m_h2TlsHost)) {
        *error = tr("its loop could not be started");
        return false;
    }
    return true;
}

HttpLabInstance::Outcome HttpLabInstance::curlH2Tls()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty()) {
        event(QStringLiteral("client"), QStringLiteral("curl.missing"),
              tr("curl is not installed (apt install curl); the step is skipped."));
        return {true, tr("Skipped: curl is not installed.")};
    }
    // In host mode through the relay (so the 3G delay applies), in the lab network to the server itself.
    // The certificate names server.lab: curl connects to the address given by --resolve and checks the name.
    QHostAddress address = m_context.serverAddress;
    std::uint16_t to = m_h2Tls->port();
    if (m_context.networkMode == NetworkMode::Host)
        std::tie(address, to) = route(to);
    const QString url = QStringLiteral("https://server.lab:%1/about").arg(to);
    const std::int64_t fromNs = nowNs();
    QString output;
    const Outcome o = runCurl(curl,
                              {QStringLiteral("--http2"), QStringLiteral("-sS"), QStringLiteral("--max-time"),
                               QStringLiteral("20"), QStringLiteral("--cacert"),
                               m_caDir->filePath(QStringLiteral("root.pem")), QStringLiteral("--resolve"),
                               QStringLiteral("server.lab:%1:%2").arg(to).arg(address.toString()),
                               QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                               QStringLiteral("%{http_code} HTTP/%{http_version}"), url},
                              &output);
    const std::int64_t toNs = nowNs();
    const QString line = QStringLiteral("curl --http2 %1: %2").arg(url, output);
    event(QStringLiteral("client"), QStringLiteral("http.run"), line,
          {{QStringLiteral("run"), QStringLiteral("curl-h2tls")}, {QStringLiteral("from_ns"), qlonglong(fromNs)},
           {QStringLiteral("to_ns"), qlonglong(toNs)}});
    if (!o.ok)
        return o;
    if (!output.endsWith(QLatin1String("HTTP/2")))
        return {false, tr("curl did not speak HTTP/2 over TLS: %1").arg(output)};
    return {true, line};
}

HttpLabInstance::Outcome HttpLabInstance::fetch(const QString &run, const std::vector<QByteArray> &paths, bool http10,
                                                int connections, int depth, bool keepAlive, const QByteArray &host)
{
    Http1Client client(m_context);
    Http1ClientOptions options;
    options.hostName = QStringLiteral("client");
    const auto [address, port] = route(m_h1->port());
    options.serverAddress = address;
    options.serverPort = port;
    options.hostHeader = host;
    options.maxConnections = connections;
    options.keepAlive = keepAlive;
    options.http10 = http10;
    options.pipelineDepth = depth;
    options.timeoutMs = 60000;
    const std::int64_t fromNs = nowNs();
    const std::vector<Http1FetchResult> results = client.fetch(paths, options, &m_client);
    const std::int64_t toNs = nowNs();
    const int total = int(paths.size());
    int done = 0;
    QString why;
    for (const Http1FetchResult &r : results) {
        if (r.ok)
            ++done;
        else if (why.isEmpty())
            why = r.error;
    }
    const int opened = client.connectionsOpened();
    event(QStringLiteral("client"), QStringLiteral("http.run"),
          tr("%1: %2 of %3 responses over %4 connections").arg(run).arg(done).arg(total).arg(opened),
          {{QStringLiteral("run"), run}, {QStringLiteral("from_ns"), qlonglong(fromNs)},
           {QStringLiteral("to_ns"), qlonglong(toNs)}, {QStringLiteral("responses"), done},
           {QStringLiteral("connections"), opened}});
    if (done < total)
        return {false, tr("%1: only %2 of %3 responses arrived (%4).").arg(run).arg(done).arg(total).arg(why)};
    return {true, tr("%1: %2 responses over %3 connections.").arg(run).arg(done).arg(opened)};
}

HttpLabInstance::Outcome HttpLabInstance::perform(const QString &id)
{
    const QByteArray host = QByteArrayLiteral("lab.test");
    // The same bytes over every protocol: the PNG for images.size 0, else /big with that many bytes.
    const int imageSize = intParam("images.size");
    auto image = [imageSize](int i) {
        return imageSize == 0 ? "/img/" + QByteArray::number(i) + ".png"
                              : "/big?bytes=" + QByteArray::number(imageSize) + "&img=" + QByteArray::number(i);
    };
    std::vector<QByteArray> images;
    for (int i = 1; i <= intParam("images.count"); ++i)
        images.push_back(image(i));
    const int cap = intParam("http.connections");
    if (id == QLatin1String(GetAbout))
        return fetch(QStringLiteral("about"), {"/about"}, false, 1, 1, false, host);
    if (id == QLatin1String(Images10))
        return fetch(QStringLiteral("http10"), images, true, cap, 1, false, host);
    if (id == QLatin1String(Images11))
        return fetch(QStringLiteral("http11"), images, false, cap, 1, true, host);
    if (id == QLatin1String(ImagesPipelined))
        return fetch(QStringLiteral("pipelined"), images, false, 1, intParam("http.pipeline_depth"), true, host);
    if (id == QLatin1String(SlowPipelined)) // /slow waits slow.ms (the server's default for it)
        return fetch(QStringLiteral("slow"), {"/slow", "/about"}, false, 1, 2, true, host);
    if (id == QLatin1String(Chunked)) // five chunks 300 ms apart (the server's default)
        return fetch(QStringLiteral("chunked"), {"/chunked"}, false, 1, 1, true, host)
                   .ok ? Outcome{true, tr("The chunked response arrived.")} : Outcome{false, tr("The chunked response did not arrive.")};
    if (id == QLatin1String(TwoSites)) {
        const Outcome a = fetch(QStringLiteral("site-a"), {"/"}, false, 1, 1, true, "site-a.lab");
        const Outcome b = fetch(QStringLiteral("site-b"), {"/"}, false, 1, 1, true, "site-b.lab");
        return {a.ok && b.ok, a.message + QLatin1Char(' ') + b.message};
    }
    if (id == QLatin1String(ImagesH2))
        return fetchH2(QStringLiteral("h2"), images);
    if (id == QLatin1String(SlowH2))
        return fetchH2(QStringLiteral("slow-h2"), {"/slow?ms=" + QByteArray::number(intParam("slow.ms")), "/about"});
    if (id == QLatin1String(LossH2)) {
        if (m_context.networkMode != NetworkMode::Sandbox || !m_context.setLinkImpairment || !m_context.linkImpairment)
            return {true, tr("Skipped: in host mode the relay cannot drop TCP segments.")};
        const LinkImpairment c2s = m_context.linkImpairment(QStringLiteral("client"), QStringLiteral("server"));
        const LinkImpairment s2c = m_context.linkImpairment(QStringLiteral("server"), QStringLiteral("client"));
        LinkImpairment lossy = s2c;
        lossy.lossPercent = 2.0;
        QString why;
        if (!m_context.setLinkImpairment(QStringLiteral("server"), QStringLiteral("client"), lossy, &why))
            return {false, tr("Could not add loss to the link: %1").arg(why)};
        // Five times the page (the server has images 0..999), so a run without a lost segment is rare.
        std::vector<QByteArray> many;
        for (int i = 1; i <= std::min(999, 5 * intParam("images.count")); ++i)
            many.push_back(image(i));
        const Outcome outcome = fetchH2(QStringLiteral("loss-h2"), many);
        m_context.setLinkImpairment(QStringLiteral("server"), QStringLiteral("client"), s2c, &why);
        Q_UNUSED(c2s);
        return outcome;
    }
    if (id == QLatin1String(Curl)) {
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        if (curl.isEmpty()) {
            event(QStringLiteral("client"), QStringLiteral("curl.missing"),
                  tr("curl is not installed (apt install curl); the step is skipped."));
            return {true, tr("Skipped: curl is not installed.")};
        }
        const std::int64_t fromNs = nowNs();
        QStringList lines;
        bool ok = true;
        QString failure;
        for (const auto &[flag, port] : {std::pair{QStringLiteral("--http1.1"), m_h1->port()},
                                         std::pair{QStringLiteral("--http2-prior-knowledge"), m_h2->port()}}) {
            // In host mode through the relay (so the 3G delay applies), in the lab network to the server itself.
            QHostAddress address = m_context.serverAddress;
            std::uint16_t to = port;
            if (m_context.networkMode == NetworkMode::Host)
                std::tie(address, to) = route(port);
            const QString url = QStringLiteral("http://%1:%2/about").arg(address.toString()).arg(to);
            QString output;
            const Outcome o = runCurl(curl,
                                      {flag, QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("20"),
                                       QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                       QStringLiteral("%{http_code} HTTP/%{http_version}"), url},
                                      &output);
            lines << QStringLiteral("curl %1 %2: %3").arg(flag, url, output);
            if (!o.ok) {
                ok = false;
                failure = o.message;
            }
        }
        const std::int64_t toNs = nowNs();
        event(QStringLiteral("client"), QStringLiteral("http.run"), lines.join(QStringLiteral("; ")),
              {{QStringLiteral("run"), QStringLiteral("curl")}, {QStringLiteral("from_ns"), qlonglong(fromNs)},
               {QStringLiteral("to_ns"), qlonglong(toNs)}});
        return {ok, ok ? lines.join(QStringLiteral("; ")) : failure};
    }
    if (id == QLatin1String(CurlH2Tls))
        return curlH2Tls();
    return {false, tr("Unknown action %1.").arg(id)};
}

HttpLabInstance::Outcome HttpLabInstance::runCurl(const QString &curl, const QStringList &arguments, QString *output)
{
    if (m_context.networkMode == NetworkMode::Host || !m_context.spawnInHost) {
        QProcess process;
        process.start(curl, arguments);
        if (!process.waitForFinished(25000)) {
            process.kill();
            process.waitForFinished(2000);
            return {false, tr("curl did not finish within 25 s.")};
        }
        *output = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
        if (process.exitCode() != 0)
            return {false, tr("curl failed: %1").arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed())};
        return {true, {}};
    }
    int out[2] = {-1, -1};
    if (::pipe2(out, O_CLOEXEC) != 0)
        return {false, tr("Could not make a pipe for curl: %1").arg(QString::fromLocal8Bit(std::strerror(errno)))};
    QString why;
    int pidfd = m_context.spawnInHost(QStringLiteral("client"), curl, arguments, -1, out[1], out[1], &why);
    ::close(out[1]);
    if (pidfd < 0) {
        ::close(out[0]);
        return {false, tr("Could not run curl in the client host: %1").arg(why)};
    }
    QByteArray text;
    const std::int64_t deadline = steadyMs() + 25000;
    bool exited = false;
    while (!m_client.stopping() && steadyMs() < deadline) {
        pollfd fds[2] = {{out[0], POLLIN, 0}, {pidfd, POLLIN, 0}};
        if (::poll(fds, 2, 20) < 0 && errno != EINTR)
            break;
        if (fds[0].revents & (POLLIN | POLLHUP)) {
            char buf[4096];
            const ssize_t n = ::read(out[0], buf, sizeof buf);
            if (n > 0 && text.size() < 65536)
                text.append(buf, n);
            if (n == 0 && exited)
                break;
        }
        if (fds[1].revents & POLLIN)
            exited = true;
        if (exited && !(fds[0].revents & POLLIN))
            break;
    }
    ::close(out[0]);
    ::close(pidfd);
    *output = QString::fromLocal8Bit(text).trimmed();
    if (!exited)
        return {false, tr("curl did not finish within 25 s.")};
    if (!output->startsWith(QLatin1String("200")))
        return {false, tr("curl failed: %1").arg(*output)};
    return {true, {}};
}

HttpLabInstance::Outcome HttpLabInstance::fetchH2(const QString &run, const std::vector<QByteArray> &paths)
{
    Http2Client client(m_context, QStringLiteral("client"));
    std::vector<Http2Fetch> fetches;
    QString why;
    const std::int64_t fromNs = nowNs();
    const bool ok = client.fetch(m_context.serverAddress, m_h2->port(), "lab.test", paths, 60000, fetches, &why, &m_client);
    const std::int64_t toNs = nowNs();
    int done = 0;
    for (const Http2Fetch &f : fetches)
        done += f.complete ? 1 : 0;
    event(QStringLiteral("client"), QStringLiteral("http.run"),
          tr("%1: %2 of %3 responses over one HTTP/2 connection").arg(run).arg(done).arg(paths.size()),
          {{QStringLiteral("run"), run}, {QStringLiteral("from_ns"), qlonglong(fromNs)},
           {QStringLiteral("to_ns"), qlonglong(toNs)}, {QStringLiteral("responses"), done},
           {QStringLiteral("connections"), 1}});
    if (!ok)
        return {false, tr("%1: %2 of %3 responses (%4).").arg(run).arg(done).arg(paths.size()).arg(why)};
    return {true, tr("%1: %2 responses over one HTTP/2 connection.").arg(run).arg(done)};
}

void HttpLabInstance::runAction(const QString &actionId)
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

void HttpLabInstance::stop()
{
    if (!m_started)
        return;
    m_client.stop();
    if (m_h1)
        m_h1->stop();
    if (m_h2)
        m_h2->stop();
    if (m_h2Tls)
        m_h2Tls->stop();
    m_h2Host.stop();
    m_h2TlsHost.stop();
    m_server.stop();
    m_h1.reset();
    m_h2.reset();
    m_h2Tls.reset();
    m_caDir.reset();
    m_started = false;
}

} // namespace wirelab
