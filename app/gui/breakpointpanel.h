// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace wirelab {

class CaptureSession;
class LabController;
class Wire;

// The "Breakpoints" dock: packets on the lab network's wire that match a filter wait there until the
// student releases or drops them. Top: add a breakpoint by typing a display filter
// ("tcp.flags.syn == 1") or a capture filter ("tcp[tcpflags] & tcp-syn != 0"); each one can be switched
// off, removed, and counts its hits. Bottom: the held packets (id, how long held, ticking, from -> to and
// the summary) with Step (release the oldest, F10), Release all, Drop and Drop all. The list follows
// Wire::heldPacketsChanged, so a packet shows as soon as it is held. Breakpoints added before the start
// are kept and set when the lab starts; breakpoints a lab step sets on the wire show too, while they
// exist. In host mode there is no wire to hold packets on: the panel says
// so and stays disabled.
class BreakpointPanel final : public QWidget
{
    Q_OBJECT
public:
    BreakpointPanel(LabController *controller, const CaptureSession *session, QWidget *parent = nullptr);

    // Adds a breakpoint; false with the filter's error shown inline (and in *error).
    bool addBreakpoint(const QString &expression, QString *error = nullptr);
    void removeBreakpoint(int row);
    void setBreakpointEnabled(int row, bool enabled);
    int breakpointCount() const { return int(m_breakpoints.size()); }
    QString breakpointExpression(int row) const;
    std::uint64_t breakpointHits(int row) const;

    // Held packets as the list shows them now.
    int heldCount() const;
    QTreeWidget *breakpointList() const { return m_breakpointList; }
    QTreeWidget *heldList() const { return m_heldList; }
    QLineEdit *filterEdit() const { return m_filter; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *stepButton() const { return m_step; }
    QPushButton *releaseAllButton() const { return m_releaseAll; }
    QPushButton *dropButton() const { return m_drop; }
    QPushButton *dropAllButton() const { return m_dropAll; }
    QLabel *errorLabel() const { return m_error; }
    // Step as an action with F10, for the window's menu.
    QAction *stepAction() const { return m_stepAction; }

    void step();
    void releaseAll();
    void dropSelected();
    void dropAll();

    QSize sizeHint() const override { return {420, 300}; }

Q_SIGNALS:
    void heldCountChanged(int count);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Breakpoint
    {
        QString expression;
        bool enabled = true;
        int wireId = -1; // on the running lab's wire; -1 before the start
        std::uint64_t hits = 0;
        bool fromLab = false; // set by a lab step on the wire (shown while it exists), not by the student
    };

    Wire *wire() const;
    void onControllerState();
    void attachWire();
    void refreshHeld();
    void refreshHits();
    void tick();
    void rebuildBreakpointList();
    void updateButtons();
    void retranslate();
    void showError(const QString &message);

    LabController *m_controller;
    const CaptureSession *m_session;
    QPointer<Wire> m_attached;
    std::vector<Breakpoint> m_breakpoints;
    std::vector<std::int64_t> m_heldSince; // per row of the held list
    bool m_rebuilding = false;

    QLabel *m_modeLabel;
    QLineEdit *m_filter;
    QPushButton *m_add;
    QLabel *m_error;
    QTreeWidget *m_breakpointList;
    QPushButton *m_remove;
    QLabel *m_heldTitle;
    QTreeWidget *m_heldList;
    QPushButton *m_step;
    QPushButton *m_releaseAll;
    QPushButton *m_drop;
    QPushButton *m_dropAll;
    QAction *m_stepAction;
    QTimer m_ticker; // "held for N s" and hit counts, only while something is held or the lab runs
};

} // namespace wirelab
