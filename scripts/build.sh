#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, then configures and builds Wirelab in ./build (Ninja, RelWithDebInfo).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# Two jobs: these machines have two cores, and a third job only adds memory pressure.
cmake --build build --parallel "${WIRELAB_JOBS:-2}"

# Live capture on loopback needs CAP_NET_RAW until the lab network (no privileges at all) lands.
# Root has it already; for a normal user, grant it to our own binaries only.
if [ "$(id -u)" -ne 0 ] && command -v setcap >/dev/null 2>&1; then
    mapfile -t bins < <(find build/app build/tests -maxdepth 3 -type f -perm -u+x \( -name wirelab -o -name wirelab-cli -o -name 'tst_*' \) 2>/dev/null)
    if [ "${#bins[@]}" -gt 0 ]; then
        echo "Granting the loopback capture right (cap_net_raw) to Wirelab's own binaries in build/ (sudo)."
        sudo setcap cap_net_raw,cap_net_admin+eip "${bins[@]}" || \
            echo "Could not grant the capture right: labs will run, but without a packet capture." >&2
    fi
fi
