import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import { useChangeMarkers } from '../../../hooks/useChangeMarkers';
import { useOpsStatus } from '../../../hooks/useOpsStatus';
import { useSloCorrections, useSloStatus } from '../../../hooks/useSloStatuses';
import { opsDashboardTranslationRef } from '../../../translation';
import { OpsStatusNotice } from '../../common/OpsStatusNotice';
import { SloCorrectionList } from '../SloCorrections';
import { SloStatusDetails } from '../SloStatusDetails';

/** @public */
export interface EntitySloStatusCardProps {
  /** Fixed chart size in pixels; by default the chart fills the card. */
  chartWidth?: number;
  chartHeight?: number;
}

/**
 * SLO entity page: the live status of this SLO (budget left, SLI against
 * target, policy, burn rates and alerts, time to exhaustion, allowed
 * downtime), the burn-down of its error budget over the window and the
 * evaluation path with the PromQL run, from
 * `GET /api/ops/slos/{namespace}/{name}`.
 *
 * @public
 */
export function EntitySloStatusCard(props: EntitySloStatusCardProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const opsStatus = useOpsStatus();
  const configured = opsStatus.value?.sources.prometheus.configured === true;
  const slo = useSloStatus(namespace, entity.metadata.name);
  const corrections = useSloCorrections(namespace, entity.metadata.name);
  // Markers are extra: without them (an error) the card still shows.
  const changes = useChangeMarkers(slo.value);

  let body;
  if (opsStatus.loading || (slo.loading && !slo.value && !slo.error)) {
    body = <Progress />;
  } else if (!configured) {
    // says which key is missing, or that the backend cannot be reached
    body = <OpsStatusNotice capability="slo" />;
  } else if (slo.error || !slo.value) {
    body = (
      <Alert severity="warning" variant="outlined">
        {t('status.sloUnavailable', { message: slo.error?.message ?? '' })}
      </Alert>
    );
  } else {
    body = (
      <SloStatusDetails
        status={slo.value}
        chartWidth={props.chartWidth}
        chartHeight={props.chartHeight}
        changes={changes.value}
        corrections={corrections.value}
        afterChart={
          corrections.error ? (
            <Alert severity="warning" variant="outlined" sx={{ mt: 3 }}>
              {t('corrections.loadError', {
                message: corrections.error.message,
              })}
            </Alert>
          ) : (
            <SloCorrectionList
              namespace={namespace}
              name={entity.metadata.name}
              corrections={corrections.value ?? []}
              onChange={() => {
                corrections.retry();
                slo.retry();
              }}
            />
          )
        }
      />
    );
  }
  return (
    <InfoCard
      title={t('sloStatusCard.title')}
      subheader={
        slo.value?.title ??
        (entity.metadata.title as string | undefined) ??
        entity.metadata.name
      }
    >
      {body}
    </InfoCard>
  );
}
