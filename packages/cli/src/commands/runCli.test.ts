import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateOpsEntity } from '@unyo/plugin-ops-common';
import { draftProblems } from './importRunbooksCommand';
import { runCli } from './runCli';
import { importRunbooks } from '../runbooks/importRunbooks';

const manual = [
  '# 運用マニュアル',
  '## リストア手順',
  '```bash',
  '# 1. サービスの停止',
  'systemctl stop mairust',
  '',
  '# 2. DB リストア',
  'pg_restore -d mairust /backup/db.dump',
  '```',
  '## 診断コマンド',
  '```bash',
  'mairust status',
  '```',
].join('\n');

describe('unyo import-runbooks', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const run = (...argv: string[]) =>
    runCli(argv, {
      stdout: t => out.push(t),
      stderr: t => err.push(t),
      cwd: dir,
    });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unyo-cli-'));
    fs.writeFileSync(path.join(dir, 'manual.md'), manual);
    out = [];
    err = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes valid multi-document YAML to stdout, paths relative to cwd', async () => {
    await expect(
      run(
        'import-runbooks',
        'manual.md',
        '--prefix',
        'mairust',
        '--owner',
        'group:default/mairust-team',
        '--applies-to',
        'component:default/mairust-core,resource:default/mairust-db',
      ),
    ).resolves.toBe(0);
    const docs = parseAllDocuments(out.join('')).map(d => d.toJSON());
    expect(docs.map(d => d.metadata.name)).toEqual([
      'mairust-01',
      'mairust-02',
    ]);
    expect(docs.map(d => validateOpsEntity(d))).toEqual([
      { valid: true },
      { valid: true },
    ]);
    expect(docs[0].spec).toMatchObject({
      owner: 'group:default/mairust-team',
      appliesTo: [
        'component:default/mairust-core',
        'resource:default/mairust-db',
      ],
      steps: [
        {
          title: 'サービスの停止',
          run: 'systemctl stop mairust',
          language: 'bash',
        },
        {
          title: 'DB リストア',
          run: 'pg_restore -d mairust /backup/db.dump',
          language: 'bash',
        },
      ],
    });
    expect(out.join('')).toContain(
      '# TODO review: draft imported from manual.md#リストア手順',
    );
    expect(out.join('')).not.toContain('placeholder');
    expect(err.join('')).toContain(
      'Imported 2 runbook drafts (3 steps) from manual.md',
    );
  });

  it('marks placeholders with TODO comments and writes --out', async () => {
    await expect(
      run('import-runbooks', 'manual.md', '--out', 'drafts.yaml'),
    ).resolves.toBe(0);
    expect(out).toEqual([]);
    const yaml = fs.readFileSync(path.join(dir, 'drafts.yaml'), 'utf8');
    expect(yaml).toContain(
      '  # TODO review: placeholder, set it (or pass --owner)\n  owner: group:default/todo-owner',
    );
    expect(yaml).toContain(
      '(or pass --applies-to)\n  appliesTo:\n    - component:default/todo-component',
    );
    // the prefix comes from the file name
    expect(parseAllDocuments(yaml).map(d => d.toJSON().metadata.name)).toEqual([
      'manual-01',
      'manual-02',
    ]);
  });

  it('prints help with exit code 0', async () => {
    await expect(run('import-runbooks', '--help')).resolves.toBe(0);
    expect(out.join('')).toContain('Usage: unyo import-runbooks <manual.md>');
    await expect(run('--help')).resolves.toBe(0);
  });

  it.each([
    [['import-runbooks', 'missing.md'], 'cannot read missing.md: no such file'],
    [['import-runbooks'], 'missing the manual file to import'],
    [['import-runbooks', 'a.md', 'b.md'], 'expected one manual file, got 2'],
    [
      ['import-runbooks', 'manual.md', '--level', '7'],
      '--level "7" must be a heading level from 1 to 6',
    ],
    [
      ['import-runbooks', 'manual.md', '--prefix', 'Bad_Prefix'],
      '--prefix "Bad_Prefix" must be',
    ],
    [
      ['import-runbooks', 'manual.md', '--owner', 'group:default/'],
      '--owner "group:default/" is not an entity reference',
    ],
    [
      ['import-runbooks', 'manual.md', '--applies-to', 'a b'],
      '--applies-to "a b" is not an entity reference',
    ],
    [['import-runbooks', 'manual.md', '--bogus'], "Unknown option '--bogus'"],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [[], 'missing a command'],
  ])('exits 2 on %j', async (argv, message) => {
    await expect(run(...argv)).resolves.toBe(2);
    expect(err.join('')).toContain(message);
    expect(out).toEqual([]);
  });

  it('exits 1 when the manual has no procedure', async () => {
    fs.writeFileSync(path.join(dir, 'empty.md'), '# Title\n\nJust prose.\n');
    await expect(run('import-runbooks', 'empty.md')).resolves.toBe(1);
    expect(err.join('')).toContain('empty.md has no section with a procedure');
  });
});

describe('draftProblems', () => {
  it('names the runbook and the field of every problem', () => {
    const [a, b] = importRunbooks(manual, { source: 'm.md', prefix: 'm' });
    b.entity.metadata.name = a.entity.metadata.name;
    (b.entity.spec as any).severity = 'urgent';
    a.entity.metadata.name = `${'x'.repeat(64)}`;
    const problems = draftProblems([a, b]);
    expect(problems).toEqual([
      expect.stringMatching(
        /^runbook x{64}: metadata.name .* is not a valid entity name/,
      ),
      expect.stringMatching(/^runbook m-01: spec.severity/),
    ]);
    b.entity.metadata.name = a.entity.metadata.name;
    expect(draftProblems([a, b])).toContainEqual(
      expect.stringMatching(/metadata.name "x{64}" is used twice/),
    );
  });
});
