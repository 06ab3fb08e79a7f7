// SPDX-License-Identifier: GPL-3.0-or-later
#include "ladderview.h"

#include "capturesession.h"
#include "dissect/dissect.h"
#include "dissect/tcptracker.h"
#include "httpflows.h"
#include "dissect/httpanalysis.h" // isNotDeliveredComment
#include "packetlistmodel.h"
#include "tlsflows.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <set>

namespace wirelab {

static constexpr int kGutter = 80; // time and packet number at the left
static constexpr int kMinColumnWidth = 112;

std::size_t LadderView::EndpointKeyHash::operator()(const EndpointKey &k) const noexcept
{
    std::size_t h = 1469598103934665603ull; // FNV-1a
    for (std::uint8_t b : k.bytes)
        h = (h ^ b) * 1099511628211ull;
    return h;
}

LadderView::LadderView(CaptureSession *session, QWidget *parent)
    : QAbstractScrollArea(parent), m_session(session)
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(false);
    connect(m_session, &CaptureSession::packetsAppended, this, &LadderView::onPacketsAppended);
    connect(m_session, &CaptureSession::cleared, this, &LadderView::onCleared);
    // Leaving the bottom by hand stops following live packets; going back to it resumes.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_followLive = value >= verticalScrollBar()->maximum() - 2; });
    catchUp();
}

int LadderView::rowHeight() const
{
    return fontMetrics().height() * 2 + 4;
}

int LadderView::headerHeight() const
{
    // Lanes: two more lines for the key of the marks; then the TLS key and the ruler, when they show.
    return fontMetrics().height() * ((m_lanes ? 4 : 2) + headerExtraLines()) + 14;
}

int LadderView::headerExtraLines() const
{
    // The TLS key, the TTFB bars (with the TLS key, one to three lines), the ruler.
    return (showsTlsKey() ? 1 + ttfbLayout().lines : 0) + (m_rttRuler && shownCount() > 0 ? 1 : 0);
}

bool LadderView::showsTlsKey() const
{
    return m_tls && !m_tls->analysis().connections().empty() && shownCount() > 0;
}

void LadderView::setTlsIndex(TlsFlowIndex *index)
{
    m_tls = index;
    m_tlsGeneration = -1;
    setHttpIndex(m_http); // starts the ticker that looks at both
}

void LadderView::setRttRuler(bool on)
{
    if (on == m_rttRuler)
        return;
    m_rttRuler = on;
    updateScrollBars();
    viewport()->update();
}

void LadderView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *ruler = menu.addAction(tr("Show the RTT ruler"));
    ruler->setCheckable(true);
    ruler->setChecked(m_rttRuler);
    connect(ruler, &QAction::toggled, this, &LadderView::setRttRuler);
    menu.exec(event->globalPos());
}

void LadderView::setHttpIndex(HttpFlowIndex *index)
{
    m_http = index;
    if (!m_httpTicker) {
        m_httpTicker = new QTimer(this);
        m_httpTicker->setInterval(250);
        connect(m_httpTicker, &QTimer::timeout, this, [this] {
            if (!isVisible())
                return;
            if (m_tls) {
                const bool keyBefore = showsTlsKey();
                m_tls->update(*m_session); // cheap when nothing new arrived; re-derives at most every 250 ms
                if (m_tls->generation() != m_tlsGeneration) {
                    m_tlsGeneration = m_tls->generation();
                    if (showsTlsKey() != keyBefore)
                        updateScrollBars();
                    viewport()->update();
                }
            }
            if (!m_http)
                return;
            m_http->update(*m_session); // cheap when nothing new arrived; reparses at most every 250 ms
            if (m_http->generation() != m_httpGeneration) {
                m_httpGeneration = m_http->generation();
                if (m_onlySelected) {
                    if (m_lanes)
                        refreshLaneStreams(); // labels of earlier packets may have arrived
                    else
                        rebuildLanes(); // the index may only now call the conversation HTTP/2
                    updateScrollBars();
                }
                viewport()->update();
            }
        });
        m_httpTicker->start();
    }
    m_httpGeneration = -1;
}

void LadderView::onPacketsAppended()
{
    if (isVisible())
        catchUp();
}

void LadderView::onCleared()
{
    m_arrows.clear();
    m_shown.clear();
    m_endpointNames.clear();
    m_endpointIds.clear();
    m_conversationIds.clear();
    m_lanes = false;
    m_laneStreams.clear();
    m_laneOfStream.clear();
    m_waiting.clear();
    m_processed = 0;
    m_currentPacket = -1;
    m_followLive = true;
    catchUp();
}

void LadderView::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    catchUp();
}

void LadderView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateScrollBars();
        viewport()->update();
    } else if (event->type() == QEvent::LanguageChange) {
        viewport()->update(); // labels and titles are translated while painting
    }
    QAbstractScrollArea::changeEvent(event);
}

static void fillEndpointKey(std::array<std::uint8_t, 20> &key, const NetAddress &address, bool hasPort,
                            std::uint16_t port)
{
    key.fill(0);
    key[0] = std::uint8_t(address.family);
    std::memcpy(key.data() + 1, address.bytes.data(), 16);
    key[17] = std::uint8_t(port >> 8);
    key[18] = std::uint8_t(port & 0xff);
    key[19] = hasPort ? 1 : 0;
}

static QString endpointName(const NetAddress &address, bool hasPort, std::uint16_t port)
{
    QString host = address.toString();
    if (!hasPort)
        return host;
    if (address.family == NetAddress::Family::IPv6)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return host + QLatin1Char(':') + QString::number(port);
}

void LadderView::catchUp()
{
    const std::size_t total = m_session->store().size();
    if (m_processed >= total)
        return;
    const std::size_t shownBefore = shownCount();
    EndpointKey key;
    for (std::size_t i = m_processed; i < total; ++i) {
        const PacketSummary s = m_session->summary(i);
        if (s.src.family == NetAddress::Family::None || s.dst.family == NetAddress::Family::None)
            continue;
        std::uint16_t ids[2] = {0, 0};
        bool known = true;
        const NetAddress *addrs[2] = {&s.src, &s.dst};
        const std::uint16_t ports[2] = {s.srcPort, s.dstPort};
        for (int side = 0; side < 2; ++side) {
            fillEndpointKey(key.bytes, *addrs[side], s.hasPorts, ports[side]);
            auto it = m_endpointIds.find(key);
            if (it == m_endpointIds.end()) {
                if (m_endpointNames.size() >= 0xffff) {
                    known = false; // more endpoints than a ladder can show: leave the rest out
                    break;
                }
                it = m_endpointIds.emplace(key, std::uint16_t(m_endpointNames.size())).first;
                m_endpointNames.push_back(endpointName(*addrs[side], s.hasPorts, ports[side]));
            }
            ids[side] = it->second;
        }
        if (!known)
            continue;
        const std::uint32_t pair = std::min(ids[0], ids[1]) << 16 | std::max(ids[0], ids[1]);
        const auto conv =
            m_conversationIds.emplace(pair, std::uint32_t(m_conversationIds.size())).first->second;
        m_arrows.push_back(Arrow{std::uint32_t(i), ids[0], ids[1], conv});
        if (m_onlySelected && m_currentPacket >= 0) {
            const int current = arrowIndexOfPacket(m_currentPacket);
            if (current >= 0 && m_arrows[std::size_t(current)].conversation == conv)
                m_shown.push_back(std::uint32_t(m_arrows.size() - 1));
        }
    }
    m_processed = total;
    if (m_onlySelected && shownCount() != shownBefore)
        extendLanes();
    const bool follow = m_followLive;
    updateScrollBars();
    if (follow && shownCount() != shownBefore)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    viewport()->update();
}

int LadderView::arrowIndexOfPacket(int packetIndex) const
{
    const auto it = std::lower_bound(m_arrows.begin(), m_arrows.end(), std::uint32_t(packetIndex),
                                     [](const Arrow &a, std::uint32_t p) { return a.packet < p; });
    if (it == m_arrows.end() || it->packet != std::uint32_t(packetIndex))
        return -1;
    return int(it - m_arrows.begin());
}

int LadderView::shownIndexOfPacket(int packetIndex) const
{
    const int a = arrowIndexOfPacket(packetIndex);
    if (a < 0 || !m_onlySelected)
        return a;
    const auto it = std::lower_bound(m_shown.begin(), m_shown.end(), std::uint32_t(a));
    if (it == m_shown.end() || *it != std::uint32_t(a))
        return -1;
    return int(it - m_shown.begin());
}

void LadderView::rebuildShown()
{
    m_shown.clear();
    if (!m_onlySelected)
        return;
    const int current = arrowIndexOfPacket(m_currentPacket);
    if (current < 0)
        return;
    const std::uint32_t conv = m_arrows[std::size_t(current)].conversation;
    for (std::size_t i = 0; i < m_arrows.size(); ++i)
        if (m_arrows[i].conversation == conv)
            m_shown.push_back(std::uint32_t(i));
}

std::vector<LadderView::LaneMark> LadderView::marksOfPacket(std::uint32_t packet) const
{
    // The index's label lists the frames a packet starts: "Magic, SETTINGS s=0, HEADERS s=1, DATA s=3".
    std::vector<LaneMark> marks;
    if (!m_http)
        return marks;
    const QString label = m_http->packetLabel(int(packet));
    if (label.isEmpty())
        return marks;
    for (const QString &part : label.split(QStringLiteral(", "))) {
        if (part == QLatin1String("Magic")) {
            marks.push_back({0, part});
            continue;
        }
        const qsizetype at = part.lastIndexOf(QLatin1String(" s="));
        if (at <= 0)
            continue; // an HTTP/1.x label
        bool ok = false;
        const std::uint32_t stream = part.mid(at + 3).toUInt(&ok);
        if (ok)
            marks.push_back({stream, part.left(at)});
    }
    return marks;
}

void LadderView::rebuildLanes()
{
    m_lanes = false;
    m_laneStreams.clear();
    m_laneOfStream.clear();
    m_laneStreamSet.clear();
    m_waiting.clear();
    m_laneProcessed = 0;
    m_laneDirs[0] = m_laneDirs[1] = LaneDirection{};
    if (!m_onlySelected || !m_http || m_shown.empty())
        return;
    // The shown conversation's TCP stream, and whether the index calls it HTTP/2.
    const PacketView firstView = m_session->store().at(m_arrows[m_shown.front()].packet);
    const TcpPacketAnalysis *first = m_session->tcp().analysis(firstView.number);
    if (!first)
        return;
    bool http2 = false;
    for (const HttpConnectionRow &c : m_http->connections())
        http2 = http2 || (c.http2 && c.conversation == int(first->conversation));
    if (!http2)
        return;
    m_lanes = true;
    m_laneStreamSet = {0};
    extendLanes();
}

void LadderView::setLaneStreams(const std::set<std::uint32_t> &streams)
{
    m_laneStreams.assign(streams.begin(), streams.end());
    m_laneOfStream.clear();
    for (std::size_t i = 0; i < m_laneStreams.size(); ++i)
        m_laneOfStream[m_laneStreams[i]] = int(i);
}

void LadderView::refreshLaneStreams()
{
    if (!m_lanes)
        return;
    std::set<std::uint32_t> streams{0};
    for (std::size_t i = 0; i < m_laneProcessed && i < m_shown.size(); ++i)
        for (const LaneMark &m : marksOfPacket(m_arrows[m_shown[i]].packet))
            streams.insert(m.stream);
    if (streams != m_laneStreamSet) {
        m_laneStreamSet = std::move(streams);
        setLaneStreams(m_laneStreamSet);
    }
}

void LadderView::extendLanes()
{
    if (!m_lanes) {
        rebuildLanes();
        return;
    }
    const std::size_t before = m_laneStreamSet.size();
    m_waiting.resize(m_shown.size(), 0);
    for (std::size_t i = m_laneProcessed; i < m_shown.size(); ++i) {
        const std::uint32_t packet = m_arrows[m_shown[i]].packet;
        for (const LaneMark &m : marksOfPacket(packet))
            m_laneStreamSet.insert(m.stream);
        const PacketView view = m_session->store().at(packet);
        const TcpPacketAnalysis *a = m_session->tcp().analysis(view.number);
        if (!a || isNotDeliveredComment(m_session->store().comment(packet)))
            continue; // a lost packet never reached the receiver
        const PacketSummary s = m_session->summary(packet);
        LaneDirection &d = m_laneDirs[a->fromClient ? 0 : 1];
        const std::uint32_t seq = a->relativeSeq + ((s.tcpFlags & TcpSyn) ? 1 : 0);
        const std::uint32_t end = seq + s.payloadLength;
        if (!d.started) {
            d.started = true;
            d.next = end;
            continue;
        }
        if (s.payloadLength == 0)
            continue;
        if (seq > d.next) {
            auto &held = d.beyond[seq];
            held = std::max(held, end);
            m_waiting[i] = 1;
            continue;
        }
        d.next = std::max(d.next, end);
        while (!d.beyond.empty() && d.beyond.begin()->first <= d.next) {
            d.next = std::max(d.next, d.beyond.begin()->second);
            d.beyond.erase(d.beyond.begin());
        }
    }
    m_laneProcessed = m_shown.size();
    if (m_laneStreamSet.size() != before || m_laneStreams.empty())
        setLaneStreams(m_laneStreamSet);
}

std::vector<LadderView::LaneMark> LadderView::arrowLaneMarks(int arrow) const
{
    if (arrow < 0 || std::size_t(arrow) >= shownCount())
        return {};
    return marksOfPacket(shownArrow(std::size_t(arrow)).packet);
}

bool LadderView::arrowWaitsBehindGap(int arrow) const
{
    return m_lanes && arrow >= 0 && std::size_t(arrow) < m_waiting.size() && m_waiting[std::size_t(arrow)];
}

LadderView::LaneGeometry LadderView::laneGeometry() const
{
    LaneGeometry g;
    const QFontMetrics fm = fontMetrics();
    g.endpointWidth = std::max(96, fm.horizontalAdvance(QStringLiteral("198.198.198.198")) + 8);
    g.laneWidth = std::max(18, fm.horizontalAdvance(QStringLiteral("M")) + 10);
    const int lanes = int(m_laneStreams.size()) * g.laneWidth;
    g.clientX = kGutter + g.endpointWidth / 2;
    g.lanesLeft = kGutter + g.endpointWidth;
    // The server's column at the right edge, or right after the last lane when they all fit.
    g.lanesRight = std::min(viewport()->width() - g.endpointWidth, g.lanesLeft + lanes);
    g.lanesRight = std::max(g.lanesRight, g.lanesLeft + g.laneWidth);
    g.serverX = g.lanesRight + g.endpointWidth / 2;
    g.firstLaneX = g.lanesLeft - horizontalScrollBar()->value();
    g.contentWidth = std::max(viewport()->width(), kGutter + 2 * g.endpointWidth + lanes);
    return g;
}

void LadderView::setOnlySelectedConversation(bool only)
{
    if (only == m_onlySelected)
        return;
    m_onlySelected = only;
    catchUp();
    rebuildShown();
    rebuildLanes();
    updateScrollBars();
    scrollToArrow(shownIndexOfPacket(m_currentPacket));
    viewport()->update();
}

void LadderView::setCurrentPacket(int packetIndex)
{
    if (packetIndex == m_currentPacket)
        return;
    catchUp();
    const int before = arrowIndexOfPacket(m_currentPacket);
    m_currentPacket = packetIndex;
    const int now = arrowIndexOfPacket(packetIndex);
    if (m_onlySelected &&
        (before < 0 || now < 0 ||
         m_arrows[std::size_t(before)].conversation != m_arrows[std::size_t(now)].conversation)) {
        rebuildShown();
        rebuildLanes();
        updateScrollBars();
    }
    const int shown = shownIndexOfPacket(packetIndex);
    scrollToArrow(shown);
    if (shown >= 0 && m_lanes) {
        // The selected row in the middle, so the frames before and after it show too.
        const int body = viewport()->height() - headerHeight();
        verticalScrollBar()->setValue(shown * rowHeight() - std::max(0, body / 2 - rowHeight() / 2));
        // Bring the lane of the selected packet's first frame into view; for a packet without frames (an
        // ACK), that of the nearest packet with one.
        std::vector<LaneMark> marks;
        for (int d = 0; d <= 40 && marks.empty(); ++d) {
            marks = arrowLaneMarks(shown + d);
            if (marks.empty() && d > 0)
                marks = arrowLaneMarks(shown - d);
        }
        if (!marks.empty()) {
            const LaneGeometry g = laneGeometry();
            const int lane = m_laneOfStream[marks.front().stream] * g.laneWidth; // from lane 0's left edge
            QScrollBar *bar = horizontalScrollBar();
            const int strip = g.lanesRight - g.lanesLeft;
            if (lane < bar->value() || lane + g.laneWidth > bar->value() + strip)
                bar->setValue(std::max(0, lane - strip / 3));
        }
        viewport()->update();
        return;
    }
    // Bring the selected arrow's two columns into view too (a busy lab has more than fit side by side).
    if (shown >= 0) {
        const std::vector<int> columns = visibleColumns();
        const int colWidth = columnWidth(int(columns.size()));
        const Arrow &arrow = shownArrow(std::size_t(shown));
        int lo = -1, hi = -1;
        for (int c = 0; c < int(columns.size()); ++c)
            if (columns[std::size_t(c)] == arrow.from || columns[std::size_t(c)] == arrow.to) {
                lo = lo < 0 ? c : lo;
                hi = c;
            }
        QScrollBar *bar = horizontalScrollBar();
        if (lo >= 0) {
            const int leftmost = lo * colWidth;                                         // value showing lo first
            const int rightmost = kGutter + (hi + 1) * colWidth - viewport()->width(); // value showing hi last
            if (bar->value() > leftmost)
                bar->setValue(leftmost);
            else if (bar->value() < rightmost)
                bar->setValue(std::min(leftmost, rightmost));
        }
    }
    viewport()->update();
}

std::vector<int> LadderView::visibleColumns() const
{
    std::vector<int> columns;
    if (m_onlySelected) {
        if (!m_shown.empty()) {
            const Arrow &a = m_arrows[m_shown.front()];
            // Client (the side that spoke first) on the left.
            columns = {a.from, a.to};
            if (a.from == a.to)
                columns.pop_back();
        }
        return columns;
    }
    columns.reserve(m_endpointNames.size());
    for (std::size_t i = 0; i < m_endpointNames.size(); ++i)
        columns.push_back(int(i));
    return columns;
}

QStringList LadderView::endpointTitles() const
{
    QStringList titles;
    for (int c : visibleColumns())
        titles << m_endpointNames[std::size_t(c)];
    return titles;
}

int LadderView::columnWidth(int columns) const
{
    if (columns <= 0)
        return kMinColumnWidth;
    return std::max(kMinColumnWidth, (viewport()->width() - kGutter) / columns);
}

void LadderView::updateScrollBars()
{
    const int rows = int(shownCount());
    const int body = viewport()->height() - headerHeight();
    const int contentHeight = rows * rowHeight() + rowHeight() / 2;
    verticalScrollBar()->setRange(0, std::max(0, contentHeight - body));
    verticalScrollBar()->setPageStep(std::max(1, body));
    verticalScrollBar()->setSingleStep(rowHeight());
    const int columns = int(visibleColumns().size());
    const int width = m_lanes ? laneGeometry().contentWidth : kGutter + columns * columnWidth(columns);
    horizontalScrollBar()->setRange(0, std::max(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

void LadderView::scrollToArrow(int shownIndex)
{
    if (shownIndex < 0)
        return;
    const int top = shownIndex * rowHeight();
    const int body = viewport()->height() - headerHeight();
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(top);
    else if (top + rowHeight() > bar->value() + body)
        bar->setValue(top + rowHeight() - body);
}

void LadderView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

int LadderView::packetOfArrow(int arrow) const
{
    if (arrow < 0 || std::size_t(arrow) >= shownCount())
        return -1;
    return int(shownArrow(std::size_t(arrow)).packet);
}

QString LadderView::arrowLabel(int arrow) const
{
    if (arrow < 0 || std::size_t(arrow) >= shownCount())
        return {};
    return labelFor(shownArrow(std::size_t(arrow)));
}

bool LadderView::arrowIsLost(int arrow) const
{
    if (arrow < 0 || std::size_t(arrow) >= shownCount())
        return false;
    return isNotDeliveredComment(m_session->store().comment(shownArrow(std::size_t(arrow)).packet));
}

bool LadderView::arrowWasHeld(int arrow) const
{
    if (arrow < 0 || std::size_t(arrow) >= shownCount())
        return false;
    return isHeldComment(m_session->store().comment(shownArrow(std::size_t(arrow)).packet));
}

QRect LadderView::arrowRowRect(int arrow) const
{
    if (arrow < 0 || std::size_t(arrow) >= shownCount())
        return {};
    const QRect row(0, headerHeight() + arrow * rowHeight() - verticalScrollBar()->value(),
                    viewport()->width(), rowHeight());
    return row.intersected(
        QRect(0, headerHeight(), viewport()->width(), viewport()->height() - headerHeight()));
}

QString LadderView::labelFor(const Arrow &arrow) const
{
    QString label = transportLabel(arrow);
    if (m_http && m_http->generation() == m_httpGeneration) {
        const QString http = m_http->packetLabel(int(arrow.packet));
        if (!http.isEmpty())
            label = http + QStringLiteral("  ·  ") + label;
    }
    if (m_tls) {
        const QString tls = m_tls->packetLabel(int(arrow.packet));
        if (!tls.isEmpty())
            label = tls + QStringLiteral("  ·  ") + label;
    }
    const QString comment = m_session->store().comment(arrow.packet);
    if (isNotDeliveredComment(comment))
        return tr("[Lost] %1").arg(label);
    if (isHeldComment(comment))
        return tr("[Held] %1").arg(label);
    return label;
}

QString LadderView::transportLabel(const Arrow &arrow) const
{
    const PacketSummary s = m_session->summary(arrow.packet);
    if (s.protocol == Protocol::Tcp) {
        const PacketView view = m_session->store().at(arrow.packet);
        const TcpPacketAnalysis *a = m_session->tcp().analysis(view.number);
        QStringList flags;
        static const std::pair<std::uint16_t, const char *> names[] = {{TcpSyn, "SYN"}, {TcpFin, "FIN"},
                                                                       {TcpRst, "RST"}, {TcpPsh, "PSH"},
                                                                       {TcpAck, "ACK"}, {TcpUrg, "URG"}};
        for (const auto &[bit, name] : names)
            if (s.tcpFlags & bit)
                flags << QLatin1String(name);
        QString label = flags.join(QLatin1Char(','));
        const std::uint32_t seq = a ? a->relativeSeq : s.tcpSeq;
        label += QStringLiteral(" seq=%1").arg(seq);
        if (s.tcpFlags & TcpAck)
            label += QStringLiteral(" ack=%1").arg(a ? a->relativeAck : s.tcpAck);
        label += QStringLiteral(" len=%1").arg(s.payloadLength);
        if (a && (a->flags & (TcpRetransmission | TcpFastRetransmission | TcpSpuriousRetransmission)))
            label = tr("[Retransmission] %1").arg(label);
        else if (a && (a->flags & TcpDupAck))
            label = tr("[Dup ACK] %1").arg(label);
        else if (a && (a->flags & TcpZeroWindow))
            label = tr("[Zero window] %1").arg(label);
        return label;
    }
    if (s.protocol == Protocol::Udp)
        return QStringLiteral("UDP len=%1").arg(s.payloadLength);
    return QString::fromLatin1(protocolName(s.protocol));
}

bool LadderView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        // The whole label and the packet's Info line, for arrows whose label had to be cut short.
        const auto *help = static_cast<QHelpEvent *>(event);
        const int y = help->pos().y() - headerHeight() + verticalScrollBar()->value();
        const int row = help->pos().y() >= headerHeight() && y >= 0 ? y / rowHeight() : -1;
        if (row >= 0 && std::size_t(row) < shownCount()) {
            const Arrow &arrow = shownArrow(std::size_t(row));
            const PacketSummary s = m_session->summary(arrow.packet);
            const PacketView view = m_session->store().at(arrow.packet);
            const QString info =
                QString::fromStdString(summaryInfo(s, m_session->tcp().analysis(view.number)));
            QString text =
                QStringLiteral("#%1  %2 → %3\n%4\n%5")
                    .arg(view.number)
                    .arg(m_endpointNames[arrow.from], m_endpointNames[arrow.to], labelFor(arrow), info);
            const QString comment = m_session->store().comment(arrow.packet);
            if (!comment.isEmpty())
                text += QLatin1Char('\n') + comment;
            if (m_tls) {
                const QString tlsInfo = m_tls->packetInfo(int(arrow.packet));
                if (!tlsInfo.isEmpty())
                    text += QLatin1Char('\n') + m_tls->packetProtocol(int(arrow.packet)) + QStringLiteral(": ") + tlsInfo;
                if (arrowIsEncrypted(row))
                    text += QLatin1Char('\n') + (arrowIsDecrypted(row) ? tr("Encrypted; decrypted with the endpoints' keys.")
                                                                       : tr("Encrypted; no key to decrypt it."));
            }
            const double rtt = arrowRtt(row);
            if (!std::isnan(rtt))
                text += QLatin1Char('\n') + tr("%1 RTT after the ruler's start").arg(rtt, 0, 'f', 2);
            if (m_lanes && arrowWaitsBehindGap(row))
                text += QLatin1Char('\n')
                        + tr("Arrived while an earlier segment was missing: TCP holds these bytes, and every "
                             "stream's frames behind them, until the retransmission fills the gap.");
            QToolTip::showText(help->globalPos(), text, viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void LadderView::mousePressEvent(QMouseEvent *event)
{
    const int y = int(event->position().y()) - headerHeight() + verticalScrollBar()->value();
    if (event->position().y() >= headerHeight() && y >= 0) {
        const int row = y / rowHeight();
        if (std::size_t(row) < shownCount()) {
            const int packet = int(shownArrow(std::size_t(row)).packet);
            setCurrentPacket(packet);
            Q_EMIT packetClicked(packet);
        }
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void LadderView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.setRenderHint(QPainter::Antialiasing, true);
    const QPalette pal = palette();
    const QRect area = viewport()->rect();
    p.fillRect(area, pal.base());

    const std::vector<int> columns = visibleColumns();
    const int colWidth = columnWidth(int(columns.size()));
    const int xOffset = horizontalScrollBar()->value();
    const int header = headerHeight();
    const int rowH = rowHeight();
    const QFontMetrics fm = fontMetrics();
    QFont boldFont = font();
    boldFont.setBold(true);
    const QFontMetrics boldMetrics(boldFont);
    if (m_lanes && shownCount() > 0) {
        paintLanes(p);
        return;
    }
    std::vector<int> columnX(m_endpointNames.size(), -1);
    for (std::size_t c = 0; c < columns.size(); ++c)
        columnX[std::size_t(columns[c])] = kGutter + int(c) * colWidth + colWidth / 2 - xOffset;

    if (shownCount() == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(area.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                   m_onlySelected && !m_arrows.empty()
                       ? tr("Select a packet to see its conversation.")
                       : tr("Packets appear here as arrows between the hosts that exchange them."));
        return;
    }

    // Lifelines.
    const QColor lifeline(0xb8, 0xc0, 0xcc);
    p.setPen(QPen(lifeline, 1.5, Qt::DashLine));
    for (int c : columns)
        p.drawLine(columnX[std::size_t(c)], header, columnX[std::size_t(c)], area.bottom());

    // Rows: only the visible ones.
    const int scrollY = verticalScrollBar()->value();
    const int first = std::max(0, scrollY / rowH);
    const int last = std::min(int(shownCount()), (scrollY + area.height() - header) / rowH + 2);
    const std::int64_t origin = m_session->originNs();
    p.setClipRect(QRect(0, header, area.width(), area.height() - header));
    for (int r = first; r < last; ++r) {
        const Arrow &arrow = shownArrow(std::size_t(r));
        const int top = header + r * rowH - scrollY;
        const bool selected = int(arrow.packet) == m_currentPacket;
        if (selected)
            p.fillRect(QRect(0, top, area.width(), rowH), pal.color(QPalette::Highlight).lighter(175));
        else if (r % 2)
            p.fillRect(QRect(0, top, area.width(), rowH), pal.color(QPalette::AlternateBase));

        // Time and number at the left.
        const PacketView view = m_session->store().at(arrow.packet);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(6, top, kGutter - 10, rowH / 2 + 2), Qt::AlignLeft | Qt::AlignBottom,
                   QString::number(double(view.timeNs - origin) / 1e9, 'f', 6));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(6, top + rowH / 2 + 1, kGutter - 10, rowH / 2), Qt::AlignLeft | Qt::AlignTop,
                   QStringLiteral("#%1").arg(view.number));

        const int x1 = columnX[arrow.from], x2 = columnX[arrow.to];
        if (x1 < 0 && x2 < 0)
            continue;
        const QString label = labelFor(arrow);
        const PacketSummary s = m_session->summary(arrow.packet);
        QColor color(0x2a, 0x5d, 0xb0); // data: blue
        if (s.protocol == Protocol::Udp)
            color = QColor(0x0f, 0x86, 0x7a);
        else if (s.tcpFlags & TcpRst)
            color = QColor(0xc0, 0x1c, 0x1c);
        else if (s.tcpFlags & (TcpSyn | TcpFin))
            color = QColor(0x55, 0x55, 0x55);
        const QString comment = m_session->store().comment(arrow.packet);
        const bool lost = isNotDeliveredComment(comment);
        const bool held = !lost && isHeldComment(comment);
        // Red for what went wrong: lost, or what the tracker flags (retransmission, dup ACK, zero window);
        // having waited at a breakpoint is not a fault.
        if (lost || transportLabel(arrow).startsWith(QLatin1Char('[')))
            color = QColor(0xc0, 0x1c, 0x1c);

        const int y = top + rowH * 2 / 3;
        paintTlsRow(p, arrow.packet, x1, x2, y, top, rowH, true);
        QPen pen(color, selected ? 2.4 : 1.6);
        p.setPen(pen);
        if (x1 == x2) {
            p.drawArc(QRect(x1, y - 10, 30, 14), 90 * 16, -180 * 16);
        } else if (lost) {
            // Left its sender, never arrived: the arrow stops halfway at a cross.
            const int xm = (x1 + x2) / 2;
            p.setPen(QPen(color, selected ? 2.4 : 1.6, Qt::DashLine));
            p.drawLine(x1, y, xm, y);
            p.setPen(QPen(color, 2.4));
            p.drawLine(xm - 6, y - 6, xm + 6, y + 6);
            p.drawLine(xm - 6, y + 6, xm + 6, y - 6);
        } else {
            p.drawLine(x1, y, x2, y);
            const int dir = x2 > x1 ? 1 : -1;
            QPainterPath head;
            head.moveTo(x2, y);
            head.lineTo(x2 - dir * 9, y - 4.5);
            head.lineTo(x2 - dir * 9, y + 4.5);
            head.closeSubpath();
            p.fillPath(head, color);
            if (held) {
                // Waited at a breakpoint on the wire: a pause sign halfway.
                const int xm = (x1 + x2) / 2;
                p.fillRect(QRect(xm - 6, y - 7, 12, 15), pal.base());
                p.fillRect(QRect(xm - 5, y - 6, 3, 13), QColor(0xa0, 0x4a, 0x00));
                p.fillRect(QRect(xm + 2, y - 6, 3, 13), QColor(0xa0, 0x4a, 0x00));
            }
        }
        if (!lost)
            paintTlsRow(p, arrow.packet, x1, x2, y, top, rowH, false);
        // Label above the arrow, centred between the two columns.
        const int left = std::min(x1, x2), right = std::max(x1, x2);
        // One arrow per row, so a label may run past the ends of a short arrow (over the lifelines) before
        // it has to be cut short.
        const int labelWidth = std::max(right - left - 8, std::min(2 * colWidth - 16, 300));
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.92);
        f.setBold(selected);
        const QFontMetrics labelMetrics(f);
        const QString shown = labelMetrics.elidedText(label, Qt::ElideRight, labelWidth);
        const int textWidth = labelMetrics.horizontalAdvance(shown);
        const int textX = std::max(kGutter - xOffset + 2, (left + right) / 2 - textWidth / 2);
        p.setFont(f);
        if (textWidth > right - left - 8) {
            // Keep the label readable where it crosses a lifeline.
            QColor back = selected ? pal.color(QPalette::Highlight).lighter(175)
                                   : (r % 2 ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base));
            const int liftBack = tlsMarksOfPacket(arrow.packet).empty() ? 0 : 5;
            p.fillRect(QRect(textX - 2, y - labelMetrics.height() - 1 - liftBack, textWidth + 4, labelMetrics.height()),
                       back);
        }
        p.setPen(color.darker(130));
        // Rows with TLS record boxes on the arrow: the label a little higher, clear of the boxes and the lock.
        const int lift = tlsMarksOfPacket(arrow.packet).empty() ? 2 : 7;
        p.drawText(QRect(textX, top + 1, textWidth + 8, y - top - lift), Qt::AlignLeft | Qt::AlignBottom, shown);
        p.setFont(font());
    }
    p.setClipping(false);
    paintRuler(p, rttRulerState(), header, first, last);

    // Column titles on top, drawn last so rows scroll under them.
    p.fillRect(QRect(0, 0, area.width(), header), pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, header - 1, area.width(), header - 1);
    QFont bold = font();
    bold.setBold(true);
    const int keysH = headerExtraLines() * fm.height();
    paintHeaderKeys(p, 3);
    for (int c : columns) {
        const QString &name = m_endpointNames[std::size_t(c)];
        const int colon = name.lastIndexOf(QLatin1Char(':'));
        const bool hasPort = colon > 0 && !name.endsWith(QLatin1Char(']'));
        const QString host = hasPort ? name.left(colon) : name;
        const QString port = hasPort ? name.mid(colon) : QString();
        const QRect box(columnX[std::size_t(c)] - colWidth / 2 + 6, 5 + keysH, colWidth - 12, header - 12 - keysH);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xe4, 0xec, 0xf7));
        p.drawRoundedRect(box, 5, 5);
        p.setPen(pal.color(QPalette::Text));
        p.setFont(bold);
        p.drawText(box.adjusted(4, 2, -4, -box.height() / 2), Qt::AlignHCenter | Qt::AlignBottom,
                   boldMetrics.elidedText(host, Qt::ElideMiddle, box.width() - 8));
        p.setFont(font());
        p.drawText(box.adjusted(4, box.height() / 2, -4, -2), Qt::AlignHCenter | Qt::AlignTop,
                   port.isEmpty() ? QString() : tr("port %1").arg(port.mid(1)));
    }
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRect(6, keysH, kGutter - 8, header - keysH), Qt::AlignLeft | Qt::AlignVCenter, tr("Time (s)"));
}

// ---- TLS records and the RTT ruler -------------------------------------------------------------------

std::int64_t LadderView::packetTime(std::uint32_t packet) const
{
    return packet < m_session->store().size() ? m_session->store().at(packet).timeNs : 0;
}

std::vector<LadderView::TlsMark> LadderView::tlsMarksOfPacket(std::uint32_t packet) const
{
    std::vector<TlsMark> marks;
    if (!m_tls)
        return marks;
    const TlsAnalysis &analysis = m_tls->analysis();
    const std::uint32_t frame = packet + 1;
    for (const TlsRecordRef &ref : analysis.recordsOfFrame(frame)) {
        if (ref.connection < 0 || std::size_t(ref.connection) >= analysis.connections().size())
            continue;
        const TlsConnectionResult &c = analysis.connections()[std::size_t(ref.connection)];
        if (ref.record < 0 || std::size_t(ref.record) >= c.records.size())
            continue;
        const TlsRecord &r = c.records[std::size_t(ref.record)];
        TlsMark m;
        m.encrypted = r.encrypted;
        m.decrypted = r.encrypted && r.status == TlsDecryptStatus::Decrypted;
        m.completes = ref.completes;
        m.startsHere = r.firstFrame == 0 || r.firstFrame == frame;
        m.type = m.decrypted || !r.encrypted ? r.innerContentType : r.contentType;
        if (m.type == 0)
            m.type = r.contentType;
        marks.push_back(m);
    }
    return marks;
}

int LadderView::arrowTlsRecords(int arrow) const
{
    if (arrow < 0 || std::size_t(arrow) >= shownCount())
        return 0;
    return int(tlsMarksOfPacket(shownArrow(std::size_t(arrow)).packet).size());
}

bool LadderView::arrowIsEncrypted(int arrow) const
{
    if (arrow < 0 || std::size_t(arrow) >= shownCount())
        return false;
    for (const TlsMark &m : tlsMarksOfPacket(shownArrow(std::size_t(arrow)).packet))
        if (m.encrypted)
            return true;
    return false;
}

bool LadderView::arrowIsDecrypted(int arrow) const
{
    if (arrow < 0 || std::size_t(arrow) >= shownCount())
        return false;
    bool any = false;
    for (const TlsMark &m : tlsMarksOfPacket(shownArrow(std::size_t(arrow)).packet)) {
        if (m.encrypted && !m.decrypted)
            return false;
        any = any || m.encrypted;
    }
    return any;
}

// A small padlock: closed (encrypted, no key) or open (decrypted).
static void paintLock(QPainter &p, const QPoint &centre, bool open, const QColor &color)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    // Body 9x7 below the centre line's top, shackle an arch of 5 above it (open: lifted and moved right).
    const QRect body(centre.x() - 4, centre.y() - 2, 9, 7);
    p.setPen(QPen(color, 1.5));
    p.setBrush(Qt::NoBrush);
    const int lift = open ? 3 : 0;
    const QRectF arch(centre.x() - 2.5 + (open ? 3 : 0), centre.y() - 6 - lift, 6, 8);
    p.drawArc(arch, 0, 180 * 16);
    p.drawLine(QPointF(arch.right(), arch.center().y()), QPointF(arch.right(), centre.y() - 2 - lift));
    if (!open)
        p.drawLine(QPointF(arch.left(), arch.center().y()), QPointF(arch.left(), centre.y() - 2));
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(body, 1.5, 1.5);
    p.restore();
}

static const QColor kEncryptedBand(0xf6, 0xc3, 0x5a, 70), kDecryptedBand(0x6c, 0xc0, 0x6c, 60);
static const QColor kEncryptedInk(0xa8, 0x6a, 0x00), kDecryptedInk(0x1f, 0x7a, 0x3a);

static QColor recordColor(std::uint8_t type, bool encryptedNoKey)
{
    if (encryptedNoKey)
        return QColor(0xc8, 0x8a, 0x10); // contents unknown: amber
    switch (type) {
    case kTlsHandshake:
        return QColor(0x2a, 0x5d, 0xb0);
    case kTlsChangeCipherSpec:
        return QColor(0x7a, 0x7a, 0x7a);
    case kTlsAlert:
        return QColor(0xc0, 0x1c, 0x1c);
    case kTlsApplicationData:
        return QColor(0x1f, 0x8a, 0x3a);
    default:
        return QColor(0x5a, 0x5a, 0x5a);
    }
}

void LadderView::paintTlsRow(QPainter &p, std::uint32_t packet, int x1, int x2, int y, int top, int rowH,
                             bool band) const
{
    const std::vector<TlsMark> marks = tlsMarksOfPacket(packet);
    if (marks.empty() || x1 == x2)
        return;
    bool encrypted = false, allDecrypted = true;
    for (const TlsMark &m : marks) {
        encrypted = encrypted || m.encrypted;
        allDecrypted = allDecrypted && (!m.encrypted || m.decrypted);
    }
    const int left = std::min(x1, x2), right = std::max(x1, x2);
    if (band) { // behind the whole row between the two columns (drawn before the arrow)
        if (encrypted)
            p.fillRect(QRect(left, top + 1, right - left, rowH - 2), allDecrypted ? kDecryptedBand : kEncryptedBand);
        return;
    }
    // One box per record on the arrow; a record cut by the segment's edge is open (dashed) on that side.
    const int boxW = 13, boxH = 9, gap = 3;
    const int shown = std::min<int>(int(marks.size()), std::max(1, (right - left - 40) / (boxW + gap)));
    const int total = shown * boxW + (shown - 1) * gap;
    int x = (left + right) / 2 - total / 2;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    for (int i = 0; i < shown; ++i) {
        const TlsMark &m = marks[std::size_t(i)];
        const QColor c = recordColor(m.type, m.encrypted && !m.decrypted);
        const QRect box(x, y - boxH / 2, boxW, boxH);
        p.fillRect(box, m.encrypted && !m.decrypted ? QBrush(c, Qt::Dense4Pattern) : QBrush(c));
        p.setPen(QPen(c.darker(140), 1));
        p.drawLine(box.topLeft(), box.topRight());
        p.drawLine(box.bottomLeft(), box.bottomRight());
        p.setPen(QPen(c.darker(140), 1, m.startsHere ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(box.topLeft(), box.bottomLeft());
        p.setPen(QPen(c.darker(140), 1, m.completes ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(box.topRight(), box.bottomRight());
        x += boxW + gap;
    }
    p.restore();
    if (int(marks.size()) > shown) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPoint(x, y + 4), QStringLiteral("+%1").arg(marks.size() - std::size_t(shown)));
    }
    if (encrypted) {
        const int lockX = (left + right) / 2 - total / 2 - 12;
        paintLock(p, QPoint(lockX, y), allDecrypted, allDecrypted ? kDecryptedInk : kEncryptedInk);
    }
}

LadderView::RttRuler LadderView::rttRulerState() const
{
    RttRuler ruler;
    if (!m_rttRuler || m_currentPacket < 0 || std::size_t(m_currentPacket) >= m_session->store().size())
        return ruler;
    const PacketView view = m_session->store().at(std::size_t(m_currentPacket));
    const TcpPacketAnalysis *a = m_session->tcp().analysis(view.number);
    if (!a || a->conversation >= m_session->tcp().conversations().size())
        return ruler;
    const TcpConversation &conv = m_session->tcp().conversations()[a->conversation];
    if (conv.initialRttNs <= 0)
        return ruler;
    ruler.rttNs = conv.initialRttNs;
    const int tlsIndex = tlsConnectionOfPacket(m_currentPacket);
    const TlsConnectionResult *tls =
        tlsIndex >= 0 ? &m_tls->analysis().connections()[std::size_t(tlsIndex)] : nullptr;
    const TlsHandshakeMessage *hello = tls ? tls->handshake(1, TlsDirection::ClientToServer) : nullptr;
    if (hello && hello->firstFrame > 0) {
        ruler.startNs = packetTime(hello->firstFrame - 1);
        ruler.fromClientHello = true;
    } else if (conv.sawSyn && conv.synFrame > 0) {
        ruler.startNs = packetTime(conv.synFrame - 1);
    } else {
        return ruler;
    }
    ruler.valid = true;
    if (tls) {
        for (int dir = 0; dir < 2; ++dir) {
            const TlsRecord *r = tls->firstApplicationData(TlsDirection(dir));
            if (!r)
                continue;
            const std::int64_t t = r->firstFrame > 0 ? packetTime(r->firstFrame - 1) : r->timeNs;
            (dir == 0 ? ruler.clientDataRtt : ruler.serverDataRtt) =
                double(t - ruler.startNs) / double(ruler.rttNs);
        }
    }
    // Ticks up to the last shown packet, each at the first row at or after it (a packet at 0.97 RTT counts
    // as at 1 RTT: the measured RTT is one sample, the next round trip may be a little faster).
    const std::size_t n = shownCount();
    if (n == 0)
        return ruler;
    const std::int64_t end = packetTime(shownArrow(n - 1).packet);
    const std::int64_t slack = ruler.rttNs / 32;
    for (int k = 1; k <= 200; ++k) {
        const std::int64_t t = ruler.startNs + std::int64_t(k) * ruler.rttNs;
        if (t - slack > end)
            break;
        std::size_t lo = 0, hi = n; // first shown arrow with time >= t - slack (times grow with the rows)
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (packetTime(shownArrow(mid).packet) < t - slack)
                lo = mid + 1;
            else
                hi = mid;
        }
        ruler.ticks.push_back({k, t, lo < n ? int(lo) : -1});
    }
    return ruler;
}

int LadderView::tlsConnectionOfPacket(int packet) const
{
    if (!m_tls || packet < 0 || std::size_t(packet) >= m_session->store().size())
        return -1;
    // By TCP conversation, so a bare ACK of the connection counts too.
    const TcpPacketAnalysis *a = m_session->tcp().analysis(m_session->store().at(std::size_t(packet)).number);
    if (!a)
        return -1;
    const auto &all = m_tls->analysis().connections();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].conversation == a->conversation)
            return int(i);
    return -1;
}

LadderView::TtfbLayout LadderView::ttfbLayout() const
{
    TtfbLayout layout;
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.88);
    QFont bold = small;
    bold.setBold(true);
    const QFontMetrics sm(small), bm(bold); // measured bold: the selected connection's item is
    const int width = viewport()->width() - 12;
    layout.title = tr("First app data after ClientHello:");
    layout.titleWidth = sm.horizontalAdvance(layout.title) + 8;
    layout.unit = std::max(14, sm.horizontalAdvance(QStringLiteral("MM")));
    int x = 6 + layout.titleWidth, line = 0;
    for (const TtfbRow &row : ttfbRows()) {
        TtfbLayout::Item item;
        item.connection = row.connection;
        item.name = tr("#%1 %2").arg(row.connection + 1).arg(row.mode);
        item.value = row.clientRtt < 0   ? tr("?")
                     : row.serverRtt < 0 ? tr("%1 RTT").arg(row.clientRtt, 0, 'f', 1)
                                         : tr("%1 RTT (reply %2)").arg(row.clientRtt, 0, 'f', 1).arg(row.serverRtt, 0, 'f', 1);
        item.nameWidth = bm.horizontalAdvance(item.name);
        item.valueWidth = bm.horizontalAdvance(item.value);
        item.barWidth = row.clientRtt < 0 ? 0 : std::max(2, int(std::lround(std::min(row.clientRtt, 6.0) * layout.unit)));
        const int need = item.nameWidth + 4 + item.barWidth + 4 + item.valueWidth + 14;
        if (x + need > width + 6 && x > 6 + layout.titleWidth) { // next line, under the first item
            if (line == 2)
                break; // three lines at most
            ++line;
            x = 6 + layout.titleWidth;
        }
        item.line = line;
        item.x = x;
        x += need;
        layout.items.push_back(item);
    }
    layout.lines = line + 1;
    return layout;
}

std::vector<LadderView::TtfbRow> LadderView::ttfbRows() const
{
    std::vector<TtfbRow> rows;
    if (!m_tls)
        return rows;
    const auto &connections = m_tls->analysis().connections();
    const auto &tcp = m_session->tcp().conversations();
    for (std::size_t i = 0; i < connections.size() && rows.size() < 64; ++i) { // the header shows a dozen
        const TlsConnectionResult &c = connections[i];
        const TlsHandshakeMessage *hello = c.handshake(1, TlsDirection::ClientToServer);
        if (!hello || hello->firstFrame == 0 || c.conversation >= tcp.size() || tcp[c.conversation].initialRttNs <= 0)
            continue;
        const double rtt = double(tcp[c.conversation].initialRttNs);
        const std::int64_t start = packetTime(hello->firstFrame - 1);
        TtfbRow row;
        row.connection = int(i);
        const QString version = c.version == 0x0304 ? QStringLiteral("TLS 1.3")
                                : c.version == 0x0303 ? QStringLiteral("TLS 1.2")
                                                      : TlsAnalysis::protocolName(c.version);
        row.mode = c.earlyDataAccepted ? tr("%1 0-RTT").arg(version)
                   : c.resumed         ? tr("%1 resumed").arg(version)
                                       : tr("%1 full").arg(version);
        for (int dir = 0; dir < 2; ++dir) {
            const TlsRecord *r = c.firstApplicationData(TlsDirection(dir));
            if (!r)
                continue;
            const std::int64_t t = r->firstFrame > 0 ? packetTime(r->firstFrame - 1) : r->timeNs;
            (dir == 0 ? row.clientRtt : row.serverRtt) = double(t - start) / rtt;
        }
        rows.push_back(row);
    }
    return rows;
}

double LadderView::arrowRtt(int arrow) const
{
    const RttRuler ruler = rttRulerState();
    if (!ruler.valid || arrow < 0 || std::size_t(arrow) >= shownCount())
        return std::numeric_limits<double>::quiet_NaN();
    return double(packetTime(shownArrow(std::size_t(arrow)).packet) - ruler.startNs) / double(ruler.rttNs);
}

void LadderView::paintRuler(QPainter &p, const RttRuler &ruler, int header, int first, int last) const
{
    if (!ruler.valid)
        return;
    const QColor ink(0x7b, 0x3f, 0xa0);
    const int rowH = rowHeight();
    const int scrollY = verticalScrollBar()->value();
    const QRect area = viewport()->rect();
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    const QFontMetrics fm(f);
    p.save();
    p.setClipRect(QRect(0, header, area.width(), area.height() - header));
    p.setFont(f);
    // 0 RTT: the ClientHello (or SYN) row; then a line per round trip. Ticks on the same row share it.
    std::vector<std::pair<int, QString>> lines; // arrow, label
    {
        std::size_t lo = 0, hi = shownCount();
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (packetTime(shownArrow(mid).packet) < ruler.startNs)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < shownCount())
            lines.emplace_back(int(lo), ruler.fromClientHello ? tr("0 RTT (ClientHello)") : tr("0 RTT (SYN)"));
    }
    for (std::size_t i = 0; i < ruler.ticks.size();) {
        std::size_t j = i;
        while (j + 1 < ruler.ticks.size() && ruler.ticks[j + 1].arrow == ruler.ticks[i].arrow)
            ++j;
        if (ruler.ticks[i].arrow >= 0)
            lines.emplace_back(ruler.ticks[i].arrow,
                               i == j ? tr("%1 RTT").arg(ruler.ticks[i].rtt)
                                      : tr("%1–%2 RTT").arg(ruler.ticks[i].rtt).arg(ruler.ticks[j].rtt));
        i = j + 1;
    }
    for (const auto &[arrow, label] : lines) {
        if (arrow < first - 1 || arrow > last)
            continue;
        const int y = header + arrow * rowH - scrollY;
        p.setPen(QPen(ink, 1.4, Qt::DashLine));
        p.drawLine(kGutter - 4, y, area.width(), y);
        const int w = fm.horizontalAdvance(label) + 12;
        const QRect pill(area.width() - w - 4, y - fm.height() / 2 - 1, w, fm.height() + 2);
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawRoundedRect(pill, 6, 6);
        p.setPen(Qt::white);
        p.drawText(pill, Qt::AlignCenter, label);
    }
    p.restore();
}

// The header's key lines above the column titles: the TLS key, then what the ruler measures.
void LadderView::paintHeaderKeys(QPainter &p, int top) const
{
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.88);
    const QFontMetrics sm(small);
    const int lineH = fm.height();
    const int width = viewport()->width() - 12;
    p.save();
    p.setFont(small);
    int y = top;
    if (showsTlsKey()) {
        int x = 6;
        auto swatch = [&](const QColor &band, bool lock, bool open, const QColor &ink, const QString &text) {
            const QRect r(x, y + 2, 26, lineH - 4);
            p.fillRect(r, band);
            if (lock)
                paintLock(p, QPoint(r.center().x(), r.center().y()), open, ink);
            x = r.right() + 4;
            p.setPen(pal.color(QPalette::Text));
            const int w = std::min(sm.horizontalAdvance(text), std::max(0, width - x));
            p.drawText(QRect(x, y, w, lineH), Qt::AlignLeft | Qt::AlignVCenter, sm.elidedText(text, Qt::ElideRight, w));
            x += w + 14;
        };
        swatch(kEncryptedBand, true, false, kEncryptedInk, tr("encrypted TLS records (no key)"));
        swatch(kDecryptedBand, true, true, kDecryptedInk, tr("decrypted with the endpoints' keys"));
        // The record boxes.
        const std::pair<std::uint8_t, const char *> kinds[] = {
            {kTlsHandshake, QT_TR_NOOP("handshake")},
            {kTlsChangeCipherSpec, QT_TR_NOOP("CCS")},
            {kTlsApplicationData, QT_TR_NOOP("app data")},
            {kTlsAlert, QT_TR_NOOP("alert")}};
        p.setPen(pal.color(QPalette::Text));
        const QString boxes = tr("(a box per record in the segment)");
        for (const auto &[type, name] : kinds) {
            if (x + 60 > width)
                break;
            p.fillRect(QRect(x, y + lineH / 2 - 4, 13, 9), recordColor(type, false));
            x += 16;
            const QString text = tr(name);
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(x, y, sm.horizontalAdvance(text) + 2, lineH), Qt::AlignLeft | Qt::AlignVCenter, text);
            x += sm.horizontalAdvance(text) + 10;
        }
        if (x < width)
            p.drawText(QRect(x, y, width - x, lineH), Qt::AlignLeft | Qt::AlignVCenter,
                       sm.elidedText(boxes, Qt::ElideRight, width - x));
        y += lineH;
        // TTFB bars: per TLS connection, the client's first application data in RTT after its ClientHello
        // (a bar, one RTT = unit px, a notch per RTT) and the server's first (the reply) in brackets;
        // wrapped over as many lines as ttfbLayout() says.
        const TtfbLayout layout = ttfbLayout();
        const int current = tlsConnectionOfPacket(m_currentPacket);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(6, y, layout.titleWidth, lineH), Qt::AlignLeft | Qt::AlignVCenter, layout.title);
        for (const TtfbLayout::Item &item : layout.items) {
            const int iy = y + item.line * lineH;
            int ix = item.x;
            QFont f = small;
            f.setBold(item.connection == current);
            p.setFont(f);
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(ix, iy, item.nameWidth + 4, lineH), Qt::AlignLeft | Qt::AlignVCenter, item.name);
            ix += item.nameWidth + 4;
            p.fillRect(QRect(ix, iy + 3, item.barWidth, lineH - 6), QColor(0x7b, 0x3f, 0xa0));
            for (int k = 1; k * layout.unit < item.barWidth; ++k)
                p.fillRect(QRect(ix + k * layout.unit, iy + 3, 1, lineH - 6), pal.color(QPalette::Window));
            ix += item.barWidth + 4;
            p.drawText(QRect(ix, iy, item.valueWidth + 4, lineH), Qt::AlignLeft | Qt::AlignVCenter, item.value);
        }
        p.setFont(small);
        if (layout.items.empty()) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(QRect(6 + layout.titleWidth, y, width - layout.titleWidth, lineH), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("no TLS connection with a captured TCP handshake yet"));
        }
        y += (layout.lines - 1) * lineH;
        y += lineH;
    }
    if (m_rttRuler && shownCount() > 0) {
        const RttRuler ruler = rttRulerState();
        QString text;
        if (!ruler.valid) {
            text = tr("RTT ruler: select a packet of a TCP connection whose handshake was captured "
                      "(right-click to hide the ruler)");
            p.setPen(pal.color(QPalette::PlaceholderText));
        } else {
            text = ruler.fromClientHello
                       ? tr("RTT ruler from the ClientHello, 1 RTT = %1 ms (SYN → ACK)")
                             .arg(double(ruler.rttNs) / 1e6, 0, 'f', 1)
                       : tr("RTT ruler from the SYN, 1 RTT = %1 ms (SYN → ACK)")
                             .arg(double(ruler.rttNs) / 1e6, 0, 'f', 1);
            if (ruler.clientDataRtt >= 0 || ruler.serverDataRtt >= 0) {
                QStringList parts;
                if (ruler.clientDataRtt >= 0)
                    parts << tr("client %1 RTT").arg(ruler.clientDataRtt, 0, 'f', 1);
                if (ruler.serverDataRtt >= 0)
                    parts << tr("server %1 RTT").arg(ruler.serverDataRtt, 0, 'f', 1);
                text += tr(" · first app data: %1").arg(parts.join(QStringLiteral(", ")));
            }
            p.setPen(QColor(0x7b, 0x3f, 0xa0));
        }
        QFont bold = small;
        bold.setBold(ruler.valid);
        p.setFont(bold);
        p.drawText(QRect(6, y, width, lineH), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(bold).elidedText(text, Qt::ElideRight, width));
    }
    p.restore();
}

// One letter per HTTP/2 frame type for the lane marks, and its colour.
static std::pair<QString, QColor> laneMarkStyle(const QString &frame)
{
    static const std::map<QString, std::pair<const char *, QColor>> styles = {
        {QStringLiteral("DATA"), {"D", QColor(0x1f, 0x7a, 0x3a)}},
        {QStringLiteral("HEADERS"), {"H", QColor(0x2a, 0x5d, 0xb0)}},
        {QStringLiteral("PRIORITY"), {"Pr", QColor(0x0f, 0x86, 0x7a)}},
        {QStringLiteral("RST_STREAM"), {"R", QColor(0xc0, 0x1c, 0x1c)}},
        {QStringLiteral("SETTINGS"), {"S", QColor(0x5a, 0x5a, 0x5a)}},
        {QStringLiteral("PUSH_PROMISE"), {"PP", QColor(0x9c, 0x27, 0xb0)}},
        {QStringLiteral("PING"), {"P", QColor(0x6a, 0x3d, 0x9a)}},
        {QStringLiteral("GOAWAY"), {"G", QColor(0x8b, 0x00, 0x00)}},
        {QStringLiteral("WINDOW_UPDATE"), {"W", QColor(0xb0, 0x6a, 0x00)}},
        {QStringLiteral("CONTINUATION"), {"C", QColor(0x3d, 0x7e, 0xd6)}},
        {QStringLiteral("Magic"), {"M", QColor(0x5a, 0x5a, 0x5a)}}};
    const auto it = styles.find(frame);
    if (it == styles.end())
        return {QStringLiteral("?"), QColor(0x5a, 0x5a, 0x5a)};
    return {QLatin1String(it->second.first), it->second.second};
}

void LadderView::paintLanes(QPainter &p)
{
    const QPalette pal = palette();
    const QRect area = viewport()->rect();
    const LaneGeometry g = laneGeometry();
    const int header = headerHeight();
    const int rowH = rowHeight();
    const QFontMetrics fm = fontMetrics();
    const std::vector<int> columns = visibleColumns();
    const int clientId = columns.empty() ? -1 : columns.front();
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    QFont markFont = small;
    markFont.setBold(true);
    const int markH = std::max(12, fm.height() - 1);
    const QRect strip(g.lanesLeft, 0, g.lanesRight - g.lanesLeft, area.height());

    // The lanes (every other one shaded) in their strip, the two endpoints' lifelines at its edges.
    p.save();
    p.setClipRect(strip.adjusted(0, header, 0, 0));
    for (std::size_t l = 0; l < m_laneStreams.size(); ++l) {
        const int x = g.firstLaneX + int(l) * g.laneWidth;
        if (x + g.laneWidth < g.lanesLeft || x > g.lanesRight)
            continue;
        if (l % 2 == 0)
            p.fillRect(QRect(x, header, g.laneWidth, area.height() - header), QColor(0xee, 0xf2, 0xf8));
        p.setPen(QPen(QColor(0xd4, 0xdb, 0xe6), 1));
        p.drawLine(x + g.laneWidth / 2, header, x + g.laneWidth / 2, area.bottom());
    }
    p.restore();
    const QColor lifeline(0xb8, 0xc0, 0xcc);
    p.setPen(QPen(lifeline, 1.5, Qt::DashLine));
    p.drawLine(g.clientX, header, g.clientX, area.bottom());
    p.drawLine(g.serverX, header, g.serverX, area.bottom());

    const int scrollY = verticalScrollBar()->value();
    const int first = std::max(0, scrollY / rowH);
    const int last = std::min(int(shownCount()), (scrollY + area.height() - header) / rowH + 2);
    const std::int64_t origin = m_session->originNs();
    p.setClipRect(QRect(0, header, area.width(), area.height() - header));
    for (int r = first; r < last; ++r) {
        const Arrow &arrow = shownArrow(std::size_t(r));
        const int top = header + r * rowH - scrollY;
        const bool selected = int(arrow.packet) == m_currentPacket;
        if (selected)
            p.fillRect(QRect(0, top, area.width(), rowH), pal.color(QPalette::Highlight).lighter(175));

        const PacketView view = m_session->store().at(arrow.packet);
        p.setFont(font());
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(6, top, kGutter - 10, rowH / 2 + 2), Qt::AlignLeft | Qt::AlignBottom,
                   QString::number(double(view.timeNs - origin) / 1e9, 'f', 6));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(6, top + rowH / 2 + 1, kGutter - 10, rowH / 2), Qt::AlignLeft | Qt::AlignTop,
                   QStringLiteral("#%1").arg(view.number));

        const bool toServer = int(arrow.from) == clientId;
        const int x1 = toServer ? g.clientX : g.serverX, x2 = toServer ? g.serverX : g.clientX;
        const PacketSummary s = m_session->summary(arrow.packet);
        const bool lost = isNotDeliveredComment(m_session->store().comment(arrow.packet));
        const bool waiting = arrowWaitsBehindGap(r);
        const QString transport = transportLabel(arrow);
        QColor color(0x8a, 0x94, 0xa4); // the segment itself: grey under the frames' marks
        if (lost || transport.startsWith(QLatin1Char('[')) || (s.tcpFlags & TcpRst))
            color = QColor(0xc0, 0x1c, 0x1c);
        else if (s.tcpFlags & (TcpSyn | TcpFin))
            color = QColor(0x55, 0x55, 0x55);
        const int y = top + rowH - markH / 2 - 3;
        if (lost) {
            const int xm = (x1 + x2) / 2;
            p.setPen(QPen(color, selected ? 2.4 : 1.6, Qt::DashLine));
            p.drawLine(x1, y, xm, y);
            p.setPen(QPen(color, 2.4));
            p.drawLine(xm - 6, y - 6, xm + 6, y + 6);
            p.drawLine(xm - 6, y + 6, xm + 6, y - 6);
        } else {
            p.setPen(QPen(color, selected ? 2.4 : 1.4, waiting ? Qt::DotLine : Qt::SolidLine));
            p.drawLine(x1, y, x2, y);
            const int dir = x2 > x1 ? 1 : -1;
            QPainterPath head;
            head.moveTo(x2, y);
            head.lineTo(x2 - dir * 9, y - 4.5);
            head.lineTo(x2 - dir * 9, y + 4.5);
            head.closeSubpath();
            p.fillPath(head, color);
        }
        // The frames this packet starts, each in its stream's lane; hollow when they wait behind a gap
        // (or never arrived).
        p.save();
        p.setClipRect(QRect(g.lanesLeft, header, g.lanesRight - g.lanesLeft, area.height() - header));
        p.setFont(markFont);
        for (const LaneMark &m : marksOfPacket(arrow.packet)) {
            const auto lane = m_laneOfStream.find(m.stream);
            if (lane == m_laneOfStream.end())
                continue;
            const auto [letter, markColor] = laneMarkStyle(m.frame);
            const QRect box(g.firstLaneX + lane->second * g.laneWidth + 1, y - markH / 2, g.laneWidth - 2, markH);
            if (box.right() < g.lanesLeft || box.left() > g.lanesRight)
                continue;
            if (lost || waiting) {
                p.setBrush(pal.color(QPalette::Base));
                p.setPen(QPen(markColor, 1.6, lost ? Qt::DashLine : Qt::SolidLine));
                p.drawRoundedRect(box, 3, 3);
                p.setPen(markColor);
            } else {
                p.setBrush(markColor);
                p.setPen(Qt::NoPen);
                p.drawRoundedRect(box, 3, 3);
                p.setPen(Qt::white);
            }
            p.drawText(box, Qt::AlignCenter, letter);
        }
        p.restore();
        // The packet's words above its arrow, between the two columns.
        QString label = labelFor(arrow);
        if (waiting)
            label = tr("[Waits behind a lost segment] %1").arg(label);
        QFont f = small;
        f.setBold(selected);
        const QFontMetrics lm(f);
        const int left = std::min(x1, x2) + 12, right = std::max(x1, x2) - 12;
        const QString shown = lm.elidedText(label, Qt::ElideRight, right - left);
        p.setFont(f);
        p.setPen(waiting || lost ? QColor(0xa0, 0x10, 0x10) : color.darker(160));
        p.drawText(QRect(left, top + 1, right - left, y - markH / 2 - top - 1), Qt::AlignHCenter | Qt::AlignBottom,
                   shown);
    }
    p.setClipping(false);
    p.setFont(font());
    paintRuler(p, rttRulerState(), header, first, last);

    // Header: the key (two lines), then the client, the lanes' stream ids and the server.
    p.fillRect(QRect(0, 0, area.width(), header), pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, header - 1, area.width(), header - 1);
    const int keyH = fm.height();
    p.setFont(small);
    p.setPen(pal.color(QPalette::Text));
    const int keyWidth = area.width() - 12;
    p.drawText(QRect(6, 3, keyWidth, keyH), Qt::AlignLeft | Qt::AlignVCenter,
               smallMetrics.elidedText(tr("One lane per HTTP/2 stream (0: the connection), one mark per frame: "
                                          "H HEADERS · D DATA · W WINDOW_UPDATE · S SETTINGS · R RST_STREAM · "
                                          "G GOAWAY · P PING · M preface"),
                                       Qt::ElideRight, keyWidth));
    p.setPen(QColor(0xa0, 0x10, 0x10));
    p.drawText(QRect(6, 3 + keyH, keyWidth, keyH), Qt::AlignLeft | Qt::AlignVCenter,
               smallMetrics.elidedText(tr("Hollow marks, dotted arrow: arrived behind a lost segment; TCP holds "
                                          "them until the retransmission, whatever their stream"),
                                       Qt::ElideRight, keyWidth));
    paintHeaderKeys(p, 3 + 2 * keyH);
    const int boxTop = (2 + headerExtraLines()) * keyH + 7;
    const int boxH = header - boxTop - 5;
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    for (std::size_t c = 0; c < columns.size() && c < 2; ++c) {
        const QString &name = m_endpointNames[std::size_t(columns[c])];
        const int colon = name.lastIndexOf(QLatin1Char(':'));
        const bool hasPort = colon > 0 && !name.endsWith(QLatin1Char(']'));
        const int cx = c == 0 ? g.clientX : g.serverX;
        const QRect box(cx - g.endpointWidth / 2 + 3, boxTop, g.endpointWidth - 6, boxH);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xe4, 0xec, 0xf7));
        p.drawRoundedRect(box, 5, 5);
        p.setBrush(Qt::NoBrush);
        p.setPen(pal.color(QPalette::Text));
        p.setFont(bold);
        p.drawText(box.adjusted(2, 1, -2, -box.height() / 2), Qt::AlignHCenter | Qt::AlignBottom,
                   boldMetrics.elidedText(hasPort ? name.left(colon) : name, Qt::ElideMiddle, box.width() - 4));
        p.setFont(font());
        p.drawText(box.adjusted(2, box.height() / 2, -2, -1), Qt::AlignHCenter | Qt::AlignTop,
                   hasPort ? tr("port %1").arg(name.mid(colon + 1)) : QString());
    }
    // Stream ids over the lanes: upright when they fit, else turned a quarter.
    p.save();
    p.setClipRect(QRect(g.lanesLeft, boxTop, g.lanesRight - g.lanesLeft, boxH + 4));
    p.setFont(small);
    p.setPen(pal.color(QPalette::Text));
    for (std::size_t l = 0; l < m_laneStreams.size(); ++l) {
        const int x = g.firstLaneX + int(l) * g.laneWidth;
        if (x + g.laneWidth < g.lanesLeft || x > g.lanesRight)
            continue;
        const QString id = QString::number(m_laneStreams[l]);
        if (smallMetrics.horizontalAdvance(id) <= g.laneWidth - 2) {
            p.drawText(QRect(x, boxTop, g.laneWidth, boxH), Qt::AlignHCenter | Qt::AlignBottom, id);
        } else {
            p.save();
            p.translate(x + g.laneWidth / 2 + smallMetrics.ascent() / 2 - 1, boxTop + boxH);
            p.rotate(-90);
            p.drawText(QPoint(0, 0), id);
            p.restore();
        }
    }
    p.restore();
    p.setFont(font());
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRect(6, boxTop, kGutter - 8, boxH), Qt::AlignLeft | Qt::AlignVCenter, tr("Time (s)"));
}

} // namespace wirelab
