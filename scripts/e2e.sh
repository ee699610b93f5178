#!/usr/bin/env bash
# Builds the frontend, starts the demo's Prometheus and Alertmanager (30 days
# of generated history) and the backend in demo mode (it serves the app on
# :7007, SQLite in memory, the example catalog), runs the Playwright tests in
# Debian's headless Chromium, and checks the API against
# ../shared/contract-check.py (under CI it must be there; elsewhere its absence
# is a counted skip).
# Arguments go to Playwright (e.g. a test file); the contract check then runs
# only with none. Runs wait for each other: they share ports and the app build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
unyo_ensure_node
cd "$UNYO_ROOT"
exec 9>/tmp/unyo-e2e.lock
flock 9
results="$UNYO_ROOT/e2e-test-results"
mkdir -p "$results"
# The origin that backend.baseUrl names, so the app's API calls are same-origin.
base=http://localhost:7007

yarn workspace app build
backend=
stop() {
  if [ -n "$backend" ]; then
    kill -- "-$backend" 2>/dev/null || kill "$backend" 2>/dev/null || true
  fi
  scripts/demo/down.sh >/dev/null 2>&1 || true
}
# Set before up.sh, so that a demo server started before a failure is stopped.
trap stop EXIT
scripts/demo/up.sh

setsid yarn workspace backend start \
  --config ../../app-config.yaml --config ../../app-config.demo.yaml \
  >"$results/backend.log" 2>&1 &
backend=$!
for i in $(seq 1 120); do
  curl -fs "$base/.backstage/health/v1/readiness" >/dev/null && break
  if ! kill -0 "$backend" 2>/dev/null; then
    tail -50 "$results/backend.log"
    echo "unyo: the backend exited before it was ready" >&2
    exit 1
  fi
  [ "$i" = 120 ] && { tail -50 "$results/backend.log"; echo "unyo: backend not ready after 120 s" >&2; exit 1; }
  sleep 1
done
# The demo's backup jobs and restore drills report their runs (docs/demo-backups.md).
scripts/demo/push-backup-reports.sh "$base"

UNYO_E2E_DEMO=1 PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" \
  PLAYWRIGHT_URL="$base" yarn playwright test --reporter=list,json "$@"

# The API contract check lives beside the repository (UNYO_CONTRACT_CHECK to
# point elsewhere). Without it: skipped and counted outside CI, a failure under
# CI. Its outcome goes to contract-check.json for scripts/test-summary.js.
contract="${UNYO_CONTRACT_CHECK:-$UNYO_ROOT/../shared/contract-check.py}"
outcome="$results/contract-check.json"
rm -f "$outcome"
if [ $# -eq 0 ]; then
  if [ -f "$contract" ]; then
    if python3 "$contract" "$base"; then
      echo '{"name":"contract check","passed":1,"failed":0,"skipped":0}' >"$outcome"
    else
      echo '{"name":"contract check","passed":0,"failed":1,"skipped":0}' >"$outcome"
      exit 1
    fi
  elif [ -n "${CI:-}" ]; then
    echo '{"name":"contract check","passed":0,"failed":1,"skipped":0}' >"$outcome"
    echo "unyo: the contract check $contract is missing (set UNYO_CONTRACT_CHECK); under CI it must run" >&2
    exit 1
  else
    echo '{"name":"contract check","passed":0,"failed":0,"skipped":1}' >"$outcome"
    echo "unyo: contract check skipped: $contract is absent" >&2
  fi
fi
