// SPDX-License-Identifier: GPL-3.0-or-later
#include "labbrowser.h"

#include "lab/labregistry.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace wirelab {

static constexpr int kLabIdRole = Qt::UserRole + 1;

LabBrowser::LabBrowser(const LabRegistry &registry, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_list(new QListWidget(this)), m_summary(new QLabel(this)),
      m_start(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_list);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_start);
    m_list->setObjectName(QStringLiteral("labList"));
    m_list->setAlternatingRowColors(false);
    m_list->setMinimumHeight(60);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setObjectName(QStringLiteral("labSummary"));
    m_summary->setStyleSheet(QStringLiteral("color: palette(window-text); padding: 2px;"));
    m_start->setObjectName(QStringLiteral("labStartButton"));
    m_start->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));

    for (const LabDefinition &lab : m_registry.labs()) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(kLabIdRole, lab.id);
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
    }
    // As tall as a few labs, so the summary below has room.
    m_list->setMaximumHeight(std::max(2, std::min(6, m_list->count())) * (m_list->sizeHintForRow(0) + 2) +
                             2 * m_list->frameWidth());
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
    retranslate();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateSummary();

    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        updateSummary();
        Q_EMIT labSelected(selectedLabId());
    });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (m_running.isEmpty())
            Q_EMIT startRequested(item->data(kLabIdRole).toString());
    });
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (!selectedLabId().isEmpty())
            Q_EMIT startRequested(selectedLabId());
    });
}

QString LabBrowser::selectedLabId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kLabIdRole).toString() : QString();
}

void LabBrowser::selectLab(const QString &id)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(kLabIdRole).toString() == id)
            m_list->setCurrentRow(i);
}

void LabBrowser::setRunningLab(const QString &id)
{
    m_running = id;
    retranslate();
}

void LabBrowser::retranslate()
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const LabDefinition *lab = m_registry.find(item->data(kLabIdRole).toString());
        if (!lab)
            continue;
        const bool running = lab->id == m_running;
        item->setText(running ? tr("%1 (running)").arg(lab->title.text()) : lab->title.text());
        item->setToolTip(lab->summary.text());
        item->setIcon(style()->standardIcon(running ? QStyle::SP_MediaPlay : QStyle::SP_FileIcon));
    }
    m_start->setText(tr("Start lab"));
    m_start->setToolTip(tr("Start the selected lab (F5)"));
    m_start->setEnabled(m_running.isEmpty() && m_list->count() > 0);
    updateSummary();
}

void LabBrowser::updateSummary()
{
    const LabDefinition *lab = m_registry.find(selectedLabId());
    if (!lab) {
        m_summary->setText(m_list->count() == 0 ? tr("No labs are registered.") : QString());
        return;
    }
    m_summary->setText(lab->summary.text());
}

void LabBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace wirelab
