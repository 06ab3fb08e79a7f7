// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The link settings every lab has, as ordinary lab parameters (so the parameter panel, `--set
// link.delay_ms=50` and the validation come for free):
//   link.preset                      none | loopback | lan | wifi | 3g | satellite | lossy-mobile
//   link.delay_ms  link.jitter_ms  link.rate_mbit  link.loss_pct  link.duplicate_pct  link.reorder_pct
//                                    both directions of the lab's first link (client <-> server)
//   link.c2s.delay_ms  link.s2c.delay_ms    extra one-way delay of one direction, added to link.delay_ms
//   link.c2s.loss_pct  link.s2c.loss_pct    extra loss of one direction, independent of link.loss_pct
//   link.c2s.rate_mbit link.s2c.rate_mbit   a bandwidth cap of one direction (the lower cap wins)
// A preset gives the starting values; any link.delay_ms ... link.reorder_pct that is not 0 replaces the
// preset's value.

#include "lab/labdefinition.h"
#include "labnet/linkimpairment.h"

#include <QVariantMap>

namespace wirelab {

// Appends the link.* parameters to lab (those it does not define itself). LabRegistry::add calls it.
void addLinkParameters(LabDefinition &lab);
// The link.* parameter specs themselves (the controller accepts them for a lab made without the registry).
std::vector<LabParameter> linkParameterSpecs();
bool isLinkParameter(const QString &key);

struct LinkSettings
{
    LinkImpairment clientToServer, serverToClient;
    bool isNone() const { return clientToServer.isNone() && serverToClient.isNone(); }
};
// From validated parameter values (missing keys count as 0 / "none"). false with *error (one sentence)
// when the combination is impossible.
bool linkSettingsFromParameters(const QVariantMap &values, LinkSettings *settings, QString *error);

} // namespace wirelab
