import fs from 'node:fs';
import path from 'node:path';

// Alerts, backups, health and runbooks have shipped: a UI string or README
// that still promises a capability "later" misleads the reader (issue 17).
const PROMISE_FOR_LATER =
  /\b(arrives?|comes?|coming) (in a )?later\b|\blater (version|release)\b|\bcoming soon\b|今後のバージョン|将来のバージョン|今後提供/i;

const repoRoot = path.resolve(__dirname, '../../../..');

function readmes(): string[] {
  const found = [path.join(repoRoot, 'README.md')];
  for (const dir of ['plugins', 'packages']) {
    for (const name of fs.readdirSync(path.join(repoRoot, dir))) {
      const readme = path.join(repoRoot, dir, name, 'README.md');
      if (fs.existsSync(readme)) found.push(readme);
    }
  }
  return found;
}

// The English and Japanese messages of every frontend plugin, read as text
// so that one test covers both plugins.
function translationFiles(): string[] {
  const pluginsDir = path.join(repoRoot, 'plugins');
  return fs.readdirSync(pluginsDir).flatMap(name => {
    const src = path.join(pluginsDir, name, 'src');
    const translations = path.join(src, 'translations');
    return [
      path.join(src, 'translation.ts'),
      ...(fs.existsSync(translations)
        ? fs.readdirSync(translations).map(f => path.join(translations, f))
        : []),
    ].filter(f => fs.existsSync(f) && !f.endsWith('.test.ts'));
  });
}

function promisesIn(files: string[]): string[] {
  return files.flatMap(file =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(line => PROMISE_FOR_LATER.test(line))
      .map(line => `${path.relative(repoRoot, file)}: ${line.trim()}`),
  );
}

describe('no UI string or README promises a feature for later', () => {
  it('finds no promise in the English and Japanese messages', () => {
    const files = translationFiles();
    // ops-dashboard and runbooks, English and Japanese.
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(promisesIn(files)).toEqual([]);
  });

  it('finds no promise in the READMEs', () => {
    const files = readmes();
    expect(files.length).toBeGreaterThan(3);
    expect(promisesIn(files)).toEqual([]);
  });

  it('recognises the leftover it guards against', () => {
    expect(
      PROMISE_FOR_LATER.test(
        'Firing alerts and the runbooks that answer them arrive in a later version of Unyo.',
      ),
    ).toBe(true);
    expect(PROMISE_FOR_LATER.test('今後のバージョンで提供します')).toBe(true);
  });
});
