import fs from 'node:fs';
import path from 'node:path';
import { validateOpsEntity } from '@unyo/plugin-ops-common';
import { parseAllDocuments, stringify } from 'yaml';
import { importSlos } from './importSlos';

const run = (yaml: string) => importSlos(yaml, { source: 'in.yaml' });
const reasons = (yaml: string) =>
  run(yaml).skipped.flatMap(s =>
    s.reasons.map(r => `${s.from}: ${r.field}: ${r.reason}`),
  );

const sloth = (slo: Record<string, unknown>) =>
  stringify({ version: 'prometheus/v1', service: 'svc', slos: [slo] });
const events = {
  events: { error_query: 'sum(rate(e[{{.window}}]))', total_query: 't' },
};

describe('importSlos on hostile input', () => {
  it.each([
    ['a YAML syntax error', 'slos: [1, 2\n', 'in.yaml#1: (YAML): '],
    [
      'a scalar document',
      'just text\n',
      'in.yaml#1: (document): is not a mapping',
    ],
    [
      'a list document',
      '- 1\n- 2\n',
      'in.yaml#1: (document): is not a mapping',
    ],
    [
      'binary garbage',
      '\u0000\u0001\u00ff\u{1F4A9}{{{{',
      'in.yaml#1: (document): is not a mapping',
    ],
    [
      'another kind',
      'apiVersion: v1\nkind: ConfigMap\n',
      'in.yaml#1: apiVersion: "v1" is not read: the importer takes a Sloth spec',
    ],
    [
      'an unknown Sloth version',
      'version: prometheus/v2\nservice: a\n',
      'in.yaml#1: version: "prometheus/v2" is not read',
    ],
    [
      'a Pyrra resource of another kind',
      'apiVersion: pyrra.dev/v1alpha1\nkind: Other\n',
      'in.yaml#1: kind: "Other" is not read',
    ],
    [
      'OpenSLO v1 already',
      'apiVersion: openslo/v1\nkind: SLO\n',
      'in.yaml#1: apiVersion: openslo/v1 is already what the catalog reads',
    ],
    [
      'a Sloth spec without service',
      'version: prometheus/v1\nslos: []\n',
      'in.yaml#1: service: is missing',
    ],
    [
      'slos as a mapping',
      'version: prometheus/v1\nservice: a\nslos: {a: 1}\n',
      'in.yaml#1: slos: must be a list, got a mapping',
    ],
    [
      'an SLO that is a string',
      'version: prometheus/v1\nservice: a\nslos: [x]\n',
      'in.yaml#1/slos[0]: slos[0]: must be a mapping',
    ],
    [
      'an objective that is text',
      sloth({ name: 'a', objective: 'high', sli: events }),
      'in.yaml#1/a: slos[0].objective: must be a percentage above 0 and below 100, got string "high"',
    ],
    [
      'an objective of 100',
      sloth({ name: 'a', objective: 100, sli: events }),
      'in.yaml#1/a: slos[0].objective: must be a percentage above 0 and below 100, got number 100',
    ],
    [
      'a query that is a number',
      sloth({
        name: 'a',
        objective: 99,
        sli: { events: { error_query: 5, total_query: 't' } },
      }),
      'in.yaml#1/a: slos[0].sli.events.error_query: must be a string, got number 5',
    ],
    [
      'two SLI kinds',
      sloth({
        name: 'a',
        objective: 99,
        sli: { ...events, raw: { error_ratio_query: 'x' } },
      }),
      'in.yaml#1/a: slos[0].sli: has events and raw: Sloth takes one of events, raw and plugin',
    ],
    [
      'a name the catalog refuses',
      sloth({ name: 'a b', objective: 99, sli: events }),
      'in.yaml#1/a b: slos[0].name: makes metadata.name "svc-a b", not a valid catalog name',
    ],
    [
      'a Pyrra window that is no duration',
      'apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata: {name: a}\nspec: {target: "99", window: forever, indicator: {ratio: {errors: {metric: e}, total: {metric: t}}}}\n',
      'in.yaml#1/a: spec.window: "forever" is not a Prometheus duration',
    ],
    [
      'a Pyrra window under a minute',
      'apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata: {name: a}\nspec: {target: "99", window: 90s, indicator: {ratio: {errors: {metric: e}, total: {metric: t}}}}\n',
      'in.yaml#1/a: spec.window: "90s" is not a Prometheus duration of whole minutes',
    ],
    [
      'a Pyrra metric that is a mapping',
      'apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata: {name: a}\nspec: {target: "99", window: 2w, indicator: {ratio: {errors: {metric: {x: 1}}, total: {metric: t}}}}\n',
      'in.yaml#1/a: spec.indicator.ratio.errors.metric: must be a string, got a mapping',
    ],
    [
      'a Pyrra indicator of no known kind',
      'apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata: {name: a}\nspec: {target: "99", window: 2w, indicator: {gauge: {}}}\n',
      'in.yaml#1/a: spec.indicator: has none of ratio, latency, latencyNative, bool_gauge',
    ],
    [
      'an OpenSLO v1alpha window in fortnights',
      'apiVersion: openslo/v1alpha\nkind: SLO\nmetadata: {name: a}\nspec: {service: s, timeWindows: [{count: 2, unit: Fortnight}], objectives: [{target: 0.9}]}\n',
      'in.yaml#1: spec.timeWindows[0]: count 2 and unit "Fortnight" are not a whole number',
    ],
    [
      'an OpenSLO v1alpha target given as a percentage',
      'apiVersion: openslo/v1alpha\nkind: SLO\nmetadata: {name: a}\nspec: {service: s, objectives: [{target: 99.9, ratioMetrics: {good: {query: g}, total: {query: t}}}]}\n',
      'in.yaml#1/a: spec.objectives[0].target: must be a ratio above 0 and below 1, got 99.9',
    ],
    [
      'a Datadog source in OpenSLO v1alpha',
      'apiVersion: openslo/v1alpha\nkind: SLO\nmetadata: {name: a}\nspec: {service: s, objectives: [{target: 0.9, ratioMetrics: {good: {source: datadog, query: g}, total: {query: t}}}]}\n',
      'in.yaml#1/a: spec.objectives[0].ratioMetrics.good.source: "datadog" is not a Prometheus source',
    ],
    [
      'an alias bomb',
      `a: &a ["x","x","x","x","x","x","x","x","x","x"]\n${Array.from(
        { length: 12 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(
            98 + i,
          )} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ).join('\n')}\n`,
      'in.yaml#1: (YAML): ',
    ],
  ])('names the document and field for %s', (_what, yaml, message) => {
    expect(reasons(yaml).join('\n')).toContain(message);
    expect(run(yaml).slos).toEqual([]);
  });

  it('survives deep nesting without a stack trace', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(() => run(deep)).not.toThrow();
    expect(reasons(deep).length).toBe(1);
  });

  it('converts the good SLOs of a file and names the bad ones', () => {
    const result = run(
      `${sloth({ name: 'good', objective: 99, sli: events })}---\nnot: sloth\n`,
    );
    expect(result.slos.map(s => s.entity.metadata.name)).toEqual(['svc-good']);
    expect(result.skipped.map(s => s.reasons[0].field)).toEqual(['version']);
  });

  it('names a second SLO that would take an earlier one’s name', () => {
    const one = sloth({ name: 'a', objective: 99, sli: events });
    expect(reasons(`${one}---\n${one}`)).toEqual([
      'in.yaml#2/a: slos[0].name: makes metadata.name "svc-a", already used by in.yaml#1/a',
    ]);
  });

  // Every field of every example file replaced by values of the wrong type
  // (or removed): the importer answers with a field for each SLO it drops,
  // and what it keeps still validates.
  it('never throws on the example files with any field broken', () => {
    const fixtures = path.join(__dirname, '..', '__fixtures__');
    const files = [
      'sloth/getting-started.yml',
      'sloth/k8s-home-wifi.yml',
      'sloth/raw-home-wifi.yml',
      'sloth/openslo-kubernetes-apiserver.yml',
      'pyrra/nginx.yaml',
      'pyrra/prometheus-probe-success.yaml',
      'pyrra/pyrra-connect-latency.yaml',
    ];
    const wrongValues = [undefined, null, 42, 'x', [], {}, [{}], true];
    let variants = 0;
    for (const file of files) {
      const docs = parseAllDocuments(
        fs.readFileSync(path.join(fixtures, file), 'utf8'),
      ).map(d => d.toJS());
      for (const [index, doc] of docs.entries()) {
        for (const fieldPath of leafPaths(doc)) {
          for (const wrong of wrongValues) {
            const variant = setAt(structuredClone(doc), fieldPath, wrong);
            const result = run(stringify(variant));
            variants += 1;
            for (const skipped of result.skipped) {
              expect(skipped.reasons.length).toBeGreaterThan(0);
              for (const r of skipped.reasons) {
                expect(r.field).not.toBe('');
                expect(r.reason).not.toBe('');
              }
            }
            for (const slo of result.slos) {
              expect([
                file,
                index,
                fieldPath,
                wrong,
                validateOpsEntity(slo.entity),
              ]).toEqual([file, index, fieldPath, wrong, { valid: true }]);
            }
          }
        }
      }
    }
    expect(variants).toBeGreaterThan(500);
  });
});

function leafPaths(
  value: unknown,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  if (value && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [i, v] as const)
      : Object.entries(value);
    return [
      ...(prefix.length ? [prefix] : []),
      ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k])),
    ];
  }
  return [prefix];
}

function setAt(root: any, fieldPath: Array<string | number>, value: unknown) {
  let node = root;
  for (const key of fieldPath.slice(0, -1)) node = node[key];
  const last = fieldPath[fieldPath.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return root;
}
