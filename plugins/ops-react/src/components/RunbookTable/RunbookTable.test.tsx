import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { RunbookTable, RunbookTableProps } from './RunbookTable';

const queueRunbook: Entity = {
  apiVersion: 'unyo.dev/v1alpha1',
  kind: 'Runbook',
  metadata: { name: 'queue-backlog', namespace: 'default', title: 'Queue' },
  spec: {
    titleJa: 'キュー滞留',
    severity: 'high',
    alerts: ['QueueBacklog', 'QueueStuck'],
    steps: [{ title: 'Look' }, { title: 'Flush' }],
  },
};

const columns = {
  runbook: 'Runbook',
  severity: 'Severity',
  alerts: 'Alerts',
  steps: 'Steps',
};

function renderTable(props: Omit<RunbookTableProps, 'columns'>) {
  return renderInTestApp(<RunbookTable columns={columns} {...props} />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function row(name: string) {
  return screen.getByRole('link', { name }).closest('tr')!;
}

describe('RunbookTable', () => {
  it('shows a catalog runbook with its severity, alerts and steps, linking to its page', async () => {
    await renderTable({
      rows: [{ ref: 'runbook:default/queue-backlog', runbook: queueRunbook }],
      linkSearch: '?entity=component%3Adefault%2Fmail',
    });
    expect(screen.getByRole('link', { name: 'Queue' })).toHaveAttribute(
      'href',
      '/catalog/default/runbook/queue-backlog?entity=component%3Adefault%2Fmail',
    );
    const cells = within(row('Queue')).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('Queueキュー滞留');
    expect(cells[1]).toHaveTextContent('high');
    expect(cells[2]).toHaveTextContent('QueueBacklogQueueStuck');
    expect(cells[3]).toHaveTextContent('2');
  });

  it("highlights the firing alerts and marks a runbook the catalog lacks, from the backend's summary", async () => {
    await renderTable({
      rows: [
        {
          ref: 'runbook:default/queue-backlog',
          runbook: queueRunbook,
          summary: { firingAlerts: ['QueueStuck'] },
        },
        {
          ref: 'runbook:default/disk-full',
          summary: { title: 'Disk full', alerts: ['DiskFull'] },
        },
      ],
      notInCatalog: 'not in the catalog',
      firing: alerts => `Firing: ${alerts}`,
    });
    expect(
      within(row('Queue')).getByText('Firing: QueueStuck'),
    ).toBeInTheDocument();
    // The test app prefixes MUI v5's class names (`v5-MuiChip-…`).
    const chipOf = (alert: string) =>
      within(row('Queue')).getByText(alert).closest('[class*="MuiChip-root"]')!
        .className;
    expect(chipOf('QueueStuck')).toMatch(/MuiChip-colorError/);
    expect(chipOf('QueueBacklog')).toMatch(/MuiChip-colorDefault/);

    const missing = within(row('Disk full')).getAllByRole('cell');
    expect(missing[0]).toHaveTextContent('Disk full(not in the catalog)');
    // No severity and no steps without the entity: a dash, not an empty cell.
    expect(missing[1]).toHaveTextContent('—');
    expect(missing[2]).toHaveTextContent('DiskFull');
    expect(missing[3]).toHaveTextContent('—');
  });
});
