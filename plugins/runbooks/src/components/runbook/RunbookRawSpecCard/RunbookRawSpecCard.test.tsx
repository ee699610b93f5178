import { screen, waitFor } from '@testing-library/react';
import { runbookEntity } from '../../../__testUtils__/fixtures';
import { renderWithEntity } from '../../../__testUtils__/render';
import { RunbookRawSpecCard } from './RunbookRawSpecCard';

describe('RunbookRawSpecCard', () => {
  it('shows the spec as YAML', async () => {
    renderWithEntity(<RunbookRawSpecCard />, { entity: runbookEntity });
    expect(
      await screen.findByText(
        'spec of runbook:default/identity-service-down as YAML',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(document.body.textContent).toContain('severity: critical'),
    );
    const yaml = document.querySelector('code')?.textContent;
    expect(yaml).toContain(
      [
        'appliesTo:',
        '- component:default/identity-service',
        'severity: critical',
        'alerts:',
        '- ServiceDown',
        'steps:',
        '- title: Check pods',
        '  titleJa: Pod を確認',
        '  description: Look for pods that are *not* `Running`.',
        '  run: kubectl get pods -n production -l app=identity-service',
        '  language: bash',
        '- title: Restart the deployment',
        '  action: restart',
      ].join('\n'),
    );
    expect(yaml).toContain(
      [
        '  parameters:',
        '    type: object',
        '    properties:',
        '      reason:',
        '        type: string',
        '    required:',
        '    - reason',
        '- id: error-ratio',
        '  title: 5xx ratio below 1 %',
        '  type: prometheus-query',
        '  query: sum(rate(http_requests_total{code=~"5.."}[5m]))',
      ].join('\n'),
    );
  });
});
