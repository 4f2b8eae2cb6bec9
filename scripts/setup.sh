#!/usr/bin/env bash
# Installs what the build and the tests need and is not on the machine yet. Sourced by the two
# README commands; safe to run again (it only installs what is missing).
set -euo pipefail

need_apt=()
for pkg in python3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]}"
  ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo)} apt-get update -qq
  ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo)} apt-get install -y -qq "${need_apt[@]}"
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo is missing: install Rust with rustup (https://rustup.rs) and run this again" >&2
  exit 2
fi
