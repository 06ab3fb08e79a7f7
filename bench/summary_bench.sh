#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `wirelab-cli summary` against `tshark -r` on the same synthetic capture of >= 1,000,000 packets,
# in the same run (best of 3 each, or hyperfine when installed), prints the ratio, checks that both print
# the same lines, and reports the packet store's overhead per packet from `wirelab-cli info`.
#
#   bench/summary_bench.sh [build-dir] [packets]      (defaults: build, 1000000)
#
# Results and how to read them: docs/benchmarks.md. Needs tshark (scripts/install-deps.sh installs it).
set -euo pipefail

BUILD="${1:-build}"
PACKETS="${2:-1000000}"
CLI="$BUILD/app/cli/wirelab-cli"
MAKE="$BUILD/bench/wirelab-makecapture"
for tool in "$CLI" "$MAKE"; do
    if [ ! -x "$tool" ]; then
        echo "$tool is missing: build it first with ninja -C $BUILD wirelab-cli wirelab-makecapture." >&2
        exit 2
    fi
done
if ! command -v tshark >/dev/null 2>&1; then
    echo "tshark is not installed: run scripts/install-deps.sh first." >&2
    exit 2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wirelab-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
CAPTURE="$WORK/conversations.pcap"

echo "== Making a capture of $PACKETS packets"
"$MAKE" "$CAPTURE" --packets "$PACKETS"
echo "   $(stat -c %s "$CAPTURE") bytes; $(nproc) CPUs; $(tshark --version 2>/dev/null | head -1)"
cat "$CAPTURE" >/dev/null # into the page cache, so neither side pays for the disk

# Best of 3 runs of "$@" > /dev/null: prints "<wall seconds> <cpu seconds>" (cpu = user + system, the
# steadier figure on a machine other work shares; it needs GNU time, otherwise it repeats the wall time).
best_of_3() {
    local best_wall="" best_cpu="" start end wall cpu
    for _ in 1 2 3; do
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" "$@" >/dev/null 2>/dev/null || true
            wall=$(awk '{ print $1 }' "$WORK/time.txt")
            cpu=$(awk '{ printf "%.2f", $2 + $3 }' "$WORK/time.txt")
        else
            start=$(date +%s%N)
            "$@" >/dev/null 2>&1
            end=$(date +%s%N)
            wall=$(awk -v ns=$(( end - start )) 'BEGIN { printf "%.3f", ns / 1e9 }')
            cpu=$wall
        fi
        if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
        if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$cpu; fi
    done
    echo "$best_wall $best_cpu"
}

echo "== Timing (same capture, output to /dev/null)"
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 1 --runs 3 --export-json "$WORK/times.json" \
        "$CLI summary $CAPTURE" "tshark -r $CAPTURE"
    ours=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print('%.3f' % min(r[0]['times']))" "$WORK/times.json")
    theirs=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print('%.3f' % min(r[1]['times']))" "$WORK/times.json")
    ours_cpu=$ours
    theirs_cpu=$theirs
else
    read -r ours ours_cpu < <(best_of_3 "$CLI" summary "$CAPTURE")
    read -r theirs theirs_cpu < <(best_of_3 tshark -r "$CAPTURE")
fi
ratio=$(awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')
cpu_ratio=$(awk -v a="$theirs_cpu" -v b="$ours_cpu" 'BEGIN { printf "%.1f", a / b }')
echo "   wirelab-cli summary: ${ours} s wall, ${ours_cpu} s CPU (best of 3)"
echo "   tshark -r:           ${theirs} s wall, ${theirs_cpu} s CPU (best of 3)"
echo "   wirelab-cli is ${ratio}x faster by wall clock, ${cpu_ratio}x by CPU time (goal: at least 10x)"

echo "== Same output? (one more run of each, compared line by line)"
"$CLI" summary "$CAPTURE" >"$WORK/ours.txt"
tshark -r "$CAPTURE" >"$WORK/tshark.txt" 2>/dev/null
lines=$(wc -l <"$WORK/ours.txt")
differing=$(diff "$WORK/ours.txt" "$WORK/tshark.txt" | grep -c '^<' || true)
echo "   $lines lines; $differing differ from tshark's"

echo "== Packet store (wirelab-cli info)"
/usr/bin/env time -f "   peak memory of info: %M KiB" "$CLI" info "$CAPTURE" 2>&1 | sed 's/^/   /' \
    || "$CLI" info "$CAPTURE" | sed 's/^/   /'
