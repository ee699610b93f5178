import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import type { RunbookAction } from '@unyo/plugin-ops-common';
import { runbooksTranslationRef } from '../../../translation';

/**
 * The Run button of an action: red for destructive ones, disabled with the
 * reason as a tooltip when the user may not execute the runbook
 * (`canExecute === false`; unknown counts as allowed, the backend decides).
 */
export function RunActionButton(props: {
  action: RunbookAction;
  canExecute?: boolean;
  onRun: () => void;
}) {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { action, canExecute } = props;
  const button = (
    <Button
      size="small"
      variant="contained"
      color={action.destructive ? 'error' : 'primary'}
      startIcon={<PlayArrowIcon />}
      disabled={canExecute === false}
      onClick={props.onRun}
      aria-label={t('actionsCard.runTitle', { title: action.title })}
    >
      {t('actionsCard.run')}
    </Button>
  );
  if (canExecute !== false) return button;
  // A disabled button fires no events: the span carries the tooltip.
  return (
    <Tooltip title={t('actionsCard.cannotExecute')}>
      <span>{button}</span>
    </Tooltip>
  );
}
