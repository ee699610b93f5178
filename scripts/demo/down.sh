#!/usr/bin/env bash
# Stops the demo's exporter, Prometheus, Alertmanager, health endpoints, s3rver and
# PostgreSQL (started by up.sh).
# Their data under .demo/ stays; `up.sh --reset` starts from scratch.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

for name in prometheus alertmanager exporter health backups; do
  demo_stop "$name"
done
"$DEMO_REPO/scripts/demo/postgres.sh" down
