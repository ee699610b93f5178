import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { SloEvaluationDetails as Details } from '@unyo/plugin-ops-common';
import { opsDashboardTranslationRef } from '../../../translation';

/**
 * Which evaluation path an SLO takes and the PromQL the backend runs for
 * one window, for people debugging their SLI.
 */
export function SloEvaluationDetails(props: { evaluation?: Details }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { evaluation } = props;
  if (!evaluation) return null;
  const pathText = {
    selector: t('sloEvaluation.selector'),
    expression: t('sloEvaluation.expression'),
    template: t('sloEvaluation.template'),
    timeslices: t('sloEvaluation.timeslices'),
  }[evaluation.path];
  return (
    <Box
      component="section"
      aria-labelledby="slo-evaluation-title"
      sx={{ mt: 3 }}
    >
      <Typography
        id="slo-evaluation-title"
        variant="subtitle2"
        component="h3"
        sx={{ mb: 1 }}
      >
        {t('sloEvaluation.title')}
      </Typography>
      <Typography variant="body2">{pathText}</Typography>
      {evaluation.queries.length > 0 && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('sloEvaluation.queries', { window: evaluation.window })}
            {evaluation.path === 'selector' && ` ${t('sloEvaluation.batched')}`}
          </Typography>
          {evaluation.queries.map(query => (
            <Box
              key={query}
              component="pre"
              sx={{
                fontFamily: 'monospace',
                fontSize: '0.8rem',
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-all',
                bgcolor: 'action.hover',
                p: 1,
                my: 1,
                borderRadius: 1,
              }}
            >
              {query}
            </Box>
          ))}
        </>
      )}
    </Box>
  );
}
