import plugin from '.';
import * as classic from '..';

describe('ops-dashboard /alpha', () => {
  it('exposes the entity cards, the Operations tab and the API', () => {
    expect(plugin.id).toBe('ops-dashboard');
    for (const id of [
      'api:ops-dashboard/ops',
      'entity-card:ops-dashboard/slos',
      'entity-card:ops-dashboard/slo-summary',
      'entity-card:ops-dashboard/slo-status',
      'entity-card:ops-dashboard/relations',
      'entity-card:ops-dashboard/raw-spec',
      'entity-content:ops-dashboard/ops',
      'entity-card:ops-dashboard/backups',
      'entity-card:ops-dashboard/backup-coverage',
      'page:ops-dashboard/slo-report',
      'page:ops-dashboard/slo-preview',
      'entity-content:ops-dashboard/slo-report',
    ]) {
      expect(plugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('keeps the classic API in the main entry point', () => {
    expect(classic.opsDashboardPlugin.getId()).toBe('ops-dashboard');
    expect(classic.EntitySloCard).toBeDefined();
    expect(classic.EntitySloStatusCard).toBeDefined();
    expect(classic.EntityOpsContent).toBeDefined();
    expect(classic.SloReportPage).toBeDefined();
    expect(classic.SloPreviewPage).toBeDefined();
    expect(classic.EntitySloReportContent).toBeDefined();
  });
});

describe('ops-dashboard /alpha entry point', () => {
  it('exports the plugin object only, as default and by name', async () => {
    const alpha = await import('.');
    expect(alpha.opsDashboardPlugin).toBe(plugin);
    expect(Object.keys(alpha).sort()).toEqual([
      'default',
      'opsDashboardPlugin',
      'opsDashboardTranslationRef',
    ]);
  });
});
