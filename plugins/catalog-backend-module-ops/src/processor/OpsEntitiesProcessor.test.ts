import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { invalidDocuments, loadFixture } from '../__testUtils__/loadFixtures';
import { OpsEntitiesProcessor } from './OpsEntitiesProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

function byName(entities: Entity[], kind: string, name: string): Entity {
  const found = entities.find(e => e.kind === kind && e.metadata.name === name);
  if (!found) throw new Error(`fixture has no ${kind} ${name}`);
  return found;
}

async function relationsOf(entity: Entity): Promise<string[]> {
  const emitted: CatalogProcessorResult[] = [];
  await new OpsEntitiesProcessor().postProcessEntity(entity, location, r =>
    emitted.push(r),
  );
  return emitted.map(r => {
    if (r.type !== 'relation') throw new Error(`unexpected ${r.type}`);
    const { source, type, target } = r.relation;
    return `${stringifyEntityRef(source)} ${type} ${stringifyEntityRef(
      target,
    )}`;
  });
}

describe('OpsEntitiesProcessor', () => {
  const valid = loadFixture('valid.yaml');
  const invalid = loadFixture('invalid.yaml');
  const processor = new OpsEntitiesProcessor();

  it('accepts its kinds when valid and leaves other kinds alone', async () => {
    for (const entity of valid) {
      const ours =
        entity.apiVersion === 'openslo/v1' ||
        entity.apiVersion === 'unyo.dev/v1alpha1';
      await expect(processor.validateEntityKind(entity)).resolves.toBe(ours);
    }
  });

  it.each(invalidDocuments)(
    'rejects $ref naming the field',
    async ({ ref, field }) => {
      const entity = invalid.find(e => stringifyEntityRef(e) === ref)!;
      const rejection = processor.validateEntityKind(entity);
      await expect(rejection).rejects.toThrow(
        `${entity.kind} ${entity.metadata.name}: ${field}`,
      );
      await expect(rejection).rejects.toMatchObject({ name: 'InputError' });
    },
  );

  it('relates an SLO and the entity it measures, both ways', async () => {
    await expect(
      relationsOf(byName(valid, 'SLO', 'identity-availability')),
    ).resolves.toEqual([
      'slo:default/identity-availability measures component:default/identity-service',
      'component:default/identity-service measuredBy slo:default/identity-availability',
    ]);
  });

  it('resolves a bare service name in the SLO namespace', async () => {
    const slo = structuredClone(byName(valid, 'SLO', 'identity-availability'));
    slo.metadata.namespace = 'payments';
    await expect(relationsOf(slo)).resolves.toEqual([
      'slo:payments/identity-availability measures component:payments/identity-service',
      'component:payments/identity-service measuredBy slo:payments/identity-availability',
    ]);
  });

  it('relates a Runbook to its owner and the entities it applies to', async () => {
    await expect(
      relationsOf(byName(valid, 'Runbook', 'identity-service-down')),
    ).resolves.toEqual([
      'runbook:default/identity-service-down ownedBy group:default/sre',
      'group:default/sre ownerOf runbook:default/identity-service-down',
      'runbook:default/identity-service-down runbookFor component:default/identity-service',
      'component:default/identity-service hasRunbook runbook:default/identity-service-down',
    ]);
  });

  it('relates a BackupPolicy to its owner and what it protects', async () => {
    await expect(
      relationsOf(byName(valid, 'BackupPolicy', 'event-store-backups')),
    ).resolves.toEqual([
      'backuppolicy:default/event-store-backups ownedBy group:default/platform',
      'group:default/platform ownerOf backuppolicy:default/event-store-backups',
      'backuppolicy:default/event-store-backups protects resource:default/event-store-db',
      'resource:default/event-store-db protectedBy backuppolicy:default/event-store-backups',
    ]);
  });

  it('emits nothing for SLIs and other kinds', async () => {
    await expect(
      relationsOf(byName(valid, 'SLI', 'identity-availability-sli')),
    ).resolves.toEqual([]);
    await expect(
      relationsOf(byName(valid, 'Component', 'identity-service')),
    ).resolves.toEqual([]);
  });
});
