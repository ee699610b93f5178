import Chip, { ChipProps } from '@mui/material/Chip';

const COLORS: Record<string, ChipProps['color']> = {
  critical: 'error',
  p1: 'error',
  high: 'warning',
  p2: 'warning',
  medium: 'info',
  p3: 'info',
};

/**
 * A runbook's severity (critical…low or P1…P4) as a coloured chip; nothing
 * without one.
 *
 * @public
 */
export function SeverityChip(props: { severity?: string }) {
  if (!props.severity) return null;
  return (
    <Chip
      size="small"
      label={props.severity}
      color={COLORS[props.severity.toLocaleLowerCase('en-US')] ?? 'default'}
    />
  );
}
