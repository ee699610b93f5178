/*
 * One backend replica for the shared-rounds test, run as its own process:
 * `node --require @backstage/cli-node/config/nodeTransform.cjs replicaBackend.ts
 * --config <file>`. The real ops plugin and core services on the test's
 * PostgreSQL; the catalog is an in-memory one read from UNYO_TEST_ENTITIES
 * (no catalog backend runs in these processes).
 */
import { createBackend } from '@backstage/backend-defaults';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readFileSync } from 'node:fs';
import { opsPlugin } from '../../../plugin';

const entities = JSON.parse(
  readFileSync(process.env.UNYO_TEST_ENTITIES!, 'utf8'),
);
const backend = createBackend();
backend.add(opsPlugin);
backend.add(
  createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => new InMemoryCatalogClient({ entities }),
  }),
);
backend.start().catch(error => {
  process.stderr.write(`replica failed to start: ${error}\n`);
  process.exit(1);
});
