// Prints the test run's counts from jest's and Playwright's JSON reports and
// exits 1 when a test failed, or, under CI, when one was skipped or passed
// only on a retry (flaky): a CI run must run every test, first time.
//   node scripts/test-summary.js JEST_JSON PLAYWRIGHT_JSON [EXTRA_JSON | NAME=JSON ...]
// EXTRA_JSON: {"name", "passed", "failed", "skipped"} of checks outside the
// two runners (the e2e contract check); counted when present.
// NAME=JSON: a further run that must report (the adoption test, the bare start test): its
// Playwright JSON report, or a result as above when it failed before its
// browser check; a missing report counts as 1 failure.
const fs = require('fs');

const [jestFile, playwrightFile, ...extraFiles] = process.argv.slice(2);
const read = file => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return undefined;
  }
};

const rows = [];
const jest = read(jestFile);
if (jest) {
  rows.push({
    name: 'unit and integration',
    passed: jest.numPassedTests,
    failed: jest.numFailedTests + (jest.numRuntimeErrorTestSuites ?? 0),
    skipped: jest.numPendingTests + (jest.numTodoTests ?? 0),
    flaky: 0, // jest does not retry here
  });
  // Which databases the database suites ran on: their names end "on <id>".
  const byDatabase = {};
  for (const suite of jest.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      const id = /\b(SQLITE_3|POSTGRES_\d+|MYSQL_\d+)\b/.exec(test.fullName);
      if (id && test.status === 'passed') {
        byDatabase[id[1]] = (byDatabase[id[1]] ?? 0) + 1;
      }
    }
  }
  const list = Object.entries(byDatabase)
    .map(([id, n]) => `${id} ${n}`)
    .join(', ');
  console.log(`\ndatabase tests passed per database: ${list || 'none'}`);
} else {
  rows.push({
    name: 'unit and integration',
    passed: 0,
    failed: 1,
    skipped: 0,
    flaky: 0,
  });
  console.log(
    `\nunit and integration: no report at ${jestFile} (counted as 1 failure)`,
  );
}
/** A row from a Playwright JSON report or a {name, passed, failed, skipped} result. */
function runRow(name, file) {
  const report = read(file);
  const stats = report?.stats;
  if (stats) {
    return {
      name,
      passed: stats.expected,
      failed: stats.unexpected,
      skipped: stats.skipped,
      flaky: stats.flaky,
    };
  }
  if (report && typeof report.failed === 'number') {
    if (report.reason) console.log(`${name}: ${report.reason}`);
    return { passed: 0, skipped: 0, flaky: 0, ...report, name };
  }
  console.log(`${name}: no report at ${file} (counted as 1 failure)`);
  return { name, passed: 0, failed: 1, skipped: 0, flaky: 0 };
}
rows.push(runRow('end-to-end', playwrightFile));
for (const arg of extraFiles) {
  const named = /^([\w -]+)=(.+)$/.exec(arg);
  if (named) {
    rows.push(runRow(named[1], named[2]));
    continue;
  }
  const extra = read(arg);
  if (extra) rows.push({ flaky: 0, ...extra });
}

const line = r =>
  `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped, ${r.flaky} flaky`;
for (const r of rows) console.log(`${r.name}: ${line(r)}`);
const total = rows.reduce(
  (t, r) => ({
    passed: t.passed + r.passed,
    failed: t.failed + r.failed,
    skipped: t.skipped + r.skipped,
    flaky: t.flaky + r.flaky,
  }),
  { passed: 0, failed: 0, skipped: 0, flaky: 0 },
);
// The plain line CI readers look for: "tests: N passed, N failed", then the rest.
console.log(`tests: ${line(total)}`);

if (total.failed > 0) process.exit(1);
if (process.env.CI && (total.skipped > 0 || total.flaky > 0)) {
  console.error(
    'unyo: under CI no test may be skipped or pass only on a retry; see the skipped and flaky tests above',
  );
  process.exit(1);
}
