import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { healthUrlsOf } from '@unyo/plugin-ops-common';
import { opsDashboardTranslationRef } from '../../../translation';
import { HealthEndpointList, useHealth } from '../HealthEndpointList';

/** The health panel's content for one entity, without a card around it. */
export function EntityHealthContent() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  const declared = healthUrlsOf(entity).length > 0;
  const { value, loading, error } = useHealth(stringifyEntityRef(entity));
  if (!declared) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('health.empty')}
      </Typography>
    );
  }
  if (error) {
    return (
      <Alert severity="error">
        {t('health.loadError', { message: error.message })}
      </Alert>
    );
  }
  if (loading && !value) return <Progress />;
  return <HealthEndpointList items={value ?? []} />;
}

/**
 * The health of the entity's `unyo.dev/health-url` endpoints as the ops
 * backend probes them: one row per endpoint and per dependency it reports,
 * with status, latency, how long it has been so, uptime and the last 24
 * hours.
 *
 * @public
 */
export function EntityHealthCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <InfoCard title={t('health.cardTitle')}>
      <EntityHealthContent />
    </InfoCard>
  );
}
