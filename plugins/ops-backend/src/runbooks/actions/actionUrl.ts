import { InputError } from '@backstage/errors';
import { OpsJsonObject } from '@unyo/plugin-ops-common';
import { isAtOrBelow } from '../../lib/allowedHosts';
import { PARAMETER, parameterText, requiredParameter } from '../templates';

/**
 * The URLs of `http` actions (docs/input-limits.md, "Runbook action URLs"):
 * a `${parameters.x}` value in the path is exactly one path segment, in the
 * query one value, and the URL, after `new URL` normalised it, stays under
 * the target's `baseUrl` path: a parameter can never choose another
 * endpoint of the automation server.
 */
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls and DEL: never part of a segment or value of a target's API.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** One placeholder's value, encoded as a path segment or query value. */
function encoded(
  parameters: OpsJsonObject,
  name: string,
  where: string,
  inQuery: boolean,
): string {
  const value = parameterText(requiredParameter(parameters, name, where));
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) {
    throw new InputError(
      `parameters.${name} must not contain control characters or lone surrogates (${where})`,
    );
  }
  if (!inQuery && (value === '' || value === '.' || value === '..')) {
    throw new InputError(
      `parameters.${name} must be one path segment of ${where}: "", "." and ".." are refused`,
    );
  }
  // Encodes "/", "?", "#", "%" and "&" too: the value cannot add a segment,
  // start the query, or a further query field.
  return encodeURIComponent(value);
}

/** `path` with its placeholders filled: path segments, then query values. */
export function interpolateActionPath(
  path: string,
  parameters: OpsJsonObject,
  where: string,
): string {
  const q = path.indexOf('?');
  const pathPart = q < 0 ? path : path.slice(0, q);
  const queryPart = q < 0 ? '' : path.slice(q);
  const fill = (part: string, inQuery: boolean) =>
    part.replace(PARAMETER, (_, name) =>
      encoded(parameters, name, where, inQuery),
    );
  return fill(pathPart, false) + fill(queryPart, true);
}

/** The base URL's path, without its trailing slashes (`''` for the root). */
function basePath(baseUrl: URL): string {
  return baseUrl.pathname.replace(/\/+$/, '');
}

/** Whether `url` has the target's origin and lies at or below its path. */
export function isUnderBase(url: URL, baseUrl: string): boolean {
  const base = new URL(baseUrl);
  if (url.origin !== base.origin || url.username || url.password) {
    return false;
  }
  return isAtOrBelow(url.pathname, basePath(base));
}

/** `baseUrl` and a path of the target joined, without doubling the slash. */
export function joinBase(baseUrl: string, path: string): URL {
  return new URL(`${baseUrl.replace(/\/+$/, '')}${path}`);
}

/**
 * An action's path (`request.path`, `poll.path`) with its placeholders
 * filled, refused (an InputError naming the parameters used, so the
 * execution is `rejected` and nothing is sent) when it does not start with
 * one `/` or leaves the base path once normalised.
 */
export function actionPath(
  baseUrl: string,
  path: string,
  parameters: OpsJsonObject,
  where: string,
): string {
  const filled = interpolateActionPath(path, parameters, where);
  if (!filled.startsWith('/') || filled.startsWith('//')) {
    throw new InputError(`${where} must start with a single /: ${filled}`);
  }
  if (!isUnderBase(joinBase(baseUrl, filled), baseUrl)) {
    const used = [...path.matchAll(PARAMETER)].map(m => `parameters.${m[1]}`);
    throw new InputError(
      `${where} leaves the target's base path ${
        basePath(new URL(baseUrl)) || '/'
      }${used.length ? ` with ${used.join(', ')}` : ''}: not sent`,
    );
  }
  return filled;
}

/**
 * A poll URL: `{id}` in `pollPath` replaced by the run id as one path
 * segment; `undefined` when the id is not a segment or the URL leaves the
 * base path.
 */
export function pollUrl(
  baseUrl: string,
  pollPath: string,
  runId: string,
): URL | undefined {
  if (
    runId === '' ||
    runId === '.' ||
    runId === '..' ||
    CONTROL.test(runId) ||
    LONE_SURROGATE.test(runId)
  ) {
    return undefined;
  }
  const url = joinBase(
    baseUrl,
    pollPath.replace(/\{id\}/g, encodeURIComponent(runId)),
  );
  return isUnderBase(url, baseUrl) ? url : undefined;
}
