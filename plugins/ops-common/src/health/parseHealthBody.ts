import { HealthCheck, HealthState } from './types';
import { healthStateOf, worstHealthState } from './vocabulary';

/**
 * What an HTTP health endpoint said, read from its status code and body.
 *
 * @public
 */
export interface ParsedHealthBody {
  status: HealthState;
  checks: HealthCheck[];
  /** Set when the answer is an error or cannot be read. */
  message?: string;
}

/** @public */
export interface HealthBodyInput {
  statusCode: number;
  /** The Content-Type header, if any. */
  contentType?: string;
  body: string;
}

// Where health bodies list their dependencies: `services` (CQRS-style apps), MaiRust
// and the IETF draft `checks`, Spring Boot `components` (`details` before
// Boot 2.2), ASP.NET Core `entries`, others `dependencies`.
const CHECK_KEYS = [
  'services',
  'checks',
  'components',
  'details',
  'entries',
  'dependencies',
];
const STATUS_KEYS = ['status', 'state', 'health'];
const NAME_KEYS = ['name', 'componentId', 'component', 'id'];
const MAX_DETAIL = 200;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function statusField(obj: JsonObject): { key?: string; state?: HealthState } {
  for (const key of STATUS_KEYS) {
    if (key in obj) {
      const state = healthStateOf(obj[key]);
      // `health: {...}` is a nested report, not a word: keep looking
      if (state || typeof obj[key] === 'string') {
        return { key, state: state ?? 'unknown' };
      }
    }
  }
  return {};
}

function formatValue(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields besides the status as `key: value`, shortened for display. */
function detailOf(obj: JsonObject, skip: string[]): string | undefined {
  const parts = Object.entries(obj)
    .filter(([key]) => !skip.includes(key))
    .map(([key, value]) => `${key}: ${formatValue(value)}`);
  if (parts.length === 0) return undefined;
  const text = parts.join(', ');
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

function checkOf(name: string, value: Json): HealthCheck {
  if (isObject(value)) {
    const { key, state } = statusField(value);
    const nested = checksOf(value);
    // A dependency without a status word of its own is as good as its parts.
    const status =
      state ??
      (nested.length > 0
        ? worstHealthState(nested.map(c => c.status))
        : 'unknown');
    const skip = [key ?? '', ...NAME_KEYS];
    return { name, status, detail: detailOf(value, skip) };
  }
  if (Array.isArray(value)) {
    // IETF draft: `"db:responseTime": [{ status, observedValue, ... }]`
    const parts = value.map((v, i) => checkOf(`${name}[${i}]`, v));
    const detail = parts
      .map(p => p.detail)
      .filter(Boolean)
      .join('; ');
    return {
      name,
      status:
        parts.length > 0
          ? worstHealthState(parts.map(p => p.status))
          : 'unknown',
      ...(detail ? { detail } : {}),
    };
  }
  const state = healthStateOf(value);
  return state
    ? { name, status: state }
    : { name, status: 'unknown', detail: formatValue(value) };
}

function nameOf(obj: JsonObject, index: number): string {
  for (const key of NAME_KEYS) {
    if (typeof obj[key] === 'string') return obj[key] as string;
  }
  return `#${index + 1}`;
}

function checksOf(obj: JsonObject): HealthCheck[] {
  const checks: HealthCheck[] = [];
  for (const key of CHECK_KEYS) {
    const value = obj[key];
    if (isObject(value)) {
      for (const [name, v] of Object.entries(value)) {
        checks.push(checkOf(name, v));
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (isObject(item)) {
          const check = checkOf(nameOf(item, index), item);
          checks.push(check);
        }
      });
    }
  }
  return checks;
}

function isJsonContentType(contentType?: string): boolean {
  return !!contentType && /[/+]json\b/i.test(contentType);
}

function httpState(statusCode: number): HealthState {
  if (statusCode >= 200 && statusCode < 300) return 'up';
  return 'down';
}

/**
 * Reads a health answer: the HTTP status decides whether the service is
 * reachable and well, the body (when it is JSON) says more, per dependency.
 *
 * Rules, in order: a non-2xx answer is `down`; a top-level status word
 * counts; a service that says it is up while a dependency is not is
 * `degraded`; without a status word the checks decide; a 2xx answer that is
 * not JSON at all (Rails' `/up` page, a plain `OK`) is `up`. A body that
 * claims to be JSON and is not, or is JSON of no known shape, is reported
 * with a message and `unknown`, never thrown.
 *
 * @public
 */
export function parseHealthBody(input: HealthBodyInput): ParsedHealthBody {
  const { statusCode, contentType, body } = input;
  const fromHttp = httpState(statusCode);
  const httpMessage = fromHttp === 'up' ? undefined : `HTTP ${statusCode}`;
  const text = body.trim();
  const looksJson = /^[{["]/.test(text);
  if (!isJsonContentType(contentType) && !looksJson) {
    return { status: fromHttp, checks: [], message: httpMessage };
  }
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    if (!isJsonContentType(contentType)) {
      return { status: fromHttp, checks: [], message: httpMessage };
    }
    return {
      status: fromHttp === 'up' ? 'unknown' : fromHttp,
      checks: [],
      message: `${
        httpMessage ? `${httpMessage}: ` : ''
      }the body is not valid JSON (${(e as Error).message})`,
    };
  }
  if (typeof json === 'string' || typeof json === 'boolean') {
    const state = healthStateOf(json) ?? 'unknown';
    return {
      status: worstHealthState([fromHttp, state]),
      checks: [],
      message: httpMessage,
    };
  }
  if (!isObject(json)) {
    return {
      status: fromHttp === 'up' ? 'unknown' : fromHttp,
      checks: [],
      message: `${
        httpMessage ? `${httpMessage}: ` : ''
      }the body is JSON of no known health shape (an object with a status is expected)`,
    };
  }
  const { state } = statusField(json);
  const checks = checksOf(json);
  const worstCheck =
    checks.length > 0 ? worstHealthState(checks.map(c => c.status)) : 'up';
  let status: HealthState;
  if (fromHttp !== 'up') {
    status = 'down';
  } else if (state && state !== 'up') {
    status = state;
  } else if (worstCheck === 'up') {
    status = state ?? 'up';
  } else {
    // The process answers but a dependency does not: degraded, not down.
    status = worstCheck === 'unknown' && !state ? 'unknown' : 'degraded';
  }
  const failing = checks.filter(c => c.status === 'down').map(c => c.name);
  const message =
    httpMessage ??
    (status !== 'up' && failing.length > 0
      ? `Failing: ${failing.join(', ')}`
      : undefined);
  return { status, checks, ...(message ? { message } : {}) };
}
