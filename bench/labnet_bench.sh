#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The lab network's wire against plain loopback, in one run: bulk TCP throughput (ratio), added latency at
# zero delay (median, p99), and the highest UDP packet rate delivered without a drop.
#   cmake -S . -B build -G Ninja && ninja -C build wirelab-labnet-bench
#   bench/labnet_bench.sh build [--runs 3] [--seconds 3] [--pings 20000] [--mtu 1500]
# Runs as an ordinary user where unprivileged user namespaces are allowed and /dev/net/tun is 0666 (stock
# Debian and Ubuntu). Results: docs/benchmarks.md, "Lab network".
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
bench="$build/bench/labnet/wirelab-labnet-bench"
if [ ! -x "$bench" ]; then
    echo "$bench is missing: build it with 'ninja -C $build wirelab-labnet-bench'." >&2
    exit 2
fi
echo "machine: $(nproc) CPUs, kernel $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git -C "$(dirname "$0")/.." rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$bench" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
