// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>

namespace wirelab {

// The bytes of one packet, 16 to a line: offset, hex and ASCII, in a monospace font. The selected
// field's bytes are highlighted in both the hex and the ASCII column; a click on a byte reports its
// offset (the main window selects the deepest field covering it). Paints only the visible lines.
class HexView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit HexView(QWidget *parent = nullptr);

    void setBytes(const QByteArray &bytes);
    QByteArray bytes() const { return m_bytes; }
    // Highlights [offset, offset + length); length 0 clears the highlight.
    void setHighlight(int offset, int length);
    int highlightOffset() const { return m_highlightOffset; }
    int highlightLength() const { return m_highlightLength; }

    // The byte under a point of the viewport, or -1.
    int byteAt(QPoint viewportPos) const;
    // Where byte i's hex digits are drawn in the viewport (for tests and tooltips).
    QRect hexRect(int i) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void byteClicked(int offset);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    static constexpr int kBytesPerLine = 16;

    void updateMetrics();
    void updateScrollBars();
    int lineCount() const { return (int(m_bytes.size()) + kBytesPerLine - 1) / kBytesPerLine; }
    int hexX(int column) const;
    int asciiX(int column) const;

    QByteArray m_bytes;
    int m_highlightOffset = 0;
    int m_highlightLength = 0;
    int m_charWidth = 8;
    int m_lineHeight = 16;
    int m_ascent = 12;
};

} // namespace wirelab
