import { useTranslationRef } from '@backstage/frontend-plugin-api';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import {
  compareGroupsWorstFirst,
  SloReportItem,
} from '@unyo/plugin-ops-common';
import { memo } from 'react';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloGroupsTable } from '../../slo/SloGroups';

/** The button before a grouped SLO's title that shows or hides its groups. */
export function GroupsToggle(props: {
  item: SloReportItem;
  open: boolean;
  onToggle: (ref: string) => void;
}) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { item, open } = props;
  const slo = item.title ?? item.ref;
  return (
    <IconButton
      size="small"
      aria-expanded={open}
      aria-label={t(open ? 'sloGroups.collapse' : 'sloGroups.expand', { slo })}
      onClick={() => props.onToggle(item.ref)}
      sx={{ p: 0, mr: 0.5 }}
    >
      {open ? (
        <ExpandMoreIcon fontSize="small" />
      ) : (
        <ChevronRightIcon fontSize="small" />
      )}
    </IconButton>
  );
}

/**
 * A grouped SLO's groups under its row: their current figures (the report's
 * monthly history is kept per SLO, not per group).
 */
export const ReportSloGroups = memo(function GroupsLine(props: {
  item: SloReportItem;
}) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { item } = props;
  const groups = [...(item.groups ?? [])].sort(compareGroupsWorstFirst);
  return (
    <Box
      role="row"
      data-testid="slo-report-groups"
      data-ref={item.ref}
      sx={{ pl: 4, pr: 1, py: 1, borderBottom: 1, borderColor: 'divider' }}
    >
      <Box role="cell">
        <SloGroupsTable
          groups={groups}
          target={item.target}
          groupBy={item.groupBy}
        />
        <Typography variant="caption" color="text.secondary">
          {t('sloGroups.reportNote')}
          {item.groupsOmitted
            ? ` ${t('sloGroups.omitted', { n: String(item.groupsOmitted) })}`
            : ''}
        </Typography>
      </Box>
    </Box>
  );
});
