import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import { RawSpecCard } from './RawSpecCard';

function entity(spec?: Entity['spec']): Entity {
  return {
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'Runbook',
    metadata: { name: 'db-failure', namespace: 'default' },
    spec,
  };
}

describe('RawSpecCard', () => {
  it('shows the spec as YAML, lists at their key, no anchors', async () => {
    const target = { name: 'daily' };
    await renderInTestApp(
      <EntityProvider
        entity={entity({ severity: 'critical', steps: [target, target] })}
      >
        <RawSpecCard
          title="Spec"
          subheader={ref => `of ${ref}`}
          emptyText="none"
        />
      </EntityProvider>,
    );
    expect(
      screen.getByText('of runbook:default/db-failure'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(document.querySelector('code')?.textContent).toBe(
        'severity: critical\nsteps:\n- name: daily\n- name: daily\n',
      ),
    );
  });

  it('says so when the entity has no spec', async () => {
    await renderInTestApp(
      <EntityProvider entity={entity({})}>
        <RawSpecCard title="Spec" emptyText="This entity has no spec." />
      </EntityProvider>,
    );
    expect(screen.getByText('This entity has no spec.')).toBeInTheDocument();
    expect(document.querySelector('code')).toBeNull();
  });
});
