// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the HTTP lab headless on real sockets, in the lab network (the wire's tap is the capture) and in
// host mode (127.0.0.1, the relay for the 3G delay, libpcap on lo), with the lab's defaults (100 images
// of 2 KB on the 3g preset: a run takes about 11 s, so no smaller delay is needed), and asserts from the
// capture what a student should see, with the evidence in every failure message. Also h2 over TLS: curl's
// ClientHello offers ALPN, the server picks h2, and the capture decrypts with the server's key-log events.
#include "capturesession.h"
#include "http/http2server.h"
#include "http/httpexchange.h"
#include "dissect/tls.h"
#include "lab/labcontroller.h"
#include "lab/labregistry.h"
#include "labnet/labnetwork.h"
#include "labs.h"
#include "headlesslabrun.h"

#include <QStandardPaths>
#include <QTest>

#include <map>
#include <set>

using namespace wirelab;

class TestHttpLab final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void theLabIsRegisteredWithItsSteps();
    void everyCheckpointPassed();
    void aboutIsReadFromTheCapture();
    void http10OpensAConnectionPerImage();
    void http11OpensExactlyTheCap();
    void pipeliningUsesOneConnection();
    void fewerRoundTripsFinishSooner();
    void theSecondPipelinedResponseWaitsForTheSlowOne();
    void chunksArriveOverTime();
    void http2UsesOneConnectionAndOddStreams();
    void hpackShrinksLaterHeaderBlocks();
    void http2StreamsDoNotWaitForTheSlowOne();
    void lossStallsHttp2StreamsTogether();
    void curlSpeaksToBothServers();
    void alpnChoosesH2OverTls();
    void cleanupTestCase();

private:
    struct Run : test::HeadlessLabRun
    {
        std::vector<HttpExchange> exchanges;
    };
    // The exchanges of one page load (between its http.run event's from/to), and their figures.
    std::vector<HttpExchange> runExchanges(const QString &run, HttpRunFigures *figures = nullptr) const;
    QString describe(const HttpRunFigures &f) const;

    LabRegistry m_registry;
    std::map<QString, Run> m_runs;
    Run *m_run = nullptr;
};

void TestHttpLab::initTestCase_data()
{
    test::addNetworkModeRows();
}

void TestHttpLab::initTestCase()
{
    setupAllLabs(m_registry);
    QVERIFY(m_registry.find(QStringLiteral("http")));
}

void TestHttpLab::init()
{
    QFETCH_GLOBAL(QString, network);
    Run &run = m_runs[network];
    m_run = &run;
    if (run.done())
        return;
    const QString why = test::runLabOnce(m_registry, QStringLiteral("http"), network, run);
    if (!why.isEmpty())
        QFAIL(qPrintable(why));
    run.exchanges = httpExchanges(*run.session);
    qInfo("%zu packets, %zu HTTP exchanges", run.session->store().size(), run.exchanges.size());
}

void TestHttpLab::cleanupTestCase()
{
    m_runs.clear();
}

std::vector<HttpExchange> TestHttpLab::runExchanges(const QString &run, HttpRunFigures *figures) const
{
    std::int64_t from = -1, to = -1;
    for (const LabEvent &e : m_run->session->events().all()) {
        if (e.kind == QLatin1String("http.run") && e.data.value(QStringLiteral("run")).toString() == run) {
            from = e.data.value(QStringLiteral("from_ns")).toLongLong();
            to = e.data.value(QStringLiteral("to_ns")).toLongLong();
        }
    }
    std::vector<HttpExchange> out;
    if (from < 0)
        return out;
    for (const HttpExchange &x : m_run->exchanges) {
        if (x.requestSentNs >= from && x.requestSentNs <= to)
            out.push_back(x);
    }
    if (figures)
        *figures = httpRunFigures(*m_run->session, m_run->exchanges, from, to);
    return out;
}

QString TestHttpLab::describe(const HttpRunFigures &f) const
{
    return QStringLiteral("%1 exchanges (%2 complete) on %3 connections, %4 handshakes, max %5 on one, %6 ms")
        .arg(f.exchanges).arg(f.completed).arg(f.connections).arg(f.handshakes).arg(f.maxOnOneConnection)
        .arg(double(f.totalNs()) / 1e6);
}

void TestHttpLab::theLabIsRegisteredWithItsSteps()
{
    const LabDefinition *lab = m_registry.find(QStringLiteral("http"));
    QVERIFY(lab);
    QCOMPARE(lab->title.text(), QStringLiteral("HTTP/1.0, HTTP/1.1 and HTTP/2"));
    QVERIFY(lab->steps.size() >= 4);
    for (const LabStep &step : lab->steps) {
        QVERIFY2(step.guide.text().contains(QStringLiteral("notes L")), qPrintable(step.id));
        QVERIFY2(!step.actions.empty() && !step.checkpoints.empty(), qPrintable(step.id));
    }
    QCOMPARE(lab->parameter(QStringLiteral("link.preset"))->defaultValue.toString(), QStringLiteral("3g"));
    QString why;
    QVERIFY(!lab->parameter(QStringLiteral("http.connections"))->parse(QStringLiteral("17"), &why).isValid());
    QCOMPARE(why, QStringLiteral("http.connections must be between 1 and 16; got 17."));
}

void TestHttpLab::everyCheckpointPassed()
{
    QString failed;
    for (const auto &[id, r] : m_run->reports) {
        // Only the loss step may be skipped, and only in host mode (the relay cannot drop TCP segments).
        // curl.both and curl.h2tls may be skipped only where curl is not installed.
        const bool skipOk = r.result.skipped
                            && ((id == QLatin1String("loss.h2") && m_run->mode == NetworkMode::Host)
                                || ((id == QLatin1String("curl.both") || id == QLatin1String("curl.h2tls"))
                                    && QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty()));
        if (!r.result.passed && !skipOk)
            failed += id + QStringLiteral(": ") + r.result.evidence + QLatin1Char('\n');
    }
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QCOMPARE(m_run->reports.size(), std::size_t(16));
    if (m_run->mode == NetworkMode::Host)
        QVERIFY2(m_run->reports.at(QStringLiteral("loss.h2")).result.skipped,
                 qPrintable(m_run->reports.at(QStringLiteral("loss.h2")).result.evidence));
}

void TestHttpLab::aboutIsReadFromTheCapture()
{
    const std::vector<HttpExchange> about = runExchanges(QStringLiteral("about"));
    QCOMPARE(about.size(), std::size_t(1));
    const HttpExchange &x = about.front();
    QCOMPARE(x.method, QStringLiteral("GET"));
    QCOMPARE(x.uri, QStringLiteral("/about"));
    QCOMPARE(x.protocol, QStringLiteral("HTTP/1.1"));
    QCOMPARE(x.host, QStringLiteral("lab.test"));
    QCOMPARE(x.status, 200);
    QVERIFY(x.complete);
    QCOMPARE(x.contentLength, qint64(x.responseBytes));
    QVERIFY2(x.firstByteNs > x.requestSentNs && x.lastByteNs >= x.firstByteNs,
             qPrintable(QStringLiteral("sent %1, first %2, last %3").arg(x.requestSentNs).arg(x.firstByteNs).arg(x.lastByteNs)));
    QVERIFY(!x.requestFrames.empty() && x.responseFirstFrame > x.requestFrames.front());
}

void TestHttpLab::http10OpensAConnectionPerImage()
{
    HttpRunFigures f;
    const std::vector<HttpExchange> run = runExchanges(QStringLiteral("http10"), &f);
    QVERIFY2(f.completed == 100 && f.connections == 100 && f.handshakes == 100, qPrintable(describe(f)));
    for (const HttpExchange &x : run) {
        QCOMPARE(x.protocol, QStringLiteral("HTTP/1.0"));
        QCOMPARE(x.indexOnConnection, 0);
        // images.size 0: the HTTP/2 server's PNG for the same N, byte for byte.
        const int n = x.uri.mid(5, x.uri.size() - 9).toInt();
        QCOMPARE(x.responseBytes, std::uint64_t(Http2Server::pngImage(n).size()));
    }
}

void TestHttpLab::http11OpensExactlyTheCap()
{
    HttpRunFigures f;
    const std::vector<HttpExchange> run = runExchanges(QStringLiteral("http11"), &f);
    // Six connections, one request at a time on each: at least ceil(100 / 6) = 17 on the busiest.
    QVERIFY2(f.completed == 100 && f.connections == 6 && f.handshakes == 6 && f.maxOnOneConnection >= 17,
             qPrintable(describe(f)));
    int pipelined = 0;
    for (const HttpExchange &x : run)
        pipelined += x.pipelined ? 1 : 0;
    QVERIFY2(pipelined == 0, qPrintable(QStringLiteral("%1 requests were sent before the previous response ended").arg(pipelined)));
}

void TestHttpLab::pipeliningUsesOneConnection()
{
    HttpRunFigures f;
    const std::vector<HttpExchange> run = runExchanges(QStringLiteral("pipelined"), &f);
    QVERIFY2(f.completed == 100 && f.connections == 1 && f.handshakes == 1 && f.maxOnOneConnection == 100,
             qPrintable(describe(f)));
    int pipelined = 0;
    for (const HttpExchange &x : run)
        pipelined += x.pipelined ? 1 : 0;
    // Depth 16: at least the first 15 requests after the first went out before their predecessors' answers.
    QVERIFY2(pipelined >= 15, qPrintable(QStringLiteral("only %1 pipelined requests").arg(pipelined)));
}

void TestHttpLab::fewerRoundTripsFinishSooner()
{
    // Not a speed measurement: HTTP/1.0 needs a handshake round trip per image on top of the request's,
    // about 17 rounds x 2 RTT of 100 ms against 17 x 1 for keep-alive; the order is the lesson.
    HttpRunFigures f10, f11, fp;
    runExchanges(QStringLiteral("http10"), &f10);
    runExchanges(QStringLiteral("http11"), &f11);
    runExchanges(QStringLiteral("pipelined"), &fp);
    const QString why = describe(f10) + QStringLiteral(" / ") + describe(f11) + QStringLiteral(" / ") + describe(fp);
    QVERIFY2(f10.handshakes > f11.handshakes && f11.handshakes > fp.handshakes, qPrintable(why));
    if (m_run->mode == NetworkMode::Host) {
        // The host-mode relay delays bytes but not handshakes (the lab's evidence says so), so the extra
        // round trips of HTTP/1.0 cost nothing there: only the handshake counts differ.
        const auto it = m_run->reports.find(QStringLiteral("page.compare"));
        QVERIFY(it != m_run->reports.end());
        QVERIFY2(it->second.result.evidence.contains(QStringLiteral("handshakes are not delayed")),
                 qPrintable(it->second.result.evidence));
        return;
    }
    QVERIFY2(f10.totalNs() > f11.totalNs(), qPrintable(why));
    QVERIFY2(f10.totalNs() >= 17 * 2 * 100'000'000LL * 9 / 10, qPrintable(why));
}

void TestHttpLab::theSecondPipelinedResponseWaitsForTheSlowOne()
{
    const std::vector<HttpExchange> run = runExchanges(QStringLiteral("slow"));
    QCOMPARE(run.size(), std::size_t(2));
    const HttpExchange &slow = run.at(0), &about = run.at(1);
    QCOMPARE(slow.uri, QStringLiteral("/slow"));
    QCOMPARE(about.uri, QStringLiteral("/about"));
    QCOMPARE(about.conversation, slow.conversation);
    QVERIFY(about.pipelined);
    QVERIFY(about.waitedForPrevious);
    // The server holds /slow for slow.ms (1000, scheduled on a millisecond clock, so allow 10 ms of
    // rounding); /about was ready at once but came after it.
    QVERIFY2(about.firstByteNs - about.requestSentNs >= 990'000'000LL,
             qPrintable(QStringLiteral("/about answered %1 ms after it was sent").arg(double(about.firstByteNs - about.requestSentNs) / 1e6)));
}

void TestHttpLab::chunksArriveOverTime()
{
    const std::vector<HttpExchange> run = runExchanges(QStringLiteral("chunked"));
    QCOMPARE(run.size(), std::size_t(1));
    const HttpExchange &x = run.front();
    QCOMPARE(x.transferEncoding, QStringLiteral("chunked"));
    QCOMPARE(x.contentLength, qint64(-1));
    QCOMPARE(x.chunkCount, 5);
    QVERIFY(x.complete);
    // The server sends a chunk every 300 ms: four gaps.
    const std::int64_t spread = x.chunkTimesNs.back() - x.chunkTimesNs.front();
    QVERIFY2(spread >= 1'100'000'000LL, qPrintable(QStringLiteral("chunks arrived over %1 ms").arg(double(spread) / 1e6)));
}

void TestHttpLab::http2UsesOneConnectionAndOddStreams()
{
    HttpRunFigures f;
    const std::vector<HttpExchange> run = runExchanges(QStringLiteral("h2"), &f);
    QVERIFY2(f.completed == 100 && f.connections == 1 && f.handshakes == 1, qPrintable(describe(f)));
    std::set<std::uint32_t> ids;
    for (const HttpExchange &x : run) {
        QCOMPARE(x.protocol, QStringLiteral("h2"));
        QVERIFY2(x.streamId % 2 == 1, qPrintable(QString::number(x.streamId)));
        QCOMPARE(x.status, 200);
        QVERIFY(x.uri.startsWith(QStringLiteral("/img/")));
        QCOMPARE(x.responseBytes, std::uint64_t(Http2Server::pngImage(x.uri.mid(5, x.uri.size() - 9).toInt()).size()));
        QCOMPARE(x.host, QStringLiteral("lab.test"));
        ids.insert(x.streamId);
    }
    QCOMPARE(ids.size(), std::size_t(100));
    // DATA, HEADERS, SETTINGS (both sides and their ACKs), WINDOW_UPDATE (http2.type 0, 1, 4, 8).
    const std::array<int, 10> &t = run.front().connectionFrameTypes;
    QVERIFY2(t[0] >= 100 && t[1] >= 200 && t[4] >= 2 && t[8] >= 1,
             qPrintable(QStringLiteral("DATA %1 HEADERS %2 SETTINGS %3 WINDOW_UPDATE %4").arg(t[0]).arg(t[1]).arg(t[4]).arg(t[8])));
}

void TestHttpLab::hpackShrinksLaterHeaderBlocks()
{
    std::vector<HttpExchange> run = runExchanges(QStringLiteral("h2"));
    QVERIFY(run.size() == 100);
    std::sort(run.begin(), run.end(), [](const HttpExchange &a, const HttpExchange &b) { return a.streamId < b.streamId; });
    const int first = run.front().requestHeaderBytesCompressed;
    QVERIFY2(first > 0 && run.front().requestHeaderBytesDecoded > first, qPrintable(QString::number(first)));
    for (std::size_t i = 1; i < run.size(); ++i)
        QVERIFY2(run[i].requestHeaderBytesCompressed * 2 <= first,
                 qPrintable(QStringLiteral("stream %1: %2 bytes against %3 for stream 1")
                                .arg(run[i].streamId).arg(run[i].requestHeaderBytesCompressed).arg(first)));
}

void TestHttpLab::http2StreamsDoNotWaitForTheSlowOne()
{
    const std::vector<HttpExchange> run = runExchanges(QStringLiteral("slow-h2"));
    QCOMPARE(run.size(), std::size_t(2));
    const HttpExchange &slow = run.at(0).uri.startsWith(QStringLiteral("/slow")) ? run.at(0) : run.at(1);
    const HttpExchange &about = &slow == &run.at(0) ? run.at(1) : run.at(0);
    QCOMPARE(about.uri, QStringLiteral("/about"));
    QCOMPARE(about.conversation, slow.conversation);
    QVERIFY2(about.complete && slow.complete && about.lastByteNs < slow.firstByteNs,
             qPrintable(QStringLiteral("/about ended at %1, /slow began at %2").arg(about.lastByteNs).arg(slow.firstByteNs)));
}

void TestHttpLab::lossStallsHttp2StreamsTogether()
{
    if (m_run->mode == NetworkMode::Host)
        QSKIP("host mode: the relay cannot drop TCP segments (the lab skips this step and says so)");
    HttpRunFigures f;
    const std::vector<HttpExchange> run = runExchanges(QStringLiteral("loss-h2"), &f);
    QVERIFY2(f.connections == 1 && f.completed == f.exchanges && f.exchanges == 500, qPrintable(describe(f)));
    const HeadlessReport &r = m_run->reports.at(QStringLiteral("loss.h2"));
    QVERIFY2(r.result.passed, qPrintable(r.result.evidence));
    // Lost packets are in the capture with the wire's comment, and they are not counted as arrived.
    int lost = 0;
    for (std::size_t i = 0; i < m_run->session->store().size(); ++i)
        lost += m_run->session->store().comment(i).startsWith(QStringLiteral("Lost on the lab network")) ? 1 : 0;
    QVERIFY2(lost > 0, "no packet was lost on the lab network");
}

void TestHttpLab::curlSpeaksToBothServers()
{
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is not installed (the lab skips its step and says so)");
    const std::vector<HttpExchange> run = runExchanges(QStringLiteral("curl"));
    QStringList seen;
    for (const HttpExchange &x : run)
        seen << QStringLiteral("%1 %2 %3").arg(x.protocol, x.uri).arg(x.status);
    QCOMPARE(seen, (QStringList{QStringLiteral("HTTP/1.1 /about 200"), QStringLiteral("h2 /about 200")}));
    // curl's own User-Agent and Accept headers, not the lab client's: a different first header block.
    QVERIFY2(run.at(1).requestHeaderBytesDecoded > 0, "no decoded h2 header block for curl's request");
}

// The lab's checkpoint passed, and the capture says the same when read here: one TLS connection in curl's
// run, ALPN offered with h2 in it, h2 chosen, every encrypted record decrypted with the server's key log,
// the client's plaintext beginning with the HTTP/2 preface.
void TestHttpLab::alpnChoosesH2OverTls()
{
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is not installed (the lab skips its step and says so)");
    const auto &report = m_run->reports.at(QStringLiteral("curl.h2tls"));
    QVERIFY2(report.result.passed, qPrintable(report.result.evidence));
    QVERIFY2(report.result.evidence.contains(QStringLiteral("chose \"h2\"")), qPrintable(report.result.evidence));
    const std::vector<TlsConnectionResult> tls = dissectTlsSession(*m_run->session, TlsSecrets{});
    int h2 = 0;
    for (const TlsConnectionResult &c : tls) {
        if (!c.isTls)
            continue;
        QVERIFY2(c.alpnOffered.contains(QStringLiteral("h2")), qPrintable(c.alpnOffered.join(QLatin1Char(','))));
        QCOMPARE(c.alpn, QStringLiteral("h2"));
        QVERIFY2(c.keysFound && c.fullyDecrypted(),
                 qPrintable(QStringLiteral("%1 of %2 records decrypted").arg(c.recordsDecrypted).arg(c.recordsEncrypted)));
        QVERIFY(c.applicationData(TlsDirection::ClientToServer).startsWith("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        ++h2;
    }
    QCOMPARE(h2, 1);
}

QTEST_GUILESS_MAIN(TestHttpLab)
#include "tst_httplab.moc"
