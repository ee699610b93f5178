import { RunbookExpectation } from '@unyo/plugin-ops-common';

const SYMBOLS: Record<RunbookExpectation['op'], string> = {
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  eq: '==',
  ne: '!=',
};

/** `< 0.8`: the expectation as the page shows it. */
export function describeExpectation(expect: RunbookExpectation): string {
  return `${SYMBOLS[expect.op]} ${expect.value}`;
}

/** Whether a value meets the expectation; NaN and no value never do. */
export function meetsExpectation(
  value: number | null,
  expect: RunbookExpectation,
): boolean {
  if (value === null || Number.isNaN(value)) return false;
  switch (expect.op) {
    case 'lt':
      return value < expect.value;
    case 'lte':
      return value <= expect.value;
    case 'gt':
      return value > expect.value;
    case 'gte':
      return value >= expect.value;
    case 'eq':
      return value === expect.value;
    case 'ne':
      return value !== expect.value;
    default:
      return false;
  }
}
