#!/usr/bin/env bash
# Runs Statewright on a bundled example: validates it and runs it locally with its mocks.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
cargo build --release --locked --bin statewright
./target/release/statewright validate examples/order-processing.asl.json
