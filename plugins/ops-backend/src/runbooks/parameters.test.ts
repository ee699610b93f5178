import { describeExpectation, meetsExpectation } from './expectation';
import { validateParameters } from './parameters';

const schema = {
  type: 'object',
  properties: {
    reason: { type: 'string', minLength: 1 },
    replicas: { type: 'integer', minimum: 1, default: 2 },
    password: { type: 'string', format: 'password' },
    at: { type: 'string', format: 'date-time' },
  },
  required: ['reason'],
  additionalProperties: false,
};

describe('validateParameters', () => {
  it('applies defaults and answers valid parameters', () => {
    expect(validateParameters(schema, { reason: 'x' }, 'p')).toEqual({
      reason: 'x',
      replicas: 2,
    });
  });

  it('names every field that is wrong', () => {
    expect(() =>
      validateParameters(schema, { replicas: 0, other: 1 }, 'p'),
    ).toThrow(
      'parameters.reason is required; parameters must NOT have additional properties; parameters.replicas must be >= 1',
    );
  });

  it('checks date-time values', () => {
    expect(
      validateParameters(
        schema,
        { reason: 'x', at: '2026-11-23T07:00:00Z' },
        'p',
      ),
    ).toMatchObject({ at: '2026-11-23T07:00:00Z' });
    expect(() =>
      validateParameters(schema, { reason: 'x', at: 'yesterday' }, 'p'),
    ).toThrow('parameters.at must match date-time (got "yesterday")');
  });

  it('accepts nothing but {} for an action without a schema', () => {
    expect(validateParameters(undefined, undefined, 'p')).toEqual({});
    expect(() => validateParameters(undefined, { x: 1 }, 'p')).toThrow(
      'parameters.x is not a parameter of this action (it takes none)',
    );
  });

  it('names the runbook field of a schema that does not compile', () => {
    expect(() =>
      validateParameters(
        { type: 'no-such-type' },
        {},
        'spec.actions[2].parameters',
      ),
    ).toThrow(/^spec\.actions\[2\]\.parameters is not a valid JSON schema/);
  });

  // The schema of the runner form's e2e test (docs/runbook-actions.md):
  // what the form refuses before sending, the backend refuses too.
  const rich = {
    type: 'object',
    properties: {
      ticket: {
        type: 'object',
        properties: {
          system: { type: 'string', enum: ['jira', 'servicenow'] },
          id: { type: 'string', pattern: '^[A-Z]+-[0-9]+$' },
        },
        required: ['id'],
      },
      notify: { type: 'array', items: { type: 'string', format: 'email' } },
      scope: {
        oneOf: [
          {
            title: 'All',
            type: 'object',
            properties: { all: { const: true } },
            required: ['all'],
            additionalProperties: false,
          },
          {
            title: 'Hosts',
            type: 'object',
            properties: {
              hosts: { type: 'array', items: { type: 'string' }, minItems: 1 },
            },
            required: ['hosts'],
            additionalProperties: false,
          },
        ],
      },
      runbookUrl: { type: 'string', format: 'uri' },
      token: { type: 'string' },
    },
    required: ['ticket', 'token'],
  };

  it('accepts nested objects, arrays, a oneOf branch and formats', () => {
    const value = {
      ticket: { system: 'jira', id: 'OPS-12' },
      notify: ['oncall@example.com'],
      scope: { hosts: ['a', 'b'] },
      runbookUrl: 'https://example.com/r',
      token: 's3cret',
    };
    expect(validateParameters(rich, value, 'p')).toEqual(value);
  });

  it('names the nested field, the array item and the oneOf that are wrong', () => {
    expect(() =>
      validateParameters(
        rich,
        {
          ticket: { id: 'nope' },
          notify: ['not-an-address'],
          scope: { hosts: [] },
          runbookUrl: 'not a uri',
          token: 'x',
        },
        'p',
      ),
    ).toThrow(
      'parameters.ticket.id must match ^[A-Z]+-[0-9]+$ (got "nope"); parameters.notify[0] must match email (got "not-an-address"); parameters.scope.all is required; parameters.scope must NOT have additional properties; parameters.scope.hosts must have at least 1 item; parameters.runbookUrl must match uri (got "not a uri")',
    );
    expect(() =>
      validateParameters(
        rich,
        {
          ticket: { id: 'A-1' },
          token: 'x',
          scope: { all: true, hosts: ['a'] },
        },
        'p',
      ),
    ).toThrow(/parameters\.scope/);
  });
});

describe('expectations', () => {
  it.each([
    ['lt', 1, 2, true],
    ['lt', 2, 2, false],
    ['lte', 2, 2, true],
    ['gt', 3, 2, true],
    ['gte', 1, 2, false],
    ['eq', 2, 2, true],
    ['ne', 2, 2, false],
  ] as const)('%s: %d against %d is %s', (op, value, bound, expected) => {
    expect(meetsExpectation(value, { op, value: bound })).toBe(expected);
  });

  it('never passes without a value or with NaN', () => {
    expect(meetsExpectation(null, { op: 'ne', value: 1 })).toBe(false);
    expect(meetsExpectation(NaN, { op: 'ne', value: 1 })).toBe(false);
    expect(describeExpectation({ op: 'gte', value: 0.99 })).toBe('>= 0.99');
  });
});
