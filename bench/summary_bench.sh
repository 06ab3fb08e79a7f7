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

# Best wall-clock time of 3 runs, in seconds, of "$@" > /dev/null.
best_of_3() {
    local best="" start end t
    for _ in 1 2 3; do
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        t=$(( end - start ))
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

echo "== Timing (same capture, output to /dev/null)"
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 1 --runs 3 --export-json "$WORK/times.json" \
        "$CLI summary $CAPTURE" "tshark -r $CAPTURE"
    ours=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print('%.3f' % min(r[0]['times']))" "$WORK/times.json")
    theirs=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print('%.3f' % min(r[1]['times']))" "$WORK/times.json")
else
    ours=$(best_of_3 "$CLI" summary "$CAPTURE")
    theirs=$(best_of_3 tshark -r "$CAPTURE")
fi
ratio=$(awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')
echo "   wirelab-cli summary: ${ours} s (best of 3)"
echo "   tshark -r:           ${theirs} s (best of 3)"
echo "   wirelab-cli is ${ratio}x faster (goal: at least 10x)"

echo "== Same output? (one more run of each, compared line by line)"
"$CLI" summary "$CAPTURE" >"$WORK/ours.txt"
tshark -r "$CAPTURE" >"$WORK/tshark.txt" 2>/dev/null
lines=$(wc -l <"$WORK/ours.txt")
differing=$(diff "$WORK/ours.txt" "$WORK/tshark.txt" | grep -c '^<' || true)
echo "   $lines lines; $differing differ from tshark's"

echo "== Packet store (wirelab-cli info)"
/usr/bin/env time -f "   peak memory of info: %M KiB" "$CLI" info "$CAPTURE" 2>&1 | sed 's/^/   /' \
    || "$CLI" info "$CAPTURE" | sed 's/^/   /'
