import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { OpsTable } from '@unyo/plugin-ops-react';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type {
  Alert as OpsAlert,
  AlertLevel,
  AlertRuleStatus,
  AlertState,
} from '@unyo/plugin-ops-common';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { opsDashboardTranslationRef } from '../../../translation';

const STATE_COLOR: Record<AlertState, 'error' | 'warning' | 'default'> = {
  firing: 'error',
  pending: 'warning',
  suppressed: 'default',
  inactive: 'default',
};

const SEVERITY_COLOR: Record<string, 'error' | 'warning' | 'info'> = {
  critical: 'error',
  page: 'error',
  high: 'error',
  warning: 'warning',
  medium: 'warning',
};

/**
 * "P1 · respond within 15 min", from the entity's level set
 * (`ops.alerts.levelSets`), with its escalation when the set states one.
 */
export function useAlertLevelText() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const f = useSloStatusFormatters();
  return (level: AlertLevel | undefined) => {
    if (!level) return undefined;
    let text: string;
    if (level.respondWithinMinutes === null) text = level.name;
    else if (level.respondWithinMinutes === 0)
      text = t('alerts.level.atOnce', { level: level.name });
    else
      text = t('alerts.level.withinMinutes', {
        level: level.name,
        duration: f.formatMinutes(level.respondWithinMinutes),
      });
    return level.escalation
      ? t('alerts.level.escalation', { text, escalation: level.escalation })
      : text;
  };
}

function StateChip({ state }: { state: AlertState }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <Chip
      size="small"
      color={STATE_COLOR[state]}
      variant={state === 'firing' ? 'filled' : 'outlined'}
      label={t(`alerts.state.${state}`)}
    />
  );
}

/** @public */
export interface ActiveAlertsTableProps {
  items: OpsAlert[];
  canSilence: boolean;
  onSilence(alert: OpsAlert): void;
}

/** Firing, pending and silenced alerts, most urgent first. @public */
export function ActiveAlertsTable(props: ActiveAlertsTableProps) {
  const { items, canSilence, onSilence } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const f = useSloStatusFormatters();
  const levelText = useAlertLevelText();
  return (
    <OpsTable aria-label={t('alerts.active')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('alerts.column.alert')}</TableCell>
          <TableCell>{t('alerts.column.severity')}</TableCell>
          <TableCell>{t('alerts.column.since')}</TableCell>
          <TableCell>{t('alerts.column.summary')}</TableCell>
          <TableCell>{t('alerts.column.runbook')}</TableCell>
          <TableCell>{t('alerts.column.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map(alert => {
          const key = alert.fingerprint ?? JSON.stringify(alert.labels);
          const since = alert.startsAt
            ? (Date.now() - Date.parse(alert.startsAt)) / 1000
            : undefined;
          const level = levelText(alert.level);
          return (
            <TableRow key={key} data-testid={`alert-${alert.alertname}`}>
              <TableCell>
                <Typography variant="body2" fontWeight="bold">
                  {alert.alertname}
                </Typography>
                <StateChip state={alert.state} />
              </TableCell>
              <TableCell>
                {alert.severity && (
                  <Chip
                    size="small"
                    color={
                      SEVERITY_COLOR[alert.severity.toLowerCase()] ?? 'info'
                    }
                    label={alert.severity}
                  />
                )}
                {level && (
                  <Typography variant="caption" display="block">
                    {level}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {since !== undefined && (
                  <Tooltip title={alert.startsAt!}>
                    <span>{f.formatAgo(Math.max(0, since))}</span>
                  </Tooltip>
                )}
              </TableCell>
              <TableCell>{alert.annotations.summary ?? ''}</TableCell>
              <TableCell>
                {alert.runbookRef ? (
                  <EntityRefLink
                    entityRef={alert.runbookRef}
                    title={t('alerts.openRunbook')}
                  />
                ) : (
                  <Typography variant="caption" color="text.secondary">
                    {t('alerts.noRunbook')}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {alert.state !== 'suppressed' && (
                  <Tooltip title={canSilence ? '' : t('alerts.silence.denied')}>
                    <span>
                      <Button
                        size="small"
                        variant="outlined"
                        disabled={!canSilence}
                        aria-label={t('alerts.silence.buttonFor', {
                          alertname: alert.alertname,
                        })}
                        onClick={() => onSilence(alert)}
                      >
                        {t('alerts.silence.button')}
                      </Button>
                    </span>
                  </Tooltip>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </OpsTable>
  );
}

/** The alert rules with their expression, `for` and state. @public */
export function AlertRulesTable(props: { rules: AlertRuleStatus[] }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const f = useSloStatusFormatters();
  const levelText = useAlertLevelText();
  return (
    <OpsTable aria-label={t('alerts.rules')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('alerts.column.alert')}</TableCell>
          <TableCell>{t('alerts.column.expression')}</TableCell>
          <TableCell>{t('alerts.column.for')}</TableCell>
          <TableCell>{t('alerts.column.state')}</TableCell>
          <TableCell>{t('alerts.column.health')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rules.map(rule => (
          <TableRow
            key={`${rule.server}/${rule.group}/${rule.name}/${rule.query}`}
          >
            <TableCell>
              <Typography variant="body2">{rule.name}</Typography>
              <Typography variant="caption" display="block">
                {levelText(rule.level)}
              </Typography>
            </TableCell>
            <TableCell data-break="anywhere">
              <code>{rule.query}</code>
            </TableCell>
            <TableCell>{f.formatMinutes(rule.forSeconds / 60)}</TableCell>
            <TableCell>
              <StateChip state={rule.state} />
            </TableCell>
            <TableCell>
              {rule.lastError ? (
                <Tooltip title={rule.lastError}>
                  <span>{rule.health}</span>
                </Tooltip>
              ) : (
                rule.health
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </OpsTable>
  );
}
