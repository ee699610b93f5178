import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { opsApiRef } from '../../../api';
import { useOpsStatus } from '../../../hooks/useOpsStatus';
import { opsDashboardTranslationRef } from '../../../translation';
import { OpsStatusNotice } from '../../common/OpsStatusNotice';
import { SloStatusDetails } from '../SloStatusDetails';

/** The draft's size limit of `POST /api/ops/slos/preview` (docs/slo-preview.md). */
const MAX_DRAFT_LENGTH = 65536;

/** @public */
export interface SloPreviewProps {
  /** Fixed chart size in pixels; by default the chart fills the card. */
  chartWidth?: number;
  chartHeight?: number;
}

/**
 * A text area for a draft SLO document, a Preview button, then what the
 * SLO page would show for it (`POST /api/ops/slos/preview`).
 */
export function SloPreview(props: SloPreviewProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const opsApi = useApi(opsApiRef);
  const opsStatus = useOpsStatus();
  const [draft, setDraft] = useState('');
  const [result, preview] = useAsyncFn(
    (document: string) => opsApi.previewSlo(document),
    [opsApi],
  );

  if (opsStatus.loading) return <Progress />;
  if (opsStatus.value?.sources.prometheus.configured !== true) {
    // Says which key is missing, or that the backend cannot be reached.
    return <OpsStatusNotice capability="slo" />;
  }
  return (
    <>
      <InfoCard title={t('preview.draftLabel')}>
        <Box
          component="form"
          onSubmit={event => {
            event.preventDefault();
            preview(draft);
          }}
        >
          <TextField
            label={t('preview.draftLabel')}
            helperText={t('preview.draftHelp')}
            value={draft}
            onChange={event => setDraft(event.target.value)}
            multiline
            minRows={12}
            maxRows={40}
            fullWidth
            inputProps={{
              maxLength: MAX_DRAFT_LENGTH,
              spellCheck: false,
              style: { fontFamily: 'monospace' },
            }}
          />
          <Box sx={{ mt: 2 }}>
            <Button
              type="submit"
              variant="contained"
              disabled={result.loading || draft.trim() === ''}
            >
              {t('preview.button')}
            </Button>
          </Box>
        </Box>
      </InfoCard>
      <Box sx={{ mt: 3 }}>
        {result.loading && <Progress aria-label={t('preview.running')} />}
        {!result.loading && result.error && (
          <Alert severity="error" variant="outlined">
            {t('preview.refused', { message: result.error.message })}
          </Alert>
        )}
        {!result.loading && result.value && (
          <InfoCard
            title={t('preview.resultTitle')}
            subheader={result.value.title ?? result.value.ref}
          >
            <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
              {t('preview.notice', {
                title: result.value.title ?? result.value.ref,
              })}
            </Alert>
            <SloStatusDetails
              status={result.value}
              chartWidth={props.chartWidth}
              chartHeight={props.chartHeight}
            />
          </InfoCard>
        )}
      </Box>
    </>
  );
}
