import { promises as fs } from 'node:fs';
import path from 'node:path';
import { importSlos } from '../slos/importSlos';
import { slosToYaml } from '../slos/toYaml';
import type { SloImport } from '../slos/types';
import type { CliIo } from './io';
import { UsageError } from './parseImportArgs';
import { parseImportSlosArgs } from './parseImportSlosArgs';

export const IMPORT_SLOS_USAGE = `Usage: unyo import-slos <file> [options]

Converts SLOs written for Sloth (version: prometheus/v1, the
PrometheusServiceLevel resource, OpenSLO v1alpha) or Pyrra
(ServiceLevelObjective: ratio, latency, latencyNative, bool_gauge) into
OpenSLO v1 SLO documents for the catalog (multi-document YAML). What does not
convert is listed on stderr, per SLO and per field (see
docs/importing-slos.md).

Options:
  --service <ref>       spec.service of every SLO: the entity it measures, e.g.
                        component:default/checkout (default: a Sloth spec's
                        service; a placeholder for Pyrra)
  --measures <ref>      the same as --service
  -o, --out <file>      write to this file instead of stdout
  -h, --help            show this help
`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The summary on stderr: counts, then each SLO and field not converted. */
export function importReport(file: string, result: SloImport): string {
  const lines = [
    `${file}: ${plural(result.slos.length, 'SLO')} converted, ${
      result.skipped.length
    } not converted${
      result.formats.length
        ? ` (read as ${[...new Set(result.formats)].join(', ')})`
        : ''
    }`,
  ];
  for (const { from, reasons } of result.skipped) {
    lines.push(`  not converted: ${from}`);
    lines.push(...reasons.map(r => `    ${r.field}: ${r.reason}`));
  }
  for (const slo of result.slos) {
    const notes = [
      ...slo.notConverted,
      ...slo.placeholders.map(p => ({
        field: p,
        reason: 'placeholder: pass --service or edit it',
      })),
    ];
    if (!notes.length) continue;
    lines.push(`  converted: ${slo.entity.metadata.name} (${slo.from})`);
    lines.push(...notes.map(n => `    ${n.field}: ${n.reason}`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `unyo import-slos`: exit code 0 when at least one SLO converted, 1 when
 * none did, 2 for bad arguments or an unreadable file.
 */
export async function importSlosCommand(
  argv: string[],
  io: CliIo,
): Promise<number> {
  let args;
  try {
    args = parseImportSlosArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`unyo import-slos: ${e.message}\n\n${IMPORT_SLOS_USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.stdout(IMPORT_SLOS_USAGE);
    return 0;
  }

  let text: string;
  try {
    text = await fs.readFile(path.resolve(io.cwd, args.file), 'utf8');
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (e as Error).message;
    io.stderr(`unyo import-slos: cannot read ${args.file}: ${reason}\n`);
    return 2;
  }

  const result = importSlos(text, {
    source: path.basename(args.file),
    service: args.service,
  });
  io.stderr(`unyo import-slos: ${importReport(args.file, result)}`);
  if (!result.slos.length) return 1;

  const yaml = slosToYaml(result.slos);
  if (args.out) {
    await fs.writeFile(path.resolve(io.cwd, args.out), yaml, 'utf8');
  } else {
    io.stdout(yaml);
  }
  return 0;
}
