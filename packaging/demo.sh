#!/usr/bin/env bash
# The demo: installs what is missing, builds, seeds a demo chain into a local toonbank-server
# (SQLite, in the demo data folder), starts that server in the background, enrols the tablet
# cache against it, runs a first sync and starts the tablet app, which keeps syncing in the
# background (sales go to the server as they happen). The card terminal simulator
# (toonbank-terminal-sim) runs next to it so the demo can pay by card, and a local SMTP server
# (tests/support/smtpsink.py) receives the e-mailed receipts. All stop when the app closes.
# Usage: packaging/demo.sh [--products N] [--lang nl|en] [--no-build]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$here/build}"
products=20000
lang=nl
do_build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --products) products="$2"; shift 2 ;;
    --lang) lang="$2"; shift 2 ;;
    --no-build) do_build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [ "$do_build" = 1 ]; then
  bash "$here/packaging/install-deps.sh"
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
  cmake --build "$build" --parallel "$(nproc)"
fi

data="${TOONBANK_DEMO_DIR:-$HOME/.local/share/toonbank-demo}"
srv="$data/server"
cache="$data/tablet-cache.sqlite"
admin=("$build/sync/server/toonbank-admin" --data-dir "$srv")
synctool=("$build/sync/client/synctool/toonbank-synctool" --cache "$cache")
mkdir -p "$srv"

# 1. The chain's server: dev certificate and the demo chain, once.
[ -f "$srv/tls/ca.crt" ] || "${admin[@]}" dev-cert --hosts 127.0.0.1,localhost
if [ ! -f "$srv/demo-seeded" ]; then
  echo "Seeding the demo chain ($products products) into the server in $srv"
  "${admin[@]}" demo-seed --products "$products" --seed 42
  touch "$srv/demo-seeded"
fi

# 2. A local SMTP server for e-mailed receipts (python3-aiosmtpd): every message lands as an
#    .eml file in the demo data folder. Stopped when this script ends.
mail_dir="$data/mail"
mail_log="$data/smtpsink.log"
mkdir -p "$mail_dir"
/usr/bin/python3 "$here/tests/support/smtpsink.py" --dir "$mail_dir" --port 0 >"$mail_log" 2>&1 &
sink_pid=$!
trap 'kill "$sink_pid" 2>/dev/null || true' EXIT
smtp_port=""
for _ in $(seq 1 100); do
  smtp_port="$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$mail_log")"
  [ -n "$smtp_port" ] && break
  kill -0 "$sink_pid" 2>/dev/null || break
  sleep 0.1
done
smtp_args=()
if [ -n "$smtp_port" ]; then
  smtp_args=(--smtp-url "smtp://127.0.0.1:$smtp_port" --mail-from receipts@toonbank-demo.example)
  echo "E-mailed receipts go to the local SMTP server on port $smtp_port: messages land in $mail_dir"
else
  echo "warning: the local SMTP server did not start (see $mail_log); e-mailed receipts stay queued" >&2
fi

# 3. The server in the background on a free loopback port, stopped when this script ends.
log="$data/server.log"
"$build/sync/server/toonbank-server" --data-dir "$srv" --port 0 "${smtp_args[@]}" >"$log" 2>&1 &
server_pid=$!
terminal_pid=""
trap 'kill "$server_pid" "$sink_pid" $terminal_pid 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's/.*listening on https:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log")"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "toonbank-server did not start; see $log" >&2; exit 1; }
url="https://127.0.0.1:$port"
echo "toonbank-server running at $url (pid $server_pid, log $log)"

# 3b. The card terminal simulator (nexo over HTTP on loopback), its transactions kept in the
# demo data folder. What the next card payment does can be chosen with its control API, e.g.
#   curl -d '{"action":"decline"}' http://127.0.0.1:PORT/control/next   (see --help)
terminal_log="$data/terminal-sim.log"
"$build/app/devices/terminalsim/toonbank-terminal-sim" --port 0 \
  --state "$data/terminal-sim.json" >"$terminal_log" 2>&1 &
terminal_pid=$!
terminal_port=""
for _ in $(seq 1 100); do
  terminal_port="$(sed -n 's/^listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$terminal_log")"
  [ -n "$terminal_port" ] && break
  kill -0 "$terminal_pid" 2>/dev/null || { cat "$terminal_log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$terminal_port" ] || { echo "toonbank-terminal-sim did not start; see $terminal_log" >&2; exit 1; }
terminal_url="http://127.0.0.1:$terminal_port/nexo"
echo "Card terminal simulator at $terminal_url (control: http://127.0.0.1:$terminal_port/control/next)"

# 4. The tablet: enrol once (one-time code + CA fingerprint), then follow the server's port.
if [ -f "$cache" ] && "${synctool[@]}" status | grep -qv '^device=-'; then
  "${synctool[@]}" set-server "$url"
else
  enrolment="$("${admin[@]}" enrol AMS01)"
  code="$(sed -n 's/^enrolment code: //p' <<<"$enrolment")"
  fingerprint="$(sed -n 's/^CA SHA-256 fingerprint: //p' <<<"$enrolment")"
  "${synctool[@]}" enrol "$url" "$code" "$fingerprint" --name "Demo tablet"
fi
echo "First sync (the whole catalog the first time)…"
"${synctool[@]}" sync-once || echo "warning: the first sync did not finish; the app keeps trying" >&2

echo "Demo staff PINs: cashier 1111, supervisor 2222, manager 3333"
echo "Demo loyalty cards: 2990000000019 (gold), 2990000000026 (silver), 2990000000033 (basic);"
echo "coupon codes WELKOM10 (10 %), TBPKJ3R4 and TB9WE6FN (single use). More in README.md."
echo "Gift cards: 6036990000000001 (€ 50), 6036990000000002 (€ 25), 6036990000000003 (€ 12,50),"
echo "6036990000000004 (€ 100); 6036990000000005 empty, 6036990000000006 expired, 6036990000000007 blocked."
echo "Store credit: 2990000000019 € 15, 2990000000026 € 40, 2990000000033 € 7,50 (online only)."
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found: starting with QT_QPA_PLATFORM=offscreen (set DISPLAY to see the window)."
  export QT_QPA_PLATFORM=offscreen
fi
# Not exec: the EXIT trap must stop the server and the terminal when the app closes.
"$build/app/toonbank" --cache "$cache" --lang "$lang" --terminal-url "$terminal_url"
