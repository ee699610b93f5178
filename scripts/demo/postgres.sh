#!/usr/bin/env bash
# The demo's PostgreSQL cluster with WAL archiving into a pgBackRest
# repository (stanza rainbow-seeker): the live source of the examples'
# postgres-wal targets (demo-postgres) and pgBackRest targets
# (demo-pgbackrest), see docs/demo-backups.md. Called by up.sh / down.sh.
#
#   scripts/demo/postgres.sh up     initdb once, start, stanza-create, back up when due
#   scripts/demo/postgres.sh down   stop the cluster and its writer
#   scripts/demo/postgres.sh reset  stop it and remove its data and repository
#   scripts/demo/postgres.sh pgbackrest --stanza=rainbow-seeker info
#                                   pgBackRest on the demo repository (as postgres)
#
# Everything lives in .demo/postgres, or in /var/tmp when postgres cannot enter
# the checkout (owned by postgres: PostgreSQL refuses to run as root). Needs root (for runuser), pgbackrest and the PostgreSQL server
# binaries (Debian: postgresql, pgbackrest); without them `up` says so and
# exits 0, so the rest of the demo starts and those targets show their errors.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# PostgreSQL runs as postgres, which must reach its files: in .demo when it
# can enter the checkout, else (a checkout under a private directory, e.g.
# mktemp -d) in /var/tmp, named after the checkout so two never share one.
if runuser -u postgres -- test -x "$DEMO_REPO" 2>/dev/null; then
  PG_DEMO_DIR="$DEMO_DIR/postgres"
else
  PG_DEMO_DIR="/var/tmp/unyo-demo-postgres-$(printf %s "$DEMO_REPO" | sha1sum | cut -c1-12)"
fi
DATA="$PG_DEMO_DIR/data"
SOCK="$PG_DEMO_DIR/sock"
CONF="$PG_DEMO_DIR/pgbackrest.conf"
STANZA=rainbow-seeker
# A new full backup when the last is a day old (the target is daily), a new
# differential when the last backup is 6 h old (the target is 6-hourly).
FULL_EVERY=$((24 * 3600))
DIFF_EVERY=$((6 * 3600))

# The newest installed server (pgBackRest 2.45 supports 9.0-15).
pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

# Runs as postgres from a directory it can read (runuser keeps the cwd).
as_postgres() {
  (cd /tmp && runuser -u postgres -- "$@")
}

pgbackrest_() {
  as_postgres pgbackrest "--config=$CONF" "--stanza=$STANZA" "$@"
}

psql_() {
  as_postgres "$PG_BIN/psql" -h "$SOCK" -p "$POSTGRES_PORT" -U postgres -d postgres \
    -X -q -A -t -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning; $1"
}

port_busy() {
  (exec 3<>"/dev/tcp/$DEMO_HOST/$1") 2>/dev/null
}

running() {
  as_postgres "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

# Seconds since the newest backup of a type (full, or any for diff); empty if none.
backup_age() {
  pgbackrest_ --output=json info | node -e '
    const [stanza] = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const types = process.argv[1] === "full" ? ["full"] : ["full", "diff", "incr"];
    const stops = (stanza?.backup ?? []).filter(b => types.includes(b.type)).map(b => b.timestamp.stop);
    if (stops.length) console.log(Math.floor(Date.now() / 1000) - Math.max(...stops));
  ' "$1"
}

write_configs() {
  install -d -o postgres -g postgres -m 0700 "$PG_DEMO_DIR" "$SOCK" \
    "$PG_DEMO_DIR/repo" "$PG_DEMO_DIR/log" "$PG_DEMO_DIR/lock" "$PG_DEMO_DIR/spool"
  cat >"$CONF" <<CONF
[global]
repo1-path=$PG_DEMO_DIR/repo
repo1-retention-full=2
lock-path=$PG_DEMO_DIR/lock
log-path=$PG_DEMO_DIR/log
spool-path=$PG_DEMO_DIR/spool
log-level-console=warn
start-fast=y

[$STANZA]
pg1-path=$DATA
pg1-port=$POSTGRES_PORT
pg1-socket-path=$SOCK
pg1-user=postgres
CONF
  chown postgres:postgres "$CONF"
}

# Rewritten on each start, so a changed DEMO_POSTGRES_PORT or path applies.
write_postgres_conf() {
  cat >"$DATA/postgresql.auto.conf" <<CONF
# Written by scripts/demo/postgres.sh on each start.
port = $POSTGRES_PORT
listen_addresses = '$DEMO_HOST'
unix_socket_directories = '$SOCK'
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --stanza=$STANZA --config=$CONF archive-push %p'
# Switch to a new segment at least every minute when WAL was written, so the
# WAL targets' RPOs (5 min, 1 h) hold live (see the heartbeat below).
archive_timeout = 60
max_wal_senders = 3
shared_buffers = 16MB
max_connections = 20
# A throw-away demo cluster: durability is not the point.
fsync = off
synchronous_commit = off
CONF
  chown postgres:postgres "$DATA/postgresql.auto.conf"
}

up() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "demo: skipping the PostgreSQL/pgBackRest source: needs root (runuser -u postgres); its targets show their errors" >&2
    return 0
  fi
  PG_BIN="$(pg_bin)" || PG_BIN=
  local missing=()
  [ -n "$PG_BIN" ] || missing+=(postgresql)
  command -v pgbackrest >/dev/null || missing+=(pgbackrest)
  id postgres >/dev/null 2>&1 || missing+=("the postgres user")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "demo: skipping the PostgreSQL/pgBackRest source: missing ${missing[*]} (apt-get install postgresql pgbackrest); its targets show their errors" >&2
    return 0
  fi

  local started=$SECONDS
  write_configs
  if [ ! -f "$DATA/PG_VERSION" ]; then
    rm -rf "$DATA"
    echo "demo: initdb .demo/postgres/data ($("$PG_BIN/postgres" --version))"
    as_postgres "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust --no-sync \
      --no-instructions >"$PG_DEMO_DIR/initdb.log"
  fi
  if running; then
    echo "demo: postgres already runs ($(head -n 1 "$DATA/postmaster.pid"))"
  else
    if port_busy "$POSTGRES_PORT"; then
      echo "demo: port $POSTGRES_PORT is taken by another process; stop it or set DEMO_POSTGRES_PORT" >&2
      exit 1
    fi
    write_postgres_conf
    # 9>&-: the server must not hold scripts/e2e.sh's lock.
    as_postgres "$PG_BIN/pg_ctl" -D "$DATA" -l "$PG_DEMO_DIR/postgres.log" -w -t 30 start \
      >/dev/null 9>&-
  fi
  # Idempotent: checks an existing stanza against the cluster.
  pgbackrest_ stanza-create
  psql_ 'CREATE TABLE IF NOT EXISTS heartbeat (id int PRIMARY KEY, at timestamptz NOT NULL);
    INSERT INTO heartbeat VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET at = now()'

  local full diff
  full="$(backup_age full)"
  if [ -z "$full" ] || [ "$full" -ge "$FULL_EVERY" ]; then
    echo "demo: pgBackRest full backup of stanza $STANZA"
    pgbackrest_ --type=full backup
    diff=
  else
    diff="$(backup_age diff)"
  fi
  if [ -z "$diff" ] || [ "$diff" -ge "$DIFF_EVERY" ]; then
    # Something to copy, as a real differential would have.
    psql_ 'CREATE TABLE IF NOT EXISTS rainbows AS SELECT g AS id FROM generate_series(1, 1000) g;
      INSERT INTO rainbows SELECT g FROM generate_series(1, 1000) g'
    echo "demo: pgBackRest differential backup of stanza $STANZA"
    pgbackrest_ --type=diff backup
  fi

  # An idle cluster writes no WAL and archives nothing; and here even with
  # writes, archive_timeout was seen not to switch segments. So a heartbeat
  # writes a row and switches the segment every minute: one archived segment
  # a minute, as a busy database would have.
  if ! demo_pid postgres-heartbeat >/dev/null; then
    nohup bash -c '
      trap "kill \$! 2>/dev/null; exit 0" TERM
      while :; do
        (cd /tmp && runuser -u postgres -- "$1" -h "$2" -p "$3" -U postgres -d postgres -X -q \
          -c "UPDATE heartbeat SET at = now() WHERE id = 1" -c "SELECT pg_switch_wal()" >/dev/null) || true
        sleep 60 & wait $!
      done' heartbeat "$PG_BIN/psql" "$SOCK" "$POSTGRES_PORT" \
      >"$DEMO_DIR/postgres-heartbeat.log" 2>&1 9>&- &
    echo $! >"$DEMO_DIR/postgres-heartbeat.pid"
  fi
  echo "demo: postgres + pgBackRest ready in $((SECONDS - started)) s"
}

down() {
  demo_stop postgres-heartbeat
  PG_BIN="$(pg_bin)" || return 0
  if [ -f "$DATA/PG_VERSION" ] && running; then
    as_postgres "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null
    echo "demo: stopped postgres (port $POSTGRES_PORT)"
  fi
}

case "${1:-}" in
up) up ;;
down) down ;;
reset) down && rm -rf "$PG_DEMO_DIR" ;;
# The backend's ops.backups.sources.demo-pgbackrest command: pgBackRest as the
# repository's owner with this demo's configuration, whose path is absolute
# (pgBackRest takes no relative --config) and so cannot be in app-config.demo.yaml.
pgbackrest)
  shift
  cd /tmp
  exec runuser -u postgres -- pgbackrest "--config=$CONF" "$@"
  ;;
*) echo "usage: $0 up|down|reset|pgbackrest OPTION... COMMAND" >&2 && exit 2 ;;
esac
