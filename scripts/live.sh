#!/usr/bin/env bash
# `make start`: installs everything, starts the demo's sources (scripts/demo/up.sh:
# Prometheus and Alertmanager with 30 days of history, the health endpoints,
# s3rver, the pgBackRest cluster), the portal pointed at them, and pushes the
# backup jobs' reports once the backend answers. Ctrl-C stops everything this
# run started; demo components that already ran before it are left running.
# Extra arguments go to `yarn start` (after the two config files).
# UNYO_SKIP_INSTALL=1: the packages are installed already (make test's run of
# scripts/live.test.sh, after its own install step).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=demo/lib.sh
source "$UNYO_ROOT/scripts/demo/lib.sh"
cd "$UNYO_ROOT"

FRONTEND=http://localhost:3000
BACKEND=http://localhost:7007
started=$SECONDS

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The portal's own ports: taken means a portal (or something else) runs already.
for entry in "frontend:3000" "backend:7007"; do
  if port_busy "${entry#*:}"; then
    echo "unyo: already running? port ${entry#*:} (${entry%%:*}) is in use; stop that process first" >&2
    exit 1
  fi
done
# The demo's ports: fine when our own demo component holds them (up.sh reuses it).
demo_ports=("exporter:$EXPORTER_PORT" "prometheus:$PROMETHEUS_PORT" "alertmanager:$ALERTMANAGER_PORT"
  "backups:$BACKUPS_PORT" "health:18001")
ran_before=()
for entry in "${demo_ports[@]}"; do
  name="${entry%%:*}" port="${entry#*:}"
  if demo_pid "$name" >/dev/null; then
    ran_before+=("$name")
  elif port_busy "$port"; then
    echo "unyo: port $port ($name of the demo) is in use by another process; stop it or set DEMO_${name^^}_PORT" >&2
    exit 1
  fi
done
postgres_before=false
port_busy "$POSTGRES_PORT" && postgres_before=true

portal=
pusher=
stopping=false
stop() {
  $stopping && return
  stopping=true
  trap '' INT TERM
  echo
  echo "unyo: stopping"
  [ -n "$pusher" ] && kill "$pusher" 2>/dev/null || true
  if [ -n "$portal" ]; then
    kill -TERM -- "-$portal" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 -- "-$portal" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$portal" 2>/dev/null || true
  fi
  for name in prometheus alertmanager exporter health backups; do
    [[ " ${ran_before[*]} " == *" $name "* ]] || demo_stop "$name" >/dev/null
  done
  $postgres_before || "$UNYO_ROOT/scripts/demo/postgres.sh" down >/dev/null 2>&1 || true
  echo "unyo: stopped"
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

[ -n "${UNYO_SKIP_INSTALL:-}" ] || "$UNYO_ROOT/scripts/install.sh"
unyo_ensure_node
"$UNYO_ROOT/scripts/demo/up.sh"

# Its own process group, so that stop() ends webpack, the backend and their children.
setsid yarn start --config ../../app-config.yaml --config ../../app-config.demo.yaml "$@" &
portal=$!
"$UNYO_ROOT/scripts/demo/push-backup-reports.sh" --wait "$BACKEND" &
pusher=$!

until curl -fs -o /dev/null "$BACKEND/.backstage/health/v1/readiness" &&
  curl -fs -o /dev/null "$FRONTEND"; do
  kill -0 "$portal" 2>/dev/null || { echo "unyo: the portal exited before it was ready" >&2; exit 1; }
  sleep 1
done
wait "$pusher" 2>/dev/null || true
pusher=

cat <<INFO

unyo: ready in $((SECONDS - started)) s at $FRONTEND (sign in as guest; Ctrl-C stops everything)
  a service:      $FRONTEND/catalog/default/component/mairust-smtp/ops
  a runbook:      $FRONTEND/catalog/default/runbook/mairust-queue-backlog
  the SLO report: $FRONTEND/slo-report

INFO
wait "$portal"
