#!/usr/bin/env bash
# A test of `make start` (scripts/live.sh) as a user runs it:
#  - a demo port held by another program is reported by name before anything starts;
#  - it starts and prints the ready message with the URL and three places to look
#    (the time to ready is printed);
#  - right after, Chromium opens the seed service the message names and finds live
#    SLO figures, a firing alert, health results and backup statuses, and no
#    "not configured" (packages/app/start-tests/live.test.ts);
#  - a second start while it runs names the port in use;
#  - Ctrl-C (SIGINT to its process group) stops everything it started: no process
#    of it and none of its ports remain;
#  - it starts again, is ready again, and Ctrl-C stops it again.
# Takes scripts/e2e.sh's lock: both use the same ports. Alone: scripts/live.test.sh
# UNYO_WHILE_READY: a command run against the first ready portal before the stop
# (e.g. UNYO_WHILE_READY="yarn screenshots"); its failure fails the test.
# UNYO_SKIP_INSTALL=1 is passed on to live.sh (make test installs first).
# Its outcome goes to e2e-test-results/live.json for scripts/test-summary.js:
# the Chromium test's counts plus one for the script's own checks, or a failure
# naming the phase that failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
source "$here/env.sh"
unyo_ensure_node
results="$root/e2e-test-results"
report="$results/live.json"
mkdir -p "$results"
rm -f "$report" "$results/live-playwright.json"
exec 9>/tmp/unyo-e2e.lock
flock 9
tmp="$(mktemp -d)"
pgid=
squatter=
current=
phase() {
  current="$1"
  echo "live.test.sh: $1"
}
stop_run() {
  # TERM first: live.sh's trap stops the portal (its own process group) and the demo.
  kill -TERM -- "-$1" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 -- "-$1" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$1" 2>/dev/null || true
}
finish() {
  local status=$?
  [ -n "$squatter" ] && kill "$squatter" 2>/dev/null
  [ -n "$pgid" ] && stop_run "$pgid"
  "$here/demo/down.sh" >/dev/null 2>&1 || true
  rm -rf "$tmp"
  # The browser test's counts, and one more for this script's checks.
  node - "$results/live-playwright.json" "$status" "$current" >"$report" <<'JS'
const fs = require('fs');
const [file, status, phase] = process.argv.slice(2);
let stats = { expected: 0, unexpected: 0, skipped: 0, flaky: 0 };
try { stats = JSON.parse(fs.readFileSync(file, 'utf8')).stats; } catch {}
const ok = status === '0';
console.log(JSON.stringify({
  name: 'make start',
  passed: stats.expected + (ok ? 1 : 0),
  failed: stats.unexpected + (ok || stats.unexpected ? 0 : 1),
  skipped: stats.skipped,
  flaky: stats.flaky,
  ...(ok ? {} : { reason: `failed at: ${phase}` }),
}));
JS
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
fail() { echo "live.test.sh: FAIL: $*" >&2; tail -n 30 "$tmp/out" >&2 || true; exit 1; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ports=(3000 7007 9479 9090 9093 18090 18001 18095)

# Starts live.sh as a command typed in a terminal: its own process group (job
# control), SIGINT not ignored (as a background job without it would be).
start_live() {
  : >"$tmp/out"
  set -m
  "$here/live.sh" 9>&- >"$tmp/out" 2>&1 &
  pgid=$!
  set +m
  local started=$SECONDS
  until grep -q '^unyo: ready' "$tmp/out"; do
    kill -0 "$pgid" 2>/dev/null || fail "make start exited before it was ready"
    [ $((SECONDS - started)) -lt 900 ] || fail "not ready after 900 s"
    sleep 1
  done
  echo "live.test.sh: ready after $((SECONDS - started)) s: $(grep '^unyo: ready' "$tmp/out")"
}
# Ctrl-C: SIGINT to the process group, as the terminal sends it.
ctrl_c() {
  kill -INT -- "-$pgid"
  for _ in $(seq 120); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.5; done
  kill -0 -- "-$pgid" 2>/dev/null && fail "processes of make start remain after Ctrl-C: $(pgrep -g "$pgid" -a)"
  grep -q '^unyo: stopped' "$tmp/out" || fail "no stop message"
  for port in "${ports[@]}"; do port_busy "$port" && fail "port $port still in use after Ctrl-C"; done
  pgid=
}

phase "free ports before the test"
"$here/demo/down.sh" >/dev/null 2>&1 || true
for port in "${ports[@]}"; do port_busy "$port" && fail "port $port is taken before the test"; done

phase "a demo port held by another program is named"
python3 -c 'import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", 9093)); s.listen(); time.sleep(600)' &
squatter=$!
for _ in $(seq 50); do port_busy 9093 && break; sleep 0.1; done
set +e
taken="$("$here/live.sh" 9>&- 2>&1)"
rc=$?
set -e
kill "$squatter" 2>/dev/null; wait "$squatter" 2>/dev/null || true
squatter=
[ $rc -ne 0 ] || fail "make start succeeded with port 9093 taken"
grep -q 'port 9093 (alertmanager of the demo) is in use by another process' <<<"$taken" ||
  fail "the taken port was not named: $taken"
echo "live.test.sh: $taken"

phase "first start"
start_live
grep -q 'http://localhost:3000/catalog/default/component/mairust-smtp/ops' "$tmp/out" || fail "no service link"
grep -q 'http://localhost:3000/catalog/default/runbook/mairust-queue-backlog' "$tmp/out" || fail "no runbook link"
grep -q 'http://localhost:3000/slo-report' "$tmp/out" || fail "no SLO report link"

phase "live data in Chromium right after start"
(cd "$root" && source scripts/env.sh && unyo_ensure_node &&
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/live-playwright.json" PLAYWRIGHT_URL=http://localhost:3000 \
    yarn playwright test --config playwright.start.config.ts --reporter=list,json live.test.ts) 9>&- ||
  fail "the Chromium test of the live portal failed"

if [ -n "${UNYO_WHILE_READY:-}" ]; then
  phase "UNYO_WHILE_READY"
  (cd "$root" && bash -c "$UNYO_WHILE_READY") 9>&- || fail "UNYO_WHILE_READY failed: $UNYO_WHILE_READY"
fi

phase "a second start while it runs names the port"
set +e
second="$("$here/live.sh" 9>&- 2>&1)"
rc=$?
set -e
[ $rc -ne 0 ] || fail "a second start succeeded"
grep -q 'port 3000 (frontend) is in use' <<<"$second" || fail "second start did not name the port: $second"
echo "live.test.sh: second start: $second"

phase "Ctrl-C stops everything"
ctrl_c
echo "live.test.sh: Ctrl-C stopped everything; ports ${ports[*]} free"

phase "start again after the stop"
start_live
curl -fs -o /dev/null http://localhost:7007/.backstage/health/v1/readiness || fail "backend does not answer after the restart"
phase "Ctrl-C stops the second run"
ctrl_c
current=
echo "live.test.sh: ok"
