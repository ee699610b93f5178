#!/usr/bin/env bash
# Reports the demo's backup runs and restore drills to the ops backend, as
# the example systems' jobs would (POST /api/ops/backups/reports with the
# demo's static service token, app-config.demo.yaml): the `push` targets
# (mairust daily-config, azure-saas Key Vault secrets-export) and restore
# drills of four policies. Times are relative to now; see docs/demo-backups.md.
#
#   scripts/demo/push-backup-reports.sh [--wait] [BASE_URL]
#
# BASE_URL defaults to http://localhost:7007. --wait first waits (up to
# 15 min) for the backend to be ready, for `make demo`, where it starts later.
# Environment: UNYO_BACKUP_REPORT_TOKEN (the demo token).
set -euo pipefail

WAIT=false
BASE=http://localhost:7007
for arg in "$@"; do
  case "$arg" in
  --wait) WAIT=true ;;
  http://* | https://*) BASE="${arg%/}" ;;
  *) echo "usage: $0 [--wait] [BASE_URL]" >&2 && exit 2 ;;
  esac
done
TOKEN="${UNYO_BACKUP_REPORT_TOKEN:-unyo-demo-backup-jobs-token}"
URL="$BASE/api/ops/backups/reports"

if $WAIT; then
  for i in $(seq 900); do
    curl -fs -o /dev/null "$BASE/.backstage/health/v1/readiness" && break
    [ "$i" = 900 ] && { echo "backup reports: backend not ready at $BASE" >&2; exit 1; }
    sleep 1
  done
fi

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
jst() { TZ=Asia/Tokyo date -d "@$1" +%Y%m%d_%H%M%S; }

body_file="$(mktemp)"
trap 'rm -f "$body_file"' EXIT
sent=0
last_code=

# report POLICY TARGET STATUS STARTED_EPOCH FINISHED_EPOCH [SIZE] [LOCATION] [MESSAGE]
report() {
  local json code
  json="$(printf '{"policyRef":"backuppolicy:default/%s","target":"%s","status":"%s","startedAt":"%s","finishedAt":"%s"' \
    "$1" "$2" "$3" "$(iso "$4")" "$(iso "$5")")"
  [ -n "${6:-}" ] && json+=",\"sizeBytes\":$6"
  [ -n "${7:-}" ] && json+=",\"location\":\"$7\""
  [ -n "${8:-}" ] && json+=",\"message\":\"$8\""
  json+="}"
  code="$(curl -sS -o "$body_file" -w '%{http_code}' -X POST "$URL" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$json")"
  last_code="$code"
  if [ "$code" != 201 ] && [ "$code" != 200 ]; then
    [ "$code" = 404 ] && [ -n "${QUIET_404:-}" ] && return 1
    echo "backup reports: $1/$2 answered $code: $(cat "$body_file")" >&2
    return 1
  fi
  sent=$((sent + 1))
}

now=$(date -u +%s)
DAY=86400

# Until the catalog has read the examples, the backend answers 404 for their policies.
for i in $(seq 90); do
  if QUIET_404=1 report mairust-db-backups restore-test succeeded $((now - 18 * DAY - 2280)) $((now - 18 * DAY)) \
    "" "" "pg_restore of the latest dump into a scratch database, row counts verified"; then
    break
  fi
  if [ "$last_code" != 404 ] || [ "$i" = 90 ]; then
    echo "backup reports: giving up (the catalog has no backuppolicy:default/mairust-db-backups?)" >&2
    exit 1
  fi
  sleep 2
done

# Restore drills: elixir-cqrs 41 days ago in 52 min (RTO 4 h); azure-saas
# Cosmos DB point-in-time restore 9 days ago in 70 min (no RTO declared);
# scalar-auditor 120 days ago (every 90 days: overdue, the demo's late drill).
report elixir-cqrs-db-backups restore-test succeeded $((now - 41 * DAY - 3120)) $((now - 41 * DAY)) \
  "" "" "psql < event_store_backup.sql into a staging database"
report azure-saas-cosmosdb-backups restore-test succeeded $((now - 9 * DAY - 4200)) $((now - 9 * DAY)) \
  "" "" "Point-in-time restore into cosmos-poc-restore-test"
report scalar-auditor-postgres-backups restore-test succeeded $((now - 120 * DAY - 2700)) $((now - 120 * DAY)) \
  "" "" "DR drill: base backup + WAL replay in ap-northeast-3"

# daily_runs POLICY TARGET COUNT OFFSET_UTC_SECONDS DURATION SIZE LOCATION_PREFIX LOCATION_SUFFIX
# The newest COUNT runs of a daily job firing at OFFSET past midnight UTC.
daily_runs() {
  local last i fire
  last=$(((now - $4) / DAY * DAY + $4))
  for ((i = 0; i < $3; i++)); do
    fire=$((last - i * DAY))
    [ $((fire + $5)) -le "$now" ] || continue
    report "$1" "$2" succeeded "$fire" $((fire + $5)) "$6" "$7$(jst "$fire")$8"
  done
}
# mairust: `cp -r /etc/mairust $BACKUP_DIR/config` at 02:00 JST (17:00 UTC), kept 90 days.
daily_runs mairust-config-backups daily-config 90 $((17 * 3600)) 40 18432 /backup/mairust/ /config
# azure-saas: the Key Vault secret export loop at 02:30 JST (17:30 UTC), the last two weeks.
daily_runs azure-saas-keyvault-backups secrets-export 14 $((17 * 3600 + 1800)) 95 6144 backup/ /

echo "backup reports: $sent runs reported to $URL"
