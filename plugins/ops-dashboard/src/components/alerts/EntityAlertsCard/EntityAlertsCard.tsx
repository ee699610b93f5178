import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  Alert as OpsAlert,
  SelectorMatcher,
  parseAlertSelector,
} from '@unyo/plugin-ops-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { opsApiRef } from '../../../api';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { opsDashboardTranslationRef } from '../../../translation';
import { AlertSilenceDialog } from '../AlertSilenceDialog';
import { ActiveAlertsTable, AlertRulesTable } from '../AlertTables';
import { AlertSilenceList } from '../AlertSilenceList';
import { AlertHistoryFigures } from './AlertHistoryFigures';

function parsedSelector(text: string | undefined): SelectorMatcher[] {
  try {
    return text ? parseAlertSelector(text) : [];
  } catch {
    return [];
  }
}

/** @public */
export interface AlertsPanelProps {
  entityRef: string;
  title?: string;
}

/**
 * The alerts of an entity: firing, pending and silenced alerts with their
 * manual level and runbook, the alert rules, 30-day history and MTTR, and a
 * silence dialog. Says which source failed or which key is missing.
 *
 * @public
 */
export function AlertsPanel(props: AlertsPanelProps) {
  const { entityRef } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatAgo } = useSloStatusFormatters();
  const opsApi = useApi(opsApiRef);
  const alerts = useAsyncRetry(
    () => opsApi.getAlerts(entityRef),
    [opsApi, entityRef],
  );
  const history = useAsync(
    () => opsApi.getAlertHistory(entityRef),
    [opsApi, entityRef],
  );
  const [silencing, setSilencing] = useState<OpsAlert>();
  const [created, setCreated] = useState<string>();
  const selector = useMemo(
    () => parsedSelector(alerts.value?.selector),
    [alerts.value?.selector],
  );

  const body = () => {
    if (alerts.loading && !alerts.value) return <Progress />;
    if (alerts.error) {
      return (
        <Alert severity="error">
          {t('alerts.loadError', { message: alerts.error.message })}
        </Alert>
      );
    }
    const value = alerts.value!;
    const active = value.items.filter(a => a.state !== 'inactive');
    return (
      <Stack spacing={2}>
        {value.error && (
          <Alert severity="warning" role="alert">
            {value.error.name === 'MissingAlertSelector'
              ? t('alerts.noSelector', { message: value.error.message })
              : t('alerts.badSelector', { message: value.error.message })}
          </Alert>
        )}
        {value.notConfigured.length > 0 && (
          <Alert severity="info" variant="outlined">
            {t('alerts.notConfigured', {
              keys: value.notConfigured.join(', '),
            })}
          </Alert>
        )}
        {value.sourceErrors.map(e => (
          <Alert
            key={`${e.source}/${e.server}`}
            severity="warning"
            role="alert"
          >
            {typeof e.staleSeconds === 'number'
              ? t('alerts.sourceErrorStale', {
                  source:
                    e.source === 'alertmanager' ? 'Alertmanager' : 'Prometheus',
                  server: e.server,
                  message: e.message,
                  ago: formatAgo(e.staleSeconds),
                })
              : t('alerts.sourceError', {
                  source:
                    e.source === 'alertmanager' ? 'Alertmanager' : 'Prometheus',
                  server: e.server,
                  message: e.message,
                })}
          </Alert>
        ))}
        {created && (
          <Alert severity="success" onClose={() => setCreated(undefined)}>
            {t('alerts.silence.created', { id: created })}
          </Alert>
        )}
        {value.selector && !value.error && (
          <Typography variant="caption" color="text.secondary">
            {t('alerts.selector', { selector: value.selector })}
          </Typography>
        )}
        {!value.error &&
          (active.length > 0 ? (
            <ActiveAlertsTable
              items={active}
              canSilence={value.canSilence}
              onSilence={setSilencing}
            />
          ) : (
            <Typography variant="body2">{t('alerts.none')}</Typography>
          ))}
        {!value.error && (
          <AlertSilenceList
            entityRef={entityRef}
            canExpire={value.canSilence}
            refreshKey={created}
            onExpired={alerts.retry}
          />
        )}
        <AlertHistoryFigures history={history.value} error={history.error} />
        {!value.error && (
          <>
            <Typography variant="subtitle1">{t('alerts.rules')}</Typography>
            {value.rules.length > 0 ? (
              <AlertRulesTable rules={value.rules} />
            ) : (
              <Typography variant="body2">{t('alerts.noRules')}</Typography>
            )}
          </>
        )}
        {silencing && (
          <AlertSilenceDialog
            entityRef={entityRef}
            alert={silencing}
            selector={selector}
            onClose={() => setSilencing(undefined)}
            onCreated={id => {
              setSilencing(undefined);
              setCreated(id);
              alerts.retry();
            }}
          />
        )}
      </Stack>
    );
  };

  return (
    <InfoCard title={props.title ?? t('alerts.cardTitle')}>{body()}</InfoCard>
  );
}

/**
 * The alerts card of a Component, Resource or System with an
 * `unyo.dev/alert-selector` annotation.
 *
 * @public
 */
export function EntityAlertsCard() {
  const { entity } = useEntity();
  return <AlertsPanel entityRef={stringifyEntityRef(entity)} />;
}
