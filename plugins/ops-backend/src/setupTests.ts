import {
  installSpecConformanceCheck,
  takeSpecViolations,
} from './__testUtils__/openapiConformance';

// Tests here start a backend on a real database (migrations, the compiled
// OpenAPI validators): on a loaded 2-core machine the first test of a file can
// pass Jest's 5 s default without anything being wrong. Not a speed check:
// speed is measured by the benchmarks.
jest.setTimeout(30_000);

// Every answer of /api/ops in every test is checked against the OpenAPI spec;
// a disagreement fails the test that caused it.
installSpecConformanceCheck();
afterEach(() => {
  const violations = takeSpecViolations();
  if (violations.length > 0) {
    throw new Error(
      `Answers that disagree with src/schema/openapi.yaml:\n${violations.join(
        '\n',
      )}`,
    );
  }
});
