#!/usr/bin/env bash
# Starts the demo monitoring stack on 127.0.0.1: the demo-data exporter, a
# Prometheus with 30 days of generated history and an Alertmanager. Idempotent:
# running components are left alone, the history is generated only once.
#
#   scripts/demo/up.sh            start (generate and backfill on first run)
#   scripts/demo/up.sh --reset    stop, delete .demo/ data, regenerate, start
#   scripts/demo/down.sh          stop
#
# Environment: DEMO_DAYS (30), DEMO_METRICS (examples/prometheus/metrics.yaml),
# DEMO_EXPORTER_PORT (9479), DEMO_PROMETHEUS_PORT (9090), DEMO_ALERTMANAGER_PORT (9093),
# DEMO_BACKUPS_PORT (18090), DEMO_POSTGRES_PORT (18095).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=../env.sh
source "$DEMO_REPO/scripts/env.sh"

RESET=false
for arg in "$@"; do
  case "$arg" in
  --reset) RESET=true ;;
  *) echo "usage: $0 [--reset]" >&2 && exit 2 ;;
  esac
done

DAYS="${DEMO_DAYS:-30}"
METRICS="${DEMO_METRICS:-$DEMO_REPO/examples/prometheus/metrics.yaml}"
PROM_DATA="$DEMO_DIR/prometheus/data"
ANCHOR="$DEMO_DIR/anchor.json"

ensure_binaries() {
  local missing=()
  command -v prometheus >/dev/null && command -v promtool >/dev/null || missing+=(prometheus)
  command -v prometheus-alertmanager >/dev/null || command -v alertmanager >/dev/null ||
    missing+=(prometheus-alertmanager)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    echo "demo: missing ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "demo: installing ${missing[*]} with apt-get"
  # policy-rc.d keeps the packages' own services (which bind 0.0.0.0) from starting.
  local policy=/usr/sbin/policy-rc.d created_policy=false
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" ||
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; }
  if $created_policy; then rm -f "$policy"; fi
}

port_busy() {
  (exec 3<>"/dev/tcp/$DEMO_HOST/$1") 2>/dev/null
}

# start NAME PORT COMMAND...: runs COMMAND in the background unless NAME runs already.
start() {
  local name="$1" port="$2"
  shift 2
  if pid="$(demo_pid "$name")"; then
    echo "demo: $name already runs ($pid)"
    return
  fi
  if port_busy "$port"; then
    echo "demo: port $port is taken by another process; stop it or set DEMO_${name^^}_PORT" >&2
    exit 1
  fi
  # 9>&-: not holding scripts/e2e.sh's lock if this script fails half way.
  nohup "$@" >"$DEMO_DIR/$name.log" 2>&1 9>&- &
  echo $! >"$DEMO_DIR/$name.pid"
}

wait_ready() {
  local name="$1" url="$2"
  for _ in $(seq 240); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return; fi
    if ! demo_pid "$name" >/dev/null; then
      echo "demo: $name exited; last lines of .demo/$name.log:" >&2
      tail -n 20 "$DEMO_DIR/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "demo: $name not ready after 120 s, see .demo/$name.log" >&2
  exit 1
}

render() {
  sed -e "s|@REPO@|$DEMO_REPO|g" \
    -e "s|@EXPORTER@|$DEMO_HOST:$EXPORTER_PORT|g" \
    -e "s|@PROMETHEUS@|$DEMO_HOST:$PROMETHEUS_PORT|g" \
    -e "s|@ALERTMANAGER@|$DEMO_HOST:$ALERTMANAGER_PORT|g" \
    -e "s|@WEBHOOK@|$DEMO_WEBHOOK|g" "$1" >"$2"
}

ensure_binaries
unyo_ensure_node
ALERTMANAGER_BIN="$(command -v prometheus-alertmanager || command -v alertmanager)"

if $RESET; then
  "$DEMO_REPO/scripts/demo/down.sh"
  rm -rf "$DEMO_DIR/prometheus" "$DEMO_DIR/alertmanager" "$ANCHOR"
  "$DEMO_REPO/scripts/demo/postgres.sh" reset
fi
mkdir -p "$DEMO_DIR/prometheus" "$DEMO_DIR/alertmanager"

if [ ! -f "$METRICS" ]; then
  echo "demo: $METRICS not found (set DEMO_METRICS)" >&2
  exit 1
fi

# The history is only made once: regenerating would move the incidents.
fresh_history=false
if [ -z "$(ls -A "$PROM_DATA" 2>/dev/null)" ] || [ ! -f "$ANCHOR" ]; then
  if demo_pid prometheus >/dev/null; then
    echo "demo: Prometheus runs without history; run $0 --reset" >&2
    exit 1
  fi
  rm -rf "$PROM_DATA"
  history="$DEMO_DIR/prometheus/history.om"
  echo "demo: generating $DAYS days of history from ${METRICS#"$DEMO_REPO"/}"
  started=$SECONDS
  (cd "$DEMO_REPO" && yarn workspace @internal/demo-data start generate \
    --out "$history" --days "$DAYS" --metrics "$METRICS" --state "$ANCHOR")
  echo "demo: backfilling into .demo/prometheus/data with promtool"
  # Blocks of 162 h (a compaction range) instead of 2 h: 5 passes over the input, not 360.
  promtool tsdb create-blocks-from openmetrics --max-block-duration=162h -q "$history" "$PROM_DATA"
  rm -f "$history"
  fresh_history=true
  echo "demo: history ready in $((SECONDS - started)) s, $(du -sh "$PROM_DATA" | cut -f1) on disk"
fi

render "$DEMO_REPO/scripts/demo/prometheus.yml.tmpl" "$DEMO_DIR/prometheus.yml"
render "$DEMO_REPO/scripts/demo/alertmanager.yml.tmpl" "$DEMO_DIR/alertmanager.yml"
promtool check config "$DEMO_DIR/prometheus.yml" >/dev/null

# node --import tsx (not the tsx CLI) keeps the exporter a single process for its pid file.
cd "$DEMO_REPO"
start exporter "$EXPORTER_PORT" \
  node --import tsx "$DEMO_REPO/packages/demo-data/src/cli.ts" exporter \
  --host "$DEMO_HOST" --port "$EXPORTER_PORT" --metrics "$METRICS" --state "$ANCHOR"
wait_ready exporter "http://$DEMO_HOST:$EXPORTER_PORT/targets"

# The examples' unyo.dev/health-url endpoints (ports 18001-18042, fixed by the
# catalog files): probed by the ops backend for the health cards.
start health 18001 \
  node --import tsx "$DEMO_REPO/packages/demo-data/src/cli.ts" health --host "$DEMO_HOST"
wait_ready health "http://$DEMO_HOST:18001/health"

# An S3-compatible server (s3rver) with the example systems' backup files,
# read by the BackupPolicies' s3 targets; it keeps adding copies as their
# schedules come due (docs/demo-backups.md).
start backups "$BACKUPS_PORT" \
  node --import tsx "$DEMO_REPO/packages/demo-data/src/cli.ts" backups \
  --host "$DEMO_HOST" --port "$BACKUPS_PORT" --dir "$DEMO_DIR/s3"
wait_ready backups "http://$DEMO_HOST:$BACKUPS_PORT/backup-bucket?max-keys=1"
# It answers while it uploads the history; the log line says it is complete.
for _ in $(seq 120); do
  grep -q '^demo backups' "$DEMO_DIR/backups.log" && break
  sleep 0.5
done

# PostgreSQL archiving WAL into pgBackRest: the WAL and pgBackRest targets'
# live source (skipped with a message without root or the binaries).
"$DEMO_REPO/scripts/demo/postgres.sh" up

start alertmanager "$ALERTMANAGER_PORT" "$ALERTMANAGER_BIN" \
  --config.file="$DEMO_DIR/alertmanager.yml" \
  --storage.path="$DEMO_DIR/alertmanager" \
  --web.listen-address="$DEMO_HOST:$ALERTMANAGER_PORT" \
  --cluster.listen-address=
wait_ready alertmanager "http://$DEMO_HOST:$ALERTMANAGER_PORT/-/ready"

start_prometheus() {
  start prometheus "$PROMETHEUS_PORT" prometheus \
    --config.file="$DEMO_DIR/prometheus.yml" \
    --storage.tsdb.path="$PROM_DATA" \
    --storage.tsdb.retention.time=45d \
    --web.listen-address="$DEMO_HOST:$PROMETHEUS_PORT" \
    --web.enable-lifecycle
  wait_ready prometheus "http://$DEMO_HOST:$PROMETHEUS_PORT/-/ready"
}
start_prometheus

# The ongoing incidents began before this Prometheus did, but it counts each
# rule's `for` from its own first evaluation. Once, on fresh history: record
# the pending alerts as active since before their `for` ran out
# (ALERTS_FOR_STATE) and restart, so Prometheus restores them as firing.
if $fresh_history; then
  sleep 20 # two rule evaluations (evaluation_interval: 15s)
  for_state="$DEMO_DIR/prometheus/for-state.om"
  node --import tsx "$DEMO_REPO/packages/demo-data/src/cli.ts" alerts-for-state \
    --prometheus "http://$DEMO_HOST:$PROMETHEUS_PORT" --out "$for_state"
  if grep -q '^ALERTS_FOR_STATE' "$for_state"; then
    demo_stop prometheus
    promtool tsdb create-blocks-from openmetrics -q "$for_state" "$PROM_DATA" >/dev/null
    start_prometheus
  fi
  rm -f "$for_state"
fi

cat <<INFO
demo: running (logs and pid files in .demo/, stop with scripts/demo/down.sh)
  exporter      http://$DEMO_HOST:$EXPORTER_PORT/metrics   (pid $(demo_pid exporter))
  health        http://$DEMO_HOST:18001/health … (ports 18001-18042, pid $(demo_pid health))
  backups (s3)  http://$DEMO_HOST:$BACKUPS_PORT           (s3rver, pid $(demo_pid backups))
  prometheus    http://$DEMO_HOST:$PROMETHEUS_PORT           (pid $(demo_pid prometheus))
  alertmanager  http://$DEMO_HOST:$ALERTMANAGER_PORT           (pid $(demo_pid alertmanager))
  postgres      postgresql://postgres@$DEMO_HOST:$POSTGRES_PORT/postgres (WAL to pgBackRest stanza rainbow-seeker, .demo/postgres)
  history anchor $(sed -n 's/.*"anchor": "\(.*\)".*/\1/p' "$ANCHOR")
INFO
