import fs from 'node:fs';
import path from 'node:path';
import { importRunbooks } from './runbooks/importRunbooks';
import { normalise } from './testing/manualExpectations';

// Runbooks written by others, copied unchanged with their provenance
// (__fixtures__/prometheus-operator-runbooks/README.md).
const dir = path.join(__dirname, '__fixtures__/prometheus-operator-runbooks');
const files = fs
  .readdirSync(dir)
  .filter(f => f.endsWith('.md') && f !== 'README.md')
  .sort();

const SHELL = /^(shell|bash|sh|zsh|console)$/i;

/**
 * The bodies of the fenced code blocks that hold a shell command, read line
 * by line without the importer: blocks fenced as shell/bash/sh/console, and
 * unlabelled blocks with a `$ ` prompt.
 */
function shellBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let open: { fence: RegExp; lang: string; body: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    if (open) {
      if (open.fence.test(line)) {
        const body = open.body.join('\n');
        if (SHELL.test(open.lang) || (!open.lang && /^\s*\$ /m.test(body))) {
          blocks.push(body);
        }
        open = undefined;
      } else {
        open.body.push(line);
      }
      continue;
    }
    const start = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (start) {
      const [, marker, lang] = start;
      open = {
        fence: new RegExp(`^\\s{0,3}${marker[0]}{${marker.length},}\\s*$`),
        lang,
        body: [],
      };
    }
  }
  return blocks;
}

describe('importing prometheus-operator/runbooks', () => {
  it('has the copied runbooks', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it('reads front matter as metadata, not as a heading', () => {
    const markdown = fs.readFileSync(
      path.join(dir, 'KubeProxyDown.md'),
      'utf8',
    );
    expect(markdown.startsWith('---\ntitle:')).toBe(true);
    const [runbook] = importRunbooks(markdown, {
      source: 'KubeProxyDown.md',
      prefix: 'po',
      level: 1,
    });
    expect(runbook.entity.metadata.title).toBe('KubeProxyDown');
  });

  it.each([undefined, 1])(
    'makes every shell code block a step (level %s)',
    level => {
      const counts = files.map(file => {
        const markdown = fs.readFileSync(path.join(dir, file), 'utf8');
        const blocks = shellBlocks(markdown);
        const runs = importRunbooks(markdown, {
          source: file,
          prefix: 'po',
          level,
        }).flatMap(r =>
          r.entity.spec.steps.flatMap(s => (s.run ? [normalise(s.run)] : [])),
        );
        const asSteps = blocks.filter(b => runs.includes(normalise(b)));
        return { file, shellBlocks: blocks.length, asSteps: asSteps.length };
      });
      // eslint-disable-next-line no-console
      console.log(
        `level ${level ?? 'auto'}:\n${counts
          .map(
            c => `${c.file}: ${c.shellBlocks} shell blocks, ${c.asSteps} steps`,
          )
          .join('\n')}`,
      );
      expect(counts.every(c => c.shellBlocks > 0)).toBe(true);
      expect(counts.filter(c => c.asSteps !== c.shellBlocks)).toEqual([]);
    },
  );
});
