import {
  formatSloRules,
  generateSloRules,
  isRunbookEntity,
  isSliEntity,
  isSloEntity,
  SloRuleFormat,
} from '@unyo/plugin-ops-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseAllDocuments } from 'yaml';
import type { CliIo } from './io';

type Entity = Parameters<typeof isSloEntity>[0];

export const GENERATE_RULES_USAGE = `Usage: unyo generate-rules (--catalog <files> | --url <portal>) [options]

Writes Prometheus rules for the SLOs of the catalog: the error ratio over each
burn-rate window and the four multi-window burn-rate alerts of the SLO card
(see docs/generated-rules.md). SLOs without rules are listed in comments.

Options:
  --catalog <files>     catalog YAML files (repeat, or comma separated)
  --url <portal>        read a running portal's GET /api/ops/slos/rules instead
  --token <token>       bearer token for --url (default: $UNYO_TOKEN)
  --format <f>          prometheus (default) or prometheusrule
  --entity-ref <ref>    only the SLOs measuring this entity
  --owner <ref>         only the SLOs whose measured entity this group owns
  --portal-url <url>    base of runbook_url links (with --catalog)
  -o, --out <file>      write to this file instead of stdout
  -h, --help            show this help
`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      catalog: { type: 'string', multiple: true },
      url: { type: 'string' },
      token: { type: 'string' },
      format: { type: 'string' },
      'entity-ref': { type: 'string' },
      owner: { type: 'string' },
      'portal-url': { type: 'string' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const format = values.format ?? 'prometheus';
  if (format !== 'prometheus' && format !== 'prometheusrule') {
    throw new UsageError(
      `--format must be prometheus or prometheusrule: "${format}"`,
    );
  }
  if (!values.help && !values.catalog === !values.url) {
    throw new UsageError('give either --catalog <files> or --url <portal>');
  }
  return { ...values, format: format as SloRuleFormat };
}

async function readCatalog(files: string[], cwd: string): Promise<Entity[]> {
  const entities: Entity[] = [];
  for (const file of files.flatMap(f => f.split(',')).filter(Boolean)) {
    const text = await fs.readFile(path.resolve(cwd, file), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      const value = doc.toJSON();
      if (value && typeof value === 'object' && value.kind)
        entities.push(value);
    }
  }
  return entities;
}

async function fromPortal(args: ReturnType<typeof parse>): Promise<string> {
  const url = new URL('/api/ops/slos/rules', args.url);
  url.searchParams.set('format', args.format);
  if (args['entity-ref']) url.searchParams.set('entityRef', args['entity-ref']);
  if (args.owner) url.searchParams.set('owner', args.owner);
  const token = args.token ?? process.env.UNYO_TOKEN;
  const response = await fetch(url, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const body = await response.text();
  if (!response.ok) {
    throw new Error(
      `${url} answered ${response.status}: ${body.slice(0, 500)}`,
    );
  }
  return body;
}

/**
 * `unyo generate-rules`: 0 when the file was written, 1 when reading the
 * catalog or the portal failed, 2 for bad arguments.
 */
export async function generateRulesCommand(
  argv: string[],
  io: CliIo,
): Promise<number> {
  let args;
  try {
    args = parse(argv);
  } catch (e) {
    io.stderr(
      `unyo generate-rules: ${(e as Error).message}\n\n${GENERATE_RULES_USAGE}`,
    );
    return 2;
  }
  if (args.help) {
    io.stdout(GENERATE_RULES_USAGE);
    return 0;
  }
  let yaml: string;
  try {
    if (args.url) {
      yaml = await fromPortal(args);
    } else {
      const entities = await readCatalog(args.catalog!, io.cwd);
      const set = generateSloRules(
        {
          slos: entities.filter(isSloEntity),
          slis: entities.filter(isSliEntity),
          entities,
          runbooks: entities.filter(isRunbookEntity),
        },
        { portalBaseUrl: args['portal-url'] },
        { entityRef: args['entity-ref'], owner: args.owner },
      );
      yaml = formatSloRules(set, { format: args.format });
      io.stderr(
        `Generated rules for ${set.groups.length} SLOs${
          set.skipped.length
            ? `; ${set.skipped.length} listed as not generated`
            : ''
        }.\n`,
      );
    }
  } catch (e) {
    io.stderr(`unyo generate-rules: ${(e as Error).message}\n`);
    return 1;
  }
  if (args.out)
    await fs.writeFile(path.resolve(io.cwd, args.out), yaml, 'utf8');
  else io.stdout(yaml);
  return 0;
}
