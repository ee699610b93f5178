import {
  initialValues,
  parameterFields,
  toParameters,
  validateParameters,
} from './parametersForm';

const schema = {
  type: 'object',
  properties: {
    service: {
      type: 'string',
      enum: ['command-service', 'query-service'],
      title: 'Deployment',
    },
    replicas: { type: 'integer', minimum: 1, maximum: 10, default: 5 },
    ratio: { type: 'number', description: 'A share from 0 to 1' },
    tag: { type: 'string', pattern: '^v[0-9]+\\.[0-9]+\\.[0-9]+$' },
    dryRun: { type: 'boolean', default: true },
    reason: { type: 'string' },
  },
  required: ['service', 'reason'],
};

describe('parametersForm', () => {
  const fields = parameterFields(schema);

  it('reads a flat schema into typed fields', () => {
    expect(fields.map(f => [f.name, f.kind, f.required])).toEqual([
      ['service', 'enum', true],
      ['replicas', 'integer', false],
      ['ratio', 'number', false],
      ['tag', 'string', false],
      ['dryRun', 'boolean', false],
      ['reason', 'string', true],
    ]);
    expect(fields[0]).toMatchObject({
      label: 'Deployment',
      options: ['command-service', 'query-service'],
    });
    expect(fields[2].description).toBe('A share from 0 to 1');
    expect(parameterFields(undefined)).toEqual([]);
    expect(parameterFields({ type: 'object' })).toEqual([]);
  });

  it('starts from the defaults', () => {
    expect(initialValues(fields)).toEqual({
      service: '',
      replicas: '5',
      ratio: '',
      tag: '',
      dryRun: true,
      reason: '',
    });
  });

  it('names missing required fields and bad numbers and patterns', () => {
    const values = {
      ...initialValues(fields),
      replicas: '11',
      ratio: 'abc',
      tag: '1.2.3',
      reason: '   ',
    };
    expect(validateParameters(fields, values)).toEqual([
      { name: 'service', code: 'required' },
      { name: 'replicas', code: 'maximum', limit: '10' },
      { name: 'ratio', code: 'number' },
      { name: 'tag', code: 'pattern', limit: schema.properties.tag.pattern },
      { name: 'reason', code: 'required' },
    ]);
    expect(
      validateParameters(fields, { ...values, replicas: '2.5' }),
    ).toContainEqual({ name: 'replicas', code: 'integer' });
    expect(
      validateParameters(fields, { ...values, replicas: '0' }),
    ).toContainEqual({ name: 'replicas', code: 'minimum', limit: '1' });
  });

  it('accepts valid values and sends typed parameters', () => {
    const values = {
      service: 'query-service',
      replicas: '3',
      ratio: '',
      tag: 'v1.2.3',
      dryRun: false,
      reason: ' disk full ',
    };
    expect(validateParameters(fields, values)).toEqual([]);
    expect(toParameters(fields, values)).toEqual({
      service: 'query-service',
      replicas: 3,
      tag: 'v1.2.3',
      dryRun: false,
      reason: 'disk full',
    });
  });
});
