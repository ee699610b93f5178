#!/usr/bin/env bash
# A test of `make start` (scripts/live.sh) as a user runs it: it starts, prints
# the ready message with the URL and three places to look; a second start while
# it runs names the port in use; Ctrl-C (SIGINT to its process group) stops
# everything it started: no process of it and none of its ports remain.
# Takes scripts/e2e.sh's lock: both use the same ports. Alone: scripts/live.test.sh
# UNYO_WHILE_READY: a command run against the ready portal before the stop
# (e.g. UNYO_WHILE_READY="yarn screenshots"); its failure fails the test.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec 9>/tmp/unyo-e2e.lock
flock 9
tmp="$(mktemp -d)"
pgid=
cleanup() {
  if [ -n "$pgid" ]; then
    # TERM first: live.sh's trap stops the portal (its own process group) and the demo.
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  fi
  "$here/demo/down.sh" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "live.test.sh: FAIL: $*" >&2; tail -n 30 "$tmp/out" >&2 || true; exit 1; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ports=(3000 7007 9479 9090 9093 18090 18001)

"$here/demo/down.sh" >/dev/null 2>&1 || true
for port in "${ports[@]}"; do port_busy "$port" && fail "port $port is taken before the test"; done

started=$SECONDS
# Job control: its own process group, and SIGINT not ignored (as a background
# job without it would be), like a command typed in a terminal.
set -m
"$here/live.sh" 9>&- >"$tmp/out" 2>&1 &
pgid=$!
set +m
until grep -q '^unyo: ready' "$tmp/out"; do
  kill -0 "$pgid" 2>/dev/null || fail "make start exited before it was ready"
  [ $((SECONDS - started)) -lt 600 ] || fail "not ready after 600 s"
  sleep 1
done
echo "live.test.sh: ready after $((SECONDS - started)) s: $(grep '^unyo: ready' "$tmp/out")"
grep -q 'http://localhost:3000/catalog/default/component/mairust-smtp/ops' "$tmp/out" || fail "no service link"
grep -q 'http://localhost:3000/catalog/default/runbook/mairust-queue-backlog' "$tmp/out" || fail "no runbook link"
grep -q 'http://localhost:3000/slo-report' "$tmp/out" || fail "no SLO report link"
curl -fs -o /dev/null http://localhost:7007/api/ops/slos 2>/dev/null ||
  curl -fs -o /dev/null http://localhost:7007/.backstage/health/v1/readiness || fail "backend does not answer"

if [ -n "${UNYO_WHILE_READY:-}" ]; then
  (cd "$here/.." && bash -c "$UNYO_WHILE_READY") 9>&- || fail "UNYO_WHILE_READY failed: $UNYO_WHILE_READY"
fi

set +e
second="$("$here/live.sh" 9>&- 2>&1)"
rc=$?
set -e
[ $rc -ne 0 ] || fail "a second start succeeded"
grep -q 'port 3000 (frontend) is in use' <<<"$second" || fail "second start did not name the port: $second"
echo "live.test.sh: second start: $second"

kill -INT -- "-$pgid"
for _ in $(seq 120); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.5; done
kill -0 -- "-$pgid" 2>/dev/null && fail "processes of make start remain after Ctrl-C: $(pgrep -g "$pgid" -a)"
grep -q '^unyo: stopped' "$tmp/out" || fail "no stop message"
for port in "${ports[@]}"; do port_busy "$port" && fail "port $port still in use after Ctrl-C"; done
pgid=
echo "live.test.sh: ok (Ctrl-C stopped everything; ports ${ports[*]} free)"
