#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Wirelab needs to build, run and test on Debian 12 / Ubuntu 22.04+.
# Uses sudo when not root. Safe to run again: apt skips what is already there.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "Wirelab needs to install packages: run this as root or install sudo." >&2; exit 2; fi
fi

# Build: compiler, CMake + Ninja, Qt 6 (widgets, network, test, linguist, print support for QCustomPlot).
# Capture: libpcap. Plots: QCustomPlot (Debian's Qt 6 build). HTTP/2 framing and HPACK: nghttp2.
# curl: the real HTTP client the HTTP lab drives next to its own.
# OpenSSL (libssl-dev): the TLS lab's server, client and local CA, and TLS decryption in the dissector.
# Run/test: Xvfb for the screenshot and the app command without a display, tshark as the test oracle,
# ImageMagick for screenshots, iproute2 for the lab network.
PKGS=(build-essential cmake ninja-build pkg-config
      qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
      libqcustomplot-dev libqcustomplot2.1-qt6 libpcap-dev libnghttp2-dev libssl-dev curl
      libgl-dev xvfb xauth x11-utils tshark imagemagick iproute2 fonts-dejavu-core)

missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "All build and test dependencies are installed."
    exit 0
fi
echo "Installing: ${missing[*]}"
# tshark asks whether non-root users may capture; answer "no" so the install is unattended.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
