import plugin from '.';
import * as classic from '..';

describe('runbooks /alpha', () => {
  it('exposes the runbook cards and the API', () => {
    expect(plugin.id).toBe('runbooks');
    for (const id of [
      'api:runbooks/ops',
      'entity-card:runbooks/runbooks',
      'entity-content-layout:runbooks/runbook',
      'entity-card:runbooks/about',
      'entity-card:runbooks/steps',
      'entity-card:runbooks/actions',
      'entity-card:runbooks/executions',
      'entity-card:runbooks/raw-spec',
    ]) {
      expect(plugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('keeps the classic API in the main entry point', () => {
    expect(classic.runbooksPlugin.getId()).toBe('runbooks');
    expect(classic.EntityRunbooksCard).toBeDefined();
    expect(classic.RunbookAboutCard).toBeDefined();
    expect(classic.RunbookStepsCard).toBeDefined();
    expect(classic.RunbookExecutionsCard).toBeDefined();
  });
});

describe('runbooks /alpha entry point', () => {
  it('exports the plugin object only, as default and by name', async () => {
    const alpha = await import('.');
    expect(alpha.runbooksPlugin).toBe(plugin);
    expect(Object.keys(alpha).sort()).toEqual([
      'default',
      'runbooksFormTranslationRef',
      'runbooksPlugin',
      'runbooksTranslationRef',
    ]);
  });
});
