// SPDX-License-Identifier: GPL-3.0-or-later
// TCP conversation tracking in capture order, following Wireshark's sequence analysis
// (epan/dissectors/packet-tcp.c, tcp_analyze_sequence_number) closely enough that tcp.stream, relative
// numbers, RTTs and the retransmission / dup-ACK / window findings match tshark on ordinary traffic.
#include "tcptracker.h"

#include <algorithm>
#include <atomic>
#include <cstring>

namespace wirelab {

namespace {

inline bool gtSeq(std::uint32_t a, std::uint32_t b)
{
    return std::int32_t(a - b) > 0;
}
inline bool ltSeq(std::uint32_t a, std::uint32_t b)
{
    return std::int32_t(a - b) < 0;
}
inline bool leSeq(std::uint32_t a, std::uint32_t b)
{
    return std::int32_t(a - b) <= 0;
}

constexpr std::size_t kMaxUnacked = 1000; // Wireshark's TCP_MAX_UNACKED_SEGMENTS
constexpr std::int64_t kFastRetransmissionWindowNs = 20'000'000;
constexpr std::int64_t kDefaultOutOfOrderNs = 3'000'000;

struct Key
{
    std::uint8_t family = 0;
    std::uint8_t pad = 0;
    std::uint16_t portA = 0, portB = 0;
    std::array<std::uint8_t, 16> a{}, b{};
    bool operator==(const Key &o) const
    {
        return family == o.family && portA == o.portA && portB == o.portB && a == o.a && b == o.b;
    }
};

struct KeyHash
{
    std::size_t operator()(const Key &k) const noexcept
    {
        std::uint64_t w[4];
        std::memcpy(&w[0], k.a.data(), 8);
        std::memcpy(&w[1], k.a.data() + 8, 8);
        std::memcpy(&w[2], k.b.data(), 8);
        std::memcpy(&w[3], k.b.data() + 8, 8);
        std::uint64_t h =
            0x9E3779B97F4A7C15ull ^ (std::uint64_t(k.portA) << 32 | std::uint64_t(k.portB) << 16 | k.family);
        for (std::uint64_t x : w) {
            h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
            h *= 0xFF51AFD7ED558CCDull;
            h ^= h >> 33;
        }
        return std::size_t(h);
    }
};

struct Segment
{
    std::uint32_t frame;
    std::uint32_t seq;
    std::uint32_t nextSeq;
    std::int64_t timeNs;
};

} // namespace

struct TcpConversationTracker::Side
{
    bool baseSet = false;
    std::uint32_t base = 0;
    std::uint32_t nextSeq = 0; // 0: not known yet (as in Wireshark)
    std::uint32_t nextSeqFrame = 0;
    std::int64_t nextSeqTime = 0;
    std::uint32_t maxSeqToBeAcked = 0;
    std::uint32_t lastAck = 0;
    std::int64_t lastAckTime = 0;
    std::uint32_t window = 0xFFFFFFFFu;
    std::int32_t winScale = -1;
    std::int32_t dupAckNum = 0;
    std::uint32_t lastNonDupAck = 0;
    std::uint16_t lastSegmentFlags = 0;
    bool validBif = true;
    bool finSent = false;
    std::uint32_t finSeq = 0;
    std::vector<Segment> unacked; // oldest first
    // The ACK value the peer last walked `unacked` with. Walking again with the same value before anything
    // new was appended changes nothing, so it is skipped (keeps pure-ACK floods cheap).
    bool scanValid = false;
    std::uint32_t scannedAck = 0;
};

struct TcpConversationTracker::State
{
    struct Conv
    {
        Side side[2]; // [0] client -> server, [1] server -> client
        bool synTimeSet = false;
        std::int64_t synTimeNs = 0;
        std::int64_t firstRttNs = -1;
    };
    std::unordered_map<Key, std::uint32_t, KeyHash> index;
    std::vector<Conv> convs;
    std::vector<std::uint32_t> frames;       // TCP frame numbers, increasing
    std::vector<TcpPacketAnalysis> analyses; // parallel to frames
    std::uint32_t lastFrame = 0;
    // Where the last lookup landed; relaxed atomic so that concurrent readers stay well-defined.
    mutable std::atomic<std::size_t> hint{0};
};

const char *tcpStateName(TcpState state)
{
    switch (state) {
    case TcpState::Closed:
        return "CLOSED";
    case TcpState::SynSent:
        return "SYN_SENT";
    case TcpState::SynReceived:
        return "SYN_RECEIVED";
    case TcpState::Established:
        return "ESTABLISHED";
    case TcpState::FinWait1:
        return "FIN_WAIT_1";
    case TcpState::FinWait2:
        return "FIN_WAIT_2";
    case TcpState::Closing:
        return "CLOSING";
    case TcpState::TimeWait:
        return "TIME_WAIT";
    case TcpState::CloseWait:
        return "CLOSE_WAIT";
    case TcpState::LastAck:
        return "LAST_ACK";
    case TcpState::Reset:
        return "RESET";
    }
    return "?";
}

TcpConversationTracker::TcpConversationTracker() : m_state(std::make_unique<State>()) {}
TcpConversationTracker::~TcpConversationTracker() = default;

void TcpConversationTracker::clear()
{
    m_state = std::make_unique<State>();
    m_conversations.clear();
}

const TcpPacketAnalysis *TcpConversationTracker::analysis(std::uint32_t frameNumber) const
{
    const State &st = *m_state;
    const auto &f = st.frames;
    if (f.empty())
        return nullptr;
    // Lists walk frames in order: try the slot after the previous answer first.
    const std::size_t h = st.hint.load(std::memory_order_relaxed);
    if (h < f.size() && f[h] == frameNumber)
        return &st.analyses[h];
    if (h + 1 < f.size() && f[h + 1] == frameNumber) {
        st.hint.store(h + 1, std::memory_order_relaxed);
        return &st.analyses[h + 1];
    }
    auto it = std::lower_bound(f.begin(), f.end(), frameNumber);
    if (it == f.end() || *it != frameNumber)
        return nullptr;
    const std::size_t i = std::size_t(it - f.begin());
    st.hint.store(i, std::memory_order_relaxed);
    return &st.analyses[i];
}

void TcpConversationTracker::add(std::uint32_t frameNumber, std::int64_t timeNs, const PacketSummary &s)
{
    if (s.protocol != Protocol::Tcp || !s.hasPorts || s.tcpHeaderLength < 20)
        return;
    // A header that claims more bytes than were captured still belongs to its conversation (tshark gives it
    // a stream index) but takes no part in the sequence analysis.
    const bool headerComplete = s.payloadOffset >= 0;
    if (s.src.family != s.dst.family ||
        (s.src.family != NetAddress::Family::IPv4 && s.src.family != NetAddress::Family::IPv6))
        return;
    State &st = *m_state;
    if (frameNumber <= st.lastFrame && !st.frames.empty())
        return; // must increase
    st.lastFrame = frameNumber;

    const std::uint16_t flags = s.tcpFlags;
    const bool syn = flags & TcpSyn, ackFlag = flags & TcpAck, fin = flags & TcpFin, rst = flags & TcpRst;
    const std::uint32_t seq = s.tcpSeq, ack = s.tcpAck, seglen = s.payloadLength, window = s.tcpWindow;

    // Conversation lookup by the unordered 4-tuple.
    Key key;
    key.family = std::uint8_t(s.src.family);
    const int cmp = std::memcmp(s.src.bytes.data(), s.dst.bytes.data(), 16);
    const bool srcFirst = cmp < 0 || (cmp == 0 && s.srcPort <= s.dstPort);
    key.a = srcFirst ? s.src.bytes : s.dst.bytes;
    key.b = srcFirst ? s.dst.bytes : s.src.bytes;
    key.portA = srcFirst ? s.srcPort : s.dstPort;
    key.portB = srcFirst ? s.dstPort : s.srcPort;

    std::uint16_t aflags = 0;
    auto create = [&]() -> std::uint32_t {
        const std::uint32_t idx = std::uint32_t(m_conversations.size());
        TcpConversation c;
        // The client sent the first SYN; a SYN-ACK seen first was sent by the server.
        const bool senderIsClient = !(syn && ackFlag);
        c.clientAddress = senderIsClient ? s.src : s.dst;
        c.serverAddress = senderIsClient ? s.dst : s.src;
        c.clientPort = senderIsClient ? s.srcPort : s.dstPort;
        c.serverPort = senderIsClient ? s.dstPort : s.srcPort;
        c.firstFrame = frameNumber;
        m_conversations.push_back(c);
        st.convs.emplace_back();
        st.index[key] = idx;
        return idx;
    };
    std::uint32_t ci;
    auto found = st.index.find(key);
    if (found == st.index.end()) {
        ci = create();
    } else {
        ci = found->second;
        // Port reuse: a new SYN with another initial sequence number starts a new conversation.
        TcpConversation &old = m_conversations[ci];
        const bool oldFromClient = old.clientAddress == s.src && old.clientPort == s.srcPort;
        const Side &fwd = st.convs[ci].side[oldFromClient ? 0 : 1];
        if (syn && !ackFlag && fwd.baseSet && seq != fwd.base) {
            ci = create();
            aflags |= TcpPortsReused;
        }
    }
    TcpConversation &c = m_conversations[ci];
    State::Conv &cv = st.convs[ci];
    const bool fromClient = c.clientAddress == s.src && c.clientPort == s.srcPort;
    Side &F = cv.side[fromClient ? 0 : 1];
    Side &R = cv.side[fromClient ? 1 : 0];
    if (!headerComplete) {
        TcpPacketAnalysis a;
        a.conversation = ci;
        a.fromClient = fromClient;
        a.relativeSeq = seq - (F.baseSet ? F.base : 0);
        a.relativeAck = ackFlag && R.baseSet ? ack - R.base : ack;
        a.nextSeq = a.relativeSeq;
        a.windowScale = F.winScale;
        c.lastFrame = frameNumber;
        c.packets++;
        st.frames.push_back(frameNumber);
        st.analyses.push_back(a);
        return;
    }

    // Handshake bookkeeping and the initial RTT (first pure ACK after the most recent SYN).
    if (syn && !ackFlag) {
        if (!c.sawSyn) {
            c.sawSyn = true;
            c.synFrame = frameNumber;
            c.clientIsn = seq;
        }
    } else if (syn && ackFlag) {
        if (!c.sawSynAck) {
            c.sawSynAck = true;
            c.synAckFrame = frameNumber;
            c.serverIsn = seq;
        }
    }
    if (ackFlag && !syn && cv.synTimeSet && cv.firstRttNs < 0) {
        cv.firstRttNs = timeNs - cv.synTimeNs;
        c.initialRttNs = cv.firstRttNs;
        if (c.sawSynAck && !c.handshakeComplete) {
            c.handshakeComplete = true;
            c.ackFrame = frameNumber;
        }
    }
    if (syn && !ackFlag) {
        cv.synTimeSet = true;
        cv.synTimeNs = timeNs;
    }

    // ---- Sequence analysis (tcp_analyze_sequence_number) ----
    bool hasTa = false;
    std::uint32_t dupNum = 0, dupFrame = 0;
    std::int64_t ackRtt = -1;

    if (!F.baseSet) {
        F.base = syn ? seq : seq - 1;
        F.baseSet = true;
    }
    if (!R.baseSet && ackFlag) {
        R.base = ack - 1;
        R.baseSet = true;
    }
    if (ackFlag)
        R.validBif = true;

    const bool synFinRst = flags & (TcpSyn | TcpFin | TcpRst);
    do {
        if (seglen == 1 && seq == F.nextSeq && R.window == 0) {
            aflags |= TcpZeroWindowProbe;
            break;
        }
        if (window == 0 && !synFinRst)
            aflags |= TcpZeroWindow;
        if (F.nextSeq && gtSeq(seq, F.nextSeq) && !rst) {
            aflags |= TcpPreviousSegmentNotCaptured;
            F.validBif = false;
        }
        if (seglen <= 1 && seq == F.nextSeq - 1 && !synFinRst)
            aflags |= TcpKeepAlive;
        if (seglen == 0 && window && window != F.window && seq == F.nextSeq && ack == F.lastAck && !synFinRst)
            aflags |= TcpWindowUpdate;
        if (seglen > 0 && R.winScale != -1 && !synFinRst) {
            const std::uint32_t rwin = R.window << (R.winScale == -2 ? 0 : std::min(R.winScale, 14));
            if (seq + seglen == R.lastAck + rwin)
                aflags |= TcpWindowFull;
        }
        const bool repeat =
            seglen == 0 && window == F.window && seq == F.nextSeq && ack == F.lastAck && !synFinRst;
        if (repeat && window && (R.lastSegmentFlags & TcpKeepAlive)) {
            aflags |= TcpKeepAliveAck;
            break;
        }
        if (repeat && window == 0 && (R.lastSegmentFlags & TcpZeroWindowProbe)) {
            aflags |= TcpZeroWindowProbeAck;
            break;
        }
        if (repeat && window) {
            F.dupAckNum = F.dupAckNum < 0 ? 1 : F.dupAckNum + 1;
            aflags |= TcpDupAck;
            dupNum = std::uint32_t(F.dupAckNum);
            dupFrame = F.lastNonDupAck;
        }
    } while (false);
    // finished_fwd:
    if (ack != F.lastAck) {
        F.lastNonDupAck = frameNumber;
        F.dupAckNum = 0;
    }
    if (R.maxSeqToBeAcked && gtSeq(ack, R.maxSeqToBeAcked) && ackFlag) {
        aflags |= TcpAckedUnseenSegment;
        R.maxSeqToBeAcked = R.nextSeq;
    }
    if ((seglen > 0 || (flags & (TcpSyn | TcpFin))) && !(aflags & TcpKeepAlive)) {
        bool notAdvanced = F.nextSeq && ltSeq(seq, F.nextSeq);
        if (seglen > 1 && F.nextSeq - 1 == seq)
            notAdvanced = false;
        if (seglen > 0 && R.lastAck && leSeq(seq + seglen, R.lastAck)) {
            aflags |= TcpSpuriousRetransmission;
        } else if (notAdvanced && R.dupAckNum >= 2 && R.lastAck == seq &&
                   timeNs - R.lastAckTime < kFastRetransmissionWindowNs) {
            aflags |= TcpFastRetransmission;
        } else {
            const std::int64_t threshold = cv.firstRttNs > 0 ? cv.firstRttNs : kDefaultOutOfOrderNs;
            const std::uint32_t end = seq + seglen + ((flags & (TcpSyn | TcpFin)) ? 1 : 0);
            if (notAdvanced && timeNs - F.nextSeqTime < threshold && F.nextSeq != end)
                aflags |= TcpOutOfOrder;
            else if (notAdvanced)
                aflags |= TcpRetransmission;
        }
    }
    // finished_checking_retransmission_type:
    std::uint32_t nextSeq = seq + seglen;
    if ((seglen || (flags & (TcpSyn | TcpFin))) && F.unacked.size() < kMaxUnacked) {
        if (flags & (TcpSyn | TcpFin))
            nextSeq += 1;
        F.unacked.push_back({frameNumber, seq, nextSeq, timeNs});
        F.scanValid = false;
    }
    if (gtSeq(nextSeq, F.nextSeq) || !F.nextSeq) {
        if (!(aflags & TcpZeroWindowProbe)) {
            F.nextSeq = nextSeq;
            F.nextSeqFrame = frameNumber;
            F.nextSeqTime = timeNs;
        }
    }
    if (seq == F.maxSeqToBeAcked || !F.maxSeqToBeAcked) {
        if (!(aflags & TcpZeroWindowProbe))
            F.maxSeqToBeAcked = F.nextSeq;
    }
    F.window = window;
    F.lastAck = ack;
    F.lastAckTime = timeNs;
    F.lastSegmentFlags = aflags;

    // Segments of the other direction that this ACK covers. Wireshark walks newest first; the oldest exact
    // match is the one reported.
    auto &ua = R.unacked;
    const bool skipScan = R.scanValid && R.scannedAck == ack;
    R.scanValid = true;
    R.scannedAck = ack;
    for (std::size_t i = skipScan ? 0 : ua.size(); i-- > 0;) {
        Segment &sg = ua[i];
        if (ack == sg.nextSeq) {
            hasTa = true;
            const std::int64_t rtt = timeNs - sg.timeNs;
            ackRtt = rtt != 0 ? rtt : -1;
        } else if (gtSeq(ack, sg.seq) && leSeq(ack, sg.nextSeq)) {
            sg.seq = ack;
            continue;
        } else if (gtSeq(sg.nextSeq, ack)) {
            continue;
        }
        ua.erase(ua.begin() + std::ptrdiff_t(i));
    }
    if (seglen != 0 && !F.unacked.empty() && F.validBif)
        hasTa = true; // bytes in flight / push bytes

    // ---- Window scaling (SYN options) ----
    if (syn) {
        if (s.tcpWindowScale >= 0)
            F.winScale = s.tcpWindowScale;
        if (F.winScale == -1) {
            F.winScale = -2;
            R.winScale = -2;
        } else if (ackFlag && R.winScale == -2) {
            F.winScale = -2;
        }
    }

    // ---- Per-side state as seen on the wire ----
    TcpState &me = fromClient ? c.clientState : c.serverState;
    TcpState &peer = fromClient ? c.serverState : c.clientState;
    if (rst) {
        me = TcpState::Reset;
        peer = TcpState::Reset;
    } else {
        if (syn && !ackFlag) {
            if (me == TcpState::Closed || me == TcpState::TimeWait || me == TcpState::Reset)
                me = TcpState::SynSent;
        } else if (syn && ackFlag) {
            me = TcpState::SynReceived;
            if (peer == TcpState::Closed)
                peer = TcpState::SynSent;
        } else {
            if (me == TcpState::Closed)
                me = TcpState::Established; // joined mid-stream
            if (ackFlag && me == TcpState::SynSent && R.baseSet && ack == R.base + 1)
                me = TcpState::Established;
            if (ackFlag && peer == TcpState::SynReceived && ack == R.base + 1)
                peer = TcpState::Established;
            if (ackFlag && me == TcpState::SynReceived)
                me = TcpState::Established;
        }
        // The peer's FIN is acknowledged.
        if (ackFlag && R.finSent && !gtSeq(R.finSeq + 1, ack)) {
            if (peer == TcpState::FinWait1)
                peer = TcpState::FinWait2;
            else if (peer == TcpState::Closing)
                peer = TcpState::TimeWait;
            else if (peer == TcpState::LastAck)
                peer = TcpState::Closed;
        }
        if (fin && !(F.finSent && F.finSeq == seq + seglen)) {
            F.finSent = true;
            F.finSeq = seq + seglen;
            if (me == TcpState::CloseWait)
                me = TcpState::LastAck;
            else if (me != TcpState::LastAck && me != TcpState::Closing && me != TcpState::FinWait2)
                me = TcpState::FinWait1;
            // The peer hears the FIN.
            if (peer == TcpState::Established || peer == TcpState::SynReceived)
                peer = TcpState::CloseWait;
            else if (peer == TcpState::FinWait1)
                peer = TcpState::Closing;
            else if (peer == TcpState::FinWait2)
                peer = TcpState::TimeWait;
        }
    }

    // ---- Conversation statistics ----
    c.lastFrame = frameNumber;
    c.packets++;
    (fromClient ? c.bytesFromClient : c.bytesFromServer) += seglen;
    if (aflags & (TcpRetransmission | TcpFastRetransmission | TcpSpuriousRetransmission))
        c.retransmissions++;
    if (aflags & TcpDupAck)
        c.dupAcks++;

    TcpPacketAnalysis a;
    a.conversation = ci;
    a.fromClient = fromClient;
    a.relativeSeq = seq - F.base;
    a.relativeAck = ackFlag ? ack - R.base : ack;
    a.nextSeq = a.relativeSeq + seglen + ((flags & (TcpSyn | TcpFin)) ? 1 : 0);
    a.dupAckNumber = dupNum;
    a.dupAckOfFrame = dupFrame;
    a.ackRttNs = ackRtt;
    a.initialRttNs = cv.firstRttNs;
    a.windowScale = syn ? -1 : F.winScale;
    a.flags = aflags;
    if (hasTa || aflags)
        a.flags |= TcpHasSeqAckAnalysis;
    st.frames.push_back(frameNumber);
    st.analyses.push_back(a);
}

} // namespace wirelab
