#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Requests/s of the HTTP lab's servers against nginx on the same machine, same request (/about, the same
# bytes served as a static file by nginx), both on 127.0.0.1:
#   HTTP/1.1: h2load --h1 (keep-alive, one request in flight per connection)
#   HTTP/2  : h2load h2c prior knowledge (nginx 1.22: "listen ... http2" without ssl)
# plus the lab's own peak load (/page100 and its 100 images; 6 connections for HTTP/1.1, one for HTTP/2).
# nginx runs with one worker, as our servers run on one thread.
#
# Usage: bench/http/http_bench.sh BUILD_DIR [REQUESTS] [CONNECTIONS] [STREAMS_PER_CONNECTION]
# (after: ninja -C BUILD_DIR wirelab-http-benchserver). Installs nginx-light, nghttp2-client when missing
# (needs root for that). Results: docs/benchmarks.md, "HTTP".
set -euo pipefail
BUILD=${1:?usage: $0 BUILD_DIR [REQUESTS] [CONNECTIONS] [STREAMS]}
N=${2:-20000}
C=${3:-10}
M=${4:-10}
SERVER="$BUILD/bench/http/wirelab-http-benchserver"
[ -x "$SERVER" ] || { echo "build wirelab-http-benchserver first" >&2; exit 1; }
if ! command -v h2load >/dev/null || [ ! -x /usr/sbin/nginx ]; then
    if [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light nghttp2-client >/dev/null
        systemctl disable --now nginx >/dev/null 2>&1 || service nginx stop >/dev/null 2>&1 || true
    else
        echo "needs h2load (nghttp2-client) and nginx (nginx-light): apt-get install nginx-light nghttp2-client" >&2
        exit 1
    fi
fi

TMP=$(mktemp -d)
chmod 755 "$TMP" # nginx workers (www-data when started as root) read the files
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$TMP/nginx.pid" ] && kill "$(cat "$TMP/nginx.pid")" 2>/dev/null || true
    sleep 0.3
    rm -rf "$TMP"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
H1=$(free_port); H2=$(free_port); NG1=$(free_port); NG2=$(free_port)
"$SERVER" h1 "$H1" > "$TMP/h1.log" 2>&1 & PIDS+=($!)
"$SERVER" h2 "$H2" 100 > "$TMP/h2.log" 2>&1 & PIDS+=($!)
sleep 0.5

# The same bytes for nginx, and the images for the peak load.
mkdir -p "$TMP/www/img"
curl -s --http2-prior-knowledge -o "$TMP/www/about" "http://127.0.0.1:$H2/about"
curl -s --http2-prior-knowledge -o "$TMP/www/page100" "http://127.0.0.1:$H2/page100"
for i in $(seq 0 99); do
    curl -s --http2-prior-knowledge -o "$TMP/www/img/$i.png" "http://127.0.0.1:$H2/img/$i.png"
done
cat > "$TMP/nginx.conf" <<NGINX
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    types { image/png png; }
    keepalive_requests 100000;
    client_body_temp_path $TMP/body; proxy_temp_path $TMP/proxy; fastcgi_temp_path $TMP/fcgi;
    uwsgi_temp_path $TMP/uwsgi; scgi_temp_path $TMP/scgi;
    server { listen 127.0.0.1:$NG1; root $TMP/www; }
    server { listen 127.0.0.1:$NG2 http2; root $TMP/www; }
}
NGINX
/usr/sbin/nginx -c "$TMP/nginx.conf" -g 'daemon on;'
sleep 0.5

# h2load's "finished in ..., X req/s" and the succeeded count.
run() {
    local out
    out=$(h2load "$@" 2>&1)
    local rps ok
    rps=$(echo "$out" | sed -n 's/^finished in .*, \([0-9.]*\) req\/s.*/\1/p')
    ok=$(echo "$out" | sed -n 's/^requests: .* \([0-9]*\) succeeded.*/\1/p')
    echo "$rps $ok"
}
echo "machine: $(nproc) cores, $(uname -r); requests $N, connections $C, HTTP/2 streams per connection $M"
echo
printf '| %-38s | %13s | %12s | %5s | %s |\n' "test" "wirelab req/s" "nginx req/s" "ratio" "succeeded (wirelab / nginx)"
printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------" "---------------" "--------------" "-------" "-----------------------------"
row() {
    local name=$1 a=$2 b=$3
    local ra rb oa ob
    read -r ra oa <<<"$a"; read -r rb ob <<<"$b"
    printf '| %-38s | %13s | %12s | %5s | %s |\n' "$name" "$ra" "$rb" "$(python3 -c "print(f'{$ra/$rb:.2f}')")" "$oa / $ob of $N"
}
A=$(run --h1 -n "$N" -c "$C" "http://127.0.0.1:$H1/about"); B=$(run --h1 -n "$N" -c "$C" "http://127.0.0.1:$NG1/about")
row "HTTP/1.1 /about, $C conns" "$A" "$B"
A=$(run -n "$N" -c "$C" -m "$M" "http://127.0.0.1:$H2/about"); B=$(run -n "$N" -c "$C" -m "$M" "http://127.0.0.1:$NG2/about")
row "HTTP/2 /about, $C conns x $M streams" "$A" "$B"

echo
echo "Lab peak load: /page100 and its 100 images (101 requests), repeated 20 times"
URIS=("/page100"); for i in $(seq 0 99); do URIS+=("/img/$i.png"); done
peak() { # label port h1|h2
    local label=$1 port=$2 proto=$3 args=()
    local all=()
    for u in "${URIS[@]}"; do all+=("http://127.0.0.1:$port$u"); done
    if [ "$proto" = h1 ]; then args=(--h1 -c 6 -n 2020); else args=(-c 1 -m 100 -n 2020); fi
    local r
    r=$(run "${args[@]}" "${all[@]}")
    echo "  $label: $(echo "$r" | cut -d' ' -f2) of 2020 succeeded, $(echo "$r" | cut -d' ' -f1) req/s"
}
peak "wirelab HTTP/1.1, 6 connections " "$H1" h1
peak "nginx   HTTP/1.1, 6 connections " "$NG1" h1
peak "wirelab HTTP/2, 1 connection    " "$H2" h2
peak "nginx   HTTP/2, 1 connection    " "$NG2" h2
