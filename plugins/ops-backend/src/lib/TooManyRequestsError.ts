/** A 429: the caller asked too often; retry after `retryAfterSeconds`. */
export class TooManyRequestsError extends Error {
  readonly statusCode = 429;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
    this.name = 'TooManyRequestsError';
  }
}

/** A window as people read it: `1 min`, `2 h`, `30 s`. */
export function describeWindow(windowMs: number): string {
  const seconds = windowMs / 1000;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
