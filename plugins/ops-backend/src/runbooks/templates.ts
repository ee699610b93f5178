import { InputError } from '@backstage/errors';
import {
  OpsJsonObject,
  OpsJsonValue,
  SelectorMatcher,
  formatMatcher,
} from '@unyo/plugin-ops-common';

/**
 * Placeholders in runbook actions: `${parameters.<name>}` (validated
 * parameters, all action types), and in `prometheus-query` queries
 * `${selector}` (the entity's alert-selector matchers) and
 * `${labels.<name>}` (the value of its `name="..."` matcher).
 */
export const PARAMETER = /\$\{parameters\.([A-Za-z_][A-Za-z0-9_]*)\}/g;
const WHOLE_PARAMETER = /^\$\{parameters\.([A-Za-z_][A-Za-z0-9_]*)\}$/;
const QUERY_PLACEHOLDER =
  /\$\{(?:parameters\.([A-Za-z_][A-Za-z0-9_]*)|labels\.([A-Za-z_][A-Za-z0-9_]*)|(selector))\}/g;

/** A placeholder's parameter; a 400 naming it and `where` when it is not given. */
export function requiredParameter(
  parameters: OpsJsonObject,
  name: string,
  where: string,
): OpsJsonValue {
  const value = parameters[name];
  if (value === undefined || value === null) {
    throw new InputError(
      `parameters.${name} is required: ${where} uses \${parameters.${name}}`,
    );
  }
  return value;
}

/** A parameter as it is written into text: strings as they are, others as JSON. */
export function parameterText(value: OpsJsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A header value; line breaks are refused (they would split the header). */
export function interpolateHeader(
  name: string,
  value: string,
  parameters: OpsJsonObject,
): string {
  const where = `request.headers.${name}`;
  const result = value.replace(PARAMETER, (_, p) =>
    parameterText(requiredParameter(parameters, p, where)),
  );
  if (/[\r\n\0]/.test(result)) {
    throw new InputError(`${where} must not contain line breaks`);
  }
  return result;
}

/**
 * A JSON request body: a string that is exactly one placeholder becomes the
 * parameter's JSON value (a number stays a number); placeholders inside a
 * longer string insert the value's text. Keys are left as written.
 */
export function interpolateBody(
  body: OpsJsonValue,
  parameters: OpsJsonObject,
): OpsJsonValue {
  if (typeof body === 'string') {
    const whole = WHOLE_PARAMETER.exec(body);
    if (whole) return requiredParameter(parameters, whole[1], 'request.body');
    return body.replace(PARAMETER, (_, name) =>
      parameterText(requiredParameter(parameters, name, 'request.body')),
    );
  }
  if (Array.isArray(body)) {
    return body.map(item => interpolateBody(item, parameters));
  }
  if (body && typeof body === 'object') {
    return Object.fromEntries(
      Object.entries(body).flatMap(([k, v]) =>
        v === undefined ? [] : [[k, interpolateBody(v, parameters)]],
      ),
    );
  }
  return body;
}

/** The content of a PromQL double-quoted string (the quotes not included). */
export function promqlStringContent(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

/** Whether a query needs the entity's alert selector. */
export function queryUsesEntity(query: string): boolean {
  return /\$\{(selector|labels\.[A-Za-z_][A-Za-z0-9_]*)\}/.test(query);
}

/**
 * A `prometheus-query` query with its placeholders filled: `${selector}` as
 * matchers (`service="x",env=~"prod"`), `${labels.x}` and string parameters
 * escaped for use inside double quotes, numbers and booleans as written.
 */
export function interpolateQuery(
  query: string,
  parameters: OpsJsonObject,
  selector?: SelectorMatcher[],
): string {
  return query.replace(QUERY_PLACEHOLDER, (_, param, label, whole) => {
    if (whole) {
      if (!selector)
        throw new InputError('query uses ${selector}, but no entity was given');
      return selector.map(formatMatcher).join(',');
    }
    if (label) {
      const matcher = selector?.find(m => m.name === label && m.op === '=');
      if (!matcher) {
        throw new InputError(
          `query uses \${labels.${label}}, but the entity's alert selector has no ${label}="..." matcher`,
        );
      }
      return promqlStringContent(matcher.value);
    }
    const value = requiredParameter(parameters, param, 'query');
    if (typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
    return promqlStringContent(parameterText(value));
  });
}
