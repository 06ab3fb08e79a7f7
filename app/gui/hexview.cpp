// SPDX-License-Identifier: GPL-3.0-or-later
#include "hexview.h"

#include <QEvent>
#include <QFontDatabase>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cstdint>

namespace wirelab {

// Layout of a line, in characters: "0000  00 11 22 33 44 55 66 77  88 99 aa bb cc dd ee ff  ................"
static constexpr int kOffsetChars = 4;
static constexpr int kGapChars = 2;
static constexpr int kMargin = 6;

HexView::HexView(QWidget *parent) : QAbstractScrollArea(parent)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF());
    viewport()->setFont(mono);
    viewport()->setCursor(Qt::IBeamCursor);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    updateMetrics();
}

void HexView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        // Follow the window's text zoom, but stay monospace.
        QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        mono.setPointSizeF(font().pointSizeF());
        viewport()->setFont(mono);
        updateMetrics();
        viewport()->update();
    } else if (event->type() == QEvent::LanguageChange) {
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

void HexView::updateMetrics()
{
    const QFontMetrics fm(viewport()->font());
    m_charWidth = fm.horizontalAdvance(QLatin1Char('0'));
    m_lineHeight = fm.height() + 2;
    m_ascent = fm.ascent() + 1;
    updateScrollBars();
}

int HexView::hexX(int column) const
{
    // Two hex digits and a space per byte, with one extra space after the 8th byte.
    return kMargin + m_charWidth * (kOffsetChars + kGapChars + column * 3 + (column >= 8 ? 1 : 0));
}

int HexView::asciiX(int column) const
{
    return kMargin +
           m_charWidth * (kOffsetChars + kGapChars + kBytesPerLine * 3 + 1 + kGapChars - 1 + column);
}

QSize HexView::sizeHint() const
{
    return {asciiX(kBytesPerLine) + kMargin + verticalScrollBar()->sizeHint().width() + 2 * frameWidth(),
            m_lineHeight * 8};
}

void HexView::setBytes(const QByteArray &bytes)
{
    m_bytes = bytes;
    m_highlightOffset = 0;
    m_highlightLength = 0;
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    viewport()->update();
}

void HexView::setHighlight(int offset, int length)
{
    offset = std::clamp(offset, 0, int(m_bytes.size()));
    length = std::clamp(length, 0, int(m_bytes.size()) - offset);
    m_highlightOffset = offset;
    m_highlightLength = length;
    if (length > 0) {
        // Bring the start of the highlighted bytes into view.
        const int line = offset / kBytesPerLine;
        const int visible = std::max(1, viewport()->height() / m_lineHeight);
        QScrollBar *bar = verticalScrollBar();
        if (line < bar->value())
            bar->setValue(line);
        else if (line >= bar->value() + visible)
            bar->setValue(line - visible + 1);
    }
    viewport()->update();
}

void HexView::updateScrollBars()
{
    const int visible = std::max(1, viewport()->height() / std::max(1, m_lineHeight));
    verticalScrollBar()->setRange(0, std::max(0, lineCount() - visible));
    verticalScrollBar()->setPageStep(visible);
    const int width = asciiX(kBytesPerLine) + kMargin;
    horizontalScrollBar()->setRange(0, std::max(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

QRect HexView::hexRect(int i) const
{
    const int line = i / kBytesPerLine - verticalScrollBar()->value();
    const int column = i % kBytesPerLine;
    return {hexX(column) - horizontalScrollBar()->value(), line * m_lineHeight + 2, m_charWidth * 2,
            m_lineHeight};
}

int HexView::byteAt(QPoint pos) const
{
    const int x = pos.x() + horizontalScrollBar()->value();
    const int line = (pos.y() - 2) / m_lineHeight + verticalScrollBar()->value();
    if (pos.y() < 2 || line < 0 || line >= lineCount())
        return -1;
    int column = -1;
    for (int c = 0; c < kBytesPerLine; ++c) {
        if ((x >= hexX(c) && x < hexX(c) + m_charWidth * 2 + m_charWidth / 2) ||
            (x >= asciiX(c) && x < asciiX(c) + m_charWidth)) {
            column = c;
            break;
        }
    }
    if (column < 0)
        return -1;
    const int i = line * kBytesPerLine + column;
    return i < int(m_bytes.size()) ? i : -1;
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    const int i = byteAt(event->position().toPoint());
    if (i >= 0)
        Q_EMIT byteClicked(i);
    QAbstractScrollArea::mousePressEvent(event);
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette pal = palette();
    p.fillRect(viewport()->rect(), pal.base());
    p.translate(-horizontalScrollBar()->value(), 0);

    const int first = verticalScrollBar()->value();
    const int visible = viewport()->height() / m_lineHeight + 2;
    const int last = std::min(lineCount(), first + visible);
    const QColor offsetColor = pal.color(QPalette::PlaceholderText);
    const QColor textColor = pal.color(QPalette::Text);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor highlightText = pal.color(QPalette::HighlightedText);
    const int hlEnd = m_highlightOffset + m_highlightLength;
    static const char digits[] = "0123456789abcdef";

    for (int line = first; line < last; ++line) {
        const int y = (line - first) * m_lineHeight + 2;
        p.setPen(offsetColor);
        p.drawText(kMargin, y + m_ascent,
                   QStringLiteral("%1").arg(line * kBytesPerLine, kOffsetChars, 16, QLatin1Char('0')));
        for (int c = 0; c < kBytesPerLine; ++c) {
            const int i = line * kBytesPerLine + c;
            if (i >= int(m_bytes.size()))
                break;
            const auto b = std::uint8_t(m_bytes[i]);
            const bool lit = m_highlightLength > 0 && i >= m_highlightOffset && i < hlEnd;
            if (lit) {
                // Join neighbouring highlighted bytes into one band.
                const bool nextLit = i + 1 < hlEnd && c + 1 < kBytesPerLine;
                const int w = nextLit ? hexX(c + 1) - hexX(c) : m_charWidth * 2;
                p.fillRect(QRect(hexX(c) - 1, y, w + 2, m_lineHeight), highlight);
                p.fillRect(QRect(asciiX(c), y, m_charWidth, m_lineHeight), highlight);
            }
            p.setPen(lit ? highlightText : textColor);
            const char hex[3] = {digits[b >> 4], digits[b & 15], 0};
            p.drawText(hexX(c), y + m_ascent, QLatin1String(hex));
            const QChar ch = (b >= 0x20 && b < 0x7f) ? QChar(b) : QChar(u'·');
            p.setPen(lit ? highlightText : ((b >= 0x20 && b < 0x7f) ? textColor : offsetColor));
            p.drawText(asciiX(c), y + m_ascent, QString(ch));
        }
    }
    if (m_bytes.isEmpty()) {
        p.setPen(offsetColor);
        p.drawText(viewport()->rect().adjusted(kMargin, kMargin, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                   tr("Select a packet to see its bytes."));
    }
}

} // namespace wirelab
