import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { validateOpsEntity } from '@unyo/plugin-ops-common';
import { runCli } from './runCli';

const fixtures = path.resolve(__dirname, '..', '__fixtures__');

describe('unyo import-slos', () => {
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
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unyo-slos-'));
    for (const file of [
      'sloth/plugin-getting-started.yml',
      'pyrra/nginx.yaml',
    ]) {
      fs.copyFileSync(
        path.join(fixtures, file),
        path.join(dir, path.basename(file)),
      );
    }
    out = [];
    err = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes valid OpenSLO v1 documents to stdout and the counts and reasons to stderr', async () => {
    await expect(
      run('import-slos', 'nginx.yaml', '--service', 'component:default/lastfm'),
    ).resolves.toBe(0);
    const docs = parseAllDocuments(out.join('')).map(d => d.toJS());
    expect(docs.map(d => [d.metadata.name, d.spec.service])).toEqual([
      ['nginx-api-errors', 'component:default/lastfm'],
      ['nginx-api-latency', 'component:default/lastfm'],
    ]);
    expect(docs.map(d => validateOpsEntity(d))).toEqual([
      { valid: true },
      { valid: true },
    ]);
    expect(out.join('')).toContain(
      '# Imported from nginx.yaml#1/nginx-api-errors by `unyo import-slos`',
    );
    expect(err.join('')).toContain(
      'unyo import-slos: nginx.yaml: 2 SLOs converted, 0 not converted (read as Pyrra ServiceLevelObjective)',
    );
    expect(err.join('')).toContain(
      '    metadata.namespace: not converted: a Kubernetes namespace is not a catalog namespace',
    );
  });

  it('marks the placeholder service and writes --out', async () => {
    await expect(
      run('import-slos', 'nginx.yaml', '--out', 'slos.yaml'),
    ).resolves.toBe(0);
    expect(out).toEqual([]);
    const yaml = fs.readFileSync(path.join(dir, 'slos.yaml'), 'utf8');
    expect(yaml).toContain(
      '  # TODO review: placeholder, the entity this SLO measures (or pass --service)\n  service: component:default/todo-service',
    );
    expect(err.join('')).toContain(
      'spec.service: placeholder: pass --service or edit it',
    );
  });

  it('exits 1 when nothing converts, naming each SLO and field', async () => {
    await expect(
      run('import-slos', 'plugin-getting-started.yml'),
    ).resolves.toBe(1);
    expect(out).toEqual([]);
    expect(err.join('')).toContain(
      'plugin-getting-started.yml: 0 SLOs converted, 1 not converted',
    );
    expect(err.join('')).toContain(
      '  not converted: plugin-getting-started.yml#1/requests-availability\n    slos[0].sli.plugin: Sloth SLI plugin "getting_started_availability" builds its queries in Go code',
    );
  });

  it('exits 1 on garbage, naming the document, without a stack trace', async () => {
    fs.writeFileSync(path.join(dir, 'garbage.yaml'), 'a: [1,\n: : :\n');
    await expect(run('import-slos', 'garbage.yaml')).resolves.toBe(1);
    expect(err.join('')).toContain('not converted: garbage.yaml#1');
    expect(err.join('')).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['import-slos', 'missing.yaml'], 'cannot read missing.yaml: no such file'],
    [['import-slos'], 'missing the SLO file to import'],
    [['import-slos', 'a.yaml', 'b.yaml'], 'expected one SLO file, got 2'],
    [
      ['import-slos', 'nginx.yaml', '--service', 'not a ref'],
      '--service "not a ref" is not an entity reference',
    ],
    [
      ['import-slos', 'nginx.yaml', '--service', 'a', '--measures', 'b'],
      '--service and --measures are the same option',
    ],
    [['import-slos', 'nginx.yaml', '--owner', 'x'], "Unknown option '--owner'"],
  ])('exits 2 on %j', async (argv, message) => {
    await expect(run(...argv)).resolves.toBe(2);
    expect(err.join('')).toContain(message);
    expect(out).toEqual([]);
  });

  it('runs as `unyo` from bin/, in its own process', async () => {
    const bin = path.resolve(__dirname, '..', '..', 'bin', 'unyo');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [bin, 'import-slos', path.join(fixtures, 'sloth', 'home-wifi.yml')],
      { env: { ...process.env, INIT_CWD: dir } },
    );
    expect(parseAllDocuments(stdout).map(d => d.toJS().metadata.name)).toEqual([
      'home-wifi-good-wifi-client-satisfaction',
      'home-wifi-risk-wifi-client-satisfaction',
    ]);
    expect(stderr).toContain(
      'home-wifi.yml: 2 SLOs converted, 0 not converted',
    );
    // a process of its own: node, tsx and the sources load first
  }, 60_000);
});
