// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace wirelab {

// The typed lifecycle every packet source goes through.
enum class CaptureState { Idle, Starting, Running, Stopped, Failed };

// "Idle", "Starting", "Capturing", "Stopped", "Failed", translated.
QString captureStateText(CaptureState state);

} // namespace wirelab
