import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import {
  groupLabelsText,
  SloGroupStatus,
  SloStatus,
} from '@unyo/plugin-ops-common';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { opsDashboardTranslationRef } from '../../../translation';

/** @public */
export interface SloGroupsTableProps {
  /** In the order to show, worst first. */
  groups: SloGroupStatus[];
  /** The SLO's target, which each group is judged against. */
  target: SloStatus['target'];
  /** The labels the SLO is grouped by; one label shows values alone. */
  groupBy?: string[];
}

/** A group's name: the value of the one label, or `name=value, …`. */
function groupName(group: SloGroupStatus, groupBy?: string[]): string {
  const names = groupBy ?? Object.keys(group.labels);
  if (names.length === 1) return group.labels[names[0]] || '""';
  return groupLabelsText(group.labels);
}

/**
 * The groups of a grouped SLO (`unyo.dev/group-by`), one row each: SLI,
 * budget left, policy and the 1h burn rate.
 *
 * @public
 */
export function SloGroupsTable(props: SloGroupsTableProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const f = useSloStatusFormatters();
  return (
    <Table size="small" aria-label={t('sloGroups.group')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('sloGroups.group')}</TableCell>
          <TableCell>{t('sloGroups.sli')}</TableCell>
          <TableCell>{t('sloGroups.budgetLeft')}</TableCell>
          <TableCell>{t('sloGroups.policy')}</TableCell>
          <TableCell>{t('sloGroups.burnRate')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.groups.map(group => {
          const name = groupName(group, props.groupBy);
          const burn = group.burnRates?.['1h'];
          return (
            <TableRow key={groupLabelsText(group.labels)} data-group={name}>
              <TableCell component="th" scope="row">
                {name}
              </TableCell>
              {group.sli ? (
                <>
                  <TableCell>
                    {f.formatSli(group.sli.ratio, props.target)}
                  </TableCell>
                  <TableCell>
                    {group.errorBudget
                      ? f.formatRatio(group.errorBudget.remainingRatio)
                      : '—'}
                  </TableCell>
                  <TableCell>
                    {group.policy ? f.formatPolicy(group.policy) : '—'}
                  </TableCell>
                </>
              ) : (
                <TableCell colSpan={3}>
                  {group.state === 'no-data'
                    ? t('sloGroups.noData')
                    : group.message ?? '—'}
                </TableCell>
              )}
              <TableCell>
                {typeof burn === 'number' ? f.formatBurnRate(burn) : '—'}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
