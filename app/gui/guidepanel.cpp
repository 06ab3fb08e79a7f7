// SPDX-License-Identifier: GPL-3.0-or-later
#include "guidepanel.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace wirelab {

namespace {

enum class Mark
{
    Pending,
    Passed,
    Failed
};

// Small round status marks, drawn rather than loaded so they stay crisp at any zoom.
QPixmap markPixmap(Mark mark, int size, qreal dpr)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(1, 1, size - 2, size - 2);
    if (mark == Mark::Pending) {
        p.setPen(QPen(QColor(0x9a, 0xa0, 0xa8), 1.6));
        p.drawEllipse(r.adjusted(1, 1, -1, -1));
        return pm;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(mark == Mark::Passed ? QColor(0x1e, 0x8e, 0x3e) : QColor(0xc6, 0x28, 0x28));
    p.drawEllipse(r);
    p.setPen(QPen(Qt::white, size / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (mark == Mark::Passed) {
        QPainterPath tick;
        tick.moveTo(size * 0.27, size * 0.52);
        tick.lineTo(size * 0.44, size * 0.69);
        tick.lineTo(size * 0.74, size * 0.34);
        p.drawPath(tick);
    } else {
        p.drawLine(QPointF(size * 0.33, size * 0.33), QPointF(size * 0.67, size * 0.67));
        p.drawLine(QPointF(size * 0.67, size * 0.33), QPointF(size * 0.33, size * 0.67));
    }
    return pm;
}

} // namespace

GuidePanel::GuidePanel(QWidget *parent) : QScrollArea(parent)
{
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    rebuild();
}

void GuidePanel::setLab(const LabDefinition *lab)
{
    m_lab = lab;
    clearResults();
}

void GuidePanel::clearResults()
{
    m_results.clear();
    if (m_lab)
        for (const LabStep &step : m_lab->steps)
            m_results.emplace_back(step.checkpoints.size());
    m_actionMessages.clear();
    m_busy.clear();
    rebuild();
}

void GuidePanel::setRunning(bool running)
{
    m_running = running;
    if (!running)
        m_busy.clear();
    rebuild();
}

void GuidePanel::setCheckpoint(int step, int checkpoint, const CheckResult &result)
{
    if (step < 0 || std::size_t(step) >= m_results.size() || checkpoint < 0 ||
        std::size_t(checkpoint) >= m_results[std::size_t(step)].size())
        return;
    CheckResult &stored = m_results[std::size_t(step)][std::size_t(checkpoint)];
    if (stored.passed == result.passed && stored.evidence == result.evidence)
        return;
    const bool wasDone = stepDone(step);
    stored = result;
    // Evidence changes often (counts grow with every batch): update the checkpoint's own labels, and
    // rebuild the page only when the step's state changes.
    if (stepDone(step) != wasDone)
        rebuild();
    else
        showCheckpoint(step, checkpoint);
}

void GuidePanel::showCheckpoint(int step, int checkpoint)
{
    if (!m_lab || std::size_t(step) >= m_checkpointLabels.size() ||
        std::size_t(checkpoint) >= m_checkpointLabels[std::size_t(step)].size())
        return;
    const CheckpointLabels &labels = m_checkpointLabels[std::size_t(step)][std::size_t(checkpoint)];
    if (!labels.icon || !labels.text)
        return;
    const LabCheckpoint &cp = m_lab->steps[std::size_t(step)].checkpoints[std::size_t(checkpoint)];
    const CheckResult r = this->checkpoint(step, checkpoint);
    const Mark mark = r.passed ? Mark::Passed : (r.evidence.isEmpty() ? Mark::Pending : Mark::Failed);
    labels.icon->setPixmap(markPixmap(mark, QFontMetrics(font()).height(), devicePixelRatioF()));
    labels.icon->setToolTip(mark == Mark::Passed   ? tr("Passed")
                            : mark == Mark::Failed ? tr("Not yet")
                                                   : tr("Not checked yet"));
    QString html = cp.description.text().toHtmlEscaped();
    if (!r.evidence.isEmpty())
        html += QStringLiteral("<br><span style='color:%1; font-size:small'>%2</span>")
                    .arg(r.passed ? QStringLiteral("#3b6e47") : QStringLiteral("#7a5c00"),
                         r.evidence.toHtmlEscaped());
    labels.text->setText(html);
    labels.text->setToolTip(r.evidence);
}

CheckResult GuidePanel::checkpoint(int step, int checkpoint) const
{
    if (step < 0 || std::size_t(step) >= m_results.size() || checkpoint < 0 ||
        std::size_t(checkpoint) >= m_results[std::size_t(step)].size())
        return {};
    return m_results[std::size_t(step)][std::size_t(checkpoint)];
}

bool GuidePanel::stepDone(int step) const
{
    if (step < 0 || std::size_t(step) >= m_results.size() || m_results[std::size_t(step)].empty())
        return false;
    for (const CheckResult &r : m_results[std::size_t(step)])
        if (!r.passed)
            return false;
    return true;
}

void GuidePanel::setCaptureProblem(const QString &problem)
{
    if (problem == m_captureProblem)
        return;
    m_captureProblem = problem;
    rebuild();
}

void GuidePanel::setActionMessage(const QString &actionId, bool ok, const QString &message)
{
    m_busy.remove(actionId);
    m_actionMessages.insert(actionId, ActionMessage{ok, message});
    rebuild();
}

void GuidePanel::setActionBusy(const QString &actionId, bool busy)
{
    if (busy)
        m_busy.insert(actionId, true);
    else
        m_busy.remove(actionId);
    rebuild();
}

QPushButton *GuidePanel::actionButton(const QString &actionId) const
{
    return m_buttons.value(actionId);
}

int GuidePanel::stepOfAction(const QString &actionId) const
{
    if (!m_lab)
        return -1;
    for (std::size_t s = 0; s < m_lab->steps.size(); ++s)
        for (const LabAction &a : m_lab->steps[s].actions)
            if (a.id == actionId)
                return int(s);
    return -1;
}

void GuidePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        rebuild();
    QScrollArea::changeEvent(event);
}

void GuidePanel::rebuild()
{
    const int scroll = verticalScrollBar()->value();
    m_buttons.clear();
    m_checkpointLabels.clear();
    if (m_lab)
        for (const LabStep &step : m_lab->steps)
            m_checkpointLabels.emplace_back(step.checkpoints.size());
    // The old page may hold the button whose click got us here: delete it later, not now.
    if (QWidget *old = takeWidget())
        old->deleteLater();
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("guideContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(10, 8, 10, 10);
    layout->setSpacing(10);
    const QFont base = font();
    const int markSize = QFontMetrics(base).height();
    const qreal dpr = devicePixelRatioF();

    if (!m_captureProblem.isEmpty()) {
        auto *banner = new QLabel(content);
        banner->setObjectName(QStringLiteral("captureProblemBanner"));
        banner->setWordWrap(true);
        banner->setTextFormat(Qt::RichText);
        banner->setText(QStringLiteral("<b>%1</b> %2")
                            .arg(tr("No packet capture.").toHtmlEscaped(), m_captureProblem.toHtmlEscaped()));
        banner->setStyleSheet(
            QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #e0c36a;"
                           " border-radius: 4px; padding: 6px; }"));
        layout->addWidget(banner);
    }

    if (!m_lab) {
        auto *hint = new QLabel(
            tr("<h3>Welcome to Wirelab</h3>"
               "<p>Pick a lab in the <b>Labs</b> list and press <b>Start</b> (F5). Each lab starts "
               "real servers and clients on this machine, captures their packets and guides you "
               "through what happens on the wire.</p>"
               "<p>You can also open a capture file (Ctrl+O) or drop one on the window.</p>"),
            content);
        hint->setWordWrap(true);
        layout->addWidget(hint);
        layout->addStretch(1);
        setWidget(content);
        return;
    }

    auto *title = new QLabel(content);
    title->setTextFormat(Qt::RichText);
    title->setWordWrap(true);
    title->setObjectName(QStringLiteral("guideTitle"));
    int done = 0;
    for (std::size_t s = 0; s < m_lab->steps.size(); ++s)
        done += stepDone(int(s)) ? 1 : 0;
    title->setText(QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span><br>"
                                  "<span style='color:#5f6b7a'>%2</span>")
                       .arg(m_lab->title.text().toHtmlEscaped(),
                            tr("Steps done: %1 of %2").arg(done).arg(m_lab->steps.size())));
    layout->addWidget(title);
    if (!m_running) {
        auto *hint = new QLabel(
            tr("Press <b>Start</b> (F5) to run the lab; the step buttons work while it runs."), content);
        hint->setWordWrap(true);
        hint->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
        layout->addWidget(hint);
    }

    int current = -1;
    for (std::size_t s = 0; s < m_lab->steps.size(); ++s)
        if (!stepDone(int(s))) {
            current = int(s);
            break;
        }

    for (std::size_t s = 0; s < m_lab->steps.size(); ++s) {
        const LabStep &step = m_lab->steps[s];
        const bool isDone = stepDone(int(s));
        const bool isCurrent = int(s) == current && m_running;
        auto *frame = new QFrame(content);
        frame->setObjectName(QStringLiteral("step_") + step.id);
        const char *border = isDone ? "#8cc99b" : (isCurrent ? "#5b8fd9" : "#d5dae0");
        const char *background = isDone ? "#f1faf3" : (isCurrent ? "#f3f7fd" : "#fbfbfc");
        frame->setStyleSheet(QStringLiteral("QFrame#%1 { border: 1px solid %2; border-left: 4px solid %2;"
                                            " border-radius: 4px; background: %3; }")
                                 .arg(frame->objectName(), QLatin1String(border), QLatin1String(background)));
        auto *box = new QVBoxLayout(frame);
        box->setContentsMargins(10, 8, 10, 8);
        box->setSpacing(6);

        auto *header = new QHBoxLayout;
        auto *stepMark = new QLabel(frame);
        stepMark->setPixmap(markPixmap(isDone ? Mark::Passed : Mark::Pending, markSize + 2, dpr));
        header->addWidget(stepMark, 0, Qt::AlignTop);
        auto *stepTitle = new QLabel(frame);
        stepTitle->setWordWrap(true);
        stepTitle->setTextFormat(Qt::RichText);
        stepTitle->setText(QStringLiteral("<b>%1</b>%2")
                               .arg(step.title.text().toHtmlEscaped(),
                                    isDone ? QStringLiteral(" <span style='color:#1e8e3e'>%1</span>")
                                                 .arg(tr("done").toHtmlEscaped())
                                           : QString()));
        header->addWidget(stepTitle, 1);
        box->addLayout(header);

        auto *guide = new QLabel(frame);
        guide->setWordWrap(true);
        guide->setTextFormat(Qt::RichText);
        guide->setTextInteractionFlags(Qt::TextSelectableByMouse);
        guide->setText(step.guide.text());
        box->addWidget(guide);

        if (!step.actions.empty()) {
            // One button per line: the guide is a narrow column, and long labels must not widen it.
            auto *buttons = new QVBoxLayout;
            buttons->setSpacing(4);
            for (const LabAction &action : step.actions) {
                auto *button = new QPushButton(frame);
                button->setObjectName(QStringLiteral("action:") + action.id);
                const bool busy = m_busy.value(action.id);
                button->setText(busy ? tr("%1…").arg(action.label.text()) : action.label.text());
                button->setEnabled(m_running && !busy);
                button->setToolTip(m_running ? QString() : tr("Start the lab first."));
                const QString id = action.id;
                connect(button, &QPushButton::clicked, this, [this, id] { Q_EMIT actionRequested(id); });
                buttons->addWidget(button);
                m_buttons.insert(action.id, button);
            }
            box->addLayout(buttons);
            for (const LabAction &action : step.actions) {
                const auto it = m_actionMessages.constFind(action.id);
                if (it == m_actionMessages.constEnd() || it->text.isEmpty())
                    continue;
                auto *message = new QLabel(frame);
                message->setWordWrap(true);
                message->setText(it->text);
                message->setStyleSheet(it->ok ? QStringLiteral("color: #2d4a6b;")
                                              : QStringLiteral("color: #b00020;"));
                box->addWidget(message);
            }
        }

        for (std::size_t c = 0; c < step.checkpoints.size(); ++c) {
            const LabCheckpoint &cp = step.checkpoints[c];
            auto *row = new QHBoxLayout;
            row->setSpacing(6);
            auto *icon = new QLabel(frame);
            icon->setObjectName(QStringLiteral("checkpointMark:") + cp.id);
            row->addWidget(icon, 0, Qt::AlignTop);
            auto *text = new QLabel(frame);
            text->setObjectName(QStringLiteral("checkpoint:") + cp.id);
            text->setWordWrap(true);
            text->setTextFormat(Qt::RichText);
            row->addWidget(text, 1);
            box->addLayout(row);
            m_checkpointLabels[s][c] = {icon, text};
            showCheckpoint(int(s), int(c));
        }
        layout->addWidget(frame);
    }
    layout->addStretch(1);
    setWidget(content);
    // The new page is laid out on the next pass of the event loop; keep the reader's place.
    QTimer::singleShot(0, this, [this, scroll] { verticalScrollBar()->setValue(scroll); });
}

} // namespace wirelab
