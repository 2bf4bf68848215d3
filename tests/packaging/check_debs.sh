#!/usr/bin/env bash
# CTest deb_packages: the two .deb packages (packaging/CMakeLists.txt) unpacked into a scratch
# root and checked file by file. Makes the packages first when they are missing or older than
# the binaries or the packaging files (tests/run.sh makes them right after the build).
# Usage: check_debs.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build="$1"
source_dir="$2"
version="$3"
arch="$(dpkg --print-architecture)"
packages="$build/packages"
tablet_deb="$packages/toonbank-tablet_${version}_${arch}.deb"
server_deb="$packages/toonbank-server_${version}_${arch}.deb"

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

# ---- make the packages when needed ---------------------------------------------------------
cmake --build "$build" --target toonbank toonbank-synctool toonbank-server toonbank-admin
stale=0
for deb in "$tablet_deb" "$server_deb"; do
  [ -f "$deb" ] || { stale=1; continue; }
  for input in "$build/app/toonbank" "$build/sync/client/synctool/toonbank-synctool" \
    "$build/sync/server/toonbank-server" "$build/sync/server/toonbank-admin" \
    "$build/CPackConfig.cmake" "$source_dir"/packaging/toonbank* "$source_dir"/packaging/debian/*; do
    [ "$input" -nt "$deb" ] && stale=1
  done
done
if [ "$stale" -eq 1 ]; then
  echo "Making the packages (cpack -G DEB)"
  (cd "$build" && cpack -G DEB)
fi
for deb in "$tablet_deb" "$server_deb"; do
  [ -f "$deb" ] || { echo "FAIL: $deb was not made"; exit 1; }
done

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# ---- control fields ------------------------------------------------------------------------
check_control() { # deb package
  local deb="$1" package="$2" field value
  dpkg-deb --info "$deb" >/dev/null || { fail "$package: dpkg-deb --info refuses it"; return; }
  for field in Package Version Architecture Depends Maintainer Description; do
    value="$(dpkg-deb -f "$deb" "$field")"
    [ -n "$value" ] || fail "$package: control field $field missing"
  done
  [ "$(dpkg-deb -f "$deb" Package)" = "$package" ] || fail "$package: Package is $(dpkg-deb -f "$deb" Package)"
  [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "$package: Version is not $version"
  [ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "$package: Architecture is not $arch"
  # Every file belongs to root: the archive is made without fakeroot.
  if dpkg-deb -c "$deb" | awk '{ print $2 }' | grep -qv '^root/root$'; then
    fail "$package: files not owned by root/root"
  fi
  pass "$package: control fields (Version $version, Architecture $arch)"
}

check_depends() { # deb package dependency...
  local deb="$1" package="$2" depends dep
  shift 2
  depends="$(dpkg-deb -f "$deb" Depends)"
  for dep in "$@"; do
    grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || fail "$package: Depends lacks $dep ($depends)"
  done
  pass "$package: Depends has $*"
}

check_executable() { # root path
  if [ -f "$1$2" ] && [ -x "$1$2" ]; then pass "$2 is an executable file"; else fail "$2 missing or not executable"; fi
}

check_control "$tablet_deb" toonbank-tablet
check_control "$server_deb" toonbank-server
check_depends "$tablet_deb" toonbank-tablet libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 \
  libqt6sql6 libqt6sql6-sqlite fonts-dejavu-core
check_depends "$server_deb" toonbank-server libqt6core6 libqt6network6 libqt6sql6 libqt6httpserver6 \
  libqt6sql6-sqlite libqt6sql6-psql adduser

# ---- toonbank-tablet -----------------------------------------------------------------------
tablet="$scratch/tablet"
dpkg -x "$tablet_deb" "$tablet"
check_executable "$tablet" /usr/bin/toonbank
check_executable "$tablet" /usr/bin/toonbank-synctool
for tool in toonbank-terminal-sim toonbank-demogen toonbank-server; do
  [ -e "$tablet/usr/bin/$tool" ] && fail "toonbank-tablet ships $tool"
done

desktop="$tablet/usr/share/applications/toonbank.desktop"
if [ ! -f "$desktop" ]; then
  fail "desktop entry /usr/share/applications/toonbank.desktop missing"
else
  if command -v desktop-file-validate >/dev/null; then
    if desktop-file-validate "$desktop"; then pass "desktop entry validates"; else fail "desktop-file-validate"; fi
  fi
  for key in 'Type=Application' 'Name=Toonbank' 'Name\[nl\]=' 'Exec=' 'Icon=toonbank' 'Categories=Office;'; do
    grep -q "^$key" "$desktop" || fail "desktop entry lacks $key"
  done
  exec_binary="$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")"
  [ -x "$tablet/usr/bin/$exec_binary" ] || fail "desktop entry Exec=$exec_binary is not in /usr/bin"
  pass "desktop entry keys, Exec=$exec_binary installed"
fi

icon="$tablet/usr/share/icons/hicolor/scalable/apps/toonbank.svg"
if [ ! -s "$icon" ]; then
  fail "icon /usr/share/icons/hicolor/scalable/apps/toonbank.svg missing"
elif command -v xmllint >/dev/null && ! xmllint --noout "$icon"; then
  fail "icon is not well-formed XML"
elif ! grep -q '<svg' "$icon"; then
  fail "icon is not an SVG"
else
  pass "icon is an SVG"
fi

# Translations are compiled into the app (ui/CMakeLists.txt, :/i18n/toonbank_<lang>.qm): the
# resource names sit in the binary as UTF-16, and the installed app answers in Dutch.
for lang in nl en; do
  name="toonbank_$lang.qm"
  pattern="$(sed 's/./\\x00&/g; s/\\x00\./\\x00\\./g' <<<"$name")"
  if LC_ALL=C grep -qaP "$pattern" "$tablet/usr/bin/toonbank"; then
    pass "translation $name inside /usr/bin/toonbank"
  else
    fail "translation $name not inside /usr/bin/toonbank"
  fi
done
home="$scratch/home"
mkdir -p "$home"
app_env=(env HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$scratch"
  QT_QPA_PLATFORM=offscreen)
answer="$("${app_env[@]}" "$tablet/usr/bin/toonbank" --cache "$scratch/missing/cache.sqlite" --lang nl 2>&1)" &&
  fail "the app started without a cache"
if grep -q 'Maak een democache met toonbank-demogen' <<<"$answer"; then
  pass "the installed app speaks Dutch (its translation loads)"
else
  fail "the installed app did not answer in Dutch: $answer"
fi
answer="$("${app_env[@]}" "$tablet/usr/bin/toonbank" --version 2>&1)" || fail "toonbank --version failed"
if grep -q "$version" <<<"$answer"; then pass "toonbank --version: $answer"; else fail "toonbank --version: $answer"; fi
answer="$("$tablet/usr/bin/toonbank-synctool" --help 2>&1)" || fail "toonbank-synctool --help failed"
if grep -q 'enrol' <<<"$answer"; then pass "toonbank-synctool --help"; else fail "toonbank-synctool --help: $answer"; fi

# ---- toonbank-server -----------------------------------------------------------------------
server="$scratch/server"
dpkg -x "$server_deb" "$server"
check_executable "$server" /usr/bin/toonbank-server
check_executable "$server" /usr/bin/toonbank-admin
for tool in toonbank-terminal-sim toonbank-demogen toonbank toonbank-synctool; do
  [ -e "$server/usr/bin/$tool" ] && fail "toonbank-server ships $tool"
done

unit="$server/usr/lib/systemd/system/toonbank-server.service"
if [ ! -f "$unit" ]; then
  fail "systemd unit /usr/lib/systemd/system/toonbank-server.service missing"
else
  exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
  read -r -a exec_words <<<"$exec_start"
  [ "${exec_words[0]}" = /usr/bin/toonbank-server ] || fail "ExecStart runs ${exec_words[0]}"
  [ -x "$server${exec_words[0]}" ] || fail "ExecStart binary ${exec_words[0]} is not in the package"
  grep -q '^User=toonbank$' "$unit" || fail "unit does not run as User=toonbank"
  grep -q -- '--data-dir /var/lib/toonbank\( \|$\)' <<<"$exec_start" || fail "ExecStart data dir is not /var/lib/toonbank"
  grep -q '^ReadWritePaths=/var/lib/toonbank$' "$unit" || fail "unit cannot write /var/lib/toonbank"
  grep -q '^WantedBy=multi-user.target$' "$unit" || fail "unit has no [Install] WantedBy"
  # Every option ExecStart passes is one the installed server knows.
  help="$("$server/usr/bin/toonbank-server" --help)" || fail "toonbank-server --help failed"
  for word in "${exec_words[@]}"; do
    case "$word" in
    --*) grep -q -- "$word" <<<"$help" || fail "ExecStart option $word unknown to toonbank-server" ;;
    esac
  done
  pass "systemd unit: ExecStart=$exec_start"
  if command -v systemd-analyze >/dev/null; then
    # verify wants the ExecStart binary on this machine: the same unit, pointed into the root.
    mkdir -p "$scratch/unit"
    sed "s|^ExecStart=/usr/bin/|ExecStart=$server/usr/bin/|" "$unit" >"$scratch/unit/toonbank-server.service"
    # It warns about unknown keys without failing: any output fails the test.
    if verified="$(systemd-analyze verify "$scratch/unit/toonbank-server.service" 2>&1)" && [ -z "$verified" ]; then
      pass "systemd-analyze verify"
    else
      fail "systemd-analyze verify: $verified"
    fi
  fi
fi
if "$server/usr/bin/toonbank-admin" --help >/dev/null; then pass "toonbank-admin --help"; else fail "toonbank-admin --help"; fi

control="$scratch/server-control"
dpkg-deb -e "$server_deb" "$control"
for script in postinst prerm postrm; do
  if [ -x "$control/$script" ] && sh -n "$control/$script"; then
    pass "$script is an executable sh script"
  else
    fail "$script missing, not executable or not valid sh"
  fi
done
if [ -f "$control/postinst" ]; then
  grep -q 'adduser --system --group --home /var/lib/toonbank .*toonbank$' "$control/postinst" ||
    fail "postinst does not create the system user toonbank"
  grep -q 'install -d -o toonbank -g toonbank -m 0750 /var/lib/toonbank' "$control/postinst" ||
    fail "postinst does not create /var/lib/toonbank (toonbank, 0750)"
  if ! grep -q '\[ -d /run/systemd/system \]' "$control/postinst" ||
    ! grep -q 'systemctl daemon-reload' "$control/postinst"; then
    fail "postinst does not reload systemd (only when it runs)"
  fi
  pass "postinst creates the user and /var/lib/toonbank"
fi
if [ -f "$control/postrm" ] && grep -Eq 'rm -[a-zA-Z]*r[a-zA-Z]* .*/var/lib/toonbank' "$control/postrm"; then
  fail "postrm deletes /var/lib/toonbank recursively"
fi

echo "Package contents:"
dpkg-deb -c "$tablet_deb" | awk '{ print "  toonbank-tablet " $6 }'
dpkg-deb -c "$server_deb" | awk '{ print "  toonbank-server " $6 }'
if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "All package checks passed."
