// SPDX-License-Identifier: GPL-3.0-or-later
#include "networkpanel.h"

#include "lab/labcontroller.h"
#include "lab/labdefinition.h"
#include "lab/linkparameters.h"
#include "topologyview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace wirelab {

namespace {

// The spin boxes accept more than the link allows, so that a typo (120 % loss, a negative delay) reaches
// LinkImpairment::validate and is refused with its sentence instead of being clamped without a word.
struct FieldSpec
{
    double minimum, maximum, step;
    int decimals;
};
constexpr FieldSpec kFieldSpecs[NetworkPanel::FieldCount] = {
    {-100'000, 1'000'000, 5, 1},  // delay, ms
    {-100'000, 1'000'000, 1, 1},  // jitter, ms
    {-100'000, 10'000'000, 1, 1}, // bandwidth, Mbit/s
    {-1'000, 1'000, 0.5, 2},      // loss, %
    {-1'000, 1'000, 0.5, 2},      // duplication, %
    {-1'000, 1'000, 0.5, 2},      // reordering, %
};

QString number(double v)
{
    return QLocale().toString(v, 'g', 6);
}

} // namespace

NetworkPanel::NetworkPanel(LabController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_topology(new TopologyView(this)),
      m_linkTitle(new QLabel(this)), m_presetLabel(new QLabel(this)), m_presets(new QComboBox(this)),
      m_same(new QCheckBox(this)), m_grid(new QGridLayout), m_error(new QLabel(this)),
      m_hint(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);
    m_topology->setObjectName(QStringLiteral("networkTopology"));
    m_topology->setMaximumHeight(m_topology->fontMetrics().height() * 7);
    layout->addWidget(m_topology, 1);

    QFont bold = m_linkTitle->font();
    bold.setBold(true);
    m_linkTitle->setFont(bold);
    layout->addWidget(m_linkTitle);

    auto *presetRow = new QHBoxLayout;
    presetRow->addWidget(m_presetLabel);
    m_presets->setObjectName(QStringLiteral("linkPresetBox"));
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_presets->setMinimumContentsLength(12);
    presetRow->addWidget(m_presets, 1);
    layout->addLayout(presetRow);
    m_same->setObjectName(QStringLiteral("linkSameBothWays"));
    m_same->setChecked(true);
    layout->addWidget(m_same);

    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(3);
    for (int d = 0; d < 2; ++d) {
        m_directionLabels[std::size_t(d)] = new QLabel(this);
        m_directionLabels[std::size_t(d)]->setAlignment(Qt::AlignCenter);
        m_directionLabels[std::size_t(d)]->setFont(bold);
        m_grid->addWidget(m_directionLabels[std::size_t(d)], 0, d + 1);
    }
    for (int f = 0; f < FieldCount; ++f) {
        m_fieldLabels[std::size_t(f)] = new QLabel(this);
        m_grid->addWidget(m_fieldLabels[std::size_t(f)], f + 1, 0);
        for (int d = 0; d < 2; ++d) {
            auto *box = new QDoubleSpinBox(this);
            const FieldSpec &spec = kFieldSpecs[f];
            box->setRange(spec.minimum, spec.maximum);
            box->setDecimals(spec.decimals);
            box->setSingleStep(spec.step);
            box->setKeyboardTracking(false); // apply on Enter, focus out or the arrows, not per keystroke
            box->setAccelerated(true);
            box->setAlignment(Qt::AlignRight);
            // The wide ranges would make the boxes wide: let the dock's width decide.
            box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
            box->setMinimumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("0000.0 Mbit/s")) + 24);
            box->setObjectName(QStringLiteral("link:%1:%2").arg(d == AToB ? "a2b" : "b2a").arg(f));
            m_editors[std::size_t(d)][std::size_t(f)] = box;
            m_grid->addWidget(box, f + 1, d + 1);
            const auto direction = Direction(d);
            const auto field = Field(f);
            connect(box, &QDoubleSpinBox::valueChanged, this,
                    [this, direction, field] { onEditorChanged(direction, field); });
        }
    }
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(2, 1);
    layout->addLayout(m_grid);

    m_error->setObjectName(QStringLiteral("linkErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: 600; }"));
    m_error->hide();
    layout->addWidget(m_error);
    m_hint->setObjectName(QStringLiteral("linkHintLabel"));
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("QLabel { color: #5f6b7a; }"));
    layout->addWidget(m_hint);

    connect(m_topology, &TopologyView::linkSelected, this, &NetworkPanel::selectLink);
    connect(m_same, &QCheckBox::toggled, this, [this](bool same) {
        if (m_loading || m_current < 0)
            return;
        for (QDoubleSpinBox *box : m_editors[BToA])
            box->setEnabled(!same);
        if (same) {
            const LinkImpairment aToB = readEditors(AToB);
            m_links[std::size_t(m_current)].same = true;
            if (commit(m_current, aToB, aToB))
                loadEditors();
        } else {
            m_links[std::size_t(m_current)].same = false;
        }
    });
    connect(m_presets, &QComboBox::activated, this, [this](int index) {
        const QString id = m_presets->itemData(index).toString();
        if (!id.isEmpty())
            applyPreset(id);
    });
    m_sync.setInterval(500);
    connect(&m_sync, &QTimer::timeout, this, [this] {
        if (isVisible())
            syncFromController();
    });
    connect(m_controller, &LabController::stateChanged, this, [this](LabController::State state) {
        if (state == LabController::State::Running) {
            // The run starts with the link.* parameters; set every link exactly as the panel holds it
            // (directions may differ in ways the parameters cannot say).
            QString error;
            if (!applyToController(&error))
                showError(error);
            m_sync.start();
        } else {
            m_sync.stop();
        }
        refresh();
    });

    retranslate();
    setLab(nullptr);
}

bool NetworkPanel::running() const
{
    return m_controller->state() == LabController::State::Running;
}

void NetworkPanel::setLab(const LabDefinition *lab)
{
    m_lab = lab;
    m_links.clear();
    m_parameters.clear();
    m_current = -1;
    if (lab) {
        for (const LabParameter &p : lab->parameters)
            if (isLinkParameter(p.key))
                m_parameters.insert(p.key, p.defaultValue);
        std::vector<LabLinkSpec> specs = lab->links;
        if (specs.empty()) {
            LabLinkSpec spec;
            spec.a = lab->hosts.size() > 0 ? lab->hosts[0].name : QStringLiteral("client");
            spec.b = lab->hosts.size() > 1 ? lab->hosts[1].name : QStringLiteral("server");
            specs.push_back(spec);
        }
        for (const LabLinkSpec &spec : specs)
            m_links.push_back(LinkState{spec.a, spec.b, spec.aToB, spec.bToA, spec.aToB == spec.bToA});
        LinkSettings settings;
        if (linkSettingsFromParameters(m_parameters, &settings, nullptr)) {
            m_links[0].aToB = settings.clientToServer;
            m_links[0].bToA = settings.serverToClient;
            m_links[0].same = settings.clientToServer == settings.serverToClient;
        }
    }
    showError({});
    rebuildTopology();
    selectLink(m_links.empty() ? -1 : 0);
    refresh();
}

void NetworkPanel::rebuildTopology()
{
    std::vector<TopologyView::Host> hosts;
    const LabNetwork *network = running() ? m_controller->network() : nullptr;
    const bool hostMode = (running() ? m_controller->networkMode() : m_plannedMode) == NetworkMode::Host;
    if (m_lab) {
        QStringList names;
        for (const LabHostSpec &h : m_lab->hosts)
            names << h.name;
        if (names.isEmpty())
            names = {QStringLiteral("client"), QStringLiteral("server")};
        for (int i = 0; i < names.size(); ++i) {
            QString address;
            if (network && network->isRunning())
                address = network->address(names[i]).toString();
            else if (hostMode)
                address = QStringLiteral("127.0.0.1");
            else // what the lab network will assign, in order (LabNetworkSpec)
                address = QStringLiteral("198.18.0.%1").arg(i + 1);
            hosts.push_back({names[i], address});
        }
    }
    m_topology->setHosts(std::move(hosts));
    std::vector<TopologyView::Link> links;
    for (const LinkState &l : m_links)
        links.push_back({l.a, l.b, describe(l.aToB), describe(l.bToA)});
    m_topology->setLinks(std::move(links));
}

QString NetworkPanel::describe(const LinkImpairment &imp) const
{
    if (imp.isNone())
        return {};
    QStringList parts;
    if (imp.delayMs > 0 || imp.jitterMs > 0)
        parts << (imp.jitterMs > 0 ? tr("%1 ± %2 ms").arg(number(imp.delayMs), number(imp.jitterMs))
                                   : tr("%1 ms").arg(number(imp.delayMs)));
    if (imp.rateMbit > 0)
        parts << tr("%1 Mbit/s").arg(number(imp.rateMbit));
    if (imp.lossPercent > 0)
        parts << tr("%1 % loss").arg(number(imp.lossPercent));
    if (imp.duplicatePercent > 0)
        parts << tr("%1 % dup.").arg(number(imp.duplicatePercent));
    if (imp.reorderPercent > 0)
        parts << tr("%1 % reord.").arg(number(imp.reorderPercent));
    return parts.join(QStringLiteral(", "));
}

void NetworkPanel::selectLink(int index)
{
    m_current = index >= 0 && index < int(m_links.size()) ? index : -1;
    m_topology->setSelectedLink(m_current);
    loadEditors();
    retranslate();
}

void NetworkPanel::loadEditors()
{
    m_loading = true;
    const bool have = m_current >= 0;
    const LinkState empty;
    const LinkState &link = have ? m_links[std::size_t(m_current)] : empty;
    for (int f = 0; f < FieldCount; ++f) {
        m_editors[AToB][std::size_t(f)]->setValue(fieldValue(link.aToB, Field(f)));
        m_editors[BToA][std::size_t(f)]->setValue(fieldValue(link.bToA, Field(f)));
        m_editors[AToB][std::size_t(f)]->setEnabled(have);
        m_editors[BToA][std::size_t(f)]->setEnabled(have && !link.same);
        m_editors[AToB][std::size_t(f)]->setStyleSheet(QString());
        m_editors[BToA][std::size_t(f)]->setStyleSheet(QString());
    }
    m_same->setChecked(link.same);
    m_same->setEnabled(have);
    m_presets->setEnabled(have);
    m_loading = false;
}

double NetworkPanel::fieldValue(const LinkImpairment &imp, Field field)
{
    switch (field) {
    case Delay:
        return imp.delayMs;
    case Jitter:
        return imp.jitterMs;
    case Rate:
        return imp.rateMbit;
    case Loss:
        return imp.lossPercent;
    case Duplicate:
        return imp.duplicatePercent;
    case Reorder:
        return imp.reorderPercent;
    case FieldCount:
        break;
    }
    return 0;
}

void NetworkPanel::setFieldValue(LinkImpairment &imp, Field field, double value)
{
    switch (field) {
    case Delay:
        imp.delayMs = value;
        break;
    case Jitter:
        imp.jitterMs = value;
        break;
    case Rate:
        imp.rateMbit = value;
        break;
    case Loss:
        imp.lossPercent = value;
        break;
    case Duplicate:
        imp.duplicatePercent = value;
        break;
    case Reorder:
        imp.reorderPercent = value;
        break;
    case FieldCount:
        break;
    }
}

LinkImpairment NetworkPanel::readEditors(Direction direction) const
{
    // Start from the held settings so what the panel does not show (the queue length) is kept.
    LinkImpairment imp;
    if (m_current >= 0) {
        const LinkState &link = m_links[std::size_t(m_current)];
        imp = direction == AToB ? link.aToB : link.bToA;
    }
    for (int f = 0; f < FieldCount; ++f)
        setFieldValue(imp, Field(f), m_editors[direction][std::size_t(f)]->value());
    return imp;
}

LinkImpairment NetworkPanel::impairment(int link, Direction direction) const
{
    if (link < 0 || link >= int(m_links.size()))
        return {};
    return direction == AToB ? m_links[std::size_t(link)].aToB : m_links[std::size_t(link)].bToA;
}

void NetworkPanel::onEditorChanged(Direction direction, Field field)
{
    if (m_loading || m_current < 0)
        return;
    LinkState &link = m_links[std::size_t(m_current)];
    if (link.same && direction == AToB) {
        m_loading = true;
        m_editors[BToA][field]->setValue(m_editors[AToB][field]->value());
        m_loading = false;
    }
    m_presets->setCurrentIndex(0); // the values are the student's own now
    const LinkImpairment aToB = readEditors(AToB);
    const LinkImpairment bToA = link.same ? aToB : readEditors(BToA);
    if (commit(m_current, aToB, bToA)) {
        // Clear the marks of values refused before.
        for (auto &row : m_editors)
            for (QDoubleSpinBox *box : row)
                box->setStyleSheet(QString());
    } else {
        // Point at the box just edited.
        m_editors[direction][field]->setStyleSheet(
            QStringLiteral("QDoubleSpinBox { border: 2px solid #b00020; border-radius: 3px; }"));
    }
}

bool NetworkPanel::applyPreset(const QString &presetId)
{
    const LinkPreset *preset = findLinkPreset(presetId);
    if (!preset || m_current < 0)
        return false;
    m_links[std::size_t(m_current)].same = true;
    const bool ok = commit(m_current, preset->each, preset->each);
    loadEditors();
    m_loading = true;
    m_presets->setCurrentIndex(std::max(0, m_presets->findData(presetId)));
    m_loading = false;
    return ok;
}

bool NetworkPanel::commit(int index, const LinkImpairment &aToB, const LinkImpairment &bToA)
{
    LinkState &link = m_links[std::size_t(index)];
    QString error;
    if (!aToB.validate(&error) || !bToA.validate(&error)) {
        showError(error);
        return false;
    }
    if (running()) {
        if (!m_controller->setLinkImpairment(link.a, link.b, aToB, &error) ||
            !m_controller->setLinkImpairment(link.b, link.a, bToA, &error)) {
            showError(error);
            return false;
        }
    } else if (index == 0 && m_lab) {
        // Before the start these are lab parameters: refuse what the parameters refuse (their ranges are
        // tighter than the wire's).
        const LinkState saved = link;
        link.aToB = aToB;
        link.bToA = bToA;
        const QVariantMap params = linkParameters();
        for (auto it = params.cbegin(); it != params.cend(); ++it) {
            const LabParameter *p = m_lab->parameter(it.key());
            if (p && !p->validate(it.value(), &error)) {
                link = saved;
                showError(error);
                return false;
            }
        }
        m_parameters = params;
    }
    link.aToB = aToB;
    link.bToA = bToA;
    showError({});
    rebuildTopology();
    Q_EMIT linkChanged(index);
    return true;
}

QVariantMap NetworkPanel::linkParameters() const
{
    QVariantMap out;
    if (!m_lab)
        return out;
    for (const LabParameter &p : m_lab->parameters)
        if (isLinkParameter(p.key))
            out.insert(p.key, p.type == LabParameter::Type::Choice ? QVariant(QStringLiteral("none"))
                                                                   : QVariant(0.0));
    if (m_links.empty())
        return out;
    // The first link as the parameters can say it: what both directions share, plus each direction's
    // extra delay, extra loss and own bandwidth cap. Jitter, duplication and reordering have no
    // per-direction parameter: the client's direction stands for both, and applyToController() sets the
    // other exactly once the lab runs.
    const LinkImpairment &c2s = m_links[0].aToB;
    const LinkImpairment &s2c = m_links[0].bToA;
    const double delay = std::min(c2s.delayMs, s2c.delayMs);
    const double loss = std::min(c2s.lossPercent, s2c.lossPercent);
    const auto extraLoss = [loss](double total) {
        if (total <= loss || loss >= 100)
            return 0.0;
        return 100.0 * (1.0 - (1.0 - total / 100.0) / (1.0 - loss / 100.0));
    };
    out.insert(QStringLiteral("link.delay_ms"), delay);
    out.insert(QStringLiteral("link.jitter_ms"), c2s.jitterMs);
    out.insert(QStringLiteral("link.loss_pct"), loss);
    out.insert(QStringLiteral("link.duplicate_pct"), c2s.duplicatePercent);
    out.insert(QStringLiteral("link.reorder_pct"), c2s.reorderPercent);
    if (c2s.rateMbit == s2c.rateMbit) {
        out.insert(QStringLiteral("link.rate_mbit"), c2s.rateMbit);
    } else {
        out.insert(QStringLiteral("link.rate_mbit"), 0.0);
        out.insert(QStringLiteral("link.c2s.rate_mbit"), c2s.rateMbit);
        out.insert(QStringLiteral("link.s2c.rate_mbit"), s2c.rateMbit);
    }
    if (c2s.delayMs != s2c.delayMs) {
        out.insert(QStringLiteral("link.c2s.delay_ms"), c2s.delayMs - delay);
        out.insert(QStringLiteral("link.s2c.delay_ms"), s2c.delayMs - delay);
    }
    if (c2s.lossPercent != s2c.lossPercent) {
        out.insert(QStringLiteral("link.c2s.loss_pct"), extraLoss(c2s.lossPercent));
        out.insert(QStringLiteral("link.s2c.loss_pct"), extraLoss(s2c.lossPercent));
    }
    // Only keys the lab has.
    for (auto it = out.begin(); it != out.end();)
        it = m_lab->parameter(it.key()) ? std::next(it) : out.erase(it);
    return out;
}

bool NetworkPanel::setLinkParameter(const QString &key, const QVariant &value, QString *error)
{
    const LabParameter *p = m_lab ? m_lab->parameter(key) : nullptr;
    if (!p || !isLinkParameter(key) || m_links.empty()) {
        if (error)
            *error = tr("This lab has no link parameter \"%1\".").arg(key);
        return false;
    }
    QString message;
    const QVariant parsed =
        value.typeId() == QMetaType::QString ? p->parse(value.toString(), &message) : value;
    if (!parsed.isValid() || !p->validate(parsed, &message)) {
        if (error)
            *error = message;
        return false;
    }
    QVariantMap params = m_parameters;
    params.insert(key, parsed);
    LinkSettings settings;
    if (!linkSettingsFromParameters(params, &settings, &message)) {
        if (error)
            *error = message;
        return false;
    }
    m_links[0].same = settings.clientToServer == settings.serverToClient;
    if (!commit(0, settings.clientToServer, settings.serverToClient)) {
        if (error)
            *error = errorText();
        return false;
    }
    m_parameters = params;
    if (m_current == 0)
        loadEditors();
    return true;
}

bool NetworkPanel::applyToController(QString *error)
{
    if (!running())
        return false;
    for (const LinkState &link : m_links) {
        QString message;
        if (!m_controller->setLinkImpairment(link.a, link.b, link.aToB, &message) ||
            !m_controller->setLinkImpairment(link.b, link.a, link.bToA, &message)) {
            if (error)
                *error = message;
            return false;
        }
    }
    return true;
}

void NetworkPanel::syncFromController()
{
    if (!running())
        return;
    bool changed = false, currentChanged = false;
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        LinkState &link = m_links[i];
        const LinkImpairment aToB = m_controller->linkImpairment(link.a, link.b);
        const LinkImpairment bToA = m_controller->linkImpairment(link.b, link.a);
        if (aToB == link.aToB && bToA == link.bToA)
            continue;
        link.aToB = aToB;
        link.bToA = bToA;
        link.same = link.same && aToB == bToA;
        changed = true;
        currentChanged |= int(i) == m_current;
    }
    if (!changed)
        return;
    rebuildTopology();
    // Leave a box the student is typing in alone; the next change of theirs starts from the wire's values
    // for the other fields.
    bool editing = false;
    for (const auto &row : m_editors)
        for (const QDoubleSpinBox *box : row)
            editing |= box->hasFocus();
    if (currentChanged && !editing) {
        loadEditors();
        m_loading = true;
        m_presets->setCurrentIndex(0);
        m_loading = false;
    }
}

void NetworkPanel::setPlannedMode(NetworkMode mode)
{
    m_plannedMode = mode;
    refresh();
}

void NetworkPanel::refresh()
{
    rebuildTopology();
    retranslate();
}

void NetworkPanel::showError(const QString &message, QDoubleSpinBox *)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString NetworkPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void NetworkPanel::retranslate()
{
    m_presetLabel->setText(tr("Preset:"));
    m_same->setText(tr("Same both ways"));
    m_same->setToolTip(tr("Edit one direction and the other follows."));
    // Host names are the lab's identifiers ("client", "server"), shown as they are.
    const QString a = m_current >= 0 ? m_links[std::size_t(m_current)].a : QStringLiteral("client");
    const QString b = m_current >= 0 ? m_links[std::size_t(m_current)].b : QStringLiteral("server");
    m_linkTitle->setText(m_current >= 0 ? tr("Link %1 ↔ %2").arg(a, b) : tr("No link selected"));
    m_directionLabels[AToB]->setText(QStringLiteral("%1 → %2").arg(a, b));
    m_directionLabels[BToA]->setText(QStringLiteral("%1 → %2").arg(b, a));
    static const char *const names[FieldCount] = {QT_TR_NOOP("One-way delay"), QT_TR_NOOP("Jitter (±)"),
                                                  QT_TR_NOOP("Bandwidth"),     QT_TR_NOOP("Loss"),
                                                  QT_TR_NOOP("Duplication"),   QT_TR_NOOP("Reordering")};
    static const char *const tips[FieldCount] = {
        QT_TR_NOOP("Added to every packet in this direction; the round trip grows by the sum of both "
                   "directions."),
        QT_TR_NOOP("Each packet's delay varies by up to this much around the one-way delay."),
        QT_TR_NOOP("The link's rate in this direction; 0 means no limit. Above it packets queue, then drop."),
        QT_TR_NOOP("Share of packets the link drops at random. Dropped packets stay in the capture, marked."),
        QT_TR_NOOP("Share of packets the link delivers twice."),
        QT_TR_NOOP("Share of packets sent at once, ahead of delayed ones; needs a delay to show.")};
    static const char *const units[FieldCount] = {
        QT_TR_NOOP(" ms"), QT_TR_NOOP(" ms"), QT_TR_NOOP(" Mbit/s"), " %", " %", " %"};
    for (int f = 0; f < FieldCount; ++f) {
        m_fieldLabels[std::size_t(f)]->setText(tr(names[f]));
        m_fieldLabels[std::size_t(f)]->setToolTip(tr(tips[f]));
        for (int d = 0; d < 2; ++d) {
            QDoubleSpinBox *box = m_editors[std::size_t(d)][std::size_t(f)];
            box->setSuffix(f < Loss ? tr(units[f]) : QString::fromLatin1(units[f]));
            box->setToolTip(tr(tips[f]));
        }
    }
    const QString current = m_presets->currentData().toString();
    m_loading = true;
    m_presets->clear();
    m_presets->addItem(tr("Choose a preset…"), QString());
    for (const LinkPreset &preset : linkPresets())
        m_presets->addItem(preset.label.text(), preset.id);
    m_presets->setCurrentIndex(std::max(0, m_presets->findData(current)));
    m_loading = false;

    QString hint;
    if (!m_lab)
        hint = tr("Select a lab to see its network.");
    else if (running())
        hint = m_controller->networkMode() == NetworkMode::Sandbox
                   ? tr("Changes apply at once, to packets entering the wire from now on.")
                   : tr("Host mode: a relay on 127.0.0.1 delays and drops at the socket level; changes apply "
                        "to data sent from now on.");
    else
        hint = tr("These settings are the lab's link parameters (link.*): they apply when the lab starts, "
                  "and while it runs, changes apply at once.");
    m_hint->setText(hint);
}

void NetworkPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace wirelab
