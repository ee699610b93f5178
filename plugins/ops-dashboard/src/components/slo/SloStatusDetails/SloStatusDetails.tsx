import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type {
  ChangeMarker,
  SloStatusWithHistory,
} from '@unyo/plugin-ops-common';
import { lazy, ReactNode, Suspense } from 'react';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloEvaluationDetails } from '../SloEvaluationDetails';
import { SloStatusFigures } from '../SloStatusFigures';
import type { SloCorrectionSpan } from '../SloBurnDownChart/correctionAreas';

// recharts is big: load the chart only when there is a history to draw.
const SloBurnDownChart = lazy(() =>
  import('../SloBurnDownChart/SloBurnDownChart').then(m => ({
    default: m.SloBurnDownChart,
  })),
);

/** @public */
export interface SloStatusDetailsProps {
  status: SloStatusWithHistory;
  /** Fixed chart size in pixels; by default the chart fills its box. */
  chartWidth?: number;
  chartHeight?: number;
  /** Changes of the SLO's entity, drawn on its charts. */
  changes?: ChangeMarker[];
  /** Error-budget corrections, shaded on the chart. */
  corrections?: SloCorrectionSpan[];
  /** Shown under the chart (the SLO page's list of corrections). */
  afterChart?: ReactNode;
}

/**
 * One SLO's status figures, the burn-down of its window and the evaluation
 * path with the PromQL run: the SLO page's card and the preview page show
 * the same.
 */
export function SloStatusDetails(props: SloStatusDetailsProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { status } = props;
  return (
    <>
      <SloStatusFigures status={status} changes={props.changes} />
      <Box sx={{ mt: 3 }}>
        <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
          {t('burnDownChart.title')}
        </Typography>
        {status.history.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('burnDownChart.empty')}
          </Typography>
        ) : (
          <Suspense
            fallback={<Progress aria-label={t('burnDownChart.loading')} />}
          >
            <SloBurnDownChart
              history={status.history}
              window={status.window}
              target={status.target}
              width={props.chartWidth}
              height={props.chartHeight}
              markers={props.changes}
              corrections={props.corrections}
            />
          </Suspense>
        )}
      </Box>
      {props.afterChart}
      <SloEvaluationDetails evaluation={status.evaluation} />
    </>
  );
}
