import { parseArgs } from 'node:util';
import { checkRef, UsageError } from './parseImportArgs';

/** Options of `unyo import-slos`, checked. */
export type ImportSlosArgs = {
  file: string;
  service?: string;
  out?: string;
  help: boolean;
};

/** Parses and checks the arguments after `import-slos`. */
export function parseImportSlosArgs(argv: string[]): ImportSlosArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        service: { type: 'string' },
        measures: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { file: '', help: true };
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length
        ? `expected one SLO file, got ${positionals.length}: ${positionals.join(
            ' ',
          )}`
        : 'missing the SLO file to import',
    );
  }
  const args: ImportSlosArgs = { file: positionals[0], help: false };
  if (values.service !== undefined && values.measures !== undefined) {
    throw new UsageError(
      '--service and --measures are the same option: give one',
    );
  }
  const service = values.service ?? values.measures;
  if (service !== undefined) {
    args.service = checkRef(
      values.service !== undefined ? '--service' : '--measures',
      service,
    );
  }
  if (values.out !== undefined) {
    if (!values.out) throw new UsageError('--out needs a file name');
    args.out = values.out;
  }
  return args;
}
