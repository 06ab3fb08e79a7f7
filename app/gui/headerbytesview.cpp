// SPDX-License-Identifier: GPL-3.0-or-later
#include "headerbytesview.h"

#include "capturesession.h"
#include "httpflows.h"

#include <QPaintEvent>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace wirelab {

HeaderBytesView::HeaderBytesView(CaptureSession *session, HttpFlowIndex *index, QWidget *parent)
    : QWidget(parent), m_session(session), m_index(index)
{
    setMinimumHeight(120);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, [this] { refresh(false); });
    m_ticker.start();
    connect(m_session, &CaptureSession::cleared, this, [this] {
        m_bars.clear();
        m_generation = -1;
        update();
    });
}

void HeaderBytesView::refresh(bool force)
{
    if (!force && !isVisible())
        return;
    m_index->update(*m_session, force);
    if (m_index->generation() == m_generation && !force)
        return;
    m_generation = m_index->generation();
    const auto &exchanges = m_index->exchanges();
    std::vector<int> order(exchanges.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&exchanges](int l, int r) {
        return exchanges[std::size_t(l)].requestNs < exchanges[std::size_t(r)].requestNs;
    });
    m_bars.clear();
    for (int i : order) {
        const HttpExchangeRow &x = exchanges[std::size_t(i)];
        m_bars.push_back({x.version == HttpVersion::Http2, x.requestHeaderBytes, x.requestHeaderDecoded,
                          QStringLiteral("%1 %2").arg(x.method, x.uri)});
    }
    update();
}

void HeaderBytesView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QFontMetrics fm = fontMetrics();
    const QColor dark(0x2a, 0x5d, 0xb0), light(0xc6, 0xda, 0xf3), h1(0x5f, 0x6b, 0x7a);
    const QRect area = rect().adjusted(fm.horizontalAdvance(QStringLiteral("00000")) + 12,
                                       fm.height() * 2 + 10, -10, -fm.height() - 8);
    int y = 4;
    auto key = [&](const QColor &c, const QString &text, int x) {
        p.fillRect(QRect(x, y + 2, 14, fm.height() - 4), c);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(x + 18, y + fm.ascent(), text);
        return x + 18 + fm.horizontalAdvance(text) + 16;
    };
    int x = key(h1, tr("HTTP/1.x header block"), 8);
    x = key(dark, tr("HTTP/2 on the wire (HPACK)"), x);
    key(light, tr("HTTP/2 decoded"), x);
    if (m_bars.empty() || area.width() < 20 || area.height() < 20) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, fm.height() * 2, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Header bytes per request appear here once requests are in the capture."));
        return;
    }
    std::uint64_t top = 1;
    for (const Bar &b : m_bars)
        top = std::max({top, b.wire, b.decoded});
    // Axis: bytes, with a tick at the top and the middle.
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    p.drawLine(area.bottomLeft(), area.topLeft());
    p.setPen(palette().color(QPalette::Text));
    for (int i = 0; i <= 2; ++i) {
        const int ty = area.bottom() - area.height() * i / 2;
        p.drawText(QRect(0, ty - fm.height() / 2, area.left() - 4, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(top * std::uint64_t(i) / 2));
    }
    p.drawText(QRect(area.left(), area.bottom() + 4, area.width(), fm.height()), Qt::AlignCenter,
               tr("Requests in the order they were sent (bytes of request headers)"));
    const double step = double(area.width()) / double(m_bars.size());
    const double barWidth = std::max(1.0, step * 0.8);
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        const Bar &b = m_bars[i];
        const double left = area.left() + step * double(i) + (step - barWidth) / 2;
        auto bar = [&](std::uint64_t value, double x0, double w, const QColor &c) {
            const double h = double(area.height()) * double(value) / double(top);
            p.fillRect(QRectF(x0, area.bottom() - h, w, h), c);
        };
        if (b.http2) {
            bar(b.decoded, left, barWidth, light);
            bar(b.wire, left + barWidth * 0.2, barWidth * 0.6, dark);
        } else {
            bar(b.wire, left, barWidth, h1);
        }
    }
}

} // namespace wirelab
