// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace wirelab {

class CaptureSession;
class HttpFlowIndex;

// Header bytes per request, in the order the requests were sent: for HTTP/1.x the raw header block
// (start line to the blank line) as it went on the wire; for HTTP/2 the HPACK-compressed header block
// on the wire (dark) next to the size it decodes to (light, "name: value\r\n" per header). After the
// first request on an HTTP/2 connection the dark bars collapse: the dynamic table already holds the
// headers. Folds new packets in from a 250 ms ticker, only when visible.
class HeaderBytesView final : public QWidget
{
    Q_OBJECT
public:
    HeaderBytesView(CaptureSession *session, HttpFlowIndex *index, QWidget *parent = nullptr);

    struct Bar
    {
        bool http2 = false;
        std::uint64_t wire = 0;    // bytes on the wire
        std::uint64_t decoded = 0; // decoded size (HTTP/1: the same)
        QString label;             // "GET /img/3.png"
    };
    const std::vector<Bar> &bars() const { return m_bars; }
    void refresh(bool force = false);
    QSize sizeHint() const override { return {560, 260}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    CaptureSession *m_session;
    HttpFlowIndex *m_index;
    QTimer m_ticker;
    std::vector<Bar> m_bars;
    int m_generation = -1;
};

} // namespace wirelab
