import { comparisonSymbol } from './comparisonSymbol';

describe('comparisonSymbol', () => {
  it('shows each op of SLO objectives and runbook expectations as its sign', () => {
    expect(
      ['gt', 'gte', 'lt', 'lte', 'eq', 'ne'].map(comparisonSymbol).join(' '),
    ).toBe('> ≥ < ≤ = ≠');
  });

  it('shows an unknown op as it is', () => {
    expect(comparisonSymbol('between')).toBe('between');
  });
});
