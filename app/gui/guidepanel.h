// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/labdefinition.h"

#include <QHash>
#include <QPointer>
#include <QScrollArea>

#include <vector>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace wirelab {

// The current lab's guide: a banner when capture is not possible (with the fix), then every step with its
// title, its guide text, its action buttons (enabled while the lab runs) and its checkpoints, each with a
// tick or a cross and the evidence under it. Steps whose checkpoints all passed are marked done; the first
// step not done is highlighted as the current one.
class GuidePanel final : public QScrollArea
{
    Q_OBJECT
public:
    explicit GuidePanel(QWidget *parent = nullptr);

    void setLab(const LabDefinition *lab);
    const LabDefinition *lab() const { return m_lab; }
    void setRunning(bool running);
    // Forgets every checkpoint result and action message (a new run).
    void clearResults();
    void setCheckpoint(int step, int checkpoint, const CheckResult &result);
    CheckResult checkpoint(int step, int checkpoint) const;
    bool stepDone(int step) const;
    // One sentence shown as a warning banner above the guide; empty hides it.
    void setCaptureProblem(const QString &problem);
    QString captureProblem() const { return m_captureProblem; }
    // An action's outcome, shown under its step's buttons.
    void setActionMessage(const QString &actionId, bool ok, const QString &message);
    // Marks an action as running (its button shows it until actionFinished).
    void setActionBusy(const QString &actionId, bool busy);

    QPushButton *actionButton(const QString &actionId) const;
    QSize sizeHint() const override { return {360, 760}; }

Q_SIGNALS:
    void actionRequested(const QString &actionId);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct ActionMessage
    {
        bool ok = true;
        QString text;
    };
    void rebuild();
    void showCheckpoint(int step, int checkpoint);
    int stepOfAction(const QString &actionId) const;

    const LabDefinition *m_lab = nullptr;
    bool m_running = false;
    QString m_captureProblem;
    std::vector<std::vector<CheckResult>> m_results;
    QHash<QString, ActionMessage> m_actionMessages;
    QHash<QString, bool> m_busy;
    QHash<QString, QPushButton *> m_buttons;
    struct CheckpointLabels
    {
        QPointer<QLabel> icon;
        QPointer<QLabel> text;
    };
    std::vector<std::vector<CheckpointLabels>> m_checkpointLabels;
    QWidget *m_content = nullptr;
};

} // namespace wirelab
