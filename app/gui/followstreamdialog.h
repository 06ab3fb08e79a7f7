// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDialog>

class QLabel;
class QTextEdit;

namespace wirelab {

class CaptureSession;
class HttpFlowIndex;

// Follow TCP Stream: the bytes of the selected packet's TCP conversation in order, as text, with carriage
// returns and line feeds made visible (␍␊) and the client's bytes red, the server's blue, as Wireshark
// shows them. Bytes that are not printable ASCII show as '.'.
class FollowStreamDialog final : public QDialog
{
    Q_OBJECT
public:
    FollowStreamDialog(CaptureSession *session, HttpFlowIndex *index, QWidget *parent = nullptr);

    // Shows the conversation of packetIndex; false when the packet is not TCP with payload.
    bool showConversation(int packetIndex);
    // Every byte shown, in order (client and server interleaved as they were sent).
    QByteArray rawText() const { return m_raw; }
    // The text as displayed (with ␍ and ␊ marks).
    QString displayedText() const;

private:
    CaptureSession *m_session;
    HttpFlowIndex *m_index;
    QLabel *m_summary;
    QTextEdit *m_text;
    QByteArray m_raw;
};

} // namespace wirelab
