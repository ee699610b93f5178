import { validateHeaderName, validateHeaderValue } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '@backstage/errors';
import {
  ExecutionOutput,
  OpsJsonValue,
  RunbookHttpPoll,
} from '@unyo/plugin-ops-common';
import { OpsRunbookTargetConfig } from '../../config/OpsConfig';
import { AllowList, parseAllowList } from '../allowList';
import { readPointer, scalarText } from '../jsonPointer';
import {
  HostRefusedError,
  PinnedUrl,
  Resolver,
  pinUrl,
  sendPinned,
} from '../pinnedRequest';
import { interpolateBody, interpolateHeader } from '../templates';
import { actionPath, isUnderBase, joinBase, pollUrl } from './actionUrl';
import {
  ActionContext,
  ActionResult,
  ActionRunner,
  RunAction,
} from '@unyo/plugin-ops-node';

const MAX_REDIRECTS = 3;
// What is read of an answer, and what of it is kept with the execution.
const MAX_BODY_BYTES = 256 * 1024;
const MAX_KEPT_CHARS = 16 * 1024;
const DEFAULT_POLL_SECONDS = 5;

interface Target {
  config: OpsRunbookTargetConfig;
  allowList: AllowList;
  allowListKey: string;
}

function keptBody(
  text: string,
  contentType: string | undefined,
  truncated: boolean,
): OpsJsonValue | undefined {
  if (text === '') return undefined;
  if (
    !truncated &&
    text.length <= MAX_KEPT_CHARS &&
    /json/i.test(contentType ?? '')
  ) {
    try {
      return JSON.parse(text);
    } catch {
      // not JSON after all: kept as text
    }
  }
  return text.length > MAX_KEPT_CHARS || truncated
    ? `${text.slice(0, MAX_KEPT_CHARS)}… (truncated)`
    : text;
}

/**
 * `http` actions: a request to a target of `ops.runbooks.targets`, only to
 * its allowed hosts, connecting to the address that was checked, with
 * redirects followed by hand and each hop checked again.
 */
export class HttpActionRunner implements ActionRunner {
  private readonly targets: Map<string, Target>;

  constructor(
    targets: OpsRunbookTargetConfig[],
    private readonly resolve?: Resolver,
  ) {
    this.targets = new Map(
      targets.map(t => {
        const allowListKey = `ops.runbooks.targets.${t.name}.allowedHosts`;
        return [
          t.name,
          {
            config: t,
            allowList: parseAllowList(t.allowedHosts, allowListKey),
            allowListKey,
          },
        ];
      }),
    );
  }

  async prepare(context: ActionContext): Promise<RunAction> {
    const { action, parameters } = context;
    const request = action.request;
    if (!action.target || !request) {
      throw new InputError(
        `Action ${action.id} of ${context.runbookRef} has no target or request`,
      );
    }
    const target = this.targets.get(action.target);
    if (!target) {
      throw new InputError(
        `Target "${action.target}" is not configured: set ops.runbooks.targets.${action.target} in app-config`,
      );
    }
    const { baseUrl } = target.config;
    const url = joinBase(
      baseUrl,
      actionPath(baseUrl, request.path, parameters, 'request.path'),
    );
    let pinned: PinnedUrl;
    try {
      pinned = await pinUrl(
        url,
        target.allowList,
        target.allowListKey,
        this.resolve,
      );
    } catch (error) {
      if (error instanceof HostRefusedError) {
        throw new InputError(`Not sent: ${error.message}`);
      }
      throw error;
    }
    const hasBody = request.body !== undefined && request.method !== 'GET';
    const headers: Record<string, string> = {
      accept: 'application/json, */*;q=0.5',
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
    };
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      const text = interpolateHeader(name, value, parameters);
      try {
        validateHeaderName(name);
        validateHeaderValue(name, text);
      } catch (error) {
        throw new InputError(
          `request.headers.${name} is not a valid header: ${
            (error as Error).message
          }`,
        );
      }
      headers[name.toLowerCase()] = text;
    }
    // The target's own headers (credentials) win over the runbook's.
    for (const [name, value] of Object.entries(target.config.headers)) {
      headers[name.toLowerCase()] = value;
    }
    const body = hasBody
      ? JSON.stringify(interpolateBody(request.body!, parameters))
      : undefined;
    const poll = action.poll;
    const pollPath =
      poll && actionPath(baseUrl, poll.path, parameters, 'poll.path');
    return async (signal, progress) => {
      const answer = await this.send(
        target,
        pinned,
        request.method,
        headers,
        body,
        signal,
      );
      if ('failed' in answer) return answer.failed;
      if (!answer.ok) {
        return {
          status: 'failed',
          output: { ...outputOf(answer), error: answer.summary },
        };
      }
      if (!poll || pollPath === undefined) {
        return { status: 'succeeded', output: outputOf(answer) };
      }
      return this.poll({
        target,
        poll,
        pollPath,
        started: answer,
        headers,
        timeoutMs: context.timeoutMs,
        signal,
        progress,
      });
    };
  }

  /** One request with its redirects; a refused redirect or too many end it. */
  private async send(
    target: Target,
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
          current = await pinUrl(
            next,
            target.allowList,
            target.allowListKey,
            this.resolve,
          );
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

  /** Reads the started run until its status is final, within the timeout. */
  private async poll(options: {
    target: Target;
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
          pinned = await pinUrl(
            checked,
            target.allowList,
            target.allowListKey,
            this.resolve,
          );
        } catch (error) {
          if (!(error instanceof HostRefusedError)) throw error;
          const message = `Run ${runId} cannot be polled: ${error.message}`;
          return {
            status: 'failed',
            output: { ...base, summary: message, error: message },
          };
        }
        const answer = await this.send(
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
}

interface Answer {
  httpStatus: number;
  ok: boolean;
  body: OpsJsonValue | undefined;
  summary: string;
}

function outputOf(answer: Answer): ExecutionOutput {
  return {
    summary: answer.summary,
    httpStatus: answer.httpStatus,
    ...(answer.body !== undefined ? { body: answer.body } : {}),
  };
}
