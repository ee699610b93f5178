import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { BackupState } from '@unyo/plugin-ops-common';
import { useDeclaredDuration } from '../../../hooks/useBackupFormatters';
import { useOpsFormatters } from '../../../hooks/useOpsFormatters';
import { backupStateTone, factorText, rpoUsage } from '../../../lib/backups';
import { opsDashboardTranslationRef } from '../../../translation';

/**
 * The newest good copy's age as a share of the RPO: a bar coloured by the
 * state, full and red once over the RPO with the factor beside it
 * ("2.7× the RPO"); "no good copy" without one.
 */
export function BackupAgeBar(props: {
  ageSeconds: number | null;
  /** What the age is held to: the RPO, or the schedule interval when longer. */
  rpoSeconds: number;
  /** The policy's RPO when `rpoSeconds` is the target's schedule interval. */
  policyRpoSeconds?: number;
  state: BackupState;
}) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatMinutes } = useOpsFormatters();
  const declared = useDeclaredDuration();
  const { ageSeconds, rpoSeconds, state } = props;
  const usage = rpoUsage(ageSeconds, rpoSeconds);
  if (!usage || ageSeconds === null) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('backups.noAge')}
      </Typography>
    );
  }
  const age = formatMinutes(ageSeconds / 60);
  const rpo = declared(rpoSeconds);
  const tone = usage.over ? 'error' : backupStateTone(state);
  const factor = factorText(usage.factor);
  // A daily dump under a 1 h RPO (that the WAL carries) is held to its day.
  const interval = props.policyRpoSeconds !== undefined;
  const policyRpo = interval ? declared(props.policyRpoSeconds!) : rpo;
  const label = interval
    ? t('backups.ageIntervalLabel', { age, interval: rpo })
    : t('backups.ageLabel', { age, rpo });
  const text = interval
    ? t('backups.ageInterval', { age, interval: rpo, rpo: policyRpo })
    : t('backups.age', { age, rpo });
  const over = interval
    ? t('backups.overInterval', { factor })
    : t('backups.overRpo', { factor });
  return (
    <Box sx={{ minWidth: 140 }}>
      <LinearProgress
        variant="determinate"
        value={usage.fill}
        color={tone === 'default' ? 'inherit' : tone}
        aria-label={label}
        data-tone={tone}
        sx={{ height: 8, borderRadius: 1 }}
      />
      <Typography variant="caption" component="div">
        {text}
        {usage.over && (
          <Box component="span" sx={{ color: 'error.main', fontWeight: 600 }}>
            {' · '}
            {over}
          </Box>
        )}
      </Typography>
    </Box>
  );
}
