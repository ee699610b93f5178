#!/usr/bin/env bash
# Installs what the portal needs to run: Node 22 (into .tools/) and the
# workspace's packages with the committed Yarn.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
unyo_ensure_node
cd "$UNYO_ROOT"
if [ "${CI:-}" = "true" ]; then
  # CI must build from the committed lockfile exactly.
  yarn install --immutable
else
  yarn install
fi
