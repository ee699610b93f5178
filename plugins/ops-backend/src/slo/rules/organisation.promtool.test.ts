import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases } from '@internal/ops-test-utils';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { parse } from 'yaml';
import { opsPlugin } from '../../plugin';

// The Debian package's promtool; a missing one fails the suite, never skips it.
const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';
const databases = createTestDatabases();

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'unyo.dev/alert-selector': `service="${name}"` },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/a' },
});

const slo = (name: string, annotations: Record<string, string> = {}) => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: `${name}-availability`, namespace: 'default', annotations },
  spec: {
    service: name,
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.99 }],
    indicator: {
      metadata: { name: `${name}-requests` },
      spec: {
        ratioMetric: {
          counter: true,
          bad: {
            metricSource: {
              type: 'Prometheus',
              spec: { query: `http_errors_total{service="${name}"}` },
            },
          },
          total: {
            metricSource: {
              type: 'Prometheus',
              spec: { query: `http_requests_total{service="${name}"}` },
            },
          },
        },
      },
    },
  },
});

const entities: Entity[] = [
  component('checkout'),
  component('search'),
  // Follows the configuration only.
  slo('search'),
  // Its own routing, severity names and annotations, and one bad entry.
  slo('checkout', {
    'unyo.dev/rule-labels': 'team=payments, route=pagerduty, service=other',
    'unyo.dev/rule-severities': 'page=P1, ticket=P3',
    'unyo.dev/rule-annotations':
      'dashboard=https://grafana.example.com/d/checkout?from=now-6h, to=now\nplaybook={{ $labels.slo }}',
  }),
];

type Rule = {
  alert?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
};

describe.each(databases.eachSupportedId())(
  'generated rules follow the organisation, on %s',
  id => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unyo-org-rules-'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('carries the configured severity names, labels, annotations and the SLO link, per SLO over config, and promtool passes', async () => {
      const backend = await startTestBackend({
        features: [
          opsPlugin,
          mockServices.database.factory({ knex: await databases.init(id) }),
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'https://portal.example.com/' },
              ops: {
                slo: {
                  rules: {
                    severityLabel: 'priority',
                    severities: { page: 'critical', ticket: 'warning' },
                    labels: { team: 'sre', receiver: 'oncall' },
                    annotations: {
                      escalation: 'Page the SRE lead after 30 minutes',
                      value: '{{ $value | humanizePercentage }}',
                    },
                  },
                },
              },
            },
          }),
        ],
      });
      const res = await request(backend.server).get('/api/ops/slos/rules');
      await backend.stop();
      expect(res.status).toBe(200);
      const groups: Array<{ name: string; rules: Rule[] }> = parse(
        res.text,
      ).groups;
      const alertsOf = (ref: string) =>
        groups.find(g => g.name === ref)!.rules.filter(r => r.alert);

      const search = alertsOf('slo:default/search-availability');
      expect(search).toHaveLength(4);
      expect(search.map(a => a.labels!.priority)).toEqual([
        'critical',
        'critical',
        'warning',
        'warning',
      ]);
      for (const alert of search) {
        expect(alert.labels).toMatchObject({
          team: 'sre',
          receiver: 'oncall',
          service: 'search',
          slo: 'search-availability',
        });
        expect(alert.annotations).toMatchObject({
          escalation: 'Page the SRE lead after 30 minutes',
          value: '{{ $value | humanizePercentage }}',
          slo_url:
            'https://portal.example.com/catalog/default/slo/search-availability',
        });
      }

      const checkout = alertsOf('slo:default/checkout-availability');
      expect(checkout.map(a => a.labels!.priority)).toEqual([
        'P1',
        'P1',
        'P3',
        'P3',
      ]);
      for (const alert of checkout) {
        expect(alert.labels).toMatchObject({
          team: 'payments',
          route: 'pagerduty',
          receiver: 'oncall',
          // The selector's label is kept: the alerts card finds the alert by it.
          service: 'checkout',
        });
        expect(alert.annotations).toMatchObject({
          dashboard:
            'https://grafana.example.com/d/checkout?from=now-6h, to=now',
          // Catalog text is never run as a template.
          playbook: '{{ "{{" }} $labels.slo {{ "}}" }}',
          escalation: 'Page the SRE lead after 30 minutes',
          slo_url:
            'https://portal.example.com/catalog/default/slo/checkout-availability',
        });
      }
      expect(res.text).toContain(
        'label "service" is written by the generator and cannot be set',
      );

      const file = path.join(dir, `${id}.rules.yml`);
      fs.writeFileSync(file, res.text);
      const { stdout } = await promisify(execFile)(PROMTOOL, [
        'check',
        'rules',
        file,
      ]);
      expect(stdout).toContain('SUCCESS: 22 rules found');
    });
  },
);
