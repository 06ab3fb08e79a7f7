// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP/2 dissector: frames from hand-built bytes, HPACK blocks from nghttp2's own deflater decoded back,
// every split point, and hostile input.
#include "dissect/http2.h"

#include <nghttp2/nghttp2.h>

#include <QTest>

#include <memory>

using namespace wirelab;

namespace {

using Bytes = std::vector<std::uint8_t>;

void put24(Bytes &b, std::uint32_t v)
{
    b.push_back(std::uint8_t(v >> 16));
    b.push_back(std::uint8_t(v >> 8));
    b.push_back(std::uint8_t(v));
}
void put32(Bytes &b, std::uint32_t v)
{
    b.push_back(std::uint8_t(v >> 24));
    put24(b, v & 0xffffff);
}

Bytes frame(std::uint8_t type, std::uint8_t flags, std::uint32_t stream, const Bytes &payload)
{
    Bytes b;
    put24(b, std::uint32_t(payload.size()));
    b.push_back(type);
    b.push_back(flags);
    put32(b, stream);
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Bytes preface()
{
    return Bytes(kHttp2Preface, kHttp2Preface + kHttp2PrefaceLength);
}

Bytes cat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const Bytes &p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

// nghttp2's HPACK encoder, one per direction as a real peer keeps it.
class Deflater
{
public:
    Deflater()
    {
        nghttp2_hd_deflater *d = nullptr;
        nghttp2_hd_deflate_new(&d, 4096);
        m_d.reset(d);
    }
    Bytes encode(const std::vector<std::pair<QByteArray, QByteArray>> &headers)
    {
        std::vector<nghttp2_nv> nv;
        for (const auto &[n, v] : headers)
            nv.push_back({reinterpret_cast<std::uint8_t *>(const_cast<char *>(n.constData())),
                          reinterpret_cast<std::uint8_t *>(const_cast<char *>(v.constData())), std::size_t(n.size()),
                          std::size_t(v.size()), NGHTTP2_NV_FLAG_NONE});
        Bytes out(nghttp2_hd_deflate_bound(m_d.get(), nv.data(), nv.size()));
        const ssize_t n = nghttp2_hd_deflate_hd(m_d.get(), out.data(), out.size(), nv.data(), nv.size());
        out.resize(n < 0 ? 0 : std::size_t(n));
        return out;
    }
    std::size_t tableSize() const { return nghttp2_hd_deflate_get_dynamic_table_size(m_d.get()); }

private:
    struct Del
    {
        void operator()(nghttp2_hd_deflater *d) const { nghttp2_hd_deflate_del(d); }
    };
    std::unique_ptr<nghttp2_hd_deflater, Del> m_d;
};

using HeaderList = std::vector<std::pair<QByteArray, QByteArray>>;

HeaderList request(const QByteArray &path)
{
    return {{":method", "GET"}, {":scheme", "http"}, {":authority", "lab.example"}, {":path", path},
            {"user-agent", "wirelab-test/1.0"}, {"accept", "*/*"}};
}

const ProtoField *findIn(const ProtoField &f, const QByteArray &abbrev)
{
    if (f.abbrev == abbrev)
        return &f;
    for (const ProtoField &c : f.children)
        if (const ProtoField *r = findIn(c, abbrev))
            return r;
    return nullptr;
}

void checkRanges(const ProtoField &f, int frameLen)
{
    QVERIFY2(f.offset >= 0 && f.length >= 0 && f.offset + f.length <= frameLen, f.abbrev.constData());
    for (const ProtoField &c : f.children)
        checkRanges(c, frameLen);
}

// A whole exchange: preface + SETTINGS, request on stream 1 and 3, responses, all frame types.
struct Exchange
{
    Bytes c2s, s2c;
    HeaderList req1 = request("/about"), req3 = request("/img/1.png");
    HeaderList resp1 = {{":status", "200"}, {"content-type", "text/html"}, {"content-length", "5"}};
    HeaderList resp3 = {{":status", "404"}, {"content-type", "text/plain"}};
    std::size_t c1 = 0, c3 = 0;
};

Exchange buildExchange()
{
    Exchange e;
    Deflater client, server;
    const Bytes h1 = client.encode(e.req1), h3 = client.encode(e.req3);
    e.c1 = h1.size();
    e.c3 = h3.size();
    Bytes settings;
    settings.insert(settings.end(), {0x00, 0x03});
    put32(settings, 100);
    settings.insert(settings.end(), {0x00, 0x04});
    put32(settings, 65535);
    // HEADERS stream 3 with priority and padding, split into HEADERS + CONTINUATION
    Bytes h3a(h3.begin(), h3.begin() + std::ptrdiff_t(h3.size() / 2)), h3b(h3.begin() + std::ptrdiff_t(h3.size() / 2), h3.end());
    Bytes pri3 = {2}; // pad length 2
    put32(pri3, 0x80000001u); // exclusive, depends on 1
    pri3.push_back(15);       // weight 16
    pri3.insert(pri3.end(), h3a.begin(), h3a.end());
    pri3.insert(pri3.end(), {0, 0});
    Bytes priority;
    put32(priority, 1);
    priority.push_back(0);
    e.c2s = cat({preface(), frame(4, 0, 0, settings), frame(1, kHttp2FlagEndHeaders | kHttp2FlagEndStream, 1, h1),
                 frame(1, kHttp2FlagPriority | kHttp2FlagPadded | kHttp2FlagEndStream, 3, pri3),
                 frame(9, kHttp2FlagEndHeaders, 3, h3b), frame(2, 0, 5, priority), frame(4, kHttp2FlagAck, 0, {}),
                 frame(6, 0, 0, {1, 2, 3, 4, 5, 6, 7, 8})});
    Bytes win;
    put32(win, 1 << 20);
    Bytes rst;
    put32(rst, 8); // CANCEL
    Bytes data = {3, 'h', 'e', 'l', 'l', 'o', 0, 0, 0};
    Bytes goaway;
    put32(goaway, 3);
    put32(goaway, 0);
    goaway.insert(goaway.end(), {'b', 'y', 'e'});
    const Bytes r1 = server.encode(e.resp1), r3 = server.encode(e.resp3);
    Bytes ssettings = {0x00, 0x05};
    put32(ssettings, 32768);
    e.s2c = cat({frame(4, 0, 0, ssettings), frame(4, kHttp2FlagAck, 0, {}), frame(8, 0, 0, win),
                 frame(1, kHttp2FlagEndHeaders, 1, r1), frame(0, kHttp2FlagPadded | kHttp2FlagEndStream, 1, data),
                 frame(1, kHttp2FlagEndHeaders | kHttp2FlagEndStream, 3, r3), frame(3, 0, 5, rst),
                 frame(6, kHttp2FlagAck, 0, {1, 2, 3, 4, 5, 6, 7, 8}), frame(7, 0, 0, goaway)});
    return e;
}

std::vector<Http2Header> toHeaders(const HeaderList &l)
{
    std::vector<Http2Header> out;
    for (const auto &[n, v] : l)
        out.push_back({n, v});
    return out;
}

} // namespace

class TestHttp2 final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hpackRoundTrip_data()
    {
        QTest::addColumn<int>("requests");
        QTest::addColumn<bool>("bigValues");
        QTest::newRow("one request") << 1 << false;
        QTest::newRow("100 requests, table reused") << 100 << false;
        QTest::newRow("values larger than the table") << 5 << true;
    }
    void hpackRoundTrip()
    {
        QFETCH(int, requests);
        QFETCH(bool, bigValues);
        Deflater def;
        Http2Dissector d;
        d.feed(Http2Direction::ClientToServer, preface(), 0);
        std::vector<HeaderList> sent;
        std::vector<std::size_t> sizes, tables;
        for (int i = 0; i < requests; ++i) {
            HeaderList h = request("/img/" + QByteArray::number(i) + ".png");
            if (bigValues)
                h.push_back({"x-big", QByteArray(5000 + i, 'a' + char(i))});
            const Bytes block = def.encode(h);
            sizes.push_back(block.size());
            tables.push_back(def.tableSize());
            d.feed(Http2Direction::ClientToServer, frame(1, kHttp2FlagEndHeaders | kHttp2FlagEndStream, 1 + 2 * i, block), i);
            sent.push_back(h);
        }
        QCOMPARE(int(d.frames().size()), requests + 1);
        for (int i = 0; i < requests; ++i) {
            const Http2Frame &f = d.frames()[std::size_t(i) + 1];
            QVERIFY(f.headerBlock.has_value());
            QVERIFY2(f.headerBlock->decoded, qPrintable(f.headerBlock->error));
            QCOMPARE(f.headerBlock->headers, toHeaders(sent[std::size_t(i)]));
            QCOMPARE(f.headerBlock->compressedBytes, sizes[std::size_t(i)]);
            QCOMPARE(f.headerBlock->dynamicTableSize, tables[std::size_t(i)]);
            std::size_t decoded = 0;
            for (const auto &[n, v] : sent[std::size_t(i)])
                decoded += std::size_t(n.size() + v.size());
            QCOMPARE(f.headerBlock->decodedBytes, decoded);
            const Http2Stream *s = d.stream(std::uint32_t(1 + 2 * i));
            QVERIFY(s);
            QCOMPARE(s->method, QByteArray("GET"));
            QCOMPARE(s->path, sent[std::size_t(i)][3].second);
            QCOMPARE(s->state, Http2StreamState::HalfClosedLocal);
        }
        if (requests == 100) // the header bytes collapse: later blocks are a fraction of the first
            QVERIFY2(sizes.back() * 2 < sizes.front(),
                     qPrintable(QStringLiteral("%1 -> %2 bytes").arg(sizes.front()).arg(sizes.back())));
    }

    void everyFrameType()
    {
        const Exchange e = buildExchange();
        Http2Dissector d;
        d.feed(Http2Direction::ClientToServer, e.c2s, 1000);
        d.feed(Http2Direction::ServerToClient, e.s2c, 2000);
        QVERIFY(d.prefaceSeen());
        QVERIFY(!d.failed(Http2Direction::ClientToServer));
        QVERIFY(!d.failed(Http2Direction::ServerToClient));
        const auto &fr = d.frames();
        QCOMPARE(int(fr.size()), 1 + 7 + 9);
        for (const Http2Frame &f : fr) {
            QVERIFY2(!f.malformed, qPrintable(f.error));
            checkRanges(f.tree, int(f.isPreface ? kHttp2PrefaceLength : 9 + f.length));
        }
        QVERIFY(fr[0].isPreface);
        QVERIFY(findIn(fr[0].tree, "http2.magic"));
        // SETTINGS
        QCOMPARE(fr[1].type, std::uint8_t(4));
        QCOMPARE(int(fr[1].settings.size()), 2);
        QCOMPARE(fr[1].settings[0].id, std::uint16_t(3));
        QCOMPARE(fr[1].settings[0].value, 100u);
        QCOMPARE(findIn(fr[1].tree, "http2.settings.max_concurrent_streams")->value, QStringLiteral("100"));
        QCOMPARE(findIn(fr[1].tree, "http2.settings.initial_window_size")->value, QStringLiteral("65535"));
        QCOMPARE(findIn(fr[1].tree, "http2.type")->value, QStringLiteral("4"));
        // HEADERS 1
        QCOMPARE(fr[2].headerBlock->headers, toHeaders(e.req1));
        QCOMPARE(fr[2].headerBlock->compressedBytes, e.c1);
        QCOMPARE(findIn(fr[2].tree, "http2.flags.end_stream")->value, QStringLiteral("1"));
        QCOMPARE(findIn(fr[2].tree, "http2.flags.eh")->value, QStringLiteral("1"));
        QCOMPARE(findIn(fr[2].tree, "http2.flags")->value, QStringLiteral("0x05"));
        QCOMPARE(findIn(fr[2].tree, "http2.headers.method")->value, QStringLiteral("GET"));
        QCOMPARE(findIn(fr[2].tree, "http2.streamid")->value, QStringLiteral("1"));
        // HEADERS 3 with priority + padding, no block yet
        QVERIFY(fr[3].hasPriority);
        QVERIFY(fr[3].exclusive);
        QCOMPARE(fr[3].streamDependency, 1u);
        QCOMPARE(fr[3].weight, std::uint16_t(16));
        QCOMPARE(fr[3].padLength, std::uint8_t(2));
        QVERIFY(!fr[3].headerBlock);
        // CONTINUATION completes it
        QCOMPARE(fr[4].type, std::uint8_t(9));
        QVERIFY(fr[4].headerBlock);
        QCOMPARE(fr[4].headerBlock->headers, toHeaders(e.req3));
        QCOMPARE(fr[4].headerBlock->compressedBytes, e.c3);
        // PRIORITY, SETTINGS ACK, PING
        QCOMPARE(fr[5].type, std::uint8_t(2));
        QCOMPARE(fr[5].streamDependency, 1u);
        QCOMPARE(findIn(fr[6].tree, "http2.flags.ack.settings")->value, QStringLiteral("1"));
        QCOMPARE(fr[7].pingData[7], std::uint8_t(8));
        QVERIFY(findIn(fr[7].tree, "http2.ping"));
        // Server side
        QCOMPARE(fr[8].settings[0].value, 32768u);
        QCOMPARE(d.maxFrameSize(Http2Direction::ClientToServer), 32768u);
        QCOMPARE(fr[10].windowSizeIncrement, 1u << 20);
        QCOMPARE(findIn(fr[10].tree, "http2.window_update.window_size_increment")->value, QStringLiteral("1048576"));
        QCOMPARE(fr[11].headerBlock->value(":status"), QByteArray("200"));
        QCOMPARE(fr[12].dataBytes, 5u);
        QCOMPARE(fr[12].padLength, std::uint8_t(3));
        QVERIFY(findIn(fr[12].tree, "http2.data.padding"));
        QCOMPARE(fr[14].errorCode, 8u);
        QCOMPARE(findIn(fr[14].tree, "http2.rst_stream.error")->value, QStringLiteral("8"));
        QVERIFY(findIn(fr[15].tree, "http2.pong"));
        QCOMPARE(fr[16].lastStreamId, 3u);
        QCOMPARE(fr[16].debugData, QByteArray("bye"));
        QCOMPARE(findIn(fr[16].tree, "http2.goaway.last_stream_id")->value, QStringLiteral("3"));
        // Streams: requests and responses paired on the same odd id
        const Http2Stream *s1 = d.stream(1), *s3 = d.stream(3), *s5 = d.stream(5);
        QVERIFY(s1 && s3 && s5);
        QCOMPARE(s1->status, 200);
        QCOMPARE(s1->path, QByteArray("/about"));
        QCOMPARE(s1->responseBodyBytes, 5u);
        QCOMPARE(s1->state, Http2StreamState::Closed);
        QCOMPARE(s1->requestTimeNs, 1000);
        QCOMPARE(s1->responseLastByteNs, 2000);
        QCOMPARE(s3->status, 404);
        QCOMPARE(s3->path, QByteArray("/img/1.png"));
        QCOMPARE(s3->state, Http2StreamState::Closed);
        QVERIFY(s5->reset);
        QCOMPARE(s5->resetError, 8u);
    }

    void pushPromise()
    {
        Deflater client, server;
        Bytes pp;
        put32(pp, 2);
        const HeaderList promised = request("/style.css");
        const Bytes block = server.encode(promised);
        pp.insert(pp.end(), block.begin(), block.end());
        Http2Dissector d;
        d.feed(Http2Direction::ClientToServer, cat({preface(), frame(1, 5, 1, client.encode(request("/")))}), 0);
        d.feed(Http2Direction::ServerToClient, frame(5, kHttp2FlagEndHeaders, 1, pp), 1);
        d.feed(Http2Direction::ServerToClient, frame(1, kHttp2FlagEndHeaders, 2, server.encode({{":status", "200"}})), 2);
        const Http2Stream *s2 = d.stream(2);
        QVERIFY(s2);
        QVERIFY(s2->pushed);
        QCOMPARE(s2->promisedOn, 1u);
        QCOMPARE(s2->path, QByteArray("/style.css"));
        QCOMPARE(s2->status, 200);
        QCOMPARE(findIn(d.frames()[2].tree, "http2.push_promise.promised_stream_id")->value, QStringLiteral("2"));
    }

    // The same bytes split at every boundary give the same frames.
    void everySplit()
    {
        const Exchange e = buildExchange();
        Http2Dissector whole;
        whole.feed(Http2Direction::ClientToServer, e.c2s, 0);
        whole.feed(Http2Direction::ServerToClient, e.s2c, 0);
        for (int dirIndex = 0; dirIndex < 2; ++dirIndex) {
            const Bytes &b = dirIndex == 0 ? e.c2s : e.s2c;
            for (std::size_t cut = 0; cut <= b.size(); ++cut) {
                Http2Dissector d;
                const auto dir = dirIndex == 0 ? Http2Direction::ClientToServer : Http2Direction::ServerToClient;
                if (dirIndex == 1)
                    d.feed(Http2Direction::ClientToServer, e.c2s, 0);
                d.feed(dir, std::span(b).first(cut), 0);
                d.feed(dir, std::span(b).subspan(cut), 0);
                if (dirIndex == 0)
                    d.feed(Http2Direction::ServerToClient, e.s2c, 0);
                QCOMPARE(d.frames().size(), whole.frames().size());
                // Frames come out in feed order, so compare by direction and offset.
                for (std::size_t i = 0; i < d.frames().size(); ++i) {
                    const Http2Frame &a = d.frames()[i], &w = whole.frames()[i];
                    QCOMPARE(a.streamOffset, w.streamOffset);
                    QCOMPARE(a.type, w.type);
                    QCOMPARE(a.headerBlock.has_value(), w.headerBlock.has_value());
                    if (a.headerBlock)
                        QCOMPARE(a.headerBlock->headers, w.headerBlock->headers);
                }
                QCOMPARE(d.bufferedBytes(dir), std::size_t(0));
                QCOMPARE(d.stream(1)->status, 200);
            }
        }
    }

    void byteByByte()
    {
        const Exchange e = buildExchange();
        Http2Dissector d;
        for (std::uint8_t byte : e.c2s)
            d.feed(Http2Direction::ClientToServer, std::span(&byte, 1), 0);
        for (std::uint8_t byte : e.s2c)
            d.feed(Http2Direction::ServerToClient, std::span(&byte, 1), 0);
        QCOMPARE(int(d.frames().size()), 17);
        QCOMPARE(d.stream(3)->status, 404);
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("c2s");
        QTest::addColumn<bool>("directionFails");
        QTest::addColumn<QString>("expect");
        auto qb = [](const Bytes &b) { return QByteArray(reinterpret_cast<const char *>(b.data()), int(b.size())); };
        Bytes big;
        put24(big, 16385);
        big.insert(big.end(), {0, 0, 0, 0, 0, 1});
        QTest::newRow("frame over max frame size") << qb(cat({preface(), big})) << true << "exceeds the maximum frame size";
        Bytes huge = {0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 1};
        QTest::newRow("frame length 2^24-1") << qb(cat({preface(), huge})) << true << "exceeds the maximum frame size";
        QTest::newRow("no preface") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true << "preface";
        QTest::newRow("bad HPACK index") << qb(cat({preface(), frame(1, 4, 1, {0xff, 0x7f})})) << false << "HPACK error";
        QTest::newRow("CONTINUATION without HEADERS") << qb(cat({preface(), frame(9, 4, 1, {0x82})})) << false
                                                      << "CONTINUATION without";
        QTest::newRow("HEADERS interrupted by DATA") << qb(cat({preface(), frame(1, 0, 1, {0x82}), frame(0, 0, 1, {1})}))
                                                     << false << "not ended";
        QTest::newRow("pad length over payload") << qb(cat({preface(), frame(0, kHttp2FlagPadded, 1, {9, 1})})) << false
                                                 << "Pad Length";
        QTest::newRow("SETTINGS not multiple of 6") << qb(cat({preface(), frame(4, 0, 0, {0, 1, 0})})) << false << "multiple of 6";
        QTest::newRow("SETTINGS on a stream") << qb(cat({preface(), frame(4, 0, 1, {})})) << false << "must be stream 0";
        QTest::newRow("DATA on stream 0") << qb(cat({preface(), frame(0, 0, 0, {1})})) << false << "on stream 0";
        QTest::newRow("short PING") << qb(cat({preface(), frame(6, 0, 0, {1, 2})})) << false << "must be 8";
        QTest::newRow("short GOAWAY") << qb(cat({preface(), frame(7, 0, 0, {1, 2})})) << false << "at least 8";
        QTest::newRow("WINDOW_UPDATE of 0") << qb(cat({preface(), frame(8, 0, 0, {0, 0, 0, 0})})) << false << "increment of 0";
        QTest::newRow("RST_STREAM of 3 bytes") << qb(cat({preface(), frame(3, 0, 1, {0, 0, 0})})) << false << "must be 4";
        QTest::newRow("PRIORITY flag, short") << qb(cat({preface(), frame(1, kHttp2FlagPriority | 4, 1, {0, 0})})) << false
                                              << "PRIORITY flag";
    }
    void hostile()
    {
        QFETCH(QByteArray, c2s);
        QFETCH(bool, directionFails);
        QFETCH(QString, expect);
        Http2Dissector d;
        d.feed(Http2Direction::ClientToServer,
               std::span(reinterpret_cast<const std::uint8_t *>(c2s.constData()), std::size_t(c2s.size())), 0);
        QCOMPARE(d.failed(Http2Direction::ClientToServer), directionFails);
        QString seen = d.error(Http2Direction::ClientToServer);
        bool anyMalformed = false;
        for (const Http2Frame &f : d.frames()) {
            seen += QLatin1Char('|') + f.error;
            anyMalformed |= f.malformed;
            if (f.malformed)
                QVERIFY(findIn(f.tree, "_ws.malformed") || f.headerBlock);
        }
        QVERIFY2(seen.contains(expect), qPrintable(seen));
        QVERIFY(directionFails || anyMalformed);
        QVERIFY(d.bufferedBytes(Http2Direction::ClientToServer) < 9 || !directionFails);
    }

    // After an HPACK error, that direction's later blocks say so; the other direction still decodes.
    void hpackErrorPoisonsDirection()
    {
        Deflater client, server;
        Http2Dissector d;
        d.feed(Http2Direction::ClientToServer, cat({preface(), frame(1, 5, 1, {0xff, 0x7f})}), 0);
        d.feed(Http2Direction::ClientToServer, frame(1, 5, 3, client.encode(request("/about"))), 0);
        d.feed(Http2Direction::ServerToClient, frame(1, 5, 3, server.encode({{":status", "200"}})), 0);
        QVERIFY(d.hpackFailed(Http2Direction::ClientToServer));
        QVERIFY(!d.hpackFailed(Http2Direction::ServerToClient));
        const Http2Frame &later = d.frames()[2];
        QVERIFY(later.headerBlock);
        QVERIFY(!later.headerBlock->decoded);
        QVERIFY(later.headerBlock->error.contains(QLatin1String("earlier HPACK error")));
        QVERIFY(later.malformed);
        QVERIFY(d.frames()[3].headerBlock->decoded);
        QCOMPARE(d.stream(3)->status, 200);
    }

    // A HEADERS frame whose block cannot be located (PRIORITY flag, 2 bytes) poisons that direction too.
    void lostBlockPoisonsDirection()
    {
        Deflater client;
        Http2Dissector d;
        d.feed(Http2Direction::ClientToServer, cat({preface(), frame(1, kHttp2FlagPriority | 5, 1, {0, 0})}), 0);
        QVERIFY(d.hpackFailed(Http2Direction::ClientToServer));
        d.feed(Http2Direction::ClientToServer, frame(1, 5, 3, client.encode(request("/about"))), 0);
        QVERIFY(d.frames().back().headerBlock);
        QVERIFY(!d.frames().back().headerBlock->decoded);
    }

    // A header list flood: decoded bytes per block are capped, the decoder stays in step.
    void headerListFlood()
    {
        Deflater client;
        HeaderList h = request("/");
        for (int i = 0; i < 200; ++i)
            h.push_back({"x-flood-" + QByteArray::number(i), QByteArray(1000, 'z')});
        Http2Dissector d(16 * 1024);
        d.feed(Http2Direction::ClientToServer, preface(), 0);
        d.feed(Http2Direction::ServerToClient, frame(4, 0, 0, {0, 5, 0, 0xff, 0xff, 0xff}), 0); // allow big frames
        const Bytes block = client.encode(h);
        d.feed(Http2Direction::ClientToServer, frame(1, 5, 1, block), 0);
        d.feed(Http2Direction::ClientToServer, frame(1, 5, 3, client.encode(request("/after"))), 0);
        const Http2Frame &f = d.frames()[2];
        QVERIFY(f.headerBlock);
        QVERIFY(f.headerBlock->truncated);
        QVERIFY(f.headerBlock->decodedBytes <= 16 * 1024);
        QVERIFY(findIn(f.tree, "http2.header_size_exceeded"));
        QCOMPARE(d.stream(3)->path, QByteArray("/after"));
    }
};

QTEST_GUILESS_MAIN(TestHttp2)
#include "tst_http2.moc"
