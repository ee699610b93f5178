import { parseArgs } from 'node:util';
import type { CliIo } from './io';

export const GATE_USAGE = `Usage: unyo gate <entityRef> [--url <portal>] [--token <token>]

Asks a running portal's deploy gate (GET /api/ops/gate, docs/deploy-gate.md)
whether the entity may deploy now, from the error-budget policy of the SLOs
that measure it, and prints the reasons. The exit code is for CI: 0 allowed
(by the policy or an override), 1 denied, 2 bad arguments or no answer.

Options:
  --url <portal>     the portal's base URL (default: $UNYO_URL)
  --token <token>    bearer token, e.g. a static token of
                     backend.auth.externalAccess (default: $UNYO_TOKEN)
  --json             print the portal's answer as JSON
  -h, --help         show this help
`;

type GateAnswer = {
  allow: boolean;
  reasons: string[];
  slos: Array<{
    ref: string;
    policy?: string;
    remainingRatio?: number;
    allow: boolean;
  }>;
};

function parse(argv: string[], env: NodeJS.ProcessEnv) {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true as const };
  if (positionals.length !== 1) {
    throw new Error(
      'give exactly one entity ref, e.g. component:default/checkout',
    );
  }
  const url = values.url ?? env.UNYO_URL;
  if (!url) throw new Error('give --url <portal> or set UNYO_URL');
  if (!URL.canParse(url)) throw new Error(`--url is not a URL: "${url}"`);
  return {
    help: false as const,
    entityRef: positionals[0],
    url,
    token: values.token ?? env.UNYO_TOKEN,
    json: !!values.json,
  };
}

function describe(answer: GateAnswer): string {
  const lines = [answer.allow ? 'ALLOW' : 'DENY'];
  for (const reason of answer.reasons) lines.push(`  - ${reason}`);
  return `${lines.join('\n')}\n`;
}

/** `unyo gate`: 0 allowed, 1 denied, 2 bad arguments or no answer. */
export async function gateCommand(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let args;
  try {
    args = parse(argv, env);
  } catch (e) {
    io.stderr(`unyo gate: ${(e as Error).message}\n\n${GATE_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(GATE_USAGE);
    return 0;
  }
  const url = new URL('/api/ops/gate', args.url);
  url.searchParams.set('entityRef', args.entityRef);
  let answer: GateAnswer;
  try {
    const response = await fetch(url, {
      headers: args.token ? { Authorization: `Bearer ${args.token}` } : {},
    });
    const body = await response.text();
    if (!response.ok) {
      throw new Error(
        `${url} answered ${response.status}: ${body.slice(0, 500)}`,
      );
    }
    answer = JSON.parse(body);
    if (typeof answer?.allow !== 'boolean') {
      throw new Error(`${url} did not answer a gate decision`);
    }
  } catch (e) {
    io.stderr(`unyo gate: ${(e as Error).message}\n`);
    return 2;
  }
  io.stdout(
    args.json ? `${JSON.stringify(answer, null, 2)}\n` : describe(answer),
  );
  return answer.allow ? 0 : 1;
}
