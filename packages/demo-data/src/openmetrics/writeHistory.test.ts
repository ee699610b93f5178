import { Writable } from 'node:stream';
import { ANCHOR_MS, fixtureModel } from '../__testUtils__/fixtures';
import { createModel } from '../model/model';
import { HOUR_MS, MINUTE_MS } from '../model/time';
import { historySchedule } from './schedule';
import { writeHistory } from './writeHistory';

async function render(model = fixtureModel('metrics.yaml', { days: 1 })) {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const times = historySchedule({
    startMs: model.options.originMs,
    endMs: ANCHOR_MS,
    stepMs: 5 * MINUTE_MS,
    finer: [{ windowMs: HOUR_MS, stepMs: 15_000 }],
  });
  const stats = await writeHistory(model, times, sink);
  return { text: chunks.join(''), stats, times };
}

const SAMPLE = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+) (\d+(?:\.\d+)?)$/;

describe('writeHistory', () => {
  it('writes OpenMetrics: typed families, timestamped samples, # EOF', async () => {
    const { text } = await render();
    const lines = text.split('\n');
    expect(lines[0]).toBe('# TYPE http_requests counter');
    expect(lines[1]).toMatch(/^# HELP http_requests /);
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram\n');
    expect(text).toContain('# TYPE up gauge\n');
    expect(text).toContain('# TYPE commands_dispatched counter\n');
    const samples = lines.slice(0, -2).filter(l => !l.startsWith('#'));
    expect(samples.length).toBeGreaterThan(1000);
    expect(samples.filter(l => !SAMPLE.test(l))).toEqual([]);
  });

  it('keeps families together and each series in time order', async () => {
    const { text } = await render();
    const families: string[] = [];
    const outOfFamily: string[] = [];
    const outOfOrder: string[] = [];
    const lastTime = new Map<string, number>();
    for (const line of text.split('\n')) {
      const type = /^# TYPE (\S+)/.exec(line);
      const m = SAMPLE.exec(line);
      if (type) families.push(type[1]);
      if (!m) continue;
      if (!m[1].startsWith(families[families.length - 1]))
        outOfFamily.push(line);
      const key = m[1] + (m[2] ?? '');
      if (Number(m[4]) <= (lastTime.get(key) ?? 0)) outOfOrder.push(line);
      lastTime.set(key, Number(m[4]));
    }
    expect(new Set(families).size).toBe(families.length);
    expect(outOfFamily).toEqual([]);
    expect(outOfOrder).toEqual([]);
    expect(lastTime.size).toBeGreaterThan(50);
  });

  it('writes each histogram point as ascending buckets, +Inf, _count, _sum', async () => {
    const { text } = await render();
    const at = (ANCHOR_MS / 1000).toString();
    const point = text
      .split('\n')
      .filter(
        l =>
          l.startsWith('http_request_duration_seconds') &&
          l.includes('service="identity-service"') &&
          l.endsWith(` ${at}`),
      );
    expect(
      point.map(l => /le="([^"]+)"/.exec(l)?.[1] ?? l.split('{')[0]),
    ).toEqual([
      '0.05',
      '0.1',
      '0.2',
      '0.25',
      '0.5',
      '1',
      '2',
      '3',
      '5',
      '10',
      '+Inf',
      'http_request_duration_seconds_count',
      'http_request_duration_seconds_sum',
    ]);
    const value = (l: string) => Number(l.split(' ')[1]);
    expect(value(point[10])).toBe(value(point[11]));
  });

  it('counts the series and samples it wrote', async () => {
    const { text, stats } = await render();
    const samples = text.split('\n').filter(l => SAMPLE.test(l));
    expect(stats.samples).toBe(samples.length);
    const keys = new Set(samples.map(l => l.slice(0, l.lastIndexOf('}') + 1)));
    expect(stats.series).toBe(keys.size);
  });

  it('declares counters not named *_total as unknown and escapes labels', async () => {
    const model = createModel(
      {
        services: [
          {
            service: 'q"uote',
            system: 'back\\slash',
            families: [],
            requestsPerSecond: 1,
            errorRatio: 0,
            latencySeconds: { p50: 0.1, p99: 1 },
            extra: [
              {
                name: 'jobs_done',
                type: 'counter',
                help: 'Jobs\ndone',
                labels: {},
                value: 2,
                jitter: 0,
              },
            ],
            incidents: [],
          },
        ],
      },
      { anchorMs: ANCHOR_MS, originMs: ANCHOR_MS - HOUR_MS, seed: 1 },
    );
    const { text } = await render(model);
    expect(text).toContain(
      '# TYPE jobs_done unknown\n# HELP jobs_done Jobs\\ndone\n',
    );
    expect(text).toContain(
      `jobs_done{service="q\\"uote",system="back\\\\slash"} 7200 ${
        ANCHOR_MS / 1000
      }\n`,
    );
  });
});
