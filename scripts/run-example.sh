#!/usr/bin/env bash
# Opens the Statewright desktop app on the bundled order-processing example (installing what is
# missing first). Without a display it says how to run it under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec bash scripts/run-desktop.sh "$@"
