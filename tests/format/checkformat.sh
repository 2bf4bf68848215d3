#!/usr/bin/env bash
# Fails when a tracked C++ file is not formatted as .clang-format says. Run from any folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
clang_format="${CLANG_FORMAT:-clang-format}"
mapfile -t files < <(git ls-files '*.cpp' '*.h')
unformatted=()
for f in "${files[@]}"; do
  if ! "$clang_format" --dry-run --Werror "$f" >/dev/null 2>&1; then
    unformatted+=("$f")
  fi
done
if [ "${#unformatted[@]}" -gt 0 ]; then
  echo "Not formatted (run: clang-format -i FILE):"
  printf '  %s\n' "${unformatted[@]}"
  exit 1
fi
echo "All ${#files[@]} C++ files formatted."
