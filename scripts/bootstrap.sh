#!/usr/bin/env bash
# Installs whatever this machine lacks to build and test sluice: Debian packages (as root,
# or through sudo) and the npm packages. Safe to rerun; does nothing when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(g++ cmake make pkg-config emscripten libgtest-dev libsqlite3-dev sqlite3
  postgresql libpq-dev libcpp-httplib-dev clang libclang-rt-dev)
command -v node >/dev/null || apt_packages+=(nodejs npm)

missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm 11 skips install scripts by default; nothing here needs them.
if [[ ! -d node_modules || package.json -nt node_modules/.package-lock.json ]]; then
  echo "bootstrap: installing npm packages"
  if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
