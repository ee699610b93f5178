/*
 * The SLO report benchmarks' world (bench/report.ts, bench/reportApp.ts):
 * N SLOs, 3 per service, over 25 owners and 10 systems, and a year of their
 * daily rollups written with the store API.
 */
import { Entity } from '@backstage/catalog-model';
import { SliEntity, SloEntity } from '@unyo/plugin-ops-common';
import { SloDailyRow, SloStore } from '../src/database/SloStore';
import { SloVersions } from '../src/slo/versions/SloVersionStore';
import { serviceName, serviceProfile } from './series';

const KINDS = ['availability', 'latency', 'errors'] as const;
const DAY = 86_400_000;
export const OWNERS = 25;
export const SYSTEMS = 10;

/** Services with 3 SLOs each, spread over 25 owners and 10 systems. */
export function reportEntities(slos: number): Entity[] {
  const services = Math.ceil(slos / 3);
  const out: Entity[] = [];
  let made = 0;
  for (let i = 0; i < services; i++) {
    const name = serviceName(i);
    const kinds = KINDS.slice(0, Math.min(3, slos - made));
    made += kinds.length;
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      spec: {
        type: 'service',
        owner: `team-${i % OWNERS}`,
        system: `sys-${i % SYSTEMS}`,
        lifecycle: 'production',
      },
      relations: [
        { type: 'ownedBy', targetRef: `group:default/team-${i % OWNERS}` },
        { type: 'partOf', targetRef: `system:default/sys-${i % SYSTEMS}` },
        ...kinds.map(kind => ({
          type: 'measuredBy',
          targetRef: `slo:default/${name}-${kind}`,
        })),
      ],
    });
    for (const kind of kinds) {
      out.push({
        apiVersion: 'openslo/v1',
        kind: 'SLO',
        metadata: { name: `${name}-${kind}`, namespace: 'default' },
        spec: {
          service: name,
          indicatorRef: `${kind}-sli`,
          timeWindow: [{ duration: '30d', isRolling: true }],
          budgetingMethod: 'Occurrences',
          objectives: [
            {
              target: { availability: 0.999, latency: 0.99, errors: 0.995 }[
                kind
              ],
            },
          ],
        },
      });
    }
  }
  return out;
}

/** Daily good/total as the generated Prometheus series would give them. */
function dailyRows(slos: number, days: string[], endMs: number): SloDailyRow[] {
  const rows: SloDailyRow[] = [];
  for (let n = 0; n < slos; n++) {
    const i = Math.floor(n / 3);
    const kind = KINDS[n % 3];
    const { rate, errorShare, slowShare } = serviceProfile(i, endMs);
    const total = rate * 86_400;
    const bad = kind === 'latency' ? total * slowShare : total * errorShare(0);
    for (const day of days) {
      rows.push({
        sloRef: `slo:default/${serviceName(i)}-${kind}`,
        day,
        good: Math.round(total - bad),
        total: Math.round(total),
      });
    }
  }
  return rows;
}

/**
 * 365 UTC days of rollups ending on `now`'s day, written in chunks with
 * `upsertDaily`; the first and last day and the row count.
 */
export async function writeYearOfRollups(
  store: Pick<SloStore, 'upsertDaily'>,
  slos: number,
  now: Date,
): Promise<{ rows: number; first: string; last: string }> {
  const days = Array.from({ length: 365 }, (_, k) =>
    new Date(now.getTime() - (364 - k) * DAY).toISOString().slice(0, 10),
  );
  const rows = dailyRows(slos, days, now.getTime());
  for (let k = 0; k < rows.length; k += 20_000) {
    await store.upsertDaily(rows.slice(k, k + 20_000));
  }
  return { rows: rows.length, first: days[0], last: days[days.length - 1] };
}

/**
 * The SLOs' versions as the evaluator records them in production: every SLO
 * first seen a year ago, and one in a hundred with its target changed
 * halfway through this month so far, whose days the report judges by
 * version. How many changed within the month (none on its first day).
 */
export async function writeVersions(
  versions: Pick<SloVersions, 'observe'>,
  slos: number,
  now: Date,
): Promise<{ versioned: number; changed: number }> {
  const entities = reportEntities(slos).filter(
    e => e.kind === 'SLO',
  ) as SloEntity[];
  const slis = new Map(
    KINDS.map(kind => [`default/${kind}-sli`, sli(kind) as SliEntity]),
  );
  await versions.observe(entities, slis, new Date(now.getTime() - 365 * DAY));
  const monthStart = Date.parse(`${now.toISOString().slice(0, 7)}-01`);
  const at = new Date(monthStart + (now.getTime() - monthStart) / 2);
  const changed = entities
    .filter((_, n) => n % 100 === 0)
    .map(e => ({
      ...e,
      spec: {
        ...e.spec,
        objectives: [{ target: e.spec.objectives[0].target! - 0.0005 }],
      },
    }));
  await versions.observe(changed, slis, at);
  // A change counts from the next day's start (sloVersionOnDay).
  const counts =
    Date.parse(at.toISOString().slice(0, 10)) + DAY <= now.getTime();
  return { versioned: entities.length, changed: counts ? changed.length : 0 };
}

/** An SLI the generated SLOs name (`indicatorRef: <kind>-sli`). */
function sli(kind: (typeof KINDS)[number]): Entity {
  const query = {
    availability: ['http_requests_total{code!~"5.."}', 'http_requests_total'],
    latency: [
      'http_request_duration_seconds_bucket{le="0.5"}',
      'http_request_duration_seconds_count',
    ],
    errors: ['http_requests_total{code!="500"}', 'http_requests_total'],
  }[kind];
  const source = (q: string) => ({
    metricSource: { type: 'Prometheus', spec: { query: q } },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLI',
    metadata: { name: `${kind}-sli` },
    spec: {
      ratioMetric: {
        counter: true,
        good: source(query[0]),
        total: source(query[1]),
      },
    },
  };
}

/**
 * What a real catalog needs to hold the entities of `reportEntities`: them
 * without the relations (the catalog makes those), their owners' Groups,
 * their Systems and the SLIs the SLOs name.
 */
export function reportCatalogEntities(slos: number): Entity[] {
  const groups = Array.from({ length: OWNERS }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: `team-${i}` },
    spec: { type: 'team', children: [] },
  }));
  const systems = Array.from({ length: SYSTEMS }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: `sys-${i}` },
    spec: { owner: `team-${i % OWNERS}` },
  }));
  const generated = reportEntities(slos).map(({ relations, ...e }) => e);
  return [...groups, ...systems, ...KINDS.map(sli), ...generated];
}
