#!/usr/bin/env bash
# The whole test run, as CI runs it: installs what it needs, then lint,
# API reports, type-check, unit and integration tests (SQLite and PostgreSQL, real
# Prometheus where a test needs one), the end-to-end test in Chromium and the
# adoption test (Unyo's tarballs in a fresh create-app portal, by the READMEs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$(dirname "${BASH_SOURCE[0]}")/test-env.sh"
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

# make test is the CI run: a missing program fails it (scripts/test-env.sh).
export CI=true
scripts/test-env.test.sh
unyo_check_requirements
# Database tests run on SQLite and on every local PostgreSQL (no Docker here).
unyo_test_databases

step "type-check"
yarn tsc
step "lint"
yarn backstage-cli repo lint
# No import cycle, no source file over 350 lines outside tests and benches.
step "structure"
node scripts/check-structure.mjs
# Every image the READMEs show exists, and none in docs/images is unused.
node scripts/check-images.mjs
# The committed API reports must match the public API (yarn build:api-reports).
step "API reports"
yarn build:api-reports:only --tsc --ci
# The OpenAPI spec is valid and the files generated from it (the router's
# typed spec, docs/api.md) are up to date.
step "OpenAPI spec"
yarn openapi:check

# Both runs go on when the other fails, so the summary counts everything.
rm -f "$results/jest.json" "$results/playwright.json" "$results/contract-check.json" \
  "$results/adoption.json" "$results/bare.json"
step "unit and integration tests"
yarn backstage-cli repo test --json --outputFile="$results/jest.json" || true
step "end-to-end tests"
scripts/e2e.sh || true
# The bare portal's config: every panel "not configured", no 5xx (bare.json). Its
# webpack dev server took over 2 min per page under load here (one run of two
# failed by timeout), so only when asked until it is proven steady: UNYO_TEST_BARE=1.
bare=()
if [ -n "${UNYO_TEST_BARE:-}" ]; then
  step "bare start test"
  UNYO_SKIP_INSTALL=1 scripts/bare.test.sh || true
  bare=("bare start=$results/bare.json")
fi
# `make start` end to end (scripts/live.test.sh: two starts, Chromium on the live
# data, Ctrl-C) takes 10 min or more here, so only when asked: UNYO_TEST_LIVE=1.
live=()
if [ -n "${UNYO_TEST_LIVE:-}" ]; then
  step "make start test"
  rm -f "$results/live.json"
  UNYO_SKIP_INSTALL=1 scripts/live.test.sh || true
  live=("make start=$results/live.json")
fi
# It writes adoption.json: its Playwright report, or a failure naming the phase
# that failed before the browser check (pack, install, type-check, build).
step "adoption test"
scripts/adoption/adoption-test.sh || true

echo "unyo: test run took $(($(date +%s) - started)) s"
# passed, failed, skipped, flaky; exits 1 on a failure, or on a skip or flaky test under CI.
node scripts/test-summary.js "$results/jest.json" "$results/playwright.json" \
  "$results/contract-check.json" "adoption=$results/adoption.json" \
  "${bare[@]}" "${live[@]}"
