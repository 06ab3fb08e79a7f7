// SPDX-License-Identifier: GPL-3.0-or-later
// The one HTTP analysis (core/dissect/httpanalysis.h) over hand-built captures: HTTP/1.1 request/response
// pairing and the per-frame labels, Protocol and Info; pipelining and head-of-line waits; a lost segment
// whose retransmission delays the in-order arrival of the bytes behind it (with and without the lab
// network's "lost" comment on the original); HTTP/2 stream pairing with HPACK sizes and frame counts.

#include "../app/framebuilder.h"
#include "capturesession.h"
#include "dissect/http2.h"
#include "dissect/httpanalysis.h"

#include <QTest>

using namespace wirelab;
using namespace wirelab::testing;

namespace {

constexpr std::int64_t kMs = 1'000'000;

// One TCP conversation 127.0.0.1:41000 -> 127.0.0.2:8080, built packet by packet with explicit times.
struct Conversation
{
    std::vector<CapturedPacket> packets;
    std::uint32_t c = 1000, s = 90000;
    std::int64_t t = 1'700'000'000'000'000'000;

    void handshake()
    {
        add(tcpFrame(1, 41000, 2, 8080, c, 0, TcpSyn));
        add(tcpFrame(2, 8080, 1, 41000, s, c + 1, TcpSyn | TcpAck));
        ++c;
        ++s;
        add(tcpFrame(1, 41000, 2, 8080, c, s, TcpAck));
    }
    // Appends a frame at the current time, then moves the clock on by step.
    void add(std::vector<std::uint8_t> bytes, std::int64_t step = kMs, const QString &comment = {})
    {
        CapturedPacket p = packet(t, std::move(bytes));
        p.comment = comment;
        packets.push_back(std::move(p));
        t += step;
    }
    void client(const std::string &data, std::int64_t step = kMs)
    {
        add(tcpFrame(1, 41000, 2, 8080, c, s, TcpPsh | TcpAck, data), step);
        c += std::uint32_t(data.size());
    }
    void server(const std::string &data, std::int64_t step = kMs)
    {
        add(tcpFrame(2, 8080, 1, 41000, s, c, TcpPsh | TcpAck, data), step);
        s += std::uint32_t(data.size());
    }
    std::int64_t timeOf(std::uint32_t frame) const { return packets.at(frame - 1).timeNs; }
};

HttpAnalysis &analyse(CaptureSession &session, const Conversation &conv, HttpAnalysis &analysis)
{
    session.appendPackets(conv.packets, LinkType::Ethernet);
    analysis.update(session);
    return analysis;
}

const std::string kAbout = "GET /about HTTP/1.1\r\nHost: lab.example\r\n\r\n";
std::string response(const std::string &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
           + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// HTTP/2 by hand: a 9-byte frame header and HPACK "literal header field without indexing, new name"
// (RFC 7541 6.2.2) with 7-bit lengths, so the block sizes are known exactly.
std::string h2Frame(std::uint8_t type, std::uint8_t flags, std::uint32_t stream, const std::string &payload)
{
    std::string f;
    const std::size_t n = payload.size();
    f += char(n >> 16);
    f += char(n >> 8);
    f += char(n);
    f += char(type);
    f += char(flags);
    f += char(stream >> 24);
    f += char(stream >> 16);
    f += char(stream >> 8);
    f += char(stream);
    return f + payload;
}

std::string hpackLiteral(const std::vector<std::pair<std::string, std::string>> &headers)
{
    std::string b;
    for (const auto &[name, value] : headers) {
        b += char(0x00);
        b += char(name.size());
        b += name;
        b += char(value.size());
        b += value;
    }
    return b;
}

const std::string kPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

} // namespace

class TestHttpAnalysis final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pairsRequestAndResponse();
    void pipelinedWaitsForThePrevious();
    void retransmissionDelaysArrival();
    void lostCommentedOriginalIsNotDelivered();
    void http2PairsByStream();
    void incrementalMatchesWhole();
    void hostileBytesStayBounded();
};

void TestHttpAnalysis::pairsRequestAndResponse()
{
    Conversation conv;
    conv.handshake();
    conv.client(kAbout, 10 * kMs); // frame 4
    const std::string body(1500, 'x');
    const std::string rsp = response(body);
    conv.server(rsp.substr(0, 1000));   // frame 5
    conv.server(rsp.substr(1000));      // frame 6
    CaptureSession session;
    HttpAnalysis a;
    analyse(session, conv, a);

    QCOMPARE(a.exchanges().size(), std::size_t(1));
    const HttpExchange &x = a.exchanges().front();
    QCOMPARE(x.protocol, QStringLiteral("HTTP/1.1"));
    QCOMPARE(x.method, QStringLiteral("GET"));
    QCOMPARE(x.uri, QStringLiteral("/about"));
    QCOMPARE(x.host, QStringLiteral("lab.example"));
    QCOMPARE(x.clientPort, std::uint16_t(41000));
    QCOMPARE(x.serverPort, std::uint16_t(8080));
    QCOMPARE(x.status, 200);
    QVERIFY(x.complete);
    QCOMPARE(x.requestFrames, std::vector<std::uint32_t>{4});
    QCOMPARE(x.responseFirstFrame, 5u);
    QCOMPARE(x.responseLastFrame, 6u);
    QCOMPARE(x.requestSentNs, conv.timeOf(4));
    QCOMPARE(x.firstByteNs, conv.timeOf(5));
    QCOMPARE(x.lastByteNs, conv.timeOf(6));
    QCOMPARE(x.responseBytes, std::uint64_t(body.size()));
    QCOMPARE(x.responseWireBytes, std::uint64_t(rsp.size()));
    QCOMPARE(x.contentLength, std::int64_t(body.size()));
    QCOMPARE(x.requestHeaderWireBytes, std::uint64_t(kAbout.size()));

    QCOMPARE(a.connections().size(), std::size_t(1));
    QCOMPARE(a.connections().front().synFrame, 1u);
    QVERIFY(!a.connections().front().http2);

    // Labels where a message begins; Protocol and Info where it ends (as tshark after reassembly).
    QCOMPARE(a.packetLabel(4), QStringLiteral("GET /about"));
    QCOMPARE(a.packetLabel(5), QStringLiteral("200 OK"));
    QCOMPARE(a.packetLabel(6), QString());
    QCOMPARE(a.packetProtocol(4), QStringLiteral("HTTP"));
    QCOMPARE(a.packetInfo(4), QStringLiteral("GET /about HTTP/1.1"));
    QCOMPARE(a.packetProtocol(5), QString());
    QCOMPARE(a.packetProtocol(6), QStringLiteral("HTTP"));
    QCOMPARE(a.packetInfo(6), QStringLiteral("HTTP/1.1 200 OK  (text/html)"));
    QCOMPARE(a.packetProtocol(3), QString());
    for (std::uint32_t f : {4u, 5u, 6u})
        QCOMPARE(a.exchangeOfFrame(f), 0);
    QCOMPARE(a.exchangeOfFrame(3), -1);

    // Details: the request's tree in its frame, the response's in both of its frames.
    QCOMPARE(a.layers(4, session.store().at(3).bytes.size()).http1.size(), std::size_t(1));
    QCOMPARE(a.layers(6, session.store().at(5).bytes.size()).http1.size(), std::size_t(1));
    QVERIFY(a.layers(3, session.store().at(2).bytes.size()).http1.empty());
}

void TestHttpAnalysis::pipelinedWaitsForThePrevious()
{
    Conversation conv;
    conv.handshake();
    conv.client("GET /slow HTTP/1.1\r\nHost: l\r\n\r\n");   // frame 4
    conv.client("GET /about HTTP/1.1\r\nHost: l\r\n\r\n", 50 * kMs); // frame 5, before response 1
    conv.server(response("slow"));   // frame 6
    conv.server(response("about"));  // frame 7
    CaptureSession session;
    HttpAnalysis a;
    analyse(session, conv, a);
    QCOMPARE(a.exchanges().size(), std::size_t(2));
    const HttpExchange &slow = a.exchanges()[0], &about = a.exchanges()[1];
    QCOMPARE(slow.uri, QStringLiteral("/slow"));
    QCOMPARE(about.uri, QStringLiteral("/about"));
    QCOMPARE(slow.indexOnConnection, 0);
    QCOMPARE(about.indexOnConnection, 1);
    QVERIFY(!slow.pipelined);
    QVERIFY(about.pipelined);
    QCOMPARE(about.pipelinedBehind, 0);
    QVERIFY(about.waitedForPrevious);
    QCOMPARE(slow.responseFirstFrame, 6u);
    QCOMPARE(about.responseFirstFrame, 7u);
    QCOMPARE(a.exchangeOfFrame(5), 1);
    QCOMPARE(a.exchangeOfFrame(7), 1);
}

void TestHttpAnalysis::retransmissionDelaysArrival()
{
    // The response in three segments; the first was lost (not in the capture), the other two arrived,
    // then the retransmission 200 ms later: everything becomes readable only with it.
    Conversation conv;
    conv.handshake();
    conv.client(kAbout);                              // frame 4
    const std::string rsp = response(std::string(2000, 'y'));
    const std::uint32_t base = conv.s;
    conv.s = base + 700;
    conv.server(rsp.substr(700, 700));                // frame 5 (out of order)
    conv.server(rsp.substr(1400), 200 * kMs);         // frame 6
    conv.s = base;
    conv.server(rsp.substr(0, 700));                  // frame 7: the retransmission
    CaptureSession session;
    HttpAnalysis a;
    analyse(session, conv, a);
    QCOMPARE(a.exchanges().size(), std::size_t(1));
    const HttpExchange &x = a.exchanges().front();
    QVERIFY(x.complete);
    QCOMPARE(x.responseFirstFrame, 7u);
    QCOMPARE(x.responseLastFrame, 6u); // the last byte came in frame 6 ...
    QCOMPARE(x.firstByteNs, conv.timeOf(7));
    QCOMPARE(x.lastByteNs, conv.timeOf(7)); // ... but arrived in order only with frame 7
    QVERIFY(conv.timeOf(6) < conv.timeOf(7));
    QCOMPARE(a.arrivedAt(0, false, 1000), conv.timeOf(7));
    // tshark shows the reassembled message on the segment that completed it: the retransmission.
    QCOMPARE(a.packetProtocol(6), QString());
    QCOMPARE(a.packetProtocol(7), QStringLiteral("HTTP"));
    QCOMPARE(a.packetInfo(7), QStringLiteral("HTTP/1.1 200 OK  (text/html)"));
    QCOMPARE(a.packetLabel(7), QStringLiteral("200 OK"));
}

void TestHttpAnalysis::lostCommentedOriginalIsNotDelivered()
{
    // The lab network recorded the original but dropped it (its comment says so): its bytes only
    // arrive with the retransmission.
    Conversation conv;
    conv.handshake();
    conv.client(kAbout);                                         // frame 4
    const std::string rsp = response("hello");
    const std::uint32_t base = conv.s;
    conv.add(tcpFrame(2, 8080, 1, 41000, base, conv.c, TcpPsh | TcpAck, rsp), 300 * kMs,
             QStringLiteral("Lost on the lab network (loss 10 %)")); // frame 5
    conv.server(rsp);                                            // frame 6: the retransmission
    CaptureSession session;
    HttpAnalysis a;
    analyse(session, conv, a);
    QCOMPARE(a.exchanges().size(), std::size_t(1));
    const HttpExchange &x = a.exchanges().front();
    QCOMPARE(x.responseFirstFrame, 6u);
    QCOMPARE(x.firstByteNs, conv.timeOf(6));
    QCOMPARE(a.packetLabel(5), QString());
    QVERIFY(isNotDeliveredComment(QStringLiteral("Dropped by the student at a breakpoint")));
    QVERIFY(!isNotDeliveredComment(QStringLiteral("Delayed by 20 ms")));
}

void TestHttpAnalysis::http2PairsByStream()
{
    Conversation conv;
    conv.handshake();
    const std::string settings = h2Frame(4, 0, 0, {});
    const std::string req1 = hpackLiteral({{":method", "GET"}, {":path", "/slow"}, {":scheme", "http"},
                                           {":authority", "lab"}});
    const std::string req3 = hpackLiteral({{":method", "GET"}, {":path", "/about"}, {":scheme", "http"},
                                           {":authority", "lab"}});
    const std::string rsp = hpackLiteral({{":status", "200"}});
    conv.client(kPreface + settings);                                        // frame 4
    conv.server(settings + h2Frame(4, kHttp2FlagAck, 0, {}));                // frame 5
    conv.client(h2Frame(1, kHttp2FlagEndHeaders | kHttp2FlagEndStream, 1, req1)
                + h2Frame(1, kHttp2FlagEndHeaders | kHttp2FlagEndStream, 3, req3)); // frame 6
    // Stream 3 answered completely before stream 1 begins: no head-of-line blocking.
    conv.server(h2Frame(1, kHttp2FlagEndHeaders, 3, rsp) + h2Frame(0, kHttp2FlagEndStream, 3, "about!"),
                20 * kMs);                                                   // frame 7
    conv.server(h2Frame(1, kHttp2FlagEndHeaders, 1, rsp));                   // frame 8
    conv.server(h2Frame(0, kHttp2FlagEndStream, 1, std::string(100, 's')));  // frame 9
    CaptureSession session;
    HttpAnalysis a;
    analyse(session, conv, a);

    QVERIFY(a.http2(0));
    QCOMPARE(a.exchanges().size(), std::size_t(2));
    const HttpExchange &slow = a.exchanges()[0], &about = a.exchanges()[1];
    QCOMPARE(slow.protocol, QStringLiteral("h2"));
    QCOMPARE(slow.streamId, 1u);
    QCOMPARE(about.streamId, 3u);
    QCOMPARE(slow.uri, QStringLiteral("/slow"));
    QCOMPARE(about.uri, QStringLiteral("/about"));
    QCOMPARE(about.host, QStringLiteral("lab"));
    QCOMPARE(slow.indexOnConnection, 0);
    QCOMPARE(about.indexOnConnection, 1);
    QCOMPARE(slow.status, 200);
    QCOMPARE(about.status, 200);
    QVERIFY(slow.complete && about.complete);
    QCOMPARE(about.responseFirstFrame, 7u);
    QCOMPARE(about.responseLastFrame, 7u);
    QCOMPARE(slow.responseFirstFrame, 8u);
    QCOMPARE(slow.responseLastFrame, 9u);
    QCOMPARE(slow.responseBytes, std::uint64_t(100));
    QCOMPARE(about.responseBytes, std::uint64_t(6));
    QVERIFY(about.lastByteNs < slow.firstByteNs);
    QCOMPARE(slow.requestDoneNs, conv.timeOf(6));
    // HPACK sizes: the literal block as sent, and name + value + 32 per field decoded.
    QCOMPARE(slow.requestHeaderBytesCompressed, int(req1.size()));
    QCOMPARE(slow.requestHeaderBytesDecoded, 7 + 3 + 5 + 5 + 7 + 4 + 10 + 3 + 4 * 32);
    QCOMPARE(slow.responseHeaderBytesCompressed, int(rsp.size()));
    // Frame types on the connection: 3 SETTINGS, 4 HEADERS, 2 DATA.
    QCOMPARE(slow.connectionFrameTypes[4], 3);
    QCOMPARE(slow.connectionFrameTypes[1], 4);
    QCOMPARE(slow.connectionFrameTypes[0], 2);
    QCOMPARE(about.connectionFrameTypes, slow.connectionFrameTypes);

    QVERIFY(a.connections().front().http2);
    QCOMPARE(a.packetLabel(4), QStringLiteral("Magic, SETTINGS s=0"));
    QCOMPARE(a.packetLabel(6), QStringLiteral("HEADERS s=1, HEADERS s=3"));
    QCOMPARE(a.packetLabel(7), QStringLiteral("HEADERS s=3, DATA s=3"));
    QCOMPARE(a.packetStreams(6), (std::vector<std::uint32_t>{1, 3}));
    QVERIFY(a.packetStreams(4).empty());
    QCOMPARE(a.packetProtocol(4), QStringLiteral("HTTP2"));
    QCOMPARE(a.packetInfo(4), QStringLiteral("Magic, SETTINGS[0]"));
    QCOMPARE(a.packetInfo(6), QStringLiteral("HEADERS[1]: GET /slow, HEADERS[3]: GET /about"));
    QCOMPARE(a.packetInfo(7), QStringLiteral("HEADERS[3]: 200 OK, DATA[3]"));
    QCOMPARE(a.exchangeOfFrame(7), 1);
    QCOMPARE(a.exchangeOfFrame(9), 0);
    QCOMPARE(a.layers(7, session.store().at(6).bytes.size()).http2Frames.size(), std::size_t(2));
}

void TestHttpAnalysis::incrementalMatchesWhole()
{
    // Fed one packet at a time (as the live GUI does) the result equals the analysis of the whole capture:
    // the HTTP/2 dissector gets the streams in capture order either way.
    Conversation conv;
    conv.handshake();
    conv.client(kAbout);
    conv.server(response("abc"));
    conv.client("GET /two HTTP/1.1\r\nHost: lab.example\r\n\r\n");
    conv.server(response("defg"));
    CaptureSession whole, live;
    HttpAnalysis all, step;
    analyse(whole, conv, all);
    for (const CapturedPacket &p : conv.packets) {
        live.appendPackets({&p, 1}, LinkType::Ethernet);
        step.update(live);
    }
    QCOMPARE(step.exchanges().size(), all.exchanges().size());
    for (std::size_t i = 0; i < all.exchanges().size(); ++i) {
        QCOMPARE(step.exchanges()[i].uri, all.exchanges()[i].uri);
        QCOMPARE(step.exchanges()[i].lastByteNs, all.exchanges()[i].lastByteNs);
        QCOMPARE(step.exchanges()[i].responseBytes, all.exchanges()[i].responseBytes);
    }
    QCOMPARE(step.exchanges().back().responseBytes, std::uint64_t(4));
    // A new capture starts over.
    live.reset();
    step.update(live);
    QVERIFY(step.exchanges().empty());
}

void TestHttpAnalysis::hostileBytesStayBounded()
{
    // Garbage after the h2 preface, a frame that claims 16 MiB, an HPACK block that does not decode, and an
    // HTTP/1.x request with a broken Content-Length on a second conversation: the analysis only composes
    // the dissectors, so it reports what they parsed and nothing it would have to guess.
    Conversation h2;
    h2.handshake();
    h2.client(kPreface + h2Frame(4, 0, 0, {}));
    h2.client(h2Frame(1, kHttp2FlagEndHeaders, 1, std::string("\xff\xff\xff\xff\x7f", 5)));
    h2.client(std::string("\xff\xff\xff\x01\x00\x00\x00\x00\x01", 9) + std::string(200, 'z'));
    Conversation h1;
    h1.t = h2.t;
    h1.add(tcpFrame(1, 41001, 2, 8080, h1.c, 0, TcpSyn));
    ++h1.c;
    h1.add(tcpFrame(1, 41001, 2, 8080, h1.c, 0, TcpPsh | TcpAck,
                    "POST /x HTTP/1.1\r\nContent-Length: -5\r\n\r\nhello"));
    h1.add(tcpFrame(1, 41001, 2, 8080, h1.c + 100000, 0, TcpPsh | TcpAck, std::string(3000, '\0')));
    CaptureSession session;
    session.appendPackets(h2.packets, LinkType::Ethernet);
    session.appendPackets(h1.packets, LinkType::Ethernet);
    HttpAnalysis a;
    a.update(session);
    QVERIFY(a.exchanges().empty());
    QVERIFY(a.http2(0));
    QVERIFY(a.http2(0)->failed(Http2Direction::ClientToServer));
    QCOMPARE(a.packetLabel(4), QStringLiteral("Magic, SETTINGS s=0"));
    for (std::uint32_t f = 1; f <= session.store().size(); ++f) {
        QCOMPARE(a.exchangeOfFrame(f), -1);
        a.layers(f, session.store().at(f - 1).bytes.size()); // must not read past the frame
    }
}

QTEST_GUILESS_MAIN(TestHttpAnalysis)
#include "tst_httpanalysis.moc"
