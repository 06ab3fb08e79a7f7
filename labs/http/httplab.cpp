// SPDX-License-Identifier: GPL-3.0-or-later
#include "httplab.h"

#include "httpexchange.h"
#include "httpinstance.h"

#include "dissect/tcptracker.h"
#include "dissect/tls.h"
#include "lab/labevidence.h"
#include "lab/labregistry.h"
#include "lab/linkparameters.h"

#include <QCoreApplication>

#include <algorithm>

using namespace wirelab;

namespace {

constexpr const char *kContext = "HttpLab";

class HttpLab
{
    Q_DECLARE_TR_FUNCTIONS(HttpLab)
};

LabText text(const char *source)
{
    return labText(kContext, source);
}

CheckResult noCapture(const LabEvidence &e)
{
    return {false, HttpLab::tr("No packets to check: %1").arg(e.captureProblem())};
}

QString ms(std::int64_t ns)
{
    return QString::number(double(ns) / 1e6, 'f', 1);
}

// The time window of the last page load named `run` (the client's http.run event): which exchanges in
// the capture belong to it. The figures themselves come from the capture.
bool runWindow(const LabEvidence &e, const QString &run, std::int64_t *from, std::int64_t *to)
{
    const LabEvidence::RunWindow w = e.runWindow(QStringLiteral("http.run"), run);
    *from = w.from;
    *to = w.to;
    return w.found;
}

// The exchanges of the last page load named `run`: `run` those whose requests went out in its window,
// `all` every exchange of the capture (HttpExchange::pipelinedBehind indexes into it). ran is false when
// that page load has not happened yet.
struct RunExchanges
{
    bool ran = false;
    std::int64_t from = 0, to = 0;
    std::vector<HttpExchange> all, run;
};

RunExchanges runExchanges(const LabEvidence &e, const QString &run)
{
    RunExchanges r;
    r.ran = runWindow(e, run, &r.from, &r.to);
    if (!r.ran)
        return r;
    r.all = httpExchanges(e.session());
    for (const HttpExchange &x : r.all) {
        if (x.requestSentNs >= r.from && x.requestSentNs <= r.to)
            r.run.push_back(x);
    }
    return r;
}

CheckResult checkAbout(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    for (const HttpExchange &x : httpExchanges(e.session())) {
        if (x.uri != QLatin1String("/about") || x.status == 0 || !x.complete)
            continue;
        return {true, HttpLab::tr("Request line \"%1 %2 %3\" in frame #%4, status line \"%3 %5\" in frame #%6 (%7 bytes "
                                  "of body).")
                          .arg(x.method, x.uri, x.protocol)
                          .arg(x.requestFrames.empty() ? 0 : x.requestFrames.front())
                          .arg(x.status)
                          .arg(x.responseFirstFrame)
                          .arg(x.responseBytes)};
    }
    return {false, HttpLab::tr("No complete GET /about with its response in the capture yet.")};
}

// Figures of one page load; expectConnections: the connections it must have opened (-1: any).
CheckResult checkRun(const LabEvidence &e, const QString &run, int expectConnections, bool oneConnectionForAll)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const RunExchanges r = runExchanges(e, run);
    if (!r.ran)
        return {false, HttpLab::tr("This page load has not run yet.")};
    const int count = e.parameters().value(QStringLiteral("images.count")).toInt();
    const HttpRunFigures f = httpRunFigures(e.session(), r.all, r.from, r.to);
    if (f.completed < count)
        return {false, HttpLab::tr("Only %1 of %2 responses complete in the capture (%3 requests seen).")
                           .arg(f.completed).arg(count).arg(f.exchanges)};
    if (expectConnections >= 0 && f.connections != expectConnections)
        return {false, HttpLab::tr("%1 connections carried the %2 responses; expected %3.")
                           .arg(f.connections).arg(count).arg(expectConnections)};
    if (oneConnectionForAll && f.maxOnOneConnection < count)
        return {false, HttpLab::tr("The most one connection carried was %1 of %2 responses.")
                           .arg(f.maxOnOneConnection).arg(count)};
    return {true, HttpLab::tr("%1 responses over %2 connections (%3 handshakes seen, at most %4 responses on one "
                              "connection) in %5 ms from the first SYN to the last byte.")
                      .arg(f.completed).arg(f.connections).arg(f.handshakes).arg(f.maxOnOneConnection)
                      .arg(ms(f.totalNs()))};
}

CheckResult checkSideBySide(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const std::vector<HttpExchange> all = httpExchanges(e.session());
    QStringList parts;
    for (const auto &[run, label] : {std::pair{QStringLiteral("http10"), QStringLiteral("HTTP/1.0")},
                                     std::pair{QStringLiteral("http11"), QStringLiteral("HTTP/1.1 keep-alive")},
                                     std::pair{QStringLiteral("pipelined"), QStringLiteral("HTTP/1.1 pipelining")},
                                     std::pair{QStringLiteral("h2"), QStringLiteral("HTTP/2")}}) {
        std::int64_t from = 0, to = 0;
        if (!runWindow(e, run, &from, &to))
            return {false, HttpLab::tr("Load the page in every mode first (%1 is missing).").arg(label)};
        const HttpRunFigures f = httpRunFigures(e.session(), all, from, to);
        parts << HttpLab::tr("%1: %2 ms, %3 handshakes").arg(label, ms(f.totalNs())).arg(f.handshakes);
    }
    QString result = parts.join(QStringLiteral("; ")) + QLatin1Char('.');
    if (e.hostMode())
        result += QLatin1Char(' ')
                  + HttpLab::tr("In host mode the relay delays bytes, but handshakes are not delayed: a new connection "
                                "costs no extra round trip here, so compare the handshake counts, or run in the lab "
                                "network to see their cost.");
    return {true, result};
}

CheckResult checkSlowHol(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const RunExchanges r = runExchanges(e, QStringLiteral("slow"));
    if (!r.ran)
        return {false, HttpLab::tr("The pipelined requests behind /slow have not been sent yet.")};
    const std::vector<HttpExchange> &run = r.run;
    for (const HttpExchange &x : run) {
        if (x.uri != QLatin1String("/about") || x.pipelinedBehind < 0)
            continue;
        const HttpExchange &slow = r.all[std::size_t(x.pipelinedBehind)];
        if (!x.waitedForPrevious)
            return {false, HttpLab::tr("Response 2 (frame #%1) did not wait for response 1.").arg(x.responseFirstFrame)};
        return {true, HttpLab::tr("Request 2 (%1) was sent %2 ms after request 1 (%3), before response 1 arrived; its "
                                  "response began in frame #%4, %5 ms after it was asked for, right after response 1 "
                                  "ended in frame #%6.")
                          .arg(x.uri, ms(x.requestSentNs - slow.requestSentNs), slow.uri)
                          .arg(x.responseFirstFrame)
                          .arg(ms(x.firstByteNs - x.requestSentNs))
                          .arg(slow.responseLastFrame)};
    }
    return {false, HttpLab::tr("No request pipelined behind /slow in the capture (%1 exchanges in the run).").arg(run.size())};
}

CheckResult checkSlowH2(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const RunExchanges r = runExchanges(e, QStringLiteral("slow-h2"));
    if (!r.ran)
        return {false, HttpLab::tr("/slow and /about have not been asked for over HTTP/2 yet.")};
    const std::vector<HttpExchange> &run = r.run;
    const HttpExchange *slow = nullptr, *about = nullptr;
    for (const HttpExchange &x : run) {
        if (x.protocol == QLatin1String("h2") && x.uri.startsWith(QLatin1String("/slow")))
            slow = &x;
        if (x.protocol == QLatin1String("h2") && x.uri == QLatin1String("/about"))
            about = &x;
    }
    if (!slow || !about || !slow->complete || !about->complete)
        return {false, HttpLab::tr("Not both HTTP/2 responses are complete in the capture yet.")};
    if (about->conversation != slow->conversation)
        return {false, HttpLab::tr("The two streams went over different connections.")};
    if (about->lastByteNs >= slow->firstByteNs)
        return {false, HttpLab::tr("Stream %1 (/about) ended only after stream %2 (/slow) began to answer.")
                           .arg(about->streamId).arg(slow->streamId)};
    return {true, HttpLab::tr("On one connection, stream %1 (/about) was answered completely in frame #%2, %3 ms "
                              "before stream %4 (/slow) sent its first byte in frame #%5: no waiting.")
                      .arg(about->streamId).arg(about->responseLastFrame)
                      .arg(ms(slow->firstByteNs - about->lastByteNs))
                      .arg(slow->streamId).arg(slow->responseFirstFrame)};
}

CheckResult checkStreamIds(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const RunExchanges r = runExchanges(e, QStringLiteral("h2"));
    if (!r.ran)
        return {false, HttpLab::tr("Load the page over HTTP/2 first.")};
    const std::vector<HttpExchange> &run = r.run;
    int answered = 0;
    for (const HttpExchange &x : run) {
        if (x.protocol != QLatin1String("h2"))
            continue;
        if (x.streamId % 2 == 0)
            return {false, HttpLab::tr("A request went out on the even stream %1.").arg(x.streamId)};
        if (x.status != 0)
            ++answered;
    }
    if (answered == 0)
        return {false, HttpLab::tr("No HTTP/2 response in the capture yet.")};
    return {true, HttpLab::tr("%1 requests on odd stream ids %2 to %3; every response came back on its request's "
                              "stream id, none on an even one.")
                      .arg(answered).arg(run.front().streamId).arg(run.back().streamId)};
}

CheckResult checkFrames(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const RunExchanges r = runExchanges(e, QStringLiteral("h2"));
    if (!r.ran)
        return {false, HttpLab::tr("Load the page over HTTP/2 first.")};
    const std::vector<HttpExchange> &run = r.run;
    if (run.empty() || run.front().protocol != QLatin1String("h2"))
        return {false, HttpLab::tr("No HTTP/2 connection in the capture yet.")};
    const std::array<int, 10> &t = run.front().connectionFrameTypes;
    // http2.type: 0 DATA, 1 HEADERS, 4 SETTINGS, 8 WINDOW_UPDATE
    if (t[0] == 0 || t[1] == 0 || t[4] == 0 || t[8] == 0)
        return {false, HttpLab::tr("Not every frame type yet: DATA %1, HEADERS %2, SETTINGS %3, WINDOW_UPDATE %4.")
                           .arg(t[0]).arg(t[1]).arg(t[4]).arg(t[8])};
    return {true, HttpLab::tr("On the connection: %1 SETTINGS, %2 HEADERS, %3 DATA, %4 WINDOW_UPDATE, %5 PING, %6 "
                              "RST_STREAM and %7 GOAWAY frames.")
                      .arg(t[4]).arg(t[1]).arg(t[0]).arg(t[8]).arg(t[6]).arg(t[3]).arg(t[7])};
}

CheckResult checkHpack(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    RunExchanges r = runExchanges(e, QStringLiteral("h2"));
    if (!r.ran)
        return {false, HttpLab::tr("Load the page over HTTP/2 first.")};
    std::vector<HttpExchange> &run = r.run;
    std::sort(run.begin(), run.end(), [](const HttpExchange &a, const HttpExchange &b) { return a.streamId < b.streamId; });
    if (run.size() < 2 || run.front().protocol != QLatin1String("h2"))
        return {false, HttpLab::tr("Fewer than two HTTP/2 requests in the capture.")};
    const HttpExchange &first = run.front();
    int largest = 0;
    qint64 sum = 0;
    for (std::size_t i = 1; i < run.size(); ++i) {
        largest = std::max(largest, run[i].requestHeaderBytesCompressed);
        sum += run[i].requestHeaderBytesCompressed;
    }
    if (largest * 2 > first.requestHeaderBytesCompressed)
        return {false, HttpLab::tr("Request 1's header block is %1 bytes, and a later one is still %2 bytes.")
                           .arg(first.requestHeaderBytesCompressed).arg(largest)};
    return {true, HttpLab::tr("Request 1 (stream %1): %2 bytes of HPACK for %3 bytes of headers; requests 2 to %4: "
                              "%5 bytes on average, at most %6, for the same headers.")
                      .arg(first.streamId).arg(first.requestHeaderBytesCompressed).arg(first.requestHeaderBytesDecoded)
                      .arg(run.size()).arg(QString::number(double(sum) / double(run.size() - 1), 'f', 1)).arg(largest)};
}

CheckResult checkLossH2(const LabEvidence &e)
{
    if (e.hostMode())
        return {false, HttpLab::tr("Skipped: in host mode the relay on 127.0.0.1 cannot drop single TCP segments; run "
                                   "the lab in the lab network to see this."),
                true};
    if (!e.captureAvailable())
        return noCapture(e);
    const RunExchanges r = runExchanges(e, QStringLiteral("loss-h2"));
    if (!r.ran)
        return {false, HttpLab::tr("The page has not been loaded over the lossy link yet.")};
    const std::vector<HttpExchange> &run = r.run;
    if (run.empty())
        return {false, HttpLab::tr("No HTTP/2 requests in the capture for this run.")};
    const std::uint32_t conv = run.front().conversation;
    // Every retransmission by the server on this connection; the one most streams were waiting behind.
    std::vector<std::pair<std::uint32_t, std::int64_t>> retrans;
    e.forEachPacket([&](const PacketView &view, const PacketSummary &) {
        const TcpPacketAnalysis *a = e.tcp().analysis(view.number);
        if (a && a->conversation == conv && !a->fromClient && (a->flags & (TcpRetransmission | TcpFastRetransmission)))
            retrans.emplace_back(view.number, view.timeNs);
        return true;
    });
    if (retrans.empty())
        return {false, HttpLab::tr("No segment of the server's was lost and retransmitted in this run; load the page "
                                   "again.")};
    // Streams that had been asked for before the retransmission and became complete exactly with it: their
    // last bytes had arrived behind the gap and were readable only once it was filled.
    std::uint32_t retransFrame = retrans.front().first;
    int stalled = 0;
    for (const auto &[frame, timeNs] : retrans) {
        int n = 0;
        for (const HttpExchange &x : run) {
            if (x.requestSentNs < timeNs && x.lastByteNs == timeNs)
                ++n;
        }
        if (n > stalled) {
            stalled = n;
            retransFrame = frame;
        }
    }
    if (stalled < 2)
        return {false, HttpLab::tr("Retransmission in frame #%1, but only %2 streams ended with it.")
                           .arg(retransFrame).arg(stalled)};
    return {true, HttpLab::tr("The server retransmitted a lost segment in frame #%1; %2 streams whose bytes had "
                              "already arrived behind the gap became readable only with it, at the same moment.")
                      .arg(retransFrame).arg(stalled)};
}

CheckResult checkCurl(const LabEvidence &e)
{
    for (const LabEvent &event : e.events().all()) {
        if (event.kind == QLatin1String("curl.missing"))
            return {false, HttpLab::tr("Skipped: curl is not installed here (apt install curl)."), true};
    }
    if (!e.captureAvailable())
        return noCapture(e);
    const RunExchanges r = runExchanges(e, QStringLiteral("curl"));
    if (!r.ran)
        return {false, HttpLab::tr("curl has not run yet.")};
    const HttpExchange *h1 = nullptr, *h2 = nullptr;
    const std::vector<HttpExchange> &run = r.run;
    for (const HttpExchange &x : run) {
        if (x.uri != QLatin1String("/about") || x.status != 200)
            continue;
        if (x.protocol == QLatin1String("HTTP/1.1"))
            h1 = &x;
        else if (x.protocol == QLatin1String("h2"))
            h2 = &x;
    }
    if (!h1 || !h2)
        return {false, HttpLab::tr("Not both of curl's exchanges are in the capture (HTTP/1.1: %1, h2: %2).")
                           .arg(h1 ? HttpLab::tr("seen") : HttpLab::tr("missing"), h2 ? HttpLab::tr("seen") : HttpLab::tr("missing"))};
    return {true, HttpLab::tr("curl --http1.1: GET /about in frame #%1, 200 in frame #%2; curl --http2-prior-knowledge: "
                              "stream %3, 200 in frame #%4 (its request header block: %5 bytes of HPACK).")
                      .arg(h1->requestFrames.empty() ? 0 : h1->requestFrames.front()).arg(h1->responseFirstFrame)
                      .arg(h2->streamId).arg(h2->responseFirstFrame).arg(h2->requestHeaderBytesCompressed)};
}

// h2 over TLS, from the capture: the TLS connection whose ClientHello offered ALPN, the server's choice
// (ServerHello in TLS 1.2, EncryptedExtensions in TLS 1.3, readable with the server's key-log events) and
// the first decrypted bytes the client sent: the HTTP/2 connection preface.
CheckResult checkH2Tls(const LabEvidence &e)
{
    for (const LabEvent &event : e.events().all()) {
        if (event.kind == QLatin1String("curl.missing"))
            return {false, HttpLab::tr("Skipped: curl is not installed here (apt install curl)."), true};
    }
    if (!e.captureAvailable())
        return noCapture(e);
    std::int64_t from = 0, to = 0;
    if (!runWindow(e, QStringLiteral("curl-h2tls"), &from, &to))
        return {false, HttpLab::tr("curl has not asked over TLS yet.")};
    const std::vector<TlsConnectionResult> all = dissectTlsSession(e.session(), TlsSecrets{});
    const TlsConnectionResult *tls = nullptr;
    for (const TlsConnectionResult &c : all) {
        const TlsHandshakeMessage *hello = c.handshake(1, TlsDirection::ClientToServer);
        if (c.isTls && hello && hello->timeNs >= from && hello->timeNs <= to)
            tls = &c;
    }
    if (!tls)
        return {false, HttpLab::tr("No TLS ClientHello in the capture during curl's run.")};
    const TlsHandshakeMessage *hello = tls->handshake(1, TlsDirection::ClientToServer);
    if (tls->alpn != QLatin1String("h2"))
        return {false, HttpLab::tr("The client offered ALPN \"%1\" in frame #%2, but the server's choice is \"%3\" (records "
                                   "decrypted: %4 of %5).")
                           .arg(tls->alpnOffered.join(QStringLiteral(", ")))
                           .arg(hello->firstFrame)
                           .arg(tls->alpn)
                           .arg(tls->recordsDecrypted)
                           .arg(tls->recordsEncrypted)};
    const QByteArray client = tls->applicationData(TlsDirection::ClientToServer);
    if (!client.startsWith("PRI * HTTP/2.0"))
        return {false, HttpLab::tr("ALPN chose h2, but the client's decrypted data does not begin with the HTTP/2 preface "
                                   "(%1 bytes decrypted: \"%2\").")
                           .arg(client.size())
                           .arg(QString::fromLatin1(client.left(24).toPercentEncoding(" *./")))};
    // TLS 1.3 (0x0304) sends the choice in EncryptedExtensions (8), TLS 1.2 in the ServerHello (2).
    const bool tls13 = tls->version == 0x0304;
    const TlsHandshakeMessage *choice = tls->handshake(tls13 ? 8 : 2, TlsDirection::ServerToClient);
    return {true, HttpLab::tr("ClientHello (frame #%1) offered ALPN %2; the server chose \"h2\" in its %3 (frame #%4). "
                              "%5 of %6 encrypted records decrypted with the server's key log; the client's first "
                              "application data is the HTTP/2 preface \"PRI * HTTP/2.0\".")
                      .arg(hello->firstFrame)
                      .arg(tls->alpnOffered.join(QStringLiteral(", ")))
                      .arg(tls13 ? QStringLiteral("EncryptedExtensions") : QStringLiteral("ServerHello"))
                      .arg(choice ? choice->firstFrame : 0)
                      .arg(tls->recordsDecrypted)
                      .arg(tls->recordsEncrypted)};
}

CheckResult checkChunked(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    for (const HttpExchange &x : httpExchanges(e.session())) {
        if (x.uri != QLatin1String("/chunked") || !x.complete)
            continue;
        if (x.transferEncoding.compare(QLatin1String("chunked"), Qt::CaseInsensitive) != 0 || x.chunkCount < 2)
            return {false, HttpLab::tr("The /chunked response was not chunked (%1 chunks).").arg(x.chunkCount)};
        const std::int64_t spread = x.chunkTimesNs.back() - x.chunkTimesNs.front();
        if (spread <= 0)
            return {false, HttpLab::tr("All %1 chunks arrived at once.").arg(x.chunkCount)};
        return {true, HttpLab::tr("%1 %2 answered with Transfer-Encoding: chunked and no Content-Length: %3 chunks "
                                  "arrived over %4 ms (frames #%5 to #%6).")
                          .arg(x.protocol, x.uri).arg(x.chunkCount).arg(ms(spread))
                          .arg(x.responseFirstFrame).arg(x.responseLastFrame)};
    }
    return {false, HttpLab::tr("No complete /chunked response in the capture yet.")};
}

CheckResult checkHosts(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const HttpExchange *a = nullptr, *b = nullptr;
    const std::vector<HttpExchange> all = httpExchanges(e.session());
    for (const HttpExchange &x : all) {
        if (x.uri == QLatin1String("/") && x.status == 200 && x.host.startsWith(QLatin1String("site-a")))
            a = &x;
        if (x.uri == QLatin1String("/") && x.status == 200 && x.host.startsWith(QLatin1String("site-b")))
            b = &x;
    }
    if (!a || !b)
        return {false, HttpLab::tr("Not both sites answered yet.")};
    if (a->serverPort != b->serverPort)
        return {false, HttpLab::tr("The two sites were reached on different ports.")};
    return {true, HttpLab::tr("GET / with Host: %1 (frame #%2) and Host: %3 (frame #%4) both went to port %5 and got "
                              "different pages (%6 and %7 bytes).")
                      .arg(a->host).arg(a->requestFrames.empty() ? 0 : a->requestFrames.front())
                      .arg(b->host).arg(b->requestFrames.empty() ? 0 : b->requestFrames.front())
                      .arg(a->serverPort).arg(a->responseBytes).arg(b->responseBytes)};
}

LabParameter intParameter(const char *key, const char *label, const char *help, int value, int min, int max)
{
    LabParameter p;
    p.key = QLatin1String(key);
    p.label = text(label);
    p.help = text(help);
    p.type = LabParameter::Type::Int;
    p.defaultValue = value;
    p.minimum = min;
    p.maximum = max;
    return p;
}

} // namespace

void setupHttpLab(LabRegistry &registry)
{
    LabDefinition lab;
    lab.id = QStringLiteral("http");
    lab.title = text(QT_TRANSLATE_NOOP("HttpLab", "HTTP/1.0, HTTP/1.1 and HTTP/2"));
    lab.summary = text(QT_TRANSLATE_NOOP(
        "HttpLab",
        "Send a request by hand, then load a page of 100 images over HTTP/1.0, HTTP/1.1 with six connections, "
        "HTTP/1.1 pipelining and HTTP/2 on a 3G link, and watch head-of-line blocking, HPACK, chunked streaming, "
        "the Host header and curl."));
    lab.notesReference = QStringLiteral("L321-454, L657, L2692-2712");

    lab.parameters.push_back(intParameter("http.port", QT_TRANSLATE_NOOP("HttpLab", "HTTP server port"),
        QT_TRANSLATE_NOOP("HttpLab", "Port the lab's HTTP server listens on; 0 picks any free port."), 0, 0, 65535));
    // 100 images as in the notes (L424). By default the 16x16 PNG both servers send (about 0.8 KB): 100 of
    // them cross the 1.6 Mbit/s link in about 0.4 s, so round trips, not bandwidth, decide the times, and
    // the slowest mode (HTTP/1.0, ~17 rounds of two round trips) stays under ~5 s.
    lab.parameters.push_back(intParameter("images.count", QT_TRANSLATE_NOOP("HttpLab", "Images on the page"),
        QT_TRANSLATE_NOOP("HttpLab", "How many images the page loads (the notes' test used 100)."), 100, 1, 500));
    lab.parameters.push_back(intParameter("images.size", QT_TRANSLATE_NOOP("HttpLab", "Image size (bytes)"),
        QT_TRANSLATE_NOOP("HttpLab", "Bytes per image; 0 sends the same small PNG over every protocol, so round trips rather than bandwidth decide the times."),
        0, 0, 1048576));
    lab.parameters.push_back(intParameter("http.connections", QT_TRANSLATE_NOOP("HttpLab", "Connection cap"),
        QT_TRANSLATE_NOOP("HttpLab", "Connections the client opens at most at once (browsers use 6)."), 6, 1, 16));
    lab.parameters.push_back(intParameter("http.pipeline_depth", QT_TRANSLATE_NOOP("HttpLab", "Pipelining depth"),
        QT_TRANSLATE_NOOP("HttpLab", "Requests the pipelining client keeps in flight on its one connection."), 16, 1, 500));
    lab.parameters.push_back(intParameter("slow.ms", QT_TRANSLATE_NOOP("HttpLab", "Delay of /slow (ms)"),
        QT_TRANSLATE_NOOP("HttpLab", "How long the server thinks before answering /slow."), 1000, 0, 10000));
    for (LabParameter p : linkParameterSpecs()) {
        if (p.key == QLatin1String("link.preset")) {
            p.defaultValue = QStringLiteral("3g"); // about 100 ms RTT, 1.6 Mbit/s (notes L424)
            lab.parameters.push_back(p);
        }
    }

    LabStep about;
    about.id = QStringLiteral("about");
    about.title = text(QT_TRANSLATE_NOOP("HttpLab", "1. GET /about by hand"));
    about.guide = text(QT_TRANSLATE_NOOP(
        "HttpLab",
        "<p>HTTP/1.1 is text over a TCP connection (notes L335-346). The client writes a request line "
        "(<code>GET /about HTTP/1.1</code>), header lines such as <code>Host:</code>, and an empty line; every line "
        "ends with CR LF. The server answers with a status line, headers and the body (notes L350-365).</p>"
        "<p>Send the request and open its frame in the packet list: the bytes are readable as text, and the "
        "<code>\\r\\n</code> at the end of each line and the empty line ending the head are visible.</p>"));
    about.actions = {{QLatin1String(HttpLabInstance::GetAbout), text(QT_TRANSLATE_NOOP("HttpLab", "Send GET /about"))}};
    about.checkpoints = {{QStringLiteral("about.exchange"),
                          text(QT_TRANSLATE_NOOP("HttpLab", "Request line and status line parsed from the capture")),
                          checkAbout}};
    lab.steps.push_back(about);

    LabStep page;
    page.id = QStringLiteral("page");
    page.title = text(QT_TRANSLATE_NOOP("HttpLab", "2. 100 images over HTTP/1.x"));
    page.guide = text(QT_TRANSLATE_NOOP(
        "HttpLab",
        "<p>The notes' test loads a page of 100 images on a 3G link (notes L424-427). Load it three times:</p>"
        "<ul><li><b>HTTP/1.0</b>: a new connection, and so a new handshake, for every image.</li>"
        "<li><b>HTTP/1.1 keep-alive</b>: connections are reused (notes L376), but each carries one request at a "
        "time, so the browser opens six of them (notes L386) and the images arrive in batches.</li>"
        "<li><b>HTTP/1.1 pipelining</b>: one connection, many requests sent without waiting (notes L380); the "
        "responses must still come back in order.</li></ul>"
        "<p>Compare the handshake counts and the total times. Every round trip costs about 100 ms here. In host "
        "mode the relay on 127.0.0.1 delays the bytes but not the handshakes, so there only the handshake counts "
        "show what HTTP/1.0 costs.</p>"));
    page.actions = {{QLatin1String(HttpLabInstance::Images10), text(QT_TRANSLATE_NOOP("HttpLab", "Load over HTTP/1.0"))},
                    {QLatin1String(HttpLabInstance::Images11), text(QT_TRANSLATE_NOOP("HttpLab", "Load over HTTP/1.1 keep-alive"))},
                    {QLatin1String(HttpLabInstance::ImagesPipelined), text(QT_TRANSLATE_NOOP("HttpLab", "Load with HTTP/1.1 pipelining"))}};
    page.checkpoints = {
        {QStringLiteral("page.http10"), text(QT_TRANSLATE_NOOP("HttpLab", "HTTP/1.0: one connection per image")),
         [](const LabEvidence &e) {
             return checkRun(e, QStringLiteral("http10"), e.parameters().value(QStringLiteral("images.count")).toInt(), false);
         }},
        {QStringLiteral("page.http11"), text(QT_TRANSLATE_NOOP("HttpLab", "HTTP/1.1: exactly as many connections as the cap (6) were opened")),
         [](const LabEvidence &e) {
             const int count = e.parameters().value(QStringLiteral("images.count")).toInt();
             const int cap = e.parameters().value(QStringLiteral("http.connections")).toInt();
             return checkRun(e, QStringLiteral("http11"), std::min(count, cap), false);
         }},
        {QStringLiteral("page.pipelined"), text(QT_TRANSLATE_NOOP("HttpLab", "Pipelining: one connection carried all responses")),
         [](const LabEvidence &e) { return checkRun(e, QStringLiteral("pipelined"), 1, true); }}};
    lab.steps.push_back(page);

    LabStep h2;
    h2.id = QStringLiteral("h2");
    h2.title = text(QT_TRANSLATE_NOOP("HttpLab", "3. The same page over HTTP/2"));
    h2.guide = text(QT_TRANSLATE_NOOP(
        "HttpLab",
        "<p>HTTP/2 sends every request and response as binary frames on one connection, many streams at once "
        "(notes L408, L414): one handshake, and all images in flight together (notes L426-427). This client "
        "speaks h2c with prior knowledge: the connection starts with the preface, then SETTINGS, HEADERS, DATA "
        "and WINDOW_UPDATE frames.</p>"
        "<p>The notes say requests use odd stream ids and responses even ones (notes L410). Look at the capture: a "
        "response comes back on the <i>same</i> odd id as its request; even ids are only for streams the server "
        "starts itself (push). HPACK (notes L416) sends a header in full once and then refers to it by an index "
        "in a table both sides keep, so the header block of request 2 and later is a fraction of request 1's.</p>"));
    h2.actions = {{QLatin1String(HttpLabInstance::ImagesH2), text(QT_TRANSLATE_NOOP("HttpLab", "Load over HTTP/2"))}};
    h2.checkpoints = {
        {QStringLiteral("page.h2"), text(QT_TRANSLATE_NOOP("HttpLab", "HTTP/2: one connection carried all responses")),
         [](const LabEvidence &e) { return checkRun(e, QStringLiteral("h2"), 1, true); }},
        {QStringLiteral("h2.frames"), text(QT_TRANSLATE_NOOP("HttpLab", "SETTINGS, HEADERS, DATA and WINDOW_UPDATE frames seen")),
         checkFrames},
        {QStringLiteral("h2.streamids"), text(QT_TRANSLATE_NOOP("HttpLab", "Requests on odd stream ids, responses on the same id")),
         checkStreamIds},
        {QStringLiteral("h2.hpack"), text(QT_TRANSLATE_NOOP("HttpLab", "Header bytes collapse after the first request (HPACK)")),
         checkHpack},
        {QStringLiteral("page.compare"), text(QT_TRANSLATE_NOOP("HttpLab", "Total times and handshakes side by side")),
         checkSideBySide}};
    lab.steps.push_back(h2);

    LabStep slow;
    slow.id = QStringLiteral("slow");
    slow.title = text(QT_TRANSLATE_NOOP("HttpLab", "4. Head-of-line blocking behind /slow"));
    slow.guide = text(QT_TRANSLATE_NOOP(
        "HttpLab",
        "<p>The client pipelines two requests on one connection: <code>/slow</code>, which the server answers after "
        "a delay, then <code>/about</code>, which is ready at once. HTTP/1.1 has no way to say which response "
        "belongs to which request except their order, so the second response has to wait behind the first: "
        "head-of-line blocking (notes L380). Over HTTP/2 the two requests are two streams, and /about is "
        "answered while /slow is still being prepared (notes L408).</p>"));
    slow.actions = {{QLatin1String(HttpLabInstance::SlowPipelined), text(QT_TRANSLATE_NOOP("HttpLab", "Pipeline /slow and /about"))},
                    {QLatin1String(HttpLabInstance::SlowH2), text(QT_TRANSLATE_NOOP("HttpLab", "Ask for /slow and /about over HTTP/2"))}};
    slow.checkpoints = {{QStringLiteral("slow.hol"),
                         text(QT_TRANSLATE_NOOP("HttpLab", "Pipelined response 2 waited for response 1")), checkSlowHol},
                        {QStringLiteral("slow.h2"),
                         text(QT_TRANSLATE_NOOP("HttpLab", "HTTP/2: the quick stream did not wait for the slow one")), checkSlowH2}};
    lab.steps.push_back(slow);

    LabStep loss;
    loss.id = QStringLiteral("loss");
    loss.title = text(QT_TRANSLATE_NOOP("HttpLab", "5. HTTP/2 behind a lost TCP segment"));
    loss.guide = text(QT_TRANSLATE_NOOP(
        "HttpLab",
        "<p>HTTP/2 removed head-of-line blocking between responses, but all its streams share one TCP byte "
        "stream (notes L440). With 2% loss on the link from the server, a lost segment holds back every byte "
        "behind it, whatever stream it belongs to: several streams finish together the moment the "
        "retransmission fills the gap. In host mode the relay cannot drop single TCP segments, so this step is "
        "skipped there.</p>"));
    loss.actions = {{QLatin1String(HttpLabInstance::LossH2), text(QT_TRANSLATE_NOOP("HttpLab", "Load over HTTP/2 with 2% loss"))}};
    loss.checkpoints = {{QStringLiteral("loss.h2"),
                         text(QT_TRANSLATE_NOOP("HttpLab", "Streams stalled together behind a lost segment")), checkLossH2}};
    lab.steps.push_back(loss);

    LabStep chunked;
    chunked.id = QStringLiteral("chunked");
    chunked.title = text(QT_TRANSLATE_NOOP("HttpLab", "6. Chunked streaming and the Host header"));
    chunked.guide = text(QT_TRANSLATE_NOOP(
        "HttpLab",
        "<p>The notes say HTTP/1.1 must know the whole response and its <code>Content-Length</code> before sending "
        "(notes L390). That is not so: with <code>Transfer-Encoding: chunked</code> the server sends the body in "
        "pieces as it produces them, each with its size in hex, and a zero-size chunk ends it. Watch the chunks of "
        "<code>/chunked</code> arrive over time.</p>"
        "<p>The <code>Host</code> header lets one server on one address and port serve several sites (notes L378): "
        "the same request for <code>/</code> gets a different page for <code>site-a.lab</code> and "
        "<code>site-b.lab</code>.</p>"));
    chunked.actions = {{QLatin1String(HttpLabInstance::Chunked), text(QT_TRANSLATE_NOOP("HttpLab", "Fetch /chunked"))},
                       {QLatin1String(HttpLabInstance::TwoSites), text(QT_TRANSLATE_NOOP("HttpLab", "Ask both sites for /"))}};
    chunked.checkpoints = {
        {QStringLiteral("chunked.stream"), text(QT_TRANSLATE_NOOP("HttpLab", "A chunked response streamed over time")), checkChunked},
        {QStringLiteral("chunked.hosts"), text(QT_TRANSLATE_NOOP("HttpLab", "The Host header chose the site")), checkHosts}};
    lab.steps.push_back(chunked);

    LabStep curl;
    curl.id = QStringLiteral("curl");
    curl.title = text(QT_TRANSLATE_NOOP("HttpLab", "7. A real client: curl"));
    curl.guide = text(QT_TRANSLATE_NOOP(
        "HttpLab",
        "<p>The lab's servers speak the protocols to any client. <code>curl --http1.1</code> asks the HTTP/1.x "
        "server for <code>/about</code> (the notes' example request uses curl, notes L350-355), and "
        "<code>curl --http2-prior-knowledge</code> asks the HTTP/2 server, starting with the preface at once. In "
        "the lab network curl runs inside the client host; in host mode it runs on 127.0.0.1. Compare curl's "
        "request headers with the lab client's in the packet list. Each curl asks for one URL: curl 7.88 (Debian 12) "
        "cannot carry several URLs over one prior-knowledge h2c connection (it reuses it, then fails with \"Error in "
        "the HTTP2 framing layer\"; curl issue #10634, fixed in 8.0). Without curl installed the step is skipped.</p>"
        "<p>Browsers speak HTTP/2 only over TLS (h2). Which protocol the connection carries is agreed inside the "
        "TLS handshake with ALPN: the client lists the protocols it speaks in its ClientHello (curl: "
        "<code>h2</code>, <code>http/1.1</code>), the server picks one in its reply. So h2 costs no round trip "
        "beyond the handshake itself (notes L657: one round trip in TLS 1.3), unlike the h2c upgrade, which "
        "spends a whole HTTP/1.1 request and a 101 answer first. <code>curl --http2</code> asks the lab's TLS "
        "server for <code>/about</code>; its certificate names <code>server.lab</code> and comes from a CA made "
        "for this run. The server logs its TLS secrets, so the capture decrypts: in TLS 1.3 the server's choice "
        "is in the encrypted EncryptedExtensions, and the first bytes the client sends inside TLS are the same "
        "preface as with prior knowledge (notes L408). The notes do not cover ALPN.</p>"));
    curl.actions = {{QLatin1String(HttpLabInstance::Curl), text(QT_TRANSLATE_NOOP("HttpLab", "Run curl twice"))},
                    {QLatin1String(HttpLabInstance::CurlH2Tls), text(QT_TRANSLATE_NOOP("HttpLab", "curl over TLS (h2 by ALPN)"))}};
    curl.checkpoints = {{QStringLiteral("curl.both"),
                         text(QT_TRANSLATE_NOOP("HttpLab", "Both curl exchanges are in the capture")), checkCurl},
                        {QStringLiteral("curl.h2tls"),
                         text(QT_TRANSLATE_NOOP("HttpLab", "ALPN chose h2, and the decrypted stream begins with the HTTP/2 preface")),
                         checkH2Tls}};
    lab.steps.push_back(curl);

    lab.create = [] { return std::make_unique<HttpLabInstance>(); };
    registry.add(std::move(lab));
}
