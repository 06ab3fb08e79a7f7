// SPDX-License-Identifier: GPL-3.0-or-later
// With timelineplot.cpp, the only files of the shell that include qcustomplot.h (it costs seconds per
// translation unit).
#include "telemetrypanel.h"

#include "capturesession.h"
#include "lab/labcontroller.h"
#include "labnet/labnetwork.h"
#include "labnet/wire.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace wirelab {

namespace {

// Counters that matter for the labs, in the order shown; the sampler logs each only when it changes.
const char *const kShownCounters[] = {"TcpExt.ListenOverflows", "TcpExt.ListenDrops", "Udp.RcvbufErrors",
                                      "Tcp.RetransSegs", "TcpExt.TCPSynRetrans"};

QColor connectionColor(std::size_t i)
{
    static const QColor colors[] = {QColor(0x2a, 0x5d, 0xb0), QColor(0xd0, 0x70, 0x10),
                                    QColor(0x0f, 0x86, 0x7a), QColor(0xa8, 0x32, 0x8c),
                                    QColor(0x6b, 0x8e, 0x23), QColor(0xb0, 0x30, 0x30),
                                    QColor(0x55, 0x55, 0x55), QColor(0x1e, 0x90, 0xa0)};
    return colors[i % (sizeof colors / sizeof colors[0])];
}

constexpr std::size_t kMaxSamplesPerConnection = 6000; // ten minutes at the sampler's 100 ms
constexpr int kTcpTimeWait = 6, kTcpClose = 7;         // linux/tcp.h TCP_TIME_WAIT, TCP_CLOSE

} // namespace

TelemetryPanel::TelemetryPanel(CaptureSession *session, LabController *controller, QWidget *parent)
    : QWidget(parent), m_session(session), m_controller(controller), m_kernelTitle(new QLabel(this)),
      m_legend(new QLabel(this)), m_plot(new QCustomPlot(this)), m_empty(new QLabel(this)),
      m_listenerTitle(new QLabel(this)), m_listenerGrid(new QGridLayout), m_counterTitle(new QLabel(this)),
      m_counters(new QLabel(this)), m_wireTitle(new QLabel(this)), m_wire(new QLabel(this))
{
    // The plots at the left, what is not a time series (queues, counters, the wire's figures) at the right.
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(10);
    auto *plotColumn = new QVBoxLayout;
    plotColumn->setSpacing(2);
    QFont bold = m_kernelTitle->font();
    bold.setBold(true);
    for (QLabel *title : {m_kernelTitle, m_listenerTitle, m_counterTitle, m_wireTitle})
        title->setFont(bold);
    plotColumn->addWidget(m_kernelTitle);
    m_legend->setObjectName(QStringLiteral("telemetryLegend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    plotColumn->addWidget(m_legend);
    plotColumn->addWidget(m_plot, 1);
    m_empty->setObjectName(QStringLiteral("telemetryEmptyLabel"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("QLabel { color: #5f6b7a; }"));
    plotColumn->addWidget(m_empty);
    auto *wireRow = new QHBoxLayout;
    wireRow->addWidget(m_wireTitle, 0, Qt::AlignTop);
    m_wire->setObjectName(QStringLiteral("telemetryWire"));
    m_wire->setWordWrap(true);
    wireRow->addWidget(m_wire, 1);
    plotColumn->addLayout(wireRow);
    layout->addLayout(plotColumn, 3);

    auto *side = new QVBoxLayout;
    side->setSpacing(2);
    side->addWidget(m_listenerTitle);
    m_listenerGrid->setHorizontalSpacing(6);
    side->addLayout(m_listenerGrid);
    side->addSpacing(4);
    side->addWidget(m_counterTitle);
    m_counters->setObjectName(QStringLiteral("telemetryCounters"));
    m_counters->setTextFormat(Qt::RichText);
    m_counters->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    side->addWidget(m_counters);
    side->addStretch(1);
    layout->addLayout(side, 2);
    m_counterTitle->setWordWrap(true);
    m_listenerTitle->setWordWrap(true);
    setMinimumHeight(160);

    // Two plots over one time axis: rtt on top, cwnd and in flight below.
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->plotLayout()->clear();
    m_rttRect = new QCPAxisRect(m_plot);
    m_windowRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(0, 0, m_rttRect);
    m_plot->plotLayout()->addElement(1, 0, m_windowRect);
    auto *margins = new QCPMarginGroup(m_plot);
    for (QCPAxisRect *r : {m_rttRect, m_windowRect}) {
        r->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        r->setRangeDrag(Qt::Horizontal);
        r->setRangeZoom(Qt::Horizontal);
        r->axis(QCPAxis::atLeft)->setRangeLower(0);
    }
    m_rttRect->setMargins(QMargins(0, 0, 0, 0));
    connect(m_rttRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::rangeChanged),
            m_windowRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(m_windowRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::rangeChanged),
            m_rttRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::setRange));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // The legend is a line of text above the plots, so it never covers a curve. (clear() above deleted
    // the default legend with the default axis rect.)
    m_plot->legend = nullptr;

    connect(m_session, &CaptureSession::eventsAppended, this, [this] { m_dirty = true; });
    connect(m_session, &CaptureSession::cleared, this, &TelemetryPanel::onCleared);
    connect(m_controller, &LabController::stateChanged, this, [this] {
        m_dirty = true;
        updateSideTexts();
    });
    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, &TelemetryPanel::refresh);
    m_ticker.start();
    retranslate();
    onCleared();
}

TelemetryPanel::~TelemetryPanel() = default;

void TelemetryPanel::onCleared()
{
    m_processed = 0;
    m_connections.clear();
    for (Listener &l : m_listeners) {
        for (QWidget *w : std::initializer_list<QWidget *>{l.bar, l.title}) {
            m_listenerGrid->removeWidget(w);
            w->hide();
            w->deleteLater(); // children of this panel; the grid only lays them out
        }
    }
    m_listeners.clear();
    m_counterValues.clear();
    m_plot->clearGraphs();
    m_graphsFor = 0;
    m_dirty = true;
    if (isVisible())
        refresh();
}

void TelemetryPanel::foldIn()
{
    const std::vector<LabEvent> events = m_session->events().since(m_processed);
    m_processed += events.size();
    for (const LabEvent &e : events) {
        if (!e.kind.startsWith(QLatin1String("telemetry.")))
            continue;
        const QString label = e.data.value(QStringLiteral("label")).toString();
        if (e.kind == QLatin1String("telemetry.tcp")) {
            auto it = std::find_if(m_connections.begin(), m_connections.end(),
                                   [&](const Connection &c) { return c.host == e.host && c.label == label; });
            if (it == m_connections.end()) {
                m_connections.push_back(Connection{e.host, label, {}, {}, {}, {}, 0});
                it = m_connections.end() - 1;
            }
            // A socket's last sample, once closed, reads all zeros: it says nothing about the connection.
            const int state = e.data.value(QStringLiteral("state")).toInt();
            if (state == kTcpTimeWait || state == kTcpClose || it->timeNs.size() >= kMaxSamplesPerConnection)
                continue;
            it->timeNs.push_back(e.timeNs);
            it->rttMs.push_back(e.data.value(QStringLiteral("rtt_us")).toDouble() / 1000.0);
            it->cwnd.push_back(e.data.value(QStringLiteral("cwnd")).toDouble());
            it->inFlight.push_back(e.data.value(QStringLiteral("unacked")).toDouble());
            it->retransmits = e.data.value(QStringLiteral("retrans_total")).toUInt();
        } else if (e.kind == QLatin1String("telemetry.listener")) {
            auto it = std::find_if(m_listeners.begin(), m_listeners.end(),
                                   [&](const Listener &l) { return l.host == e.host && l.label == label; });
            if (it == m_listeners.end()) {
                Listener l{e.host, label, 0, 0, 0, new QProgressBar(this), new QLabel(this)};
                l.bar->setObjectName(QStringLiteral("acceptQueueGauge"));
                l.bar->setTextVisible(true);
                l.bar->setMaximumHeight(fontMetrics().height() + 6);
                const int row = 2 * int(m_listeners.size());
                l.title->setWordWrap(true);
                m_listenerGrid->addWidget(l.title, row, 0);
                m_listenerGrid->addWidget(l.bar, row + 1, 0);
                m_listeners.push_back(l);
                it = m_listeners.end() - 1;
            }
            it->queue = e.data.value(QStringLiteral("accept_queue")).toInt();
            it->backlog = e.data.value(QStringLiteral("backlog")).toInt();
            it->peak = std::max(it->peak, it->queue);
        } else if (e.kind == QLatin1String("telemetry.counter")) {
            const QString key = e.host + QLatin1Char('/') + e.data.value(QStringLiteral("name")).toString();
            const std::int64_t value = e.data.value(QStringLiteral("value")).toLongLong();
            const auto it = m_counterValues.find(key);
            if (it == m_counterValues.end())
                m_counterValues.emplace(key, Counter{value, value});
            else
                it->second.last = value;
        }
    }
}

void TelemetryPanel::rebuildGraphs()
{
    // One rtt graph and two window graphs per connection, same colour.
    while (m_graphsFor < m_connections.size()) {
        const QColor color = connectionColor(m_graphsFor);
        QCPGraph *rtt =
            m_plot->addGraph(m_rttRect->axis(QCPAxis::atBottom), m_rttRect->axis(QCPAxis::atLeft));
        rtt->setPen(QPen(color, 1.8));
        QCPGraph *cwnd =
            m_plot->addGraph(m_windowRect->axis(QCPAxis::atBottom), m_windowRect->axis(QCPAxis::atLeft));
        cwnd->setPen(QPen(color, 1.8));
        cwnd->setLineStyle(QCPGraph::lsStepLeft);
        QCPGraph *flight =
            m_plot->addGraph(m_windowRect->axis(QCPAxis::atBottom), m_windowRect->axis(QCPAxis::atLeft));
        flight->setPen(QPen(color, 1.2, Qt::DashLine));
        flight->setLineStyle(QCPGraph::lsStepLeft);
        flight->setBrush(QColor(color.red(), color.green(), color.blue(), 30));
        ++m_graphsFor;
    }
    // Times are relative to the first packet, as in the packet list (the origin moves once the first
    // packet arrives, so the keys are recomputed; a few thousand points cost nothing).
    const std::int64_t origin = m_session->originNs();
    double maxKey = 0, maxRtt = 1, maxWindow = 4;
    QStringList legend;
    for (std::size_t c = 0; c < m_connections.size(); ++c) {
        const Connection &conn = m_connections[c];
        QVector<double> keys(qsizetype(conn.timeNs.size()));
        for (std::size_t i = 0; i < conn.timeNs.size(); ++i)
            keys[qsizetype(i)] = double(conn.timeNs[i] - origin) / 1e9;
        const auto values = [](const std::vector<double> &v) { return QVector<double>(v.begin(), v.end()); };
        m_plot->graph(int(c * 3))->setData(keys, values(conn.rttMs), true);
        m_plot->graph(int(c * 3 + 1))->setData(keys, values(conn.cwnd), true);
        m_plot->graph(int(c * 3 + 2))->setData(keys, values(conn.inFlight), true);
        QString name = QStringLiteral("%1: %2").arg(conn.host, conn.label);
        if (conn.retransmits > 0)
            name += QLatin1Char(' ') + tr("(%n retransmitted)", nullptr, int(conn.retransmits));
        m_plot->graph(int(c * 3))->setName(name);
        legend << QStringLiteral("<span style='color:%1'>&#9632;</span>&nbsp;%2")
                      .arg(connectionColor(c).name(), name.toHtmlEscaped());
        if (!keys.isEmpty())
            maxKey = std::max(maxKey, keys.back());
        for (double v : conn.rttMs)
            maxRtt = std::max(maxRtt, v);
        for (std::size_t i = 0; i < conn.cwnd.size(); ++i)
            maxWindow = std::max({maxWindow, conn.cwnd[i], conn.inFlight[i]});
    }
    QString legendText = legend.join(QStringLiteral(" &nbsp; "));
    if (!legend.isEmpty())
        legendText += QStringLiteral("<br><span style='color:#5f6b7a'>%1</span>")
                          .arg(tr("Below: cwnd solid, segments in flight dashed.").toHtmlEscaped());
    m_legend->setText(legendText);
    m_legend->setVisible(!legend.isEmpty());
    // Follow the run: the whole of it, a little headroom above.
    const double lower = 0;
    m_rttRect->axis(QCPAxis::atBottom)->setRange(lower, std::max(1.0, maxKey * 1.02));
    m_rttRect->axis(QCPAxis::atLeft)->setRange(0, maxRtt * 1.15);
    m_windowRect->axis(QCPAxis::atLeft)->setRange(0, maxWindow * 1.15);
}

void TelemetryPanel::updateSideTexts()
{
    for (Listener &l : m_listeners) {
        l.title->setText(QStringLiteral("%1: %2").arg(l.host, l.label));
        l.bar->setRange(0, std::max(1, l.backlog));
        l.bar->setValue(std::min(l.queue, std::max(1, l.backlog)));
        l.bar->setFormat(tr("%1 of %2 waiting (peak %3)").arg(l.queue).arg(l.backlog).arg(l.peak));
        const bool full = l.backlog > 0 && l.queue >= l.backlog;
        l.bar->setStyleSheet(full ? QStringLiteral("QProgressBar::chunk { background: #c0392b; }")
                                  : QString());
        l.bar->setToolTip(tr("The accept queue: connections the kernel completed that the server has not "
                             "accept()ed yet, against the listen() backlog (sock_diag)."));
    }
    m_listenerTitle->setVisible(!m_listeners.empty());

    // A small table: one row per counter, one column per host, the change since the first sample.
    std::vector<QString> hosts;
    for (const auto &[key, counter] : m_counterValues) {
        const QString host = key.section(QLatin1Char('/'), 0, 0);
        if (std::find(hosts.begin(), hosts.end(), host) == hosts.end())
            hosts.push_back(host);
    }
    QString table;
    if (!hosts.empty()) {
        table = QStringLiteral("<table cellspacing='0' cellpadding='1'><tr><td></td>");
        for (const QString &host : hosts)
            table += QStringLiteral("<td align='right'>&nbsp;&nbsp;<b>%1</b></td>").arg(host.toHtmlEscaped());
        table += QStringLiteral("</tr>");
        for (const char *name : kShownCounters) {
            QString row =
                QStringLiteral("<tr><td>%1</td>").arg(QString::fromLatin1(name).section(QLatin1Char('.'), 1));
            bool any = false;
            for (const QString &host : hosts) {
                const auto it = m_counterValues.find(host + QLatin1Char('/') + QLatin1String(name));
                if (it == m_counterValues.end()) {
                    row += QStringLiteral("<td></td>");
                    continue;
                }
                any = true;
                const std::int64_t delta = it->second.last - it->second.first;
                row +=
                    delta > 0
                        ? QStringLiteral("<td align='right'><b style='color:#b00020'>+%1</b></td>").arg(delta)
                        : QStringLiteral("<td align='right'>0</td>");
            }
            if (any)
                table += row + QStringLiteral("</tr>");
        }
        table += QStringLiteral("</table>");
    }
    m_counters->setText(table);
    m_counterTitle->setVisible(!hosts.empty());
    m_counters->setVisible(!hosts.empty());

    m_wire->setText(wireText());
}

QString TelemetryPanel::wireText() const
{
    const bool running = m_controller->state() == LabController::State::Running;
    if (Wire *w = running ? m_controller->wire() : nullptr) {
        const WireStats s = w->stats();
        QString text = tr("%1 forwarded, %2 lost, %3 queue drops, %4 duplicated, %5 reordered, %6 held, "
                          "%7 dropped by you")
                           .arg(s.forwarded)
                           .arg(s.lost)
                           .arg(s.queueDrops)
                           .arg(s.duplicated)
                           .arg(s.reordered)
                           .arg(s.held)
                           .arg(s.droppedByStudent);
        return text;
    }
    if (running)
        return tr("Host mode: libpcap on the loopback, no wire of Wirelab's own.");
    return tr("Not running.");
}

void TelemetryPanel::refresh()
{
    if (!isVisible())
        return; // hidden: no work; showEvent catches up
    if (m_controller->state() == LabController::State::Running)
        m_wire->setText(wireText());
    if (!m_dirty)
        return;
    m_dirty = false;
    foldIn();
    rebuildGraphs();
    updateSideTexts();
    const bool none = m_connections.empty();
    m_empty->setVisible(none);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    ++m_replots;
}

void TelemetryPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_dirty = true;
    refresh();
}

void TelemetryPanel::retranslate()
{
    m_kernelTitle->setText(tr("Kernel (TCP_INFO), per connection"));
    m_kernelTitle->setToolTip(
        tr("What the kernel's TCP stack reports about each socket, sampled every 100 ms: "
           "its own view, not what the capture saw."));
    m_rttRect->axis(QCPAxis::atLeft)->setLabel(tr("rtt (ms)"));
    m_windowRect->axis(QCPAxis::atLeft)->setLabel(tr("segments"));
    m_windowRect->axis(QCPAxis::atBottom)->setLabel(tr("Time since the first packet (s)"));
    m_listenerTitle->setText(tr("Kernel: accept queue / backlog"));
    m_counterTitle->setText(tr("Kernel counters (/proc/net), change since the start"));
    m_wireTitle->setText(tr("Wire (capture)"));
    m_empty->setText(tr("Kernel telemetry appears here once the lab opens a TCP connection."));
    m_dirty = true;
}

QStringList TelemetryPanel::connections() const
{
    QStringList out;
    for (const Connection &c : m_connections)
        out << QStringLiteral("%1: %2").arg(c.host, c.label);
    return out;
}

int TelemetryPanel::sampleCount(int connection) const
{
    return connection >= 0 && connection < int(m_connections.size())
               ? int(m_connections[std::size_t(connection)].timeNs.size())
               : 0;
}

double TelemetryPanel::lastRttMs(int connection) const
{
    if (sampleCount(connection) == 0)
        return -1;
    return m_connections[std::size_t(connection)].rttMs.back();
}

double TelemetryPanel::lastCwnd(int connection) const
{
    if (sampleCount(connection) == 0)
        return -1;
    return m_connections[std::size_t(connection)].cwnd.back();
}

QStringList TelemetryPanel::listeners() const
{
    QStringList out;
    for (const Listener &l : m_listeners)
        out << QStringLiteral("%1: %2").arg(l.host, l.label);
    return out;
}

int TelemetryPanel::acceptQueue(int listener) const
{
    return listener >= 0 && listener < int(m_listeners.size()) ? m_listeners[std::size_t(listener)].queue
                                                               : -1;
}

int TelemetryPanel::backlog(int listener) const
{
    return listener >= 0 && listener < int(m_listeners.size()) ? m_listeners[std::size_t(listener)].backlog
                                                               : -1;
}

std::int64_t TelemetryPanel::counterDelta(const QString &host, const QString &name) const
{
    const auto it = m_counterValues.find(host + QLatin1Char('/') + name);
    return it == m_counterValues.end() ? -1 : it->second.last - it->second.first;
}

void TelemetryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace wirelab
