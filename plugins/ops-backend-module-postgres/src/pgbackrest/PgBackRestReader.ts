import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { execFile } from 'node:child_process';
import { sourceFieldPath } from '@unyo/plugin-ops-node';
import type {
  BackupReadRequest,
  BackupReading,
  BackupSourceReader,
} from '@unyo/plugin-ops-node';
import { parsePgBackRestInfo, pgBackRestReading } from './parsePgBackRestInfo';
import { readPgBackRestConnection } from './readPgBackRestConnection';

// pgBackRest's own rule for stanza names is looser; this is what can be
// passed as one argument without surprises.
const STANZA = /^[A-Za-z0-9_.-]+$/;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

// A status read must not write log files on the repository host (the
// reader's user may not own log-path) nor mix log lines into the JSON.
const QUIET = [
  '--log-level-file=off',
  '--log-level-console=off',
  '--log-level-stderr=error',
];

/**
 * Reads a pgBackRest stanza with `pgbackrest --output=json info --stanza=S`,
 * run without a shell, with a timeout, killed on abort.
 */
export class PgBackRestReader implements BackupSourceReader {
  readonly type = 'pgbackrest' as const;
  private readonly logger: LoggerService;

  constructor(options: { logger: LoggerService }) {
    this.logger = options.logger;
  }

  async read(request: BackupReadRequest): Promise<BackupReading> {
    const { policy, target, connection, signal } = request;
    const field = sourceFieldPath(policy, target, 'stanza');
    const stanza = target.source.stanza;
    if (!stanza) {
      throw new InputError(`${field} is required for a pgbackrest source`);
    }
    if (!STANZA.test(stanza)) {
      throw new InputError(
        `${field} must match [A-Za-z0-9_.-]+, got '${stanza}'`,
      );
    }
    const { command, options, timeoutMs } = readPgBackRestConnection(
      connection?.name,
      connection?.config,
    );
    const args = [
      ...command.slice(1),
      ...options,
      ...QUIET,
      '--output=json',
      `--stanza=${stanza}`,
      'info',
    ];
    this.logger.debug(`Running ${command[0]} ${args.join(' ')}`);
    const output = await run(command[0], args, timeoutMs, signal);
    return pgBackRestReading(parsePgBackRestInfo(output, stanza), target.type);
  }
}

function run(
  file: string,
  args: string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        timeout: timeoutMs,
        // SIGTERM, not SIGKILL: a wrapper such as runuser or sudo passes it on.
        killSignal: 'SIGTERM',
        maxBuffer: MAX_OUTPUT_BYTES,
        signal,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const e = error as NodeJS.ErrnoException & {
          killed?: boolean;
          code?: string | number;
        };
        const said = stderr.trim().split('\n').slice(-3).join(' ').trim();
        if (e.name === 'AbortError') {
          reject(new Error(`pgBackRest info was aborted`));
        } else if (e.code === 'ENOENT') {
          reject(new Error(`pgBackRest command '${file}' was not found`));
        } else if (e.killed) {
          reject(
            new Error(`pgBackRest info timed out after ${timeoutMs / 1000} s`),
          );
        } else {
          reject(
            new Error(
              `pgBackRest info failed (exit code ${e.code})${
                said ? `: ${said}` : ''
              }`,
            ),
          );
        }
      },
    );
  });
}
