import { translationApiRef } from '@backstage/frontend-plugin-api';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { japaneseTranslationApi } from '../../../__testUtils__/japanese';
import { mockOpsApi, opsStatus } from '../../../__testUtils__/opsStatus';
import { calendarStatusWithHistory } from '../../../__testUtils__/sloStatus';
import { OpsApi, OpsApiError, opsApiRef } from '../../../api';
import { opsDashboardTranslationRef } from '../../../translation';
import ja from '../../../translations/ja';
import { SloPreview } from './SloPreview';
import { SloPreviewPage } from './SloPreviewPage';

const draft = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: identity-availability
spec:
  service: identity
`;

async function render(opsApi: OpsApi, options: { ja?: boolean } = {}) {
  const apis: any[] = [[opsApiRef, opsApi]];
  if (options.ja) {
    apis.push([
      translationApiRef,
      japaneseTranslationApi(opsDashboardTranslationRef, ja),
    ]);
  }
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <SloPreview chartWidth={600} chartHeight={240} />
    </TestApiProvider>,
  );
}

/** Types the draft as a developer pastes it, and asks for the preview. */
async function preview(label: string, button: string) {
  await userEvent.click(await screen.findByRole('textbox', { name: label }));
  await userEvent.paste(draft);
  await userEvent.click(screen.getByRole('button', { name: button }));
}

describe('SloPreview', () => {
  it('sends the pasted draft and shows what the SLO page would show', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      preview: calendarStatusWithHistory(),
    });
    await render(opsApi);
    expect(
      await screen.findByRole('button', { name: 'Preview' }),
    ).toBeDisabled();
    await preview('Draft SLO (YAML or JSON)', 'Preview');

    expect(opsApi.previewSlo).toHaveBeenCalledWith(draft);
    // The figures and burn-down of the SLO page, for the draft.
    expect(await screen.findByText('99.94 % / 99.9 %')).toBeInTheDocument();
    expect(screen.getByText('Normal: ship features')).toBeInTheDocument();
    expect(
      await screen.findByRole('figure', { name: 'Error budget burn-down' }),
    ).toHaveTextContent(/3 points from/);
    expect(
      screen.getByText('What the SLO page would show'),
    ).toBeInTheDocument();
  });

  it('shows the refusal of the backend, which names the field', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      preview: new OpsApiError(
        'The draft is not a valid SLO: spec.objectives[0].target must be <= 1',
        400,
        'InputError',
      ),
    });
    await render(opsApi);
    await preview('Draft SLO (YAML or JSON)', 'Preview');
    expect(
      await screen.findByText(
        'The draft was refused: The draft is not a valid SLO: spec.objectives[0].target must be <= 1',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('What the SLO page would show')).toBeNull();
  });

  it('says which key is missing when no Prometheus server is configured', async () => {
    await render(mockOpsApi(opsStatus(false)));
    expect(
      await screen.findByText(/no Prometheus server is configured/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('speaks Japanese', async () => {
    const opsApi = mockOpsApi(opsStatus(true), {
      preview: calendarStatusWithHistory(),
    });
    await render(opsApi, { ja: true });
    await preview('SLO の下書き (YAML または JSON)', 'プレビュー');
    expect(
      await screen.findByText('SLO ページに表示される内容'),
    ).toBeInTheDocument();
  });
});

describe('SloPreviewPage', () => {
  it('titles the page', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[opsApiRef, mockOpsApi(opsStatus(true))]]}>
        <SloPreviewPage />
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole('heading', { name: 'SLO preview' }),
    ).toBeInTheDocument();
  });
});
