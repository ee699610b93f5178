#!/usr/bin/env bash
# The bare portal (`make start-bare`, scripts/start.sh: app-config.yaml alone,
# no Prometheus, Alertmanager, health hosts or backup sources) in Chromium: each
# Unyo panel shows its "not configured" state and no /api response is a 5xx
# (packages/app/start-tests/bare.test.ts). UNYO_SKIP_INSTALL=1 is passed on.
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
base=http://localhost:3000

backend=
finish() {
  local status=$?
  if [ -n "$backend" ]; then
    kill -TERM -- "-$backend" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 -- "-$backend" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$backend" 2>/dev/null || true
  fi
  # A failure before the browser check (ports, start) still counts.
  if [ "$status" != 0 ] && ! grep -qs '"stats"' "$report"; then
    echo '{"name":"bare start","passed":0,"failed":1,"skipped":0,"reason":"the bare portal did not start"}' >"$report"
  fi
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

for port in 3000 7007; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "unyo: port $port is in use: another portal runs; stop it first" >&2
    exit 1
  fi
done
# Its own process group, so that finish() ends webpack, the backend and their children.
setsid scripts/start.sh >"$results/bare-portal.log" 2>&1 &
backend=$!
for i in $(seq 1 900); do
  curl -fs -o /dev/null http://localhost:7007/.backstage/health/v1/readiness &&
    curl -fs -o /dev/null "$base" && break
  if ! kill -0 "$backend" 2>/dev/null || [ "$i" = 900 ]; then
    tail -50 "$results/bare-portal.log"
    echo "unyo: the bare portal did not become ready" >&2
    exit 1
  fi
  sleep 1
done
echo "unyo: the bare portal answered after $i s"

PLAYWRIGHT_JSON_OUTPUT_NAME="$report" PLAYWRIGHT_URL="$base" \
  yarn playwright test --config playwright.start.config.ts --reporter=list,json bare.test.ts
