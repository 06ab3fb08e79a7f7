// SPDX-License-Identifier: GPL-3.0-or-later
// The waterfall's QCustomPlot (the one other shell file besides timelineplot.cpp that includes it).
#include "waterfallview.h"

#include "capturesession.h"
#include "httpflows.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <map>
#include <set>

namespace wirelab {

namespace {

QString versionName(HttpVersion v)
{
    switch (v) {
    case HttpVersion::Http10:
        return QStringLiteral("HTTP/1.0");
    case HttpVersion::Http11:
        return QStringLiteral("HTTP/1.1");
    case HttpVersion::Http2:
        return QStringLiteral("HTTP/2");
    }
    return {};
}

// The HTTP lab's run names (labs/http/httpinstance.cpp) as a student knows them; others as they are.
QString runTitle(const QString &id)
{
    static const std::map<QString, const char *> titles = {
        {QStringLiteral("about"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "GET /about")},
        {QStringLiteral("http10"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "HTTP/1.0")},
        {QStringLiteral("http11"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "HTTP/1.1 keep-alive")},
        {QStringLiteral("pipelined"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "HTTP/1.1 pipelined")},
        {QStringLiteral("slow"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "Slow resource, pipelined")},
        {QStringLiteral("chunked"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "Chunked")},
        {QStringLiteral("site-a"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "Host site-a.lab")},
        {QStringLiteral("site-b"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "Host site-b.lab")},
        {QStringLiteral("h2"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "HTTP/2")},
        {QStringLiteral("slow-h2"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "Slow resource, HTTP/2")},
        {QStringLiteral("loss-h2"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "HTTP/2, 2% loss")},
        {QStringLiteral("curl"), QT_TRANSLATE_NOOP("wirelab::WaterfallView", "curl")}};
    const auto it = titles.find(id);
    return it == titles.end() ? id : QCoreApplication::translate("wirelab::WaterfallView", it->second);
}

} // namespace

WaterfallView::WaterfallView(CaptureSession *session, HttpFlowIndex *index, QWidget *parent)
    : QWidget(parent), m_session(session), m_index(index), m_plot(new QCustomPlot(this)),
      m_totals(new QTableWidget(this)), m_runSelector(new QComboBox(this)), m_runLabel(new QLabel(this)),
      m_empty(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #5f6b7a; padding: 6px;"));
    layout->addWidget(m_empty);
    auto *runBar = new QHBoxLayout;
    runBar->setContentsMargins(6, 2, 6, 0);
    m_runSelector->setObjectName(QStringLiteral("waterfallRun"));
    m_runSelector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    runBar->addWidget(m_runLabel);
    runBar->addWidget(m_runSelector);
    runBar->addStretch(1);
    layout->addLayout(runBar);
    connect(m_runSelector, &QComboBox::activated, this,
            [this](int item) { selectRun(m_runSelector->itemData(item).toInt()); });
    layout->addWidget(m_plot, 1);
    m_totals->setObjectName(QStringLiteral("waterfallTotals"));
    m_totals->setColumnCount(5);
    m_totals->verticalHeader()->setVisible(false);
    m_totals->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_totals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_totals->setSelectionMode(QAbstractItemView::NoSelection);
    m_totals->setMaximumHeight(150);
    m_totals->setToolTip(tr("Click a run to show only its requests."));
    layout->addWidget(m_totals);
    connect(m_totals, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (row >= 0 && std::size_t(row) < m_totalsRun.size() && m_totalsRun[std::size_t(row)] >= 0)
            selectRun(m_totalsRun[std::size_t(row)] == m_selectedRun ? -1 : m_totalsRun[std::size_t(row)]);
    });

    m_plot->setObjectName(QStringLiteral("waterfallPlot"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_plot->yAxis->grid()->setVisible(false);

    // Horizontal stacked bars: an invisible one up to the request, then waiting, then receiving.
    m_offsetBars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_offsetBars->setPen(Qt::NoPen);
    m_offsetBars->setBrush(Qt::NoBrush);
    m_offsetBars->setSelectable(QCP::stNone);
    m_offsetBars->setWidth(0.7);
    m_waitBars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_waitBars->setPen(QPen(QColor(0x8f, 0xb4, 0xe3)));
    m_waitBars->setBrush(QColor(0xc6, 0xda, 0xf3));
    m_waitBars->setWidth(0.7);
    m_waitBars->moveAbove(m_offsetBars);
    m_receiveBars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_receiveBars->setPen(QPen(QColor(0x1f, 0x4e, 0x96)));
    m_receiveBars->setBrush(QColor(0x2a, 0x5d, 0xb0));
    m_receiveBars->setWidth(0.7);
    m_receiveBars->moveAbove(m_waitBars);
    m_handshakes = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_handshakes->setLineStyle(QCPGraph::lsNone);
    m_handshakes->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, QColor(0xd0, 0x70, 0x10), QColor(0xd0, 0x70, 0x10), 8));
    m_highlight = new QCPItemRect(m_plot);
    m_highlight->setPen(QPen(QColor(0xc0, 0x20, 0x20), 2));
    m_highlight->setBrush(Qt::NoBrush);
    m_highlight->setVisible(false);
    // The key in a row of its own above the plot, so it never covers a bar.
    m_plot->legend->setVisible(true);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_offsetBars->removeFromLegend();
    retranslate();

    connect(m_session, &CaptureSession::packetsAppended, this, [this] { m_dirty = true; });
    connect(m_session, &CaptureSession::cleared, this, &WaterfallView::onCleared);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        const double y = m_plot->yAxis->pixelToCoord(event->position().y());
        const int row = int(std::lround(y));
        if (row < 0 || row >= rowCount() || std::abs(y - row) > 0.45)
            return;
        const int packet = packetOfRow(row);
        if (packet >= 0)
            Q_EMIT packetClicked(packet);
    });
    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, [this] { refresh(false); });
    m_ticker.start();
}

WaterfallView::~WaterfallView() = default;

QWidget *WaterfallView::plotWidget() const
{
    return m_plot;
}

void WaterfallView::retranslate()
{
    m_plot->xAxis->setLabel(m_selectedRun >= 0 ? tr("Time since the run's first packet (s)")
                                                : tr("Time since the first request (s)"));
    m_runLabel->setText(tr("Show:"));
    for (Run &run : m_runs)
        run.name = runName(run);
    m_waitBars->setName(tr("Waiting (request sent → first byte)"));
    m_receiveBars->setName(tr("Receiving (first → last byte)"));
    m_handshakes->setName(tr("New connection (SYN)"));
    m_totals->setHorizontalHeaderLabels(
        {tr("Run / protocol"), tr("Total time"), tr("Requests"), tr("Connections"), tr("Handshakes")});
    fillRunSelector();
    m_empty->setText(tr("No HTTP requests in this capture yet. Run the HTTP lab, or open a capture with "
                        "HTTP/1.x or HTTP/2 (cleartext) traffic."));
    m_dirty = true;
    rebuild();
}

void WaterfallView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange) {
        for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
            axis->setLabelFont(font());
            axis->setTickLabelFont(font());
        }
        m_plot->legend->setFont(font());
        m_dirty = true;
    }
    QWidget::changeEvent(event);
}

void WaterfallView::onCleared()
{
    m_index->clear();
    m_rows.clear();
    m_generation = -1;
    m_shownRowCount = -1;
    m_highlighted = -1;
    m_runs.clear();
    m_eventsSeen = 0;
    m_selectedRun = -1;
    fillRunSelector();
    m_dirty = true;
}

bool WaterfallView::takeNewRuns()
{
    const EventLog &log = m_session->events();
    if (log.size() == m_eventsSeen)
        return false;
    bool added = false;
    for (const LabEvent &event : log.since(m_eventsSeen)) {
        ++m_eventsSeen;
        if (event.kind != QLatin1String("http.run"))
            continue;
        Run run;
        run.id = event.data.value(QStringLiteral("run")).toString();
        run.fromNs = event.data.value(QStringLiteral("from_ns")).toLongLong();
        run.toNs = event.data.value(QStringLiteral("to_ns")).toLongLong();
        if (run.id.isEmpty() || run.toNs < run.fromNs)
            continue;
        for (const Run &r : m_runs)
            run.repeat += r.id == run.id ? 1 : 0;
        run.name = runName(run);
        m_runs.push_back(std::move(run));
        added = true;
    }
    if (added)
        fillRunSelector();
    return added;
}

QString WaterfallView::runName(const Run &run)
{
    return run.repeat > 1 ? tr("%1 (%2)").arg(runTitle(run.id)).arg(run.repeat) : runTitle(run.id);
}

void WaterfallView::fillRunSelector()
{
    m_runSelector->clear();
    m_runSelector->addItem(tr("All requests"), -1);
    for (std::size_t r = 0; r < m_runs.size(); ++r)
        m_runSelector->addItem(m_runs[r].name, int(r));
    m_runSelector->setCurrentIndex(m_selectedRun + 1);
    m_runSelector->setVisible(!m_runs.empty());
    m_runLabel->setVisible(!m_runs.empty());
}

QStringList WaterfallView::runNames() const
{
    QStringList names;
    for (const Run &r : m_runs)
        names << r.name;
    return names;
}

void WaterfallView::selectRun(int run)
{
    if (run < -1 || run >= int(m_runs.size()))
        run = -1;
    m_selectedRun = run;
    m_runSelector->setCurrentIndex(run + 1);
    m_plot->xAxis->setLabel(m_selectedRun >= 0 ? tr("Time since the run's first packet (s)")
                                                : tr("Time since the first request (s)"));
    m_shownRowCount = -1; // show from the top
    rebuild();
}

int WaterfallView::runOfExchange(int exchange) const
{
    if (exchange < 0 || std::size_t(exchange) >= m_index->exchanges().size())
        return -1;
    const std::int64_t t = m_index->exchanges()[std::size_t(exchange)].requestNs;
    for (int r = int(m_runs.size()) - 1; r >= 0; --r)
        if (t >= m_runs[std::size_t(r)].fromNs && t <= m_runs[std::size_t(r)].toNs)
            return r;
    return -1;
}

double WaterfallView::axisLower() const
{
    return m_plot->xAxis->range().lower;
}

double WaterfallView::axisUpper() const
{
    return m_plot->xAxis->range().upper;
}

void WaterfallView::refresh(bool force)
{
    if (!force && !isVisible())
        return;
    if (m_dirty || force)
        m_index->update(*m_session, force);
    const bool newRuns = takeNewRuns();
    if (m_index->generation() != m_generation || force || newRuns)
        rebuild();
    // A throttled reparse stays pending: look again on the next tick.
    m_dirty = m_index->reparsePending();
}

int WaterfallView::connectionGroupCount() const
{
    std::set<int> groups;
    if (m_index->generation() != m_generation)
        return 0;
    for (int e : m_rows)
        groups.insert(m_index->exchanges()[std::size_t(e)].connection);
    return int(groups.size());
}

QString WaterfallView::rowLabel(int row) const
{
    if (row < 0 || row >= rowCount() || m_index->generation() != m_generation)
        return {};
    const HttpExchangeRow &x = m_index->exchanges()[std::size_t(m_rows[std::size_t(row)])];
    // "c3 GET /img/7.png" (connection 3), "c7 s5 GET /img/2.png" (stream 5 on connection 7).
    if (x.version == HttpVersion::Http2)
        return tr("c%1 s%2 %3 %4").arg(x.connection + 1).arg(x.streamId).arg(x.method, x.uri);
    return tr("c%1 %2 %3").arg(x.connection + 1).arg(x.method, x.uri);
}

int WaterfallView::packetOfRow(int row) const
{
    if (row < 0 || row >= rowCount() || m_index->generation() != m_generation)
        return -1;
    const HttpExchangeRow &x = m_index->exchanges()[std::size_t(m_rows[std::size_t(row)])];
    return x.firstResponsePacket >= 0 ? x.firstResponsePacket : x.requestPacket;
}

QPoint WaterfallView::barCentre(int row) const
{
    if (row < 0 || row >= rowCount() || m_index->generation() != m_generation)
        return {};
    const HttpExchangeRow &x = m_index->exchanges()[std::size_t(m_rows[std::size_t(row)])];
    const double origin = m_plot->property("wirelabOrigin").toDouble();
    const double start = double(x.requestNs) / 1e9 - origin;
    const double end = double(std::max(x.lastByteNs, std::max(x.firstByteNs, x.requestNs))) / 1e9 - origin;
    const double px = m_plot->xAxis->coordToPixel((start + end) / 2);
    const double py = m_plot->yAxis->coordToPixel(row);
    if (!m_plot->axisRect()->rect().contains(QPoint(int(px), int(py))))
        return {};
    return QPoint(int(px), int(py));
}

QStringList WaterfallView::totals() const
{
    QStringList lines;
    for (int r = 0; r < m_totals->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_totals->columnCount(); ++c)
            cells << (m_totals->item(r, c) ? m_totals->item(r, c)->text() : QString());
        lines << cells.join(QStringLiteral(" | "));
    }
    return lines;
}

void WaterfallView::rebuild()
{
    const auto &exchanges = m_index->exchanges();
    const auto &connections = m_index->connections();
    m_generation = m_index->generation();
    m_rows.clear();
    m_exchangeRun.assign(exchanges.size(), -1);
    for (std::size_t i = 0; i < exchanges.size(); ++i) {
        m_exchangeRun[i] = runOfExchange(int(i));
        if (m_selectedRun < 0 || m_exchangeRun[i] == m_selectedRun)
            m_rows.push_back(int(i));
    }
    // Grouped by connection (connections are in order of their first packet), then by request time.
    std::stable_sort(m_rows.begin(), m_rows.end(), [&exchanges](int l, int r) {
        const HttpExchangeRow &a = exchanges[std::size_t(l)], &b = exchanges[std::size_t(r)];
        return a.connection != b.connection ? a.connection < b.connection : a.requestNs < b.requestNs;
    });
    m_empty->setVisible(m_rows.empty());

    // The origin: the first request or handshake of what shows (the selected run, else everything).
    std::int64_t originNs = 0;
    bool haveOrigin = false;
    for (int e : m_rows) {
        const HttpExchangeRow &x = exchanges[std::size_t(e)];
        if (!haveOrigin || x.requestNs < originNs) {
            originNs = x.requestNs;
            haveOrigin = true;
        }
        if (x.connection >= 0 && std::size_t(x.connection) < connections.size()) {
            const HttpConnectionRow &c = connections[std::size_t(x.connection)];
            if (c.synPacket >= 0 && c.synNs < originNs)
                originNs = c.synNs;
        }
    }
    const double origin = double(originNs) / 1e9;
    m_plot->setProperty("wirelabOrigin", origin);

    QVector<double> keys, offsets, waits, receives, hsX, hsY;
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(m_plot->yAxis->ticker());
    ticker->clear();
    std::set<int> markedConnections;
    double end = 0;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const HttpExchangeRow &x = exchanges[std::size_t(m_rows[r])];
        const double req = double(x.requestNs) / 1e9 - origin;
        const double first = x.firstResponsePacket >= 0 ? double(x.firstByteNs) / 1e9 - origin : req;
        const double last = x.lastByteNs > 0 ? std::max(first, double(x.lastByteNs) / 1e9 - origin) : first;
        keys << double(r);
        offsets << req;
        waits << std::max(0.0, first - req);
        receives << std::max(0.0, last - first);
        end = std::max(end, last);
        ticker->addTick(double(r), rowLabel(int(r)));
        if (markedConnections.insert(x.connection).second && x.connection >= 0 &&
            std::size_t(x.connection) < connections.size()) {
            const HttpConnectionRow &c = connections[std::size_t(x.connection)];
            if (c.synPacket >= 0) {
                hsX << double(c.synNs) / 1e9 - origin;
                hsY << double(r);
            }
        }
    }
    m_offsetBars->setData(keys, offsets, true);
    m_waitBars->setData(keys, waits, true);
    m_receiveBars->setData(keys, receives, true);
    m_handshakes->setData(hsX, hsY, true);
    m_plot->xAxis->setRange(0, std::max(0.01, end * 1.03));
    // As many rows as fit with readable labels; drag up and down to scroll.
    const int fit =
        std::max(4, (m_plot->axisRect()->height() > 0 ? m_plot->axisRect()->height() : height() / 2) /
                        (QFontMetrics(m_plot->yAxis->tickLabelFont()).height() + 2));
    if (int(m_rows.size()) != m_shownRowCount) // new rows: show from the top again; else keep the scroll
        m_plot->yAxis->setRange(-0.7,
                                std::min<double>(std::max<double>(double(m_rows.size()), 1.0), fit) - 0.3);
    m_shownRowCount = int(m_rows.size());

    // Totals per run of the lab (in run order), then per protocol for requests outside every run.
    struct Total
    {
        std::int64_t startNs = 0, endNs = 0;
        int requests = 0;
        std::set<int> connections;
        int handshakes = 0;
    };
    std::map<int, Total> totals; // key: run, or -1 - protocol for requests outside every run
    for (std::size_t i = 0; i < exchanges.size(); ++i) {
        const HttpExchangeRow &x = exchanges[i];
        Total &t = totals[m_exchangeRun[i] >= 0 ? m_exchangeRun[i] : -1 - int(x.version)];
        std::int64_t start = x.requestNs;
        if (x.connection >= 0 && std::size_t(x.connection) < connections.size() &&
            connections[std::size_t(x.connection)].synPacket >= 0)
            start = std::min(start, connections[std::size_t(x.connection)].synNs);
        if (t.requests == 0 || start < t.startNs)
            t.startNs = start;
        t.endNs = std::max({t.endNs, x.lastByteNs, x.firstByteNs, x.requestNs});
        ++t.requests;
        if (t.connections.insert(x.connection).second && x.connection >= 0 &&
            std::size_t(x.connection) < connections.size() &&
            connections[std::size_t(x.connection)].synPacket >= 0)
            ++t.handshakes;
    }
    m_totals->setRowCount(int(totals.size()));
    m_totalsRun.clear();
    int row = 0;
    std::vector<std::pair<int, const Total *>> ordered; // runs first, in order; then HTTP/1.0, 1.1, 2
    for (const auto &[key, t] : totals)
        if (key >= 0)
            ordered.emplace_back(key, &t);
    for (auto it = totals.rbegin(); it != totals.rend(); ++it)
        if (it->first < 0)
            ordered.emplace_back(it->first, &it->second);
    QFont boldFont = m_totals->font();
    boldFont.setBold(true);
    for (const auto &[key, tp] : ordered) {
        const Total &t = *tp;
        m_totalsRun.push_back(key >= 0 ? key : -1);
        const QString name = key >= 0 ? m_runs[std::size_t(key)].name : versionName(HttpVersion(-1 - key));
        const QStringList cells = {name,
                                   tr("%1 s").arg(double(t.endNs - t.startNs) / 1e9, 0, 'f', 3),
                                   QString::number(t.requests), QString::number(t.connections.size()),
                                   QString::number(t.handshakes)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (key >= 0 && key == m_selectedRun)
                item->setFont(boldFont);
            m_totals->setItem(row, c, item);
        }
        ++row;
    }
    m_totals->setVisible(!totals.empty());
    setCurrentPacket(m_currentPacket);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void WaterfallView::setCurrentPacket(int packetIndex)
{
    m_currentPacket = packetIndex;
    if (m_index->generation() != m_generation)
        return; // rebuild() comes on the next tick and highlights it then
    const int exchange = packetIndex < 0 ? -1 : m_index->exchangeOfPacket(packetIndex);
    // A packet of another run than the one shown: show its run.
    if (m_selectedRun >= 0 && exchange >= 0 && std::size_t(exchange) < m_exchangeRun.size() &&
        m_exchangeRun[std::size_t(exchange)] >= 0 && m_exchangeRun[std::size_t(exchange)] != m_selectedRun) {
        selectRun(m_exchangeRun[std::size_t(exchange)]); // rebuild() calls back here
        return;
    }
    const auto it = std::find(m_rows.begin(), m_rows.end(), exchange);
    m_highlighted = exchange < 0 || it == m_rows.end() ? -1 : int(it - m_rows.begin());
    m_highlight->setVisible(m_highlighted >= 0);
    if (m_highlighted >= 0) {
        const HttpExchangeRow &x = m_index->exchanges()[std::size_t(exchange)];
        const double origin = m_plot->property("wirelabOrigin").toDouble();
        const double start = double(x.requestNs) / 1e9 - origin;
        const double end = double(std::max({x.lastByteNs, x.firstByteNs, x.requestNs})) / 1e9 - origin;
        m_highlight->topLeft->setCoords(start, m_highlighted - 0.45);
        m_highlight->bottomRight->setCoords(std::max(end, start + 1e-4), m_highlighted + 0.45);
        // Keep the highlighted row in view.
        const QCPRange range = m_plot->yAxis->range();
        if (m_highlighted < range.lower || m_highlighted > range.upper)
            m_plot->yAxis->setRange(m_highlighted - 2, m_highlighted - 2 + range.size());
    }
    if (isVisible())
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace wirelab
