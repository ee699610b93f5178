import {
  installSpecConformanceCheck,
  takeSpecViolations,
} from './__testUtils__/openapiConformance';

// Every answer of /api/ops in every test is checked against the OpenAPI spec.
installSpecConformanceCheck();
afterEach(() => {
  expect(takeSpecViolations()).toEqual([]);
});
