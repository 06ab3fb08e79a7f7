// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/linkparameters.h"

#include <QCoreApplication>

#include <algorithm>

namespace wirelab {

namespace {

constexpr const char *kContext = "LinkParameters";

LabParameter number(const char *key, LabText label, LabText help, double maximum)
{
    LabParameter p;
    p.key = QLatin1String(key);
    p.label = label;
    p.help = help;
    p.type = LabParameter::Type::Double;
    p.defaultValue = 0.0;
    p.minimum = 0;
    p.maximum = maximum;
    return p;
}

std::vector<LabParameter> linkParameters()
{
    std::vector<LabParameter> out;
    {
        LabParameter p;
        p.key = QStringLiteral("link.preset");
        p.label = labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Link preset"));
        p.help = labText(
            kContext,
            QT_TRANSLATE_NOOP(
                "LinkParameters",
                "A typical link to start from; link settings that are not 0 replace the preset's values."));
        p.type = LabParameter::Type::Choice;
        p.defaultValue = QStringLiteral("none");
        p.choices << QStringLiteral("none");
        p.choiceLabels.push_back(labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "None")));
        for (const LinkPreset &preset : linkPresets()) {
            p.choices << preset.id;
            p.choiceLabels.push_back(preset.label);
        }
        out.push_back(std::move(p));
    }
    out.push_back(
        number("link.delay_ms", labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "One-way delay (ms)")),
               labText(kContext,
                       QT_TRANSLATE_NOOP(
                           "LinkParameters",
                           "Added to every packet in each direction; the round trip grows by twice this.")),
               10000));
    out.push_back(number(
        "link.jitter_ms", labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Jitter (ms)")),
        labText(kContext,
                QT_TRANSLATE_NOOP("LinkParameters",
                                  "Each packet's delay varies by up to this much around the one-way delay.")),
        10000));
    out.push_back(
        number("link.rate_mbit", labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Bandwidth (Mbit/s)")),
               labText(kContext,
                       QT_TRANSLATE_NOOP("LinkParameters", "Bandwidth of each direction; 0 means no limit.")),
               100000));
    out.push_back(number(
        "link.loss_pct", labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Loss (%)")),
        labText(kContext, QT_TRANSLATE_NOOP("LinkParameters",
                                            "Share of packets the link drops at random, in each direction.")),
        100));
    out.push_back(number(
        "link.duplicate_pct", labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Duplication (%)")),
        labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Share of packets the link delivers twice.")),
        100));
    out.push_back(
        number("link.reorder_pct", labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Reordering (%)")),
               labText(kContext,
                       QT_TRANSLATE_NOOP(
                           "LinkParameters",
                           "Share of packets sent at once, ahead of delayed ones; needs a delay to show.")),
               100));
    out.push_back(
        number("link.c2s.delay_ms",
               labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Extra delay client to server (ms)")),
               labText(kContext,
                       QT_TRANSLATE_NOOP("LinkParameters",
                                         "Added to the one-way delay from the client to the server only.")),
               10000));
    out.push_back(
        number("link.s2c.delay_ms",
               labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Extra delay server to client (ms)")),
               labText(kContext,
                       QT_TRANSLATE_NOOP("LinkParameters",
                                         "Added to the one-way delay from the server to the client only.")),
               10000));
    out.push_back(number(
        "link.c2s.loss_pct",
        labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Extra loss client to server (%)")),
        labText(kContext,
                QT_TRANSLATE_NOOP(
                    "LinkParameters",
                    "Loss from the client to the server only, on top of the loss of both directions.")),
        100));
    out.push_back(number(
        "link.s2c.loss_pct",
        labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Extra loss server to client (%)")),
        labText(kContext,
                QT_TRANSLATE_NOOP(
                    "LinkParameters",
                    "Loss from the server to the client only, on top of the loss of both directions.")),
        100));
    out.push_back(
        number("link.c2s.rate_mbit",
               labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Bandwidth client to server (Mbit/s)")),
               labText(kContext,
                       QT_TRANSLATE_NOOP(
                           "LinkParameters",
                           "A bandwidth cap from the client to the server only; 0 means no cap of its own.")),
               100000));
    out.push_back(
        number("link.s2c.rate_mbit",
               labText(kContext, QT_TRANSLATE_NOOP("LinkParameters", "Bandwidth server to client (Mbit/s)")),
               labText(kContext,
                       QT_TRANSLATE_NOOP(
                           "LinkParameters",
                           "A bandwidth cap from the server to the client only; 0 means no cap of its own.")),
               100000));
    return out;
}

double combineLoss(double a, double b)
{
    // Two independent chances of being dropped.
    return 100.0 * (1.0 - (1.0 - a / 100.0) * (1.0 - b / 100.0));
}

double lowerCap(double a, double b)
{
    if (a <= 0)
        return b;
    if (b <= 0)
        return a;
    return std::min(a, b);
}

} // namespace

bool isLinkParameter(const QString &key)
{
    return key.startsWith(QLatin1String("link."));
}

std::vector<LabParameter> linkParameterSpecs()
{
    return linkParameters();
}

void addLinkParameters(LabDefinition &lab)
{
    for (LabParameter &p : linkParameters()) {
        if (!lab.parameter(p.key))
            lab.parameters.push_back(std::move(p));
    }
}

bool linkSettingsFromParameters(const QVariantMap &values, LinkSettings *settings, QString *error)
{
    LinkImpairment base;
    const QString presetId = values.value(QStringLiteral("link.preset"), QStringLiteral("none")).toString();
    if (!presetId.isEmpty() && presetId != QLatin1String("none")) {
        const LinkPreset *preset = findLinkPreset(presetId);
        if (!preset) {
            if (error)
                *error = QCoreApplication::translate("LinkParameters", "There is no link preset \"%1\".")
                             .arg(presetId);
            return false;
        }
        base = preset->each;
    }
    auto value = [&](const char *key) { return values.value(QLatin1String(key), 0.0).toDouble(); };
    auto override = [&](const char *key, double *field) {
        const double v = value(key);
        if (v != 0)
            *field = v;
    };
    override("link.delay_ms", &base.delayMs);
    override("link.jitter_ms", &base.jitterMs);
    override("link.rate_mbit", &base.rateMbit);
    override("link.loss_pct", &base.lossPercent);
    override("link.duplicate_pct", &base.duplicatePercent);
    override("link.reorder_pct", &base.reorderPercent);

    LinkImpairment c2s = base, s2c = base;
    c2s.delayMs += value("link.c2s.delay_ms");
    s2c.delayMs += value("link.s2c.delay_ms");
    c2s.lossPercent = combineLoss(c2s.lossPercent, value("link.c2s.loss_pct"));
    s2c.lossPercent = combineLoss(s2c.lossPercent, value("link.s2c.loss_pct"));
    c2s.rateMbit = lowerCap(c2s.rateMbit, value("link.c2s.rate_mbit"));
    s2c.rateMbit = lowerCap(s2c.rateMbit, value("link.s2c.rate_mbit"));
    if (!c2s.validate(error) || !s2c.validate(error))
        return false;
    settings->clientToServer = c2s;
    settings->serverToClient = s2c;
    return true;
}

} // namespace wirelab
