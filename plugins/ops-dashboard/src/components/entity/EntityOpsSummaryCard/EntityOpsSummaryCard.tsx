import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { worstBackupState, worstHealthState } from '@unyo/plugin-ops-common';
import { ReactNode } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { opsApiRef } from '../../../api';
import { useBackups } from '../../../hooks/useBackups';
import { useSloStatuses } from '../../../hooks/useSloStatuses';
import { opsDashboardTranslationRef } from '../../../translation';
import { BackupStateChip } from '../../backups/BackupStateChip';
import { HealthStatusIcon } from '../../health/HealthStatusIcon';
import { useHealth } from '../../health/HealthEndpointList';
import { SloBudgetGauge } from '../../slo/SloBudgetGauge';
import { opsSummaryParts } from './opsSummaryParts';

/** One tile of the summary: a heading and what the backend says. */
function Tile(props: {
  label: string;
  loading: boolean;
  error?: Error;
  children?: ReactNode;
}) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  let body = props.children;
  if (props.error) {
    body = (
      <Typography variant="body2" color="error">
        {t('summary.loadError', { message: props.error.message })}
      </Typography>
    );
  } else if (props.loading) {
    body = <Progress />;
  }
  return (
    <Box role="group" aria-label={props.label} sx={{ minWidth: 0 }}>
      <Typography variant="overline" color="text.secondary" component="div">
        {props.label}
      </Typography>
      {body}
    </Box>
  );
}

function SloTile(props: { entityRef: string }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { value, loading, error } = useSloStatuses(props.entityRef);
  return (
    <Tile label={t('summary.slos')} loading={loading && !value} error={error}>
      <Stack spacing={1}>
        {(value ?? []).map(slo => (
          <Box key={slo.ref} data-slo-ref={slo.ref}>
            <Typography variant="body2" noWrap title={slo.title ?? slo.ref}>
              {slo.title ?? slo.ref}
            </Typography>
            {slo.errorBudget ? (
              <SloBudgetGauge
                remainingRatio={slo.errorBudget.remainingRatio}
                policy={slo.policy}
                size={36}
              />
            ) : (
              <Typography variant="caption" color="text.secondary">
                {slo.message ?? slo.state}
              </Typography>
            )}
          </Box>
        ))}
        {value?.length === 0 && (
          <Typography variant="body2">{t('summary.noSlos')}</Typography>
        )}
      </Stack>
    </Tile>
  );
}

function AlertsTile(props: { entityRef: string }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const opsApi = useApi(opsApiRef);
  const { value, loading, error } = useAsyncRetry(
    () => opsApi.getAlerts(props.entityRef),
    [opsApi, props.entityRef],
  );
  const firing = (value?.items ?? []).filter(a => a.state === 'firing');
  const names = [...new Set(firing.map(a => a.alertname))];
  return (
    <Tile label={t('summary.alerts')} loading={loading && !value} error={error}>
      <Typography variant="h6" component="div" data-firing={firing.length}>
        {firing.length
          ? t('summary.firing', { n: String(firing.length) })
          : t('summary.noAlerts')}
      </Typography>
      <Stack direction="row" flexWrap="wrap" gap={0.5}>
        {names.map(name => (
          <Chip key={name} size="small" color="error" label={name} />
        ))}
      </Stack>
    </Tile>
  );
}

function HealthTile(props: { entityRef: string }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { value, loading, error } = useHealth(props.entityRef);
  const items = value ?? [];
  return (
    <Tile label={t('summary.health')} loading={loading && !value} error={error}>
      <HealthStatusIcon
        state={
          items.length ? worstHealthState(items.map(i => i.status)) : 'unknown'
        }
      />
      <Typography variant="caption" color="text.secondary" component="div">
        {t('summary.healthEndpoints', { n: String(items.length) })}
      </Typography>
    </Tile>
  );
}

function BackupsTile(props: { entityRef: string }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { value, loading, error } = useBackups(props.entityRef);
  const items = value ?? [];
  const worst = worstBackupState(items.map(i => i.status));
  return (
    <Tile
      label={t('summary.backups')}
      loading={loading && !value}
      error={error}
    >
      {worst ? (
        <>
          <BackupStateChip state={worst} />
          <Typography variant="caption" color="text.secondary" component="div">
            {t('summary.backupTargets', { n: String(items.length) })}
          </Typography>
        </>
      ) : (
        <Typography variant="body2">{t('summary.noBackups')}</Typography>
      )}
    </Tile>
  );
}

/**
 * The operations of an entity at a glance, for the top of its overview: SLO
 * error budgets, firing alerts, endpoint health and backup state, each as the
 * ops backend reports it (the Operations tab and the other cards have the
 * details). Parts the entity does not declare are left out.
 *
 * @public
 */
export function EntityOpsSummaryCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const parts = opsSummaryParts(entity);
  return (
    <InfoCard title={t('summary.title')}>
      <Box
        aria-label={t('summary.title')}
        role="region"
        sx={{
          display: 'grid',
          gap: 3,
          gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
        }}
      >
        {parts.slos && <SloTile entityRef={ref} />}
        {parts.alerts && <AlertsTile entityRef={ref} />}
        {parts.health && <HealthTile entityRef={ref} />}
        {parts.backups && <BackupsTile entityRef={ref} />}
      </Box>
    </InfoCard>
  );
}
