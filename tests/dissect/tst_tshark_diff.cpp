// SPDX-License-Identifier: GPL-3.0-or-later
// Field-by-field comparison of dissectTree() (fed by the TCP tracker) with tshark 4.0 on the same pcap:
// a synthetic capture in every supported link type, and real loopback traffic captured with libpcap
// while this test makes TCP (IPv4 and IPv6) and UDP connections on 127.0.0.1 / ::1.
#include "synthetic.h"

#include "dissect/dissect.h"
#include "dissect/tcptracker.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <pcap/pcap.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace wirelab;

namespace {

// Fields compared on every packet (names as the installed tshark 4.0.17 has them).
const char *const kFields[] = {
    "frame.number",
    "frame.len",
    "frame.cap_len",
    "frame.time_epoch",
    "eth.dst",
    "eth.src",
    "eth.type",
    "eth.padding",
    "eth.trailer",
    "sll.trailer",
    "vlan.id",
    "vlan.priority",
    "vlan.dei",
    "vlan.etype",
    "sll.pkttype",
    "sll.hatype",
    "sll.halen",
    "sll.src.eth",
    "sll.etype",
    "sll.ifindex",
    "sll.unused",
    "null.family",
    "arp.hw.type",
    "arp.proto.type",
    "arp.hw.size",
    "arp.proto.size",
    "arp.opcode",
    "arp.src.hw_mac",
    "arp.src.proto_ipv4",
    "arp.dst.hw_mac",
    "arp.dst.proto_ipv4",
    "ip.version",
    "ip.hdr_len",
    "ip.dsfield",
    "ip.dsfield.dscp",
    "ip.dsfield.ecn",
    "ip.len",
    "ip.id",
    "ip.flags",
    "ip.flags.rb",
    "ip.flags.df",
    "ip.flags.mf",
    "ip.frag_offset",
    "ip.ttl",
    "ip.proto",
    "ip.checksum",
    "ip.src",
    "ip.dst",
    "ip.opt.type",
    "ip.opt.len",
    "ipv6.version",
    "ipv6.tclass",
    "ipv6.flow",
    "ipv6.plen",
    "ipv6.nxt",
    "ipv6.hlim",
    "ipv6.src",
    "ipv6.dst",
    "ipv6.hopopts.nxt",
    "ipv6.hopopts.len",
    "ipv6.routing.type",
    "ipv6.routing.segleft",
    "ipv6.fraghdr.offset",
    "ipv6.fraghdr.more",
    "ipv6.fraghdr.ident",
    "ipv6.dstopts.nxt",
    "icmp.type",
    "icmp.code",
    "icmp.checksum",
    "icmp.ident",
    "icmp.seq",
    "icmp.seq_le",
    "icmpv6.type",
    "icmpv6.code",
    "icmpv6.checksum",
    "icmpv6.echo.identifier",
    "icmpv6.echo.sequence_number",
    "tcp.srcport",
    "tcp.dstport",
    "tcp.stream",
    "tcp.len",
    "tcp.seq",
    "tcp.seq_raw",
    "tcp.nxtseq",
    "tcp.ack",
    "tcp.ack_raw",
    "tcp.hdr_len",
    "tcp.flags",
    "tcp.flags.res",
    "tcp.flags.ae",
    "tcp.flags.cwr",
    "tcp.flags.ece",
    "tcp.flags.urg",
    "tcp.flags.ack",
    "tcp.flags.push",
    "tcp.flags.reset",
    "tcp.flags.syn",
    "tcp.flags.fin",
    "tcp.flags.str",
    "tcp.window_size_value",
    "tcp.window_size",
    "tcp.window_size_scalefactor",
    "tcp.checksum",
    "tcp.urgent_pointer",
    "tcp.options",
    "tcp.option_kind",
    "tcp.option_len",
    "tcp.options.mss_val",
    "tcp.options.wscale.shift",
    "tcp.options.wscale.multiplier",
    "tcp.options.sack_perm",
    "tcp.options.sack_le",
    "tcp.options.sack_re",
    "tcp.options.sack.count",
    "tcp.options.timestamp.tsval",
    "tcp.options.timestamp.tsecr",
    "tcp.analysis.initial_rtt",
    "tcp.analysis.ack_rtt",
    "tcp.analysis.retransmission",
    "tcp.analysis.fast_retransmission",
    "tcp.analysis.spurious_retransmission",
    "tcp.analysis.out_of_order",
    "tcp.analysis.lost_segment",
    "tcp.analysis.ack_lost_segment",
    "tcp.analysis.duplicate_ack",
    "tcp.analysis.duplicate_ack_num",
    "tcp.analysis.duplicate_ack_frame",
    "tcp.analysis.zero_window",
    "tcp.analysis.window_update",
    "tcp.analysis.keep_alive",
    "tcp.analysis.keep_alive_ack",
    "tcp.analysis.zero_window_probe",
    "tcp.analysis.flags",
    "tcp.payload",
    "udp.srcport",
    "udp.dstport",
    "udp.length",
    "udp.checksum",
};

struct Frame
{
    std::int64_t timeNs;
    std::uint32_t origLen;
    QByteArray bytes;
};

struct Capture
{
    LinkType link = LinkType::Ethernet;
    std::vector<Frame> frames;
};

bool writePcap(const QString &path, LinkType link, const std::vector<pkt::TimedFrame> &frames)
{
    const int dlt = link == LinkType::Raw ? DLT_RAW : int(link); // pcap_open_dead takes a DLT, not a LINKTYPE
    pcap_t *dead = pcap_open_dead_with_tstamp_precision(dlt, 262144, PCAP_TSTAMP_PRECISION_NANO);
    if (!dead)
        return false;
    pcap_dumper_t *dumper = pcap_dump_open(dead, path.toLocal8Bit().constData());
    if (!dumper) {
        pcap_close(dead);
        return false;
    }
    for (const pkt::TimedFrame &f : frames) {
        pcap_pkthdr h{};
        h.ts.tv_sec = f.timeNs / 1000000000;
        h.ts.tv_usec = f.timeNs % 1000000000; // nanoseconds: the file is a nanosecond pcap
        h.caplen = h.len = bpf_u_int32(f.bytes.size());
        pcap_dump(reinterpret_cast<u_char *>(dumper), &h, f.bytes.data());
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
    return true;
}

bool readPcap(const QString &path, Capture &out, QString &error)
{
    char err[PCAP_ERRBUF_SIZE] = {};
    pcap_t *p = pcap_open_offline_with_tstamp_precision(path.toLocal8Bit().constData(),
                                                        PCAP_TSTAMP_PRECISION_NANO, err);
    if (!p) {
        error = QString::fromLocal8Bit(err);
        return false;
    }
    const int dlt = pcap_datalink(p);
    out.link = dlt == DLT_RAW ? LinkType::Raw : LinkType(dlt);
    pcap_pkthdr *h = nullptr;
    const u_char *data = nullptr;
    while (pcap_next_ex(p, &h, &data) == 1) {
        out.frames.push_back({std::int64_t(h->ts.tv_sec) * 1000000000 + h->ts.tv_usec, h->len,
                              QByteArray(reinterpret_cast<const char *>(data), int(h->caplen))});
    }
    pcap_close(p);
    return true;
}

// Sends an ICMP (or ICMPv6) echo request to the loopback address through a raw socket; the kernel answers.
// Returns false when raw sockets are not allowed (not root); the test then simply has no ICMP packets.
bool sendEcho(bool v6, std::uint16_t seq)
{
    const int fd =
        v6 ? ::socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6) : ::socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    if (fd < 0)
        return false;
    pkt::Bytes msg = pkt::icmpEcho(true, 0x4242, seq, pkt::str("wirelab"), v6); // the kernel sums ICMPv6
    bool ok;
    if (v6) {
        sockaddr_in6 to{};
        to.sin6_family = AF_INET6;
        to.sin6_addr = in6addr_loopback;
        ok = ::sendto(fd, msg.data(), msg.size(), 0, reinterpret_cast<sockaddr *>(&to), sizeof to) > 0;
    } else {
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ok = ::sendto(fd, msg.data(), msg.size(), 0, reinterpret_cast<sockaddr *>(&to), sizeof to) > 0;
    }
    ::close(fd);
    return ok;
}

QString tsharkPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("tshark"));
}

// Runs tshark and returns one row per packet: field name -> value.
bool runTshark(const QString &pcap, const QStringList &fields, std::vector<QStringList> &rows, QString &error)
{
    QStringList args{QStringLiteral("-n"),
                     QStringLiteral("-r"),
                     pcap,
                     QStringLiteral("-o"),
                     QStringLiteral("ip.defragment:FALSE"),
                     QStringLiteral("-o"),
                     QStringLiteral("ipv6.defragment:FALSE"),
                     QStringLiteral("-o"),
                     QStringLiteral("tcp.desegment_tcp_streams:FALSE"),
                     QStringLiteral("-T"),
                     QStringLiteral("fields"),
                     QStringLiteral("-E"),
                     QStringLiteral("separator=/t"),
                     QStringLiteral("-E"),
                     QStringLiteral("occurrence=f"),
                     QStringLiteral("-E"),
                     QStringLiteral("quote=n")};
    for (const QString &f : fields)
        args << QStringLiteral("-e") << f;
    QProcess proc;
    proc.start(tsharkPath(), args);
    if (!proc.waitForFinished(120000) || proc.exitCode() != 0) {
        error = QStringLiteral("tshark failed: ") + QString::fromLocal8Bit(proc.readAllStandardError());
        return false;
    }
    const QString text = QString::fromUtf8(proc.readAllStandardOutput());
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        rows.push_back(line.split(QLatin1Char('\t')));
    return true;
}

// Compares every field of every packet; returns the differences as readable lines.
QStringList compareWithTshark(const QString &pcapPath, bool compareProtocols, int *packetsCompared)
{
    QStringList problems;
    Capture cap;
    QString error;
    if (!readPcap(pcapPath, cap, error))
        return {QStringLiteral("cannot read %1: %2").arg(pcapPath, error)};
    QStringList fields;
    for (const char *f : kFields)
        fields << QLatin1String(f);
    if (compareProtocols)
        fields << QStringLiteral("frame.protocols");
    fields << QStringLiteral("_ws.col.Info");
    std::vector<QStringList> rows;
    if (!runTshark(pcapPath, fields, rows, error))
        return {error};
    if (rows.size() != cap.frames.size())
        problems << QStringLiteral("tshark printed %1 rows for %2 packets")
                        .arg(rows.size())
                        .arg(cap.frames.size());

    TcpConversationTracker tracker;
    const std::size_t n = std::min(rows.size(), cap.frames.size());
    for (std::size_t i = 0; i < n; ++i) {
        const Frame &fr = cap.frames[i];
        const std::uint32_t number = std::uint32_t(i + 1);
        const std::span<const std::uint8_t> bytes(
            reinterpret_cast<const std::uint8_t *>(fr.bytes.constData()), std::size_t(fr.bytes.size()));
        PacketSummary s;
        dissectSummary(cap.link, bytes, s);
        tracker.add(number, fr.timeNs, s);
        const TcpPacketAnalysis *a = tracker.analysis(number);
        const ProtoTree tree = dissectTree(cap.link, bytes, number, fr.timeNs, fr.origLen, a);
        const QStringList &row = rows[i];
        for (int k = 0; k < fields.size(); ++k) {
            const QString theirs = k < row.size() ? row[k] : QString();
            QString ours;
            const QByteArray name = fields[k].toLatin1();
            if (name == "_ws.col.Info") {
                ours = QString::fromStdString(summaryInfo(s, a));
                // tshark adds request/reply matching to ICMP and notes like [TCP segment of a reassembled
                // PDU].
                if (s.protocol == Protocol::Icmp || s.protocol == Protocol::Icmpv6 || s.malformed) {
                    if (!theirs.startsWith(ours.section(QStringLiteral("[Malformed"), 0, 0)))
                        problems << QStringLiteral("packet %1 field Info: ours '%2' vs tshark '%3'")
                                        .arg(number)
                                        .arg(ours, theirs);
                    continue;
                }
            } else if (const ProtoField *f = tree.find(name)) {
                ours = f->value;
            }
            if (theirs == QLatin1String("<MISSING>"))
                continue; // tshark names a field it could not read (truncated header)
            if (ours != theirs)
                problems << QStringLiteral("packet %1 field %2: ours '%3' vs tshark '%4'")
                                .arg(number)
                                .arg(fields[k], ours, theirs);
        }
    }
    if (packetsCompared)
        *packetsCompared = int(n);
    return problems;
}

std::vector<pkt::TimedFrame> rewrap(const std::vector<pkt::TimedFrame> &eth, LinkType link)
{
    std::vector<pkt::TimedFrame> out;
    for (const pkt::TimedFrame &f : eth) {
        if (link == LinkType::Ethernet) {
            out.push_back(f);
            continue;
        }
        if (f.bytes.size() < 14)
            continue;
        const std::uint16_t type = std::uint16_t(f.bytes[12] << 8 | f.bytes[13]);
        if (type != 0x0800 && type != 0x86DD &&
            !(type == 0x0806 && (link == LinkType::LinuxSll || link == LinkType::LinuxSll2)))
            continue;
        const pkt::Bytes inner(f.bytes.begin() + 14, f.bytes.end());
        pkt::Bytes b;
        const bool v6 = type == 0x86DD;
        switch (link) {
        case LinkType::Null: {
            const std::uint32_t fam = v6 ? 30 : 2;
            b = {std::uint8_t(fam), 0, 0, 0}; // little-endian writer
            break;
        }
        case LinkType::Loop:
            b = {0, 0, 0, std::uint8_t(v6 ? 24 : 2)};
            break;
        case LinkType::Raw:
            break;
        case LinkType::Ipv4:
            if (v6)
                continue;
            break;
        case LinkType::Ipv6:
            if (!v6)
                continue;
            break;
        case LinkType::LinuxSll:
            b = {0, 0, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0};
            pkt::put16(b, type);
            break;
        case LinkType::LinuxSll2:
            pkt::put16(b, type);
            b.insert(b.end(), {0, 0, 0, 0, 0, 2, 0, 1, 4, 6, 2, 0, 0, 0, 0, 1, 0, 0});
            break;
        case LinkType::Ethernet:
            break;
        }
        pkt::append(b, inner);
        out.push_back({f.timeNs, b});
    }
    return out;
}

} // namespace

class TsharkDiff : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (tsharkPath().isEmpty())
            QSKIP("tshark was not found in PATH: install tshark (Wireshark 4.0) to run the comparison");
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("WIRELAB_KEEP_PCAPS")) {
            m_dir.setAutoRemove(false);
            qInfo("pcaps kept in %s", qPrintable(m_dir.path()));
        }
    }

    void synthetic_data()
    {
        QTest::addColumn<int>("link");
        QTest::newRow("Ethernet with VLAN, ARP, ICMP, IPv6 and TCP analysis") << int(LinkType::Ethernet);
        QTest::newRow("BSD loopback (Null)") << int(LinkType::Null);
        QTest::newRow("OpenBSD loopback") << int(LinkType::Loop);
        QTest::newRow("Raw IP") << int(LinkType::Raw);
        QTest::newRow("Raw IPv4") << int(LinkType::Ipv4);
        QTest::newRow("Raw IPv6") << int(LinkType::Ipv6);
        QTest::newRow("Linux cooked v1") << int(LinkType::LinuxSll);
        QTest::newRow("Linux cooked v2") << int(LinkType::LinuxSll2);
    }

    void synthetic()
    {
        QFETCH(int, link);
        const auto frames = rewrap(pkt::syntheticEthernet(), LinkType(link));
        const QString path = m_dir.filePath(QStringLiteral("synthetic-%1.pcap").arg(link));
        QVERIFY(writePcap(path, LinkType(link), frames));
        int compared = 0;
        const QStringList problems = compareWithTshark(path, true, &compared);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 60).join(QLatin1Char('\n'))));
        QVERIFY(compared >= 4);
    }

    void realLoopback()
    {
        char err[PCAP_ERRBUF_SIZE] = {};
        pcap_t *p = pcap_create("lo", err);
        if (!p)
            QSKIP(qPrintable(QStringLiteral("cannot open lo: %1").arg(QString::fromLocal8Bit(err))));
        pcap_set_snaplen(p, 262144);
        pcap_set_immediate_mode(p, 1);
        pcap_set_timeout(p, 10);
        pcap_set_buffer_size(p, 16 << 20);
        pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO);
        if (pcap_activate(p) < 0) {
            const QString why = QString::fromLocal8Bit(pcap_geterr(p));
            pcap_close(p);
            QSKIP(
                qPrintable(QStringLiteral("cannot capture on lo (needs root or CAP_NET_RAW): %1").arg(why)));
        }
        QTcpServer server4, server6;
        QVERIFY(server4.listen(QHostAddress::LocalHost));
        const bool haveV6 = server6.listen(QHostAddress::LocalHostIPv6);
        QUdpSocket udpRx;
        QVERIFY(udpRx.bind(QHostAddress::LocalHost, 0));
        const QString filter = QStringLiteral("tcp port %1 or tcp port %2 or udp port %3 or icmp or icmp6")
                                   .arg(server4.serverPort())
                                   .arg(haveV6 ? server6.serverPort() : server4.serverPort())
                                   .arg(udpRx.localPort());
        bpf_program prog{};
        QVERIFY(pcap_compile(p, &prog, filter.toLatin1().constData(), 1, PCAP_NETMASK_UNKNOWN) == 0);
        QVERIFY(pcap_setfilter(p, &prog) == 0);
        pcap_freecode(&prog);
        pcap_setnonblock(p, 1, err);

        std::vector<pkt::TimedFrame> captured;
        auto pump = [&] {
            pcap_dispatch(
                p, -1,
                [](u_char *user, const pcap_pkthdr *h, const u_char *bytes) {
                    auto *out = reinterpret_cast<std::vector<pkt::TimedFrame> *>(user);
                    out->push_back({std::int64_t(h->ts.tv_sec) * 1000000000 + h->ts.tv_usec,
                                    pkt::Bytes(bytes, bytes + h->caplen)});
                },
                reinterpret_cast<u_char *>(&captured));
        };
        auto waitFor = [&](auto done, int ms = 5000) {
            QElapsedTimer t;
            t.start();
            while (!done() && t.elapsed() < ms) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
                pump();
            }
            return done();
        };

        auto conversation = [&](QTcpServer &server, const QHostAddress &addr, int bytes) {
            QTcpSocket client;
            client.connectToHost(addr, server.serverPort());
            QVERIFY(waitFor([&] {
                return client.state() == QAbstractSocket::ConnectedState && server.hasPendingConnections();
            }));
            QTcpSocket *peer = server.nextPendingConnection();
            QVERIFY(peer);
            client.write(QByteArray("GET /hello\r\n"));
            QVERIFY(waitFor([&] { return peer->bytesAvailable() >= 12; }));
            peer->readAll();
            peer->write(QByteArray(bytes, 'r'));
            qint64 got = 0;
            QVERIFY(waitFor([&] {
                got += client.readAll().size();
                return got >= bytes;
            }));
            client.disconnectFromHost();
            QVERIFY(waitFor(
                        [&] {
                            return peer->state() != QAbstractSocket::ConnectedState ||
                                   peer->bytesAvailable() == 0;
                        },
                        500) ||
                    true);
            peer->close();
            waitFor([&] { return client.state() == QAbstractSocket::UnconnectedState; }, 2000);
            delete peer;
        };
        conversation(server4, QHostAddress::LocalHost, 300000);
        if (QTest::currentTestFailed()) {
            pcap_close(p);
            return;
        }
        if (haveV6)
            conversation(server6, QHostAddress::LocalHostIPv6, 5000);
        QUdpSocket udpTx;
        for (int i = 0; i < 3; ++i)
            udpTx.writeDatagram(QByteArray(i + 1, 'u'), QHostAddress::LocalHost, udpRx.localPort());
        const bool icmp = sendEcho(false, 1) && sendEcho(false, 2);
        const bool icmp6 = sendEcho(true, 1);
        if (!icmp || !icmp6)
            qInfo("no raw socket for ICMP%s echo: that part of the comparison is left out", icmp ? "v6" : "");
        waitFor([] { return false; }, 300); // drain what is still in flight
        pcap_close(p);
        QVERIFY2(captured.size() >= 10,
                 qPrintable(QStringLiteral("only %1 packets captured").arg(captured.size())));

        const QString path = m_dir.filePath(QStringLiteral("loopback.pcap"));
        QVERIFY(writePcap(path, LinkType::Ethernet, captured));
        int compared = 0;
        const QStringList problems = compareWithTshark(path, false, &compared);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 60).join(QLatin1Char('\n'))));
        qInfo("compared %d captured loopback packets with tshark", compared);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TsharkDiff)
#include "tst_tshark_diff.moc"
