#!/usr/bin/env bash
# A test of the test run's own guard (scripts/test-env.sh): with `prometheus`
# taken off PATH, CI=true must fail and name what to install; outside CI the
# same check only warns. Run by scripts/test.sh; alone: scripts/test-env.test.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# A PATH like this one, minus prometheus: every other program linked in.
mkdir "$tmp/bin"
IFS=: read -ra dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  for program in "$dir"/*; do
    name="$(basename "$program")"
    [ "$name" = prometheus ] && continue
    [ -x "$program" ] && [ ! -e "$tmp/bin/$name" ] && ln -s "$program" "$tmp/bin/$name"
  done
done

fail() { echo "test-env.test.sh: FAIL: $*" >&2; exit 1; }

set +e
out="$(PATH="$tmp/bin" CI=true bash -c "source '$here/test-env.sh'; unyo_check_requirements" 2>&1)"
rc=$?
set -e
[ $rc -ne 0 ] || fail "CI=true without prometheus passed the check"
grep -q 'not on PATH: prometheus (install: apt-get install -y prometheus)' <<<"$out" ||
  fail "no clear message; got: $out"
grep -q 'under CI every suite must run' <<<"$out" || fail "no CI verdict; got: $out"

set +e
out="$(PATH="$tmp/bin" CI= bash -c "source '$here/test-env.sh'; unyo_check_requirements" 2>&1)"
rc=$?
set -e
[ $rc -eq 0 ] || fail "outside CI a missing prometheus should only warn; got $rc: $out"
grep -q 'skipped (and counted as skipped)' <<<"$out" || fail "no skip warning; got: $out"

echo "test-env.test.sh: ok (without prometheus, CI=true fails naming apt-get install -y prometheus)"
