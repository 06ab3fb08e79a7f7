// SPDX-License-Identifier: GPL-3.0-or-later
#include "followstreamdialog.h"

#include "capturesession.h"
#include "httpflows.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QTextEdit>
#include <QVBoxLayout>

namespace wirelab {

namespace {

QString visible(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size() * 2);
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\r')
            out += QChar(0x240D); // ␍
        else if (c == '\n')
            out += QString(QChar(0x240A)) + QLatin1Char('\n'); // ␊, then the line break
        else if (c == '\t')
            out += QLatin1Char('\t');
        else if (c >= 0x20 && c < 0x7f)
            out += QLatin1Char(char(c));
        else
            out += QLatin1Char('.');
    }
    return out;
}

} // namespace

FollowStreamDialog::FollowStreamDialog(CaptureSession *session, HttpFlowIndex *index, QWidget *parent)
    : QDialog(parent), m_session(session), m_index(index), m_summary(new QLabel(this)),
      m_text(new QTextEdit(this))
{
    setObjectName(QStringLiteral("followStreamDialog"));
    setWindowTitle(tr("Follow TCP Stream"));
    auto *layout = new QVBoxLayout(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 600);
}

bool FollowStreamDialog::showConversation(int packetIndex)
{
    m_index->update(*m_session, true);
    const auto chunks = m_index->followStream(*m_session, packetIndex);
    m_raw.clear();
    m_text->clear();
    if (chunks.empty()) {
        m_summary->setText(
            tr("The selected packet belongs to no TCP conversation with HTTP bytes, or none is "
               "selected."));
        return false;
    }
    qint64 clientBytes = 0, serverBytes = 0;
    QTextCursor cursor(m_text->document());
    const QColor clientFg(0x8a, 0x1f, 0x11), clientBg(0xfb, 0xed, 0xed);
    const QColor serverFg(0x1f, 0x3f, 0x8a), serverBg(0xed, 0xef, 0xfb);
    for (const auto &chunk : chunks) {
        QTextCharFormat format;
        format.setForeground(chunk.fromClient ? clientFg : serverFg);
        format.setBackground(chunk.fromClient ? clientBg : serverBg);
        cursor.insertText(visible(chunk.bytes), format);
        m_raw += chunk.bytes;
        (chunk.fromClient ? clientBytes : serverBytes) += chunk.bytes.size();
    }
    m_text->moveCursor(QTextCursor::Start);
    m_summary->setText(tr("Client bytes in red (%1 bytes), server bytes in blue (%2 bytes). ␍ is a carriage "
                          "return (CR, \\r), ␊ a line feed (LF, \\n): HTTP/1.x ends every header line with "
                          "both, and the header block with an empty line.")
                           .arg(clientBytes)
                           .arg(serverBytes));
    return true;
}

QString FollowStreamDialog::displayedText() const
{
    return m_text->toPlainText();
}

} // namespace wirelab
