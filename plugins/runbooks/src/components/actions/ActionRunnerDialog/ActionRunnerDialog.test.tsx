import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunbookAction } from '@unyo/plugin-ops-common';
import { execution, healthOutput } from '../../../__testUtils__/fixtures';
import { mockRunbooksApi, targetsStatus } from '../../../__testUtils__/render';
import { RunbooksApiError, runbooksApiRef } from '../../../api';
import { translationApiRef } from '@backstage/frontend-plugin-api';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { runbooksTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import formJa from '../../../translations/form.ja';
import { runbooksFormTranslationRef } from '../../../formTranslation';
import { ActionRunnerDialog } from './ActionRunnerDialog';

const runbook = {
  ref: 'runbook:default/identity-service-down',
  name: 'identity-service-down',
  appliesTo: [
    'component:default/identity-service',
    'resource:default/identity-db',
  ],
};

const restart: RunbookAction = {
  id: 'restart',
  title: 'Rolling restart',
  type: 'http',
  destructive: true,
  target: 'automation',
  parameters: {
    type: 'object',
    properties: {
      reason: { type: 'string', description: 'Why, for the audit trail' },
    },
    required: ['reason'],
  },
};

// Nested object, array of strings, oneOf, a secret (docs/runbook-actions.md).
const rich: RunbookAction = {
  id: 'rotate',
  title: 'Rotate credentials',
  type: 'http',
  target: 'automation',
  parameters: {
    type: 'object',
    properties: {
      ticket: {
        type: 'object',
        title: 'Ticket',
        properties: {
          id: {
            type: 'string',
            title: 'Ticket id',
            pattern: '^[A-Z]+-[0-9]+$',
          },
        },
        required: ['id'],
      },
      notify: {
        type: 'array',
        title: 'Notify',
        items: { type: 'string' },
        default: ['oncall'],
      },
      scope: {
        title: 'Scope',
        oneOf: [
          { title: 'Everything', type: 'string', const: 'all' },
          { title: 'Some hosts', type: 'string', pattern: '^host-' },
        ],
        default: 'all',
      },
      token: { type: 'string', title: 'Token' },
    },
    required: ['ticket', 'token'],
  },
  uiSchema: { token: { 'ui:widget': 'password' } },
};

const health: RunbookAction = {
  id: 'health',
  title: 'Probe the health endpoints',
  type: 'health-check',
};

function render(
  action: RunbookAction,
  api = mockRunbooksApi(targetsStatus(true)),
  options: { entityRef?: string; signals?: any; japanese?: boolean } = {},
) {
  const apis: any[] = [[runbooksApiRef, api]];
  if (options.signals) apis.push([signalApiRef, options.signals]);
  if (options.japanese) {
    apis.push([
      translationApiRef,
      japaneseTranslationApi(runbooksTranslationRef, ja, [
        [runbooksFormTranslationRef, formJa],
      ]),
    ]);
  }
  const onClose = jest.fn();
  return {
    api,
    onClose,
    ...renderInTestApp(
      <TestApiProvider apis={apis as any}>
        <ActionRunnerDialog
          runbook={runbook}
          action={action}
          entityRef={options.entityRef}
          onClose={onClose}
        />
      </TestApiProvider>,
    ),
  };
}

describe('ActionRunnerDialog', () => {
  it('validates required parameters before sending anything', async () => {
    const api = mockRunbooksApi(targetsStatus(true), {
      createExecution: jest.fn(async () =>
        execution({ actionId: 'restart', status: 'succeeded' }),
      ),
    });
    render(restart, api);
    await userEvent.type(
      await screen.findByLabelText('Runbook name'),
      'identity-service-down',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(await screen.findByText('reason is required.')).toBeInTheDocument();
    expect(api.createExecution).not.toHaveBeenCalled();

    await userEvent.type(screen.getByRole('textbox', { name: /reason/ }), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(api.createExecution).toHaveBeenCalledTimes(1));
    expect(api.createExecution.mock.calls[0]).toEqual([
      runbook.ref,
      'restart',
      expect.objectContaining({
        parameters: { reason: 'x' },
        confirmation: 'identity-service-down',
      }),
    ]);
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
  });

  it('renders nested objects, arrays, oneOf and secrets, and refuses a wrong value before sending', async () => {
    const api = mockRunbooksApi(targetsStatus(true), {
      createExecution: jest.fn(async () =>
        execution({ actionId: 'rotate', status: 'succeeded' }),
      ),
    });
    render(rich, api);
    const ticketId = await screen.findByRole('textbox', { name: /Ticket id/ });
    // The secret is a password field: not a textbox, its text hidden.
    const token = screen.getByLabelText(/Token/);
    expect(token).toHaveAttribute('type', 'password');
    expect(screen.getByText('Ticket')).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: /notify-0|Notify/ }),
    ).toHaveValue('oncall');
    expect(screen.getByRole('combobox', { name: /Scope/ })).toHaveTextContent(
      'Everything',
    );

    await userEvent.type(ticketId, 'nope');
    await userEvent.type(token, 's3cret');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(
      await screen.findByText('Ticket id must match ^[A-Z]+-[0-9]+$.'),
    ).toBeInTheDocument();
    expect(api.createExecution).not.toHaveBeenCalled();

    await userEvent.clear(ticketId);
    await userEvent.type(ticketId, 'OPS-12');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(api.createExecution).toHaveBeenCalledTimes(1));
    expect(api.createExecution.mock.calls[0][2].parameters).toEqual({
      ticket: { id: 'OPS-12' },
      notify: ['oncall'],
      scope: 'all',
      token: 's3cret',
    });
  });

  it('keeps Run disabled until the runbook name is typed for a destructive action', async () => {
    render(restart);
    const run = await screen.findByRole('button', { name: 'Run' });
    expect(run).toBeDisabled();
    expect(
      screen.getByText(/Type the runbook name identity-service-down/),
    ).toBeInTheDocument();
    const confirmation = screen.getByLabelText('Runbook name');
    await userEvent.type(confirmation, 'identity-service-dow');
    expect(run).toBeDisabled();
    await userEvent.type(confirmation, 'n');
    expect(run).toBeEnabled();
    await userEvent.type(confirmation, 'x');
    expect(run).toBeDisabled();
  });

  it('runs once on a double click, with one idempotency key per opening', async () => {
    let resolve: (value: any) => void = () => {};
    const api = mockRunbooksApi(targetsStatus(true), {
      createExecution: jest.fn(
        () =>
          new Promise(r => {
            resolve = r;
          }),
      ) as any,
      getExecution: jest.fn(async () =>
        execution({ status: 'succeeded', output: healthOutput }),
      ),
    });
    const first = render(health, api, {
      entityRef: 'component:default/identity-service',
    });
    const run = await screen.findByRole('button', { name: 'Run' });
    fireEvent.click(run);
    fireEvent.click(run);
    fireEvent.doubleClick(run);
    await act(async () => resolve(execution()));
    expect(api.createExecution).toHaveBeenCalledTimes(1);
    const key = api.createExecution.mock.calls[0][2].idempotencyKey;
    expect(key).toMatch(/\S{8,}/);
    expect(api.createExecution.mock.calls[0][2].entityRef).toBe(
      'component:default/identity-service',
    );
    first.unmount();

    // A new opening is a new run: another key.
    render(health, api, { entityRef: 'component:default/identity-service' });
    fireEvent.click(await screen.findByRole('button', { name: 'Run' }));
    await act(async () => resolve(execution({ id: 'exec-2' })));
    expect(api.createExecution).toHaveBeenCalledTimes(2);
    expect(api.createExecution.mock.calls[1][2].idempotencyKey).not.toBe(key);
  });

  it('shows the server message of a refusal and tries again with a new key', async () => {
    const api = mockRunbooksApi(targetsStatus(true), {
      createExecution: jest
        .fn()
        .mockRejectedValueOnce(
          new RunbooksApiError('parameters.reason is required', 400),
        )
        .mockResolvedValueOnce(execution({ status: 'succeeded' })),
    });
    render(health, api, { entityRef: 'component:default/identity-service' });
    await userEvent.click(await screen.findByRole('button', { name: 'Run' }));
    expect(
      await screen.findByText(
        'The ops backend refused the action: parameters.reason is required',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
    const [a, b] = api.createExecution.mock.calls.map(c => c[2].idempotencyKey);
    expect(a).not.toBe(b);
  });

  it('asks for the entity when the runbook applies to several and none is given', async () => {
    const api = mockRunbooksApi(targetsStatus(true));
    render(health, api);
    await userEvent.click(await screen.findByRole('button', { name: 'Run' }));
    expect(
      await screen.findByText('Choose the entity the action runs for.'),
    ).toBeInTheDocument();
    expect(api.createExecution).not.toHaveBeenCalled();
  });

  it('polls a running execution until it finishes and shows its output (no signals)', async () => {
    const api = mockRunbooksApi(targetsStatus(true), {
      createExecution: jest.fn(async () => execution({ status: 'pending' })),
      getExecution: jest
        .fn()
        .mockResolvedValueOnce(execution({ status: 'running' }))
        .mockResolvedValue(
          execution({
            status: 'succeeded',
            output: healthOutput,
            finishedAt: '2026-11-23T07:00:01.000Z',
          }),
        ),
    });
    render(health, api, { entityRef: 'component:default/identity-service' });
    await userEvent.click(await screen.findByRole('button', { name: 'Run' }));
    expect(await screen.findByText('Running')).toBeInTheDocument();
    expect(
      await screen.findByText('Succeeded', undefined, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('database: connected')).toBeInTheDocument();
    expect(screen.getByText('queue: degraded')).toBeInTheDocument();
    expect(api.getExecution).toHaveBeenCalledWith('exec-1');
  });

  it('reads the execution at once when a signal about it arrives', async () => {
    const listeners: Array<(m: any) => void> = [];
    const signals = {
      subscribe: jest.fn((_channel: string, onMessage: (m: any) => void) => {
        listeners.push(onMessage);
        return { unsubscribe: jest.fn() };
      }),
    };
    const api = mockRunbooksApi(targetsStatus(true), {
      createExecution: jest.fn(async () => execution({ status: 'running' })),
      getExecution: jest
        .fn()
        .mockResolvedValueOnce(execution({ status: 'running' }))
        .mockResolvedValue(
          execution({
            status: 'failed',
            output: { summary: 'x', error: 'timeout after 30 s' },
          }),
        ),
    });
    render(health, api, {
      entityRef: 'component:default/identity-service',
      signals,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Run' }));
    await waitFor(() => expect(api.getExecution).toHaveBeenCalledTimes(1));
    expect(signals.subscribe).toHaveBeenCalledWith(
      'ops:runbook-executions',
      expect.any(Function),
    );
    // With signals the next poll is seconds away: only the signal explains a quick read.
    act(() => listeners.forEach(l => l({ execution: { id: 'exec-1' } })));
    expect(await screen.findByText('Failed')).toBeInTheDocument();
    expect(screen.getByText('Error: timeout after 30 s')).toBeInTheDocument();
  });

  it('speaks Japanese when the app language is ja', async () => {
    render(restart, mockRunbooksApi(targetsStatus(true)), { japanese: true });
    expect(await screen.findByRole('button', { name: '実行' })).toBeDisabled();
    expect(
      screen.getByText(
        'このアクションは破壊的操作です。確認のため Runbook 名 identity-service-down を入力してください。',
      ),
    ).toBeInTheDocument();
    await userEvent.type(
      screen.getByLabelText('Runbook 名'),
      'identity-service-down',
    );
    await userEvent.click(screen.getByRole('button', { name: '実行' }));
    expect(await screen.findByText('reason は必須です。')).toBeInTheDocument();
  });

  it('words the form in Japanese: its buttons and its field messages', async () => {
    const api = mockRunbooksApi(targetsStatus(true));
    render(rich, api, { japanese: true });
    await userEvent.click(
      await screen.findByRole('button', { name: '項目を追加' }),
    );
    // the default item and the added one, each with its remove button
    expect(screen.getAllByRole('button', { name: '削除' })).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: '実行' }));
    expect(
      await screen.findByText('Ticket id は必須です。'),
    ).toBeInTheDocument();
    expect(api.createExecution).not.toHaveBeenCalled();
  });
});
