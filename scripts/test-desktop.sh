#!/usr/bin/env bash
# Every check of the desktop app: Rust fmt/clippy/tests of the app crate (including the check
# that ui/src/ipc/bindings.ts matches the Rust IPC types), the UI's tsc, eslint and vitest, then
# the debug app build and the end-to-end tests of the real app under Xvfb.
# Screenshots of the e2e run land in ui/e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-desktop.sh
export PATH="$HOME/.cargo/bin:$PATH"
start=$(date +%s)
phase() { echo "== [$(( $(date +%s) - start ))s] $*"; }

phase "UI: tsc --noEmit, eslint, vitest, vite build"
(cd ui && npx tsc --noEmit && npx eslint . && npx vitest run && npx vite build)

phase "app crate: fmt, clippy, tests"
cargo fmt -p statewright-desktop --check
nice -n 10 cargo clippy -p statewright-desktop --all-targets --locked --features custom-protocol -- -D warnings
nice -n 10 cargo test -p statewright-desktop --locked --features custom-protocol

phase "app build (debug, UI embedded)"
nice -n 10 cargo build -p statewright-desktop --locked --features custom-protocol
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
export STATEWRIGHT_APP="$target_dir/debug/statewright-app"

phase "e2e (Xvfb + tauri-driver + WebKitWebDriver)"
# One fresh virtual display for the run; the app and WebKitWebDriver inherit DISPLAY.
xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24" \
  env LIBGL_ALWAYS_SOFTWARE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 \
  timeout 600 node --test --test-concurrency=1 --test-force-exit ui/e2e/
echo "== desktop checks passed in $(( $(date +%s) - start ))s (screenshots: ui/e2e/artifacts/)"
