import { Progress, WarningPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import { OpsStatus } from '../../../api';
import { useOpsStatus } from '../../../hooks/useOpsStatus';
import { opsDashboardTranslationRef } from '../../../translation';

/** The live data a panel would show. */
export type OpsCapability = 'slo' | 'backups' | 'alerts';

/** @public */
export interface OpsStatusNoticeProps {
  capability: OpsCapability;
}

function useNotice(capability: OpsCapability, status: OpsStatus) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { prometheus, alertmanager, backupSources } = status.sources;
  switch (capability) {
    case 'slo':
      // With Prometheus configured the SLO panels show live status.
      return prometheus.configured
        ? undefined
        : {
            severity: 'warning' as const,
            text: t('status.sloMissing', { configKey: prometheus.configKey }),
          };
    case 'backups':
      // With a backup source configured the backup panels show live status.
      return backupSources.configured
        ? undefined
        : {
            severity: 'warning' as const,
            text: t('status.backupsMissing', {
              configKey: backupSources.configKey,
            }),
          };
    default:
      // With Alertmanager configured the alert panels show firing alerts.
      return alertmanager.configured
        ? undefined
        : {
            severity: 'warning' as const,
            text: t('status.alertsMissing', {
              configKey: alertmanager.configKey,
            }),
          };
  }
}

function Notice(props: { capability: OpsCapability; status: OpsStatus }) {
  const notice = useNotice(props.capability, props.status);
  if (!notice) return null;
  return (
    <Alert severity={notice.severity} variant="outlined" sx={{ mt: 2 }}>
      {notice.text}
    </Alert>
  );
}

/**
 * States honestly what live data the panel lacks and why: which
 * configuration key of the ops backend is missing.
 *
 * @public
 */
export function OpsStatusNotice(props: OpsStatusNoticeProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { value, loading, error } = useOpsStatus();

  if (loading) {
    return <Progress aria-label={t('status.checking')} />;
  }
  if (error || !value) {
    return (
      <WarningPanel
        severity="warning"
        title={t('status.unreachableTitle')}
        message={t('status.unreachable', { message: error?.message ?? '' })}
      />
    );
  }
  return <Notice capability={props.capability} status={value} />;
}
