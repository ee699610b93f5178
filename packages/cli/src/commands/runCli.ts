import { importRunbooksCommand } from './importRunbooksCommand';
import { importSlosCommand } from './importSlosCommand';
import { generateRulesCommand } from './generateRulesCommand';
import { gateCommand } from './gateCommand';
import type { CliIo } from './io';

const USAGE = `Usage: unyo <command> [options]

Commands:
  import-runbooks <manual.md>   turn an operations manual into Runbook drafts
  import-slos <file>            convert Sloth and Pyrra SLOs into OpenSLO v1
  generate-rules                Prometheus rules for the catalog's SLOs
  gate <entityRef>              ask a portal's deploy gate (exit 0 allow, 1 deny)

Options:
  -h, --help                    show this help

Run \`unyo <command> --help\` for a command's options.
`;

/**
 * Runs the `unyo` command line and resolves to its exit code.
 *
 * @public
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'import-runbooks') {
    return importRunbooksCommand(rest, io);
  }
  if (command === 'import-slos') {
    return importSlosCommand(rest, io);
  }
  if (command === 'generate-rules') {
    return generateRulesCommand(rest, io);
  }
  if (command === 'gate') {
    return gateCommand(rest, io);
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  io.stderr(
    `unyo: ${
      command ? `unknown command "${command}"` : 'missing a command'
    }\n\n${USAGE}`,
  );
  return 2;
}

/**
 * The process entry point: arguments from argv, relative paths from the
 * directory `yarn` was started in (INIT_CWD), the exit code on the process.
 *
 * @public
 */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    cwd: process.env.INIT_CWD ?? process.cwd(),
  });
}
