import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { opsPlugin } from './plugin';

// A portal that installs Unyo and sets no `ops` key at all: every API call the
// pages make for every entity of the example catalog (examples/) must answer
// without a 5xx and without an error in the log (an adopter's first start).
const EXAMPLES = resolve(__dirname, '../../../examples');

function exampleEntities(): Entity[] {
  const files = [join(EXAMPLES, 'organization.yaml')];
  for (const dir of readdirSync(EXAMPLES, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'prometheus') continue;
    for (const file of readdirSync(join(EXAMPLES, dir.name))) {
      if (file.endsWith('.yaml')) files.push(join(EXAMPLES, dir.name, file));
    }
  }
  return files.flatMap(file =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .map(doc => doc.toJS() as Entity)
      .filter(entity => entity?.kind && entity.kind !== 'Location'),
  );
}

describe('ops backend without any ops config', () => {
  it('answers every page call for the example catalog without a 5xx or an error log', async () => {
    const entities = exampleEntities();
    expect(entities.length).toBeGreaterThan(50);
    const errors: unknown[][] = [];
    const logger: any = {
      error: jest.fn((...args: unknown[]) => errors.push(args)),
      warn: jest.fn(),
      info: jest.fn(),
      debug: jest.fn(),
      child: () => logger,
    };
    const { server } = await startTestBackend({
      features: [
        opsPlugin,
        mockServices.rootConfig.factory({ data: {} }),
        mockServices.rootLogger.mock(logger).factory,
        catalogServiceMock.factory({ entities }),
      ],
    });

    const paths = [
      '/api/ops/status',
      '/api/ops/slo-report',
      '/api/ops/slo-report/summary',
      '/api/ops/executions',
    ];
    for (const entity of entities) {
      const ref = encodeURIComponent(stringifyEntityRef(entity));
      const kind = entity.kind.toLocaleLowerCase('en-US');
      const { namespace = 'default', name } = entity.metadata;
      if (kind === 'slo') paths.push(`/api/ops/slos/${namespace}/${name}`);
      if (['component', 'resource', 'system'].includes(kind)) {
        for (const route of [
          'slos',
          'alerts',
          'alerts/history',
          'silences',
          'health',
          'runbooks',
          'backups',
        ]) {
          paths.push(`/api/ops/${route}?entityRef=${ref}`);
        }
      }
      if (kind === 'system')
        paths.push(`/api/ops/backups/coverage?entityRef=${ref}`);
      if (kind === 'backuppolicy')
        paths.push(`/api/ops/backups?entityRef=${ref}`);
    }

    const failures: string[] = [];
    for (const path of paths) {
      const res = await request(server).get(path);
      if (res.status >= 500)
        failures.push(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
    // Calls for every kind of page were made.
    expect(paths.length).toBeGreaterThan(200);
    // Hundreds of requests: seconds on a loaded 2-core machine.
  }, 60_000);
});
