// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP/2 server and client on 127.0.0.1: 100 images over one connection, /slow not holding back other
// streams, MAX_CONCURRENT_STREAMS honoured, curl with prior knowledge and with Upgrade: h2c.
#include "http/http2client.h"
#include "http/http2server.h"
#include "lab/labhost.h"
#include "store/eventlog.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

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
        bool start()
        {
            QString error;
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
    }
};

QTEST_GUILESS_MAIN(TestHttp2Server)
#include "tst_http2server.moc"
