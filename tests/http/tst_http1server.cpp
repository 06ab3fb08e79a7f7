// SPDX-License-Identifier: GPL-3.0-or-later
// The lab's HTTP/1.x server and client on 127.0.0.1 (host mode: a LabContext without a socket factory
// uses ::socket), and a capture of their exchange dissected by us and by tshark, field by field.

#include "capture/capturefile.h"
#include "capture/livecapture.h"
#include "dissect/http1.h"
#include "dissect/tcpstream.h"
#include "dissect/tcptracker.h"
#include "http/http1client.h"
#include "http/http1server.h"
#include "http/http2server.h"
#include "lab/labhost.h"
#include "store/packetstore.h"

#include "processresources.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <map>
#include <netinet/in.h>
#include <set>
#include <sys/socket.h>
#include <unistd.h>

using namespace wirelab;

class TestHttp1Server final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void aboutByHand();
    void keepAliveUsesOneConnection();
    void connectionCapRespected_data();
    void connectionCapRespected();
    void http10OpensAConnectionPerRequest();
    void pipeliningAnswersInOrder();
    void chunkedArrivesOverTime();
    void hostRouting();
    void headAndNotFound();
    void upgradeHandsOverTheConnection();
    void captureMatchesTshark();
    void stopClosesEveryDescriptor();

private:
    Http1ClientOptions options() const
    {
        Http1ClientOptions o;
        o.serverAddress = QHostAddress::LocalHost;
        o.serverPort = m_server->port();
        o.timeoutMs = 20000;
        return o;
    }

    LabContext m_context;
    std::unique_ptr<LabHost> m_host;
    std::unique_ptr<Http1Server> m_server;
};

void TestHttp1Server::init()
{
    m_host = std::make_unique<LabHost>(QStringLiteral("server"));
    m_host->start();
    m_server = std::make_unique<Http1Server>(m_context);
    QString error;
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QVERIFY(m_server->port() != 0);
    QVERIFY(m_server->start(*m_host));
}

void TestHttp1Server::cleanup()
{
    m_server->stop();
    m_host->stop();
    m_server.reset();
    m_host.reset();
}

void TestHttp1Server::aboutByHand()
{
    Http1Client client(m_context);
    Http1ClientOptions o = options();
    o.hostHeader = "a.lab";
    const auto r = client.fetch({"/about"}, o);
    QCOMPARE(r.size(), std::size_t(1));
    QVERIFY2(r[0].ok, qPrintable(r[0].error));
    QCOMPARE(r[0].status, 200);
    QCOMPARE(r[0].body, Http1Server::aboutPage());
    QVERIFY(r[0].headerBlock.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(r[0].headerBlock.endsWith("\r\n\r\n"));
    QVERIFY(r[0].headerBlock.contains("Keep-Alive: timeout=5, max="));
}

void TestHttp1Server::keepAliveUsesOneConnection()
{
    EventLog events;
    LabContext ctx;
    ctx.events = &events;
    Http1Client client(ctx);
    Http1ClientOptions o = options();
    o.maxConnections = 1;
    std::vector<QByteArray> paths;
    for (int i = 0; i < 10; ++i)
        paths.push_back("/img/" + QByteArray::number(i) + ".png");
    const auto r = client.fetch(paths, o);
    std::set<std::uint16_t> ports;
    for (const auto &x : r) {
        QVERIFY2(x.ok, qPrintable(x.error));
        QCOMPARE(x.status, 200);
        QCOMPARE(x.body, Http1Server::pngImage(int(&x - r.data())));
        ports.insert(x.localPort);
    }
    QCOMPARE(ports.size(), std::size_t(1));
    QCOMPARE(client.connectionsOpened(), 1);
    QTRY_COMPARE(m_server->stats().requestsServed, std::uint64_t(10));
    QCOMPARE(m_server->stats().connectionsAccepted, std::uint64_t(1));
    int requests = 0, responses = 0, connects = 0;
    for (const LabEvent &e : events.all()) {
        requests += e.kind == QLatin1String("http.request");
        responses += e.kind == QLatin1String("http.response");
        connects += e.kind == QLatin1String("http.connect");
        if (e.kind == QLatin1String("http.response")) {
            QVERIFY(e.data.value(QStringLiteral("firstByteNs")).toLongLong()
                    >= e.data.value(QStringLiteral("sendNs")).toLongLong());
            QVERIFY(e.data.value(QStringLiteral("lastByteNs")).toLongLong()
                    >= e.data.value(QStringLiteral("firstByteNs")).toLongLong());
        }
    }
    QCOMPARE(requests, 10);
    QCOMPARE(responses, 10);
    QCOMPARE(connects, 1);
}

void TestHttp1Server::connectionCapRespected_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1") << 1 << true;
    QTest::newRow("6") << 6 << true;
    QTest::newRow("16") << 16 << true;
    QTest::newRow("6 without keep-alive") << 6 << false;
}

void TestHttp1Server::connectionCapRespected()
{
    QFETCH(int, cap);
    QFETCH(bool, keepAlive);
    Http1Client client(m_context);
    Http1ClientOptions o = options();
    o.maxConnections = cap;
    o.keepAlive = keepAlive;
    std::vector<QByteArray> paths;
    for (int i = 0; i < 100; ++i)
        paths.push_back("/img/" + QByteArray::number(i) + ".png");
    // Make every response take a while so connections overlap and the cap is what limits them.
    paths[0] = "/slow?ms=100";
    const auto r = client.fetch(paths, o);
    std::set<std::uint16_t> ports;
    std::set<int> connections;
    for (const auto &x : r) {
        QVERIFY2(x.ok, qPrintable(x.path + ": " + x.error));
        ports.insert(x.localPort);
        connections.insert(x.connection);
    }
    if (keepAlive) {
        QCOMPARE(int(ports.size()), cap);
        QCOMPARE(client.connectionsOpened(), cap);
    } else {
        QCOMPARE(client.connectionsOpened(), 100);
        QCOMPARE(int(connections.size()), 100);
    }
    // Never more than cap connections at once: at any request's send time, count connections whose
    // first send was before and last byte after.
    std::map<int, std::pair<std::int64_t, std::int64_t>> span;
    for (const auto &x : r) {
        auto &s = span.try_emplace(x.connection, x.sendNs, x.lastByteNs).first->second;
        s.first = std::min(s.first, x.sendNs);
        s.second = std::max(s.second, x.lastByteNs);
    }
    for (const auto &[c, s] : span) {
        int open = 0;
        for (const auto &[c2, s2] : span)
            open += s2.first <= s.first && s2.second >= s.first;
        QVERIFY2(open <= cap, qPrintable(QStringLiteral("%1 connections open at once").arg(open)));
    }
}

void TestHttp1Server::http10OpensAConnectionPerRequest()
{
    Http1Client client(m_context);
    Http1ClientOptions o = options();
    o.http10 = true;
    o.keepAlive = false;
    o.maxConnections = 2;
    const auto r = client.fetch({"/about", "/img/1.png", "/img/2.png", "/chunked?n=3&ms=0", "/about"}, o);
    std::set<std::uint16_t> ports;
    for (const auto &x : r) {
        QVERIFY2(x.ok, qPrintable(x.error));
        QVERIFY(x.headerBlock.startsWith("HTTP/1.0 200 OK\r\n"));
        QVERIFY(x.headerBlock.contains("Connection: close\r\n"));
        QVERIFY(!x.chunked); // no chunked encoding in HTTP/1.0
        ports.insert(x.localPort);
    }
    QCOMPARE(r[3].body, QByteArray("chunk 1 of 3\nchunk 2 of 3\nchunk 3 of 3\n"));
    QCOMPARE(client.connectionsOpened(), 5);
    QCOMPARE(ports.size(), std::size_t(5));
}

void TestHttp1Server::pipeliningAnswersInOrder()
{
    Http1Client client(m_context);
    Http1ClientOptions o = options();
    o.maxConnections = 1;
    o.pipelineDepth = 4;
    const auto r = client.fetch({"/slow?ms=300", "/about", "/img/7.png", "/about"}, o);
    QCOMPARE(client.connectionsOpened(), 1);
    for (const auto &x : r)
        QVERIFY2(x.ok, qPrintable(x.error));
    // All four were sent before the first answer came back: pipelined.
    for (const auto &x : r)
        QVERIFY(x.sendNs <= r[0].firstByteNs);
    // Answered in order: response 2 waited for the slow response 1.
    for (std::size_t i = 1; i < r.size(); ++i)
        QVERIFY(r[i].firstByteNs >= r[i - 1].lastByteNs);
    QCOMPARE(r[0].body, QByteArray("slow response after 300 ms\n"));
    QVERIFY(r[1].lastByteNs - r[1].sendNs >= 300'000'000); // held behind the slow one
    QCOMPARE(r[2].body, Http1Server::pngImage(7));
    // /slow without ?ms= waits the server's default (the lab sets it from slow.ms); the same PNG as HTTP/2.
    m_server->setSlowDefaultMs(250);
    const auto d = client.fetch({"/slow"}, o);
    QVERIFY2(d[0].ok, qPrintable(d[0].error));
    QCOMPARE(d[0].body, QByteArray("slow response after 250 ms\n"));
    QCOMPARE(Http1Server::pngImage(7), Http2Server::pngImage(7));
}

void TestHttp1Server::chunkedArrivesOverTime()
{
    Http1Client client(m_context);
    const auto r = client.fetch({"/chunked?n=5&ms=100"}, options());
    QVERIFY2(r[0].ok, qPrintable(r[0].error));
    QVERIFY(r[0].chunked);
    QCOMPARE(r[0].chunkCount, 5);
    QVERIFY(r[0].headerBlock.contains("Transfer-Encoding: chunked\r\n"));
    QCOMPARE(r[0].body, QByteArray("chunk 1 of 5\nchunk 2 of 5\nchunk 3 of 5\nchunk 4 of 5\nchunk 5 of 5\n"));
    // The headers came first, the last chunk at least 5 x 100 ms later: the response streamed.
    QVERIFY(r[0].lastByteNs - r[0].firstByteNs >= 400'000'000);
}

void TestHttp1Server::hostRouting()
{
    Http1Client client(m_context);
    Http1ClientOptions o = options();
    o.hostHeader = "a.lab";
    const auto a = client.fetch({"/"}, o);
    o.hostHeader = "b.lab:80";
    const auto b = client.fetch({"/"}, o);
    QVERIFY(a[0].ok && b[0].ok);
    QVERIFY(a[0].body.contains("Site A"));
    QVERIFY(b[0].body.contains("Site B"));
    QVERIFY(a[0].headerBlock.contains("X-Site: a.lab"));
    QVERIFY(b[0].headerBlock.contains("X-Site: b.lab"));
    // The HTTP lab's two-sites step names them site-a.lab and site-b.lab.
    o.hostHeader = "site-b.lab";
    const auto sb = client.fetch({"/"}, o);
    o.hostHeader = "site-a.lab";
    const auto sa = client.fetch({"/"}, o);
    QVERIFY(sa[0].ok && sb[0].ok);
    QVERIFY(sb[0].body.contains("Site B"));
    QVERIFY(sa[0].body.contains("Site A"));
}

void TestHttp1Server::headAndNotFound()
{
    Http1Client client(m_context);
    Http1ClientOptions o = options();
    o.method = "HEAD";
    o.maxConnections = 1;
    const auto r = client.fetch({"/big?bytes=100000", "/about"}, o);
    QVERIFY(r[0].ok && r[1].ok);
    QVERIFY(r[0].headerBlock.contains("Content-Length: 100000\r\n"));
    QCOMPARE(r[0].bodyBytes, std::uint64_t(0));
    QCOMPARE(client.connectionsOpened(), 1); // the HEAD answer's length did not swallow the next response
    o.method = "GET";
    const auto n = client.fetch({"/nothing-here", "/big?bytes=100000"}, o);
    QCOMPARE(n[0].status, 404);
    QCOMPARE(n[1].bodyBytes, std::uint64_t(100000));
}

void TestHttp1Server::upgradeHandsOverTheConnection()
{
    // Restart the server with a handler that answers 101 and a line of its own on the handed-over fd.
    cleanup();
    m_host = std::make_unique<LabHost>(QStringLiteral("server"));
    m_host->start();
    m_server = std::make_unique<Http1Server>(m_context);
    QString error;
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0, &error));
    std::atomic<int> handed{0};
    QByteArray priorRest;
    m_server->setUpgradeHandler([](const QByteArray &token) { return token == "h2c" || token == "h2c-prior-knowledge"; },
                                [&handed, &priorRest](int fd, const Http1Message &req, const QByteArray &,
                                                      const QByteArray &rest) {
                                    if (req.method.isEmpty()) {
                                        priorRest = rest;
                                        ::close(fd);
                                        ++handed;
                                        return;
                                    }
                                    const QByteArray answer = "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
                                                              "Upgrade: h2c\r\n\r\nnow something else "
                                        + req.uri;
                                    (void)::send(fd, answer.constData(), std::size_t(answer.size()), MSG_NOSIGNAL);
                                    ::close(fd);
                                    ++handed;
                                });
    QVERIFY(m_server->start(*m_host));
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(m_server->port());
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
    const QByteArray req = "GET /up HTTP/1.1\r\nHost: a.lab\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                           "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n";
    QCOMPARE(::send(fd, req.constData(), std::size_t(req.size()), 0), ssize_t(req.size()));
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    QByteArray got;
    char buf[4096];
    for (int i = 0; i < 50; ++i) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        got.append(buf, n);
    }
    ::close(fd);
    QCOMPARE(handed.load(), 1);
    QVERIFY(got.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
    QVERIFY(got.endsWith("now something else /up"));
    QCOMPARE(m_server->stats().connectionsUpgraded, std::uint64_t(1));

    // The HTTP/2 preface (prior knowledge), sent in two pieces, is handed over whole.
    const int fd2 = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QCOMPARE(::connect(fd2, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
    QCOMPARE(::send(fd2, "PRI * HTTP/2.0\r\n", 16, 0), ssize_t(16));
    QTest::qWait(50);
    QCOMPARE(handed.load(), 1);
    QCOMPARE(::send(fd2, "\r\nSM\r\n\r\nxyz", 11, 0), ssize_t(11));
    QTRY_COMPARE(handed.load(), 2);
    QCOMPARE(priorRest, QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\nxyz"));
    QCOMPARE(m_server->stats().connectionsUpgraded, std::uint64_t(2));
    ::close(fd2);
}

void TestHttp1Server::captureMatchesTshark()
{
    QString why;
    if (!LiveCapture::canCapture(QStringLiteral("lo"), &why))
        QSKIP(qPrintable(why));
    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty())
        QSKIP("tshark is not installed");
    LiveCapture capture;
    QVERIFY2(capture.start(QStringLiteral("lo"), LiveCapture::filterForPorts({m_server->port()}, {})),
             qPrintable(capture.errorString()));
    QTRY_COMPARE(capture.state(), CaptureState::Running);
    QTest::qWait(200);

    Http1Client client(m_context);
    Http1ClientOptions o = options();
    o.maxConnections = 2;
    o.hostHeader = "a.lab";
    auto r = client.fetch({"/about", "/img/3.png", "/chunked?n=3&ms=50", "/nope", "/big?bytes=200000"}, o);
    for (const auto &x : r)
        QVERIFY2(x.ok, qPrintable(x.error));
    o.hostHeader = "b.lab";
    o.maxConnections = 1;
    o.pipelineDepth = 3;
    r = client.fetch({"/", "/about", "/img/4.png"}, o);
    for (const auto &x : r)
        QVERIFY2(x.ok, qPrintable(x.error));
    o.http10 = true;
    o.keepAlive = false;
    r = client.fetch({"/about"}, o);
    QVERIFY(r[0].ok);
    // A real client where installed: curl over one keep-alive connection.
    int expected = 9;
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (!curl.isEmpty()) {
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
        QProcess c;
        c.start(curl, {QStringLiteral("-s"), QStringLiteral("--http1.1"), QStringLiteral("-H"),
                       QStringLiteral("Host: b.lab"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                       QStringLiteral("-o"), QStringLiteral("/dev/null"), base + QStringLiteral("/about"),
                       base + QStringLiteral("/chunked?n=2&ms=10"), QStringLiteral("--max-time"), QStringLiteral("20")});
        QVERIFY(c.waitForFinished(30000));
        QCOMPARE(c.exitCode(), 0);
        expected += 2;
    }
    QTest::qWait(300);
    capture.stop();

    PacketStore store(capture.linkType());
    TcpConversationTracker tracker;
    TcpStreamReassembler streams;
    for (const CapturedPacket &p : capture.takePackets()) {
        const std::uint32_t n = store.append(p.timeNs, p.bytes, p.originalLength, capture.linkType());
        const PacketView v = store.at(n - 1);
        PacketSummary s;
        dissectSummary(v.linkType, v.bytes, s);
        tracker.add(n, v.timeNs, s);
    }
    QVERIFY(store.size() > 20);
    streams.update(store, tracker);
    streams.finish();
    Http1ConnectionDissector http;
    http.update(streams);

    // Ours: per frame, the messages that complete in it (tshark shows HTTP where reassembly ends).
    std::map<std::uint32_t, QStringList> ours;
    int requests = 0, responses = 0;
    for (const Http1Message &m : http.messages()) {
        QVERIFY2(m.complete && !m.malformed, qPrintable(m.notes.join(QLatin1Char(';'))));
        const TcpStream *st = streams.stream(m.conversation, m.fromClient);
        ProtoTree t;
        t.layers.push_back(http1Tree(m, st, m.lastFrame));
        auto value = [&](const char *f) {
            const ProtoField *x = t.find(f);
            return x ? x->value : QString();
        };
        ours[m.lastFrame] << (value("http.request.method") + QLatin1Char('|') + value("http.request.uri")
                              + QLatin1Char('|') + value("http.response.code") + QLatin1Char('|') + value("http.host"));
        (m.isRequest ? requests : responses)++;
    }
    QCOMPARE(requests, expected);
    QCOMPARE(responses, expected);
    // The chunked response streamed over time: its first and last byte are in different frames.
    bool sawChunked = false;
    for (const Http1Message &m : http.messages()) {
        if (!m.isRequest && m.chunked && m.chunkCount == 3) {
            sawChunked = true;
            QVERIFY(m.firstFrame < m.lastFrame);
            QVERIFY(m.lastByteNs - m.firstByteNs >= 100'000'000); // 3 chunks, 50 ms apart
            QCOMPARE(http.messages()[std::size_t(m.pairedIndex)].uri, QByteArray("/chunked?n=3&ms=50"));
        }
    }
    QVERIFY(sawChunked);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("http1.pcapng"));
    QString error;
    QVERIFY2(writePcapng(path, store, &error), qPrintable(error));
    QProcess proc;
    proc.start(tshark, {QStringLiteral("-r"), path, QStringLiteral("-d"),
                        QStringLiteral("tcp.port==%1,http").arg(m_server->port()), QStringLiteral("-T"),
                        QStringLiteral("fields"), QStringLiteral("-E"), QStringLiteral("separator=|"),
                        QStringLiteral("-e"), QStringLiteral("frame.number"), QStringLiteral("-e"),
                        QStringLiteral("http.request.method"), QStringLiteral("-e"), QStringLiteral("http.request.uri"),
                        QStringLiteral("-e"), QStringLiteral("http.response.code"), QStringLiteral("-e"),
                        QStringLiteral("http.host"), QStringLiteral("-Y"), QStringLiteral("http")});
    QVERIFY(proc.waitForFinished(60000));
    QCOMPARE(proc.exitCode(), 0);
    std::map<std::uint32_t, QStringList> theirs;
    for (const QByteArray &line : proc.readAllStandardOutput().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QString l = QString::fromUtf8(line);
        const qsizetype bar = l.indexOf(QLatin1Char('|'));
        theirs[l.left(bar).toUInt()] << l.mid(bar + 1);
    }
    QCOMPARE(theirs.size(), ours.size());
    for (const auto &[frame, rows] : ours) {
        QVERIFY2(theirs.count(frame), qPrintable(QStringLiteral("frame %1: ours %2, tshark nothing").arg(frame).arg(rows.join(QLatin1Char(' ')))));
        // tshark joins several messages in one frame with commas per field; compare as a joined row.
        QStringList cols[4];
        for (const QString &row : rows) {
            const QStringList parts = row.split(QLatin1Char('|'));
            for (int i = 0; i < 4; ++i) {
                if (!parts.value(i).isEmpty())
                    cols[i] << parts.value(i);
            }
        }
        QString joined;
        for (int i = 0; i < 4; ++i)
            joined += (i ? QStringLiteral("|") : QString()) + cols[i].join(QLatin1Char(','));
        QCOMPARE(joined, theirs[frame].join(QLatin1Char(' ')));
    }
}

void TestHttp1Server::stopClosesEveryDescriptor()
{
    cleanup();
    const int fdsBefore = test::openFdCount();
    const int threadsBefore = test::threadCount();
    m_host = std::make_unique<LabHost>(QStringLiteral("server"));
    m_host->start();
    m_server = std::make_unique<Http1Server>(m_context);
    QString error;
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0, &error));
    QVERIFY(m_server->start(*m_host));
    // Leave connections open on the server side (keep-alive) and one request half sent.
    Http1Client client(m_context);
    Http1ClientOptions o = options();
    o.maxConnections = 4;
    std::vector<QByteArray> paths(20, QByteArray("/about"));
    for (const auto &x : client.fetch(paths, o))
        QVERIFY(x.ok);
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(m_server->port());
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
    QCOMPARE(::send(fd, "GET /ab", 7, 0), ssize_t(7));
    QTRY_VERIFY(m_server->stats().connectionsAccepted >= 2);
    m_server->stop();
    m_host->stop();
    ::close(fd);
    QCOMPARE(test::openFdCount(), fdsBefore);
    QCOMPARE(test::threadCount(), threadsBefore);
    init(); // for cleanup()
}

QTEST_GUILESS_MAIN(TestHttp1Server)
#include "tst_http1server.moc"
