// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labnet/labnetwork.h"
#include "labnet/linkimpairment.h"

#include <QTimer>
#include <QVariantMap>
#include <QWidget>

#include <array>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;

namespace wirelab {

class LabController;
class TopologyView;
struct LabDefinition;

// The "Lab network" dock: the lab's hosts as a small topology (name and address each, links as lines),
// and the selected link's settings per direction: one-way delay, jitter, bandwidth, loss, duplication and
// reordering, a "same both ways" switch and the presets. Values are checked with LinkImpairment::validate
// and refused with its sentence, inline. While the lab runs, a change applies at once
// (LabController::setLinkImpairment, to packets entering the wire from then on). Before the start the
// same controls are the lab's link.* parameters (the parameter panel does not show those): linkParameters()
// gives them for the start, and applyToController() then sets every link exactly, per direction.
class NetworkPanel final : public QWidget
{
    Q_OBJECT
public:
    enum Field
    {
        Delay,
        Jitter,
        Rate,
        Loss,
        Duplicate,
        Reorder,
        FieldCount
    };
    enum Direction
    {
        AToB,
        BToA
    };

    explicit NetworkPanel(LabController *controller, QWidget *parent = nullptr);

    // The lab whose hosts and links to show (before the start: its definition; while it runs: the live
    // network's addresses). Resets the link settings to the lab's link.* defaults.
    void setLab(const LabDefinition *lab);
    const LabDefinition *lab() const { return m_lab; }

    // The link.* parameters that express the first link's settings (the lab's client <-> server link).
    QVariantMap linkParameters() const;
    // Sets one link.* parameter, as `--set link.delay_ms=50` does; false if the key is unknown or the
    // value out of range (*error says which).
    bool setLinkParameter(const QString &key, const QVariant &value, QString *error = nullptr);
    // Pushes every link's settings to the running lab, exactly, per direction. Returns false with the
    // first refusal in *error.
    bool applyToController(QString *error = nullptr);
    // Refreshes the hosts' addresses and the mode hint from the controller (after start and stop).
    void refresh();
    // The mode the next start will use (Settings > Network), for the addresses shown before the start.
    void setPlannedMode(NetworkMode mode);
    // Reads the running lab's links back (a lab step may change them itself, as "Send through a lossy
    // link" does) and shows what the wire does now. The panel does this every 500 ms while visible.
    void syncFromController();

    // Settings of link (index into the topology's links) in one direction, as the panel holds them.
    LinkImpairment impairment(int link, Direction direction) const;
    int linkCount() const { return int(m_links.size()); }
    // Applies a preset (LinkPreset::id) to both directions of the selected link.
    bool applyPreset(const QString &presetId);

    TopologyView *topology() const { return m_topology; }
    QDoubleSpinBox *editor(Direction direction, Field field) const { return m_editors[direction][field]; }
    QCheckBox *sameBothWays() const { return m_same; }
    QComboBox *presetBox() const { return m_presets; }
    QLabel *errorLabel() const { return m_error; }
    QString errorText() const;

    QSize sizeHint() const override { return {340, 420}; }

Q_SIGNALS:
    // After a change was applied (to the running lab or to the parameters).
    void linkChanged(int link);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct LinkState
    {
        QString a, b;
        LinkImpairment aToB, bToA;
        bool same = true;
    };

    void retranslate();
    void rebuildTopology();
    void selectLink(int index);
    void loadEditors();
    void onEditorChanged(Direction direction, Field field);
    bool commit(int link, const LinkImpairment &aToB, const LinkImpairment &bToA);
    void showError(const QString &message, QDoubleSpinBox *culprit = nullptr);
    LinkImpairment readEditors(Direction direction) const;
    static double fieldValue(const LinkImpairment &imp, Field field);
    static void setFieldValue(LinkImpairment &imp, Field field, double value);
    QString describe(const LinkImpairment &imp) const;
    bool running() const;

    LabController *m_controller;
    const LabDefinition *m_lab = nullptr;
    std::vector<LinkState> m_links;
    int m_current = -1;
    QVariantMap m_parameters; // link.* as given with setLinkParameter (the first link's source of truth)
    bool m_loading = false;
    NetworkMode m_plannedMode = NetworkMode::Sandbox;

    TopologyView *m_topology;
    QLabel *m_linkTitle;
    QLabel *m_presetLabel;
    QComboBox *m_presets;
    QCheckBox *m_same;
    QGridLayout *m_grid;
    std::array<QLabel *, FieldCount> m_fieldLabels{};
    std::array<QLabel *, 2> m_directionLabels{};
    std::array<std::array<QDoubleSpinBox *, FieldCount>, 2> m_editors{};
    QLabel *m_error;
    QLabel *m_hint;
    QTimer m_sync;
};

} // namespace wirelab
