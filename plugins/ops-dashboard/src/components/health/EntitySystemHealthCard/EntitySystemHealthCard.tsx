import { Entity, RELATION_HAS_PART } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  HealthStatus,
  healthUrlsOf,
  worstHealthState,
} from '@unyo/plugin-ops-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { opsApiRef } from '../../../api';
import { useRefresh } from '../../../hooks/useRefresh';
import { useRelatedEntities } from '../../../hooks/useRelatedEntities';
import { opsDashboardTranslationRef } from '../../../translation';
import { HEALTH_REFRESH_MS } from '../HealthEndpointList';
import { HealthStatusIcon, useHealthStateLabel } from '../HealthStatusIcon';
import { HealthStrip } from '../HealthStrip';

interface ComponentHealth {
  ref: string;
  items?: HealthStatus[];
  error?: Error;
}

/** The system's parts that declare health URLs, each asked for separately. */
function useComponentsHealth(entity: Entity) {
  const opsApi = useApi(opsApiRef);
  const parts = useRelatedEntities(entity, RELATION_HAS_PART);
  const withHealth = (parts.value ?? [])
    .filter(p => p.entity && healthUrlsOf(p.entity).length > 0)
    .map(p => p.refString);
  const key = withHealth.join(',');
  const state = useAsyncRetry(
    () =>
      // One failing component must not hide the others.
      Promise.all(
        withHealth.map(ref =>
          opsApi.getHealth(ref).then(
            ({ items }): ComponentHealth => ({ ref, items }),
            (error: Error): ComponentHealth => ({ ref, error }),
          ),
        ),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [opsApi, key],
  );
  useRefresh(state.retry, HEALTH_REFRESH_MS);
  return {
    loading: parts.loading || state.loading,
    error: parts.error,
    value: parts.value ? state.value : undefined,
  };
}

function ComponentRow(props: { health: ComponentHealth }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const label = useHealthStateLabel();
  const { ref, items, error } = props.health;
  const worst = items?.length
    ? worstHealthState(items.map(i => i.status))
    : 'unknown';
  const notUp = (items ?? []).filter(i => i.status !== 'up');
  return (
    <Box component="li" sx={{ listStyle: 'none', py: 1 }} aria-label={ref}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
        <HealthStatusIcon state={worst} />
        <EntityRefLink entityRef={ref} defaultKind="component" />
        <Typography variant="caption" color="text.secondary">
          {error
            ? t('health.componentLoadError', { message: error.message })
            : t('health.componentSummary', { n: String(items?.length ?? 0) })}
        </Typography>
      </Box>
      {notUp.map(item => (
        <Typography
          key={item.url}
          variant="body2"
          color="text.secondary"
          sx={{ pl: 4 }}
        >
          {label(item.status)}: {item.url}
          {item.message ? ` — ${item.message}` : ''}
        </Typography>
      ))}
      {items?.map(item =>
        item.history?.length ? (
          <Box key={item.url} sx={{ pl: 4 }}>
            <HealthStrip url={item.url} points={item.history} />
          </Box>
        ) : null,
      )}
    </Box>
  );
}

/**
 * A System's page: the health of all its components at a glance (the
 * worst endpoint of each, what is not up and why, and the 24-hour strips).
 *
 * @public
 */
export function EntitySystemHealthCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  const { value, loading, error } = useComponentsHealth(entity);
  let content;
  if (error) {
    content = (
      <Alert severity="error">
        {t('health.loadError', { message: error.message })}
      </Alert>
    );
  } else if (loading && !value) {
    content = <Progress />;
  } else if (!value || value.length === 0) {
    content = (
      <Typography variant="body2" color="text.secondary">
        {t('health.systemEmpty')}
      </Typography>
    );
  } else {
    content = (
      <Box
        component="ul"
        aria-label={t('health.component')}
        sx={{ p: 0, m: 0 }}
      >
        {value.map(health => (
          <ComponentRow key={health.ref} health={health} />
        ))}
      </Box>
    );
  }
  return <InfoCard title={t('health.systemCardTitle')}>{content}</InfoCard>;
}
