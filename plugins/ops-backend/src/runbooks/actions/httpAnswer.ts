import { ExecutionOutput, OpsJsonValue } from '@unyo/plugin-ops-common';

// What of an answer is kept with the execution.
const MAX_KEPT_CHARS = 16 * 1024;

/** An answer to a request, after its redirects. */
export interface Answer {
  httpStatus: number;
  ok: boolean;
  body: OpsJsonValue | undefined;
  summary: string;
}

/** The body kept: parsed JSON when it is short and whole, else text cut short. */
export function keptBody(
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

export function outputOf(answer: Answer): ExecutionOutput {
  return {
    summary: answer.summary,
    httpStatus: answer.httpStatus,
    ...(answer.body !== undefined ? { body: answer.body } : {}),
  };
}
