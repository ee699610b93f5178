import { InputError } from '@backstage/errors';
import { OpsRunbookTargetConfig } from '../../config/OpsConfig';
import { Resolver } from '../pinnedRequest';
import { ActionContext, ActionRunner, RunAction } from '@unyo/plugin-ops-node';
import { buildHttpRequest } from './buildHttpRequest';
import { outputOf } from './httpAnswer';
import { HttpTarget, httpTargetOf } from './httpTarget';
import { pollHttpRun } from './pollHttpRun';
import { sendHttpRequest } from './sendHttpRequest';

/**
 * `http` actions: a request to a target of `ops.runbooks.targets`, only to
 * its allowed hosts, connecting to the address that was checked, with
 * redirects followed by hand and each hop checked again.
 */
export class HttpActionRunner implements ActionRunner {
  private readonly targets: Map<string, HttpTarget>;

  constructor(targets: OpsRunbookTargetConfig[], resolve?: Resolver) {
    this.targets = new Map(
      targets.map(t => [t.name, httpTargetOf(t, resolve)]),
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
    const { pinned, method, headers, body, pollPath } = await buildHttpRequest(
      action,
      request,
      target,
      parameters,
    );
    const poll = action.poll;
    return async (signal, progress) => {
      const answer = await sendHttpRequest(
        target,
        pinned,
        method,
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
      return pollHttpRun({
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
}
