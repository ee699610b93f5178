import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsApiRef, SloReportQuery } from '../../../api';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloReportFilters, SloReportFilterValues } from '../SloReportFilters';
import { SloReportSummary } from '../SloReportSummary';
import { SloReportTable } from '../SloReportTable';
import {
  initialReportFilters,
  reportQuery,
  reportQueryKey,
  SloReportPrefetch,
  SloReportScope,
} from './reportPrefetch';
import { useSloReportRows } from './useSloReportRows';

/** @public */
export interface SloReportProps {
  /** A Group's or System's report: that filter is fixed and not shown. */
  scope?: SloReportScope;
  /** Height of the table's scrolling window. */
  tableHeight?: number | string;
}

// Printing shows every row and hides the app's navigation and controls.
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        'nav, [class*="BackstageSidebar"], [class*="sidebar"], .slo-report-controls, .slo-report-actions':
          { display: 'none !important' },
        '.slo-report-scroll': {
          height: 'auto !important',
          overflow: 'visible !important',
        },
        'main, body': { overflow: 'visible !important' },
        '[data-testid="slo-report-row"]': { breakInside: 'avoid' },
      },
    }}
  />
);

/**
 * The SLO report: summary, filters, the virtualised table of every SLO with
 * 12 months of attainment, CSV export and printing.
 *
 * @public
 */
export function SloReport(
  props: SloReportProps & {
    /** Requests the page started while its code loaded (alpha/pages.tsx). */
    prefetched?: SloReportPrefetch;
  },
) {
  const { scope, prefetched } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const opsApi = useApi(opsApiRef);
  const [filters, setFilters] = useState<SloReportFilterValues>(() =>
    initialReportFilters(scope),
  );
  const query = useMemo<SloReportQuery>(
    () => reportQuery(filters, scope),
    [filters, scope],
  );
  const rows = useSloReportRows(query, prefetched);
  // The prefetched summary answers the first ask, as the rows do: only when
  // it was made for this query.
  const summaryPrefetch = useRef(
    prefetched?.key === reportQueryKey(query) ? prefetched.summary : undefined,
  );
  const summary = useAsync(() => {
    const first = summaryPrefetch.current;
    summaryPrefetch.current = undefined;
    return first
      ? first.promise
      : opsApi.getSloReportSummary({
          owner: query.owner,
          system: query.system,
          month: query.month,
        });
  }, [opsApi, query.owner, query.system, query.month]);
  const [csvError, setCsvError] = useState<Error>();
  const [printing, setPrinting] = useState(false);

  const exportCsv = useCallback(async () => {
    setCsvError(undefined);
    try {
      const blob = await opsApi.getSloReportCsv(query);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `slo-report-${query.month}.csv`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      setCsvError(e as Error);
    }
  }, [opsApi, query]);

  const print = useCallback(async () => {
    await rows.loadAll();
    setPrinting(true);
  }, [rows]);

  useEffect(() => {
    if (!printing) return undefined;
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);

  // The same elements while their inputs stay: rows arriving page by page
  // re-render this component, not the summary and the filters.
  const summaryElement = useMemo(
    () => summary.value && <SloReportSummary summary={summary.value} />,
    [summary.value],
  );
  const fixedOwner = !!scope?.owner;
  const fixedSystem = !!scope?.system;
  const filtersElement = useMemo(
    () => (
      <SloReportFilters
        value={filters}
        onChange={setFilters}
        fixed={{ owner: fixedOwner, system: fixedSystem }}
      />
    ),
    [filters, fixedOwner, fixedSystem],
  );

  return (
    <Stack spacing={2}>
      {printStyles}
      {summary.error && (
        <Alert severity="error">
          {t('report.summary.loadError', { message: summary.error.message })}
        </Alert>
      )}
      {summaryElement}
      {filtersElement}
      <Stack
        direction="row"
        spacing={2}
        alignItems="center"
        className="slo-report-actions"
      >
        <Typography
          variant="body2"
          color="text.secondary"
          data-testid="slo-report-count"
        >
          {t('report.rowsShown', {
            shown: String(rows.items.length),
            total: String(rows.totalCount),
          })}
        </Typography>
        <Button variant="outlined" size="small" onClick={exportCsv}>
          {t('report.actions.csv')}
        </Button>
        <Button variant="outlined" size="small" onClick={print}>
          {t('report.actions.print')}
        </Button>
      </Stack>
      {csvError && (
        <Alert severity="error">
          {t('report.actions.csvError', { message: csvError.message })}
        </Alert>
      )}
      {rows.error && <ResponseErrorPanel error={rows.error} />}
      {rows.loading && rows.items.length === 0 && <Progress />}
      {!rows.loading && !rows.error && rows.totalCount === 0 && (
        <EmptyState missing="data" title={t('report.empty')} />
      )}
      {rows.items.length > 0 && (
        <SloReportTable
          items={rows.items}
          totalCount={rows.totalCount}
          groupBy={query.groupBy}
          onLoadMore={rows.loadMore}
          expanded={printing}
          height={props.tableHeight}
        />
      )}
    </Stack>
  );
}
