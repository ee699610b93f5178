import { validateOpsEntity } from '@unyo/plugin-ops-common';
import type { ImportedRunbook } from '../runbooks/importRunbooks';
import { isValidEntityName } from '../runbooks/names';

/** Whitespace-insensitive form of a command, for comparisons. */
export const normalise = (s: string) =>
  s.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();

/** Commands each manual holds, with the language of their fence. */
export type ExpectedCommand = { command: string; language: string };

/**
 * Checks that hold for every import of a manual: at least one runbook,
 * every draft a valid Runbook entity with a valid, unique name, and each
 * expected command found in a step's `run` with its fence's language.
 */
export function expectValidImport(
  runbooks: ImportedRunbook[],
  commands: ExpectedCommand[],
) {
  expect(runbooks.length).toBeGreaterThanOrEqual(1);
  for (const { entity } of runbooks) {
    expect({
      name: entity.metadata.name,
      result: validateOpsEntity(entity),
    }).toEqual({
      name: entity.metadata.name,
      result: { valid: true },
    });
    expect(isValidEntityName(entity.metadata.name)).toBe(true);
  }
  const names = runbooks.map(r => r.entity.metadata.name);
  expect(new Set(names).size).toBe(names.length);

  const runs = runbooks.flatMap(r =>
    r.entity.spec.steps
      .filter(s => s.run !== undefined)
      .map(s => ({ run: normalise(s.run!), language: s.language })),
  );
  for (const { command, language } of commands) {
    expect({
      command,
      found: runs.filter(r => r.run.includes(normalise(command))),
    }).toEqual({
      command,
      found: expect.arrayContaining([expect.objectContaining({ language })]),
    });
  }
}

/**
 * The commands of a `run`: continuation lines joined, comment-only and blank
 * lines dropped, whitespace normalised.
 */
export const commandsOf = (run: string) =>
  run
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map(normalise)
    .filter(line => line && !/^(#|--|\/\/)/.test(line));
