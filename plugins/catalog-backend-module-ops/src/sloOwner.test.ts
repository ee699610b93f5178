import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  databases,
  eventually,
  relationsOf,
} from './__testUtils__/testCatalog';
import { catalogModuleOps } from './module';

jest.setTimeout(90_000);

const slo = `
apiVersion: openslo/v1
kind: SLO
metadata: { name: ledger-availability }
spec:
  service: ledger
  budgetingMethod: Occurrences
  indicatorRef: ledger-sli
  objectives: [{ target: 0.999 }]
`;
const ledgerOwnedBy = (owner: string) => `
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ledger }
spec: { type: service, lifecycle: production, owner: ${owner} }
`;

describe('an SLO owned by the owner of what it measures', () => {
  it.each(databases.eachSupportedId())(
    'gets no owner while the measured entity is missing, then its owner, %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unyo-slo-owner-'));
      const file = path.join(dir, 'catalog-info.yaml');
      fs.writeFileSync(file, slo);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleOps,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [{ allow: ['Component', 'Group', 'Location', 'SLO'] }],
                locations: [{ type: 'file', target: file }],
              },
            },
          }),
        ],
      });
      try {
        const api = request(backend.server);
        const get = async (ref: string): Promise<Entity> => {
          const res = await api.get(`/api/catalog/entities/by-name/${ref}`);
          expect(res.status).toBe(200);
          return res.body;
        };

        // The ledger is not in the catalog: the SLO loads, with no owner.
        const alone = await eventually(() =>
          get('slo/default/ledger-availability'),
        );
        expect(relationsOf(alone)).toEqual([
          'measures component:default/ledger',
        ]);

        // Once the ledger arrives, a later processing gives the SLO its owner.
        fs.appendFileSync(file, ledgerOwnedBy('payments'));
        await eventually(async () => {
          expect(
            relationsOf(await get('slo/default/ledger-availability')),
          ).toEqual([
            'measures component:default/ledger',
            'ownedBy group:default/payments',
          ]);
        }, 80_000);
      } finally {
        await backend.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
