/* eslint-disable jest/no-export, jest/valid-title, jest/valid-describe-callback, jest/no-disabled-tests, jest/expect-expect */
// A `describe` wrapper: it passes the caller's title and body on, and its
// stand-in test fails by throwing (the jest rules cannot see through that).
import { execFileSync } from 'node:child_process';

/** Whether a program can be run here (found on PATH). */
export function onPath(binary: string): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v "$1"', 'sh', binary], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

export interface Requirement {
  /** What the suite needs, e.g. `prometheus and promtool on PATH`. */
  what: string;
  /** How to get it, e.g. `apt-get install -y prometheus`. */
  install: string;
  available: boolean;
}

/** A real Prometheus: `prometheus` and `promtool` on PATH. */
export const prometheusRequirement: Requirement = {
  what: 'prometheus and promtool on PATH',
  install: 'apt-get install -y prometheus',
  available: onPath('prometheus') && onPath('promtool'),
};

type SuiteFn = (name: string, fn: () => void) => void;

/**
 * `describe` for a suite that needs a program, service or fixture this
 * machine may lack. Under CI (CI=true, as scripts/test.sh sets) a missing
 * requirement FAILS the suite with what to install, so a run cannot pass
 * without the tests it claims; elsewhere the suite is skipped, and jest
 * counts it as skipped (scripts/test.sh prints that count).
 */
export function describeNeeding(...requirements: Requirement[]): SuiteFn {
  // Benchmarks import the test helpers under tsx, where jest's globals are absent.
  if (typeof describe === 'undefined') return undefined as unknown as SuiteFn;
  const missing = requirements.filter(r => !r.available);
  if (missing.length === 0) return describe;
  const message = missing
    .map(r => `missing ${r.what} (install: ${r.install})`)
    .join('; ');
  if (process.env.CI) {
    return (name, _fn) =>
      describe(name, () => {
        it(`needs ${missing.map(r => r.what).join(' and ')}`, () => {
          throw new Error(`${name}: ${message}. CI runs every suite.`);
        });
      });
  }
  return (name, fn) => {
    // eslint-disable-next-line no-console
    console.warn(`Skipping "${name}": ${message}`);
    describe.skip(name, fn);
  };
}
