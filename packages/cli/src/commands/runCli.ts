import {
  IMPORT_RUNBOOKS_USAGE,
  importRunbooksCommand,
} from './importRunbooksCommand';
import {
  GENERATE_RULES_USAGE,
  generateRulesCommand,
} from './generateRulesCommand';
import type { CliIo } from './io';

const USAGE = `Usage: unyo <command> [options]

Commands:
  import-runbooks <manual.md>   turn an operations manual into Runbook drafts
  generate-rules                Prometheus rules for the catalog's SLOs

Run \`unyo <command> --help\` for a command's options.

${IMPORT_RUNBOOKS_USAGE}
${GENERATE_RULES_USAGE}`;

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
  if (command === 'generate-rules') {
    return generateRulesCommand(rest, io);
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
