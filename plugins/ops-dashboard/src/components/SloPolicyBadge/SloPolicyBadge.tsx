import Chip from '@mui/material/Chip';
import type { SloPolicy } from '@unyo/plugin-ops-common';
import { useSloStatusFormatters } from '../../hooks/useSloStatusFormatters';
import { policyTone } from '../../lib/sloStatus';

/** @public */
export interface SloPolicyBadgeProps {
  policy: SloPolicy;
}

/**
 * The error-budget policy state with what it means for the team, e.g.
 * "Feature freeze: reliability work first".
 *
 * @public
 */
export function SloPolicyBadge(props: SloPolicyBadgeProps) {
  const { formatPolicy } = useSloStatusFormatters();
  return (
    <Chip
      size="small"
      color={policyTone(props.policy)}
      variant={props.policy === 'normal' ? 'outlined' : 'filled'}
      label={formatPolicy(props.policy)}
      sx={{ maxWidth: '100%' }}
    />
  );
}
