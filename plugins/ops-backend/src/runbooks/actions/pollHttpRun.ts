import { setTimeout as sleep } from 'node:timers/promises';
import { ExecutionOutput, RunbookHttpPoll } from '@unyo/plugin-ops-common';
import { ActionResult } from '@unyo/plugin-ops-node';
import { readPointer, scalarText } from '../jsonPointer';
import { HostRefusedError, PinnedUrl } from '../pinnedRequest';
import { pollUrl } from './actionUrl';
import { Answer, outputOf } from './httpAnswer';
import { HttpTarget, pinForTarget } from './httpTarget';
import { sendHttpRequest } from './sendHttpRequest';

const DEFAULT_POLL_SECONDS = 5;

/** Reads the started run until its status is final, within the timeout. */
export async function pollHttpRun(options: {
  target: HttpTarget;
  poll: RunbookHttpPoll;
  pollPath: string;
  started: Answer;
  headers: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
  progress: (output: ExecutionOutput) => Promise<void>;
}): Promise<ActionResult> {
  const { target, poll, started, signal } = options;
  const runId = scalarText(readPointer(started.body, poll.idFrom));
  if (runId === undefined) {
    const error = `${started.summary}, but the answer has no run id at ${poll.idFrom} (poll.idFrom)`;
    return {
      status: 'failed',
      output: { ...outputOf(started), summary: error, error },
    };
  }
  const checked = pollUrl(target.config.baseUrl, options.pollPath, runId);
  if (!checked) {
    const error = `${started.summary}, but run id "${runId}" would leave the target's base path (poll.path): not polled`;
    return {
      status: 'failed',
      output: { ...outputOf(started), summary: error, error },
    };
  }
  const runUrl = checked.href;
  const base = { runId, runUrl };
  let last = 'started';
  await options.progress({
    ...outputOf(started),
    ...base,
    summary: `Run ${runId}: started`,
  });
  const headers = { ...options.headers };
  delete headers['content-type'];
  const intervalMs = (poll.intervalSeconds ?? DEFAULT_POLL_SECONDS) * 1000;
  try {
    for (;;) {
      await sleep(intervalMs, undefined, { signal });
      let pinned: PinnedUrl;
      try {
        pinned = await pinForTarget(checked, target);
      } catch (error) {
        if (!(error instanceof HostRefusedError)) throw error;
        const message = `Run ${runId} cannot be polled: ${error.message}`;
        return {
          status: 'failed',
          output: { ...base, summary: message, error: message },
        };
      }
      const answer = await sendHttpRequest(
        target,
        pinned,
        'GET',
        headers,
        undefined,
        signal,
      );
      if ('failed' in answer) {
        return {
          ...answer.failed,
          output: { ...answer.failed.output, ...base },
        };
      }
      if (!answer.ok) {
        const message = `Run ${runId}: polling answered ${answer.summary}`;
        return {
          status: 'failed',
          output: {
            ...outputOf(answer),
            ...base,
            summary: message,
            error: message,
          },
        };
      }
      const status = scalarText(readPointer(answer.body, poll.statusFrom));
      const output = {
        ...outputOf(answer),
        ...base,
        summary: `Run ${runId}: ${status ?? 'no status'}`,
      };
      if (status !== undefined && poll.succeededWhen.includes(status)) {
        return { status: 'succeeded', output };
      }
      if (status !== undefined && (poll.failedWhen ?? []).includes(status)) {
        return {
          status: 'failed',
          output: { ...output, error: output.summary },
        };
      }
      if (status !== last) {
        last = status ?? 'no status';
        await options.progress(output);
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
    const message = `Run ${runId} did not end within ${
      options.timeoutMs / 1000
    } s (timeoutSeconds); last status: ${last}`;
    return {
      status: 'failed',
      output: { ...base, summary: message, error: message },
    };
  }
}
