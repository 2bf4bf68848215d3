#!/usr/bin/env bash
# Installs every Debian 12 package Toonbank needs to build, test and run the demo.
# Shared by tests/run.sh and packaging/demo.sh. Safe to run again: it only installs
# what is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-websockets-dev qt6-l10n-tools libqt6sql6-sqlite libqt6sql6-psql libqt6svg6
  libgl-dev libxkbcommon-dev
  libsqlite3-dev sqlite3 libssl-dev openssl libqrencode-dev
  postgresql haproxy
  fonts-dejavu-core clang-format
  libcurl4-openssl-dev libpq-dev python3-aiosmtpd poppler-utils
  # the .deb packages: cpack -G DEB (dpkg-shlibdeps, file) and the deb_packages test
  dpkg-dev file desktop-file-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
