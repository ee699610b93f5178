import { parseHealthBody } from '@unyo/plugin-ops-common';
import { isUrlAllowed } from '../lib/allowedHosts';
import { HealthProbe, ProbeOptions, ProbeResult } from './types';

const MAX_REDIRECTS = 3;
// A health body is small; a huge one is read only this far.
const MAX_BODY_BYTES = 64 * 1024;

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size >= MAX_BODY_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The useful part of a fetch failure: `connect ECONNREFUSED 127.0.0.1:1`. */
function describeError(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: Error & { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return `No answer within ${timeoutMs} ms (timeout)`;
  }
  return e?.cause?.message ?? e?.message ?? String(error);
}

/**
 * Probes http(s) health URLs: the status code, the latency and the body.
 * Redirects are followed by hand so that each hop's host is checked against
 * ops.health.allowedHosts; one that leaves the list is not followed.
 */
export class HttpHealthProbe implements HealthProbe {
  async probe(url: URL, options: ProbeOptions): Promise<ProbeResult> {
    const started = performance.now();
    const signal = AbortSignal.timeout(options.timeoutMs);
    const result = (
      partial: Omit<ProbeResult, 'url' | 'latencyMs' | 'checkedAt'>,
    ): ProbeResult => ({
      url: url.href,
      latencyMs: Math.round(performance.now() - started),
      checkedAt: new Date(),
      ...partial,
    });
    let current = url;
    try {
      for (let hop = 0; ; hop++) {
        const response = await fetch(current, {
          redirect: 'manual',
          signal,
          headers: { Accept: 'application/json, */*;q=0.5' },
        });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          const next = new URL(location, current);
          if (!isUrlAllowed(next, options.allowedHosts)) {
            return result({
              status: 'unknown',
              checks: [],
              message: `HTTP ${response.status} redirects to ${next.hostname}${next.pathname}, which ops.health.allowedHosts does not allow: not followed`,
            });
          }
          if (hop >= MAX_REDIRECTS) {
            return result({
              status: 'down',
              checks: [],
              message: `More than ${MAX_REDIRECTS} redirects`,
            });
          }
          current = next;
          continue;
        }
        const body = await readCapped(response);
        const parsed = parseHealthBody({
          statusCode: response.status,
          contentType: response.headers.get('content-type') ?? undefined,
          body,
        });
        return result(parsed);
      }
    } catch (error) {
      return result({
        status: 'down',
        checks: [],
        message: describeError(error, options.timeoutMs),
      });
    }
  }
}
