#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every CTest suite.
# Usage: tests/run.sh            (from anywhere; builds in ./build unless BUILD_DIR is set)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$here/build}"

bash "$here/packaging/install-deps.sh"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
cmake --build "$build" --parallel "$(nproc)"
# The .deb packages in $build/packages (packaging/CMakeLists.txt); CTest deb_packages checks them.
(cd "$build" && cpack -G DEB)

export QT_QPA_PLATFORM=offscreen
# The server suites also run on PostgreSQL: a throw-away cluster on a free loopback port.
TOONBANK_TEST_PG_URL="$(bash "$here/packaging/pg-test-cluster.sh")"
export TOONBANK_TEST_PG_URL
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" "$@"
