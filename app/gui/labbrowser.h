// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace wirelab {

class LabRegistry;

// The list of registered labs, each with its title; the selected lab's summary shows below the list.
// Double-click or Start starts the selected lab.
class LabBrowser final : public QWidget
{
    Q_OBJECT
public:
    explicit LabBrowser(const LabRegistry &registry, QWidget *parent = nullptr);

    QString selectedLabId() const;
    void selectLab(const QString &id);
    // While a lab runs, Start is disabled and the running lab is marked.
    void setRunningLab(const QString &id);
    QListWidget *list() const { return m_list; }
    QPushButton *startButton() const { return m_start; }
    QSize sizeHint() const override { return {340, 150}; }

Q_SIGNALS:
    void labSelected(const QString &id);
    void startRequested(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateSummary();

    const LabRegistry &m_registry;
    QListWidget *m_list;
    QLabel *m_summary;
    QPushButton *m_start;
    QString m_running;
};

} // namespace wirelab
