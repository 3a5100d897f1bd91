#!/usr/bin/env bash
# Installs what the tests need when it is missing: Debian packages listed in
# scripts/apt-packages.txt, and the pinned npm dependencies of every Node test
# folder (a tests/ folder with a package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < scripts/apt-packages.txt

if ((${#missing[@]})); then
  echo "provision: installing Debian packages: ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

while IFS= read -r lock; do
  dir=$(dirname "$lock")
  if [[ ! -d "$dir/node_modules" || "$lock" -nt "$dir/node_modules" ]]; then
    echo "provision: npm ci in $dir" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2 && touch node_modules)
  fi
done < <(git ls-files -- '*/tests/package-lock.json' '*tests/package-lock.json' | sort -u)
