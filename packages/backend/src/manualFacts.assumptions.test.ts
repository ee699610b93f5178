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

  /** `name: field` of each value the manual does not state and no annotation marks. */
  function unmarked(
    kind: string,
    notStated: (folder: string, entity: any) => string[],
  ): string[] {
    return of(kind).flatMap(({ folder, entity }) =>
      notStated(folder, entity)
        .filter(field => !assumed(entity).includes(field))
        .map(field => `${entity.metadata.name}: ${field}`),
    );
  }

  it('marks every RPO its manual does not state', () => {
    expect(of('BackupPolicy').length).toBeGreaterThan(10);
    expect(
      unmarked('BackupPolicy', (folder, entity) => {
        const stated = [
          ...manuals[folder].matchAll(/RPO[^\n]*?(\d+)\s*(分|時間)/g),
        ].map(([, n, u]) => Number(n) * (u === '分' ? 1 : 60));
        return stated.includes(minutes(entity.spec.rpo)) ? [] : ['spec.rpo'];
      }),
    ).toEqual([]);
  });

  it('marks every backup time of day its manual does not state', () => {
    expect(
      unmarked('BackupPolicy', (folder, entity) =>
        entity.spec.targets.flatMap((t: any, i: number) => {
          const [minute, hour] = (t.schedule?.cron ?? '').split(' ');
          if (!/^\d+$/.test(hour ?? '')) return [];
          const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
          return manuals[folder].includes(time)
            ? []
            : [`spec.targets[${i}].schedule`];
        }),
      ),
    ).toEqual([]);
  });

  it('marks every SLO target its manual does not state and every rolling window', () => {
    expect(of('SLO').length).toBeGreaterThan(20);
    expect(
      unmarked('SLO', (folder, entity) => {
        const text = manuals[folder];
        const target = entity.spec.objectives[0].target;
        const percent = String(Math.round(target * 10000) / 100);
        const stated =
          new RegExp(`(?<![\\d.])${percent.replace('.', '\\.')}\\s*%`).test(
            text,
          ) || text.toLowerCase().includes(`p${Math.round(target * 100)}`);
        return [
          // the manuals state monthly budgets (月間), never a rolling window
          ...(entity.spec.timeWindow.some((w: any) => w.isRolling)
            ? ['spec.timeWindow']
            : []),
          ...(stated ? [] : ['spec.objectives[0].target']),
        ];
      }),
    ).toEqual([]);
  });

  it('marks every link whose host its manual does not name', () => {
    const linked = entities.filter(d => d.entity.metadata.links?.length);
    expect(linked.length).toBeGreaterThan(5);
    const unmarkedLinks = linked.flatMap(({ folder, entity }) =>
      entity.metadata.links
        .map((l: any, i: number) => ({ host: new URL(l.url).hostname, i }))
        .filter(({ host }: any) => !manuals[folder].includes(host))
        .map(({ i }: any) => `metadata.links[${i}].url`)
        .filter((f: string) => !assumed(entity).includes(f))
        .map((f: string) => `${entity.metadata.name}: ${f}`),
    );
    expect(unmarkedLinks).toEqual([]);
  });

  it('names only fields the entity has, and docs/examples.md lists each marked entity', () => {
    const marked = entities.filter(d => assumed(d.entity).length > 0);
    expect(marked.length).toBeGreaterThan(25);
    // each field is set on the entity, except a retention left unset
    // because the manual's (indefinite) cannot be written as a duration
    const dangling = marked.flatMap(({ entity }) =>
      assumed(entity).filter(field => {
        const path_ = steps(field);
        const value = path_.reduce((node: any, step) => node?.[step], entity);
        return value === undefined && path_[path_.length - 1] !== 'retention';
      }),
    );
    expect(dangling).toEqual([]);
    expect(
      marked
        .map(d => d.entity.metadata.name)
        .filter(name => !docs.includes(`\`${name}\``)),
    ).toEqual([]);
  });
});
