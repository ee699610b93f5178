import { Entity } from '@backstage/catalog-model';
import { SloReportItem, SloReportSummary } from '@unyo/plugin-ops-common';
import { SloReportQuery } from '../api';

/*
 * The SLO report's test data: 2,000 rows, a summary, the backend's filter,
 * sort and paging in a few lines, and the layout jsdom lacks.
 */

export const OWNERS = ['team-a', 'team-b', 'team-c', 'team-d'];

// jsdom lays nothing out: give the table's scrolling window 600 px and each
// row its estimated height, as a browser would.
const sizes = ['clientHeight', 'clientWidth', 'offsetHeight'] as const;
const real = sizes.map(key =>
  Object.getOwnPropertyDescriptor(HTMLElement.prototype, key),
);
/** Gives the table a 600 px window and rows their estimated height. */
export function layOutReportTable() {
  beforeAll(() => {
    for (const key of ['clientHeight', 'offsetHeight']) {
      Object.defineProperty(HTMLElement.prototype, key, {
        configurable: true,
        get(this: HTMLElement) {
          return this.classList.contains('slo-report-scroll') ? 600 : 44;
        },
      });
    }
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
      configurable: true,
      get: () => 1000,
    });
  });
  afterAll(() => {
    sizes.forEach((key, i) => {
      // clientHeight lives on Element.prototype: drop the override.
      if (real[i]) Object.defineProperty(HTMLElement.prototype, key, real[i]!);
      else delete (HTMLElement.prototype as any)[key];
    });
  });
}

/** 2,000 SLOs: owner by index, attainment falling with the index. */
export const items: SloReportItem[] = Array.from({ length: 2000 }, (_, i) => {
  const name = `svc-${String(i).padStart(4, '0')}`;
  const ratio = 1 - (i % 97) / 10_000;
  return {
    ref: `slo:default/${name}-availability`,
    entityRef: `component:default/${name}`,
    title: `${name} availability`,
    owner: `group:default/${OWNERS[i % 4]}`,
    system: `system:default/sys-${i % 5}`,
    target: 0.999,
    window: { duration: '1M', calendar: true },
    budgetingMethod: 'Occurrences',
    state: 'ok',
    sli: { good: ratio * 1e6, total: 1e6, ratio },
    errorBudget: {
      total: 1000,
      consumed: (1 - ratio) * 1e6,
      consumedRatio: (1 - ratio) * 1000,
      remainingRatio: 1 - (1 - ratio) * 1000,
    },
    policy: 'normal',
    evaluatedAt: '2026-11-23T00:00:00.000Z',
    monthly: [
      { month: '2026-10', attainment: 0.9995 },
      { month: '2026-11', attainment: ratio },
    ],
  };
});

export const summary: SloReportSummary = {
  month: '2026-11',
  totalSlos: 2000,
  byPolicy: {
    normal: 1990,
    'feature-freeze': 6,
    'incident-only': 0,
    frozen: 4,
    none: 0,
  },
  services: { total: 2000, meetingAll: 1950 },
  mttr: { minutes: 42, resolved: 3, windowDays: 30 },
  backupCoverage: null,
};

/** The backend's contract in a few lines: filter, sort, page. */
export function fakeReport(query: SloReportQuery) {
  const rows = items
    .filter(i => !query.owner || i.owner === query.owner)
    .filter(i => !query.q || i.title!.includes(query.q))
    .sort((a, b) =>
      query.sort === 'attainment'
        ? a.sli!.ratio - b.sli!.ratio || a.ref.localeCompare(b.ref)
        : a.ref.localeCompare(b.ref),
    );
  const offset = query.offset ?? 0;
  return Promise.resolve({
    items: rows.slice(offset, offset + (query.limit ?? rows.length)),
    totalCount: rows.length,
  });
}

export const groups: Entity[] = OWNERS.map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
}));
