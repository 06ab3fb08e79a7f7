// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariantMap>
#include <QWidget>

#include <vector>

class QFormLayout;
class QLabel;
class QPushButton;

namespace wirelab {

struct LabDefinition;

// The current lab's parameters as a form generated from its LabParameter list: a spin box per integer
// or decimal (with the parameter's range), a check box per switch, a combo box per choice; the help
// sentence is the tooltip. Disabled while the lab runs (the values are fixed for a run). The link.*
// parameters are not shown here: the Lab network panel (NetworkPanel) holds them.
class ParameterPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterPanel(QWidget *parent = nullptr);

    void setLab(const LabDefinition *lab);
    const LabDefinition *lab() const { return m_lab; }
    // Every parameter's current value, by key.
    QVariantMap values() const;
    // Sets one editor's value (used for `--set`-style command-line options); false if key is unknown or the
    // value does not fit.
    bool setValue(const QString &key, const QVariant &value);
    QWidget *editor(const QString &key) const;
    void resetToDefaults();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        QString key;
        QLabel *label = nullptr;
        QWidget *editor = nullptr;
    };
    void rebuild();
    void retranslate();

    const LabDefinition *m_lab = nullptr;
    QFormLayout *m_form;
    QLabel *m_empty;
    QPushButton *m_reset;
    std::vector<Row> m_rows;
};

} // namespace wirelab
