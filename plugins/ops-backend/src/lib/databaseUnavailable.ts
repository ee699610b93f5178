// What the PostgreSQL driver and knex's pool throw when the plugin's database
// does not answer (stopped, restarting, unreachable), as opposed to a failing
// statement: the first is an outage to wait out (503), the second a bug (500).
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting or stopping)
  '57P01',
  '57P02',
  '57P03',
  // too_many_connections
  '53300',
]);

const CONNECTION_MESSAGES = [
  // node-postgres, on a connection the server closed
  /^Connection terminated/,
  /^Client has encountered a connection error/,
  /^Client was closed and is not queryable/,
  // knex, when no connection could be had in time
  /^Knex: Timeout acquiring a connection/,
];

/**
 * Whether `error` says the database cannot be reached. Only the error
 * itself counts, not its `cause`: a failed fetch to another server carries
 * ECONNREFUSED in its cause and is not the database's outage.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // SQLSTATE class 08: connection exception
    if (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return (
    typeof message === 'string' &&
    CONNECTION_MESSAGES.some(pattern => pattern.test(message))
  );
}
