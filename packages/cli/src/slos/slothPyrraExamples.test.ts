import fs from 'node:fs';
import path from 'node:path';
import { validateOpsEntity } from '@unyo/plugin-ops-common';
import { parseAllDocuments } from 'yaml';
import { importSlos } from './importSlos';
import { slosToYaml } from './toYaml';

// The example files of Sloth and Pyrra, copied unchanged (PROVENANCE.md
// beside them): every SLO they define converts, or is named with the field
// that stops it.
const fixtures = path.join(__dirname, '..', '__fixtures__');

function exampleFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(fixtures, dir), { withFileTypes: true })
    .flatMap(e => {
      if (e.isDirectory()) return exampleFiles(path.join(dir, e.name));
      return /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : [];
    })
    .sort();
}

const convert = (file: string) =>
  importSlos(fs.readFileSync(path.join(fixtures, file), 'utf8'), {
    source: path.basename(file),
  });

// What the example files hold that Unyo cannot take, as the importer names it.
const expectedNotConverted: Record<string, string[]> = {
  // Sloth SLI plugins are Go code.
  'sloth/plugin-getting-started.yml': ['slos[0].sli.plugin'],
  'sloth/plugin-k8s-getting-started.yml': ['spec.slos[0].sli.plugin'],
  // `myservice-` + the SLO's name is 64 characters, one over the catalog's limit.
  'sloth/contrib-slo-plugins.yml': ['slos[1].name'],
};

describe.each(['sloth', 'pyrra'])('the %s example files', dir => {
  const files = exampleFiles(dir);

  it('are all there', () => {
    expect(files.length).toBe(dir === 'sloth' ? 18 : 26);
  });

  it('convert, except what is named per SLO and field, into documents the catalog validates', () => {
    let converted = 0;
    let notConverted = 0;
    const failures: string[] = [];
    for (const file of files) {
      const result = convert(file);
      converted += result.slos.length;
      notConverted += result.skipped.length;
      expect(result.slos.length + result.skipped.length).toBeGreaterThan(0);
      expect(result.skipped.map(s => s.reasons[0].field)).toEqual(
        expectedNotConverted[file] ?? [],
      );
      for (const slo of result.slos) {
        const validation = validateOpsEntity(slo.entity);
        if (!validation.valid) {
          failures.push(`${file}: ${JSON.stringify(validation.errors)}`);
        }
      }
      // the YAML written reads back as the same documents
      const docs = parseAllDocuments(slosToYaml(result.slos)).map(d =>
        d.toJS(),
      );
      expect(docs).toEqual(result.slos.map(s => s.entity));
    }
    // eslint-disable-next-line no-console
    console.log(
      `${dir} examples: ${
        files.length
      } files, ${converted} SLOs converted, ${notConverted} not converted (${Object.entries(
        expectedNotConverted,
      )
        .filter(([f]) => f.startsWith(dir))
        .map(([f, fields]) => `${f}: ${fields.join(', ')}`)
        .join('; ')})`,
    );
    expect(failures).toEqual([]);
    expect(converted).toBe(dir === 'sloth' ? 24 : 27);
  });
});

describe('conversions of the example files', () => {
  const one = (file: string, index = 0) => convert(file).slos[index];

  it('keeps Sloth event queries with their {{.window}} template as written, counter: false', () => {
    const slo = one('sloth/getting-started.yml');
    expect(slo.entity.metadata).toMatchObject({
      name: 'myservice-requests-availability',
      labels: { owner: 'myteam', tier: '2' },
      annotations: {
        'unyo.dev/imported-from': 'getting-started.yml#1/requests-availability',
        'unyo.dev/assumptions': 'spec.timeWindow',
      },
    });
    expect(slo.entity.spec).toEqual({
      description:
        'Common SLO based on availability for HTTP request responses.',
      service: 'myservice',
      indicator: {
        metadata: { name: 'myservice-requests-availability-sli' },
        spec: {
          ratioMetric: {
            counter: false,
            bad: {
              metricSource: {
                type: 'Prometheus',
                spec: {
                  query:
                    'sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))',
                },
              },
            },
            total: {
              metricSource: {
                type: 'Prometheus',
                spec: {
                  query:
                    'sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))',
                },
              },
            },
          },
        },
      },
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ targetPercent: 99.9 }],
    });
    expect(slo.notConverted.map(n => n.field)).toEqual([
      'slos[0].alerting',
      'labels.repo',
    ]);
  });

  it('reads a Sloth raw SLI as an OpenSLO raw failure ratio', () => {
    const { ratioMetric } = one('sloth/raw-home-wifi.yml').entity.spec
      .indicator!.spec!;
    expect(ratioMetric!.rawType).toBe('failure');
    expect(ratioMetric!.raw!.metricSource.spec.query).toContain(
      'sum(sum_over_time(unifipoller_client_satisfaction_ratio[{{.window}}]))',
    );
  });

  it("splits an OpenSLO v1alpha SLO per objective, named as Sloth names them, with the file's window", () => {
    const { slos } = convert('sloth/openslo-kubernetes-apiserver.yml');
    expect(slos.map(s => s.entity.metadata.name)).toEqual([
      'requests-availability-openslo',
      'requests-latency-openslo-0',
      'requests-latency-openslo-1',
    ]);
    expect(slos[2].entity.spec).toMatchObject({
      service: 'k8s-apiserver',
      timeWindow: [{ duration: '30d', isRolling: true }],
      objectives: [{ target: 0.999 }],
    });
    expect(
      slos[2].entity.spec.indicator!.spec!.ratioMetric!.good!.metricSource.spec
        .query,
    ).toBe(
      'sum(rate(apiserver_request_duration_seconds_bucket{le="5",verb!="WATCH"}[{{.window}}]))',
    );
    expect(slos[2].entity.metadata.annotations).not.toHaveProperty(
      'unyo.dev/assumptions',
    );
  });

  it('reads Pyrra ratio SLOs as counter selectors (errors = bad), with the window and target', () => {
    const slo = one('pyrra/nginx.yaml');
    expect(slo.entity.metadata.labels).toEqual({
      prometheus: 'k8s',
      role: 'alert-rules',
    });
    expect(slo.entity.spec).toMatchObject({
      service: 'component:default/todo-service',
      timeWindow: [{ duration: '4w', isRolling: true }],
      objectives: [{ targetPercent: 99.9 }],
      indicator: {
        spec: {
          ratioMetric: {
            counter: true,
            bad: {
              metricSource: {
                spec: {
                  query:
                    'nginx_ingress_controller_requests{namespace="lastfm",ingress="lastfm",service="lastfm",status=~"5.."}',
                },
              },
            },
            total: {
              metricSource: {
                spec: {
                  query:
                    'nginx_ingress_controller_requests{namespace="lastfm",ingress="lastfm",service="lastfm"}',
                },
              },
            },
          },
        },
      },
    });
    expect(slo.placeholders).toEqual(['spec.service']);
    expect(slo.entity.metadata.annotations!['unyo.dev/assumptions']).toBe(
      'spec.service',
    );
  });

  it('reads Pyrra latency as good = the bucket selector, total = the count', () => {
    const { ratioMetric } = one('pyrra/caddy-response-latency.yaml').entity.spec
      .indicator!.spec!;
    expect(ratioMetric).toMatchObject({
      counter: true,
      good: {
        metricSource: {
          spec: {
            query:
              'caddy_http_response_duration_seconds_bucket{job="caddy",handler="subroute",code!~"5..",le="0.05"}',
          },
        },
      },
      total: {
        metricSource: {
          spec: {
            query:
              'caddy_http_response_duration_seconds_count{job="caddy",handler="subroute",code!~"5.."}',
          },
        },
      },
    });
  });

  it('reads Pyrra bool_gauge and latencyNative as expressions over {{.window}}, and names the grouping it drops', () => {
    const gauge = one('pyrra/prometheus-probe-success.yaml');
    expect(gauge.entity.spec.indicator!.spec!.ratioMetric).toEqual({
      counter: false,
      good: {
        metricSource: {
          type: 'Prometheus',
          spec: { query: 'sum(sum_over_time(probe_success[{{.window}}]))' },
        },
      },
      total: {
        metricSource: {
          type: 'Prometheus',
          spec: { query: 'sum(count_over_time(probe_success[{{.window}}]))' },
        },
      },
    });
    expect(gauge.notConverted).toContainEqual({
      field: 'spec.indicator.bool_gauge.grouping',
      reason: expect.stringContaining('one SLO per value of target'),
    });
    const native = one('pyrra/pyrra-connect-latency.yaml');
    expect(native.entity.spec.indicator!.spec!.ratioMetric).toEqual({
      rawType: 'success',
      raw: {
        metricSource: {
          type: 'Prometheus',
          spec: {
            query:
              'histogram_fraction(0, 0.2, sum(rate(connect_server_requests_duration_seconds{job="pyrra",code="ok"}[{{.window}}])))',
          },
        },
      },
    });
  });

  it('sets spec.service of every SLO when told which entity they measure', () => {
    const result = importSlos(
      fs.readFileSync(path.join(fixtures, 'sloth/multifile.yml'), 'utf8'),
      { source: 'multifile.yml', service: 'component:default/checkout' },
    );
    expect(result.slos.map(s => s.entity.spec.service)).toEqual([
      'component:default/checkout',
      'component:default/checkout',
    ]);
  });
});
