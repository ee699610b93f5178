import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';

// Values of the example catalog that a manual does not state must be marked
// on their entity (`unyo.dev/assumptions`, docs/catalog-model.md) and listed
// in docs/examples.md. Each rule below reads the system's own manual
// (examples/manuals/README.md maps folders to manuals) to decide whether a
// value is stated; a value it does not find must be marked.
const repo = path.resolve(__dirname, '../../..');
const examples = path.join(repo, 'examples');
const docs = fs.readFileSync(path.join(repo, 'docs/examples.md'), 'utf8');

/** Example folder -> manual text, from the README's table. */
const manuals: Record<string, string> = Object.fromEntries(
  [
    ...fs
      .readFileSync(path.join(examples, 'manuals/README.md'), 'utf8')
      .matchAll(
        /^\| (\d{3}_[0-9a-f]+\.txt) \|[^|]+\| `examples\/([^/]+)\/` +\|$/gm,
      ),
  ].map(([, file, folder]) => [
    folder,
    fs.readFileSync(path.join(examples, 'manuals', file), 'utf8'),
  ]),
);

type Doc = { folder: string; entity: any };
const entities: Doc[] = Object.keys(manuals).flatMap(folder =>
  fs
    .readdirSync(path.join(examples, folder))
    .filter(f => f.endsWith('.yaml'))
    .flatMap(f =>
      parseAllDocuments(fs.readFileSync(path.join(examples, folder, f), 'utf8'))
        .map(d => d.toJSON())
        .filter(Boolean)
        .map(entity => ({ folder, entity })),
    ),
);

const assumed = (entity: any): string[] =>
  (entity.metadata.annotations?.['unyo.dev/assumptions'] ?? '')
    .split(',')
    .map((f: string) => f.trim())
    .filter(Boolean);

/** `spec.targets[1].schedule` -> ['spec', 'targets', 1, 'schedule']. */
const steps = (p: string) =>
  p
    .split(/\.|\[(\d+)\]/)
    .filter(Boolean)
    .map(s => (/^\d+$/.test(s) ? Number(s) : s));

const of = (kind: string) => entities.filter(d => d.entity.kind === kind);
const UNIT: Record<string, number> = {
  s: 1 / 60,
  m: 1,
  h: 60,
  d: 1440,
  w: 10080,
};
const minutes = (d: string) => Number(d.slice(0, -1)) * UNIT[d.slice(-1)];

describe('assumed values of the example catalog', () => {
  it('maps all five example systems to their manuals', () => {
    expect(Object.keys(manuals).sort()).toEqual([
      'azure-saas',
      'elixir-cqrs',
      'mairust',
      'rainbow-seeker',
      'scalar-auditor',
    ]);
  });

  it('marks every RPO its manual does not state', () => {
    for (const { folder, entity } of of('BackupPolicy')) {
      const stated = [
        ...manuals[folder].matchAll(/RPO[^\n]*?(\d+)\s*(分|時間)/g),
      ].map(([, n, u]) => Number(n) * (u === '分' ? 1 : 60));
      if (!stated.includes(minutes(entity.spec.rpo)))
        expect({ [entity.metadata.name]: assumed(entity) }).toEqual({
          [entity.metadata.name]: expect.arrayContaining(['spec.rpo']),
        });
    }
  });

  it('marks every backup time of day its manual does not state', () => {
    for (const { folder, entity } of of('BackupPolicy')) {
      entity.spec.targets.forEach((t: any, i: number) => {
        const [minute, hour] = (t.schedule?.cron ?? '').split(' ');
        if (!/^\d+$/.test(hour ?? '')) return;
        const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
        if (!manuals[folder].includes(time))
          expect({ [entity.metadata.name]: assumed(entity) }).toEqual({
            [entity.metadata.name]: expect.arrayContaining([
              `spec.targets[${i}].schedule`,
            ]),
          });
      });
    }
  });

  it('marks every SLO target its manual does not state and every rolling window', () => {
    const slos = of('SLO');
    expect(slos.length).toBeGreaterThan(20);
    for (const { folder, entity } of slos) {
      const name = entity.metadata.name;
      // the manuals state monthly budgets (月間), never a rolling window
      if (entity.spec.timeWindow.some((w: any) => w.isRolling))
        expect({ [name]: assumed(entity) }).toEqual({
          [name]: expect.arrayContaining(['spec.timeWindow']),
        });
      const target = entity.spec.objectives[0].target;
      const percent = String(Math.round(target * 10000) / 100);
      const quantile = `p${Math.round(target * 100)}`;
      const text = manuals[folder];
      const stated =
        new RegExp(`(?<![\\d.])${percent.replace('.', '\\.')}\\s*%`).test(
          text,
        ) || text.toLowerCase().includes(quantile);
      if (!stated)
        expect({ [name]: assumed(entity) }).toEqual({
          [name]: expect.arrayContaining(['spec.objectives[0].target']),
        });
    }
  });

  it('names only fields the entity has, and docs/examples.md lists each marked entity', () => {
    const marked = entities.filter(d => assumed(d.entity).length > 0);
    expect(marked.length).toBeGreaterThan(25);
    for (const { entity } of marked) {
      for (const field of assumed(entity)) {
        const path_ = steps(field);
        // the field's parent exists (the field itself may be left unset,
        // e.g. a retention the schema cannot express)
        let node = entity;
        for (const step of path_.slice(0, -1)) {
          expect({ field, present: node?.[step] !== undefined }).toEqual({
            field,
            present: true,
          });
          node = node[step];
        }
      }
      expect({
        name: entity.metadata.name,
        listed: docs.includes(entity.metadata.name),
      }).toEqual({
        name: entity.metadata.name,
        listed: true,
      });
    }
  });
});
