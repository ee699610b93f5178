import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../__testUtils__/fixtures';
import { parseMetricsFile } from './parseMetricsFile';

describe('parseMetricsFile', () => {
  it('reads the documented format and fills defaults', () => {
    const file = parseMetricsFile(
      readFileSync(resolve(FIXTURES, 'metrics.yaml'), 'utf8'),
    );
    expect(file.services.map(s => s.service)).toEqual([
      'identity-service',
      'command-gateway',
      'billing-api',
    ]);
    const billing = file.services[2];
    expect(billing.extra).toEqual([]);
    expect(billing.incidents[0]).toEqual({
      startDaysAgo: 7.25,
      durationMinutes: 30,
      errorRatio: undefined,
      latencyFactor: 1,
      down: true,
      metrics: [],
      ongoing: false,
    });
    expect(file.services[1].grpc).toEqual({
      service: 'cqrs.CommandService',
      methods: ['Dispatch', 'Status'],
    });
  });

  it('names the offending field', () => {
    expect(() =>
      parseMetricsFile(
        'services: [{ service: a, system: b, families: [soap] }]',
      ),
    ).toThrow('services[0].families: unknown family soap');
    expect(() =>
      parseMetricsFile(
        'services: [{ service: a, system: b, families: [grpc] }]',
      ),
    ).toThrow('services[0].grpc.service must be a non-empty string');
    expect(() => parseMetricsFile('nothing: here')).toThrow(
      'top-level `services`',
    );
  });
});
