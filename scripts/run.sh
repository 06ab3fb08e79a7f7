#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts Wirelab. Extra arguments go to wirelab (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "There is no display here; starting Wirelab on a virtual one (xvfb-run). Run this from a desktop session to see the window." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" build/app/gui/wirelab "$@"
fi
exec build/app/gui/wirelab "$@"
