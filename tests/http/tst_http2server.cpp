// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP/2 server and client on 127.0.0.1: 100 images over one connection, /slow not holding back other
// streams, MAX_CONCURRENT_STREAMS honoured, curl with prior knowledge and with Upgrade: h2c, and curl over
// TLS with ALPN "h2" (a certificate from the TLS lab's TlsCa in a temporary folder; a client without h2 in
// ALPN refused; the server's key-log events).
#include "dissect/http1.h"
#include "http/http1server.h"
#include "http/http2client.h"
#include "http/http2server.h"
#include "capture/capturefile.h"
#include "capture/livecapture.h"
#include "dissect/http2.h"
#include "dissect/tcpstream.h"
#include "dissect/tcptracker.h"
#include "lab/labhost.h"
#include "tls/tlsca.h"
#include "store/eventlog.h"
#include "store/packetstore.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace wirelab;

class TestHttp2Server final : public QObject
{
    Q_OBJECT
private:
    struct Running
    {
        LabHost host{QStringLiteral("server")};
        Http2Server server;
        explicit Running(const LabContext &ctx, std::uint32_t maxStreams = 100) : server(ctx)
        {
            server.setMaxConcurrentStreams(maxStreams);
        }
        bool start(const TlsServerIdentity *tls = nullptr)
        {
            QString error;
            if (tls && !server.setTls(tls->chainPem(), tls->keyPem(), &error))
                return false;
            if (!server.listen(QHostAddress::LocalHost, 0, &error))
                return false;
            host.start();
            return server.start(host);
        }
        ~Running()
        {
            server.stop();
            host.stop();
        }
    };

private Q_SLOTS:
    void resources()
    {
        QVERIFY(Http2Server::resource("/about", "a.lab").body.contains("About"));
        QCOMPARE(Http2Server::resource("/nope", "a.lab").status, 404);
        QCOMPARE(Http2Server::resource("/big?bytes=12345", "x").body.size(), 12345);
        QCOMPARE(Http2Server::resource("/slow?ms=70", "x").delayMs, 70);
        QCOMPARE(Http2Server::resource("/slow?ms=999999", "x").delayMs, 30000);
        QCOMPARE(Http2Server::resource("/page100", "x").body.count("<img "), 100);
        QVERIFY(Http2Server::resource("/", "b.lab:8080").body.contains("Site B"));
        QVERIFY(Http2Server::resource("/", "a.lab").body.contains("Site A"));
        const QByteArray png = Http2Server::pngImage(7);
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(png != Http2Server::pngImage(8));
        QCOMPARE(Http2Server::resource("/img/1000.png", "x").status, 404);
    }

    void hundredImagesOneConnection()
    {
        EventLog events;
        LabContext ctx;
        ctx.events = &events;
        Running r(ctx);
        QVERIFY(r.start());
        Http2Client client(ctx);
        std::vector<QByteArray> paths{"/page100"};
        for (int i = 0; i < 100; ++i)
            paths.push_back("/img/" + QByteArray::number(i) + ".png");
        std::vector<Http2Fetch> fetches;
        QString error;
        QVERIFY2(client.fetch(QHostAddress::LocalHost, r.server.port(), "a.lab", paths, 20000, fetches, &error), qPrintable(error));
        QCOMPARE(int(fetches.size()), 101);
        QCOMPARE(fetches[0].status, 200);
        QCOMPARE(fetches[0].body.count("<img "), 100);
        for (int i = 0; i < 100; ++i) {
            const Http2Fetch &f = fetches[std::size_t(i) + 1];
            QCOMPARE(f.status, 200);
            QCOMPARE(f.body, Http2Server::pngImage(i));
            QCOMPARE(f.streamId % 2, 1u); // client streams are odd
            QVERIFY(f.sentNs > 0 && f.firstByteNs >= f.sentNs && f.lastByteNs >= f.firstByteNs);
        }
        const Http2ServerStats st = r.server.stats();
        QCOMPARE(st.connectionsAccepted, 1u);
        QCOMPARE(st.streamsServed, 101u);
        QVERIFY(st.peakOpenStreams > 1); // streams really overlapped on the one connection
        int requests = 0, responses = 0;
        for (const LabEvent &e : events.all()) {
            if (e.kind == QLatin1String("http.request"))
                ++requests;
            if (e.kind == QLatin1String("http.response")) {
                ++responses;
                QCOMPARE(e.data.value(QStringLiteral("protocol")).toString(), QStringLiteral("h2"));
                QCOMPARE(e.data.value(QStringLiteral("port")).toInt(), int(client.localPort()));
                QCOMPARE(e.data.value(QStringLiteral("status")).toInt(), 200);
            }
        }
        QCOMPARE(requests, 101);
        QCOMPARE(responses, 101);
    }

    void slowDoesNotBlockOtherStreams()
    {
        LabContext ctx;
        Running r(ctx);
        QVERIFY(r.start());
        Http2Client client(ctx);
        const std::vector<QByteArray> paths{"/slow?ms=700", "/img/1.png", "/about", "/big?bytes=200000", "/img/2.png"};
        std::vector<Http2Fetch> fetches;
        QString error;
        QVERIFY2(client.fetch(QHostAddress::LocalHost, r.server.port(), "a.lab", paths, 20000, fetches, &error), qPrintable(error));
        const Http2Fetch &slow = fetches[0];
        QCOMPARE(slow.status, 200);
        QVERIFY2(slow.lastByteNs - slow.sentNs >= 700000000, qPrintable(QString::number(slow.lastByteNs - slow.sentNs))); // the server really waited
        for (std::size_t i = 1; i < fetches.size(); ++i) {
            QCOMPARE(fetches[i].status, 200);
            QVERIFY2(fetches[i].lastByteNs < slow.firstByteNs, fetches[i].path.constData());
        }
        QCOMPARE(fetches[3].bytes, 200000u);
    }

    void maxConcurrentStreams()
    {
        LabContext ctx;
        Running r(ctx, 2);
        QVERIFY(r.start());
        Http2Client client(ctx);
        const std::vector<QByteArray> paths{"/slow?ms=100", "/slow?ms=100", "/slow?ms=100", "/slow?ms=100", "/slow?ms=100"};
        std::vector<Http2Fetch> fetches;
        QString error;
        QVERIFY2(client.fetch(QHostAddress::LocalHost, r.server.port(), "a.lab", paths, 20000, fetches, &error), qPrintable(error));
        for (const Http2Fetch &f : fetches)
            QCOMPARE(f.status, 200);
        QVERIFY(r.server.stats().peakOpenStreams <= 2);
        QCOMPARE(r.server.stats().protocolErrors, 0u);
    }

    void curl_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("upgraded");
        QTest::newRow("prior knowledge") << QStringList{QStringLiteral("--http2-prior-knowledge")} << false;
        QTest::newRow("Upgrade: h2c") << QStringList{QStringLiteral("--http2")} << true;
    }
    void curl()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, upgraded);
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        LabContext ctx;
        Running r(ctx);
        QVERIFY(r.start());
        QProcess curl;
        curl.start(QStringLiteral("curl"), args + QStringList{QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("10"),
                                                               QStringLiteral("-w"), QStringLiteral("\n%{http_version} %{http_code}"),
                                                               QStringLiteral("http://127.0.0.1:%1/about").arg(r.server.port())});
        QVERIFY(curl.waitForFinished(15000));
        QCOMPARE(curl.exitCode(), 0);
        const QByteArray out = curl.readAllStandardOutput();
        QVERIFY2(out.endsWith("\n2 200"), out.constData());
        QVERIFY(out.startsWith(Http2Server::resource("/about", "x").body));
        QCOMPARE(r.server.stats().connectionsUpgraded, upgraded ? 1u : 0u);
    }

    void badTlsIdentityIsRefused()
    {
        LabContext ctx;
        Http2Server server(ctx);
        QString error;
        QVERIFY(!server.setTls("not a certificate", "not a key", &error));
        QVERIFY2(error.contains(QStringLiteral("not a PEM certificate")), qPrintable(error));
        QVERIFY(!server.isTls());
    }

    // h2 over TLS: curl offers "h2" and "http/1.1" in its ClientHello, the server picks "h2". curl --http1.1
    // offers only "http/1.1" and gets a no_application_protocol alert. Every secret is a tls.keylog event.
    void curlOverTlsWithAlpn()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TlsCa ca(dir.filePath(QStringLiteral("ca")));
        QString error;
        QVERIFY2(ca.open(&error), qPrintable(error));
        TlsCertSpec spec;
        spec.keyType = TlsKeyType::P256;
        TlsServerIdentity identity;
        QVERIFY2(ca.issue(spec, &identity, &error), qPrintable(error));
        QVERIFY(spec.dnsNames.contains(QStringLiteral("server.lab")));
        const QString rootFile = dir.filePath(QStringLiteral("root.pem"));
        {
            QFile f(rootFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(ca.rootPem());
        }
        EventLog events;
        LabContext ctx;
        ctx.events = &events;
        Running r(ctx);
        QVERIFY(r.start(&identity));
        QVERIFY(r.server.isTls());
        const QString port = QString::number(r.server.port());
        const QStringList common{QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("10"),
                                 QStringLiteral("--cacert"), rootFile, QStringLiteral("--resolve"),
                                 QStringLiteral("server.lab:%1:127.0.0.1").arg(port), QStringLiteral("-w"),
                                 QStringLiteral("\n%{http_version} %{http_code}"),
                                 QStringLiteral("https://server.lab:%1/about").arg(port)};
        QProcess curl;
        curl.start(QStringLiteral("curl"), QStringList{QStringLiteral("--http2")} + common);
        QVERIFY(curl.waitForFinished(15000));
        QVERIFY2(curl.exitCode() == 0, curl.readAllStandardError().constData());
        const QByteArray out = curl.readAllStandardOutput();
        QVERIFY2(out.endsWith("\n2 200"), out.right(40).constData());
        QVERIFY(out.startsWith(Http2Server::resource("/about", "x").body));
        QCOMPARE(r.server.stats().tlsHandshakes, 1u);
        QCOMPARE(r.server.stats().streamsServed, 1u);
        QCOMPARE(r.server.stats().protocolErrors, 0u);
        QStringList labels;
        for (const LabEvent &e : events.all()) {
            if (e.kind == QLatin1String("tls.keylog"))
                labels << e.data.value(QStringLiteral("line")).toString().section(QLatin1Char(' '), 0, 0);
        }
        QVERIFY2(labels.contains(QStringLiteral("CLIENT_TRAFFIC_SECRET_0")) || labels.contains(QStringLiteral("CLIENT_RANDOM")),
                 qPrintable(labels.join(QLatin1Char(','))));

        QProcess h1;
        h1.start(QStringLiteral("curl"), QStringList{QStringLiteral("--http1.1")} + common);
        QVERIFY(h1.waitForFinished(15000));
        QVERIFY(h1.exitCode() != 0);
        const QByteArray err = h1.readAllStandardError();
        QVERIFY2(err.contains("no application protocol") || err.contains("alert"), err.constData());
        QCOMPARE(r.server.stats().tlsHandshakes, 1u);
        QCOMPARE(r.server.stats().tlsFailures, 1u);
        bool refused = false;
        for (const LabEvent &e : events.all())
            refused = refused || (e.kind == QLatin1String("http2.refused") && e.text.contains(QStringLiteral("ALPN")));
        QVERIFY(refused);

        // No ALPN at all: the handshake ends, then the server closes (it speaks only h2 over TLS). Cleartext to
        // the TLS port: the handshake fails. Neither is answered, and the server still serves h2 after them.
        QProcess noAlpn;
        noAlpn.start(QStringLiteral("curl"), QStringList{QStringLiteral("--http1.1"), QStringLiteral("--no-alpn")} + common);
        QVERIFY(noAlpn.waitForFinished(15000));
        QVERIFY(noAlpn.exitCode() != 0);
        QProcess plain;
        plain.start(QStringLiteral("curl"), {QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("10"),
                                             QStringLiteral("--http2-prior-knowledge"),
                                             QStringLiteral("http://127.0.0.1:%1/about").arg(port)});
        QVERIFY(plain.waitForFinished(15000));
        QVERIFY(plain.exitCode() != 0);
        QCOMPARE(r.server.stats().tlsFailures, 3u);
        QProcess again;
        again.start(QStringLiteral("curl"), QStringList{QStringLiteral("--http2")} + common);
        QVERIFY(again.waitForFinished(15000));
        QVERIFY2(again.readAllStandardOutput().endsWith("\n2 200"), again.readAllStandardError().constData());
        QCOMPARE(r.server.stats().tlsHandshakes, 2u);
    }

    // The HTTP/1.x server hands a connection asking "Upgrade: h2c" to the HTTP/2 server, which answers 101
    // and serves the request as stream 1 over HTTP/2.
    void upgradeHandedOverByHttp1Server()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        LabContext ctx;
        Running r(ctx);
        QVERIFY(r.start());
        LabHost h1Host(QStringLiteral("server-h1"));
        Http1Server h1(ctx);
        Http2Server *h2 = &r.server;
        h1.setUpgradeHandler([](const QByteArray &token) { return token.toLower() == "h2c"; },
                             [h2](int fd, const Http1Message &, const QByteArray &requestBytes, const QByteArray &rest) {
                                 h2->adoptUpgraded(fd, requestBytes, rest);
                             });
        QString error;
        QVERIFY2(h1.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        h1Host.start();
        QVERIFY(h1.start(h1Host));
        QProcess curl;
        curl.start(QStringLiteral("curl"), {QStringLiteral("-sS"), QStringLiteral("--http2"), QStringLiteral("--max-time"),
                                            QStringLiteral("10"), QStringLiteral("-w"), QStringLiteral("\n%{http_version} %{http_code}"),
                                            QStringLiteral("http://127.0.0.1:%1/img/5.png").arg(h1.port())});
        QVERIFY(curl.waitForFinished(15000));
        QVERIFY2(curl.exitCode() == 0, curl.readAllStandardError().constData());
        const QByteArray out = curl.readAllStandardOutput();
        QVERIFY2(out.endsWith("\n2 200"), out.right(40).constData());
        QVERIFY(out.startsWith(Http2Server::pngImage(5)));
        QCOMPARE(r.server.stats().connectionsUpgraded, 1u);
        QCOMPARE(h1.stats().connectionsUpgraded, 1u);
        h1.stop();
        h1Host.stop();
    }

    void http1WithoutUpgradeRefused()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        LabContext ctx;
        Running r(ctx);
        QVERIFY(r.start());
        QProcess curl;
        curl.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("--http1.1"), QStringLiteral("--max-time"),
                                            QStringLiteral("10"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                            QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                                            QStringLiteral("http://127.0.0.1:%1/about").arg(r.server.port())});
        QVERIFY(curl.waitForFinished(15000));
        QCOMPARE(curl.readAllStandardOutput(), QByteArray("505"));
        QCOMPARE(curl.exitCode(), 0); // a well-formed answer: Content-Length matches the body
    }

    // curl --http2-prior-knowledge against our server, captured on lo, dissected by us and by tshark:
    // per packet the HTTP/2 frame types, stream ids and header names.
    void captureMatchesTshark()
    {
        QString why;
        if (!LiveCapture::canCapture(QStringLiteral("lo"), &why))
            QSKIP(qPrintable(why));
        const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
        if (tshark.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("tshark or curl is not installed");
        LabContext ctx;
        Running r(ctx);
        QVERIFY(r.start());
        LiveCapture capture;
        QVERIFY2(capture.start(QStringLiteral("lo"), LiveCapture::filterForPorts({r.server.port()}, {})),
                 qPrintable(capture.errorString()));
        QTRY_COMPARE(capture.state(), CaptureState::Running);
        QTest::qWait(200);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(r.server.port());
        // One connection per URL: curl 7.88.1 fails reusing an h2c prior-knowledge connection ("Error in
        // the HTTP2 framing layer" before it sends the second request; our own client covers many streams).
        for (const char *p : {"/about", "/img/3.png", "/nope"}) {
            QProcess curl;
            curl.start(QStringLiteral("curl"), {QStringLiteral("-sS"), QStringLiteral("--http2-prior-knowledge"),
                                                QStringLiteral("--max-time"), QStringLiteral("10"), QStringLiteral("-o"),
                                                QStringLiteral("/dev/null"), base + QLatin1String(p)});
            QVERIFY(curl.waitForFinished(15000));
            QVERIFY2(curl.exitCode() == 0, curl.readAllStandardError().constData());
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
        streams.update(store, tracker);
        streams.finish();
        QCOMPARE(int(tracker.conversations().size()), 3);
        struct Row
        {
            QStringList types, ids, names;
        };
        std::map<std::uint32_t, Row> ours; // per packet: the frames whose last byte it carries
        const int statuses[] = {200, 200, 404};
        for (std::uint32_t conv = 0; conv < 3; ++conv) {
            const TcpStream *c2s = streams.stream(conv, true), *s2c = streams.stream(conv, false);
            QVERIFY(c2s && s2c);
            Http2Dissector h2;
            h2.feed(Http2Direction::ClientToServer,
                    std::span(reinterpret_cast<const std::uint8_t *>(c2s->data.constData()), std::size_t(c2s->data.size())), 0);
            h2.feed(Http2Direction::ServerToClient,
                    std::span(reinterpret_cast<const std::uint8_t *>(s2c->data.constData()), std::size_t(s2c->data.size())), 0);
            QVERIFY(!h2.failed(Http2Direction::ClientToServer));
            QVERIFY(!h2.failed(Http2Direction::ServerToClient));
            QVERIFY(h2.stream(1));
            QCOMPARE(h2.stream(1)->status, statuses[conv]);
            QCOMPARE(h2.stream(1)->state, Http2StreamState::Closed);
            for (const Http2Frame &f : h2.frames()) {
                QVERIFY2(!f.malformed, qPrintable(f.error));
                const TcpStream *st = f.direction == Http2Direction::ClientToServer ? c2s : s2c;
                const std::uint64_t len = f.isPreface ? kHttp2PrefaceLength : 9 + f.length;
                const std::uint32_t packet = st->frameRange(f.streamOffset, len).second;
                QVERIFY(packet > 0);
                Row &row = ours[packet];
                if (f.isPreface)
                    continue; // tshark shows the magic without a type or stream id
                row.types << QString::number(f.type);
                row.ids << QString::number(f.streamId);
                if (f.headerBlock)
                    for (const Http2Header &h : f.headerBlock->headers)
                        row.names << QString::fromUtf8(h.name);
            }
        }

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("http2.pcapng"));
        QString error;
        QVERIFY2(writePcapng(path, store, &error), qPrintable(error));
        QProcess proc;
        proc.start(tshark, {QStringLiteral("-r"), path, QStringLiteral("-d"),
                            QStringLiteral("tcp.port==%1,http2").arg(r.server.port()), QStringLiteral("-T"),
                            QStringLiteral("fields"), QStringLiteral("-E"), QStringLiteral("separator=|"),
                            QStringLiteral("-e"), QStringLiteral("frame.number"), QStringLiteral("-e"),
                            QStringLiteral("http2.type"), QStringLiteral("-e"), QStringLiteral("http2.streamid"),
                            QStringLiteral("-e"), QStringLiteral("http2.header.name"), QStringLiteral("-Y"),
                            QStringLiteral("http2")});
        QVERIFY(proc.waitForFinished(60000));
        QCOMPARE(proc.exitCode(), 0);
        std::map<std::uint32_t, QString> theirs;
        for (const QByteArray &line : proc.readAllStandardOutput().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QString l = QString::fromUtf8(line);
            const qsizetype bar = l.indexOf(QLatin1Char('|'));
            theirs[l.left(bar).toUInt()] = l.mid(bar + 1);
        }
        QVERIFY(theirs.size() >= 6);
        QCOMPARE(theirs.size(), ours.size());
        for (const auto &[packet, row] : ours) {
            const QString mine = row.types.join(QLatin1Char(',')) + QLatin1Char('|') + row.ids.join(QLatin1Char(','))
                                 + QLatin1Char('|') + row.names.join(QLatin1Char(','));
            QVERIFY2(theirs.count(packet), qPrintable(QStringLiteral("packet %1: ours %2, tshark nothing").arg(packet).arg(mine)));
            QCOMPARE(mine, theirs[packet]);
        }
    }
};

QTEST_GUILESS_MAIN(TestHttp2Server)
#include "tst_http2server.moc"
