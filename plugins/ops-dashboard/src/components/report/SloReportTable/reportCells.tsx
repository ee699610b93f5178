import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@mui/material/Typography';
import {
  SLO_REPORT_COLUMNS,
  SloReportColumn,
  SloReportItem,
} from '@unyo/plugin-ops-common';
import { ReactNode, useCallback } from 'react';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloPolicyBadge } from '../../slo/SloPolicyBadge';
import { SloReportSparkline } from '../SloReportSparkline';
import { CorrectionsMark } from './CorrectionsMark';
import { ReportEntityLink } from './ReportEntityLink';
import { VersionedTarget } from './VersionedTarget';

/** Column widths of the grid, by column id. */
export const COLUMN_WIDTHS: Record<string, string> = {
  title: 'minmax(160px, 2fr)',
  ref: 'minmax(140px, 1.5fr)',
  entityRef: 'minmax(120px, 1.2fr)',
  owner: 'minmax(100px, 1fr)',
  system: 'minmax(100px, 1fr)',
  target: '80px',
  attainment: '96px',
  budgetRemaining: '96px',
  policy: 'minmax(120px, 1.2fr)',
  state: '80px',
  monthly: '128px',
};

export const GRID_TEMPLATE = SLO_REPORT_COLUMNS.map(
  c => COLUMN_WIDTHS[c.id] ?? '1fr',
).join(' ');

/** The column headers, translated, in the order of {@link SLO_REPORT_COLUMNS}. */
export function useColumnTitles(): Array<{ id: string; title: string }> {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const titles: Record<string, string> = {
    title: t('report.columns.title'),
    ref: t('report.columns.ref'),
    entityRef: t('report.columns.entityRef'),
    owner: t('report.columns.owner'),
    system: t('report.columns.system'),
    target: t('report.columns.target'),
    attainment: t('report.columns.attainment'),
    budgetRemaining: t('report.columns.budgetRemaining'),
    policy: t('report.columns.policy'),
    state: t('report.columns.state'),
    monthly: t('report.columns.monthly'),
  };
  return SLO_REPORT_COLUMNS.map(c => ({
    id: c.id,
    title: titles[c.id] ?? c.id,
  }));
}

/** Renders one cell of a row. */
export type CellRenderer = (
  column: SloReportColumn,
  item: SloReportItem,
) => ReactNode;

/**
 * Renders the cells of a row from the shared column definition. The same
 * function while the language stays the same, so memoised rows are not
 * drawn again when the table re-renders (scroll, measuring, more rows).
 */
export function useCellRenderer(): CellRenderer {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatSli, formatTarget, formatRatio } = useSloStatusFormatters();
  return useCallback<CellRenderer>(
    (column, item) => {
      const value = column.value(item);
      if (value === undefined || value === '') return '—';
      switch (column.id) {
        case 'entityRef':
        case 'owner':
        case 'system':
          return <ReportEntityLink entityRef={String(value)} />;
        case 'ref':
          return (
            <Typography variant="caption" color="text.secondary" noWrap>
              {String(value)}
            </Typography>
          );
        case 'target':
          return item.versions ? (
            <VersionedTarget item={item} />
          ) : (
            formatTarget(Number(value))
          );
        case 'attainment':
          return item.corrections?.length ? (
            <>
              {formatSli(Number(value), item.target)}
              <CorrectionsMark corrections={item.corrections} />
            </>
          ) : (
            formatSli(Number(value), item.target)
          );
        case 'budgetRemaining':
          return formatRatio(Number(value));
        case 'policy':
          return item.policy ? <SloPolicyBadge policy={item.policy} /> : '—';
        case 'state':
          if (value === 'ok') return t('report.state.ok');
          if (value === 'no-data') return t('report.state.noData');
          return t('report.state.error');
        case 'monthly':
          return item.monthly ? (
            <SloReportSparkline monthly={item.monthly} target={item.target} />
          ) : (
            '—'
          );
        default:
          return String(value);
      }
    },
    [t, formatSli, formatTarget, formatRatio],
  );
}
