// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labregistry.h"

#include "lab/linkparameters.h"

namespace wirelab {

void LabRegistry::add(LabDefinition lab)
{
    // Every lab runs on a link the student can shape: link.delay_ms, link.loss_pct, ... (linkparameters.h).
    addLinkParameters(lab);
    // A second registration of the same id replaces the first, so setup functions may run twice
    // (tests do) without listing a lab twice.
    for (LabDefinition &existing : m_labs) {
        if (existing.id == lab.id) {
            existing = std::move(lab);
            return;
        }
    }
    m_labs.push_back(std::move(lab));
}

const LabDefinition *LabRegistry::find(const QString &id) const
{
    for (const LabDefinition &lab : m_labs) {
        if (lab.id == id)
            return &lab;
    }
    return nullptr;
}

} // namespace wirelab
