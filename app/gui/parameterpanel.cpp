// SPDX-License-Identifier: GPL-3.0-or-later
#include "parameterpanel.h"

#include "lab/labdefinition.h"
#include "lab/linkparameters.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>

namespace wirelab {

ParameterPanel::ParameterPanel(QWidget *parent)
    : QWidget(parent), m_form(new QFormLayout), m_empty(new QLabel(this)), m_reset(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_empty);
    layout->addLayout(m_form);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_reset);
    layout->addLayout(buttons);
    layout->addStretch(1);
    m_empty->setWordWrap(true);
    m_reset->setObjectName(QStringLiteral("parameterResetButton"));
    connect(m_reset, &QPushButton::clicked, this, &ParameterPanel::resetToDefaults);
    retranslate();
}

void ParameterPanel::setLab(const LabDefinition *lab)
{
    if (lab == m_lab)
        return;
    m_lab = lab;
    rebuild();
}

void ParameterPanel::rebuild()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_rows.clear();
    if (m_lab) {
        for (const LabParameter &p : m_lab->parameters) {
            // The link.* parameters live in the Lab network panel, with the topology they shape.
            if (isLinkParameter(p.key))
                continue;
            Row row;
            row.key = p.key;
            row.label = new QLabel(this);
            switch (p.type) {
            case LabParameter::Type::Int: {
                auto *box = new QSpinBox(this);
                box->setRange(int(std::max<double>(p.minimum, INT_MIN)),
                              int(std::min<double>(p.maximum, INT_MAX)));
                box->setValue(p.defaultValue.toInt());
                box->setGroupSeparatorShown(true);
                row.editor = box;
                break;
            }
            case LabParameter::Type::Double: {
                auto *box = new QDoubleSpinBox(this);
                box->setDecimals(3);
                box->setRange(p.minimum, p.maximum);
                box->setValue(p.defaultValue.toDouble());
                row.editor = box;
                break;
            }
            case LabParameter::Type::Bool: {
                auto *box = new QCheckBox(this);
                box->setChecked(p.defaultValue.toBool());
                row.editor = box;
                break;
            }
            case LabParameter::Type::Choice: {
                auto *box = new QComboBox(this);
                for (int i = 0; i < p.choices.size(); ++i)
                    box->addItem(QString(), p.choices[i]);
                box->setCurrentIndex(std::max(0, int(p.choices.indexOf(p.defaultValue.toString()))));
                row.editor = box;
                break;
            }
            }
            row.editor->setObjectName(QStringLiteral("parameter:") + p.key);
            m_form->addRow(row.label, row.editor);
            m_rows.push_back(row);
        }
    }
    retranslate();
}

void ParameterPanel::retranslate()
{
    m_reset->setText(tr("Reset to defaults"));
    m_reset->setVisible(!m_rows.empty());
    m_empty->setText(!m_lab ? tr("Select a lab to see its parameters.") : tr("This lab has no parameters."));
    m_empty->setVisible(m_rows.empty());
    if (!m_lab)
        return;
    for (const Row &row : m_rows) {
        const LabParameter *p = m_lab->parameter(row.key);
        if (!p)
            continue;
        row.label->setText(p->label.text());
        const QString help = p->help.text();
        QString range;
        if (p->type == LabParameter::Type::Int || p->type == LabParameter::Type::Double)
            range = tr("Range: %1 to %2; default %3.")
                        .arg(QLocale().toString(p->minimum), QLocale().toString(p->maximum),
                             QLocale().toString(p->defaultValue.toDouble()));
        const QString tip = QStringLiteral("<p>%1</p><p><i>%2</i> <code>--set %3=…</code></p>")
                                .arg(help.toHtmlEscaped(), range.toHtmlEscaped(), row.key.toHtmlEscaped());
        row.label->setToolTip(tip);
        row.editor->setToolTip(tip);
        if (auto *combo = qobject_cast<QComboBox *>(row.editor))
            for (int i = 0; i < combo->count() && std::size_t(i) < p->choiceLabels.size(); ++i)
                combo->setItemText(i, p->choiceLabels[std::size_t(i)].text());
        if (auto *combo = qobject_cast<QComboBox *>(row.editor))
            for (int i = 0; i < combo->count(); ++i)
                if (combo->itemText(i).isEmpty())
                    combo->setItemText(i, combo->itemData(i).toString());
    }
}

QVariantMap ParameterPanel::values() const
{
    QVariantMap map;
    for (const Row &row : m_rows) {
        if (auto *spin = qobject_cast<QSpinBox *>(row.editor))
            map.insert(row.key, spin->value());
        else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(row.editor))
            map.insert(row.key, dspin->value());
        else if (auto *check = qobject_cast<QCheckBox *>(row.editor))
            map.insert(row.key, check->isChecked());
        else if (auto *combo = qobject_cast<QComboBox *>(row.editor))
            map.insert(row.key, combo->currentData().toString());
    }
    return map;
}

QWidget *ParameterPanel::editor(const QString &key) const
{
    for (const Row &row : m_rows)
        if (row.key == key)
            return row.editor;
    return nullptr;
}

bool ParameterPanel::setValue(const QString &key, const QVariant &value)
{
    const LabParameter *p = m_lab ? m_lab->parameter(key) : nullptr;
    QWidget *w = editor(key);
    if (!p || !w)
        return false;
    QString error;
    const QVariant parsed = value.typeId() == QMetaType::QString ? p->parse(value.toString(), &error) : value;
    if (!parsed.isValid() || !p->validate(parsed, &error))
        return false;
    if (auto *spin = qobject_cast<QSpinBox *>(w))
        spin->setValue(parsed.toInt());
    else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(w))
        dspin->setValue(parsed.toDouble());
    else if (auto *check = qobject_cast<QCheckBox *>(w))
        check->setChecked(parsed.toBool());
    else if (auto *combo = qobject_cast<QComboBox *>(w))
        combo->setCurrentIndex(combo->findData(parsed.toString()));
    return true;
}

void ParameterPanel::resetToDefaults()
{
    if (!m_lab)
        return;
    for (const LabParameter &p : m_lab->parameters)
        if (!isLinkParameter(p.key))
            setValue(p.key, p.defaultValue);
}

void ParameterPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace wirelab
