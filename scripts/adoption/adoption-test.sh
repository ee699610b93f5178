#!/usr/bin/env bash
# The adoption test: what a platform team does to add Unyo to the portal it runs.
# Packs every published package (pack-check.mjs), creates a fresh app with a
# pinned @backstage/create-app, installs the tarballs by the install steps of
# the READMEs (apply-readme-steps.mjs runs their titled code blocks), checks
# that no Backstage core package is nested twice, type-checks, builds the app,
# starts the backend (serving the app) against the demo's real Prometheus and
# Alertmanager (scripts/demo/up.sh) and checks a component page and a runbook in
# Chromium. Prints how long it took. Run after `yarn tsc` (the builds use dist-types).
# Its outcome goes to e2e-test-results/adoption.json for scripts/test-summary.js:
# the browser check's Playwright report, or a failure naming the phase that failed.
# The portal is made in a new temporary folder, removed on exit (or in
# UNYO_ADOPTION_DIR, emptied first and kept); the servers stop on exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../env.sh"
unyo_ensure_node
cd "$UNYO_ROOT"
CREATE_APP_VERSION=0.9.2
results="$UNYO_ROOT/e2e-test-results"
report="$results/adoption.json"
mkdir -p "$results"
rm -f "$report"
if [ -n "${UNYO_ADOPTION_DIR:-}" ]; then
  work="$UNYO_ADOPTION_DIR" keep_work=true
  rm -rf "$work" && mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/unyo-adoption.XXXXXX")" keep_work=false
fi
app="$work/portal"
started=$(date +%s)
current=
phase() {
  current="$1"
  printf '\n\033[1m-- adoption: %s (%ss)\033[0m\n' "$1" "$(($(date +%s) - started))"
}

backend=
demo=false
finish() {
  local status=$?
  if [ -n "$backend" ]; then kill -- "-$backend" 2>/dev/null || kill "$backend" 2>/dev/null || true; fi
  if $demo; then scripts/demo/down.sh >/dev/null 2>&1 || true; fi
  # A failure before the browser check (pack, install, type-check, build) still counts.
  if [ "$status" != 0 ] && ! grep -qs '"stats"' "$report"; then
    printf '{"name":"adoption","passed":0,"failed":1,"skipped":0,"reason":"failed at: %s"}\n' \
      "$current" >"$report"
  fi
  $keep_work || rm -rf "$work"
  if [ "$status" = 0 ]; then
    echo "unyo: adoption test passed in $(($(date +%s) - started)) s"
  else
    echo "unyo: adoption test failed at \"$current\" after $(($(date +%s) - started)) s" >&2
  fi
}
trap finish EXIT
# A killed run (CI timeout, Ctrl-C) stops its servers too.
trap 'exit 130' INT
trap 'exit 143' TERM HUP

phase "build and pack the published packages"
[ -d dist-types ] || yarn tsc
yarn backstage-cli repo build
rm -rf .adoption/tarballs
node scripts/adoption/pack-check.mjs

phase "create a fresh app with @backstage/create-app@$CREATE_APP_VERSION"
(cd "$work" && BACKSTAGE_APP_NAME=portal npx --yes "@backstage/create-app@$CREATE_APP_VERSION" --path portal --skip-install)
# Not an adopter's step: this machine's npm mirror lacks some other platforms'
# optional binaries (see the README's Development section).
mkdir -p "$app/.yarn/plugins"
cp .yarn/plugins/foreign-platform-optional.cjs "$app/.yarn/plugins/"
printf 'plugins:\n  - path: .yarn/plugins/foreign-platform-optional.cjs\n' >>"$app/.yarnrc.yml"
# Not an adopter's step either: create-app 0.9.2's caret ranges now pull
# plugin-signals-backend 0.3.21, which needs a newer backend-defaults than the
# ^0.18.0 it pins (startup fails: httpRouter.addWebSocketHandler is not a
# function), so the fresh portal would not start even without Unyo. Keep the
# version create-app was released with.
(cd "$app" && node -e '
const fs = require("fs");
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
pkg.resolutions = { ...pkg.resolutions, "@backstage/plugin-signals-backend": "0.3.19" };
fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2) + "\n");
')
# The README's first step: the tarballs in a folder unyo/ of the app.
mkdir -p "$app/unyo" && cp .adoption/tarballs/*.tgz "$app/unyo/"

phase "apply the READMEs' install steps (this installs the app)"
node scripts/adoption/apply-readme-steps.mjs "$app" README.md \
  plugins/ops-backend/README.md plugins/catalog-backend-module-ops/README.md

phase "Unyo adds no version of a Backstage package the portal does not have"
# The portal itself nests newer lines under some of its plugins; Unyo's ranges
# must reuse one of the versions it has, not bring another.
(cd "$app" && node -e '
const { execSync } = require("child_process");
const found = execSync("find node_modules -path \"*/@backstage/*/package.json\"", { encoding: "utf8" }).trim().split("\n");
const versions = new Map();
const ours = [];
for (const file of found) {
  const m = file.match(/(?:^|\/)node_modules\/(@backstage\/[^/]+)\/package\.json$/);
  if (!m) continue;
  const { version } = require("./" + file);
  if (file.startsWith("node_modules/@unyo/")) ours.push([m[1], version, file]);
  else (versions.get(m[1]) ?? versions.set(m[1], new Set()).get(m[1])).add(version);
}
const extra = ours.filter(([name, version]) => !versions.get(name)?.has(version));
for (const [name, version, file] of extra) console.error(`adoption: Unyo brings ${name}@${version} (${file}), which the portal has not`);
console.log(`adoption: ${ours.length} nested Backstage packages under Unyo, all versions the portal already has: ${extra.length === 0}`);
process.exitCode = extra.length ? 1 : 0;
')

phase "type-check the portal"
(cd "$app" && yarn tsc)

# The test's own settings, not a README step: the portal serves the built app on
# :7007, the demo's Prometheus and Alertmanager, the MaiRust example system.
cat >"$app/app-config.adoption.yaml" <<YAML
app:
  baseUrl: http://localhost:7007
backend:
  baseUrl: http://localhost:7007
catalog:
  locations:
    - type: file
      target: $UNYO_ROOT/examples/organization.yaml
    - type: file
      target: $UNYO_ROOT/examples/mairust/system.yaml
    - type: file
      target: $UNYO_ROOT/examples/mairust/components.yaml
    - type: file
      target: $UNYO_ROOT/examples/mairust/resources.yaml
    - type: file
      target: $UNYO_ROOT/examples/mairust/slos.yaml
    - type: file
      target: $UNYO_ROOT/examples/mairust/runbooks.yaml
ops:
  prometheus:
    servers: [{ name: default, url: 'http://127.0.0.1:9090' }]
  alertmanager:
    servers: [{ name: default, url: 'http://127.0.0.1:9093' }]
YAML
configs=(--config "$app/app-config.yaml" --config "$app/app-config.adoption.yaml")

phase "build the app"
(cd "$app" && yarn workspace app build "${configs[@]}")

# The demo stack and port 7007 are shared with scripts/e2e.sh: wait for each other.
phase "wait for other end-to-end runs (/tmp/unyo-e2e.lock)"
exec 9>/tmp/unyo-e2e.lock
flock 9
phase "start the demo's Prometheus and Alertmanager and the portal"
demo=true
scripts/demo/up.sh
setsid bash -c 'cd "$0/packages/backend" && exec yarn start "${@}"' "$app" "${configs[@]}" \
  >"$results/adoption-backend.log" 2>&1 &
backend=$!
for i in $(seq 1 180); do
  curl -fs http://localhost:7007/.backstage/health/v1/readiness >/dev/null && break
  if [ "$i" = 180 ] || ! kill -0 "$backend" 2>/dev/null; then
    tail -50 "$results/adoption-backend.log"
    echo "adoption: the portal's backend did not become ready" >&2
    exit 1
  fi
  sleep 1
done

phase "check the portal in Chromium"
PLAYWRIGHT_JSON_OUTPUT_NAME="$report" PLAYWRIGHT_URL=http://localhost:7007 \
  yarn playwright test --config scripts/adoption/playwright.config.ts --reporter=list,json
