import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { BackupState } from '@unyo/plugin-ops-common';
import { backupStateTone } from '../../../lib/backups';
import { opsDashboardTranslationRef } from '../../../translation';

/** The translated word of a backup state. */
export function useBackupStateLabel() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (state: BackupState): string => {
    switch (state) {
      case 'ok':
        return t('backups.state.ok');
      case 'late':
        return t('backups.state.late');
      case 'breached':
        return t('backups.state.breached');
      case 'failing':
        return t('backups.state.failing');
      default:
        return t('backups.state.unknown');
    }
  };
}

/**
 * A backup state as a coloured chip with its word (the word carries the
 * meaning, not the colour); the tooltip says why, e.g. the source's error.
 */
export function BackupStateChip(props: { state: BackupState; why?: string }) {
  const label = useBackupStateLabel()(props.state);
  const tone = backupStateTone(props.state);
  const chip = (
    <Chip
      size="small"
      color={tone}
      variant={tone === 'default' ? 'outlined' : 'filled'}
      label={label}
      data-testid="backup-state"
      data-state={props.state}
    />
  );
  return props.why ? (
    <Tooltip title={props.why}>
      <span>{chip}</span>
    </Tooltip>
  ) : (
    chip
  );
}
