import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/** How to run `pgbackrest info` for an `ops.backups.sources.<name>` entry. */
export interface PgBackRestCommand {
  /** The program and its leading arguments, run without a shell. */
  command: string[];
  /** pgBackRest options placed before `info`. */
  options: string[];
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
// `--name` or `--name=value`: nothing a shell or pgBackRest could read as a command.
const OPTION = /^--[a-z0-9][a-z0-9-]*(=[^\0\n]*)?$/;

/**
 * Connection keys: `command` (string or list, default `pgbackrest`; a list
 * such as `[sudo, -u, postgres, pgbackrest]` runs it as the repository's
 * owner), `configFile` (`--config`), `repo` (`--repo`), `options` (more
 * `--name=value` options, e.g. `--repo1-path=/backups`) and `timeout`
 * (default 30 s). Without a connection, `pgbackrest` runs with its defaults.
 */
export function readPgBackRestConnection(
  name: string | undefined,
  config: Config | undefined,
): PgBackRestCommand {
  if (!config) {
    return {
      command: ['pgbackrest'],
      options: [],
      timeoutMs: DEFAULT_TIMEOUT_MS,
    };
  }
  const key = `ops.backups.sources.${name}`;
  const raw = config.getOptional('command');
  let command: string[];
  if (raw === undefined) {
    command = ['pgbackrest'];
  } else if (typeof raw === 'string' && raw.trim()) {
    command = [raw];
  } else if (
    Array.isArray(raw) &&
    raw.length > 0 &&
    raw.every(part => typeof part === 'string' && part.length > 0)
  ) {
    command = raw as string[];
  } else {
    throw new InputError(
      `${key}.command must be a program path or a non-empty list of strings`,
    );
  }
  const options: string[] = [];
  const configFile = config.getOptionalString('configFile');
  if (configFile !== undefined) options.push(`--config=${configFile}`);
  const repo = config.getOptionalNumber('repo');
  if (repo !== undefined) {
    if (!Number.isInteger(repo) || repo < 1 || repo > 256) {
      throw new InputError(
        `${key}.repo must be a repository number (1-256), got ${repo}`,
      );
    }
    options.push(`--repo=${repo}`);
  }
  for (const [i, option] of (
    config.getOptionalStringArray('options') ?? []
  ).entries()) {
    if (!OPTION.test(option)) {
      throw new InputError(
        `${key}.options[${i}] must be a pgBackRest option such as --repo1-path=/backups, got '${option}'`,
      );
    }
    options.push(option);
  }
  const timeoutMs = config.has('timeout')
    ? durationToMilliseconds(readDurationFromConfig(config, { key: 'timeout' }))
    : DEFAULT_TIMEOUT_MS;
  return { command, options, timeoutMs };
}
