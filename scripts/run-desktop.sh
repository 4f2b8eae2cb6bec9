#!/usr/bin/env bash
# Builds the desktop app (debug, UI embedded) and opens it on the order-processing example, or on
# the file given as first argument.
#
# Needs a display. On a machine without one (a server, CI, a container), run it under a virtual
# X server:  xvfb-run -a bash scripts/run-desktop.sh
# (apt-get install xvfb; scripts/setup-desktop.sh installs it). The window is then invisible;
# use the e2e tests (scripts/test-desktop.sh) to get screenshots of it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-desktop.sh
file=${1:-examples/order-processing.asl.json}
if [ ! -f "$file" ] && [ -z "${1:-}" ]; then
  file=ui/e2e/fixtures/order-processing.asl.json
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found. Run it under a virtual X server instead:" >&2
  echo "  xvfb-run -a bash scripts/run-desktop.sh ${1:-}" >&2
  exit 2
fi
(cd ui && npx vite build)
nice -n 10 cargo build -p statewright-desktop --locked --features custom-protocol
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
exec "$target_dir/debug/statewright-app" "$file"
