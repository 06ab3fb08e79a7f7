// SPDX-License-Identifier: GPL-3.0-or-later
#include "labnet/linkimpairment.h"

#include <QCoreApplication>

#include <cmath>

namespace wirelab {

namespace {

// The upper bounds keep every derived figure (nanoseconds, bits per nanosecond) inside 64-bit integers
// and keep a link's queue from holding the machine's memory hostage.
constexpr double kMaxDelayMs = 60'000;     // one minute, far beyond a geostationary hop
constexpr double kMaxRateMbit = 1'000'000; // 1 Tbit/s
constexpr int kMaxQueuePackets = 100'000;

bool checkRange(double value, double lo, double hi, const char *what, const char *unit, QString *error)
{
    if (std::isfinite(value) && value >= lo && value <= hi)
        return true;
    if (error)
        *error = QCoreApplication::translate("LinkImpairment", "%1 must be between %2 and %3 %4; got %5.")
                     .arg(QCoreApplication::translate("LinkImpairment", what))
                     .arg(lo)
                     .arg(hi)
                     .arg(QString::fromUtf8(unit))
                     .arg(value);
    return false;
}

} // namespace

bool LinkImpairment::validate(QString *error) const
{
    if (!checkRange(delayMs, 0, kMaxDelayMs, QT_TRANSLATE_NOOP("LinkImpairment", "Delay"), "ms", error))
        return false;
    if (!checkRange(jitterMs, 0, kMaxDelayMs, QT_TRANSLATE_NOOP("LinkImpairment", "Jitter"), "ms", error))
        return false;
    if (!checkRange(rateMbit, 0, kMaxRateMbit, QT_TRANSLATE_NOOP("LinkImpairment", "Bandwidth"), "Mbit/s",
                    error))
        return false;
    if (!checkRange(lossPercent, 0, 100, QT_TRANSLATE_NOOP("LinkImpairment", "Loss"), "%", error))
        return false;
    if (!checkRange(duplicatePercent, 0, 100, QT_TRANSLATE_NOOP("LinkImpairment", "Duplication"), "%", error))
        return false;
    if (!checkRange(reorderPercent, 0, 100, QT_TRANSLATE_NOOP("LinkImpairment", "Reordering"), "%", error))
        return false;
    if (queuePackets < 1 || queuePackets > kMaxQueuePackets) {
        if (error)
            *error = QCoreApplication::translate("LinkImpairment",
                                                 "The queue must hold between 1 and %1 packets; got %2.")
                         .arg(kMaxQueuePackets)
                         .arg(queuePackets);
        return false;
    }
    return true;
}

bool LinkImpairment::isNone() const
{
    return delayMs == 0 && jitterMs == 0 && rateMbit == 0 && lossPercent == 0 && duplicatePercent == 0 &&
           reorderPercent == 0;
}

const std::vector<LinkPreset> &linkPresets()
{
    static const std::vector<LinkPreset> presets = [] {
        std::vector<LinkPreset> p;
        auto add = [&p](const char *id, const char *label, double delay, double jitter, double rate,
                        double loss) {
            LinkImpairment each;
            each.delayMs = delay;
            each.jitterMs = jitter;
            each.rateMbit = rate;
            each.lossPercent = loss;
            p.push_back(LinkPreset{QString::fromLatin1(id), LabText{"LinkPreset", label}, each});
        };
        add("loopback", QT_TRANSLATE_NOOP("LinkPreset", "Loopback (no impairment)"), 0, 0, 0, 0);
        add("lan", QT_TRANSLATE_NOOP("LinkPreset", "LAN (0.5 ms, 1 Gbit/s)"), 0.5, 0, 1000, 0);
        add("wifi", QT_TRANSLATE_NOOP("LinkPreset", "Wi-Fi (5 ms ± 2 ms, 50 Mbit/s, 0.5 % loss)"), 5, 2, 50,
            0.5);
        add("3g", QT_TRANSLATE_NOOP("LinkPreset", "3G (50 ms ± 5 ms each way, 1.6 Mbit/s)"), 50, 5, 1.6, 0);
        add("satellite", QT_TRANSLATE_NOOP("LinkPreset", "Satellite (300 ms each way, 10 Mbit/s)"), 300, 0,
            10, 0);
        add("lossy-mobile",
            QT_TRANSLATE_NOOP("LinkPreset", "Lossy mobile (40 ms ± 15 ms, 5 Mbit/s, 3 % loss)"), 40, 15, 5,
            3);
        return p;
    }();
    return presets;
}

const LinkPreset *findLinkPreset(const QString &id)
{
    for (const LinkPreset &p : linkPresets())
        if (p.id.compare(id, Qt::CaseInsensitive) == 0)
            return &p;
    return nullptr;
}

} // namespace wirelab
