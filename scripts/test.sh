#!/usr/bin/env bash
# The whole test run, as CI runs it: installs what it needs, then lint,
# API reports, type-check, unit and integration tests (SQLite and PostgreSQL, real
# Prometheus where a test needs one) and the end-to-end test in Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$UNYO_ROOT"
results="$UNYO_ROOT/e2e-test-results"
mkdir -p "$results"
started=$(date +%s)
step() { printf '\n\033[1m== %s (%ss)\033[0m\n' "$1" "$(($(date +%s) - started))"; }

step "system packages"
scripts/system-deps.sh
step "node packages"
scripts/install.sh
unyo_ensure_node

# Database tests run on SQLite and on the local PostgreSQL (no Docker here).
pg_major=$(PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -tAc 'show server_version_num' | cut -c1-2)
export "BACKSTAGE_TEST_DATABASE_POSTGRES${pg_major}_CONNECTION_STRING=postgresql://postgres:postgres@127.0.0.1:5432"
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export CI=true

step "type-check"
yarn tsc
step "lint"
yarn backstage-cli repo lint
# No import cycle, no source file over 350 lines outside tests and benches.
step "structure"
node scripts/check-structure.mjs
# The committed API reports must match the public API (yarn build:api-reports).
step "API reports"
yarn build:api-reports:only --tsc --ci
# The OpenAPI spec is valid and the files generated from it (the router's
# typed spec, docs/api.md) are up to date.
step "OpenAPI spec"
yarn openapi:check
step "unit and integration tests"
yarn backstage-cli repo test --json --outputFile="$results/jest.json"
step "end-to-end tests"
scripts/e2e.sh

node -e '
const fs = require("fs");
const jest = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const e2e = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).stats;
const passed = jest.numPassedTests + e2e.expected;
const failed = jest.numFailedTests + e2e.unexpected;
console.log(`\nunit and integration: ${jest.numPassedTests} passed, end-to-end: ${e2e.expected} passed`);
console.log(`tests: ${passed} passed, ${failed} failed`);
' "$results/jest.json" "$results/playwright.json"
echo "unyo: test run took $(($(date +%s) - started)) s"
