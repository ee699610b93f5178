import { bucketOf, matchBucket } from './histogramBuckets';

describe('histogram buckets of latency SLOs', () => {
  const selector = 'http_request_duration_seconds_bucket{service="a",le="0.5"}';

  it('finds the le of a bucket selector and the series to list boundaries', () => {
    expect(bucketOf(selector)).toEqual({
      seriesSelector: 'http_request_duration_seconds_bucket{service="a"}',
      le: 0.5,
      leText: '0.5',
    });
    expect(bucketOf('http_requests_total{service="a"}')).toBeUndefined();
  });

  it('accepts an existing boundary, compared as a number', () => {
    expect(matchBucket(selector, ['0.1', '0.5', '+Inf'])).toEqual({ selector });
    // Prometheus 3 spells boundaries with a decimal point.
    expect(matchBucket('x_bucket{le="1"}', ['0.5', '1.0', '+Inf'])).toEqual({
      selector: 'x_bucket{le="1.0"}',
    });
  });

  it('refuses a threshold that is no boundary, naming the boundaries there are', () => {
    const result = matchBucket(
      'http_request_duration_seconds_bucket{service="a",le="0.3"}',
      ['0.25', '+Inf', '0.1', '0.5'],
    );
    expect(result).toEqual({
      error:
        'le="0.3" is not a bucket boundary of http_request_duration_seconds_bucket{service="a"} (boundaries: 0.1, 0.25, 0.5, +Inf): a latency threshold must equal an existing bucket',
    });
  });
});
