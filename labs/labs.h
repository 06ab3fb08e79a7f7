// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace wirelab {
class LabRegistry;
}

// Registers every lab Wirelab ships with the registry (labs.cpp lists one setup call per lab).
void setupAllLabs(wirelab::LabRegistry &registry);
