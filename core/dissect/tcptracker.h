// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// TCP conversation tracking, fed packets in capture order (like Wireshark's tcp analysis):
// conversations keyed by their 4-tuple, the handshake, the TCP state of each side as seen on the wire,
// relative sequence numbers, the initial RTT from SYN -> SYN-ACK -> ACK, and flags for retransmissions,
// duplicate ACKs, zero windows and window updates.

#include "dissect.h"

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace wirelab {

enum TcpAnalysisFlag : std::uint16_t {
    TcpRetransmission = 0x0001,
    TcpFastRetransmission = 0x0002,
    TcpSpuriousRetransmission = 0x0004,
    TcpDupAck = 0x0008,
    TcpZeroWindow = 0x0010,
    TcpWindowUpdate = 0x0020,
    TcpKeepAlive = 0x0040,
    TcpPreviousSegmentNotCaptured = 0x0080,
    TcpOutOfOrder = 0x0100,
    // Additions, following Wireshark's analysis flags:
    TcpKeepAliveAck = 0x0200,
    TcpZeroWindowProbe = 0x0400,
    TcpZeroWindowProbeAck = 0x0800,
    TcpAckedUnseenSegment = 0x1000,
    TcpWindowFull = 0x2000,
    TcpPortsReused = 0x4000,
    // Not a finding: the frame has a [SEQ/ACK analysis] subtree in tshark (it acks a segment, carries
    // data, or has any flag above). tcp.analysis.initial_rtt is only shown on such frames.
    TcpHasSeqAckAnalysis = 0x8000,
};

struct TcpPacketAnalysis
{
    std::uint32_t conversation = 0;   // index into TcpConversationTracker::conversations()
    bool fromClient = true;           // direction: the side that sent the first SYN (or first packet) is the client
    std::uint32_t relativeSeq = 0;
    std::uint32_t relativeAck = 0;
    std::uint32_t nextSeq = 0;        // relative; tcp.nxtseq
    std::uint16_t flags = 0;          // TcpAnalysisFlag bits
    std::uint32_t dupAckNumber = 0;   // n in "Dup ACK m#n"
    std::uint32_t dupAckOfFrame = 0;  // m: the frame being duplicated
    std::int64_t ackRttNs = -1;       // tcp.analysis.ack_rtt: time since the segment this ACK acknowledges
    std::int64_t initialRttNs = -1;   // tcp.analysis.initial_rtt, once the handshake completed
    std::int32_t windowScale = -1;    // the sender's window scale shift, if it negotiated one (-1: unknown,
                                      // -2: the handshake showed that no scaling is used)
};
static_assert(sizeof(TcpPacketAnalysis) <= 64, "keep per-packet analysis compact");

enum class TcpState : std::uint8_t {
    Closed, SynSent, SynReceived, Established, FinWait1, FinWait2, Closing, TimeWait, CloseWait, LastAck, Reset
};
const char *tcpStateName(TcpState state);

struct TcpConversation
{
    NetAddress clientAddress, serverAddress;
    std::uint16_t clientPort = 0, serverPort = 0;
    std::uint32_t clientIsn = 0, serverIsn = 0;
    bool sawSyn = false, sawSynAck = false, handshakeComplete = false;
    TcpState clientState = TcpState::Closed, serverState = TcpState::Closed;
    std::uint32_t firstFrame = 0, lastFrame = 0;
    std::uint32_t synFrame = 0, synAckFrame = 0, ackFrame = 0;
    std::int64_t initialRttNs = -1;
    std::uint64_t packets = 0, bytesFromClient = 0, bytesFromServer = 0;
    std::uint32_t retransmissions = 0, dupAcks = 0;
};

class TcpConversationTracker final
{
public:
    TcpConversationTracker();
    ~TcpConversationTracker();

    // Feeds the next packet (frameNumber is 1-based and must increase). Non-TCP packets are ignored.
    void add(std::uint32_t frameNumber, std::int64_t timeNs, const PacketSummary &summary);

    // Analysis of a TCP frame fed earlier; nullptr for frames that were not TCP. O(1) when frames are asked
    // for in order, a binary search otherwise. The pointer stays valid until the next add() or clear().
    // add() must not run concurrently with anything else; analysis() calls may run concurrently.
    const TcpPacketAnalysis *analysis(std::uint32_t frameNumber) const;
    const std::vector<TcpConversation> &conversations() const { return m_conversations; }
    void clear();

private:
    struct Side;
    struct State;
    std::unique_ptr<State> m_state;
    std::vector<TcpConversation> m_conversations;
};

} // namespace wirelab
