import { burnWindowRatios, compositeCounts } from './composite';
import { sliOf } from './errorBudget';

describe('compositeCounts', () => {
  it('gives the weighted mean of the SLIs as good/total', () => {
    const counts = compositeCounts([
      { weight: 3, ratio: 0.999 },
      { weight: 1, ratio: 0.99 },
    ])!;
    expect(sliOf(counts)!.ratio).toBeCloseTo((3 * 0.999 + 0.99) / 4, 12);
  });

  it('leaves out components without data, and has none without any', () => {
    expect(
      sliOf(compositeCounts([{ weight: 3 }, { weight: 1, ratio: 0.98 }])!)!
        .ratio,
    ).toBeCloseTo(0.98, 12);
    expect(compositeCounts([{ weight: 2 }])).toBeUndefined();
  });
});

describe('burnWindowRatios', () => {
  it('turns burn rates back into SLIs', () => {
    const ratios = burnWindowRatios({
      target: 0.999,
      burnRates: {
        '5m': 15,
        '30m': null,
        '1h': 1,
        '2h': 0,
        '6h': 0,
        '1d': 0,
        '3d': 0,
      },
    });
    expect(ratios['5m']).toBeCloseTo(0.985, 12);
    expect(ratios['1h']).toBeCloseTo(0.999, 12);
    expect(ratios['30m']).toBeUndefined();
  });
});
