#!/usr/bin/env bash
# The demo: installs what is missing, builds, seeds a demo chain and starts the tablet app
# on its seeded local cache. Usage: packaging/demo.sh [--products N] [--lang nl|en]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$here/build}"
products=20000
lang=nl
while [ $# -gt 0 ]; do
  case "$1" in
    --products) products="$2"; shift 2 ;;
    --lang) lang="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bash "$here/packaging/install-deps.sh"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
cmake --build "$build" --parallel "$(nproc)"

data="${TOONBANK_DEMO_DIR:-$HOME/.local/share/toonbank-demo}"
mkdir -p "$data"
cache="$data/tablet-cache.sqlite"
if [ ! -f "$cache" ]; then
  echo "Seeding the demo chain ($products products) into $cache"
  "$build/app/store/demogen/toonbank-demogen" --out "$cache" --products "$products" --seed 42
fi

echo "Demo staff PINs: cashier 1111, supervisor 2222, manager 3333"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found: starting with QT_QPA_PLATFORM=offscreen (set DISPLAY to see the window)."
  export QT_QPA_PLATFORM=offscreen
fi
exec "$build/app/toonbank" --cache "$cache" --lang "$lang"
