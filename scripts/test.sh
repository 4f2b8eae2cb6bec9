#!/usr/bin/env bash
# Every test of the project, from a fresh Debian machine: installs what is missing, then runs
# formatting and lint checks, the Rust tests, the conformance corpora (when ../shared exists) and
# the desktop app's checks (UI unit tests, lint, and end-to-end tests of the real app under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

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
