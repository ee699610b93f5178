import { describeExpectation, meetsExpectation } from './expectation';
import { redactParameters, validateParameters } from './parameters';

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

  it('redacts secret parameters', () => {
    expect(redactParameters(schema, { reason: 'x', password: 'pw' })).toEqual({
      reason: 'x',
      password: '***',
    });
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
