import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  opsChangeCreatePermission,
  opsGateOverridePermission,
  opsPermissions,
  opsRunbookExecutePermission,
  opsSilenceCreatePermission,
  opsSloCorrectPermission,
  opsSloPreviewPermission,
} from './permissions';

describe('permissions', () => {
  it('makes silences a create on a catalog entity', () => {
    expect(opsSilenceCreatePermission).toEqual({
      type: 'resource',
      name: 'ops.silence.create',
      attributes: { action: 'create' },
      resourceType: 'catalog-entity',
    });
  });

  it('makes runbook execution an update on a catalog entity', () => {
    expect(
      isResourcePermission(opsRunbookExecutePermission, 'catalog-entity'),
    ).toBe(true);
    expect(opsRunbookExecutePermission.name).toBe('ops.runbook.execute');
    expect(opsRunbookExecutePermission.attributes).toEqual({
      action: 'update',
    });
  });

  it('makes a gate override a create on a catalog entity', () => {
    expect(
      isResourcePermission(opsGateOverridePermission, 'catalog-entity'),
    ).toBe(true);
    expect(opsGateOverridePermission.name).toBe('ops.gate.override');
  });

  it('makes an SLO correction an update on a catalog entity', () => {
    expect(
      isResourcePermission(opsSloCorrectPermission, 'catalog-entity'),
    ).toBe(true);
    expect(opsSloCorrectPermission.name).toBe('ops.slo.correct');
  });

  it('makes a preview a basic read, as a draft is no entity yet', () => {
    expect(opsSloPreviewPermission).toEqual({
      type: 'basic',
      name: 'ops.slo.preview',
      attributes: { action: 'read' },
    });
  });

  it('makes a change marker a create on a catalog entity', () => {
    expect(
      isResourcePermission(opsChangeCreatePermission, 'catalog-entity'),
    ).toBe(true);
    expect(opsChangeCreatePermission.name).toBe('ops.change.create');
  });

  it('lists all six', () => {
    expect(opsPermissions.map(p => p.name)).toEqual([
      'ops.silence.create',
      'ops.runbook.execute',
      'ops.gate.override',
      'ops.slo.correct',
      'ops.slo.preview',
      'ops.change.create',
    ]);
  });
});
