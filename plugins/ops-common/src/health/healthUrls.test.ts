import { healthUrlsOf } from './healthUrls';

describe('healthUrlsOf', () => {
  it('splits the annotation on commas, trimmed and without repeats', () => {
    expect(
      healthUrlsOf({
        metadata: {
          annotations: {
            'unyo.dev/health-url':
              ' http://a/health/live, http://a/health/ready,,http://a/health/live',
          },
        },
      }),
    ).toEqual(['http://a/health/live', 'http://a/health/ready']);
    expect(healthUrlsOf({ metadata: {} })).toEqual([]);
  });
});
