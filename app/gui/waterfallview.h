// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPoint>
#include <QTimer>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QCPItemRect;
class QComboBox;
class QLabel;
class QTableWidget;

namespace wirelab {

class CaptureSession;
class HttpFlowIndex;

// The HTTP waterfall: one row per request, grouped by connection (HTTP/1.x) or by stream on the one
// connection (HTTP/2), a bar from the request to the response's first byte (waiting, light) and on to
// its last byte (receiving, dark), a diamond where each new connection's handshake started, and the
// totals beside it (total time, requests, connections, handshakes). The totals have a row per page load
// of the HTTP lab (its client's "http.run" events in the session's event log give each run's name and
// time window: HTTP/1.0, HTTP/1.1 keep-alive, pipelined, HTTP/2, slow, loss, ...), so runs over the
// same protocol are not lumped together; requests outside any run (an opened file) are totalled per
// protocol. A run selector (or a click on a run's totals row) shows only that run, its time axis
// starting at the run's first handshake and filling the width, so the short HTTP/2 run is not a
// sliver next to HTTP/1.0. A click on a bar selects the packet with the response's first byte;
// selecting a packet highlights its bar. New packets are folded in from a 250 ms ticker, only when the
// view is visible.
class WaterfallView final : public QWidget
{
    Q_OBJECT
public:
    WaterfallView(CaptureSession *session, HttpFlowIndex *index, QWidget *parent = nullptr);
    ~WaterfallView() override;

    // Rows as drawn (exchange indices into the index, top to bottom) and the connection groups.
    int rowCount() const { return int(m_rows.size()); }
    int connectionGroupCount() const;
    QString rowLabel(int row) const;
    // The packet a click on row's bar selects (its first response frame, else its request).
    int packetOfRow(int row) const;
    // Where row's bar is, in the plot widget's coordinates (for tests); null when off screen.
    QPoint barCentre(int row) const;
    QWidget *plotWidget() const;
    int highlightedRow() const { return m_highlighted; }
    // Totals table text, row by row ("HTTP/1.1 keep-alive | 2.410 s | 100 | 6 | 6"), for tests.
    QStringList totals() const;

    // The lab's page loads seen so far ("HTTP/1.1 keep-alive", "HTTP/2", a repeat gets " (2)"), in order.
    QStringList runNames() const;
    // Shows only run (an index into runNames()), or every request for -1.
    void selectRun(int run);
    int selectedRun() const { return m_selectedRun; }
    // The time axis as shown, in seconds since the origin (the selected run's start, else the first request).
    double axisLower() const;
    double axisUpper() const;

    void setCurrentPacket(int packetIndex);
    // Folds in new packets and replots (the ticker calls it; force ignores the throttle and visibility).
    void refresh(bool force = false);
    void retranslate();
    QSize sizeHint() const override { return {720, 420}; }

Q_SIGNALS:
    void packetClicked(int packetIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Run
    {
        QString id;   // the lab's run name ("http11")
        QString name; // shown ("HTTP/1.1 keep-alive"), translated
        int repeat = 1; // the how-manieth run of this id
        std::int64_t fromNs = 0, toNs = 0;
    };
    void rebuild();
    void onCleared();
    bool takeNewRuns();
    // The run an exchange belongs to (its request went out in the run's window; the latest such run), or -1.
    int runOfExchange(int exchange) const;
    void fillRunSelector();
    static QString runName(const Run &run);

    CaptureSession *m_session;
    HttpFlowIndex *m_index;
    QCustomPlot *m_plot;
    QCPBars *m_offsetBars;
    QCPBars *m_waitBars;
    QCPBars *m_receiveBars;
    QCPGraph *m_handshakes;
    QCPItemRect *m_highlight;
    QTableWidget *m_totals;
    QComboBox *m_runSelector;
    QLabel *m_runLabel;
    QLabel *m_empty;
    QTimer m_ticker;
    std::vector<int> m_rows; // exchange indices
    int m_highlighted = -1;
    int m_currentPacket = -1;
    bool m_dirty = true;
    int m_generation = -1; // the index's generation the rows were built from
    int m_shownRowCount = -1;
    std::vector<Run> m_runs;
    std::size_t m_eventsSeen = 0;   // events of the session's log looked at for runs
    int m_selectedRun = -1;
    std::vector<int> m_totalsRun;   // per totals row: its run, or -1 for a per-protocol row
    std::vector<int> m_exchangeRun; // per exchange: its run (rebuilt with the rows)
};

} // namespace wirelab
