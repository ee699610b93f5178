#!/usr/bin/env bash
# Installs and starts the portal: frontend on http://localhost:3000, backend on
# http://localhost:7007, SQLite in memory, the five example systems in the catalog.
# Extra arguments are passed on (e.g. --config ../../app-config.demo.yaml).
# UNYO_SKIP_INSTALL=1: the packages are installed already (make test's run of
# scripts/bare.test.sh, after its own install step).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
[ -n "${UNYO_SKIP_INSTALL:-}" ] || "$UNYO_ROOT/scripts/install.sh"
unyo_ensure_node
cd "$UNYO_ROOT"
exec yarn start "$@"
