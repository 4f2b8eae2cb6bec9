#!/usr/bin/env bash
# Every test of the project, from a fresh Debian machine: installs what is missing, then runs
# formatting and lint checks, the Rust tests and the conformance corpora (when ../shared exists).
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
