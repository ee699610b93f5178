/** An AWS SDK error as a message naming the call and AWS's error code. */
export function awsError(call: string, error: unknown): Error {
  const e = error as Error & { $metadata?: { httpStatusCode?: number } };
  if (e.name === 'AbortError') return new Error(`${call} was aborted`);
  const status = e.$metadata?.httpStatusCode;
  return new Error(
    `${call} failed: ${e.name}${status ? ` (HTTP ${status})` : ''}: ${
      e.message
    }`,
  );
}
