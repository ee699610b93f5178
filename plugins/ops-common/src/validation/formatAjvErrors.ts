import type { ErrorObject } from 'ajv';
import type { OpsValidationError } from './types';

/**
 * Turns ajv errors (collected with `allErrors` and `verbose`) into one
 * message per problem, each naming the field.
 *
 * Conventions the schemas follow for this:
 * - a `pattern` or `format` sits in a schema whose `description` is a noun
 *   phrase ("a duration: ..."), used as "<path> must be <description>";
 * - an `anyOf`/`oneOf` whose branches only list `required` properties reads
 *   as "<path> must have a or b".
 *
 * @public
 */
export function formatAjvErrors(
  errors: ErrorObject[] | null | undefined,
): OpsValidationError[] {
  const all = errors ?? [];
  const result: OpsValidationError[] = [];
  const seen = new Set<string>();
  const add = (path: string, text: string) => {
    const message = `${path || 'document'} ${text}`;
    if (!seen.has(message)) {
      seen.add(message);
      result.push({ path, message });
    }
  };

  // Branch errors of an anyOf/oneOf that reads as one sentence are replaced
  // by that sentence; other branch errors stay, as they say what is wrong.
  const replaced = new Set<ErrorObject>();
  for (const error of all) {
    if (isAlternatives(error) && describeAlternatives(error)) {
      for (const branchError of branchErrorsOf(error, all)) {
        replaced.add(branchError);
      }
    }
  }

  for (const error of all) {
    if (replaced.has(error)) {
      continue;
    }
    const path = toReadablePath(error.instancePath);
    switch (error.keyword) {
      case 'if':
        // Says only "must match then schema"; the then-errors say what.
        break;
      case 'required': {
        const missing = String(error.params.missingProperty);
        add(joinPath(path, missing), 'is required');
        break;
      }
      case 'anyOf':
      case 'oneOf': {
        const text = describeAlternatives(error);
        if (text) {
          add(path, text);
        } else if (branchErrorsOf(error, all).length === 0) {
          add(path, 'must match exactly one of its allowed forms');
        }
        break;
      }
      case 'enum':
        add(
          path,
          `must be one of ${(error.params.allowedValues as unknown[]).join(
            ', ',
          )}`,
        );
        break;
      case 'const':
        add(path, `must be ${String(error.params.allowedValue)}`);
        break;
      case 'type':
        add(path, `must be ${describeType(error.params.type)}`);
        break;
      case 'pattern':
      case 'format': {
        const description = error.parentSchema?.description;
        const expected = description
          ? `must be ${description}`
          : `must match ${error.params.pattern ?? error.params.format}`;
        add(path, `${expected} (got ${JSON.stringify(error.data)})`);
        break;
      }
      case 'minItems':
        add(path, `must have at least ${count(error.params.limit, 'item')}`);
        break;
      case 'maxItems':
        add(path, `must have at most ${count(error.params.limit, 'item')}`);
        break;
      case 'minLength':
        add(
          path,
          error.params.limit === 1
            ? 'must not be empty'
            : `must have at least ${count(error.params.limit, 'character')}`,
        );
        break;
      case 'maxLength':
        add(
          path,
          `must have at most ${count(error.params.limit, 'character')}`,
        );
        break;
      case 'false schema':
        add(path, 'is not allowed here');
        break;
      default:
        add(path, error.message ?? 'is invalid');
    }
  }
  return result;
}

/** `/spec/steps/1/action` → `spec.steps[1].action` */
export function toReadablePath(instancePath: string): string {
  if (!instancePath) {
    return '';
  }
  return instancePath
    .slice(1)
    .split('/')
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(joinPath, '');
}

export function joinPath(path: string, segment: string | number): string {
  if (typeof segment === 'number' || /^[0-9]+$/.test(segment)) {
    return `${path}[${segment}]`;
  }
  if (!/^[A-Za-z_$][\w$-]*$/.test(segment)) {
    return `${path}[${JSON.stringify(segment)}]`;
  }
  return path ? `${path}.${segment}` : segment;
}

function isAlternatives(error: ErrorObject) {
  return error.keyword === 'anyOf' || error.keyword === 'oneOf';
}

function branchErrorsOf(error: ErrorObject, all: ErrorObject[]) {
  const prefix = `${error.schemaPath}/`;
  return all.filter(
    other =>
      other !== error &&
      other.schemaPath.startsWith(prefix) &&
      other.instancePath.startsWith(error.instancePath),
  );
}

/** "must have good or bad", when every branch is just `{ required: [...] }` */
function describeAlternatives(error: ErrorObject): string | undefined {
  const branches = error.schema as unknown;
  if (!Array.isArray(branches)) {
    return undefined;
  }
  const names: string[] = [];
  for (const branch of branches) {
    const keys =
      branch && typeof branch === 'object' ? Object.keys(branch) : [];
    if (keys.length !== 1 || keys[0] !== 'required') {
      return undefined;
    }
    names.push((branch.required as string[]).join(' and '));
  }
  const passing = error.params.passingSchemas as number[] | null | undefined;
  if (error.keyword === 'oneOf' && Array.isArray(passing)) {
    return `must have only one of ${names.join(', ')}`;
  }
  return `must have ${names.join(' or ')}`;
}

function describeType(type: string | string[]): string {
  const article = (t: string) => `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`;
  return (Array.isArray(type) ? type : String(type).split(','))
    .map(article)
    .join(' or ');
}

function count(n: number, noun: string) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
