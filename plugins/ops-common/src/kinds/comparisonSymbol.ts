const SYMBOLS: Record<string, string> = {
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  eq: '=',
  ne: '≠',
};

/**
 * The sign of a comparison `op` of an SLO objective or a runbook
 * expectation (`gte` → `≥`), as pages show it; an unknown op as it is.
 *
 * @public
 */
export function comparisonSymbol(op: string): string {
  return SYMBOLS[op] ?? op;
}
