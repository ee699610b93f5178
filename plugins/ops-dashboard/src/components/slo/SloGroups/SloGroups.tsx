import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { compareGroupsWorstFirst, SloStatus } from '@unyo/plugin-ops-common';
import { useMemo, useState } from 'react';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloGroupsTable } from './SloGroupsTable';

/** Groups listed before the user asks for all of them. */
const SHOWN_FIRST = 3;

/** @public */
export interface SloGroupsProps {
  status: Pick<
    SloStatus,
    'target' | 'groupBy' | 'groups' | 'groupsOmitted' | 'groupsError'
  >;
}

/**
 * The groups of a grouped SLO for its card: the worst few (least budget
 * left), all of them on request, and how many `ops.slo.maxGroups` left out.
 *
 * @public
 */
export function SloGroups(props: SloGroupsProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { status } = props;
  const [expanded, setExpanded] = useState(false);
  const groups = useMemo(
    () => [...(status.groups ?? [])].sort(compareGroupsWorstFirst),
    [status.groups],
  );
  if (!status.groupBy && !groups.length) return null;
  const shown = expanded ? groups : groups.slice(0, SHOWN_FIRST);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      {groups.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h4">
            {t('sloGroups.title', {
              labels: (status.groupBy ?? []).join(', '),
              n: String(groups.length + (status.groupsOmitted ?? 0)),
            })}
          </Typography>
          <SloGroupsTable
            groups={shown}
            target={status.target}
            groupBy={status.groupBy}
          />
        </>
      )}
      {groups.length > SHOWN_FIRST && (
        <Box>
          <Button size="small" onClick={() => setExpanded(!expanded)}>
            {expanded
              ? t('sloGroups.showFewer', { n: String(SHOWN_FIRST) })
              : t('sloGroups.showAll', { n: String(groups.length) })}
          </Button>
        </Box>
      )}
      {!!status.groupsOmitted && (
        <Typography variant="caption" color="text.secondary">
          {t('sloGroups.omitted', { n: String(status.groupsOmitted) })}
        </Typography>
      )}
      {status.groupsError && (
        <Alert severity="warning" variant="outlined" sx={{ py: 0 }}>
          {t('sloGroups.error', { message: status.groupsError })}
        </Alert>
      )}
    </Box>
  );
}
