// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

#include <cstddef>
#include <cstdint>
#include <vector>

class QCustomPlot;
class QCPGraph;

namespace wirelab {

class CaptureSession;

// Packets per second and bytes per second over the run, in time bins that widen as the run grows (so a
// plot never holds more than a few hundred points). Batches only mark the plot dirty; a 200 ms ticker
// folds new packets in and replots, and only when something changed and the plot is visible.
class TimelinePlot final : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePlot(CaptureSession *session, QWidget *parent = nullptr);
    ~TimelinePlot() override;

    // Bin width in seconds and the bins as the plot shows them (for tests).
    double binSeconds() const { return double(m_binNs) / 1e9; }
    std::vector<double> packetsPerSecond() const;
    std::uint64_t packetsCounted() const { return m_packetsCounted; }
    int replotCount() const { return m_replots; }
    // Folds in pending packets and replots now if dirty (the ticker calls it).
    void refresh();
    void retranslate();
    QSize sizeHint() const override { return {560, 220}; }

Q_SIGNALS:
    // A click on the plot: the first packet at or after that time.
    void packetClicked(int packetIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onCleared();
    void foldIn();
    void widenBins();

    static constexpr std::size_t kMaxBins = 160;

    CaptureSession *m_session;
    QCustomPlot *m_plot;
    QCPGraph *m_packetsGraph;
    QCPGraph *m_bytesGraph;
    QTimer m_ticker;
    bool m_dirty = true;
    std::size_t m_processed = 0;
    std::int64_t m_binNs = 10'000'000; // 10 ms to start; doubles as the run grows
    std::int64_t m_originNs = 0;
    std::vector<std::uint32_t> m_packets;
    std::vector<std::uint64_t> m_bytes;
    std::uint64_t m_packetsCounted = 0;
    int m_replots = 0;
};

} // namespace wirelab
