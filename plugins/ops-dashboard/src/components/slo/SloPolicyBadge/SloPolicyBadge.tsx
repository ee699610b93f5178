import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { SloPolicy, SloPolicySet } from '@unyo/plugin-ops-common';
import { opsDashboardTranslationRef } from '../../../translation';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { policyTone } from '../../../lib/sloStatus';

/** @public */
export interface SloPolicyBadgeProps {
  policy: SloPolicy;
  /** The SLO's own policy thresholds (`SloStatus.policySet`), shown on hover. */
  policySet?: SloPolicySet;
}

/**
 * The error-budget policy state with what it means for the team, e.g.
 * "Feature freeze: reliability work first".
 *
 * @public
 */
export function SloPolicyBadge(props: SloPolicyBadgeProps) {
  const { formatPolicy } = useSloStatusFormatters();
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const set = props.policySet;
  const percent = (r: number) => `${Math.round(r * 100)} %`;
  const chip = (
    <Chip
      size="small"
      color={policyTone(props.policy)}
      variant={props.policy === 'normal' ? 'outlined' : 'filled'}
      label={formatPolicy(props.policy)}
      sx={{ maxWidth: '100%' }}
    />
  );
  return set ? (
    <Tooltip
      title={t('sloStatus.policyBands', {
        name: set.name,
        freeze: percent(set.featureFreezeBelow),
        incident: percent(set.incidentOnlyBelow),
      })}
    >
      {chip}
    </Tooltip>
  ) : (
    chip
  );
}
