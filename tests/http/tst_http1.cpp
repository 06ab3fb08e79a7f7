// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP/1.x parser and the TCP stream reassembly, from hand-built bytes.

#include "dissect/http1.h"
#include "dissect/tcpstream.h"
#include "dissect/tcptracker.h"

#include <QTest>

#include <arpa/inet.h>

using namespace wirelab;

namespace {

std::span<const std::uint8_t> bytesOf(const QByteArray &b)
{
    return {reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size())};
}

Http1ParseStatus parse(const QByteArray &b, bool request, Http1Message &m, std::size_t *used = nullptr,
                       const QByteArray &method = {}, bool closed = false)
{
    Http1ParseContext ctx;
    ctx.isRequest = request;
    ctx.requestMethod = method;
    ctx.streamClosed = closed;
    std::size_t u = 0;
    const auto st = parseHttp1Message(bytesOf(b), 0, ctx, m, &u);
    if (used)
        *used = u;
    return st;
}

// An Ethernet/IPv4/TCP frame from 10.0.0.1:port1 to 10.0.0.2:port2.
QByteArray tcpFrame(bool fromClient, std::uint32_t seq, std::uint8_t flags, const QByteArray &payload)
{
    QByteArray f(14 + 20 + 20, '\0');
    f[12] = 0x08;
    f[13] = 0x00;
    auto *ip = reinterpret_cast<std::uint8_t *>(f.data() + 14);
    ip[0] = 0x45;
    const std::uint16_t total = std::uint16_t(40 + payload.size());
    ip[2] = std::uint8_t(total >> 8);
    ip[3] = std::uint8_t(total);
    ip[8] = 64;
    ip[9] = 6;
    const std::uint8_t a[4] = {10, 0, 0, 1}, b[4] = {10, 0, 0, 2};
    std::memcpy(ip + 12, fromClient ? a : b, 4);
    std::memcpy(ip + 16, fromClient ? b : a, 4);
    auto *tcp = ip + 20;
    const std::uint16_t sp = fromClient ? 40000 : 80, dp = fromClient ? 80 : 40000;
    tcp[0] = std::uint8_t(sp >> 8);
    tcp[1] = std::uint8_t(sp);
    tcp[2] = std::uint8_t(dp >> 8);
    tcp[3] = std::uint8_t(dp);
    const std::uint32_t s = htonl(seq);
    std::memcpy(tcp + 4, &s, 4);
    tcp[12] = 0x50;
    tcp[13] = flags;
    tcp[14] = 0xff;
    tcp[15] = 0xff;
    return f + payload;
}

struct Feeder
{
    TcpConversationTracker tracker;
    TcpStreamReassembler streams;
    std::uint32_t frame = 0;
    std::int64_t time = 1000;
    void add(bool fromClient, std::uint32_t seq, std::uint8_t flags, const QByteArray &payload = {})
    {
        const QByteArray f = tcpFrame(fromClient, seq, flags, payload);
        PacketSummary s;
        QVERIFY(dissectSummary(LinkType::Ethernet, bytesOf(f), s));
        ++frame;
        time += 1000;
        tracker.add(frame, time, s);
        streams.add(frame, time, s, bytesOf(f), tracker.analysis(frame));
    }
};

const QByteArray kRequest = "GET /about HTTP/1.1\r\nHost: a.lab\r\nUser-Agent: test\r\n\r\n";
const QByteArray kResponse = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello";
const QByteArray kChunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n";

} // namespace

class TestHttp1 final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void request();
    void response();
    void chunked();
    void pipelined();
    void noBodyResponses_data();
    void noBodyResponses();
    void untilClose();
    void splitAtEveryByte_data();
    void splitAtEveryByte();
    void hostileLongLine();
    void hostileManyHeaders();
    void hostileChunkSize();
    void hostileEndlessChunks();
    void badContentLength_data();
    void badContentLength();
    void looksLike();
    void reassemblyRetransmitAndReorder();
    void reassemblyGap();
    void reassemblyCap();
    void messageFloodStops();
    void connectionDissectorAndTree();
};

void TestHttp1::request()
{
    Http1Message m;
    std::size_t used = 0;
    QCOMPARE(parse(kRequest, true, m, &used), Http1ParseStatus::Complete);
    QCOMPARE(used, std::size_t(kRequest.size()));
    QCOMPARE(m.method, QByteArray("GET"));
    QCOMPARE(m.uri, QByteArray("/about"));
    QCOMPARE(m.version, QByteArray("HTTP/1.1"));
    QCOMPARE(m.headers.size(), std::size_t(2));
    QCOMPARE(m.header("host"), QByteArray("a.lab"));
    QCOMPARE(m.headers[0].line, (Http1Range{21, 13}));
    QCOMPARE(kRequest.mid(int(m.headers[0].valueRange.offset), int(m.headers[0].valueRange.length)), QByteArray("a.lab"));
    QCOMPARE(m.startLine, (Http1Range{0, 21}));
    QCOMPARE(m.headerBlock.length, std::uint64_t(kRequest.size()));
    QCOMPARE(m.bodyKind, Http1Message::BodyKind::None);
    QVERIFY(m.complete);
    QVERIFY(!m.malformed);
}

void TestHttp1::response()
{
    Http1Message m;
    std::size_t used = 0;
    QCOMPARE(parse(kResponse, false, m, &used, "GET"), Http1ParseStatus::Complete);
    QCOMPARE(m.status, 200);
    QCOMPARE(m.reason, QByteArray("OK"));
    QCOMPARE(m.contentLength, 5);
    QCOMPARE(m.bodyBytes, std::uint64_t(5));
    QCOMPARE(m.bodyData.size(), std::size_t(1));
    QCOMPARE(kResponse.mid(int(m.bodyData[0].offset), 5), QByteArray("hello"));
    QCOMPARE(used, std::size_t(kResponse.size()));
    // One byte short: need more, never a guess.
    QCOMPARE(parse(kResponse.chopped(1), false, m, nullptr, "GET"), Http1ParseStatus::NeedMore);
    QVERIFY(!m.complete);
    QCOMPARE(m.bodyBytes, std::uint64_t(4));
}

void TestHttp1::chunked()
{
    Http1Message m;
    std::size_t used = 0;
    QCOMPARE(parse(kChunked, false, m, &used, "GET"), Http1ParseStatus::Complete);
    QVERIFY(m.chunked);
    QCOMPARE(m.chunkCount, 2);
    QCOMPARE(m.chunks.size(), std::size_t(3)); // with the last, empty chunk
    QCOMPARE(m.chunks[1].size, std::uint64_t(6));
    QCOMPARE(kChunked.mid(int(m.chunks[1].sizeLine.offset), int(m.chunks[1].sizeLine.length)), QByteArray("6;ext=1\r\n"));
    QCOMPARE(m.bodyBytes, std::uint64_t(11));
    QByteArray body;
    for (const Http1Range &r : m.bodyData)
        body += kChunked.mid(int(r.offset), int(r.length));
    QCOMPARE(body, QByteArray("hello world"));
    QCOMPARE(m.trailers.size(), std::size_t(1));
    QCOMPARE(m.trailers[0].name, QByteArray("X-Trailer"));
    QCOMPARE(used, std::size_t(kChunked.size()));
    // Data not followed by CRLF is malformed.
    QCOMPARE(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd\r\n", false, m, nullptr, "GET"),
             Http1ParseStatus::Malformed);
    QVERIFY(m.malformed);
}

void TestHttp1::pipelined()
{
    const QByteArray three = kRequest + "GET /a HTTP/1.1\r\nHost: x\r\n\r\n" + "HEAD /b HTTP/1.1\r\nHost: x\r\n\r\n";
    std::size_t pos = 0;
    QList<QByteArray> uris;
    for (int i = 0; i < 10 && pos < std::size_t(three.size()); ++i) {
        Http1Message m;
        std::size_t used = 0;
        QCOMPARE(parse(three.mid(qsizetype(pos)), true, m, &used), Http1ParseStatus::Complete);
        uris << m.uri;
        pos += used;
    }
    QCOMPARE(uris, (QList<QByteArray>{"/about", "/a", "/b"}));
    // Responses back to back: 200 with a body, 304, a HEAD answer with Content-Length but no body.
    const QByteArray responses = kResponse + "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + kResponse;
    const QByteArray methods[] = {"GET", "GET", "HEAD", "GET"};
    pos = 0;
    for (int i = 0; i < 4; ++i) {
        Http1Message m;
        std::size_t used = 0;
        QCOMPARE(parse(responses.mid(qsizetype(pos)), false, m, &used, methods[i]), Http1ParseStatus::Complete);
        QCOMPARE(m.status, i == 1 ? 304 : 200);
        QCOMPARE(m.bodyBytes, std::uint64_t(i == 0 || i == 3 ? 5 : 0));
        pos += used;
    }
    QCOMPARE(pos, std::size_t(responses.size()));
}

void TestHttp1::noBodyResponses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("100") << QByteArray("HTTP/1.1 100 Continue\r\n\r\n") << QByteArray("POST");
    QTest::newRow("204") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n") << QByteArray("GET");
    QTest::newRow("304") << QByteArray("HTTP/1.1 304 Not Modified\r\n\r\n") << QByteArray("GET");
    QTest::newRow("HEAD") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") << QByteArray("HEAD");
}

void TestHttp1::noBodyResponses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, method);
    Http1Message m;
    std::size_t used = 0;
    QCOMPARE(parse(bytes + "HTTP/1.1 200 OK\r\n", false, m, &used, method), Http1ParseStatus::Complete);
    QCOMPARE(used, std::size_t(bytes.size()));
    QCOMPARE(m.bodyBytes, std::uint64_t(0));
    QCOMPARE(m.bodyKind, Http1Message::BodyKind::None);
}

void TestHttp1::untilClose()
{
    const QByteArray r = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of this";
    Http1Message m;
    QCOMPARE(parse(r, false, m, nullptr, "GET", false), Http1ParseStatus::NeedMore);
    QCOMPARE(m.bodyKind, Http1Message::BodyKind::UntilClose);
    std::size_t used = 0;
    QCOMPARE(parse(r, false, m, &used, "GET", true), Http1ParseStatus::Complete);
    QCOMPARE(m.bodyBytes, std::uint64_t(11));
    QCOMPARE(used, std::size_t(r.size()));
}

void TestHttp1::splitAtEveryByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("isRequest");
    QTest::newRow("request") << kRequest << true;
    QTest::newRow("response") << kResponse << false;
    QTest::newRow("chunked") << kChunked << false;
}

void TestHttp1::splitAtEveryByte()
{
    // Every prefix is "need more" (never complete, never malformed), and the whole gives the same message
    // through the stream path whatever the segmenting.
    QFETCH(QByteArray, bytes);
    QFETCH(bool, isRequest);
    Http1Message whole;
    QCOMPARE(parse(bytes, isRequest, whole, nullptr, "GET"), Http1ParseStatus::Complete);
    for (int cut = 0; cut < bytes.size(); ++cut) {
        Http1Message m;
        QCOMPARE(parse(bytes.left(cut), isRequest, m, nullptr, "GET"), Http1ParseStatus::NeedMore);
    }
    for (int cut = 1; cut < bytes.size(); ++cut) {
        Feeder f;
        const QByteArray req = isRequest ? bytes : kRequest;
        f.add(true, 100, 0x02);
        f.add(false, 500, 0x12);
        if (isRequest) {
            f.add(true, 101, 0x18, req.left(cut));
            f.add(true, 101 + std::uint32_t(cut), 0x18, req.mid(cut));
        } else {
            f.add(true, 101, 0x18, req);
            f.add(false, 501, 0x18, bytes.left(cut));
            f.add(false, 501 + std::uint32_t(cut), 0x18, bytes.mid(cut));
        }
        Http1ConnectionDissector d;
        d.update(f.streams);
        const auto &msgs = d.messages();
        QCOMPARE(msgs.size(), std::size_t(isRequest ? 1 : 2));
        const Http1Message &m = msgs.back();
        QVERIFY(m.complete);
        QCOMPARE(m.method, whole.method);
        QCOMPARE(m.uri, whole.uri);
        QCOMPARE(m.status, whole.status);
        QCOMPARE(m.headers.size(), whole.headers.size());
        QCOMPARE(m.bodyBytes, whole.bodyBytes);
        QCOMPARE(m.chunkCount, whole.chunkCount);
        QCOMPARE(m.firstFrame, 3u + (isRequest ? 0u : 1u));
        QCOMPARE(m.lastFrame, m.firstFrame + 1);
    }
}

void TestHttp1::hostileLongLine()
{
    QByteArray b = "GET /" + QByteArray(10 * 1024 * 1024, 'a');
    Http1Message m;
    QCOMPARE(parse(b, true, m), Http1ParseStatus::Malformed);
    QVERIFY(m.malformed);
    b = "GET / HTTP/1.1\r\nX: " + QByteArray(10 * 1024 * 1024, 'b') + "\r\n\r\n";
    QCOMPARE(parse(b, true, m), Http1ParseStatus::Malformed);
    // Just under the limit and unterminated: still waiting.
    b = "GET / HTTP/1.1\r\nX: " + QByteArray(1000, 'b');
    QCOMPARE(parse(b, true, m), Http1ParseStatus::NeedMore);
}

void TestHttp1::hostileManyHeaders()
{
    QByteArray b = "GET / HTTP/1.1\r\n";
    b.reserve(100000 * 8);
    for (int i = 0; i < 100000; ++i)
        b += "A: b\r\n";
    b += "\r\n";
    Http1Message m;
    QCOMPARE(parse(b, true, m), Http1ParseStatus::Malformed);
    QVERIFY(m.headers.size() <= kHttp1MaxHeaders);
    QVERIFY(m.notes.join(' ').contains(QLatin1String("header lines")));
}

void TestHttp1::hostileChunkSize()
{
    Http1Message m;
    QCOMPARE(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n", false, m, nullptr, "GET"),
             Http1ParseStatus::Malformed);
    QVERIFY(m.notes.join(' ').contains(QLatin1String("overflows")));
    // 16 digits fit: a huge chunk is simply incomplete.
    QCOMPARE(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\nabc", false, m, nullptr, "GET"),
             Http1ParseStatus::NeedMore);
    QCOMPARE(m.bodyBytes, std::uint64_t(3));
    QCOMPARE(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", false, m, nullptr, "GET"),
             Http1ParseStatus::Malformed);
}

void TestHttp1::hostileEndlessChunks()
{
    // A chunked body that never ends: through the stream path it stays incomplete, memory stays capped.
    Feeder f;
    f.streams.~TcpStreamReassembler();
    new (&f.streams) TcpStreamReassembler(1 << 20); // 1 MiB cap for the test
    f.add(true, 100, 0x02);
    f.add(false, 500, 0x12);
    f.add(true, 101, 0x18, kRequest);
    QByteArray head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    f.add(false, 501, 0x18, head);
    std::uint32_t seq = 501 + std::uint32_t(head.size());
    const QByteArray chunk = QByteArray("400\r\n") + QByteArray(0x400, 'x') + "\r\n";
    Http1ConnectionDissector d;
    for (int i = 0; i < 2000; ++i) {
        f.add(false, seq, 0x18, chunk);
        seq += std::uint32_t(chunk.size());
        if (i % 100 == 0)
            d.update(f.streams);
    }
    d.update(f.streams);
    const TcpStream *s = f.streams.stream(0, false);
    QVERIFY(s);
    QVERIFY(s->truncated);
    QVERIFY(s->data.size() <= (1 << 20));
    QCOMPARE(d.messages().size(), std::size_t(2));
    const Http1Message &m = d.messages()[1];
    QVERIFY(!m.complete);
    QVERIFY(m.malformed);
    QVERIFY(m.chunkCount > 500);
}

void TestHttp1::badContentLength_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("negative") << QByteArray("Content-Length: -5\r\n");
    QTest::newRow("plus") << QByteArray("Content-Length: +5\r\n");
    QTest::newRow("letters") << QByteArray("Content-Length: 5x\r\n");
    QTest::newRow("huge") << QByteArray("Content-Length: 99999999999999999999999\r\n");
    QTest::newRow("duplicate differs") << QByteArray("Content-Length: 5\r\nContent-Length: 6\r\n");
    QTest::newRow("list differs") << QByteArray("Content-Length: 5, 6\r\n");
}

void TestHttp1::badContentLength()
{
    QFETCH(QByteArray, value);
    Http1Message m;
    QCOMPARE(parse("HTTP/1.1 200 OK\r\n" + value + "\r\nhello", false, m, nullptr, "GET"), Http1ParseStatus::Malformed);
    QVERIFY(m.malformed);
    // The same value twice is fine.
    QCOMPARE(parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello", false, m, nullptr, "GET"),
             Http1ParseStatus::Complete);
}

void TestHttp1::looksLike()
{
    bool req = false;
    QVERIFY(looksLikeHttp1(bytesOf("GET / HTTP/1.1\r\n"), &req));
    QVERIFY(req);
    QVERIFY(looksLikeHttp1(bytesOf("HTTP/1.1 200"), &req));
    QVERIFY(!req);
    QVERIFY(!looksLikeHttp1(bytesOf("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")));
    QVERIFY(!looksLikeHttp1(bytesOf("\x16\x03\x01")));
}

void TestHttp1::reassemblyRetransmitAndReorder()
{
    Feeder f;
    f.add(true, 1000, 0x02);
    f.add(false, 5000, 0x12);
    f.add(true, 1001, 0x18, "GET /");          // frame 3
    f.add(true, 1012, 0x18, "1.1\r\n");         // frame 4: out of order (bytes 11..15)
    f.add(true, 1001, 0x18, "GET /");          // frame 5: a retransmission
    f.add(true, 1006, 0x18, " HTTP/1");        // frame 6: fills the hole and overlaps frame 4 by one byte
    const TcpStream *s = f.streams.stream(0, true);
    QVERIFY(s);
    QCOMPARE(s->data, QByteArray("GET / HTTP/1.1\r\n"));
    QVERIFY(s->gaps.empty());
    QCOMPARE(s->duplicateBytes, std::uint64_t(5 + 1));
    QCOMPARE(s->chunkAt(0)->frame, 3u);
    QCOMPARE(s->chunkAt(7)->frame, 6u);
    QCOMPARE(s->chunkAt(12)->frame, 4u);
    QCOMPARE(s->chunkAt(12)->frameOffset, 54u + 1u); // frame 4's first byte came with frame 6
    QCOMPARE(s->frameRange(0, 16), std::make_pair(3u, 4u));
}

void TestHttp1::reassemblyGap()
{
    Feeder f;
    f.add(true, 1000, 0x02);
    f.add(false, 5000, 0x12);
    f.add(true, 1001, 0x18, kRequest);
    const std::uint32_t next = 1001 + std::uint32_t(kRequest.size());
    // The next request's first segment is never captured.
    f.add(true, next + 10, 0x18, "GET /x HTTP/1.1\r\n\r\n");
    f.add(true, next + 10 + 19, 0x11); // FIN
    f.streams.finish();
    const TcpStream *s = f.streams.stream(0, true);
    QCOMPARE(s->gaps.size(), std::size_t(1));
    QCOMPARE(s->gaps[0].offset, std::uint64_t(kRequest.size()));
    QCOMPARE(s->gaps[0].missingBytes, std::uint64_t(10));
    QVERIFY(s->finSeen);
    Http1ConnectionDissector d;
    d.update(f.streams);
    QCOMPARE(d.messages().size(), std::size_t(1)); // nothing guessed after the gap
}

void TestHttp1::reassemblyCap()
{
    Feeder f;
    f.streams.~TcpStreamReassembler();
    new (&f.streams) TcpStreamReassembler(100);
    f.add(true, 1000, 0x02);
    for (int i = 0; i < 10; ++i)
        f.add(true, 1001 + std::uint32_t(i * 30), 0x18, QByteArray(30, 'a'));
    const TcpStream *s = f.streams.stream(0, true);
    QCOMPARE(s->data.size(), 100);
    QVERIFY(s->truncated);
}

void TestHttp1::messageFloodStops()
{
    // 100,800 tiny pipelined requests: the dissector keeps kHttp1MaxMessagesPerDirection and says why.
    Feeder f;
    f.add(true, 1000, 0x02);
    f.add(false, 5000, 0x12);
    QByteArray block;
    for (int i = 0; i < 3600; ++i)
        block += "GET / HTTP/1.1\r\n\r\n";
    std::uint32_t seq = 1001;
    for (int i = 0; i < 28; ++i) {
        f.add(true, seq, 0x18, block);
        seq += std::uint32_t(block.size());
    }
    Http1ConnectionDissector d;
    d.update(f.streams);
    QCOMPARE(d.messages().size(), kHttp1MaxMessagesPerDirection);
    QVERIFY(d.messages().back().notes.join(' ').contains(QLatin1String("not dissected")));
    f.add(true, seq, 0x18, block);
    d.update(f.streams);
    QCOMPARE(d.messages().size(), kHttp1MaxMessagesPerDirection);
}

void TestHttp1::connectionDissectorAndTree()
{
    Feeder f;
    f.add(true, 1000, 0x02);
    f.add(false, 5000, 0x12);
    f.add(true, 1001, 0x18, kRequest + "HEAD /h HTTP/1.1\r\nHost: b.lab\r\n\r\n"); // frame 3
    f.add(false, 5001, 0x18, kChunked.left(60));                                    // frame 4
    f.add(false, 5001 + 60, 0x18, kChunked.mid(60) + "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n"); // frame 5
    Http1ConnectionDissector d;
    d.update(f.streams);
    const auto &msgs = d.messages();
    QCOMPARE(msgs.size(), std::size_t(4));
    QVERIFY(msgs[0].isRequest && msgs[1].isRequest);
    QCOMPARE(msgs[2].pairedIndex, 0);
    QCOMPARE(msgs[0].pairedIndex, 2);
    QCOMPARE(msgs[3].pairedIndex, 1);
    QVERIFY(msgs[3].complete); // a HEAD answer: Content-Length but no body
    QCOMPARE(msgs[2].firstFrame, 4u);
    QCOMPARE(msgs[2].lastFrame, 5u);
    QCOMPARE(msgs[2].chunkCount, 2);
    // Frame 5 carries the end of the chunked response and all of the HEAD answer; frame 3 both requests.
    QCOMPARE(d.messagesInFrame(f.streams, 0, 5), (std::vector<int>{2, 3}));
    QCOMPARE(d.messagesInFrame(f.streams, 0, 3), (std::vector<int>{0, 1}));
    QCOMPARE(d.messagesInFrame(f.streams, 0, 4), (std::vector<int>{2}));
    QCOMPARE(d.messagesInFrame(f.streams, 1, 4), (std::vector<int>{}));

    const TcpStream *client = f.streams.stream(0, true);
    ProtoTree t;
    t.layers.push_back(http1Tree(msgs[0], client, 3));
    QCOMPARE(t.find("http.request.method")->value, QStringLiteral("GET"));
    QCOMPARE(t.find("http.request.method")->offset, 54);
    QCOMPARE(t.find("http.request.method")->length, 3);
    QCOMPARE(t.find("http.request.uri")->value, QStringLiteral("/about"));
    QCOMPARE(t.find("http.request.version")->value, QStringLiteral("HTTP/1.1"));
    QCOMPARE(t.find("http.host")->value, QStringLiteral("a.lab"));
    QCOMPARE(t.find("http.host")->offset, 54 + 21);
    QCOMPARE(t.find("http.user_agent")->value, QStringLiteral("test"));
    QCOMPARE(t.findAll("http.request.line").size(), std::size_t(2));

    const TcpStream *server = f.streams.stream(0, false);
    ProtoTree r;
    r.layers.push_back(http1Tree(msgs[2], server, 5));
    QCOMPARE(r.find("http.response.code")->value, QStringLiteral("200"));
    QCOMPARE(r.find("http.response.code")->length, 0); // the status line is in frame 4, not 5
    QCOMPARE(r.find("http.transfer_encoding")->value, QStringLiteral("chunked"));
    const auto sizes = r.findAll("http.chunk_size");
    QCOMPARE(sizes.size(), std::size_t(3));
    QCOMPARE(sizes[1]->value, QStringLiteral("6"));
    QVERIFY(sizes[1]->length > 0); // "6;ext=1\r\n" lies in frame 5
    QVERIFY(!r.find("_ws.malformed"));

    // Hostile bytes on a new conversation: malformed, marked in the tree.
    Http1Message bad;
    parse("GET / HTTP/1.1\r\nBad Header\r\n\r\n", true, bad);
    ProtoTree b;
    b.layers.push_back(http1Tree(bad, nullptr, 1));
    QVERIFY(b.find("_ws.malformed"));
    QVERIFY(b.find("_ws.malformed")->malformed);
}

QTEST_GUILESS_MAIN(TestHttp1)
#include "tst_http1.moc"
