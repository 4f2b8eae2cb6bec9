#!/usr/bin/env bash
# Installs what the desktop app's build and tests need and is not on the machine yet: Debian
# packages (WebKitGTK, Xvfb, WebKitWebDriver, fonts, python3-xlib: the close e2e test asks the
# window to close over X11), the UI's npm packages and tauri-driver.
# Safe to run again: it only installs what is missing. Can be sourced or run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

sudo_cmd=${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo)}
apt_packages=(
  build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev libxdo-dev
  xvfb xauth webkit2gtk-driver fonts-dejavu-core python3-xlib
)
need_apt=()
for pkg in "${apt_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
# Node may come from elsewhere (NodeSource bundles npm): only ask Debian when it is missing.
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== apt-get install ${need_apt[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo is missing: install Rust with rustup (https://rustup.rs) and run this again" >&2
  exit 2
fi

# npm packages: (re)install when node_modules is missing or older than the manifest/lockfile.
# `npm install`, not `npm ci`: a lockfile written here lacks other platforms' optional binaries.
if [ ! -d ui/node_modules ] || [ ui/package.json -nt ui/node_modules/.package-lock.json ] \
  || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "== npm install (ui/)"
  (cd ui && npm install --no-audit --no-fund)
fi

if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "== cargo install tauri-driver"
  # Run from the repository so rustup picks the pinned toolchain.
  nice -n 10 cargo install tauri-driver --locked
fi
