// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/labdefinition.h"

#include <vector>

namespace wirelab {

// Every lab registers itself with one setupXxxLab(LabRegistry &) call; labs/labs.cpp lists them.
class LabRegistry final
{
public:
    void add(LabDefinition lab);
    const LabDefinition *find(const QString &id) const;
    const std::vector<LabDefinition> &labs() const { return m_labs; }

private:
    std::vector<LabDefinition> m_labs;
};

} // namespace wirelab
