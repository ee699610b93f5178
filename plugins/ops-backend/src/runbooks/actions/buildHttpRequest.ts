import { validateHeaderName, validateHeaderValue } from 'node:http';
import { InputError } from '@backstage/errors';
import {
  OpsJsonObject,
  RunbookAction,
  RunbookHttpRequest,
} from '@unyo/plugin-ops-common';
import { HostRefusedError, PinnedUrl } from '../pinnedRequest';
import { interpolateBody, interpolateHeader } from '../templates';
import { actionPath, joinBase } from './actionUrl';
import { HttpTarget, pinForTarget } from './httpTarget';

/** The request of an `http` action, built and checked before it runs. */
export interface HttpRequest {
  pinned: PinnedUrl;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** The poll path with the parameters in, when the action polls. */
  pollPath?: string;
}

/**
 * Fills the action's request in with the parameters: a path under the
 * target's base URL to an allowed host, valid headers (the target's own win),
 * a JSON body. Throws InputError naming what is wrong; nothing is sent.
 */
export async function buildHttpRequest(
  action: RunbookAction,
  request: RunbookHttpRequest,
  target: HttpTarget,
  parameters: OpsJsonObject,
): Promise<HttpRequest> {
  const { baseUrl } = target.config;
  const url = joinBase(
    baseUrl,
    actionPath(baseUrl, request.path, parameters, 'request.path'),
  );
  let pinned: PinnedUrl;
  try {
    pinned = await pinForTarget(url, target);
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
  return { pinned, method: request.method, headers, body, pollPath };
}
