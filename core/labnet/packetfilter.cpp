// SPDX-License-Identifier: GPL-3.0-or-later
#include "labnet/packetfilter.h"

#include "dissect/dissect.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <pcap/pcap.h>

#include <array>
#include <cstring>
#include <mutex>
#include <optional>
#include <vector>

namespace wirelab {

namespace {

// Bounds that keep hostile input cheap: the parser recurses once per parenthesis or "not".
constexpr qsizetype kMaxExpressionLength = 4096;
constexpr int kMaxDepth = 64;

// ---- fields ----------------------------------------------------------------------------------------

enum class FieldType
{
    Number,
    Address,
    Flag,
    Protocol
};

enum class FieldId
{
    Ip,
    Ipv6,
    Tcp,
    Udp,
    Icmp,
    Icmpv6,
    IpSrc,
    IpDst,
    IpAddr,
    IpProto,
    IpTtl,
    Ipv6Src,
    Ipv6Dst,
    Ipv6Addr,
    Ipv6Nxt,
    Ipv6Hlim,
    FrameLen,
    TcpSrcPort,
    TcpDstPort,
    TcpPort,
    TcpLen,
    TcpSeqRaw,
    TcpAckRaw,
    TcpWindow,
    TcpSyn,
    TcpAck,
    TcpFin,
    TcpReset,
    TcpPush,
    TcpUrg,
    UdpSrcPort,
    UdpDstPort,
    UdpPort,
    UdpLength,
    IcmpType,
    IcmpCode,
};

struct FieldDef
{
    const char *name;
    FieldId id;
    FieldType type;
};

constexpr std::array kFields{
    FieldDef{"ip", FieldId::Ip, FieldType::Protocol},
    FieldDef{"ipv6", FieldId::Ipv6, FieldType::Protocol},
    FieldDef{"tcp", FieldId::Tcp, FieldType::Protocol},
    FieldDef{"udp", FieldId::Udp, FieldType::Protocol},
    FieldDef{"icmp", FieldId::Icmp, FieldType::Protocol},
    FieldDef{"icmpv6", FieldId::Icmpv6, FieldType::Protocol},
    FieldDef{"ip.src", FieldId::IpSrc, FieldType::Address},
    FieldDef{"ip.dst", FieldId::IpDst, FieldType::Address},
    FieldDef{"ip.addr", FieldId::IpAddr, FieldType::Address},
    FieldDef{"ip.proto", FieldId::IpProto, FieldType::Number},
    FieldDef{"ip.ttl", FieldId::IpTtl, FieldType::Number},
    FieldDef{"ipv6.src", FieldId::Ipv6Src, FieldType::Address},
    FieldDef{"ipv6.dst", FieldId::Ipv6Dst, FieldType::Address},
    FieldDef{"ipv6.addr", FieldId::Ipv6Addr, FieldType::Address},
    FieldDef{"ipv6.nxt", FieldId::Ipv6Nxt, FieldType::Number},
    FieldDef{"ipv6.hlim", FieldId::Ipv6Hlim, FieldType::Number},
    FieldDef{"frame.len", FieldId::FrameLen, FieldType::Number},
    FieldDef{"tcp.srcport", FieldId::TcpSrcPort, FieldType::Number},
    FieldDef{"tcp.dstport", FieldId::TcpDstPort, FieldType::Number},
    FieldDef{"tcp.port", FieldId::TcpPort, FieldType::Number},
    FieldDef{"tcp.len", FieldId::TcpLen, FieldType::Number},
    FieldDef{"tcp.seq_raw", FieldId::TcpSeqRaw, FieldType::Number},
    FieldDef{"tcp.ack_raw", FieldId::TcpAckRaw, FieldType::Number},
    FieldDef{"tcp.window_size_value", FieldId::TcpWindow, FieldType::Number},
    FieldDef{"tcp.flags.syn", FieldId::TcpSyn, FieldType::Flag},
    FieldDef{"tcp.flags.ack", FieldId::TcpAck, FieldType::Flag},
    FieldDef{"tcp.flags.fin", FieldId::TcpFin, FieldType::Flag},
    FieldDef{"tcp.flags.reset", FieldId::TcpReset, FieldType::Flag},
    FieldDef{"tcp.flags.push", FieldId::TcpPush, FieldType::Flag},
    FieldDef{"tcp.flags.urg", FieldId::TcpUrg, FieldType::Flag},
    FieldDef{"udp.srcport", FieldId::UdpSrcPort, FieldType::Number},
    FieldDef{"udp.dstport", FieldId::UdpDstPort, FieldType::Number},
    FieldDef{"udp.port", FieldId::UdpPort, FieldType::Number},
    FieldDef{"udp.length", FieldId::UdpLength, FieldType::Number},
    FieldDef{"icmp.type", FieldId::IcmpType, FieldType::Number},
    FieldDef{"icmp.code", FieldId::IcmpCode, FieldType::Number},
};

const FieldDef *findField(const QString &name)
{
    for (const FieldDef &f : kFields)
        if (name == QLatin1String(f.name))
            return &f;
    return nullptr;
}

// ---- tokens ----------------------------------------------------------------------------------------

enum class Tok
{
    End,
    Word,
    LParen,
    RParen,
    And,
    Or,
    Not,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Bad
};

struct Token
{
    Tok kind = Tok::End;
    int pos = 0; // 1-based column of the first character
    QString text;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u':' || c == u'/' || c == u'-';
}

std::vector<Token> tokenize(const QString &s)
{
    std::vector<Token> out;
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.pos = int(i) + 1;
        auto two = [&](const char *op) {
            return i + 1 < n && s.at(i) == QLatin1Char(op[0]) && s.at(i + 1) == QLatin1Char(op[1]);
        };
        if (two("==")) {
            t.kind = Tok::Eq;
            t.text = QStringLiteral("==");
            i += 2;
        } else if (two("!=")) {
            t.kind = Tok::Ne;
            t.text = QStringLiteral("!=");
            i += 2;
        } else if (two("<=")) {
            t.kind = Tok::Le;
            t.text = QStringLiteral("<=");
            i += 2;
        } else if (two(">=")) {
            t.kind = Tok::Ge;
            t.text = QStringLiteral(">=");
            i += 2;
        } else if (two("&&")) {
            t.kind = Tok::And;
            t.text = QStringLiteral("&&");
            i += 2;
        } else if (two("||")) {
            t.kind = Tok::Or;
            t.text = QStringLiteral("||");
            i += 2;
        } else if (c == u'<') {
            t.kind = Tok::Lt;
            t.text = QStringLiteral("<");
            ++i;
        } else if (c == u'>') {
            t.kind = Tok::Gt;
            t.text = QStringLiteral(">");
            ++i;
        } else if (c == u'!') {
            t.kind = Tok::Not;
            t.text = QStringLiteral("!");
            ++i;
        } else if (c == u'(') {
            t.kind = Tok::LParen;
            t.text = QStringLiteral("(");
            ++i;
        } else if (c == u')') {
            t.kind = Tok::RParen;
            t.text = QStringLiteral(")");
            ++i;
        } else if (isWordChar(c)) {
            const qsizetype start = i;
            while (i < n && isWordChar(s.at(i)))
                ++i;
            t.text = s.mid(start, i - start);
            const QString lower = t.text.toLower();
            if (lower == QLatin1String("and"))
                t.kind = Tok::And;
            else if (lower == QLatin1String("or"))
                t.kind = Tok::Or;
            else if (lower == QLatin1String("not"))
                t.kind = Tok::Not;
            else if (lower == QLatin1String("eq"))
                t.kind = Tok::Eq;
            else if (lower == QLatin1String("ne"))
                t.kind = Tok::Ne;
            else if (lower == QLatin1String("lt"))
                t.kind = Tok::Lt;
            else if (lower == QLatin1String("le"))
                t.kind = Tok::Le;
            else if (lower == QLatin1String("gt"))
                t.kind = Tok::Gt;
            else if (lower == QLatin1String("ge"))
                t.kind = Tok::Ge;
            else
                t.kind = Tok::Word;
        } else {
            t.kind = Tok::Bad;
            t.text = QString(c);
            ++i;
        }
        out.push_back(std::move(t));
    }
    Token end;
    end.kind = Tok::End;
    end.pos = int(n) + 1;
    out.push_back(end);
    return out;
}

// ---- syntax tree -------------------------------------------------------------------------------------

enum class NodeKind
{
    And,
    Or,
    Not,
    Present,
    Compare
};
enum class CmpOp
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge
};

struct AddressValue
{
    NetAddress::Family family = NetAddress::Family::None;
    std::array<std::uint8_t, 16> bytes{};
    int prefix = 0; // bits that must match
};

struct Node
{
    NodeKind kind = NodeKind::Present;
    int left = -1, right = -1; // child indices into the node vector
    FieldId field = FieldId::Ip;
    CmpOp op = CmpOp::Eq;
    std::uint64_t number = 0;
    AddressValue address;
};

struct ParseError
{
    int pos = 0;
    QString message;
};

class Parser
{
public:
    Parser(std::vector<Token> tokens, std::vector<Node> &nodes) : m_tokens(std::move(tokens)), m_nodes(nodes)
    {
    }

    // Returns the root node index, or -1 with m_error.
    int parse()
    {
        const int root = parseOr(0);
        if (root < 0)
            return -1;
        if (peek().kind != Tok::End) {
            fail(peek(), QCoreApplication::translate("PacketFilter",
                                                     "expected “and”, “or” or the end of the filter"));
            return -1;
        }
        return root;
    }
    const ParseError &error() const { return m_error; }

private:
    const Token &peek() const { return m_tokens[std::min(m_at, m_tokens.size() - 1)]; }
    const Token &next()
    {
        const Token &t = peek();
        if (m_at < m_tokens.size() - 1)
            ++m_at;
        return t;
    }
    void fail(const Token &at, const QString &what)
    {
        if (!m_error.message.isEmpty())
            return;
        m_error.pos = at.pos;
        m_error.message = at.kind == Tok::End
                              ? QCoreApplication::translate("PacketFilter", "at the end: %1").arg(what)
                              : QCoreApplication::translate("PacketFilter", "at position %1 (“%2”): %3")
                                    .arg(at.pos)
                                    .arg(at.text.left(40), what);
    }
    int add(Node n)
    {
        m_nodes.push_back(n);
        return int(m_nodes.size()) - 1;
    }
    bool tooDeep(int depth)
    {
        if (depth <= kMaxDepth)
            return false;
        fail(peek(), QCoreApplication::translate("PacketFilter", "the filter nests too deeply"));
        return true;
    }

    int parseOr(int depth)
    {
        if (tooDeep(depth))
            return -1;
        int left = parseAnd(depth + 1);
        while (left >= 0 && peek().kind == Tok::Or) {
            next();
            const int right = parseAnd(depth + 1);
            if (right < 0)
                return -1;
            Node n;
            n.kind = NodeKind::Or;
            n.left = left;
            n.right = right;
            left = add(n);
        }
        return left;
    }
    int parseAnd(int depth)
    {
        int left = parseNot(depth + 1);
        while (left >= 0 && peek().kind == Tok::And) {
            next();
            const int right = parseNot(depth + 1);
            if (right < 0)
                return -1;
            Node n;
            n.kind = NodeKind::And;
            n.left = left;
            n.right = right;
            left = add(n);
        }
        return left;
    }
    int parseNot(int depth)
    {
        if (tooDeep(depth))
            return -1;
        if (peek().kind == Tok::Not) {
            next();
            const int inner = parseNot(depth + 1);
            if (inner < 0)
                return -1;
            Node n;
            n.kind = NodeKind::Not;
            n.left = inner;
            return add(n);
        }
        return parsePrimary(depth + 1);
    }
    int parsePrimary(int depth)
    {
        const Token &t = peek();
        if (t.kind == Tok::LParen) {
            next();
            const int inner = parseOr(depth + 1);
            if (inner < 0)
                return -1;
            if (peek().kind != Tok::RParen) {
                fail(peek(), QCoreApplication::translate("PacketFilter", "expected “)”"));
                return -1;
            }
            next();
            return inner;
        }
        if (t.kind != Tok::Word) {
            fail(t, QCoreApplication::translate("PacketFilter",
                                                "expected a field name such as tcp.flags.syn or a “(”"));
            return -1;
        }
        const FieldDef *field = findField(t.text.toLower());
        if (!field) {
            fail(t, QCoreApplication::translate("PacketFilter", "unknown field"));
            return -1;
        }
        next();
        Node n;
        n.field = field->id;
        const Tok opKind = peek().kind;
        if (opKind < Tok::Eq || opKind > Tok::Ge) {
            n.kind = NodeKind::Present;
            return add(n);
        }
        const Token &opTok = next();
        n.kind = NodeKind::Compare;
        n.op = CmpOp(int(opKind) - int(Tok::Eq));
        const Token &value = peek();
        if (field->type == FieldType::Protocol) {
            fail(opTok,
                 QCoreApplication::translate(
                     "PacketFilter", "a protocol name cannot be compared; test a field such as tcp.port"));
            return -1;
        }
        if (value.kind != Tok::Word) {
            fail(value,
                 QCoreApplication::translate("PacketFilter", "expected a value after “%1”").arg(opTok.text));
            return -1;
        }
        if (field->type == FieldType::Address) {
            if (n.op != CmpOp::Eq && n.op != CmpOp::Ne) {
                fail(opTok, QCoreApplication::translate("PacketFilter",
                                                        "addresses can only be compared with == or !="));
                return -1;
            }
            if (!parseAddress(value.text, &n.address)) {
                fail(value,
                     QCoreApplication::translate(
                         "PacketFilter", "expected an IP address such as 198.18.0.2 or 198.18.0.0/15"));
                return -1;
            }
            const bool wantV6 =
                n.field == FieldId::Ipv6Src || n.field == FieldId::Ipv6Dst || n.field == FieldId::Ipv6Addr;
            if ((n.address.family == NetAddress::Family::IPv6) != wantV6) {
                fail(value, wantV6 ? QCoreApplication::translate("PacketFilter", "expected an IPv6 address")
                                   : QCoreApplication::translate("PacketFilter", "expected an IPv4 address"));
                return -1;
            }
        } else {
            bool ok = false;
            const QString lower = value.text.toLower();
            if (field->type == FieldType::Flag &&
                (lower == QLatin1String("true") || lower == QLatin1String("false"))) {
                n.number = lower == QLatin1String("true") ? 1 : 0;
                ok = true;
            } else {
                n.number = value.text.toULongLong(&ok, 0);
            }
            if (!ok) {
                fail(value, QCoreApplication::translate("PacketFilter", "expected a number"));
                return -1;
            }
        }
        next();
        return add(n);
    }

    static bool parseAddress(const QString &text, AddressValue *out)
    {
        QString addr = text;
        int prefix = -1;
        const qsizetype slash = text.indexOf(u'/');
        if (slash >= 0) {
            bool ok = false;
            prefix = text.mid(slash + 1).toInt(&ok);
            if (!ok || prefix < 0)
                return false;
            addr = text.left(slash);
        }
        QHostAddress host;
        if (addr.isEmpty() || !host.setAddress(addr))
            return false;
        if (host.protocol() == QAbstractSocket::IPv4Protocol) {
            if (prefix > 32 || !addr.contains(u'.'))
                return false; // QHostAddress also accepts "1234" as an IPv4 number; students mean a port
            out->family = NetAddress::Family::IPv4;
            const quint32 v = host.toIPv4Address();
            out->bytes[0] = std::uint8_t(v >> 24);
            out->bytes[1] = std::uint8_t(v >> 16);
            out->bytes[2] = std::uint8_t(v >> 8);
            out->bytes[3] = std::uint8_t(v);
            out->prefix = prefix < 0 ? 32 : prefix;
        } else if (host.protocol() == QAbstractSocket::IPv6Protocol) {
            if (prefix > 128 || !host.scopeId().isEmpty())
                return false;
            out->family = NetAddress::Family::IPv6;
            const Q_IPV6ADDR v = host.toIPv6Address();
            std::memcpy(out->bytes.data(), v.c, 16);
            out->prefix = prefix < 0 ? 128 : prefix;
        } else {
            return false;
        }
        return true;
    }

    std::vector<Token> m_tokens;
    std::vector<Node> &m_nodes;
    std::size_t m_at = 0;
    ParseError m_error;
};

// ---- evaluation --------------------------------------------------------------------------------------

struct PacketView
{
    const PacketSummary &s;
    std::size_t length;
    bool v4() const { return s.src.family == NetAddress::Family::IPv4; }
    bool v6() const { return s.src.family == NetAddress::Family::IPv6; }
    bool tcp() const { return s.protocol == Protocol::Tcp; }
    bool udp() const { return s.protocol == Protocol::Udp; }
    bool icmp() const { return s.protocol == Protocol::Icmp; }
};

bool addressMatches(const NetAddress &a, const AddressValue &v)
{
    if (a.family != v.family)
        return false;
    const int fullBytes = v.prefix / 8;
    if (std::memcmp(a.bytes.data(), v.bytes.data(), std::size_t(fullBytes)) != 0)
        return false;
    const int rest = v.prefix % 8;
    if (rest == 0)
        return true;
    const std::uint8_t mask = std::uint8_t(0xFF << (8 - rest));
    return (a.bytes[std::size_t(fullBytes)] & mask) == (v.bytes[std::size_t(fullBytes)] & mask);
}

bool compareNumber(std::uint64_t a, CmpOp op, std::uint64_t b)
{
    switch (op) {
    case CmpOp::Eq:
        return a == b;
    case CmpOp::Ne:
        return a != b;
    case CmpOp::Lt:
        return a < b;
    case CmpOp::Le:
        return a <= b;
    case CmpOp::Gt:
        return a > b;
    case CmpOp::Ge:
        return a >= b;
    }
    return false;
}

// Up to two values per field (ip.addr, tcp.port: source and destination); count 0 = field absent.
struct Values
{
    int count = 0;
    std::array<std::uint64_t, 2> n{};
};

Values numberValues(const PacketView &p, FieldId f)
{
    const PacketSummary &s = p.s;
    Values v;
    auto one = [&v](std::uint64_t x) {
        v.count = 1;
        v.n[0] = x;
    };
    auto two = [&v](std::uint64_t x, std::uint64_t y) {
        v.count = 2;
        v.n[0] = x;
        v.n[1] = y;
    };
    auto flag = [&](std::uint16_t bit) {
        if (p.tcp() && s.tcpHeaderLength > 0)
            one((s.tcpFlags & bit) ? 1 : 0);
    };
    switch (f) {
    case FieldId::IpProto:
        if (p.v4())
            one(s.ipProtocol);
        break;
    case FieldId::IpTtl:
        if (p.v4())
            one(s.ipTtl);
        break;
    case FieldId::Ipv6Nxt:
        if (p.v6())
            one(s.ipProtocol);
        break;
    case FieldId::Ipv6Hlim:
        if (p.v6())
            one(s.ipTtl);
        break;
    case FieldId::FrameLen:
        one(p.length);
        break;
    case FieldId::TcpSrcPort:
        if (p.tcp() && s.hasPorts)
            one(s.srcPort);
        break;
    case FieldId::TcpDstPort:
        if (p.tcp() && s.hasPorts)
            one(s.dstPort);
        break;
    case FieldId::TcpPort:
        if (p.tcp() && s.hasPorts)
            two(s.srcPort, s.dstPort);
        break;
    case FieldId::TcpLen:
        if (p.tcp() && s.tcpHeaderLength > 0)
            one(s.payloadLength);
        break;
    case FieldId::TcpSeqRaw:
        if (p.tcp() && s.tcpHeaderLength > 0)
            one(s.tcpSeq);
        break;
    case FieldId::TcpAckRaw:
        if (p.tcp() && s.tcpHeaderLength > 0)
            one(s.tcpAck);
        break;
    case FieldId::TcpWindow:
        if (p.tcp() && s.tcpHeaderLength > 0)
            one(s.tcpWindow);
        break;
    case FieldId::TcpSyn:
        flag(TcpSyn);
        break;
    case FieldId::TcpAck:
        flag(TcpAck);
        break;
    case FieldId::TcpFin:
        flag(TcpFin);
        break;
    case FieldId::TcpReset:
        flag(TcpRst);
        break;
    case FieldId::TcpPush:
        flag(TcpPsh);
        break;
    case FieldId::TcpUrg:
        flag(TcpUrg);
        break;
    case FieldId::UdpSrcPort:
        if (p.udp() && s.hasPorts)
            one(s.srcPort);
        break;
    case FieldId::UdpDstPort:
        if (p.udp() && s.hasPorts)
            one(s.dstPort);
        break;
    case FieldId::UdpPort:
        if (p.udp() && s.hasPorts)
            two(s.srcPort, s.dstPort);
        break;
    case FieldId::UdpLength:
        if (p.udp() && s.hasPorts)
            one(s.udpLength);
        break;
    case FieldId::IcmpType:
        if (p.icmp())
            one(s.icmpType);
        break;
    case FieldId::IcmpCode:
        if (p.icmp())
            one(s.icmpCode);
        break;
    default:
        break;
    }
    return v;
}

bool present(const PacketView &p, FieldId f)
{
    switch (f) {
    case FieldId::Ip:
    case FieldId::IpSrc:
    case FieldId::IpDst:
    case FieldId::IpAddr:
        return p.v4();
    case FieldId::Ipv6:
    case FieldId::Ipv6Src:
    case FieldId::Ipv6Dst:
    case FieldId::Ipv6Addr:
        return p.v6();
    case FieldId::Tcp:
        return p.tcp();
    case FieldId::Udp:
        return p.udp();
    case FieldId::Icmp:
        return p.icmp();
    case FieldId::Icmpv6:
        return p.s.protocol == Protocol::Icmpv6;
    default:
        return numberValues(p, f).count > 0;
    }
}

bool evaluate(const std::vector<Node> &nodes, int index, const PacketView &p)
{
    // Depth is bounded by the parser (kMaxDepth), so this recursion is too.
    const Node &n = nodes[std::size_t(index)];
    switch (n.kind) {
    case NodeKind::And:
        return evaluate(nodes, n.left, p) && evaluate(nodes, n.right, p);
    case NodeKind::Or:
        return evaluate(nodes, n.left, p) || evaluate(nodes, n.right, p);
    case NodeKind::Not:
        return !evaluate(nodes, n.left, p);
    case NodeKind::Present:
        return present(p, n.field);
    case NodeKind::Compare:
        break;
    }
    bool any = false;
    switch (n.field) {
    case FieldId::IpSrc:
    case FieldId::Ipv6Src:
        if (!present(p, n.field))
            return false;
        any = addressMatches(p.s.src, n.address);
        break;
    case FieldId::IpDst:
    case FieldId::Ipv6Dst:
        if (!present(p, n.field))
            return false;
        any = addressMatches(p.s.dst, n.address);
        break;
    case FieldId::IpAddr:
    case FieldId::Ipv6Addr:
        if (!present(p, n.field))
            return false;
        any = addressMatches(p.s.src, n.address) || addressMatches(p.s.dst, n.address);
        break;
    default: {
        const Values v = numberValues(p, n.field);
        if (v.count == 0)
            return false;
        if (n.op == CmpOp::Ne) {
            // As Wireshark (3.6 and later): "a != b" is "not a == b" for fields with several values.
            for (int i = 0; i < v.count; ++i)
                if (v.n[std::size_t(i)] == n.number)
                    return false;
            return true;
        }
        for (int i = 0; i < v.count; ++i)
            any = any || compareNumber(v.n[std::size_t(i)], n.op, n.number);
        return any;
    }
    }
    return n.op == CmpOp::Ne ? !any : any;
}

// libpcap's grammar is generated by bison; serialise its use as older releases kept global state.
std::mutex &pcapCompileMutex()
{
    static std::mutex m;
    return m;
}

} // namespace

struct PacketFilter::Impl
{
    QString expression;
    Kind kind = Kind::None;
    std::vector<Node> nodes;
    int root = -1;
    bpf_program bpf{};
    bool haveBpf = false;

    ~Impl()
    {
        if (haveBpf)
            pcap_freecode(&bpf);
    }
};

PacketFilter::PacketFilter() : d(std::make_unique<Impl>()) {}
PacketFilter::~PacketFilter() = default;
PacketFilter::PacketFilter(PacketFilter &&) noexcept = default;
PacketFilter &PacketFilter::operator=(PacketFilter &&) noexcept = default;

bool PacketFilter::compile(const QString &expression, QString *error)
{
    auto impl = std::make_unique<Impl>();
    impl->expression = expression;
    const QString trimmed = expression.trimmed();
    if (trimmed.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate(
                "PacketFilter", "The filter is empty; write one such as tcp.flags.syn == 1.");
        d = std::move(impl);
        return false;
    }
    if (trimmed.size() > kMaxExpressionLength) {
        if (error)
            *error = QCoreApplication::translate(
                         "PacketFilter", "The filter is longer than %1 characters; write a shorter one.")
                         .arg(kMaxExpressionLength);
        d = std::move(impl);
        return false;
    }

    Parser parser(tokenize(trimmed), impl->nodes);
    const int root = parser.parse();
    if (root >= 0) {
        impl->root = root;
        impl->kind = Kind::Display;
        d = std::move(impl);
        return true;
    }
    impl->nodes.clear();

    // Not a display filter: try libpcap's capture-filter syntax for raw IP packets.
    QString bpfError;
    {
        const std::lock_guard<std::mutex> lock(pcapCompileMutex());
        pcap_t *dead = pcap_open_dead(DLT_RAW, 65535);
        if (dead) {
            const QByteArray text = trimmed.toUtf8();
            if (text.contains('\0') == false &&
                pcap_compile(dead, &impl->bpf, text.constData(), 1, PCAP_NETMASK_UNKNOWN) == 0) {
                impl->haveBpf = true;
            } else {
                bpfError = QString::fromLocal8Bit(pcap_geterr(dead));
            }
            pcap_close(dead);
        } else {
            bpfError =
                QCoreApplication::translate("PacketFilter", "libpcap could not start its filter compiler");
        }
    }
    if (impl->haveBpf) {
        impl->kind = Kind::Bpf;
        d = std::move(impl);
        return true;
    }
    if (error)
        *error = QCoreApplication::translate(
                     "PacketFilter",
                     "“%1” is not a filter: as a display filter, %2; as a capture filter, libpcap says “%3”.")
                     .arg(trimmed.left(80), parser.error().message, bpfError);
    d = std::make_unique<Impl>();
    d->expression = expression;
    return false;
}

bool PacketFilter::isValid() const
{
    return d && d->kind != Kind::None;
}

QString PacketFilter::expression() const
{
    return d ? d->expression : QString();
}

PacketFilter::Kind PacketFilter::kind() const
{
    return d ? d->kind : Kind::None;
}

bool PacketFilter::matches(std::span<const std::uint8_t> ipPacket) const
{
    if (!d)
        return false;
    switch (d->kind) {
    case Kind::None:
        return false;
    case Kind::Bpf: {
        if (ipPacket.empty() || ipPacket.size() > 0xFFFFFFFFu)
            return false;
        pcap_pkthdr header{};
        header.caplen = bpf_u_int32(ipPacket.size());
        header.len = header.caplen;
        return pcap_offline_filter(&d->bpf, &header, ipPacket.data()) != 0;
    }
    case Kind::Display: {
        PacketSummary s;
        if (ipPacket.empty() || !dissectSummary(LinkType::Raw, ipPacket, s))
            return false;
        const PacketView view{s, ipPacket.size()};
        return evaluate(d->nodes, d->root, view);
    }
    }
    return false;
}

} // namespace wirelab
