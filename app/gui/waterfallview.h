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
class QLabel;
class QTableWidget;

namespace wirelab {

class CaptureSession;
class HttpFlowIndex;

// The HTTP waterfall: one row per request, grouped by connection (HTTP/1.x) or by stream on the one
// connection (HTTP/2), a bar from the request to the response's first byte (waiting, light) and on to
// its last byte (receiving, dark), a diamond where each new connection's handshake started, and the
// totals per protocol beside it (total time, requests, connections, handshakes). A click on a bar
// selects the packet with the response's first byte; selecting a packet highlights its bar. New
// packets are folded in from a 250 ms ticker, only when the view is visible.
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
    // Totals table text, row by row ("HTTP/1.1 | 2.41 s | 100 | 6 | 6"), for tests.
    QStringList totals() const;

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
    void rebuild();
    void onCleared();

    CaptureSession *m_session;
    HttpFlowIndex *m_index;
    QCustomPlot *m_plot;
    QCPBars *m_offsetBars;
    QCPBars *m_waitBars;
    QCPBars *m_receiveBars;
    QCPGraph *m_handshakes;
    QCPItemRect *m_highlight;
    QTableWidget *m_totals;
    QLabel *m_empty;
    QTimer m_ticker;
    std::vector<int> m_rows; // exchange indices
    int m_highlighted = -1;
    int m_currentPacket = -1;
    bool m_dirty = true;
    int m_generation = -1; // the index's generation the rows were built from
    int m_shownRowCount = -1;
};

} // namespace wirelab
