import { SILENCE_DURATION_MINUTES } from '@unyo/plugin-ops-common';
import { spec } from '../schema/openapi';
import { specBody } from './specBody';
import { resolveRef } from './specSchemas';

/**
 * Request bodies validated from src/schema/openapi.yaml: the 400 names the
 * field in the words of the schema (`x-message`, `x-messages`) or of the
 * keyword. The routes' own tests cover each route end to end.
 */
function refusal(validate: (body: unknown) => unknown, body: unknown) {
  try {
    validate(body);
  } catch (error) {
    expect((error as Error).name).toBe('InputError');
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(body)}`);
}

const silence = {
  entityRef: 'component:default/svc',
  matchers: [{ name: 'service', value: 'svc', isRegex: false }],
  durationMinutes: 60,
  comment: 'maintenance',
};

describe('specBody', () => {
  it('compiles the body of every operation of the spec that has one', () => {
    const operations = Object.entries(spec.paths as Record<string, any>)
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]: [string, any]) => ({
          path,
          method,
          op,
        })),
      )
      .filter(o => o.op.requestBody);
    expect(operations.length).toBeGreaterThanOrEqual(4);
    for (const { path, method } of operations) {
      expect(typeof specBody(path as any, method as never)).toBe('function');
    }
  });

  it('answers a valid body as it is', () => {
    expect(specBody('/silences', 'post')(silence)).toEqual(silence);
  });

  it.each([
    [
      'an entity ref without a kind',
      { ...silence, entityRef: 'svc' },
      'entityRef must be an entity ref',
    ],
    [
      'a duration as a string',
      { ...silence, durationMinutes: '60' },
      'durationMinutes must be a number',
    ],
    [
      'a duration not whole',
      { ...silence, durationMinutes: 60.5 },
      'durationMinutes must be a whole',
    ],
    [
      'no matcher',
      { ...silence, matchers: [] },
      'matchers needs at least one matcher',
    ],
    [
      '21 matchers',
      { ...silence, matchers: new Array(21).fill(silence.matchers[0]) },
      'matchers must have at most 20 items',
    ],
    [
      'a bad label name',
      { ...silence, matchers: [{ name: 'a-b', value: 'x', isRegex: false }] },
      'matchers.0.name must be a label name',
    ],
    [
      'a blank comment',
      { ...silence, comment: ' ' },
      'comment is required: say why',
    ],
    [
      'an unknown field',
      { ...silence, extra: 1 },
      'Unknown field(s) in the body: extra',
    ],
    ['an array', [silence], 'The request body must be a JSON object'],
  ])('refuses %s naming the field', (_what, body, message) => {
    expect(refusal(specBody('/silences', 'post'), body)).toContain(message);
  });

  it('reads an absent optional body as an empty one', () => {
    const execution = specBody(
      '/runbooks/{namespace}/{name}/actions/{actionId}/executions',
      'post',
    );
    expect(execution(undefined)).toEqual({});
  });

  it('holds silences to the durations ops-common gives the frontend', () => {
    const schema = resolveRef(
      (spec.components.schemas as any).CreateSilenceRequest,
    );
    expect(schema.properties.durationMinutes).toMatchObject({
      minimum: SILENCE_DURATION_MINUTES.min,
      maximum: SILENCE_DURATION_MINUTES.max,
    });
  });
});
