import type { RunbookEntity } from '@unyo/plugin-ops-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseMarkdown } from './markdown/parseMarkdown';
import type { MarkdownSection } from './markdown/types';
import {
  IMPORTED_FROM_ANNOTATION,
  importRunbooks,
} from './runbooks/importRunbooks';
import { commandsOf, normalise } from './testing/manualExpectations';

// Example runbooks annotated unyo.dev/imported-from were reviewed from the
// importer's drafts: every command they show must be one the importer finds
// in that manual, so the examples stay true to the manuals.
const repoRoot = path.resolve(__dirname, '../../..');
const examplesDir = path.join(repoRoot, 'examples');
// The manuals, committed with their provenance (examples/manuals/README.md).
const seedsDir = path.join(examplesDir, 'manuals');

function annotatedRunbooks(): { file: string; runbook: RunbookEntity }[] {
  return fs
    .readdirSync(examplesDir)
    .map(dir => path.join(examplesDir, dir, 'runbooks.yaml'))
    .filter(file => fs.existsSync(file))
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(file, 'utf8'))
        .map(doc => doc.toJSON() as RunbookEntity)
        .filter(
          doc =>
            doc?.kind === 'Runbook' &&
            doc.metadata.annotations?.[IMPORTED_FROM_ANNOTATION],
        )
        .map(runbook => ({ file: path.relative(repoRoot, file), runbook })),
    );
}

const anchorsOf = (s: MarkdownSection): string[] =>
  s.children.flatMap(c => [c.anchor, ...anchorsOf(c)]);

describe('example runbooks imported from the seed manuals', () => {
  const annotated = annotatedRunbooks();

  it('are annotated in every example system', () => {
    const systems = new Set(annotated.map(a => path.dirname(a.file)));
    expect(systems.size).toBe(5);
  });

  it.each(annotated.map(a => [a.runbook.metadata.name, a] as const))(
    '%s shows only commands the importer finds in its manual',
    (_name, { runbook }) => {
      const [file, anchor] =
        runbook.metadata.annotations![IMPORTED_FROM_ANNOTATION].split('#');
      const markdown = fs.readFileSync(path.join(seedsDir, file), 'utf8');
      // the annotation names a heading of the manual
      expect(anchorsOf(parseMarkdown(markdown))).toContain(anchor);

      const importedRuns = importRunbooks(markdown, {
        source: file,
        prefix: 'x',
      }).flatMap(r =>
        r.entity.spec.steps.flatMap(s =>
          s.run ? [normalise(s.run.replace(/\\\n/g, ' '))] : [],
        ),
      );
      const commands = runbook.spec.steps.flatMap(s =>
        s.run ? commandsOf(s.run) : [],
      );
      expect(commands.length).toBeGreaterThan(0);
      expect(
        commands.filter(c => !importedRuns.some(run => run.includes(c))),
      ).toEqual([]);
    },
  );
});
