#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo use, when missing:
# Chromium (end-to-end tests), Prometheus, promtool and Alertmanager (demo data
# and integration tests), pgBackRest (backup status tests), PostgreSQL (database tests; started when none answers
# on 127.0.0.1:5432). Needs root for apt-get; otherwise says what to install.
set -euo pipefail

need=()
command -v chromium >/dev/null || need+=(chromium)
# Japanese text in screenshots (the seeds and half the UI are Japanese).
fc-list :lang=ja 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
command -v prometheus >/dev/null || need+=(prometheus)
command -v promtool >/dev/null || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null || need+=(prometheus-alertmanager)
# Backup status tests read a real pgBackRest repository.
command -v pgbackrest >/dev/null || need+=(pgbackrest)
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null &&
  ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  need+=(postgresql postgresql-client)
fi

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "unyo: missing Debian packages: ${need[*]}" >&2
    echo "unyo: install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "unyo: installing Debian packages: ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${need[@]}" >/dev/null
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  version=$(ls /etc/postgresql | sort -n | tail -1)
  echo "unyo: starting PostgreSQL $version" >&2
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
fi

# Tests connect as postgres:postgres over TCP. With trust auth (this machine)
# the password is ignored; a fresh Debian cluster needs it set.
if ! PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -tAc 'select 1' >/dev/null 2>&1; then
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
fi
