import { runCli } from './runCli';

describe('unyo gate arguments', () => {
  const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const err: string[] = [];
    const saved = { ...process.env };
    delete process.env.UNYO_URL;
    Object.assign(process.env, env);
    try {
      const code = await runCli(['gate', ...argv], {
        stdout: () => {},
        stderr: t => err.push(t),
        cwd: '/',
      });
      return { code, err: err.join('') };
    } finally {
      process.env = saved;
    }
  };

  it('exits 2 naming what is missing or wrong, never 0 or 1', async () => {
    await expect(run([])).resolves.toMatchObject({
      code: 2,
      err: expect.stringContaining('give exactly one entity ref'),
    });
    await expect(run(['component:default/checkout'])).resolves.toMatchObject({
      code: 2,
      err: expect.stringContaining('give --url <portal> or set UNYO_URL'),
    });
    await expect(
      run(['component:default/checkout', '--url', 'not a url']),
    ).resolves.toMatchObject({
      code: 2,
      err: expect.stringContaining('--url is not a URL'),
    });
  });

  it('exits 2 when the portal cannot answer (nothing listens on port 1)', async () => {
    const { code, err } = await run(['component:default/checkout'], {
      UNYO_URL: 'http://127.0.0.1:1',
    });
    expect(code).toBe(2);
    expect(err).toContain('unyo gate:');
  });
});
