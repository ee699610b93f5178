import { ActionResult } from '@unyo/plugin-ops-node';
import { HostRefusedError, PinnedUrl, sendPinned } from '../pinnedRequest';
import { Answer, keptBody } from './httpAnswer';
import { isUnderBase } from './actionUrl';
import { HttpTarget, pinForTarget } from './httpTarget';

const MAX_REDIRECTS = 3;
// What is read of an answer.
const MAX_BODY_BYTES = 256 * 1024;

/**
 * One request with its redirects, each hop checked against the target's
 * allowed hosts; a refused redirect or too many end it.
 */
export async function sendHttpRequest(
  target: HttpTarget,
  first: PinnedUrl,
  firstMethod: string,
  headers: Record<string, string>,
  firstBody: string | undefined,
  signal: AbortSignal,
): Promise<Answer | { failed: ActionResult }> {
  let current = first;
  let method = firstMethod;
  let body = firstBody;
  const sent = { ...headers };
  for (let hop = 0; ; hop++) {
    const response = await sendPinned(current, {
      method,
      headers: sent,
      body,
      signal,
      maxBodyBytes: MAX_BODY_BYTES,
    });
    const location = response.headers.location;
    const where = `${method} ${current.url.pathname}`;
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, current.url);
      const failed = (error: string) => ({
        failed: {
          status: 'failed' as const,
          output: { summary: error, httpStatus: response.status, error },
        },
      });
      if (hop >= MAX_REDIRECTS) {
        return failed(`More than ${MAX_REDIRECTS} redirects from ${where}`);
      }
      try {
        current = await pinForTarget(next, target);
      } catch (error) {
        if (!(error instanceof HostRefusedError)) throw error;
        return failed(
          `HTTP ${response.status} redirects to ${next.host}, not followed: ${error.message}`,
        );
      }
      if (!isUnderBase(next, target.config.baseUrl)) {
        return failed(
          `HTTP ${response.status} redirects outside the target's base URL ${target.config.baseUrl}, not followed: ${next.pathname}`,
        );
      }
      // As browsers do: 303, and 301/302 after a POST, continue with GET.
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) &&
          method !== 'GET' &&
          method !== 'HEAD')
      ) {
        method = 'GET';
        body = undefined;
        delete sent['content-type'];
      }
      continue;
    }
    return {
      httpStatus: response.status,
      ok: response.status >= 200 && response.status < 300,
      body: keptBody(
        response.body.toString('utf8'),
        response.headers['content-type'],
        response.truncated,
      ),
      summary: `HTTP ${response.status} from ${where}`,
    };
  }
}
