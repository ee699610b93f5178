import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { healthOutput } from '../../../__testUtils__/fixtures';
import { ExecutionOutputView } from './ExecutionOutputView';

describe('ExecutionOutputView', () => {
  it('shows an http answer: status, run id and link, and the body', async () => {
    await renderInTestApp(
      <ExecutionOutputView
        output={{
          summary: 'POST /api/45/job/x/run answered 200',
          httpStatus: 200,
          body: { id: 4711, status: 'running' },
          runId: '4711',
          runUrl: 'http://rundeck.example/execution/show/4711',
        }}
      />,
    );
    expect(
      screen.getByText('POST /api/45/job/x/run answered 200'),
    ).toBeInTheDocument();
    expect(screen.getByText('HTTP status 200')).toBeInTheDocument();
    expect(screen.getByText(/Run 4711/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open the run/ })).toHaveAttribute(
      'href',
      'http://rundeck.example/execution/show/4711',
    );
    await waitFor(() =>
      expect(document.body.textContent).toContain('"id": 4711'),
    );
  });

  it('shows a prometheus-query value against its expectation', async () => {
    await renderInTestApp(
      <ExecutionOutputView
        output={{
          summary: '0.034 is not < 0.01',
          value: 0.034,
          expectation: '< 0.01',
          passed: false,
        }}
      />,
    );
    expect(screen.getByText('Value: 0.034')).toBeInTheDocument();
    expect(screen.getByText('Expected: < 0.01')).toBeInTheDocument();
    expect(screen.getByText('Not passed')).toBeInTheDocument();
    expect(screen.queryByText('Passed')).not.toBeInTheDocument();
  });

  it('says when the query found no value', async () => {
    await renderInTestApp(
      <ExecutionOutputView
        output={{
          summary: 'no data',
          value: null,
          expectation: '< 0.9',
          passed: false,
        }}
      />,
    );
    expect(
      screen.getByText('No value: the query returned no series.'),
    ).toBeInTheDocument();
  });

  it('shows each probed health URL with its checks', async () => {
    await renderInTestApp(<ExecutionOutputView output={healthOutput} />);
    const endpoint = screen.getByRole('listitem', {
      name: 'http://127.0.0.1:18041/health/ready',
    });
    expect(within(endpoint).getByText('degraded')).toBeInTheDocument();
    expect(within(endpoint).getByText('12 ms')).toBeInTheDocument();
    const checks = within(endpoint).getByRole('list', {
      name: 'Checks of http://127.0.0.1:18041/health/ready',
    });
    const rows = within(checks).getAllByRole('listitem');
    expect(rows.map(r => r.textContent)).toEqual([
      'database: connected',
      'queue: degradedlength: 18500',
    ]);
  });

  it('shows created silences and errors', async () => {
    await renderInTestApp(
      <ExecutionOutputView
        output={{
          summary: 'silenced',
          silenceIds: ['s-1', 's-2'],
        }}
      />,
    );
    expect(screen.getByText('Silences created: s-1, s-2')).toBeInTheDocument();
  });

  it('shows why an action failed, and no output before there is one', async () => {
    const { unmount } = await renderInTestApp(
      <ExecutionOutputView
        output={{ summary: 'failed', error: 'connect ECONNREFUSED' }}
      />,
    );
    expect(screen.getByText('Error: connect ECONNREFUSED')).toBeInTheDocument();
    unmount();
    await renderInTestApp(<ExecutionOutputView output={null} />);
    expect(screen.getByText('No output yet.')).toBeInTheDocument();
  });
});
