import { mockServices } from '@backstage/backend-test-utils';
import { SloStatus } from '@unyo/plugin-ops-common';
import { DatabaseSloStore } from './DatabaseSloStore';
import { createTestDatabases } from '@internal/ops-test-utils';

const databases = createTestDatabases();

function status(overrides: Partial<SloStatus> = {}): SloStatus {
  return {
    ref: 'slo:default/identity-availability',
    entityRef: 'component:default/identity-service',
    target: 0.999,
    window: { duration: '30d', calendar: false },
    budgetingMethod: 'Occurrences',
    state: 'ok',
    sli: { good: 999_300, total: 1_000_000, ratio: 0.9993 },
    errorBudget: {
      total: 1000,
      consumed: 700,
      consumedRatio: 0.7,
      remainingRatio: 0.3,
    },
    policy: 'feature-freeze',
    evaluatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())('DatabaseSloStore on %s', id => {
  async function createStore() {
    const knex = await databases.init(id);
    return DatabaseSloStore.create({
      database: mockServices.database({ knex }),
    });
  }

  it('keeps the last good evaluation when a later one fails', async () => {
    const store = await createStore();
    await store.saveStatus(status());
    await store.saveStatus(
      status({
        state: 'error',
        message: 'Prometheus default: connection refused',
        sli: undefined,
        errorBudget: undefined,
        evaluatedAt: '2026-11-20T10:05:00.000Z',
      }),
    );

    const stored = (await store.getStatuses([
      'slo:default/identity-availability',
      'slo:default/unknown',
    ]))!;

    expect([...stored.keys()]).toEqual(['slo:default/identity-availability']);
    const one = stored.get('slo:default/identity-availability')!;
    expect(one.status.state).toBe('error');
    expect(one.status.message).toBe('Prometheus default: connection refused');
    expect(one.lastGood?.errorBudget?.remainingRatio).toBe(0.3);
    expect(one.lastGood?.evaluatedAt).toBe('2026-11-20T10:00:00.000Z');

    // Recovery replaces both.
    await store.saveStatus(status({ evaluatedAt: '2026-11-20T10:06:00.000Z' }));
    const again = (
      await store.getStatuses(['slo:default/identity-availability'])
    ).get('slo:default/identity-availability')!;
    expect(again.status.state).toBe('ok');
    expect(again.lastGood?.evaluatedAt).toBe('2026-11-20T10:06:00.000Z');
  });

  it('saves a round of 450 statuses in chunks, keeping each last good one', async () => {
    const store = await createStore();
    const refs = Array.from({ length: 450 }, (_, i) => `slo:default/s-${i}`);
    await store.saveStatuses(refs.map(ref => status({ ref })));
    // Next round: every third one fails; one ref twice, the later wins.
    await store.saveStatuses([
      ...refs.map((ref, i) =>
        i % 3 === 0
          ? status({
              ref,
              state: 'error',
              message: `failed ${i}`,
              evaluatedAt: '2026-11-20T10:01:00.000Z',
            })
          : status({ ref, evaluatedAt: '2026-11-20T10:01:00.000Z' }),
      ),
      status({
        ref: refs[1],
        policy: 'normal',
        evaluatedAt: '2026-11-20T10:01:00.000Z',
      }),
    ]);

    const stored = await store.getStatuses(refs);
    expect(stored.size).toBe(450);
    const failed = stored.get(refs[300])!;
    expect(failed.status.message).toBe('failed 300');
    expect(failed.lastGood?.evaluatedAt).toBe('2026-11-20T10:00:00.000Z');
    const ok = stored.get(refs[299])!;
    expect(ok.status.state).toBe('ok');
    expect(ok.lastGood?.evaluatedAt).toBe('2026-11-20T10:01:00.000Z');
    expect(stored.get(refs[1])!.status.policy).toBe('normal');
  });

  it('adds a round of burn-down points, one per SLO and slot', async () => {
    const store = await createStore();
    const refs = Array.from({ length: 250 }, (_, i) => `slo:default/h-${i}`);
    await store.addHistoryPoints(
      [
        ...refs.map(sloRef => ({
          sloRef,
          point: {
            t: '2026-11-20T10:01:00.000Z',
            remainingRatio: 0.5,
            sliRatio: 0.999,
          },
        })),
        {
          sloRef: refs[7],
          point: {
            t: '2026-11-20T10:09:00.000Z',
            remainingRatio: 0.25,
            sliRatio: 0.998,
          },
        },
      ],
      600,
    );
    const from = new Date('2026-11-20T00:00:00Z');
    const to = new Date('2026-11-21T00:00:00Z');
    expect(await store.getHistory(refs[7], from, to)).toEqual([
      { t: '2026-11-20T10:00:00.000Z', remainingRatio: 0.25, sliRatio: 0.998 },
    ]);
    expect(await store.getHistory(refs[249], from, to)).toEqual([
      { t: '2026-11-20T10:00:00.000Z', remainingRatio: 0.5, sliRatio: 0.999 },
    ]);
    // Several SLOs in one call, in more than one chunk; unknown refs absent.
    const unknown = Array.from({ length: 800 }, (_, i) => `slo:default/u-${i}`);
    const all = await store.getHistories([...unknown, ...refs], from, to);
    expect([...all.keys()].sort()).toEqual([...refs].sort());
    expect(all.get(refs[7])).toEqual([
      { t: '2026-11-20T10:00:00.000Z', remainingRatio: 0.25, sliRatio: 0.998 },
    ]);
    expect(all.get(refs[0])).toEqual(await store.getHistory(refs[0], from, to));
    // Bounds are inclusive and apply to every SLO.
    const later = await store.getHistories(
      refs,
      new Date('2026-11-20T10:00:00.001Z'),
      to,
    );
    expect(later.size).toBe(0);
  });

  it('summarizes stored days per SLO: rows in range, window sums and head day', async () => {
    const store = await createStore();
    await store.upsertDaily([
      { sloRef: 'slo:default/a', day: '2026-10-30', good: 1, total: 1 },
      { sloRef: 'slo:default/a', day: '2026-10-31', good: 90, total: 100 },
      { sloRef: 'slo:default/a', day: '2026-11-01', good: 99.5, total: 100 },
      { sloRef: 'slo:default/a', day: '2026-11-02', good: 19, total: 20 },
      { sloRef: 'slo:default/b', day: '2026-11-01', good: 1, total: 2 },
      { sloRef: 'slo:default/c', day: '2026-12-01', good: 1, total: 2 },
    ]);

    const summaries = await store.summarizeDaily(
      ['slo:default/a', 'slo:default/b', 'slo:default/c'],
      {
        fromDay: '2026-10-31',
        toDay: '2026-11-02',
        sumFrom: '2026-11-01',
        sumTo: '2026-11-02',
        headDay: '2026-10-31',
      },
    );

    expect(summaries.get('slo:default/a')).toEqual({
      rows: 3,
      days: { good: 118.5, total: 120 },
      head: { good: 90, total: 100 },
    });
    expect(summaries.get('slo:default/b')).toEqual({
      rows: 1,
      days: { good: 1, total: 2 },
    });
    expect(summaries.has('slo:default/c')).toBe(false);
  });

  it('upserts daily rollups and reads a range of days', async () => {
    const store = await createStore();
    const ref = 'slo:default/a';
    await store.upsertDaily([
      { sloRef: ref, day: '2026-10-31', good: 90, total: 100 },
      { sloRef: ref, day: '2026-11-01', good: 99.5, total: 100 },
      { sloRef: ref, day: '2026-11-02', good: 10, total: 10 },
      { sloRef: 'slo:default/b', day: '2026-11-01', good: 1, total: 2 },
    ]);
    await store.upsertDaily([
      { sloRef: ref, day: '2026-11-02', good: 19, total: 20, excludedTotal: 5 },
    ]);

    const rows = await store.getDaily([ref], '2026-11-01', '2026-11-30');

    expect(rows).toEqual([
      {
        sloRef: ref,
        day: '2026-11-01',
        good: 99.5,
        total: 100,
        excludedGood: 0,
        excludedTotal: 0,
      },
      {
        sloRef: ref,
        day: '2026-11-02',
        good: 19,
        total: 20,
        excludedGood: 0,
        excludedTotal: 5,
      },
    ]);
  });

  it('keeps one burn-down point per slot and prunes old ones', async () => {
    const store = await createStore();
    const ref = 'slo:default/a';
    await store.addHistoryPoint(
      ref,
      { t: '2026-11-20T10:01:00.000Z', remainingRatio: 0.5, sliRatio: 0.9995 },
      900,
    );
    await store.addHistoryPoint(
      ref,
      { t: '2026-11-20T10:14:00.000Z', remainingRatio: 0.4, sliRatio: 0.9994 },
      900,
    );
    await store.addHistoryPoint(
      ref,
      { t: '2026-11-20T10:16:00.000Z', remainingRatio: null, sliRatio: null },
      900,
    );

    const history = await store.getHistory(
      ref,
      new Date('2026-11-20T00:00:00Z'),
      new Date('2026-11-21T00:00:00Z'),
    );
    expect(history).toEqual([
      { t: '2026-11-20T10:00:00.000Z', remainingRatio: 0.4, sliRatio: 0.9994 },
      { t: '2026-11-20T10:15:00.000Z', remainingRatio: null, sliRatio: null },
    ]);

    await store.prune(new Date('2026-11-20T10:10:00Z'));
    const pruned = await store.getHistory(
      ref,
      new Date('2026-11-20T00:00:00Z'),
      new Date('2026-11-21T00:00:00Z'),
    );
    expect(pruned.map(p => p.t)).toEqual(['2026-11-20T10:15:00.000Z']);
  });
});
