// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the lab network's wire does to packets on one direction of one link.

#include "lab/labtext.h"

#include <QString>

#include <vector>

namespace wirelab {

struct LinkImpairment
{
    double delayMs = 0;          // one-way delay added to every packet
    double jitterMs = 0;         // +- uniform around delayMs (never reorders unless reorderPercent > 0)
    double rateMbit = 0;         // bandwidth cap (serialisation delay + queue); 0 = unlimited
    double lossPercent = 0;      // independent random loss
    double duplicatePercent = 0; // deliver a second copy
    double reorderPercent = 0;   // send this share of packets immediately, ahead of delayed ones
    int queuePackets = 1000;     // the link's queue when rate-limited; tail drop beyond it

    // Refuses impossible settings with one sentence: "Loss must be between 0 and 100 %; got 120."
    bool validate(QString *error) const;
    bool isNone() const;
    bool operator==(const LinkImpairment &) const = default;
};

// A named setting for both directions of a link ("3G": 50 ms each way, 1.6 Mbit/s ...).
struct LinkPreset
{
    QString id;          // "loopback", "lan", "wifi", "3g", "satellite", "lossy-mobile"
    LabText label;       // translated name for the UI
    LinkImpairment each; // applied to both directions
};
const std::vector<LinkPreset> &linkPresets();
const LinkPreset *findLinkPreset(const QString &id);

} // namespace wirelab
