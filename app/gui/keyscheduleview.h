// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The key schedule of one TLS connection, computed from this connection's own secrets (what the lab's
// endpoints logged): each HKDF-Expand-Label step (TLS 1.3) or PRF step (TLS 1.2) with its formula, its
// inputs and its output in hex, then the Finished checks (verify_data recomputed over the transcript hash
// against the one captured, ✓ or ✗), and one plain sentence on what cannot be recomputed from a capture
// (the (EC)DHE shared secret never leaves OpenSSL). It shows TlsKeySchedule (core/dissect/tls.h) as the
// dissector built it; it computes nothing itself.

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace wirelab {

struct TlsConnectionResult;

class KeyScheduleView final : public QWidget
{
    Q_OBJECT
public:
    explicit KeyScheduleView(QWidget *parent = nullptr);

    // Shows the connection's key schedule; nullptr shows the hint to select a TLS packet. The result is
    // copied into the view's rows (it need not outlive the call).
    void setConnection(const TlsConnectionResult *connection, const QString &title = QString());

    QTreeWidget *tree() const { return m_tree; }
    QString summaryText() const;
    QString limitsText() const;
    int stepCount() const { return m_steps; }
    int finishedCount() const { return m_finished; }
    int finishedMatches() const { return m_matches; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_summary;
    QTreeWidget *m_tree;
    QLabel *m_limits;
    int m_steps = 0, m_finished = 0, m_matches = 0;
};

} // namespace wirelab
