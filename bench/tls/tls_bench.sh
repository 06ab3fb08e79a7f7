#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The TLS lab's server against openssl s_server on the same machine, same certificate and key (RSA 2048
# from the lab's CA), both single-threaded on 127.0.0.1, driven by the same clients:
#   full handshakes/s : openssl s_time -new (a new full handshake per connection, no resumption), TLS 1.3
#                       (OpenSSL's defaults: x25519, TLS_AES_256_GCM_SHA384) and TLS 1.2
#                       (ECDHE-RSA-AES128-GCM-SHA256, the cipher the server picks by default)
#   bulk MB/s         : wirelab-tls-bench fetch (one plain OpenSSL client): COUNT downloads of MB MiB each,
#                       handshake included; our server's /bytes?n=N against s_server -WWW serving a file
# Our server runs twice: bare (no event log) and as in the lab (event log attached, so the message and
# key-log callbacks run for every record). Rounds alternate the servers to share the machine's noise.
#
# Usage: bench/tls/tls_bench.sh BUILD_DIR [SECONDS_PER_RUN] [ROUNDS] [MB] [COUNT]
# (after: ninja -C BUILD_DIR wirelab-tls-bench). Needs the openssl command line tool. Everything listens
# on 127.0.0.1 and stops on its own. Results: docs/benchmarks.md, "TLS".
set -euo pipefail
BUILD=${1:?usage: $0 BUILD_DIR [SECONDS_PER_RUN] [ROUNDS] [MB] [COUNT]}
SECS=${2:-5}
ROUNDS=${3:-3}
MB=${4:-64}
COUNT=${5:-3}
BENCH="$BUILD/bench/tls/wirelab-tls-bench"
[ -x "$BENCH" ] || { echo "build wirelab-tls-bench first" >&2; exit 1; }
command -v openssl >/dev/null || { echo "needs the openssl tool: apt-get install openssl" >&2; exit 1; }

TMP=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 0.2
    rm -rf "$TMP"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Long enough for every run; the servers then exit by themselves (and the trap stops them earlier).
LIFE=$(( ROUNDS * (4 * SECS + 60) + 60 ))

# One after the other: the first makes the CA (root and RSA key), the second reuses it.
"$BENCH" serve "$TMP/ca" rsa2048 "$LIFE" > "$TMP/lab.out" 2> "$TMP/lab.err" & PIDS+=($!)
for _ in $(seq 300); do grep -q '^port ' "$TMP/lab.out" 2>/dev/null && break; sleep 0.1; done
"$BENCH" serve "$TMP/ca" rsa2048 "$LIFE" events > "$TMP/labev.out" 2> "$TMP/labev.err" & PIDS+=($!)
for _ in $(seq 300); do grep -q '^port ' "$TMP/labev.out" 2>/dev/null && break; sleep 0.1; done
LAB=$(sed -n 's/^port //p' "$TMP/lab.out")
LABEV=$(sed -n 's/^port //p' "$TMP/labev.out")
mkdir -p "$TMP/www"
head -c $(( MB * 1024 * 1024 )) /dev/zero > "$TMP/www/bulk.bin"
OSP=$(free_port)
# -WWW: "GET /file HTTP/1.0" serves the file; s_server is single-threaded like our server's loop.
(cd "$TMP/www" && exec timeout "$LIFE" openssl s_server -accept "127.0.0.1:$OSP" -cert "$TMP/ca/bench-chain.pem" \
    -key "$TMP/ca/bench-key.pem" -WWW -quiet > "$TMP/ossl.log" 2>&1) & PIDS+=($!)
sleep 0.5

# Handshakes per wall-clock second of one s_time -new run.
hs() {
    local port=$1; shift
    local t0 t1 n
    t0=$(date +%s.%N)
    n=$(timeout $(( SECS + 20 )) openssl s_time -connect "127.0.0.1:$port" -new -time "$SECS" "$@" 2>/dev/null \
        | sed -n 's/^\([0-9]*\) connections in [0-9.]* real seconds.*/\1/p')
    t1=$(date +%s.%N)
    python3 -c "print(f'{${n:-0} / ($t1 - $t0):.0f}')"
}
bulk() {
    "$BENCH" fetch "$1" "$2" "$COUNT" | sed -n 's/.*MBps \([0-9.]*\)/\1/p'
}

declare -A SUM
add() { SUM[$1]=$(python3 -c "print(${SUM[$1]:-0} + $2)"); }
echo "round  what                 lab   lab+events   s_server"
for r in $(seq "$ROUNDS"); do
    a=$(hs "$LAB" -tls1_3); b=$(hs "$LABEV" -tls1_3); c=$(hs "$OSP" -tls1_3)
    add hs13lab "$a"; add hs13ev "$b"; add hs13os "$c"
    printf "%5d  %-18s %7s %10s %10s\n" "$r" "TLS 1.3 hs/s" "$a" "$b" "$c"
    a=$(hs "$LAB" -tls1_2); b=$(hs "$LABEV" -tls1_2); c=$(hs "$OSP" -tls1_2)
    add hs12lab "$a"; add hs12ev "$b"; add hs12os "$c"
    printf "%5d  %-18s %7s %10s %10s\n" "$r" "TLS 1.2 hs/s" "$a" "$b" "$c"
    a=$(bulk "$LAB" "/bytes?n=$(( MB * 1024 * 1024 ))"); b=$(bulk "$LABEV" "/bytes?n=$(( MB * 1024 * 1024 ))")
    c=$(bulk "$OSP" "/bulk.bin")
    add bulklab "$a"; add bulkev "$b"; add bulkos "$c"
    printf "%5d  %-18s %7s %10s %10s\n" "$r" "bulk MB/s" "$a" "$b" "$c"
done
ratio() { python3 -c "print(f'{$1 / $2:.2f}' if $2 else 'n/a')"; }
echo
echo "ratios over $ROUNDS rounds (lab / openssl s_server; above 1 = the lab server is faster):"
echo "  TLS 1.3 full handshakes/s: bare $(ratio "${SUM[hs13lab]}" "${SUM[hs13os]}"), with events $(ratio "${SUM[hs13ev]}" "${SUM[hs13os]}")"
echo "  TLS 1.2 full handshakes/s: bare $(ratio "${SUM[hs12lab]}" "${SUM[hs12os]}"), with events $(ratio "${SUM[hs12ev]}" "${SUM[hs12os]}")"
echo "  bulk throughput (${MB} MiB x $COUNT): bare $(ratio "${SUM[bulklab]}" "${SUM[bulkos]}"), with events $(ratio "${SUM[bulkev]}" "${SUM[bulkos]}")"
