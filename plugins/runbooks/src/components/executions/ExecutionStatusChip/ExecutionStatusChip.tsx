import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip, { ChipProps } from '@mui/material/Chip';
import type { ExecutionStatus } from '@unyo/plugin-ops-common';
import { runbooksTranslationRef } from '../../../translation';

const COLORS: Record<ExecutionStatus, ChipProps['color']> = {
  pending: 'default',
  running: 'info',
  succeeded: 'success',
  failed: 'error',
  rejected: 'warning',
};

/** Where an execution stands, as a coloured chip. */
export function ExecutionStatusChip(props: { status: ExecutionStatus }) {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const label = COLORS[props.status]
    ? t(`execution.status.${props.status}`)
    : props.status;
  return (
    <Chip
      size="small"
      label={label}
      color={COLORS[props.status] ?? 'default'}
    />
  );
}
