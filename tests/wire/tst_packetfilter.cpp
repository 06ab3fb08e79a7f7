// SPDX-License-Identifier: GPL-3.0-or-later
// The wire's breakpoint filters: the display-filter subset students know from Wireshark, libpcap's
// capture filters as the fallback, and one-sentence refusals that name where the problem is.

#include "labnet/packetfilter.h"
#include "testpackets.h"

#include <QTest>

#include <map>

using namespace wirelab;
using namespace wirelab::testpackets;

namespace {

const std::map<QString, Bytes> &packets()
{
    static const std::map<QString, Bytes> p{
        {QStringLiteral("v4 SYN"), tcp4(kClient4, kServer4, 49152, 8800, Syn)},
        {QStringLiteral("v4 SYN-ACK"), tcp4(kServer4, kClient4, 8800, 49152, Syn | Ack, 0, 5000, 1001)},
        {QStringLiteral("v4 data"), tcp4(kClient4, kServer4, 49152, 8800, Psh | Ack, 100, 1001, 5001)},
        {QStringLiteral("v4 FIN"), tcp4(kClient4, kServer4, 49152, 8800, Fin | Ack, 0, 1101, 5001)},
        {QStringLiteral("v4 RST"), tcp4(kServer4, kClient4, 8800, 49152, Rst)},
        {QStringLiteral("v4 UDP"), udp4(kClient4, kServer4, 5000, 8801, 32)},
        {QStringLiteral("v4 ICMP"), icmpEcho4(kClient4, kOther4)},
        {QStringLiteral("v6 SYN"), tcp6(kClient6, kServer6, 49153, 8800, Syn)},
        {QStringLiteral("v6 UDP"), udp6(kServer6, kClient6, 8801, 5001, 10)},
    };
    return p;
}

const QStringList kAll{QStringLiteral("v4 SYN"),  QStringLiteral("v4 SYN-ACK"), QStringLiteral("v4 data"),
                       QStringLiteral("v4 FIN"),  QStringLiteral("v4 RST"),     QStringLiteral("v4 UDP"),
                       QStringLiteral("v4 ICMP"), QStringLiteral("v6 SYN"),     QStringLiteral("v6 UDP")};

} // namespace

class TestPacketFilter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesExactlyThesePackets_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<PacketFilter::Kind>("kind");
        QTest::addColumn<QStringList>("matching");
        using K = PacketFilter::Kind;
        auto row = [](const char *name, const char *expr, K kind, QStringList m) {
            QTest::newRow(name) << QString::fromUtf8(expr) << kind << m;
        };
        row("a SYN without ACK", "tcp.flags.syn == 1 && tcp.flags.ack == 0", K::Display,
            {"v4 SYN", "v6 SYN"});
        row("any SYN, words", "tcp.flags.syn == 1 and not tcp.flags.ack == 0", K::Display, {"v4 SYN-ACK"});
        row("bare flag tests presence", "tcp.flags.syn", K::Display, kAll.mid(0, 5) + QStringList{"v6 SYN"});
        row("UDP port or an address", "udp.dstport == 8801 || ip.dst == 198.18.0.3", K::Display,
            {"v4 UDP", "v4 ICMP"});
        row("payload and not FIN", "tcp.len > 0 and not tcp.flags.fin == 1", K::Display, {"v4 data"});
        row("tcp.port either side", "tcp.port == 8800", K::Display,
            {"v4 SYN", "v4 SYN-ACK", "v4 data", "v4 FIN", "v4 RST", "v6 SYN"});
        row("tcp.port != is not ==", "tcp.port != 49152", K::Display, {"v6 SYN"});
        row("ip.addr subnet", "ip.addr == 198.18.0.0/30 && icmp", K::Display, {"v4 ICMP"});
        row("ip.src exact", "ip.src == 198.18.0.2", K::Display, {"v4 SYN-ACK", "v4 RST"});
        row("ipv6 address", "ipv6.dst == 2001:db8::2", K::Display, {"v6 SYN"});
        row("ipv6 presence", "ipv6", K::Display, {"v6 SYN", "v6 UDP"});
        row("protocol names", "udp or icmp", K::Display, {"v4 UDP", "v4 ICMP", "v6 UDP"});
        row("ip.proto number", "ip.proto == 17", K::Display, {"v4 UDP"});
        row("reset flag", "tcp.flags.reset == true", K::Display, {"v4 RST"});
        row("sequence number", "tcp.seq_raw == 5000", K::Display, {"v4 SYN-ACK"});
        row("hex number", "tcp.dstport == 0x2260", K::Display, {"v4 SYN", "v4 data", "v4 FIN", "v6 SYN"});
        row("frame length", "frame.len >= 140", K::Display, {"v4 data"});
        row("udp.length", "udp.length == 40", K::Display, {"v4 UDP"});
        row("parentheses and !", "!(tcp || udp)", K::Display, {"v4 ICMP"});
        row("comparison words", "tcp.srcport eq 8800 and tcp.flags.ack ne 0", K::Display, {"v4 SYN-ACK"});
        row("BPF port", "tcp port 8800", K::Bpf,
            {"v4 SYN", "v4 SYN-ACK", "v4 data", "v4 FIN", "v4 RST", "v6 SYN"});
        row("BPF SYN flag", "tcp[tcpflags] & tcp-syn != 0", K::Bpf, {"v4 SYN", "v4 SYN-ACK"});
        row("BPF host", "host 198.18.0.3", K::Bpf, {"v4 ICMP"});
        row("BPF ip6 and udp", "ip6 and udp", K::Bpf, {"v6 UDP"});
        row("BPF dst port", "udp and dst port 8801", K::Bpf, {"v4 UDP"});
    }
    void matchesExactlyThesePackets()
    {
        QFETCH(QString, expression);
        QFETCH(PacketFilter::Kind, kind);
        QFETCH(QStringList, matching);
        PacketFilter f;
        QString error;
        QVERIFY2(f.compile(expression, &error), qPrintable(error));
        QVERIFY(f.isValid());
        QCOMPARE(int(f.kind()), int(kind));
        QCOMPARE(f.expression(), expression);
        QStringList got;
        for (const QString &name : kAll)
            if (f.matches(packets().at(name)))
                got << name;
        QCOMPARE(got, matching);
    }

    void refusesWithThePosition_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("mustSay");
        QTest::newRow("misspelt field") << "tcp.flgs.syn == 1"
                                        << "position 1 (“tcp.flgs.syn”): unknown field";
        QTest::newRow("missing value") << "tcp.flags.syn =="
                                       << "at the end: expected a value after “==”";
        QTest::newRow("not an address") << "ip.src == 300.1.2.3"
                                        << "position 11 (“300.1.2.3”): expected an IP address";
        QTest::newRow("number expected") << "tcp.port == http"
                                         << "position 13 (“http”): expected a number";
        QTest::newRow("unclosed parenthesis") << "(tcp || udp"
                                              << "at the end: expected “)”";
        QTest::newRow("address ordering") << "ip.addr > 198.18.0.1"
                                          << "position 9 (“>”): addresses can only be compared";
        QTest::newRow("protocol compared") << "tcp == 1"
                                           << "a protocol name cannot be compared";
        QTest::newRow("IPv6 address on ip.dst") << "ip.dst == 2001:db8::1"
                                                << "expected an IPv4 address";
        QTest::newRow("dangling and") << "tcp and"
                                      << "at the end: expected a field name";
        QTest::newRow("stray character") << "tcp.port == 80 $"
                                         << "position 16 (“$”)";
        QTest::newRow("empty") << "  "
                               << "The filter is empty";
        QTest::newRow("too deep") << QString(200, u'(') + "tcp.port == 1" + QString(200, u')')
                                  << "the filter nests too deeply";
    }
    void refusesWithThePosition()
    {
        QFETCH(QString, expression);
        QFETCH(QString, mustSay);
        PacketFilter f;
        QString error;
        QVERIFY(!f.compile(expression, &error));
        QVERIFY(!f.isValid());
        QCOMPARE(int(f.kind()), int(PacketFilter::Kind::None));
        QVERIFY2(error.contains(mustSay), qPrintable(error));
        if (!expression.trimmed().isEmpty())
            QVERIFY2(error.contains(QLatin1String("libpcap says")), qPrintable(error));
        for (const QString &name : kAll)
            QVERIFY(!f.matches(packets().at(name)));
    }

    void hostileBytesNeverMatchOrCrash()
    {
        PacketFilter display, bpf;
        QString error;
        QVERIFY(display.compile(QStringLiteral("tcp.flags.syn == 1 || udp.port == 1 || ip.addr == 1.2.3.4"),
                                &error));
        QVERIFY(bpf.compile(QStringLiteral("tcp[tcpflags] & tcp-syn != 0"), &error));
        Bytes syn = tcp4(kClient4, kServer4, 1, 2, Syn);
        // Every truncation of a SYN: the display filter only sees the flags once the header is whole.
        for (std::size_t len = 0; len <= syn.size(); ++len) {
            const std::span<const std::uint8_t> cut(syn.data(), len);
            const bool whole = len >= 40;
            QCOMPARE(display.matches(cut), whole);
            QCOMPARE(bpf.matches(cut), len >= 34); // libpcap's bounds check: tcp[13] is byte 33
        }
        PacketFilter moved = std::move(display);
        QVERIFY(moved.matches(syn));
        QVERIFY(!display.matches(syn)); // a moved-from filter matches nothing
    }

    void compilingAgainReplacesTheFilter()
    {
        PacketFilter f;
        QString error;
        QVERIFY(f.compile(QStringLiteral("udp"), &error));
        QVERIFY(f.matches(packets().at(QStringLiteral("v4 UDP"))));
        QVERIFY(!f.compile(QStringLiteral("udp =="), &error));
        QVERIFY(!f.matches(packets().at(QStringLiteral("v4 UDP"))));
    }
};

QTEST_GUILESS_MAIN(TestPacketFilter)
#include "tst_packetfilter.moc"
