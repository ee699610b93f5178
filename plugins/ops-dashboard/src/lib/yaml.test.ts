import { toYaml } from './yaml';

describe('toYaml', () => {
  it('writes nested objects and lists', () => {
    expect(
      toYaml({
        owner: 'group:default/sre',
        appliesTo: ['component:default/identity-service'],
        steps: [
          { title: 'Check pods', run: 'kubectl get pods -l app=identity' },
          { title: 'Restart', action: 'restart' },
        ],
        empty: [],
        nested: { every: '1d' },
      }),
    ).toBe(
      [
        'owner: group:default/sre',
        'appliesTo:',
        '- component:default/identity-service',
        'steps:',
        '- title: Check pods',
        '  run: kubectl get pods -l app=identity',
        '- title: Restart',
        '  action: restart',
        'empty: []',
        'nested:',
        '  every: 1d',
        '',
      ].join('\n'),
    );
  });

  it('quotes strings YAML would read as other types or syntax', () => {
    expect(
      toYaml({
        a: 'true',
        b: '0.999',
        c: 'x: y',
        d: '',
        e: '*',
        f: 'a # b',
        g: 0.999,
        h: true,
        i: null,
      }),
    ).toBe(
      'a: "true"\nb: "0.999"\nc: "x: y"\nd: ""\ne: "*"\nf: "a # b"\ng: 0.999\nh: true\ni: null\n',
    );
  });

  it('writes multi-line strings as literal blocks', () => {
    expect(toYaml({ description: 'line 1\nline 2' })).toBe(
      'description: |-\n  line 1\n  line 2\n',
    );
  });

  it('writes a list of lists item by item', () => {
    expect(toYaml({ a: [{ b: [{ c: 1 }] }] })).toBe('a:\n- b:\n  - c: 1\n');
  });
});
