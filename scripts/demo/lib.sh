# shellcheck shell=bash
# Shared by up.sh and down.sh: paths, ports and process helpers of the demo.
DEMO_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEMO_DIR="$DEMO_REPO/.demo"
DEMO_HOST=127.0.0.1
EXPORTER_PORT="${DEMO_EXPORTER_PORT:-9479}"
PROMETHEUS_PORT="${DEMO_PROMETHEUS_PORT:-9090}"
ALERTMANAGER_PORT="${DEMO_ALERTMANAGER_PORT:-9093}"
# s3rver with the examples' backup files (app-config.demo.yaml ops.backups.sources.demo-s3).
BACKUPS_PORT="${DEMO_BACKUPS_PORT:-18090}"
# PostgreSQL with WAL archiving into pgBackRest (scripts/demo/postgres.sh;
# ops.backups.sources.demo-postgres and demo-pgbackrest).
POSTGRES_PORT="${DEMO_POSTGRES_PORT:-18095}"
DEMO_WEBHOOK="${DEMO_WEBHOOK:-http://127.0.0.1:7007/api/ops/alerts/webhook}"

# Prints the pid recorded for a component if that process still runs.
demo_pid() {
  local file="$DEMO_DIR/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

demo_stop() {
  local name="$1" pid
  if pid="$(demo_pid "$name")"; then
    kill "$pid"
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "demo: $name ($pid) ignored SIGTERM; sending SIGKILL" >&2
      kill -9 "$pid" 2>/dev/null || true
    fi
    echo "demo: stopped $name ($pid)"
  fi
  rm -f "$DEMO_DIR/$name.pid"
}
