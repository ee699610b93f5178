import type { Entity } from '@backstage/catalog-model';
import { holdsData } from './holdsData';

const entity = (kind: string, type?: string, protectedBy = false): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: type ? { type } : {},
  ...(protectedBy
    ? {
        relations: [
          { type: 'protectedBy', targetRef: 'backuppolicy:default/p' },
        ],
      }
    : {}),
});

describe('holdsData', () => {
  it('counts resources of a data type, whatever the case of the type', () => {
    expect(holdsData(entity('Resource', 'database'))).toBe(true);
    expect(holdsData(entity('Resource', 'S3-Bucket'))).toBe(true);
    expect(holdsData(entity('resource', 'key-vault'))).toBe(true);
  });

  it('leaves out resources of other types unless a policy protects them', () => {
    expect(holdsData(entity('Resource', 'configuration'))).toBe(false);
    expect(holdsData(entity('Resource', 'dns-zone'))).toBe(false);
    expect(holdsData(entity('Resource'))).toBe(false);
    expect(holdsData(entity('Resource', 'configuration', true))).toBe(true);
  });

  it('counts database components and protected components only', () => {
    expect(holdsData(entity('Component', 'database'))).toBe(true);
    expect(holdsData(entity('Component', 'service'))).toBe(false);
    expect(holdsData(entity('Component', 'service', true))).toBe(true);
    // A resource type is not a component type.
    expect(holdsData(entity('Component', 's3-bucket'))).toBe(false);
  });

  it('never counts other kinds, protected or not', () => {
    expect(holdsData(entity('System', 'database', true))).toBe(false);
    expect(holdsData(entity('BackupPolicy'))).toBe(false);
  });
});
