# shellcheck shell=bash
# Sourced by scripts/test.sh: what the test run needs from the machine.
#
#   unyo_check_requirements   every program the suites run, or (under CI) exit
#                             with what to install; outside CI, a warning (the
#                             suites that need it are skipped and counted)
#   unyo_test_databases       exports a BACKSTAGE_TEST_DATABASE_POSTGRES<major>_
#                             CONNECTION_STRING for every local PostgreSQL
#                             cluster that answers, whatever its major version

# name|install hint|command -v candidates (any one suffices)
UNYO_TEST_REQUIREMENTS=(
  "prometheus|apt-get install -y prometheus|prometheus"
  "promtool|apt-get install -y prometheus|promtool"
  "alertmanager|apt-get install -y prometheus-alertmanager|prometheus-alertmanager alertmanager"
  "pgbackrest|apt-get install -y pgbackrest|pgbackrest"
  "chromium|apt-get install -y chromium|chromium"
  "psql|apt-get install -y postgresql-client|psql"
)

unyo_check_requirements() {
  local entry name hint candidates found missing=()
  for entry in "${UNYO_TEST_REQUIREMENTS[@]}"; do
    IFS='|' read -r name hint candidates <<<"$entry"
    found=false
    for c in $candidates; do command -v "$c" >/dev/null && found=true; done
    $found || missing+=("$name (install: $hint)")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local m
  for m in "${missing[@]}"; do echo "unyo: not on PATH: $m" >&2; done
  if [ -n "${CI:-}" ]; then
    echo "unyo: under CI every suite must run; install the above and run again" >&2
    return 1
  fi
  echo "unyo: the suites that need them will be skipped (and counted as skipped)" >&2
}

# Prints "host:port" of each PostgreSQL cluster to try: 127.0.0.1:5432 and every
# cluster Debian's pg_lsclusters lists as online.
unyo_postgres_ports() {
  {
    echo 5432
    if command -v pg_lsclusters >/dev/null; then
      pg_lsclusters --no-header 2>/dev/null | awk '$4 == "online" { print $3 }'
    fi
  } | sort -un
}

unyo_test_databases() {
  local port version major var url ran=("SQLite 3")
  for port in $(unyo_postgres_ports); do
    url="postgresql://postgres:postgres@127.0.0.1:$port"
    version=$(psql "$url/postgres" -tAc 'show server_version_num' 2>/dev/null) || continue
    major=$((version / 10000))
    var="BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING"
    if [ -n "${!var:-}" ] && [ "${!var}" != "$url" ]; then
      echo "unyo: PostgreSQL $major on port $port: already testing ${!var} for that major version" >&2
      continue
    fi
    export "$var=$url"
    ran+=("PostgreSQL $major (127.0.0.1:$port)")
  done
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
  if [ ${#ran[@]} -eq 1 ] && [ -n "${CI:-}" ]; then
    echo "unyo: no PostgreSQL answers on 127.0.0.1 (tried ports: $(unyo_postgres_ports | xargs)); install postgresql" >&2
    return 1
  fi
  echo "unyo: database suites run on: $(printf '%s, ' "${ran[@]}" | sed 's/, $//')"
}
