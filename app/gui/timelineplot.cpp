// SPDX-License-Identifier: GPL-3.0-or-later
// The only file of the shell that includes qcustomplot.h (it costs seconds per translation unit).
#include "timelineplot.h"

#include "capturesession.h"

#include <QEvent>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace wirelab {

TimelinePlot::TimelinePlot(CaptureSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(120);

    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->yAxis2->setVisible(true);
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 210));
    m_plot->legend->setBorderPen(QPen(QColor(0xc8, 0xc8, 0xc8)));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    m_plot->axisRect()->setMargins(QMargins(0, 4, 0, 0));

    m_packetsGraph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_packetsGraph->setLineStyle(QCPGraph::lsStepLeft);
    m_packetsGraph->setPen(QPen(QColor(0x2a, 0x5d, 0xb0), 1.6));
    m_packetsGraph->setBrush(QColor(0x2a, 0x5d, 0xb0, 40));
    m_bytesGraph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_bytesGraph->setLineStyle(QCPGraph::lsStepLeft);
    m_bytesGraph->setPen(QPen(QColor(0xd0, 0x70, 0x10), 1.4));
    retranslate();

    connect(m_session, &CaptureSession::packetsAppended, this, [this] { m_dirty = true; });
    connect(m_session, &CaptureSession::cleared, this, &TimelinePlot::onCleared);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        const double seconds = m_plot->xAxis->pixelToCoord(event->position().x());
        const std::int64_t t = m_session->originNs() + std::int64_t(seconds * 1e9);
        const PacketStore &store = m_session->store();
        // Packets are in time order: binary search for the first at or after t.
        std::size_t lo = 0, hi = store.size();
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (store.at(mid).timeNs < t)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < store.size())
            Q_EMIT packetClicked(int(lo));
    });
    m_ticker.setInterval(200);
    connect(&m_ticker, &QTimer::timeout, this, &TimelinePlot::refresh);
    m_ticker.start();
}

TimelinePlot::~TimelinePlot() = default;

void TimelinePlot::retranslate()
{
    m_plot->xAxis->setLabel(tr("Time since the first packet (s)"));
    m_plot->yAxis->setLabel(tr("Packets/s"));
    m_plot->yAxis2->setLabel(tr("Bytes/s"));
    m_packetsGraph->setName(tr("Packets per second"));
    m_bytesGraph->setName(tr("Bytes per second"));
    m_dirty = true;
}

void TimelinePlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange) {
        for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2}) {
            axis->setLabelFont(font());
            axis->setTickLabelFont(font());
        }
        m_plot->legend->setFont(font());
        m_dirty = true;
    }
    QWidget::changeEvent(event);
}

void TimelinePlot::onCleared()
{
    m_processed = 0;
    m_packets.clear();
    m_bytes.clear();
    m_packetsCounted = 0;
    m_binNs = 10'000'000;
    m_dirty = true;
}

void TimelinePlot::widenBins()
{
    // Merge pairs of bins: the width doubles, the counts stay exact.
    std::vector<std::uint32_t> packets((m_packets.size() + 1) / 2);
    std::vector<std::uint64_t> bytes(packets.size());
    for (std::size_t i = 0; i < m_packets.size(); ++i) {
        packets[i / 2] += m_packets[i];
        bytes[i / 2] += m_bytes[i];
    }
    m_packets = std::move(packets);
    m_bytes = std::move(bytes);
    m_binNs *= 2;
}

void TimelinePlot::foldIn()
{
    const PacketStore &store = m_session->store();
    const std::size_t total = store.size();
    if (m_processed == 0 && total > 0) {
        m_originNs = m_session->originNs();
        // A file opened at once: pick the bin width from its duration straight away.
        const std::int64_t span = store.at(total - 1).timeNs - m_originNs;
        while (span / m_binNs >= std::int64_t(kMaxBins))
            m_binNs *= 2;
    }
    for (std::size_t i = m_processed; i < total; ++i) {
        const PacketView v = store.at(i);
        const std::int64_t offset = std::max<std::int64_t>(0, v.timeNs - m_originNs);
        std::size_t bin = std::size_t(offset / m_binNs);
        while (bin >= kMaxBins) {
            widenBins();
            bin = std::size_t(offset / m_binNs);
        }
        if (bin >= m_packets.size()) {
            m_packets.resize(bin + 1, 0);
            m_bytes.resize(bin + 1, 0);
        }
        ++m_packets[bin];
        m_bytes[bin] += v.originalLength;
        ++m_packetsCounted;
    }
    m_processed = total;
}

std::vector<double> TimelinePlot::packetsPerSecond() const
{
    std::vector<double> rates;
    const double seconds = binSeconds();
    for (std::uint32_t n : m_packets)
        rates.push_back(n / seconds);
    return rates;
}

void TimelinePlot::refresh()
{
    if (!m_dirty || !isVisible())
        return;
    m_dirty = false;
    foldIn();
    const double width = binSeconds();
    QVector<double> keys, packets, bytes;
    keys.reserve(qsizetype(m_packets.size() + 1));
    for (std::size_t i = 0; i < m_packets.size(); ++i) {
        keys.push_back(double(i) * width);
        packets.push_back(m_packets[i] / width);
        bytes.push_back(double(m_bytes[i]) / width);
    }
    if (!m_packets.empty()) {
        // Close the last step.
        keys.push_back(double(m_packets.size()) * width);
        packets.push_back(0);
        bytes.push_back(0);
    }
    m_packetsGraph->setData(keys, packets, true);
    m_bytesGraph->setData(keys, bytes, true);
    const double end = std::max(1.0, double(m_packets.size()) * width);
    m_plot->xAxis->setRange(0, end * 1.02);
    bool found = false;
    QCPRange range = m_packetsGraph->getValueRange(found);
    m_plot->yAxis->setRange(0, found ? std::max(1.0, range.upper * 1.15) : 1.0);
    range = m_bytesGraph->getValueRange(found);
    m_plot->yAxis2->setRange(0, found ? std::max(1.0, range.upper * 1.15) : 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    ++m_replots;
}

} // namespace wirelab
