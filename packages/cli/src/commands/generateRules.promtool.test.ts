import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { runCli } from './runCli';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const SLOTH = path.resolve(__dirname, '../__fixtures__/sloth');
// Sloth's own examples: {{.window}} templates of rates, and a raw ratio.
const SLOTH_FILES = [
  'getting-started.yml',
  'home-wifi.yml',
  'kubernetes-apiserver.yml',
  'raw-home-wifi.yml',
];
const SYSTEMS = [
  'azure-saas',
  'elixir-cqrs',
  'mairust',
  'rainbow-seeker',
  'scalar-auditor',
];
// The Debian package's promtool; a missing one fails the suite, never skips it.
const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';

describe('unyo generate-rules on the five example systems', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unyo-rules-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds promtool', () => {
    expect(fs.existsSync(PROMTOOL)).toBe(true);
  });

  it.each(SYSTEMS)(
    '%s: rules for every SLO, and promtool check rules passes',
    async system => {
      const files = fs
        .readdirSync(path.join(EXAMPLES, system))
        .filter(f => f.endsWith('.yaml'))
        .map(f => path.join(EXAMPLES, system, f));
      const err: string[] = [];
      const out = path.join(dir, `${system}.rules.yml`);
      const code = await runCli(
        [
          'generate-rules',
          '--catalog',
          files.join(','),
          '-o',
          out,
          '--portal-url',
          'http://localhost:3000',
        ],
        { stdout: () => {}, stderr: t => err.push(t), cwd: dir },
      );
      expect(code).toBe(0);
      const slos = files.flatMap(f =>
        fs
          .readFileSync(f, 'utf8')
          .split(/^---$/m)
          .filter(d => /^kind: SLO$/m.test(d)),
      );
      const rules = parse(fs.readFileSync(out, 'utf8'));
      expect(rules.groups).toHaveLength(slos.length);
      expect(fs.readFileSync(out, 'utf8')).not.toContain('Not generated');
      const { stdout } = await promisify(execFile)(PROMTOOL, [
        'check',
        'rules',
        out,
      ]);
      expect(stdout).toContain(`SUCCESS: ${slos.length * 11} rules found`);
    },
  );

  it.each(SLOTH_FILES)(
    'Sloth %s, imported: rules for every SLO, and promtool check rules passes',
    async file => {
      const io = { stdout: () => {}, stderr: () => {}, cwd: dir };
      const slos = path.join(dir, `${file}.slos.yaml`);
      const imported = await runCli(
        [
          'import-slos',
          path.join(SLOTH, file),
          '--service',
          'component:default/myservice',
          '-o',
          slos,
        ],
        io,
      );
      expect(imported).toBe(0);
      const count = fs
        .readFileSync(slos, 'utf8')
        .split(/^---$/m)
        .filter(d => /^kind: SLO$/m.test(d)).length;
      expect(count).toBeGreaterThan(0);
      const out = path.join(dir, `${file}.rules.yml`);
      const code = await runCli(
        ['generate-rules', '--catalog', slos, '-o', out],
        io,
      );
      expect(code).toBe(0);
      const text = fs.readFileSync(out, 'utf8');
      expect(text).not.toContain('Not generated');
      expect(parse(text).groups).toHaveLength(count);
      const { stdout } = await promisify(execFile)(PROMTOOL, [
        'check',
        'rules',
        out,
      ]);
      expect(stdout).toContain(`SUCCESS: ${count * 11} rules found`);
    },
  );
});
