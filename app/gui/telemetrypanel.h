// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QGridLayout;
class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace wirelab {

class CaptureSession;
class LabController;

// Kernel truth next to wire truth, live. From the run's "telemetry.*" events (TelemetrySampler):
//  - per TCP connection, rtt (ms) on top and cwnd with the segments in flight below, one colour each;
//  - per listener, its accept queue against its backlog as a bar;
//  - the counters ListenOverflows, ListenDrops and RcvbufErrors (and a few more) as their change since
//    the start, per host;
// and from the wire (sandbox mode) what it forwarded, lost, held and dropped. Events only mark the panel
// dirty; a 250 ms ticker folds them in and replots, only when something changed and the panel is visible.
class TelemetryPanel final : public QWidget
{
    Q_OBJECT
public:
    TelemetryPanel(CaptureSession *session, LabController *controller, QWidget *parent = nullptr);
    ~TelemetryPanel() override;

    // Connections seen so far, as "host: label", and their latest values (for tests).
    QStringList connections() const;
    int sampleCount(int connection) const;
    double lastRttMs(int connection) const;
    double lastCwnd(int connection) const;
    QStringList listeners() const;
    int acceptQueue(int listener) const;
    int backlog(int listener) const;
    // Change of a counter since the run's first sample ("TcpExt.ListenOverflows"), or -1 if never seen.
    std::int64_t counterDelta(const QString &host, const QString &name) const;
    QString wireText() const;
    int replotCount() const { return m_replots; }
    void refresh();

    QSize sizeHint() const override { return {560, 360}; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Connection
    {
        QString host, label;
        std::vector<std::int64_t> timeNs;
        std::vector<double> rttMs, cwnd, inFlight;
        std::uint32_t retransmits = 0;
    };
    struct Listener
    {
        QString host, label;
        int queue = 0, backlog = 0, peak = 0;
        QProgressBar *bar = nullptr;
        QLabel *title = nullptr;
    };
    struct Counter
    {
        std::int64_t first = 0, last = 0;
    };

    void onCleared();
    void foldIn();
    void rebuildGraphs();
    void updateSideTexts();
    void retranslate();

    CaptureSession *m_session;
    LabController *m_controller;
    QLabel *m_kernelTitle;
    QLabel *m_legend;
    QCustomPlot *m_plot;
    QCPAxisRect *m_rttRect;
    QCPAxisRect *m_windowRect;
    QLabel *m_empty;
    QLabel *m_listenerTitle;
    QGridLayout *m_listenerGrid;
    QLabel *m_counterTitle;
    QLabel *m_counters;
    QLabel *m_wireTitle;
    QLabel *m_wire;
    QTimer m_ticker;
    bool m_dirty = true;
    std::size_t m_processed = 0;
    std::vector<Connection> m_connections;
    std::vector<Listener> m_listeners;
    std::map<QString, Counter> m_counterValues; // "host/name"
    std::size_t m_graphsFor = 0;                // connections the plot has graphs for
    int m_replots = 0;
};

} // namespace wirelab
