import { TestApiProvider } from '@backstage/frontend-test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { execution, runbookEntity } from '../../../__testUtils__/fixtures';
import {
  mockRunbooksApi,
  renderWithEntity,
  targetsStatus,
} from '../../../__testUtils__/render';
import { executionEvents } from '../../../lib/executions';
import { RunbookExecutionsCard } from './RunbookExecutionsCard';

describe('RunbookExecutionsCard', () => {
  it('lists executions newest first and refreshes when this page starts one', async () => {
    const older = execution({
      id: 'e-old',
      actionId: 'restart',
      actor: 'user:default/alice',
      parameters: { reason: 'stuck pods' },
      status: 'failed',
      output: { summary: 'POST answered 500' },
      createdAt: '2026-11-22T07:00:00.000Z',
      finishedAt: '2026-11-22T07:00:02.500Z',
    });
    const newer = execution({
      id: 'e-new',
      actionId: 'error-ratio',
      actor: 'user:default/bob',
      status: 'succeeded',
      output: { summary: '0.001 < 0.01' },
      createdAt: '2026-11-23T07:00:00.000Z',
      finishedAt: '2026-11-23T07:00:00.400Z',
    });
    const api = mockRunbooksApi(targetsStatus(true), {
      getExecutions: jest
        .fn()
        .mockResolvedValueOnce({ items: [older, newer], totalCount: 2 })
        .mockResolvedValue({
          items: [
            older,
            newer,
            execution({
              id: 'e-3',
              actionId: 'restart',
              createdAt: '2026-11-23T08:00:00.000Z',
            }),
          ],
          totalCount: 3,
        }),
    });
    await renderWithEntity(<RunbookExecutionsCard />, {
      entity: runbookEntity,
      runbooksApi: api,
    });
    const table = await screen.findByRole('table', {
      name: 'Execution history',
    });
    let rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.getAttribute('data-execution-id'))).toEqual([
      'e-new',
      'e-old',
    ]);
    expect(
      within(rows[0]).getByText('5xx ratio below 1 %'),
    ).toBeInTheDocument();
    expect(within(rows[0]).getByText('Succeeded')).toBeInTheDocument();
    expect(within(rows[0]).getByText('0.4 s')).toBeInTheDocument();
    expect(within(rows[1]).getByText('user:default/alice')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Rolling restart')).toBeInTheDocument();
    expect(within(rows[1]).getByText('reason=stuck pods')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Failed')).toBeInTheDocument();
    expect(within(rows[1]).getByText('POST answered 500')).toBeInTheDocument();
    expect(api.getExecutions).toHaveBeenCalledWith(
      'runbook:default/identity-service-down',
      { limit: 20, offset: 0 },
    );

    act(() => executionEvents.emit(execution({ id: 'e-3' })));
    await screen.findByText('Running');
    rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0].getAttribute('data-execution-id')).toBe('e-3');
    // no parameters; still running: no duration, no output yet
    expect(within(rows[0]).getAllByText('—')).toHaveLength(3);
  });

  it('cuts long parameters and output to one line, the whole text in a tooltip', async () => {
    const reason = 'pods stuck in CrashLoopBackOff after the 07:00 deploy '
      .repeat(3)
      .trim();
    const summary = `POST answered 500: ${'upstream timed out; '.repeat(
      10,
    )}`.trim();
    await renderWithEntity(<RunbookExecutionsCard />, {
      entity: runbookEntity,
      runbooksApi: mockRunbooksApi(targetsStatus(true), {
        getExecutions: jest.fn(async () => ({
          items: [
            execution({
              id: 'e-long',
              actionId: 'restart',
              parameters: { reason },
              status: 'failed',
              output: { summary },
              finishedAt: '2026-11-23T07:00:01.000Z',
            }),
          ],
          totalCount: 1,
        })),
      }),
    });
    const table = await screen.findByRole('table', {
      name: 'Execution history',
    });
    const parameters = within(table).getByText(`reason=${reason}`);
    const output = within(table).getByText(summary);
    // columns of fixed shares: long text cannot widen the table
    expect(getComputedStyle(table).tableLayout).toBe('fixed');
    for (const cell of [parameters, output]) {
      // one line, cut with an ellipsis
      expect(getComputedStyle(cell).whiteSpace).toBe('nowrap');
      expect(getComputedStyle(cell).overflow).toBe('hidden');
      expect(getComputedStyle(cell).textOverflow).toBe('ellipsis');
    }
    // the other cells wrap
    expect(
      getComputedStyle(
        within(table).getByText('Rolling restart').closest('td')!,
      ).whiteSpace,
    ).not.toBe('nowrap');

    // entity refs break after their ':' and '/' rather than anywhere
    const actor = within(table).getByText('user:default/guest');
    expect(actor.querySelectorAll('wbr')).toHaveLength(2);

    await userEvent.hover(output);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(summary);
    await userEvent.unhover(output);
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
    await userEvent.hover(parameters);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      `reason=${reason}`,
    );
    // focusable, so keyboard users reach the tooltip too: next after the
    // filters above the table
    act(() => screen.getByRole('textbox', { name: 'Actor' }).focus());
    await userEvent.tab();
    expect(parameters).toHaveFocus();
  });

  it('shows an empty history', async () => {
    await renderWithEntity(<RunbookExecutionsCard />, {
      entity: runbookEntity,
    });
    expect(
      await screen.findByText('No action of this runbook has run yet.'),
    ).toBeInTheDocument();
  });

  it('says when the history cannot be read', async () => {
    await renderWithEntity(<RunbookExecutionsCard />, {
      entity: runbookEntity,
      runbooksApi: mockRunbooksApi(targetsStatus(true), {
        getExecutions: jest.fn(async () => {
          throw new Error('Request failed with 503');
        }),
      }),
    });
    expect(
      await screen.findByText(
        /The execution history could not be loaded: Request failed with 503/,
      ),
    ).toBeInTheDocument();
  });

  it('reloads on a signal about this runbook only', async () => {
    const listeners: Array<(m: any) => void> = [];
    const signals = {
      subscribe: jest.fn((_channel: string, onMessage: (m: any) => void) => {
        listeners.push(onMessage);
        return { unsubscribe: jest.fn() };
      }),
    };
    const api = mockRunbooksApi(targetsStatus(true), {
      getExecutions: jest
        .fn()
        .mockResolvedValueOnce({ items: [], totalCount: 0 })
        .mockResolvedValue({
          items: [execution({ status: 'succeeded' })],
          totalCount: 1,
        }),
    });
    await renderWithEntity(
      <TestApiProvider apis={[[signalApiRef, signals]]}>
        <RunbookExecutionsCard />
      </TestApiProvider>,
      { entity: runbookEntity, runbooksApi: api },
    );
    expect(
      await screen.findByText('No action of this runbook has run yet.'),
    ).toBeInTheDocument();
    act(() =>
      listeners.forEach(l =>
        l({ execution: { id: 'x', runbookRef: 'runbook:default/other' } }),
      ),
    );
    expect(api.getExecutions).toHaveBeenCalledTimes(1);
    act(() =>
      listeners.forEach(l =>
        l({
          execution: {
            id: 'exec-1',
            runbookRef: 'runbook:default/identity-service-down',
          },
        }),
      ),
    );
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
    expect(api.getExecutions).toHaveBeenCalledTimes(2);
  });

  describe('pages and filters', () => {
    // 45 finished runs, newest first; every third failed, alice ran the
    // even ones. The fake filters and pages as GET /executions does.
    const runs = Array.from({ length: 45 }, (_, i) =>
      execution({
        id: `e-${i}`,
        actor: i % 2 === 0 ? 'user:default/alice' : 'user:default/bob',
        status: i % 3 === 0 ? 'failed' : 'succeeded',
        createdAt: new Date(
          Date.UTC(2026, 10, 23, 7) - i * 60_000,
        ).toISOString(),
        finishedAt: new Date(
          Date.UTC(2026, 10, 23, 7) - i * 60_000 + 1000,
        ).toISOString(),
      }),
    );
    function backend() {
      return mockRunbooksApi(targetsStatus(true), {
        getExecutions: jest.fn(async (_ref: string, query: any = {}) => {
          const matching = runs.filter(
            r =>
              (!query.status || r.status === query.status) &&
              (!query.actor || r.actor === query.actor),
          );
          const offset = query.offset ?? 0;
          return {
            items: matching.slice(offset, offset + (query.limit ?? 50)),
            totalCount: matching.length,
          };
        }),
      });
    }
    const rowIds = (table: HTMLElement) =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(r => r.getAttribute('data-execution-id'));

    it('shows the newest 20 runs and fetches the next page on demand', async () => {
      const api = backend();
      await renderWithEntity(<RunbookExecutionsCard />, {
        entity: runbookEntity,
        runbooksApi: api,
      });
      const table = await screen.findByRole('table', {
        name: 'Execution history',
      });
      expect(rowIds(table)).toEqual(runs.slice(0, 20).map(r => r.id));
      expect(screen.getByText('20 of 45 runs')).toBeInTheDocument();

      await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
      await waitFor(() => expect(rowIds(table)).toHaveLength(40));
      expect(rowIds(table)).toEqual(runs.slice(0, 40).map(r => r.id));
      expect(api.getExecutions).toHaveBeenLastCalledWith(
        'runbook:default/identity-service-down',
        expect.objectContaining({ limit: 20, offset: 20 }),
      );

      await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
      await waitFor(() => expect(rowIds(table)).toHaveLength(45));
      expect(screen.getByText('45 of 45 runs')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

      // a run started on this page reloads as many rows as are shown
      act(() => executionEvents.emit(execution({ id: 'e-0' })));
      await waitFor(() =>
        expect(api.getExecutions).toHaveBeenLastCalledWith(
          'runbook:default/identity-service-down',
          expect.objectContaining({ limit: 45, offset: 0 }),
        ),
      );
      expect(rowIds(table)).toHaveLength(45);
    });

    it('filters by status and actor on the backend', async () => {
      const api = backend();
      await renderWithEntity(<RunbookExecutionsCard />, {
        entity: runbookEntity,
        runbooksApi: api,
      });
      await screen.findByRole('table', { name: 'Execution history' });

      await userEvent.click(screen.getByRole('combobox', { name: 'Status' }));
      await userEvent.click(screen.getByRole('option', { name: 'Failed' }));
      await screen.findByText('15 of 15 runs');
      const table = screen.getByRole('table', { name: 'Execution history' });
      expect(within(table).queryByText('Succeeded')).toBeNull();
      expect(within(table).getAllByText('Failed')).toHaveLength(15);
      expect(api.getExecutions).toHaveBeenLastCalledWith(
        'runbook:default/identity-service-down',
        expect.objectContaining({ status: 'failed', offset: 0 }),
      );

      // a bare user name means the user in the default namespace
      const actor = screen.getByRole('textbox', { name: 'Actor' });
      await userEvent.type(actor, 'alice{Enter}');
      await screen.findByText('8 of 8 runs');
      expect(api.getExecutions).toHaveBeenLastCalledWith(
        'runbook:default/identity-service-down',
        expect.objectContaining({
          status: 'failed',
          actor: 'user:default/alice',
        }),
      );
      // the table is drawn anew for the new filters
      const filteredTable = screen.getByRole('table', {
        name: 'Execution history',
      });
      expect(within(filteredTable).getAllByRole('row')).toHaveLength(9);
      expect(within(filteredTable).queryByText('user:default/bob')).toBeNull();

      await userEvent.clear(actor);
      await userEvent.type(actor, 'user:default/carol{Enter}');
      expect(
        await screen.findByText('No run matches these filters.'),
      ).toBeInTheDocument();
    });
  });
});
