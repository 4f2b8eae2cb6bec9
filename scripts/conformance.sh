#!/usr/bin/env bash
# Runs the conformance corpora in ../shared (when present) against a built CLI and fails when a
# score falls below its floor in tests/conformance-floors. The floors only ever go up: raise them
# when the product gets better, so CI catches any regression.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/statewright}
shared=${STATEWRIGHT_CONFORMANCE:-../shared/conformance}
if [ ! -d "$shared" ]; then
  echo "== conformance: ../shared is not here, skipped"
  exit 0
fi
floor() { awk -v k="$1" '$1 == k {print $2}' tests/conformance-floors; }
status=0
check() { # name, runner output file
  local name=$1 out=$2 passed min
  passed=$(tail -n 1 "$out" | sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p')
  min=$(floor "$name")
  echo "== conformance $name: $(tail -n 1 "$out") (floor: $min passed)"
  if [ -z "$passed" ] || [ "$passed" -lt "$min" ]; then
    echo "conformance $name fell below its floor" >&2
    status=1
  fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$shared/run-validation" --engine "$bin" --jobs 2 > "$tmp/validation" || true
sed -n '1,/^ALL/p' "$tmp/validation" | tail -n 12
check validation "$tmp/validation"
"$shared/run-execution" --engine "$bin" --jobs 2 > "$tmp/execution" || true
grep -E "^(area|total|[a-z_]+ )" "$tmp/execution" | head -n 40 || true
check execution "$tmp/execution"
exit $status
