import {
  installSpecConformanceCheck,
  takeSpecViolations,
} from './__testUtils__/openapiConformance';

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
