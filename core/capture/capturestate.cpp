// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/capturestate.h"

namespace wirelab {

QString captureStateText(CaptureState state)
{
    switch (state) {
    case CaptureState::Idle:
        return QCoreApplication::translate("Capture", "Idle");
    case CaptureState::Starting:
        return QCoreApplication::translate("Capture", "Starting");
    case CaptureState::Running:
        return QCoreApplication::translate("Capture", "Capturing");
    case CaptureState::Stopped:
        return QCoreApplication::translate("Capture", "Stopped");
    case CaptureState::Failed:
        return QCoreApplication::translate("Capture", "Failed");
    }
    return QCoreApplication::translate("Capture", "Unknown");
}

} // namespace wirelab
