#!/usr/bin/env bash
# Installs what the build and the tests need and is not on the machine yet. Sourced by the two
# README commands; safe to run again (it only installs what is missing).
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_missing=()
for pkg in ${STATEWRIGHT_APT_PACKAGES:-} python3 fonts-dejavu-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || apt_missing+=("$pkg")
done
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "== installing ${apt_missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo is missing: install Rust with rustup (https://rustup.rs) and run this again" >&2
  exit 2
fi
# rust-toolchain.toml pins the toolchain by version. A machine whose stable toolchain is that
# version (but not installed under the version's name) gets it linked instead of downloaded.
pinned=$(sed -n 's/^channel = "\(.*\)"/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../rust-toolchain.toml")
if command -v rustup >/dev/null 2>&1 && ! rustup toolchain list | grep -q "^$pinned"; then
  stable_dir=$(rustup toolchain list -v | awk '/^stable/ {print $NF}')
  if [ -n "$stable_dir" ] && "$stable_dir/bin/rustc" --version | grep -q " $pinned "; then
    echo "== linking the stable toolchain as $pinned"
    host=$(basename "$stable_dir"); host=${host#stable-}
    ln -s "$stable_dir" "$(dirname "$stable_dir")/$pinned-$host"
  fi
fi
