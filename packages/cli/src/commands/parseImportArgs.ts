import { parseArgs } from 'node:util';

/** Options of `unyo import-runbooks`, checked. */
export type ImportArgs = {
  file: string;
  prefix?: string;
  owner?: string;
  appliesTo?: string[];
  level?: number;
  out?: string;
  help: boolean;
};

/** Bad command-line input: printed with the usage, exit code 2. */
export class UsageError extends Error {
  name = 'UsageError';
}

// kind:namespace/name with kind and namespace optional, as Backstage parses refs
const ENTITY_REF =
  /^(?:[A-Za-z][A-Za-z0-9-]*:)?(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;
const PREFIX = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_PREFIX_LENGTH = 40;

export function checkRef(option: string, ref: string): string {
  if (!ENTITY_REF.test(ref)) {
    throw new UsageError(
      `${option} "${ref}" is not an entity reference such as group:default/sre`,
    );
  }
  return ref;
}

/** Parses and checks the arguments after `import-runbooks`. */
export function parseImportArgs(argv: string[]): ImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        prefix: { type: 'string' },
        owner: { type: 'string' },
        'applies-to': { type: 'string', multiple: true },
        level: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return { file: '', help: true };
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length
        ? `expected one manual file, got ${
            positionals.length
          }: ${positionals.join(' ')}`
        : 'missing the manual file to import',
    );
  }

  const args: ImportArgs = { file: positionals[0], help: false };
  if (values.prefix !== undefined) {
    if (
      !PREFIX.test(values.prefix) ||
      values.prefix.length > MAX_PREFIX_LENGTH
    ) {
      throw new UsageError(
        `--prefix "${values.prefix}" must be lower-case letters, digits and single dashes, at most ${MAX_PREFIX_LENGTH} characters`,
      );
    }
    args.prefix = values.prefix;
  }
  if (values.owner !== undefined) {
    args.owner = checkRef('--owner', values.owner);
  }
  if (values['applies-to'] !== undefined) {
    const refs = values['applies-to']
      .flatMap(v => v.split(','))
      .map(v => v.trim())
      .filter(Boolean);
    if (!refs.length) {
      throw new UsageError('--applies-to needs at least one entity reference');
    }
    args.appliesTo = refs.map(ref => checkRef('--applies-to', ref));
  }
  if (values.level !== undefined) {
    if (!/^[1-6]$/.test(values.level)) {
      throw new UsageError(
        `--level "${values.level}" must be a heading level from 1 to 6`,
      );
    }
    args.level = Number(values.level);
  }
  if (values.out !== undefined) {
    if (!values.out) throw new UsageError('--out needs a file name');
    args.out = values.out;
  }
  return args;
}
