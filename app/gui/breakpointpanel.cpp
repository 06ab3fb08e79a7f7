// SPDX-License-Identifier: GPL-3.0-or-later
#include "breakpointpanel.h"

#include "capturesession.h"
#include "lab/labcontroller.h"
#include "labnet/labnetwork.h"
#include "labnet/wire.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace wirelab {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

BreakpointPanel::BreakpointPanel(LabController *controller, const CaptureSession *session, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_session(session), m_modeLabel(new QLabel(this)),
      m_filter(new QLineEdit(this)), m_add(new QPushButton(this)), m_error(new QLabel(this)),
      m_breakpointList(new QTreeWidget(this)), m_remove(new QPushButton(this)), m_heldTitle(new QLabel(this)),
      m_heldList(new QTreeWidget(this)), m_step(new QPushButton(this)), m_releaseAll(new QPushButton(this)),
      m_drop(new QPushButton(this)), m_dropAll(new QPushButton(this)), m_stepAction(new QAction(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);

    m_modeLabel->setObjectName(QStringLiteral("breakpointModeLabel"));
    m_modeLabel->setWordWrap(true);
    m_modeLabel->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; }"));
    layout->addWidget(m_modeLabel);

    auto *addRow = new QHBoxLayout;
    m_filter->setObjectName(QStringLiteral("breakpointFilterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_add->setObjectName(QStringLiteral("breakpointAddButton"));
    addRow->addWidget(m_filter, 1);
    addRow->addWidget(m_add);
    layout->addLayout(addRow);
    m_error->setObjectName(QStringLiteral("breakpointErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: 600; }"));
    m_error->hide();
    layout->addWidget(m_error);

    m_breakpointList->setObjectName(QStringLiteral("breakpointList"));
    m_breakpointList->setRootIsDecorated(false);
    m_breakpointList->setUniformRowHeights(true);
    m_breakpointList->setColumnCount(2);
    m_breakpointList->header()->setStretchLastSection(false);
    m_breakpointList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_breakpointList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_breakpointList->setMaximumHeight(m_breakpointList->fontMetrics().height() * 6);
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_breakpointList, 1);
    auto *listButtons = new QVBoxLayout;
    m_remove->setObjectName(QStringLiteral("breakpointRemoveButton"));
    listButtons->addWidget(m_remove);
    listButtons->addStretch(1);
    listRow->addLayout(listButtons);
    layout->addLayout(listRow);

    QFont bold = m_heldTitle->font();
    bold.setBold(true);
    m_heldTitle->setFont(bold);
    layout->addWidget(m_heldTitle);
    m_heldList->setObjectName(QStringLiteral("heldPacketList"));
    m_heldList->setRootIsDecorated(false);
    m_heldList->setUniformRowHeights(true);
    m_heldList->setColumnCount(4);
    m_heldList->header()->setStretchLastSection(true);
    m_heldList->setSelectionMode(QAbstractItemView::SingleSelection);
    const QFontMetrics fm = m_heldList->fontMetrics();
    m_heldList->setColumnWidth(0, fm.horizontalAdvance(QStringLiteral("00000")) + 16);
    m_heldList->setColumnWidth(1, fm.horizontalAdvance(QStringLiteral("held 000.0 s")) + 12);
    m_heldList->setColumnWidth(2, fm.horizontalAdvance(QStringLiteral("client → server")) + 16);
    layout->addWidget(m_heldList, 1);

    auto *heldButtons = new QHBoxLayout;
    m_step->setObjectName(QStringLiteral("heldStepButton"));
    m_releaseAll->setObjectName(QStringLiteral("heldReleaseAllButton"));
    m_drop->setObjectName(QStringLiteral("heldDropButton"));
    m_dropAll->setObjectName(QStringLiteral("heldDropAllButton"));
    for (QPushButton *b : {m_step, m_releaseAll, m_drop, m_dropAll})
        heldButtons->addWidget(b);
    heldButtons->addStretch(1);
    layout->addLayout(heldButtons);

    m_stepAction->setObjectName(QStringLiteral("heldStepAction"));
    m_stepAction->setShortcut(QKeySequence(Qt::Key_F10));
    m_stepAction->setShortcutContext(Qt::ApplicationShortcut);

    connect(m_add, &QPushButton::clicked, this, [this] { addBreakpoint(m_filter->text()); });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] { addBreakpoint(m_filter->text()); });
    connect(m_filter, &QLineEdit::textChanged, this, [this] {
        showError({});
        updateButtons();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_breakpointList->currentIndex();
        if (current.isValid())
            removeBreakpoint(current.row());
    });
    connect(m_breakpointList, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (m_rebuilding || column != 0)
            return;
        setBreakpointEnabled(m_breakpointList->indexOfTopLevelItem(item), item->checkState(0) == Qt::Checked);
    });
    connect(m_breakpointList, &QTreeWidget::currentItemChanged, this, &BreakpointPanel::updateButtons);
    connect(m_heldList, &QTreeWidget::currentItemChanged, this, &BreakpointPanel::updateButtons);
    connect(m_step, &QPushButton::clicked, this, &BreakpointPanel::step);
    connect(m_stepAction, &QAction::triggered, this, &BreakpointPanel::step);
    connect(m_releaseAll, &QPushButton::clicked, this, &BreakpointPanel::releaseAll);
    connect(m_drop, &QPushButton::clicked, this, &BreakpointPanel::dropSelected);
    connect(m_dropAll, &QPushButton::clicked, this, &BreakpointPanel::dropAll);
    connect(m_controller, &LabController::stateChanged, this, &BreakpointPanel::onControllerState);

    m_ticker.setInterval(250);
    connect(&m_ticker, &QTimer::timeout, this, &BreakpointPanel::tick);

    retranslate();
    onControllerState();
}

Wire *BreakpointPanel::wire() const
{
    return m_controller->state() == LabController::State::Running ? m_controller->wire() : nullptr;
}

void BreakpointPanel::onControllerState()
{
    Wire *w = wire();
    if (w != m_attached.data()) {
        if (m_attached)
            disconnect(m_attached, nullptr, this, nullptr);
        m_attached = w;
        for (Breakpoint &b : m_breakpoints) {
            b.wireId = -1;
            b.hits = 0;
        }
        if (w)
            attachWire();
    }
    if (!w) {
        // The lab stopped (or runs in host mode): the wire discarded what it held, and the lab's own
        // breakpoints went with it.
        std::erase_if(m_breakpoints, [](const Breakpoint &b) { return b.fromLab; });
        for (Breakpoint &b : m_breakpoints)
            b.wireId = -1;
        m_heldList->clear();
        m_heldSince.clear();
        Q_EMIT heldCountChanged(0);
    }
    rebuildBreakpointList();
    retranslate();
    updateButtons();
    if (isVisible() && w)
        m_ticker.start();
    else
        m_ticker.stop();
}

void BreakpointPanel::attachWire()
{
    connect(m_attached, &Wire::heldPacketsChanged, this, [this] {
        refreshHeld();
        refreshHits();
    });
    // Set the breakpoints made before the start. One the wire refuses stays listed, with the reason.
    for (Breakpoint &b : m_breakpoints) {
        QString error;
        b.wireId = m_attached->addBreakpoint(b.expression, &error);
        if (b.wireId < 0) {
            showError(error);
            continue;
        }
        if (!b.enabled)
            m_attached->setBreakpointEnabled(b.wireId, false);
    }
    refreshHeld();
}

bool BreakpointPanel::addBreakpoint(const QString &text, QString *error)
{
    const QString expression = text.trimmed();
    if (expression.isEmpty()) {
        const QString message = tr("Type a filter first, for example tcp.flags.syn == 1.");
        showError(message);
        if (error)
            *error = message;
        return false;
    }
    Breakpoint b;
    b.expression = expression;
    if (Wire *w = wire()) {
        QString message;
        b.wireId = w->addBreakpoint(expression, &message);
        if (b.wireId < 0) {
            showError(message);
            if (error)
                *error = message;
            return false;
        }
    } else {
        // No wire yet: check the filter now, so a typo is refused where it was typed.
        PacketFilter filter;
        QString message;
        if (!filter.compile(expression, &message)) {
            showError(message);
            if (error)
                *error = message;
            return false;
        }
    }
    m_breakpoints.push_back(b);
    m_filter->clear();
    showError({});
    rebuildBreakpointList();
    m_breakpointList->setCurrentItem(m_breakpointList->topLevelItem(int(m_breakpoints.size()) - 1));
    updateButtons();
    return true;
}

void BreakpointPanel::removeBreakpoint(int row)
{
    if (row < 0 || row >= int(m_breakpoints.size()))
        return;
    if (Wire *w = wire(); w && m_breakpoints[std::size_t(row)].wireId >= 0)
        w->removeBreakpoint(m_breakpoints[std::size_t(row)].wireId);
    m_breakpoints.erase(m_breakpoints.begin() + row);
    rebuildBreakpointList();
    updateButtons();
}

void BreakpointPanel::setBreakpointEnabled(int row, bool enabled)
{
    if (row < 0 || row >= int(m_breakpoints.size()))
        return;
    Breakpoint &b = m_breakpoints[std::size_t(row)];
    b.enabled = enabled;
    if (Wire *w = wire(); w && b.wireId >= 0)
        w->setBreakpointEnabled(b.wireId, enabled);
    rebuildBreakpointList();
}

QString BreakpointPanel::breakpointExpression(int row) const
{
    return row >= 0 && row < int(m_breakpoints.size()) ? m_breakpoints[std::size_t(row)].expression
                                                       : QString();
}

std::uint64_t BreakpointPanel::breakpointHits(int row) const
{
    return row >= 0 && row < int(m_breakpoints.size()) ? m_breakpoints[std::size_t(row)].hits : 0;
}

int BreakpointPanel::heldCount() const
{
    return m_heldList->topLevelItemCount();
}

void BreakpointPanel::rebuildBreakpointList()
{
    m_rebuilding = true;
    const int current = m_breakpointList->currentIndex().row();
    m_breakpointList->clear();
    for (const Breakpoint &b : m_breakpoints) {
        auto *item = new QTreeWidgetItem(m_breakpointList);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, b.enabled ? Qt::Checked : Qt::Unchecked);
        item->setText(0, b.fromLab ? tr("%1 (set by the lab)").arg(b.expression) : b.expression);
        item->setText(1, QLocale().toString(qulonglong(b.hits)));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, b.wireId < 0 && wire() ? tr("The wire refused this filter.")
                            : b.fromLab ? tr("A step of the lab set this breakpoint; it removes it itself.")
                                        : b.expression);
        QFont f = item->font(0);
        f.setFamily(QStringLiteral("monospace"));
        item->setFont(0, f);
    }
    if (current >= 0 && current < m_breakpointList->topLevelItemCount())
        m_breakpointList->setCurrentItem(m_breakpointList->topLevelItem(current));
    m_rebuilding = false;
}

void BreakpointPanel::refreshHits()
{
    Wire *w = wire();
    if (!w)
        return;
    bool changed = false;
    const std::vector<WireBreakpoint> onWire = w->breakpoints();
    for (const WireBreakpoint &wb : onWire)
        for (Breakpoint &b : m_breakpoints)
            if (b.wireId == wb.id && b.hits != wb.hits) {
                b.hits = wb.hits;
                changed = true;
            }
    // Breakpoints a lab step set on the wire (the TCP vs UDP lab's "Hold a SYN") show while they exist.
    bool structure = false;
    for (const WireBreakpoint &wb : onWire) {
        const bool known = std::any_of(m_breakpoints.begin(), m_breakpoints.end(),
                                       [&](const Breakpoint &b) { return b.wireId == wb.id; });
        if (!known) {
            m_breakpoints.push_back(Breakpoint{wb.expression, wb.enabled, wb.id, wb.hits, true});
            structure = true;
        }
    }
    structure |=
        std::erase_if(m_breakpoints, [&](const Breakpoint &b) {
            return b.fromLab && std::none_of(onWire.begin(), onWire.end(),
                                             [&](const WireBreakpoint &wb) { return wb.id == b.wireId; });
        }) > 0;
    if (structure) {
        rebuildBreakpointList();
        updateButtons();
        return;
    }
    if (!changed)
        return;
    m_rebuilding = true;
    for (int i = 0; i < m_breakpointList->topLevelItemCount() && std::size_t(i) < m_breakpoints.size(); ++i)
        m_breakpointList->topLevelItem(i)->setText(
            1, QLocale().toString(qulonglong(m_breakpoints[std::size_t(i)].hits)));
    m_rebuilding = false;
}

void BreakpointPanel::refreshHeld()
{
    Wire *w = wire();
    const std::vector<HeldPacket> held = w ? w->heldPackets() : std::vector<HeldPacket>{};
    const QModelIndex currentIndex = m_heldList->currentIndex();
    const qulonglong selectedId =
        currentIndex.isValid() ? m_heldList->currentItem()->data(0, kIdRole).toULongLong() : 0;
    m_heldList->clear();
    m_heldSince.clear();
    QTreeWidgetItem *select = nullptr;
    for (const HeldPacket &h : held) {
        auto *item = new QTreeWidgetItem(m_heldList);
        item->setData(0, kIdRole, qulonglong(h.id));
        item->setText(0, QString::number(h.id));
        item->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(2, QStringLiteral("%1 → %2").arg(h.from, h.to));
        item->setText(3, h.summary);
        item->setToolTip(3, h.summary);
        m_heldSince.push_back(h.heldSinceNs);
        if (h.id == selectedId)
            select = item;
    }
    if (select)
        m_heldList->setCurrentItem(select);
    tick();
    retranslate();
    updateButtons();
    Q_EMIT heldCountChanged(int(held.size()));
}

void BreakpointPanel::tick()
{
    // How long each packet has waited, ticking: real stacks keep their timers running meanwhile.
    const std::int64_t now = m_session->clock().nowNs();
    for (int i = 0; i < m_heldList->topLevelItemCount() && std::size_t(i) < m_heldSince.size(); ++i) {
        const double seconds = std::max<double>(0, double(now - m_heldSince[std::size_t(i)]) / 1e9);
        m_heldList->topLevelItem(i)->setText(1, tr("%1 s").arg(QLocale().toString(seconds, 'f', 1)));
    }
    refreshHits();
}

void BreakpointPanel::step()
{
    if (Wire *w = wire())
        w->step(0);
}

void BreakpointPanel::releaseAll()
{
    if (Wire *w = wire())
        w->releaseAll();
}

void BreakpointPanel::dropSelected()
{
    Wire *w = wire();
    if (!w)
        return;
    QTreeWidgetItem *item = m_heldList->currentItem();
    w->drop(item ? item->data(0, kIdRole).toULongLong() : 0);
}

void BreakpointPanel::dropAll()
{
    if (Wire *w = wire())
        w->dropAll();
}

void BreakpointPanel::updateButtons()
{
    const bool hasWire = wire() != nullptr;
    const bool held = m_heldList->topLevelItemCount() > 0;
    m_add->setEnabled(!m_filter->text().trimmed().isEmpty());
    m_remove->setEnabled(m_breakpointList->currentItem() != nullptr);
    m_step->setEnabled(hasWire && held);
    m_stepAction->setEnabled(hasWire && held);
    m_releaseAll->setEnabled(hasWire && held);
    m_drop->setEnabled(hasWire && held);
    m_dropAll->setEnabled(hasWire && held);
}

void BreakpointPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void BreakpointPanel::retranslate()
{
    m_filter->setPlaceholderText(tr("Hold packets matching, e.g. tcp.flags.syn == 1"));
    m_filter->setToolTip(
        tr("A display filter (tcp.flags.syn == 1 && tcp.flags.ack == 0, udp.dstport == 8801, tcp.len > 0) "
           "or a capture filter in BPF syntax (tcp[tcpflags] & tcp-syn != 0)."));
    m_add->setText(tr("Add"));
    m_remove->setText(tr("Remove"));
    m_breakpointList->setHeaderLabels({tr("Hold packets matching"), tr("Hits")});
    m_heldList->setHeaderLabels({tr("Id"), tr("Held for"), tr("From → to"), tr("Packet")});
    const int held = m_heldList->topLevelItemCount();
    m_heldTitle->setText(held > 0 ? tr("Held on the wire: %n packet(s)", nullptr, held)
                                  : tr("Held on the wire: none"));
    m_step->setText(tr("Step"));
    m_step->setToolTip(
        tr("Release the oldest held packet onto its link (F10); the link's delay still applies."));
    m_stepAction->setText(tr("Step Held Packet"));
    m_releaseAll->setText(tr("Release all"));
    m_drop->setText(tr("Drop"));
    m_drop->setToolTip(tr("Drop the selected held packet (or the oldest); the capture keeps it, marked."));
    m_dropAll->setText(tr("Drop all"));

    QString mode;
    const auto state = m_controller->state();
    if (state == LabController::State::Running && !m_controller->wire())
        mode = tr("Host mode: there is no wire to hold packets on. Breakpoints work in the lab network "
                  "(Settings > Network).");
    else if (state != LabController::State::Running)
        mode = tr("Breakpoints added now are set when the lab starts in the lab network.");
    m_modeLabel->setText(mode);
    m_modeLabel->setVisible(!mode.isEmpty());
}

void BreakpointPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void BreakpointPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (wire()) {
        refreshHeld();
        m_ticker.start();
    }
}

void BreakpointPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_ticker.stop(); // heldPacketsChanged still keeps the list right; only the ticking stops
}

} // namespace wirelab
