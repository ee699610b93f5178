#!/usr/bin/env bash
# The bare portal (`make start-bare`: app-config.yaml alone, no Prometheus,
# Alertmanager, health hosts or backup sources) in Chromium: each Unyo panel
# shows its "not configured" state and no /api response is a 5xx
# (packages/app/start-tests/bare.test.ts). The backend serves the built app on
# :7007, as in scripts/e2e.sh; UNYO_APP_BUILT=1 reuses packages/app/dist
# (make test builds it in its end-to-end step just before).
# Its outcome goes to e2e-test-results/bare.json for scripts/test-summary.js.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
unyo_ensure_node
cd "$UNYO_ROOT"
exec 9>/tmp/unyo-e2e.lock
flock 9
results="$UNYO_ROOT/e2e-test-results"
report="$results/bare.json"
mkdir -p "$results"
rm -f "$report"
base=http://localhost:7007

backend=
finish() {
  local status=$?
  if [ -n "$backend" ]; then kill -- "-$backend" 2>/dev/null || kill "$backend" 2>/dev/null || true; fi
  # A failure before the browser check (build, start) still counts.
  if [ "$status" != 0 ] && ! grep -qs '"stats"' "$report"; then
    echo '{"name":"bare start","passed":0,"failed":1,"skipped":0,"reason":"the bare portal did not start"}' >"$report"
  fi
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

[ -n "${UNYO_APP_BUILT:-}" ] && [ -f packages/app/dist/index.html ] || yarn workspace app build
setsid yarn workspace backend start --config ../../app-config.yaml \
  >"$results/bare-backend.log" 2>&1 &
backend=$!
for i in $(seq 1 120); do
  curl -fs "$base/.backstage/health/v1/readiness" >/dev/null && break
  if ! kill -0 "$backend" 2>/dev/null || [ "$i" = 120 ]; then
    tail -50 "$results/bare-backend.log"
    echo "unyo: the bare backend did not become ready" >&2
    exit 1
  fi
  sleep 1
done

PLAYWRIGHT_JSON_OUTPUT_NAME="$report" PLAYWRIGHT_URL="$base" \
  yarn playwright test --config playwright.start.config.ts --reporter=list,json bare.test.ts
