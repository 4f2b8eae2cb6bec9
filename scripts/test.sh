#!/usr/bin/env bash
# Every test of the project, from a fresh Debian machine: installs what is missing, then runs
# formatting and lint checks, the Rust tests, the conformance corpora (when ../shared exists) and
# the desktop app's checks (UI unit tests, lint, and end-to-end tests of the real app under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# A one-shot run gains nothing from incremental caches, which would double the build's size on disk.
export CARGO_INCREMENTAL=0
free_kb=$(df -Pk . | awk 'NR==2 {print $4}')
if [ "${free_kb:-0}" -lt 8000000 ]; then
  echo "warning: only $((free_kb / 1024)) MiB free on this disk; the full test run builds about 6 GiB" >&2
fi

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo test"
cargo build --release --locked --bin statewright
cargo test --locked
echo "== conformance"
bash scripts/conformance.sh target/release/statewright
echo "== desktop app"
bash scripts/test-desktop.sh
