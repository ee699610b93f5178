import { parseSloDraft } from './parseSloDraft';

const draft = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
  indicator:
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: ok_total } } }
        total: { metricSource: { type: Prometheus, spec: { query: all_total } } }
`;

/** The fields the refusals name, or the SLO's name when it is read. */
function outcome(text: string): string[] | string {
  const result = parseSloDraft(text);
  return result.valid
    ? result.slo.metadata.name
    : result.errors.map(e => e.path);
}

describe('parseSloDraft', () => {
  it('reads an SLO written as YAML or as JSON', () => {
    expect(outcome(draft)).toBe('checkout-availability');
    const json = JSON.stringify((parseSloDraft(draft) as { slo: unknown }).slo);
    expect(outcome(json)).toBe('checkout-availability');
  });

  it.each([
    ['nothing', '', 'document'],
    ['broken YAML', 'kind: [unclosed', 'document'],
    ['a list', '- a\n- b', 'document'],
    ['two documents', `${draft}---\n${draft}`, 'document'],
    [
      'a bad name',
      draft.replace('  name: checkout-availability', '  name: "a b/c"'),
      'metadata.name',
    ],
    [
      'no metadata',
      draft.replace('metadata:\n  name: checkout-availability\n', ''),
      'metadata',
    ],
    ['an SLI', draft.replace('kind: SLO', 'kind: SLI'), 'kind'],
    [
      'another OpenSLO version',
      draft.replace('openslo/v1', 'openslo/v2'),
      'apiVersion',
    ],
    [
      'a target above 1',
      draft.replace('target: 0.99', 'target: 2'),
      'spec.objectives[0].target',
    ],
    [
      'an unknown budgeting method',
      draft.replace('budgetingMethod: Occurrences', 'budgetingMethod: Often'),
      'spec.budgetingMethod',
    ],
  ])('refuses %s naming the field', (_what, text, field) => {
    expect(outcome(text)).toContain(field);
  });

  it('asks for the SLI inline, as no catalog SLI is there to resolve', () => {
    const byRef = draft.replace(
      / {2}indicator:[\s\S]*$/,
      '  indicatorRef: checkout-sli\n',
    );
    const result = parseSloDraft(byRef);
    expect(result).toEqual({
      valid: false,
      errors: [
        {
          path: 'spec.indicatorRef',
          message: expect.stringContaining('needs the SLI inline'),
        },
      ],
    });
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 9 }, (_, i) => {
        const prev = String.fromCharCode(97 + i);
        const name = String.fromCharCode(98 + i);
        return `${name}: &${name} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
    ].join('\n');
    expect(outcome(bomb)).toEqual(['document']);
  });
});
