// SPDX-License-Identifier: GPL-3.0-or-later
// The shell's custom views on hand-built packets: the ladder's arrows and labels, the hex view's
// geometry and clicks, and the timeline's "replot only when dirty and visible"; the ladder's TLS labels,
// encrypted shading and RTT ruler on a real OpenSSL handshake (client and server in this process over
// memory BIOs, their bytes wrapped into TCP frames timed as over a link with 50 ms one-way delay).

#include "framebuilder.h"
#include "hexview.h"
#include "httpflows.h"
#include "ladderview.h"
#include "timelineplot.h"
#include "tlsflows.h"

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace wirelab;
using namespace wirelab::testing;

class tst_Views final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theLadderDrawsOneArrowPerPacket();
    void aHiddenLadderWaitsUntilItIsShown();
    void theLadderCanShowOnlyTheSelectedConversation();
    void clickingAnArrowReportsItsPacket();
    void anHttp2ConnectionShowsOneLanePerStream();
    void theLadderLabelsAndShadesTlsRecords_data();
    void theLadderLabelsAndShadesTlsRecords();
    void theRttRulerTicksEveryMeasuredRoundTrip();
    void theTtfbBarsCompareTlsModes();
    void theHexViewMapsClicksToBytes();
    void theHexViewClampsTheHighlight();
    void theTimelineReplotsOnlyWhenDirtyAndVisible();
};

static constexpr std::int64_t kT0 = 1'700'000'000'000'000'000;

void tst_Views::theLadderDrawsOneArrowPerPacket()
{
    CaptureSession session;
    LadderView ladder(&session);
    ladder.resize(600, 500);
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    session.appendPackets(handshakeAndData(kT0), LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 8);
    QCOMPARE(ladder.endpointTitles(),
             QStringList({QStringLiteral("127.0.0.1:41000"), QStringLiteral("127.0.0.2:8800")}));
    QCOMPARE(ladder.arrowLabel(0), QStringLiteral("SYN seq=0 len=0"));
    QCOMPARE(ladder.arrowLabel(1), QStringLiteral("SYN,ACK seq=0 ack=1 len=0"));
    QCOMPARE(ladder.arrowLabel(2), QStringLiteral("ACK seq=1 ack=1 len=0"));
    QCOMPARE(ladder.arrowLabel(3), QStringLiteral("PSH,ACK seq=1 ack=1 len=3"));
    QCOMPARE(ladder.arrowLabel(5), QStringLiteral("FIN,ACK seq=4 ack=1 len=0"));
    QCOMPARE(ladder.packetOfArrow(7), 7);
    // Packets arriving later become arrows at once.
    std::vector<CapturedPacket> more{packet(kT0 + 20'000'000, udpFrame(3, 5353, 2, 8801, "datagram"))};
    session.appendPackets(more, LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 9);
    QCOMPARE(ladder.arrowLabel(8), QStringLiteral("UDP len=8"));
    QCOMPARE(ladder.endpointTitles().size(), 4);
    session.reset();
    QCOMPARE(ladder.arrowCount(), 0);
    QVERIFY(ladder.endpointTitles().isEmpty());
}

void tst_Views::aHiddenLadderWaitsUntilItIsShown()
{
    CaptureSession session;
    LadderView ladder(&session);
    ladder.resize(600, 500);
    session.appendPackets(handshakeAndData(kT0), LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 0); // hidden views do no work
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    QCOMPARE(ladder.arrowCount(), 8);
}

void tst_Views::theLadderCanShowOnlyTheSelectedConversation()
{
    CaptureSession session;
    LadderView ladder(&session);
    ladder.resize(600, 500);
    ladder.show();
    std::vector<CapturedPacket> all = handshakeAndData(kT0);
    all.insert(all.begin() + 2, packet(kT0 + 1'500'000, udpFrame(3, 5353, 2, 8801, "a")));
    all.push_back(packet(kT0 + 30'000'000, udpFrame(2, 8801, 3, 5353, "b")));
    session.appendPackets(all, LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 10);

    ladder.setCurrentPacket(2); // the first datagram
    ladder.setOnlySelectedConversation(true);
    QCOMPARE(ladder.arrowCount(), 2);
    QCOMPARE(ladder.packetOfArrow(0), 2);
    QCOMPARE(ladder.packetOfArrow(1), 9);
    QCOMPARE(ladder.endpointTitles(),
             QStringList({QStringLiteral("127.0.0.3:5353"), QStringLiteral("127.0.0.2:8801")}));

    ladder.setCurrentPacket(4); // a TCP packet: its conversation instead
    QCOMPARE(ladder.arrowCount(), 8);
    // New packets of the shown conversation join it; others do not.
    std::vector<CapturedPacket> later{
        packet(kT0 + 40'000'000, tcpFrame(2, 8800, 1, 41000, 5002, 1006, TcpAck)),
        packet(kT0 + 41'000'000, udpFrame(3, 5353, 2, 8801, "c"))};
    session.appendPackets(later, LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 9);
    ladder.setOnlySelectedConversation(false);
    QCOMPARE(ladder.arrowCount(), 12);
}

void tst_Views::clickingAnArrowReportsItsPacket()
{
    CaptureSession session;
    LadderView ladder(&session);
    ladder.resize(600, 500);
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    session.appendPackets(handshakeAndData(kT0), LinkType::Ethernet);
    QSignalSpy clicked(&ladder, &LadderView::packetClicked);
    const QRect row = ladder.arrowRowRect(2);
    QVERIFY(!row.isEmpty());
    QTest::mouseClick(ladder.viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 2);
    QCOMPARE(ladder.currentPacket(), 2);
    // A click on the column titles selects nothing.
    QTest::mouseClick(ladder.viewport(), Qt::LeftButton, {}, QPoint(200, 5));
    QCOMPARE(clicked.count(), 1);
}

// An HTTP/2 frame: 9-byte header, then the payload.
static std::string h2Frame(std::uint8_t type, std::uint8_t flags, std::uint32_t stream, const std::string &payload)
{
    std::string f;
    f += char(payload.size() >> 16);
    f += char(payload.size() >> 8);
    f += char(payload.size());
    f += char(type);
    f += char(flags);
    f += char(stream >> 24);
    f += char(stream >> 16);
    f += char(stream >> 8);
    f += char(stream);
    return f + payload;
}

void tst_Views::anHttp2ConnectionShowsOneLanePerStream()
{
    CaptureSession session;
    HttpFlowIndex http;
    LadderView ladder(&session);
    ladder.setHttpIndex(&http);
    ladder.resize(900, 600);
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));

    // h2c with prior knowledge: GET / on streams 1 and 3 (HPACK: :method GET, :scheme http, :path /,
    // :authority lab.test, indexed from the dynamic table the second time); the server answers both, and its
    // segment with stream 1's first DATA is lost, so the two segments behind it (stream 3's DATA, stream 1's
    // last DATA) wait until the retransmission fills the gap.
    const std::string preface("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    const std::string request1 = "\x82\x86\x84\x41\x08lab.test", request2 = "\x82\x86\x84\xbe";
    const std::string c1 = preface + h2Frame(4, 0, 0, {}) + h2Frame(1, 0x05, 1, request1) + h2Frame(1, 0x05, 3, request2);
    const std::string s1 = h2Frame(4, 0, 0, {}) + h2Frame(4, 0x01, 0, {}) + h2Frame(1, 0x04, 1, "\x88")
                           + h2Frame(1, 0x04, 3, "\x88");
    const std::string lost = h2Frame(0, 0, 1, "first half of one ");
    const std::string s3 = h2Frame(0, 0x01, 3, "all of three");
    const std::string s4 = h2Frame(0, 0x01, 1, "second half");
    const std::string c2 = h2Frame(8, 0, 0, std::string("\x00\x00\x10\x00", 4));
    constexpr std::uint32_t c = 1000, s = 5000;
    std::vector<CapturedPacket> all;
    std::int64_t t = kT0;
    auto add = [&](std::vector<std::uint8_t> bytes, const QString &comment = {}) {
        all.push_back(packet(t, std::move(bytes)));
        all.back().comment = comment;
        t += 10'000'000;
    };
    const std::uint32_t sLost = s + 1 + std::uint32_t(s1.size());
    const std::uint32_t sAfter = sLost + std::uint32_t(lost.size());
    const std::uint32_t cAfter = c + 1 + std::uint32_t(c1.size());
    add(tcpFrame(1, 41000, 2, 8800, c, 0, TcpSyn));                                                        // 0
    add(tcpFrame(2, 8800, 1, 41000, s, c + 1, TcpSyn | TcpAck));                                           // 1
    add(tcpFrame(1, 41000, 2, 8800, c + 1, s + 1, TcpAck));                                                // 2
    add(tcpFrame(1, 41000, 2, 8800, c + 1, s + 1, TcpPsh | TcpAck, c1));                                   // 3
    add(tcpFrame(2, 8800, 1, 41000, s + 1, cAfter, TcpPsh | TcpAck, s1));                                  // 4
    add(tcpFrame(2, 8800, 1, 41000, sLost, cAfter, TcpPsh | TcpAck, lost),
        QStringLiteral("Lost on the lab network (loss 2.0 %)"));                                            // 5
    add(tcpFrame(2, 8800, 1, 41000, sAfter, cAfter, TcpPsh | TcpAck, s3));                                 // 6
    add(tcpFrame(2, 8800, 1, 41000, sAfter + std::uint32_t(s3.size()), cAfter, TcpPsh | TcpAck, s4));     // 7
    add(tcpFrame(2, 8800, 1, 41000, sLost, cAfter, TcpPsh | TcpAck, lost));                                // 8
    add(tcpFrame(1, 41000, 2, 8800, cAfter, sAfter + std::uint32_t(s3.size() + s4.size()), TcpAck, c2));  // 9
    // Another connection on the side: not part of the lanes.
    all.push_back(packet(t, udpFrame(3, 5353, 2, 8801, "a")));                                              // 10
    session.appendPackets(all, LinkType::Ethernet);

    // Every packet: the usual ladder, no lanes.
    QCOMPARE(ladder.arrowCount(), 11);
    QVERIFY(!ladder.showsStreamLanes());
    ladder.setCurrentPacket(4);
    ladder.setOnlySelectedConversation(true);
    QCOMPARE(ladder.arrowCount(), 10);
    // Once the HTTP index has read the connection (the ladder polls it), the lanes show: 0, 1 and 3.
    QTRY_VERIFY_WITH_TIMEOUT(ladder.showsStreamLanes(), 5000);
    QCOMPARE(ladder.laneStreams(), std::vector<std::uint32_t>({0, 1, 3}));
    auto marks = [&](int arrow) {
        QStringList out;
        for (const LadderView::LaneMark &m : ladder.arrowLaneMarks(arrow))
            out << QStringLiteral("%1@%2").arg(m.frame).arg(m.stream);
        return out;
    };
    QCOMPARE(marks(3), QStringList({QStringLiteral("Magic@0"), QStringLiteral("SETTINGS@0"),
                                    QStringLiteral("HEADERS@1"), QStringLiteral("HEADERS@3")}));
    QCOMPARE(marks(4), QStringList({QStringLiteral("SETTINGS@0"), QStringLiteral("HEADERS@1"),
                                    QStringLiteral("HEADERS@3")}));
    QCOMPARE(marks(5), QStringList()); // lost: its frame starts in the retransmission
    QCOMPARE(marks(6), QStringList({QStringLiteral("DATA@3")}));
    QCOMPARE(marks(7), QStringList({QStringLiteral("DATA@1")}));
    QCOMPARE(marks(8), QStringList({QStringLiteral("DATA@1")}));
    QCOMPARE(marks(9), QStringList({QStringLiteral("WINDOW_UPDATE@0")}));
    // Both streams' segments behind the lost one wait for the retransmission; nothing else does.
    for (int a = 0; a < ladder.arrowCount(); ++a)
        QVERIFY2(ladder.arrowWaitsBehindGap(a) == (a == 6 || a == 7), qPrintable(QString::number(a)));

    // Live: a third request joins the shown connection; its stream gets a lane once the index has read it,
    // and nothing waits any more (the retransmission filled the gap).
    const std::string request3 = "\x82\x86\x84\xbe";
    const std::string c3 = h2Frame(1, 0x05, 5, request3);
    const std::string s5 = h2Frame(1, 0x04, 5, "\x88") + h2Frame(0, 0x01, 5, "five");
    const std::uint32_t cNext = cAfter + std::uint32_t(c2.size());
    const std::uint32_t sNext = sAfter + std::uint32_t(s3.size() + s4.size());
    std::vector<CapturedPacket> more;
    more.push_back(packet(t + 10'000'000, tcpFrame(1, 41000, 2, 8800, cNext, sNext, TcpPsh | TcpAck, c3)));
    more.push_back(packet(t + 20'000'000, tcpFrame(2, 8800, 1, 41000, sNext, cNext + std::uint32_t(c3.size()),
                                                   TcpPsh | TcpAck, s5)));
    session.appendPackets(more, LinkType::Ethernet);
    QCOMPARE(ladder.arrowCount(), 12);
    QTRY_COMPARE_WITH_TIMEOUT(ladder.laneStreams(), std::vector<std::uint32_t>({0, 1, 3, 5}), 5000);
    QCOMPARE(marks(10), QStringList({QStringLiteral("HEADERS@5")}));
    QCOMPARE(marks(11), QStringList({QStringLiteral("HEADERS@5"), QStringLiteral("DATA@5")}));
    QVERIFY(!ladder.arrowWaitsBehindGap(10) && !ladder.arrowWaitsBehindGap(11));
    QVERIFY(ladder.arrowWaitsBehindGap(6) && ladder.arrowWaitsBehindGap(7));

    // Selection stays linked: a click on a lane row selects its packet, and back.
    QSignalSpy clicked(&ladder, &LadderView::packetClicked);
    const QRect row = ladder.arrowRowRect(6);
    QVERIFY(!row.isEmpty());
    QTest::mouseClick(ladder.viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 6);
    ladder.setCurrentPacket(9);
    QCOMPARE(ladder.currentPacket(), 9);
    QVERIFY(ladder.showsStreamLanes());
    // The datagram's conversation is not HTTP/2: back to the two columns.
    ladder.setCurrentPacket(10);
    QVERIFY(!ladder.showsStreamLanes());
    QCOMPARE(ladder.arrowCount(), 1);
    ladder.setCurrentPacket(12); // the third request: its connection's lanes again, rebuilt from the start
    QVERIFY(ladder.showsStreamLanes());
    QCOMPARE(ladder.laneStreams(), std::vector<std::uint32_t>({0, 1, 3, 5}));
    QVERIFY(ladder.arrowWaitsBehindGap(6) && !ladder.arrowWaitsBehindGap(8));
    ladder.setOnlySelectedConversation(false);
    QVERIFY(!ladder.showsStreamLanes());
}

namespace {

// ---- A real TLS connection, timed as a student's over a link with 50 ms each way ------------------------

constexpr std::int64_t kOneWayNs = 50'000'000;
constexpr std::int64_t kStepNs = 200'000; // an endpoint's own time to answer

QByteArray *gTlsKeyLog = nullptr;
void tlsKeylog(const SSL *, const char *line)
{
    if (gTlsKeyLog)
        *gTlsKeyLog += QByteArray(line) + '\n';
}

struct TlsCapture
{
    std::vector<CapturedPacket> packets;
    QByteArray keyLog;
    std::int64_t synNs = 0, ackNs = 0, clientHelloNs = 0;
    std::int64_t firstClientDataNs = 0; // the client's first application data (the request)
};

// Client and server over memory BIOs; the capture is taken at the client: what it sends is stamped when
// sent, what the server sends when it arrives (50 ms after the server sent it, the server answering 50 ms
// after the client's bytes left). Segments at most 536 bytes (the classic default MSS), so a certificate
// spans frames.
TlsCapture tlsConnection(int maxVersion, std::uint16_t port = 41000, std::int64_t start = kT0)
{
    TlsCapture cap;
    gTlsKeyLog = &cap.keyLog;
    EVP_PKEY *key = EVP_RSA_gen(2048); // a flight of more than one segment
    X509 *cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 86400);
    X509_set_pubkey(cert, key);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(cert), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("lab.example"), -1, -1, 0);
    X509_set_issuer_name(cert, X509_get_subject_name(cert));
    X509_sign(cert, key, EVP_sha256());
    SSL_CTX *cctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX *sctx = SSL_CTX_new(TLS_server_method());
    for (SSL_CTX *c : {cctx, sctx})
        SSL_CTX_set_max_proto_version(c, maxVersion);
    SSL_CTX_set_keylog_callback(cctx, tlsKeylog);
    SSL_CTX_use_certificate(sctx, cert);
    SSL_CTX_use_PrivateKey(sctx, key);
    SSL *c = SSL_new(cctx), *s = SSL_new(sctx);
    BIO *cin = BIO_new(BIO_s_mem()), *cout = BIO_new(BIO_s_mem()), *sin = BIO_new(BIO_s_mem()),
        *sout = BIO_new(BIO_s_mem());
    for (BIO *b : {cin, sin})
        BIO_set_mem_eof_return(b, -1);
    SSL_set_bio(c, cin, cout);
    SSL_set_bio(s, sin, sout);
    SSL_set_connect_state(c);
    SSL_set_accept_state(s);
    SSL_set_tlsext_host_name(c, "lab.example");

    std::int64_t clientClock = start, serverClock = 0; // the server's clock as seen at the client (+50 ms)
    std::uint32_t seq[2] = {1000, 90000};
    auto add = [&](int dir, std::uint8_t flags, const std::string &payload, std::int64_t t) {
        if (dir == 0)
            cap.packets.push_back(packet(t, tcpFrame(1, port, 2, 443, seq[0], seq[1], flags, payload)));
        else
            cap.packets.push_back(packet(t, tcpFrame(2, 443, 1, port, seq[1], seq[0], flags, payload)));
        seq[dir] += std::uint32_t(payload.size());
    };
    // The TCP handshake: SYN, SYN-ACK one round trip later, ACK.
    cap.synNs = clientClock;
    cap.packets.push_back(packet(clientClock, tcpFrame(1, port, 2, 443, seq[0], 0, TcpSyn)));
    clientClock += 2 * kOneWayNs;
    cap.packets.push_back(packet(clientClock, tcpFrame(2, 443, 1, port, seq[1], seq[0] + 1, TcpSyn | TcpAck)));
    ++seq[0];
    ++seq[1];
    clientClock += kStepNs;
    cap.ackNs = clientClock;
    add(0, TcpAck, {}, clientClock);
    // Moves what one side wrote to the other as segments; returns whether there was any.
    auto pump = [&](int dir) {
        BIO *from = dir == 0 ? cout : sout;
        BIO *to = dir == 0 ? sin : cin;
        char buf[65536];
        QByteArray all;
        int n;
        while ((n = BIO_read(from, buf, sizeof buf)) > 0)
            all.append(buf, n);
        if (all.isEmpty())
            return false;
        BIO_write(to, all.constData(), int(all.size()));
        std::int64_t &clock = dir == 0 ? clientClock : serverClock;
        clock += kStepNs;
        for (qsizetype off = 0; off < all.size(); off += 536)
            add(dir, TcpPsh | TcpAck, all.mid(off, 536).toStdString(), clock);
        // The other side can answer once these bytes reached it.
        if (dir == 0)
            serverClock = std::max(serverClock, clock + 2 * kOneWayNs);
        else
            clientClock = std::max(clientClock, clock);
        return true;
    };
    bool requestSent = false;
    const QByteArray request = "GET / HTTP/1.1\r\nHost: lab.example\r\n\r\n";
    for (int i = 0; i < 10; ++i) {
        const int rc = SSL_do_handshake(c);
        if (i == 0)
            cap.clientHelloNs = clientClock + kStepNs;
        if (rc == 1 && !requestSent) { // the client sends as soon as its handshake is done
            SSL_write(c, request.constData(), int(request.size()));
            requestSent = true;
        }
        const std::size_t before = cap.packets.size();
        pump(0);
        if (requestSent && cap.firstClientDataNs == 0 && cap.packets.size() > before)
            cap.firstClientDataNs = cap.packets.back().timeNs;
        const int rs = SSL_do_handshake(s);
        if (rs == 1) {
            char buf[4096];
            if (SSL_read(s, buf, sizeof buf) > 0) {
                const QByteArray response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
                SSL_write(s, response.constData(), int(response.size()));
            }
        }
        pump(1);
        if (requestSent && rs == 1 && SSL_pending(s) == 0 && BIO_ctrl_pending(sout) == 0 && i > 3)
            break;
    }
    SSL_free(c);
    SSL_free(s);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
    X509_free(cert);
    EVP_PKEY_free(key);
    gTlsKeyLog = nullptr;
    return cap;
}

void addKeyLogEvents(CaptureSession &session, const QByteArray &keyLog)
{
    for (const QByteArray &line : keyLog.split('\n')) {
        if (line.isEmpty())
            continue;
        LabEvent e;
        e.host = QStringLiteral("client");
        e.kind = QStringLiteral("tls.keylog");
        e.data = {{QStringLiteral("line"), QString::fromLatin1(line)}};
        session.events().append(e);
    }
}

int arrowWithLabel(const LadderView &ladder, const QString &prefix)
{
    for (int a = 0; a < ladder.arrowCount(); ++a)
        if (ladder.arrowLabel(a).startsWith(prefix))
            return a;
    return -1;
}

} // namespace

void tst_Views::theLadderLabelsAndShadesTlsRecords_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("keys");
    QTest::newRow("TLS 1.2 with the endpoints' keys") << int(TLS1_2_VERSION) << true;
    QTest::newRow("TLS 1.3 with the endpoints' keys") << int(TLS1_3_VERSION) << true;
    QTest::newRow("TLS 1.3 without keys") << int(TLS1_3_VERSION) << false;
}

void tst_Views::theLadderLabelsAndShadesTlsRecords()
{
    QFETCH(int, version);
    QFETCH(bool, keys);
    const TlsCapture cap = tlsConnection(version);
    QVERIFY(!cap.keyLog.isEmpty());
    CaptureSession session;
    TlsFlowIndex tls;
    LadderView ladder(&session);
    ladder.setTlsIndex(&tls);
    ladder.resize(900, 700);
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    if (keys)
        addKeyLogEvents(session, cap.keyLog);
    session.appendPackets(cap.packets, LinkType::Ethernet);
    tls.update(session, true);
    QVERIFY(tls.analysis().connections().size() == 1);

    // The ClientHello: its own label, one plaintext record, no shading.
    const int hello = arrowWithLabel(ladder, QStringLiteral("ClientHello"));
    QVERIFY2(hello == 3, qPrintable(ladder.arrowLabel(3)));
    QVERIFY2(ladder.arrowLabel(hello).contains(QStringLiteral("  ·  PSH,ACK seq=1")), qPrintable(ladder.arrowLabel(hello)));
    QCOMPARE(ladder.arrowTlsRecords(hello), 1);
    QVERIFY(!ladder.arrowIsEncrypted(hello));
    // The server's first flight starts with ServerHello; in TLS 1.3 it goes on encrypted.
    const int serverHello = arrowWithLabel(ladder, QStringLiteral("ServerHello"));
    QVERIFY2(serverHello == hello + 1, qPrintable(ladder.arrowLabel(hello + 1)));
    QVERIFY(ladder.arrowTlsRecords(serverHello) >= 1);
    QCOMPARE(ladder.arrowIsEncrypted(serverHello), version == TLS1_3_VERSION);
    // Records inside segments: the server's flight is cut at 536 bytes, so a record with bytes in two
    // segments is a box on both arrows: the boxes outnumber the connection's records.
    int boxes = 0;
    for (int a = 0; a < ladder.arrowCount(); ++a)
        boxes += ladder.arrowTlsRecords(a);
    const int connectionRecords = int(tls.analysis().connections().front().records.size());
    QVERIFY2(boxes > connectionRecords, qPrintable(QStringLiteral("%1 vs %2").arg(boxes).arg(connectionRecords)));
    // Application data: encrypted everywhere; decrypted (and labelled so) exactly when the keys are there.
    int appData = 0;
    for (int a = 0; a < ladder.arrowCount(); ++a) {
        const QString label = ladder.arrowLabel(a);
        if (!label.contains(QLatin1String("App Data")) && !label.startsWith(QLatin1String("Application Data")))
            continue;
        ++appData;
        QVERIFY2(ladder.arrowIsEncrypted(a), qPrintable(label));
        QCOMPARE(ladder.arrowIsDecrypted(a), keys);
        QCOMPARE(label.contains(QLatin1String("[decrypted]")), keys);
    }
    if (keys || version == TLS1_2_VERSION)
        QVERIFY2(appData >= 2, qPrintable(QString::number(appData))); // the request and the response
    // Painting every row (records, bands, locks, the key and the ruler) with the hello selected.
    ladder.setCurrentPacket(ladder.packetOfArrow(hello));
    QVERIFY(!ladder.grab().isNull());
}

void tst_Views::theRttRulerTicksEveryMeasuredRoundTrip()
{
    for (const int version : {TLS1_2_VERSION, TLS1_3_VERSION}) {
        const TlsCapture cap = tlsConnection(version);
        CaptureSession session;
        TlsFlowIndex tls;
        LadderView ladder(&session);
        ladder.setTlsIndex(&tls);
        ladder.resize(900, 700);
        ladder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ladder));
        addKeyLogEvents(session, cap.keyLog);
        session.appendPackets(cap.packets, LinkType::Ethernet);
        tls.update(session, true);
        // No selection, no ruler.
        QVERIFY(!ladder.rttRulerState().valid);
        const int hello = arrowWithLabel(ladder, QStringLiteral("ClientHello"));
        QVERIFY(hello >= 0);
        ladder.setCurrentPacket(ladder.packetOfArrow(hello));
        const LadderView::RttRuler ruler = ladder.rttRulerState();
        QVERIFY(ruler.valid);
        // 1 RTT is what the capture measured (SYN -> ACK), and 0 RTT is the ClientHello.
        QCOMPARE(ruler.rttNs, cap.ackNs - cap.synNs);
        QVERIFY(ruler.fromClientHello);
        QCOMPARE(ruler.startNs, cap.clientHelloNs);
        QVERIFY(!ruler.ticks.empty());
        for (std::size_t k = 0; k < ruler.ticks.size(); ++k) {
            const LadderView::RttRuler::Tick &tick = ruler.ticks[k];
            QCOMPARE(tick.rtt, int(k) + 1);
            QCOMPARE(tick.timeNs, ruler.startNs + std::int64_t(k + 1) * ruler.rttNs);
            // The line sits above the first row at (or within a 32nd of an RTT before) that time.
            if (tick.arrow >= 0) {
                QVERIFY(std::isgreaterequal(ladder.arrowRtt(tick.arrow), double(k + 1) - 1.0 / 32 - 1e-9));
                if (tick.arrow > 0)
                    QVERIFY(ladder.arrowRtt(tick.arrow - 1) < double(k + 1) - 1.0 / 32);
            }
        }
        // The server's first flight is at 1 RTT.
        QCOMPARE(ruler.ticks.front().arrow, hello + 1);
        // What the lab teaches: the client's first application byte 2 RTT after its ClientHello in TLS 1.2,
        // 1 RTT in TLS 1.3 (to within the endpoints' own processing time).
        const double expected = version == TLS1_2_VERSION ? 2.0 : 1.0;
        QVERIFY2(std::abs(ruler.clientDataRtt - expected) < 0.05,
                 qPrintable(QStringLiteral("%1 vs %2").arg(ruler.clientDataRtt).arg(expected)));
        QVERIFY2(std::abs(ruler.clientDataRtt -
                          double(cap.firstClientDataNs - cap.clientHelloNs) / double(ruler.rttNs)) < 1e-9,
                 qPrintable(QString::number(ruler.clientDataRtt)));
        // A plain TCP connection counts from its SYN; off, there is no ruler.
        ladder.setRttRuler(false);
        QVERIFY(!ladder.rttRulerState().valid);
        QVERIFY(std::isnan(ladder.arrowRtt(hello)));
    }
    // A connection without TLS: the ruler starts at the SYN.
    CaptureSession session;
    LadderView ladder(&session);
    ladder.resize(600, 500);
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    session.appendPackets(handshakeAndData(kT0), LinkType::Ethernet);
    ladder.setCurrentPacket(3);
    const LadderView::RttRuler ruler = ladder.rttRulerState();
    QVERIFY(ruler.valid);
    QVERIFY(!ruler.fromClientHello);
    QCOMPARE(ruler.startNs, session.store().at(0).timeNs);
    QCOMPARE(ruler.rttNs, session.tcp().conversations().front().initialRttNs);
}

// Both handshakes in one capture (as the lab's first two steps make them): per connection its mode and the
// first application data in its own RTT after its ClientHello, which the header draws as bars.
void tst_Views::theTtfbBarsCompareTlsModes()
{
    const TlsCapture tls12 = tlsConnection(TLS1_2_VERSION, 41000, kT0);
    const TlsCapture tls13 = tlsConnection(TLS1_3_VERSION, 41001, tls12.packets.back().timeNs + 1'000'000'000);
    CaptureSession session;
    TlsFlowIndex tls;
    LadderView ladder(&session);
    ladder.setTlsIndex(&tls);
    ladder.resize(900, 700);
    ladder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ladder));
    QVERIFY(ladder.ttfbRows().empty());
    addKeyLogEvents(session, tls12.keyLog + tls13.keyLog);
    std::vector<CapturedPacket> packets = tls12.packets;
    packets.insert(packets.end(), tls13.packets.begin(), tls13.packets.end());
    session.appendPackets(packets, LinkType::Ethernet);
    tls.update(session, true);
    const std::vector<LadderView::TtfbRow> rows = ladder.ttfbRows();
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].mode, QStringLiteral("TLS 1.2 full"));
    QCOMPARE(rows[1].mode, QStringLiteral("TLS 1.3 full"));
    // Client: 2 RTT against 1 RTT; the server's reply one round trip after the client's request.
    QVERIFY2(std::abs(rows[0].clientRtt - 2.0) < 0.05, qPrintable(QString::number(rows[0].clientRtt)));
    QVERIFY2(std::abs(rows[1].clientRtt - 1.0) < 0.05, qPrintable(QString::number(rows[1].clientRtt)));
    QVERIFY2(std::abs(rows[0].serverRtt - 3.0) < 0.05, qPrintable(QString::number(rows[0].serverRtt)));
    QVERIFY2(std::abs(rows[1].serverRtt - 2.0) < 0.05, qPrintable(QString::number(rows[1].serverRtt)));
    // The ruler follows the selection from one connection to the other.
    ladder.setCurrentPacket(int(tls12.packets.size()) + 3); // the TLS 1.3 ClientHello
    QVERIFY(ladder.rttRulerState().valid);
    QCOMPARE(ladder.rttRulerState().startNs, tls13.clientHelloNs);
    QVERIFY(std::abs(ladder.rttRulerState().clientDataRtt - 1.0) < 0.05);
    // A bare ACK of the connection (its TCP handshake's) has the same ruler: from its ClientHello.
    ladder.setCurrentPacket(int(tls12.packets.size()) + 2);
    QVERIFY(ladder.rttRulerState().fromClientHello);
    QCOMPARE(ladder.rttRulerState().startNs, tls13.clientHelloNs);
    QVERIFY(!ladder.grab().isNull());
}

void tst_Views::theHexViewMapsClicksToBytes()
{
    HexView hex;
    hex.resize(700, 300);
    hex.show();
    QVERIFY(QTest::qWaitForWindowExposed(&hex));
    QByteArray bytes(70, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i);
    hex.setBytes(bytes);
    QSignalSpy clicked(&hex, &HexView::byteClicked);
    for (int i : {0, 7, 8, 15, 16, 34, 69}) {
        QCOMPARE(hex.byteAt(hex.hexRect(i).center()), i);
        QTest::mouseClick(hex.viewport(), Qt::LeftButton, {}, hex.hexRect(i).center());
        QCOMPARE(clicked.last().at(0).toInt(), i);
    }
    // Past the last byte on the last line: nothing.
    QCOMPARE(hex.byteAt(hex.hexRect(69).center() + QPoint(hex.hexRect(69).width() * 3, 0)), -1);
}

void tst_Views::theHexViewClampsTheHighlight()
{
    HexView hex;
    hex.setBytes(QByteArray(20, 'x'));
    hex.setHighlight(14, 20);
    QCOMPARE(hex.highlightOffset(), 14);
    QCOMPARE(hex.highlightLength(), 6);
    hex.setHighlight(-5, 3);
    QCOMPARE(hex.highlightOffset(), 0);
    QCOMPARE(hex.highlightLength(), 3);
    hex.setBytes(QByteArray(4, 'y'));
    QCOMPARE(hex.highlightLength(), 0); // a new packet clears the highlight
}

void tst_Views::theTimelineReplotsOnlyWhenDirtyAndVisible()
{
    CaptureSession session;
    TimelinePlot plot(&session);
    plot.resize(600, 250);
    // One packet per millisecond for 2 s: 1000 packets/s.
    std::vector<CapturedPacket> batch;
    for (int i = 0; i < 2000; ++i)
        batch.push_back(packet(kT0 + std::int64_t(i) * 1'000'000, udpFrame(1, 4000, 2, 8801, "x")));
    session.appendPackets(batch, LinkType::Ethernet);

    plot.refresh();
    QCOMPARE(plot.replotCount(), 0); // hidden: no work
    QCOMPARE(plot.packetsCounted(), 0u);

    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refresh();
    const int replots = plot.replotCount();
    QVERIFY(replots >= 1);
    QCOMPARE(plot.packetsCounted(), 2000u);
    // Bins widened to keep the plot small, and the rate is right in every full bin.
    const std::vector<double> rates = plot.packetsPerSecond();
    QVERIFY(rates.size() <= 160);
    QVERIFY(rates.size() >= 2);
    for (std::size_t i = 0; i + 1 < rates.size(); ++i)
        QVERIFY2(std::abs(rates[i] - 1000.0) < 1e-6, qPrintable(QString::number(rates[i])));

    plot.refresh();
    QCOMPARE(plot.replotCount(), replots); // nothing new: no replot
    std::vector<CapturedPacket> more{packet(kT0 + 2'500'000'000, udpFrame(1, 4000, 2, 8801, "y"))};
    session.appendPackets(more, LinkType::Ethernet);
    plot.refresh();
    QCOMPARE(plot.replotCount(), replots + 1);
    QCOMPARE(plot.packetsCounted(), 2001u);
}

QTEST_MAIN(tst_Views)
#include "tst_views.moc"
