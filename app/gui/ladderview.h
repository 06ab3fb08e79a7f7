// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractScrollArea>
#include <QPainter>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

namespace wirelab {

class CaptureSession;
class HttpFlowIndex;
class TlsFlowIndex;

// The ladder (sequence) diagram of real packets: every endpoint (address:port) is a column with a
// lifeline, every packet an arrow from its source column to its destination column, labelled with its
// flags, sequence numbers and length ("SYN seq=0 len=0"), one row per packet, time going down with the
// relative time at the left. When only one conversation shows and it is an HTTP/2 connection, the space
// between its client and server becomes lanes, one per stream (stream 0 for the connection's own frames):
// each HTTP/2 frame a packet starts is a mark in its stream's lane (H HEADERS, D DATA, W WINDOW_UPDATE, R
// RST_STREAM, ...), so the streams interleave on the one TCP connection; a mark drawn hollow arrived behind
// a lost segment of its direction and waits, with every other stream's, until the retransmission fills the
// gap (head-of-line blocking in TCP). A packet the lab network dropped (its comment says so) is an arrow that ends
// in a cross halfway: it left its sender and never arrived; one held at a breakpoint carries two bars
// halfway ("waited here"). Retransmissions are red and say so.
//
// TLS (from the shared TlsFlowIndex): an arrow whose segment completes TLS records is labelled with them
// ("ClientHello", "ServerHello…Finished", "App Data 1.2 KB [decrypted]"), and every record with bytes in
// the segment is a small box on the arrow (a record split over segments shows in each, open at its cut
// edge), so records sit visibly inside TCP segments. Segments with encrypted records get an amber band
// and a closed lock; when the endpoints' keys decrypted them, a green band and an open lock. The header
// carries the key.
//
// The RTT ruler: along the time axis, a line every round trip of the selected packet's TCP connection
// (its initial RTT, SYN -> ACK, tcp.analysis.initial_rtt), counted from that connection's ClientHello (or
// its SYN when it carries no TLS), labelled "1 RTT", "2 RTT", ..., so "the first application data comes
// 2 RTT after the ClientHello" (TLS 1.2) or 1 RTT (TLS 1.3) reads off the diagram. The header says what
// 1 RTT is and when each side's first application data came; the context menu turns the ruler off.
//
// Arrows appear as batches arrive; only the visible rows are painted, and a hidden ladder does no work
// until it is shown again. Selection is linked both ways with the packet list.
class LadderView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LadderView(CaptureSession *session, QWidget *parent = nullptr);

    // Arrows in the diagram as it is shown now (all packets, or the selected conversation's).
    int arrowCount() const { return int(shownCount()); }
    // Column titles, left to right.
    QStringList endpointTitles() const;
    // The packet (0-based index) drawn by arrow i, and that arrow's label.
    int packetOfArrow(int arrow) const;
    QString arrowLabel(int arrow) const;
    // Whether arrow i is drawn as lost (ending in a cross halfway).
    bool arrowIsLost(int arrow) const;
    // Whether arrow i is marked as held at a breakpoint (two bars halfway).
    bool arrowWasHeld(int arrow) const;
    // Where arrow i's row is in the viewport (empty when scrolled out of view).
    QRect arrowRowRect(int arrow) const;

    QSize sizeHint() const override { return {560, 640}; }

    void setCurrentPacket(int packetIndex);
    int currentPacket() const { return m_currentPacket; }

    // Labels arrows that carry HTTP ("GET /about", "200 OK", "HEADERS s=3, DATA s=1") from this index
    // (shared with the waterfall; not owned), looked at every 250 ms while the ladder is visible.
    void setHttpIndex(HttpFlowIndex *index);
    // Labels arrows that carry TLS records and shades the encrypted ones, from this index (shared with the
    // packet list and the details; not owned), looked at every 250 ms while the ladder is visible.
    void setTlsIndex(TlsFlowIndex *index);

    // TLS of arrow i: the records with bytes in its segment, and whether encrypted ones were decrypted.
    int arrowTlsRecords(int arrow) const;
    bool arrowIsEncrypted(int arrow) const;
    bool arrowIsDecrypted(int arrow) const; // every encrypted record with bytes in it was decrypted

    // The RTT ruler (on by default; drawn when the selected packet's TCP connection has an initial RTT).
    void setRttRuler(bool on);
    bool rttRuler() const { return m_rttRuler; }
    struct RttRuler
    {
        bool valid = false;
        std::int64_t rttNs = 0;   // the connection's initial RTT
        std::int64_t startNs = 0; // its ClientHello (or SYN): 0 RTT
        bool fromClientHello = false;
        // The first application data of each side after the start, in RTT units (-1 when not known).
        double clientDataRtt = -1, serverDataRtt = -1;
        struct Tick
        {
            int rtt = 0;            // k in "k RTT"
            std::int64_t timeNs = 0; // startNs + k * rttNs
            int arrow = -1;         // the first shown arrow at or after it (its row starts below the line)
        };
        std::vector<Tick> ticks;
    };
    RttRuler rttRulerState() const;
    // Time to the first application data per TLS connection of the capture, in that connection's RTT after
    // its ClientHello (the header draws them as bars: 1.2 full, 1.3 full, resumed, 0-RTT side by side).
    struct TtfbRow
    {
        int connection = -1; // index into the TLS analysis' connections
        QString mode;        // "TLS 1.2 full", "TLS 1.3 resumed", "TLS 1.3 0-RTT"
        double clientRtt = -1, serverRtt = -1; // first application data of each side; -1 when not known
    };
    std::vector<TtfbRow> ttfbRows() const;
    // The TLS connection (index into the analysis' connections) of a packet's TCP conversation; -1 if none.
    int tlsConnectionOfPacket(int packet) const;
    // Where arrow i is on the ruler: (its time - start) / RTT; NaN without a ruler.
    double arrowRtt(int arrow) const;

    // Show only the conversation of the selected packet instead of every packet.
    void setOnlySelectedConversation(bool only);
    bool onlySelectedConversation() const { return m_onlySelected; }

    // HTTP/2 stream lanes: on when only one conversation shows and the HTTP index calls it HTTP/2.
    bool showsStreamLanes() const { return m_lanes; }
    // The lanes' stream ids, left to right (0 first).
    const std::vector<std::uint32_t> &laneStreams() const { return m_laneStreams; }
    // The HTTP/2 frames arrow i starts, each a mark in its stream's lane ("HEADERS", "DATA", "Magic").
    struct LaneMark
    {
        std::uint32_t stream = 0;
        QString frame;
    };
    std::vector<LaneMark> arrowLaneMarks(int arrow) const;
    // Lanes only: arrow i's payload arrived while an earlier segment of its direction was still missing
    // (lost, not yet retransmitted), so none of its bytes could be read yet.
    bool arrowWaitsBehindGap(int arrow) const;

Q_SIGNALS:
    void packetClicked(int packetIndex);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Arrow
    {
        std::uint32_t packet;       // 0-based packet index
        std::uint16_t from, to;     // endpoint numbers
        std::uint32_t conversation; // unordered endpoint pair
    };
    struct EndpointKey
    {
        std::array<std::uint8_t, 20> bytes{}; // family, 16 address bytes, port, "has port"
        bool operator==(const EndpointKey &o) const = default;
    };
    struct EndpointKeyHash
    {
        std::size_t operator()(const EndpointKey &k) const noexcept;
    };

    void onPacketsAppended();
    void onCleared();
    void catchUp();
    void rebuildShown();
    void updateScrollBars();
    void scrollToArrow(int shownIndex);
    std::size_t shownCount() const { return m_onlySelected ? m_shown.size() : m_arrows.size(); }
    const Arrow &shownArrow(std::size_t i) const
    {
        return m_onlySelected ? m_arrows[m_shown[i]] : m_arrows[i];
    }
    int shownIndexOfPacket(int packetIndex) const;
    int arrowIndexOfPacket(int packetIndex) const;
    std::vector<int> visibleColumns() const; // endpoint numbers, left to right
    int columnWidth(int columns) const;
    int headerHeight() const;
    int rowHeight() const;
    QString labelFor(const Arrow &arrow) const;
    QString transportLabel(const Arrow &arrow) const;
    // Lanes: which conversation shows, its streams, and which shown arrows wait behind a gap. rebuildLanes()
    // starts over; extendLanes() takes in the shown arrows added since (new packets of the conversation);
    // refreshLaneStreams() re-reads the streams after the HTTP index changed its labels.
    void rebuildLanes();
    void extendLanes();
    void refreshLaneStreams();
    void setLaneStreams(const std::set<std::uint32_t> &streams);
    std::vector<LaneMark> marksOfPacket(std::uint32_t packet) const;
    // The client's and the server's columns stay at the edges; the lanes scroll between them.
    struct LaneGeometry
    {
        int endpointWidth = 0;
        int clientX = 0, serverX = 0;     // lifelines
        int lanesLeft = 0, lanesRight = 0; // the visible strip of lanes
        int firstLaneX = 0, laneWidth = 0; // lane 0's left edge (scrolled)
        int contentWidth = 0;              // for the horizontal scroll bar
    };
    LaneGeometry laneGeometry() const;
    void paintLanes(QPainter &p);
    // TLS of a packet: records with bytes in it (completes: ends there; encrypted; decrypted).
    struct TlsMark
    {
        bool encrypted = false, decrypted = false, completes = true, startsHere = true;
        std::uint8_t type = 0; // inner content type when known
    };
    std::vector<TlsMark> tlsMarksOfPacket(std::uint32_t packet) const;
    bool showsTlsKey() const;
    // band: the row's tint (before the arrow); else the record boxes and the lock (after it).
    void paintTlsRow(QPainter &p, std::uint32_t packet, int x1, int x2, int y, int top, int rowH, bool band) const;
    void paintRuler(QPainter &p, const RttRuler &ruler, int header, int first, int last) const;
    // Header lines above the columns (lanes key, TLS key, ruler) and their painting.
    int headerExtraLines() const;
    void paintHeaderKeys(QPainter &p, int top) const;
    std::int64_t packetTime(std::uint32_t packet) const;
    // Where the TTFB items go in the header: each on a line (0..2) at an x, wrapped to the width.
    struct TtfbLayout
    {
        struct Item
        {
            int connection = -1, line = 0, x = 0, nameWidth = 0, barWidth = 0, valueWidth = 0;
            QString name, value;
        };
        QString title;
        int titleWidth = 0, unit = 14, lines = 1;
        std::vector<Item> items;
    };
    TtfbLayout ttfbLayout() const;

    CaptureSession *m_session;
    HttpFlowIndex *m_http = nullptr;
    QTimer *m_httpTicker = nullptr;
    int m_httpGeneration = -1;
    TlsFlowIndex *m_tls = nullptr;
    int m_tlsGeneration = -1;
    bool m_rttRuler = true;
    std::vector<Arrow> m_arrows;        // one per packet with addresses, in packet order
    std::vector<std::uint32_t> m_shown; // indices into m_arrows when only one conversation shows
    std::vector<QString> m_endpointNames;
    std::unordered_map<EndpointKey, std::uint16_t, EndpointKeyHash> m_endpointIds;
    std::unordered_map<std::uint32_t, std::uint32_t> m_conversationIds;
    std::size_t m_processed = 0; // packets looked at so far
    int m_currentPacket = -1;
    bool m_onlySelected = false;
    bool m_followLive = true;
    bool m_lanes = false;
    std::vector<std::uint32_t> m_laneStreams;
    std::unordered_map<std::uint32_t, int> m_laneOfStream;
    std::vector<char> m_waiting; // per shown arrow while lanes show
    std::size_t m_laneProcessed = 0; // shown arrows extendLanes() has looked at
    std::set<std::uint32_t> m_laneStreamSet;
    // The receiver's view per direction: the next byte it can read in order, and what arrived beyond a gap.
    struct LaneDirection
    {
        bool started = false;
        std::uint32_t next = 0;
        std::map<std::uint32_t, std::uint32_t> beyond; // start -> end of bytes held behind the gap
    };
    LaneDirection m_laneDirs[2];
};

} // namespace wirelab
