// SPDX-License-Identifier: GPL-3.0-or-later
// Dissection from hand-built bytes: every link type, ARP, IPv4/IPv6, ICMP/ICMPv6, TCP with every option, UDP,
// VLAN; field values and byte ranges; truncation at every length; bogus lengths.
#include "packets.h"

#include "dissect/dissect.h"
#include "dissect/tcptracker.h"

#include <QTest>

#include <memory>

using namespace wirelab;
using namespace pkt;

Q_DECLARE_METATYPE(LinkType)

namespace {

QByteArray qb(const Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), int(b.size()));
}

// Exactly-sized heap copy, so AddressSanitizer sees any read past the end.
struct Exact
{
    explicit Exact(const QByteArray &b) : size(std::size_t(b.size())), data(new std::uint8_t[size ? size : 1])
    {
        std::memcpy(data.get(), b.constData(), size);
    }
    std::span<const std::uint8_t> span() const { return {data.get(), size}; }
    std::size_t size;
    std::unique_ptr<std::uint8_t[]> data;
};

void checkRanges(const std::vector<ProtoField> &fields, int capLen, const QString &where)
{
    for (const ProtoField &f : fields) {
        QVERIFY2(f.offset >= 0 && f.length >= 0 && f.offset + f.length <= capLen,
                 qPrintable(QStringLiteral("%1: field %2 '%3' covers %4+%5 of %6 bytes")
                                .arg(where, QString::fromLatin1(f.abbrev), f.label)
                                .arg(f.offset)
                                .arg(f.length)
                                .arg(capLen)));
        checkRanges(f.children, capLen, where);
    }
}

const ProtoField *findMalformed(const std::vector<ProtoField> &fields)
{
    for (const ProtoField &f : fields) {
        if (f.abbrev == "_ws.malformed")
            return &f;
        if (const ProtoField *m = findMalformed(f.children))
            return m;
    }
    return nullptr;
}

const std::uint8_t kMacA[6] = {2, 0, 0, 0, 0, 1};
const std::uint8_t kMacB[6] = {2, 0, 0, 0, 0, 2};
const std::uint8_t kZero[6] = {};

Bytes synOptions()
{
    return cat({mss(1460), sackPerm(), {8, 10, 0, 0, 0, 1, 0, 0, 0, 0}, wscale(7)});
}

Bytes sll1(std::uint16_t proto, const Bytes &payload)
{
    Bytes b{0, 4, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0};
    put16(b, proto);
    append(b, payload);
    return b;
}

Bytes sll2(std::uint16_t proto, const Bytes &payload)
{
    Bytes b;
    put16(b, proto);
    b.insert(b.end(), {0, 0, 0, 0, 0, 7, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0});
    append(b, payload);
    return b;
}

Bytes ext(std::uint8_t next, int words = 0)
{
    Bytes b{next, std::uint8_t(words), 1, std::uint8_t(4 + 8 * words)};
    b.resize(std::size_t(8 + 8 * words), 0);
    return b;
}

} // namespace

class Dissect : public QObject
{
    Q_OBJECT

private slots:
    void fields_data();
    void fields();
    void truncation_data();
    void truncation();
    void summaryInfoWithAnalysis();
    void addresses();
    void findAliases();
};

void Dissect::fields_data()
{
    QTest::addColumn<LinkType>("link");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QString>("info");
    QTest::addColumn<bool>("malformed");
    QTest::addColumn<QStringList>("values"); // "field=value"
    QTest::addColumn<QStringList>("ranges"); // "field@offset+length"

    const Bytes syn = ethernet(ipv4(kA, kB, 6, tcp(41234, 8800, 1000, 0, SYN, 65495, synOptions())));
    QTest::newRow("Ethernet IPv4 TCP SYN with MSS, SACK permitted, timestamps and window scale")
        << LinkType::Ethernet << qb(syn) << int(Protocol::Tcp)
        << QStringLiteral(
               "41234 → 8800 [SYN] Seq=1000 Win=65495 Len=0 MSS=1460 SACK_PERM TSval=1 TSecr=0 WS=128")
        << false
        << QStringList{"eth.dst=02:00:00:00:00:02",
                       "eth.src=02:00:00:00:00:01",
                       "eth.type=0x0800",
                       "ip.version=4",
                       "ip.hdr_len=20",
                       "ip.dsfield=0x00",
                       "ip.len=60",
                       "ip.id=0x0001",
                       "ip.flags=0x02",
                       "ip.flags.df=1",
                       "ip.flags.mf=0",
                       "ip.frag_offset=0",
                       "ip.ttl=64",
                       "ip.proto=6",
                       "ip.src=10.0.0.1",
                       "ip.dst=10.0.0.2",
                       "tcp.srcport=41234",
                       "tcp.dstport=8800",
                       "tcp.seq=1000",
                       "tcp.seq_raw=1000",
                       "tcp.ack=0",
                       "tcp.hdr_len=40",
                       "tcp.flags=0x0002",
                       "tcp.flags.syn=1",
                       "tcp.flags.ack=0",
                       "tcp.flags.str=··········S·",
                       "tcp.window_size_value=65495",
                       "tcp.checksum=0x1234",
                       "tcp.urgent_pointer=0",
                       "tcp.options.mss_val=1460",
                       "tcp.options.sack_perm=0402",
                       "tcp.options.timestamp.tsval=1",
                       "tcp.options.timestamp.tsecr=0",
                       "tcp.options.wscale.shift=7",
                       "tcp.options.wscale.multiplier=128",
                       "tcp.len=0",
                       "tcp.nxtseq=1001"}
        << QStringList{"eth.dst@0+6",
                       "eth.src@6+6",
                       "eth.type@12+2",
                       "ip.version@14+1",
                       "ip.flags.df@20+1",
                       "ip.checksum@24+2",
                       "ip.src@26+4",
                       "ip.dst@30+4",
                       "tcp.srcport@34+2",
                       "tcp.dstport@36+2",
                       "tcp.seq@38+4",
                       "tcp.ack@42+4",
                       "tcp.hdr_len@46+1",
                       "tcp.flags@46+2",
                       "tcp.flags.syn@46+2",
                       "tcp.window_size_value@48+2",
                       "tcp.checksum@50+2",
                       "tcp.urgent_pointer@52+2",
                       "tcp.options@54+20",
                       "tcp.options.mss_val@56+2",
                       "tcp.options.sack_perm@58+2",
                       "tcp.options.timestamp.tsval@62+4",
                       "tcp.options.wscale.shift@73+1"};

    const Bytes sackFrame =
        ethernet(ipv4(kB, kA, 6,
                      tcp(8800, 41234, 5000, 2000, ACK | PSH, 512,
                          cat({sack({{2100, 2200}, {2300, 2400}}), {1, 0, 0, 0}}), str("hi"))));
    QTest::newRow("TCP with two SACK blocks, NOP and EOL, carrying data")
        << LinkType::Ethernet << qb(sackFrame) << int(Protocol::Tcp)
        << QStringLiteral(
               "8800 → 41234 [PSH, ACK] Seq=5000 Ack=2000 Win=512 Len=2 SLE=2100 SRE=2200 SLE=2300 SRE=2400")
        << false
        << QStringList{"tcp.options.sack_le=2100", "tcp.options.sack_re=2200", "tcp.options.sack.count=2",
                       "tcp.flags.push=1",         "tcp.flags.ack=1",          "tcp.len=2",
                       "tcp.payload=6869",         "tcp.option_kind=1"}
        << QStringList{"tcp.options.sack_le@58+4", "tcp.options.sack_re@62+4", "tcp.payload@78+2"};

    const Bytes unknownOpt = ethernet(ipv4(
        kA, kB, 6, tcp(1, 2, 3, 4, ACK | URG | FIN | RST | ECE | CWR | AE, 9, {99, 4, 0xab, 0xcd}, {}, 7)));
    QTest::newRow("TCP with an unknown option kind and every flag but SYN and PSH")
        << LinkType::Ethernet << qb(unknownOpt) << int(Protocol::Tcp)
        << QStringLiteral("1 → 2 [FIN, RST, ACK, URG, ECE, CWR, AE] Seq=3 Ack=4 Win=9 Urg=7 Len=0") << false
        << QStringList{"tcp.options.unknown.payload=abcd",
                       "tcp.option_kind=99",
                       "tcp.option_len=4",
                       "tcp.flags=0x01f5",
                       "tcp.flags.ae=1",
                       "tcp.flags.ns=1",
                       "tcp.flags.ecn=1",
                       "tcp.flags.cwr=1",
                       "tcp.flags.urg=1",
                       "tcp.flags.reset=1",
                       "tcp.flags.fin=1",
                       "tcp.urgent_pointer=7",
                       "tcp.flags.str=···ACEUA·R·F"}
        << QStringList{"tcp.options.unknown.payload@56+2"};

    QTest::newRow("UDP over IPv4") << LinkType::Ethernet
                                   << qb(ethernet(ipv4(kA, kB, 17, udp(41234, 8801, str("x")))))
                                   << int(Protocol::Udp) << QStringLiteral("41234 → 8801 Len=1") << false
                                   << QStringList{"udp.srcport=41234",   "udp.dstport=8801", "udp.length=9",
                                                  "udp.checksum=0xabcd", "ip.proto=17",      "data.data=78"}
                                   << QStringList{"udp.srcport@34+2", "udp.dstport@36+2", "udp.length@38+2",
                                                  "udp.checksum@40+2", "udp.payload@42+1"};

    QTest::newRow("802.1Q VLAN tagged UDP")
        << LinkType::Ethernet << qb(ethernet(vlan(ipv4(kA, kB, 17, udp(5, 6, str("ab"))), 0x2064), 0x8100))
        << int(Protocol::Udp) << QStringLiteral("5 → 6 Len=2") << false
        << QStringList{"eth.type=0x8100", "vlan.id=100",       "vlan.priority=1",
                       "vlan.dei=0",      "vlan.etype=0x0800", "ip.src=10.0.0.1"}
        << QStringList{"vlan.id@14+2", "vlan.etype@16+2", "ip.version@18+1", "udp.srcport@38+2"};

    QTest::newRow("802.1ad Q-in-Q with two tags")
        << LinkType::Ethernet
        << qb(ethernet(vlan(vlan(ipv4(kA, kB, 17, udp(5, 6, {})), 0x000a), 0x0014, 0x8100), 0x88A8))
        << int(Protocol::Udp) << QStringLiteral("5 → 6 Len=0") << false
        << QStringList{"vlan.id=20", "vlan.etype=0x8100", "udp.length=8"} << QStringList{"ip.version@22+1"};

    QTest::newRow("ARP request") << LinkType::Ethernet
                                 << qb(ethernet(arp(1, kMacA, kA, kZero, kB), 0x0806, 0xff))
                                 << int(Protocol::Arp) << QStringLiteral("Who has 10.0.0.2? Tell 10.0.0.1")
                                 << false
                                 << QStringList{"arp.opcode=1",
                                                "arp.hw.type=1",
                                                "arp.proto.type=0x0800",
                                                "arp.src.hw_mac=02:00:00:00:00:01",
                                                "arp.src.proto_ipv4=10.0.0.1",
                                                "arp.dst.proto_ipv4=10.0.0.2",
                                                "eth.type=0x0806"}
                                 << QStringList{"arp.opcode@20+2", "arp.src.hw_mac@22+6",
                                                "arp.src.proto_ipv4@28+4", "arp.dst.proto_ipv4@38+4"};

    QTest::newRow("ARP reply") << LinkType::Ethernet << qb(ethernet(arp(2, kMacB, kB, kMacA, kA), 0x0806))
                               << int(Protocol::Arp) << QStringLiteral("10.0.0.2 is at 02:00:00:00:00:02")
                               << false << QStringList{"arp.opcode=2"} << QStringList{};

    QTest::newRow("ICMP echo request")
        << LinkType::Ethernet << qb(ethernet(ipv4(kA, kB, 1, icmpEcho(true, 0x1234, 1, str("abcd")))))
        << int(Protocol::Icmp) << QStringLiteral("Echo (ping) request  id=0x1234, seq=1/256, ttl=64") << false
        << QStringList{"icmp.type=8", "icmp.code=0", "icmp.ident=4660", "icmp.seq=1", "icmp.seq_le=256"}
        << QStringList{"icmp.type@34+1", "icmp.checksum@36+2", "icmp.ident@38+2", "icmp.seq@40+2"};

    {
        Bytes unreach{3, 3, 0, 0, 0, 0, 0, 0};
        append(unreach, ipv4(kA, kB, 17, udp(1, 2, {})));
        QTest::newRow("ICMP port unreachable quoting the UDP header")
            << LinkType::Ethernet << qb(ethernet(ipv4(kB, kA, 1, unreach))) << int(Protocol::Icmp)
            << QStringLiteral("Destination unreachable (Port unreachable)") << false
            << QStringList{"icmp.type=3",   "icmp.code=3",   "ip.src=10.0.0.2",
                           "udp.srcport=1", "udp.dstport=2", "frame.protocols=eth:ethertype:ip:icmp:ip:udp"}
            << QStringList{"udp.srcport@62+2"};
    }

    QTest::newRow("IPv6 TCP") << LinkType::Ethernet
                              << qb(ethernet(ipv6(kA6, kB6, 6, tcp(1, 2, 10, 20, ACK, 30), 0xb8, 0x12345, 7),
                                             0x86DD))
                              << int(Protocol::Tcp)
                              << QStringLiteral("1 → 2 [ACK] Seq=10 Ack=20 Win=30 Len=0") << false
                              << QStringList{"ipv6.version=6",       "ipv6.tclass=0x000000b8",
                                             "ipv6.flow=0x012345",   "ipv6.plen=20",
                                             "ipv6.nxt=6",           "ipv6.hlim=7",
                                             "ipv6.src=2001:db8::1", "ipv6.dst=2001:db8::2",
                                             "tcp.srcport=1"}
                              << QStringList{"ipv6.plen@18+2", "ipv6.nxt@20+1", "ipv6.src@22+16",
                                             "ipv6.dst@38+16", "tcp.srcport@54+2"};

    QTest::newRow("IPv6 hop-by-hop, routing, destination options, then UDP")
        << LinkType::Ethernet
        << qb(ethernet(ipv6(kA6, kB6, 0, cat({ext(43), ext(60, 1), ext(17), udp(7, 8, str("z"))})), 0x86DD))
        << int(Protocol::Udp) << QStringLiteral("7 → 8 Len=1") << false
        << QStringList{"ipv6.nxt=0", "ipv6.hopopts.nxt=43", "ipv6.routing.type=1", "ipv6.dstopts.nxt=17",
                       "frame.protocols=eth:ethertype:ipv6:ipv6.hopopts:ipv6.routing:ipv6.dstopts:udp:data"}
        << QStringList{"ipv6.hopopts@54+8", "ipv6.routing@62+16", "ipv6.dstopts@78+8", "udp.srcport@86+2"};

    QTest::newRow("ICMPv6 echo request")
        << LinkType::Ethernet
        << qb(ethernet(ipv6(kA6, kB6, 58, icmpEcho(true, 7, 2, str("ping"), true)), 0x86DD))
        << int(Protocol::Icmpv6) << QStringLiteral("Echo (ping) request id=0x0007, seq=2, hop limit=64")
        << false
        << QStringList{"icmpv6.type=128", "icmpv6.echo.identifier=0x0007", "icmpv6.echo.sequence_number=2"}
        << QStringList{"icmpv6.type@54+1"};

    const Bytes v4tcp = ipv4(kA, kB, 6, tcp(1, 2, 3, 4, SYN, 5));
    const Bytes v6udp = ipv6(kA6, kB6, 17, udp(1, 2, str("q")));
    QTest::newRow("BSD loopback, little-endian AF_INET")
        << LinkType::Null << qb(cat({{2, 0, 0, 0}, v4tcp})) << int(Protocol::Tcp)
        << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5 Len=0") << false
        << QStringList{"null.family=2", "ip.src=10.0.0.1", "frame.protocols=null:ip:tcp"}
        << QStringList{"null.family@0+4", "ip.version@4+1"};
    QTest::newRow("BSD loopback, big-endian AF_INET6 (24)")
        << LinkType::Null << qb(cat({{0, 0, 0, 24}, v6udp})) << int(Protocol::Udp)
        << QStringLiteral("1 → 2 Len=1") << false << QStringList{"null.family=24", "ipv6.src=2001:db8::1"}
        << QStringList{"ipv6.version@4+1"};
    QTest::newRow("BSD loopback, AF_INET6 28 (FreeBSD)")
        << LinkType::Null << qb(cat({{28, 0, 0, 0}, v6udp})) << int(Protocol::Udp)
        << QStringLiteral("1 → 2 Len=1") << false << QStringList{"null.family=28"} << QStringList{};
    QTest::newRow("BSD loopback, AF_INET6 30 (macOS)")
        << LinkType::Null << qb(cat({{30, 0, 0, 0}, v6udp})) << int(Protocol::Udp)
        << QStringLiteral("1 → 2 Len=1") << false << QStringList{"null.family=30"} << QStringList{};
    QTest::newRow("OpenBSD loopback, network order AF_INET")
        << LinkType::Loop << qb(cat({{0, 0, 0, 2}, v4tcp})) << int(Protocol::Tcp)
        << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5 Len=0") << false << QStringList{"null.family=2"}
        << QStringList{"tcp.srcport@24+2"};
    QTest::newRow("Raw IP carrying IPv4")
        << LinkType::Raw << qb(v4tcp) << int(Protocol::Tcp) << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5 Len=0")
        << false << QStringList{"frame.protocols=raw:ip:tcp"}
        << QStringList{"ip.version@0+1", "tcp.srcport@20+2"};
    QTest::newRow("Raw IP carrying IPv6")
        << LinkType::Raw << qb(v6udp) << int(Protocol::Udp) << QStringLiteral("1 → 2 Len=1") << false
        << QStringList{"frame.protocols=raw:ipv6:udp:data"} << QStringList{"udp.srcport@40+2"};
    QTest::newRow("Raw IPv4 link type") << LinkType::Ipv4 << qb(v4tcp) << int(Protocol::Tcp)
                                        << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5 Len=0") << false
                                        << QStringList{"frame.protocols=ip:tcp"} << QStringList{};
    QTest::newRow("Raw IPv6 link type")
        << LinkType::Ipv6 << qb(v6udp) << int(Protocol::Udp) << QStringLiteral("1 → 2 Len=1") << false
        << QStringList{"frame.protocols=ipv6:udp:data"} << QStringList{};
    QTest::newRow("Linux cooked v1 (SLL), outgoing IPv4 TCP")
        << LinkType::LinuxSll << qb(sll1(0x0800, v4tcp)) << int(Protocol::Tcp)
        << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5 Len=0") << false
        << QStringList{"sll.pkttype=4",   "sll.hatype=1",    "sll.halen=6", "sll.src.eth=02:00:00:00:00:01",
                       "sll.unused=0000", "sll.etype=0x0800"}
        << QStringList{"sll.pkttype@0+2", "sll.src.eth@6+6", "sll.etype@14+2", "ip.version@16+1"};
    QTest::newRow("Linux cooked v2 (SLL2), IPv6 UDP")
        << LinkType::LinuxSll2 << qb(sll2(0x86DD, v6udp)) << int(Protocol::Udp)
        << QStringLiteral("1 → 2 Len=1") << false
        << QStringList{"sll.etype=0x86dd", "sll.ifindex=7", "sll.hatype=1", "sll.pkttype=0", "sll.halen=6"}
        << QStringList{"sll.etype@0+2", "sll.ifindex@4+4", "sll.pkttype@10+1", "ipv6.version@20+1"};
    QTest::newRow("Linux cooked v1 carrying ARP")
        << LinkType::LinuxSll << qb(sll1(0x0806, arp(1, kMacA, kA, kZero, kB))) << int(Protocol::Arp)
        << QStringLiteral("Who has 10.0.0.2? Tell 10.0.0.1") << false << QStringList{"arp.opcode=1"}
        << QStringList{};

    {
        Ip4Opts frag;
        frag.id = 0x55;
        frag.flags = 0;
        frag.fragOffset = 185;
        QTest::newRow("IPv4 non-first fragment has no transport layer")
            << LinkType::Ethernet << qb(ethernet(ipv4(kA, kB, 6, Bytes(40, 7), frag))) << int(Protocol::IPv4)
            << QStringLiteral("Fragmented IP protocol (proto=TCP 6, off=1480, ID=0055)") << false
            << QStringList{"ip.frag_offset=185", "ip.flags=0x00", "ip.flags.mf=0", "data.len=40"}
            << QStringList{"ip.frag_offset@20+2"};
        Ip4Opts opt;
        opt.options = {0x94, 4, 0, 0, 1, 1, 1, 0};
        QTest::newRow("IPv4 options are listed and skipped")
            << LinkType::Ethernet << qb(ethernet(ipv4(kA, kB, 17, udp(1, 2, {}), opt))) << int(Protocol::Udp)
            << QStringLiteral("1 → 2 Len=0") << false
            << QStringList{"ip.hdr_len=28", "ip.opt.type=148", "ip.opt.len=4", "ip.options=9404000001010100"}
            << QStringList{"ip.options@34+8", "udp.srcport@42+2"};
    }

    // ---- Bogus lengths ----
    {
        Bytes b = ethernet(v4tcp);
        b[14] = 0x44; // IHL 4
        QTest::newRow("IPv4 header length below 5 words")
            << LinkType::Ethernet << qb(b) << int(Protocol::IPv4) << QStringLiteral("[Malformed Packet]")
            << true << QStringList{"ip.hdr_len=16"} << QStringList{};
    }
    {
        Bytes b = ethernet(v4tcp);
        b[16] = 0x03; // total length 0x03xx, far more than captured
        QTest::newRow("IPv4 total length beyond the captured bytes (snaplen-like): headers still decode")
            << LinkType::Ethernet << qb(b) << int(Protocol::Tcp)
            << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5 Len=768") << false << QStringList{"tcp.len=768"}
            << QStringList{};
    }
    {
        Bytes b = ethernet(v4tcp);
        b[16] = 0;
        b[17] = 12; // total length 12 < header
        QTest::newRow("IPv4 total length smaller than its header")
            << LinkType::Ethernet << qb(b) << int(Protocol::IPv4) << QStringLiteral("[Malformed Packet]")
            << true << QStringList{"ip.len=12"} << QStringList{};
    }
    {
        Bytes b = ethernet(v4tcp);
        b[46] = 0x40; // data offset 4
        QTest::newRow("TCP data offset below 5 words")
            << LinkType::Ethernet << qb(b) << int(Protocol::Tcp)
            << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5[Malformed Packet]") << true
            << QStringList{"tcp.hdr_len=16"} << QStringList{};
    }
    {
        Bytes b = ethernet(v4tcp);
        b[46] = 0xF0; // data offset 15 words = 60 bytes, 20 available
        QTest::newRow("TCP data offset beyond the frame")
            << LinkType::Ethernet << qb(b) << int(Protocol::Tcp)
            << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5[Malformed Packet]") << true
            << QStringList{"tcp.hdr_len=60", "_ws.malformed="} << QStringList{};
    }
    QTest::newRow("TCP option length 0 (expert note, not malformed)")
        << LinkType::Ethernet << qb(ethernet(ipv4(kA, kB, 6, tcp(1, 2, 3, 4, SYN, 5, {2, 0, 0, 0}))))
        << int(Protocol::Tcp) << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5 Len=0") << false
        << QStringList{"tcp.options=02000000"} << QStringList{};
    QTest::newRow("TCP option length 1 (expert note, not malformed)")
        << LinkType::Ethernet << qb(ethernet(ipv4(kA, kB, 6, tcp(1, 2, 3, 4, SYN, 5, {8, 1, 0, 0}))))
        << int(Protocol::Tcp) << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5 Len=0") << false << QStringList{}
        << QStringList{};
    QTest::newRow("TCP option overrunning the header")
        << LinkType::Ethernet
        << qb(ethernet(ipv4(kA, kB, 6, tcp(1, 2, 3, 4, SYN, 5, cat({mss(1400), {8, 10, 0, 0}})))))
        << int(Protocol::Tcp) << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5 Len=0 MSS=1400[Malformed Packet]")
        << true << QStringList{"tcp.options.mss_val=1400"} << QStringList{};
    QTest::newRow("TCP option kind without its length byte")
        << LinkType::Ethernet << qb(ethernet(ipv4(kA, kB, 6, tcp(1, 2, 3, 4, SYN, 5, {1, 1, 1, 2}))))
        << int(Protocol::Tcp) << QStringLiteral("1 → 2 [SYN] Seq=3 Win=5 Len=0[Malformed Packet]") << true
        << QStringList{} << QStringList{};
    {
        Bytes chain;
        for (int i = 0; i < 20; ++i)
            append(chain, ext(60));
        QTest::newRow("IPv6 extension header chain longer than 16 (a loop would look like this)")
            << LinkType::Ethernet << qb(ethernet(ipv6(kA6, kB6, 60, chain), 0x86DD)) << int(Protocol::IPv6)
            << QStringLiteral("[Malformed Packet]") << true << QStringList{"ipv6.nxt=60"} << QStringList{};
        Bytes over = ext(17, 30); // claims 248 bytes
        over.resize(16);
        QTest::newRow("IPv6 extension header claiming more than the payload")
            << LinkType::Ethernet << qb(ethernet(ipv6(kA6, kB6, 0, over), 0x86DD)) << int(Protocol::IPv6)
            << QStringLiteral("[Malformed Packet]") << true << QStringList{"ipv6.plen=16"} << QStringList{};
    }
    {
        Bytes b = ethernet(ipv4(kA, kB, 17, udp(1, 2, str("abc"))));
        b[38] = 0;
        b[39] = 4;
        QTest::newRow("UDP length below 8") << LinkType::Ethernet << qb(b) << int(Protocol::Udp)
                                            << QStringLiteral("1 → 2 Len=0[Malformed Packet]") << true
                                            << QStringList{"udp.length=4"} << QStringList{};
    }
    QTest::newRow("Empty Ethernet frame")
        << LinkType::Ethernet << QByteArray() << int(Protocol::Ethernet)
        << QStringLiteral("[Malformed Packet]") << true << QStringList{} << QStringList{};
    QTest::newRow("Unknown EtherType stops at the link layer")
        << LinkType::Ethernet << qb(ethernet(Bytes(10, 1), 0x88CC)) << int(Protocol::Ethernet) << QString()
        << false << QStringList{"eth.type=0x88cc", "data.len=10"} << QStringList{};
}

void Dissect::fields()
{
    QFETCH(LinkType, link);
    QFETCH(QByteArray, frame);
    QFETCH(int, protocol);
    QFETCH(QString, info);
    QFETCH(bool, malformed);
    QFETCH(QStringList, values);
    QFETCH(QStringList, ranges);

    const Exact bytes(frame);
    PacketSummary s;
    dissectSummary(link, bytes.span(), s);
    QCOMPARE(int(s.protocol), protocol);
    QCOMPARE(s.malformed, malformed);
    QCOMPARE(QString::fromStdString(summaryInfo(s)), info);

    const ProtoTree tree =
        dissectTree(link, bytes.span(), 1, 1700000000123456789LL, std::uint32_t(frame.size()));
    checkRanges(tree.layers, frame.size(), QStringLiteral("tree"));
    QCOMPARE(findMalformed(tree.layers) != nullptr, malformed);
    QCOMPARE(tree.find("frame.time_epoch")->value, QStringLiteral("1700000000.123456789"));
    QCOMPARE(tree.find("frame.cap_len")->value, QString::number(frame.size()));
    for (const QString &v : values) {
        const QString name = v.section(QLatin1Char('='), 0, 0);
        const QString value = v.section(QLatin1Char('='), 1);
        const ProtoField *f = tree.find(name.toLatin1());
        QVERIFY2(f, qPrintable(QStringLiteral("no field %1").arg(name)));
        if (name != QLatin1String("_ws.malformed"))
            QCOMPARE(f->value, value);
    }
    for (const QString &r : ranges) {
        const QString name = r.section(QLatin1Char('@'), 0, 0);
        const int off = r.section(QLatin1Char('@'), 1).section(QLatin1Char('+'), 0, 0).toInt();
        const int len = r.section(QLatin1Char('+'), 1).toInt();
        const ProtoField *f = tree.find(name.toLatin1());
        QVERIFY2(f, qPrintable(QStringLiteral("no field %1").arg(name)));
        QCOMPARE(f->offset, off);
        QCOMPARE(f->length, len);
    }
    if (malformed) {
        const ProtoField *m = findMalformed(tree.layers);
        QVERIFY(m->malformed);
        QVERIFY2(m->label.startsWith(QLatin1String("[Malformed: ")), qPrintable(m->label));
    }
}

void Dissect::truncation_data()
{
    QTest::addColumn<LinkType>("link");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("headerBytes"); // shorter than this must be flagged malformed

    const Bytes syn = ethernet(ipv4(kA, kB, 6, tcp(41234, 8800, 1000, 0, SYN, 65495, synOptions())));
    QTest::newRow("Ethernet IPv4 TCP SYN with options") << LinkType::Ethernet << qb(syn) << 74;
    const Bytes v6 = ethernet(ipv6(kA6, kB6, 0, cat({ext(17), udp(7, 8, str("zz"))})), 0x86DD);
    QTest::newRow("IPv6 with an extension header and UDP")
        << LinkType::Ethernet << qb(v6) << int(v6.size() - 2);
    const Bytes varp = ethernet(vlan(arp(1, kMacA, kA, kZero, kB), 5, 0x0806), 0x8100);
    QTest::newRow("VLAN tagged ARP") << LinkType::Ethernet << qb(varp) << int(varp.size());
    const Bytes icmp = ethernet(ipv4(kA, kB, 1, icmpEcho(true, 1, 2, str("data"))));
    QTest::newRow("ICMP echo") << LinkType::Ethernet << qb(icmp) << 42;
    const Bytes cooked = sll2(0x0800, ipv4(kA, kB, 6, tcp(1, 2, 3, 4, ACK, 5, sack({{1, 2}}))));
    QTest::newRow("Linux cooked v2 TCP with SACK") << LinkType::LinuxSll2 << qb(cooked) << int(cooked.size());
    const Bytes null = cat({{2, 0, 0, 0}, ipv4(kA, kB, 17, udp(1, 2, str("u")))});
    QTest::newRow("BSD loopback UDP") << LinkType::Null << qb(null) << int(null.size() - 1);
}

void Dissect::truncation()
{
    QFETCH(LinkType, link);
    QFETCH(QByteArray, frame);
    QFETCH(int, headerBytes);
    TcpConversationTracker tracker;
    for (int len = 0; len <= frame.size(); ++len) {
        const Exact bytes(frame.left(len));
        PacketSummary s;
        dissectSummary(link, bytes.span(), s);
        tracker.add(std::uint32_t(len + 1), len, s);
        const TcpPacketAnalysis *a = tracker.analysis(std::uint32_t(len + 1));
        const std::string info = summaryInfo(s, a);
        QVERIFY(!info.empty() || !s.malformed);
        if (len < headerBytes)
            QVERIFY2(s.malformed, qPrintable(QStringLiteral("%1 bytes not flagged malformed").arg(len)));
        else
            QVERIFY2(!s.malformed, qPrintable(QStringLiteral("%1 bytes flagged malformed").arg(len)));
        QVERIFY(s.headerBytes <= len);
        const ProtoTree tree =
            dissectTree(link, bytes.span(), std::uint32_t(len + 1), 0, std::uint32_t(frame.size()), a);
        checkRanges(tree.layers, len, QStringLiteral("%1 bytes").arg(len));
        QCOMPARE(findMalformed(tree.layers) != nullptr, s.malformed);
    }
}

void Dissect::summaryInfoWithAnalysis()
{
    // Relative numbers, scaled window and a dup-ACK prefix come from the analysis.
    PacketSummary s;
    const Bytes ack = ethernet(ipv4(kB, kA, 6, tcp(8800, 41234, 5001, 2101, ACK, 100, sack({{2201, 2301}}))));
    QVERIFY(dissectSummary(LinkType::Ethernet, span(ack), s));
    TcpPacketAnalysis a;
    a.relativeSeq = 1;
    a.relativeAck = 101;
    a.windowScale = 7;
    a.flags = TcpDupAck | TcpHasSeqAckAnalysis;
    a.dupAckNumber = 2;
    a.dupAckOfFrame = 7;
    QCOMPARE(
        QString::fromStdString(summaryInfo(s, &a)),
        QStringLiteral("[TCP Dup ACK 7#2] 8800 → 41234 [ACK] Seq=1 Ack=101 Win=12800 Len=0 SLE=201 SRE=301"));
    a.flags = TcpRetransmission | TcpHasSeqAckAnalysis;
    QVERIFY(summaryInfo(s, &a).starts_with("[TCP Retransmission] 8800"));
}

void Dissect::addresses()
{
    NetAddress a;
    a.family = NetAddress::Family::IPv6;
    a.bytes = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 168, 1, 2};
    QCOMPARE(a.toString(), QStringLiteral("::ffff:192.168.1.2"));
    a.bytes = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    QCOMPARE(a.toString(), QStringLiteral("fe80::1"));
    a.bytes = {0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1};
    QCOMPARE(a.toString(), QStringLiteral("2001:db8:1::1:0:1"));
    a.bytes = {};
    QCOMPARE(a.toString(), QStringLiteral("::"));
    a.family = NetAddress::Family::IPv4;
    a.bytes = {192, 168, 0, 255};
    QCOMPARE(a.toString(), QStringLiteral("192.168.0.255"));
    a.family = NetAddress::Family::Mac;
    a.bytes = {0, 0x11, 0x22, 0xaa, 0xbb, 0xcc};
    QCOMPARE(a.toString(), QStringLiteral("00:11:22:aa:bb:cc"));
}

void Dissect::findAliases()
{
    const Bytes b = ethernet(ipv4(kA, kB, 6, tcp(1, 2, 3, 4, ECE | AE, 5)));
    const ProtoTree tree = dissectTree(LinkType::Ethernet, span(b), 1, 0, std::uint32_t(b.size()));
    QVERIFY(tree.find("tcp.flags.ns"));
    QCOMPARE(tree.find("tcp.flags.ns"), tree.find("tcp.flags.ae"));
    QCOMPARE(tree.find("tcp.flags.ecn")->value, QStringLiteral("1"));
    QCOMPARE(tree.find("tcp.flags.ecn")->label, QStringLiteral(".... .1.. .... = ECN-Echo: Set"));
    QCOMPARE(tree.find("tcp.flags.syn")->label, QStringLiteral(".... .... ..0. = Syn: Not set"));
    QCOMPARE(tree.find("tcp.srcport")->label, QStringLiteral("Source Port: 1"));
    QCOMPARE(tree.find("tcp.flags")->label, QStringLiteral("Flags: 0x140 (ECE, AE)"));
}

QTEST_GUILESS_MAIN(Dissect)
#include "tst_dissect.moc"
