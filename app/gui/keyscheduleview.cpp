// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyscheduleview.h"

#include "dissect/tls.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wirelab {

namespace {

QString hexOf(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

QString directionName(TlsDirection d)
{
    return d == TlsDirection::ClientToServer ? KeyScheduleView::tr("client") : KeyScheduleView::tr("server");
}

} // namespace

KeyScheduleView::KeyScheduleView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_tree(new QTreeWidget(this)), m_limits(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_limits->setWordWrap(true);
    m_limits->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_limits->setStyleSheet(QStringLiteral("QLabel { color: palette(dark); font-style: italic; }"));
    m_tree->setColumnCount(2);
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_limits);
    retranslate();
    setConnection(nullptr);
}

void KeyScheduleView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void KeyScheduleView::retranslate()
{
    m_tree->setHeaderLabels({tr("Step"), tr("Output (hex)")});
}

QString KeyScheduleView::summaryText() const
{
    return m_summary->text();
}

QString KeyScheduleView::limitsText() const
{
    return m_limits->text();
}

void KeyScheduleView::setConnection(const TlsConnectionResult *c, const QString &title)
{
    m_tree->clear();
    m_steps = m_finished = m_matches = 0;
    if (!c) {
        m_summary->setText(tr("Select a TLS packet to see how its connection's keys were derived."));
        m_limits->clear();
        return;
    }
    const TlsKeySchedule &ks = c->keySchedule;
    QString head = title.isEmpty() ? QString() : title + QStringLiteral(": ");
    head += tr("%1, %2").arg(QLatin1String(tlsVersionName(c->version)),
                             c->cipherSuiteName.isEmpty() ? tr("cipher suite unknown") : c->cipherSuiteName);
    if (!ks.hash.isEmpty())
        head += tr(", hash %1").arg(ks.hash);
    if (!ks.available) {
        m_summary->setText(head + QStringLiteral("\n")
                           + tr("No key schedule: the key log holds no secrets for this connection (client random %1…).")
                                 .arg(QString::fromLatin1(c->clientRandom.left(8).toHex())));
        m_limits->setText(ks.limits);
        return;
    }
    m_summary->setText(head);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    auto *steps = new QTreeWidgetItem(m_tree, {tr("Key derivation (%1 steps)").arg(ks.steps.size())});
    // A step's row: its name and output; open it for how it was computed, from which inputs, and why.
    auto spanned = [](QTreeWidgetItem *parent, const QString &text, const QColor &colour = QColor()) {
        auto *row = new QTreeWidgetItem(parent, {text});
        row->setFirstColumnSpanned(true);
        row->setToolTip(0, text);
        if (colour.isValid())
            row->setForeground(0, colour);
        return row;
    };
    for (const TlsKeyStep &s : ks.steps) {
        auto *item = new QTreeWidgetItem(steps, {s.name, hexOf(s.output)});
        item->setFont(1, mono);
        item->setToolTip(0, s.formula + (s.note.isEmpty() ? QString() : QStringLiteral("\n") + s.note));
        item->setToolTip(1, hexOf(s.output));
        QFont formulaFont = mono;
        auto *formula = spanned(item, tr("= %1").arg(s.formula), QColor(0x1f, 0x4e, 0x8c));
        formula->setFont(0, formulaFont);
        for (const auto &[name, bytes] : s.inputs) {
            auto *input = new QTreeWidgetItem(item, {tr("input %1 (%n byte(s))", nullptr, int(bytes.size())).arg(name), hexOf(bytes)});
            input->setFont(1, mono);
            input->setToolTip(1, hexOf(bytes));
        }
        if (!s.note.isEmpty())
            spanned(item, s.note, QColor(0x55, 0x55, 0x55));
        if (m_steps == 0)
            item->setExpanded(true); // one open, to show what a step holds
        ++m_steps;
    }
    steps->setExpanded(true);

    auto *fin = new QTreeWidgetItem(m_tree, {tr("Finished checks")});
    for (const TlsFinishedCheck &f : ks.finished) {
        const bool captured = !f.captured.isEmpty();
        const QString mark = !captured ? tr("? (captured Finished not decrypted)") : f.match ? tr("✓ matches") : tr("✗ differs");
        auto *item = new QTreeWidgetItem(fin, {tr("%1 Finished %2").arg(directionName(f.direction), mark), hexOf(f.computed)});
        item->setFont(1, mono);
        item->setToolTip(0, tr("verify_data recomputed over the transcript hash and compared with the captured one"));
        item->setForeground(0, captured && f.match ? QColor(0x1b, 0x7f, 0x2a) : QColor(0xb0, 0x20, 0x20));
        auto add = [&](const QString &name, const QByteArray &bytes) {
            auto *row = new QTreeWidgetItem(item, {name, hexOf(bytes)});
            row->setFont(1, mono);
            row->setToolTip(1, hexOf(bytes));
        };
        add(tr("transcript hash"), f.transcriptHash);
        if (!f.finishedKey.isEmpty())
            add(tr("finished key"), f.finishedKey);
        add(tr("computed verify_data"), f.computed);
        add(tr("captured verify_data"), f.captured);
        ++m_finished;
        if (captured && f.match)
            ++m_matches;
    }
    fin->setExpanded(true);
    m_tree->resizeColumnToContents(0);
    m_limits->setText(ks.limits);
}

} // namespace wirelab
