import { validateOpsEntity } from '@unyo/plugin-ops-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  importRunbooks,
  type ImportedRunbook,
} from '../runbooks/importRunbooks';
import { isValidEntityName, prefixFromFileName } from '../runbooks/names';
import { runbooksToYaml } from '../runbooks/toYaml';
import type { CliIo } from './io';
import { parseImportArgs, UsageError } from './parseImportArgs';

export const IMPORT_RUNBOOKS_USAGE = `Usage: unyo import-runbooks <manual.md> [options]

Turns an operations manual in Markdown into Runbook drafts (multi-document
YAML): headings become runbooks and steps, fenced code blocks become \`run\`
commands with their language. Review the drafts before adding them to the
catalog (see docs/importing-runbooks.md).

Options:
  --prefix <p>          prefix of every metadata.name (default: from the file name)
  --owner <ref>         spec.owner, e.g. group:default/sre (default: a placeholder)
  --applies-to <refs>   spec.appliesTo, comma separated or repeated
                        (default: a placeholder)
  --level <1-6>         heading level that becomes a runbook (default: every
                        section with a procedure directly under its heading)
  -o, --out <file>      write to this file instead of stdout
  -h, --help            show this help
`;

/** Problems of the drafts, each naming the runbook and the field. */
export function draftProblems(runbooks: ImportedRunbook[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { entity } of runbooks) {
    const { name } = entity.metadata;
    if (!isValidEntityName(name)) {
      problems.push(
        `runbook ${name}: metadata.name "${name}" is not a valid entity name (letters, digits, - _ ., at most 63 characters)`,
      );
    }
    if (seen.has(name)) {
      problems.push(`runbook ${name}: metadata.name "${name}" is used twice`);
    }
    seen.add(name);
    const result = validateOpsEntity(entity);
    if (!result.valid) {
      problems.push(...result.errors.map(e => `runbook ${name}: ${e.message}`));
    }
  }
  return problems;
}

/**
 * `unyo import-runbooks`: exit code 0 when the drafts were written, 1 when
 * the manual gave nothing valid, 2 for bad arguments or an unreadable file.
 */
export async function importRunbooksCommand(
  argv: string[],
  io: CliIo,
): Promise<number> {
  let args;
  try {
    args = parseImportArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(
        `unyo import-runbooks: ${e.message}\n\n${IMPORT_RUNBOOKS_USAGE}`,
      );
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.stdout(IMPORT_RUNBOOKS_USAGE);
    return 0;
  }

  const file = path.resolve(io.cwd, args.file);
  let markdown: string;
  try {
    markdown = await fs.readFile(file, 'utf8');
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (e as Error).message;
    io.stderr(`unyo import-runbooks: cannot read ${args.file}: ${reason}\n`);
    return 2;
  }

  const source = path.basename(file);
  const runbooks = importRunbooks(markdown, {
    source,
    prefix: args.prefix ?? prefixFromFileName(source),
    owner: args.owner,
    appliesTo: args.appliesTo,
    level: args.level,
  });
  if (!runbooks.length) {
    io.stderr(
      `unyo import-runbooks: ${
        args.file
      } has no section with a procedure (a numbered list or a code block)${
        args.level ? ` at heading level ${args.level}` : ''
      }\n`,
    );
    return 1;
  }
  const problems = draftProblems(runbooks);
  if (problems.length) {
    io.stderr(
      `unyo import-runbooks: the drafts are not valid Runbook entities, nothing written:\n${problems
        .map(p => `  ${p}\n`)
        .join('')}`,
    );
    return 1;
  }

  const yaml = runbooksToYaml(runbooks);
  if (args.out) {
    await fs.writeFile(path.resolve(io.cwd, args.out), yaml, 'utf8');
  } else {
    io.stdout(yaml);
  }
  const steps = runbooks.reduce((n, r) => n + r.entity.spec.steps.length, 0);
  io.stderr(
    `Imported ${runbooks.length} runbook drafts (${steps} steps) from ${
      args.file
    }${
      args.out ? ` into ${args.out}` : ''
    }; review every "TODO review" before use.\n`,
  );
  return 0;
}
