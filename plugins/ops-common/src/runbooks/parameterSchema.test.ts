import {
  isSecretParameter,
  PARAMETER_FORMATS,
  redactParameters,
} from './parameterSchema';

const schema = {
  type: 'object',
  properties: {
    reason: { type: 'string' },
    password: { type: 'string', format: 'password' },
    ticket: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        apiKey: { type: 'string', writeOnly: true },
      },
    },
    hosts: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, token: { type: 'string' } },
      },
    },
    auth: {
      oneOf: [
        { type: 'object', properties: { user: { type: 'string' } } },
        {
          type: 'object',
          properties: { secret: { type: 'string', format: 'password' } },
        },
      ],
    },
    pin: { type: 'string' },
  },
};
const uiSchema = {
  pin: { 'ui:widget': 'password' },
  hosts: { items: { token: { 'ui:widget': 'password' } } },
};

describe('redactParameters', () => {
  it('masks secrets at any depth, by schema or by uiSchema', () => {
    expect(
      redactParameters(
        schema,
        {
          reason: 'r',
          password: 'pw',
          ticket: { id: 'INC-1', apiKey: 'k' },
          hosts: [{ name: 'a', token: 't1' }, { name: 'b' }],
          auth: { secret: 's' },
          pin: '1234',
          unknown: 'u',
        },
        uiSchema,
      ),
    ).toEqual({
      reason: 'r',
      password: '***',
      ticket: { id: 'INC-1', apiKey: '***' },
      hosts: [{ name: 'a', token: '***' }, { name: 'b' }],
      auth: { secret: '***' },
      pin: '***',
      unknown: 'u',
    });
  });

  it('keeps everything without a schema', () => {
    expect(redactParameters(undefined, { a: 'x' })).toEqual({ a: 'x' });
  });
});

describe('isSecretParameter', () => {
  it.each([
    [{ type: 'string', writeOnly: true }, undefined, true],
    [{ type: 'string', format: 'password' }, undefined, true],
    [{ type: 'string' }, { 'ui:widget': 'password' }, true],
    [{ type: 'string' }, { 'ui:widget': 'textarea' }, false],
  ])('%j with %j is secret: %s', (s, ui, expected) => {
    expect(isSecretParameter(s, ui)).toBe(expected);
  });
});

describe('PARAMETER_FORMATS', () => {
  it('wants a time zone in a date-time', () => {
    expect(PARAMETER_FORMATS['date-time']('2026-11-23T07:00:00Z')).toBe(true);
    expect(PARAMETER_FORMATS['date-time']('2026-11-23T07:00:00')).toBe(false);
    expect(PARAMETER_FORMATS.date('2026-02-30x')).toBe(false);
  });
});
