import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useSignal } from '@backstage/plugin-signals-react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import {
  RUNBOOK_EXECUTIONS_SIGNAL_CHANNEL,
  type Execution,
  type RunbookEntity,
} from '@unyo/plugin-ops-common';
import { Fragment, useEffect, useState } from 'react';
import {
  POLL_MS_WITH_SIGNALS,
  POLL_MS_WITHOUT_SIGNALS,
} from '../../../constants';
import {
  durationMs,
  executionEvents,
  isFinished,
} from '../../../lib/executions';
import { runbooksTranslationRef } from '../../../translation';
import { ExecutionStatusChip } from '../ExecutionStatusChip';
import { ExecutionHistoryFilterBar } from './ExecutionHistoryFilterBar';
import {
  type ExecutionHistoryFilters,
  useExecutionHistory,
} from './useExecutionHistory';

function parametersText(parameters: Execution['parameters']): string {
  const entries = Object.entries(parameters ?? {});
  if (entries.length === 0) return '—';
  return entries
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

/** An entity ref that breaks, when it must, after its `:` and `/`. */
function BreakableRef(props: { value: string }) {
  return (
    <>
      {props.value.split(/(?<=[:/])/).map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/** The columns and their share of the table's width. */
const COLUMNS = [
  ['started', '13%'],
  ['actor', '18%'],
  ['action', '18%'],
  ['parameters', '15%'],
  ['status', '12%'],
  ['duration', '8%'],
  ['output', '16%'],
] as const;
const TABLE_MIN_WIDTH = 760;

/** One line cut with an ellipsis; the whole text shows on hover or focus. */
function Truncated(props: { text: string; code?: boolean }) {
  const { text, code } = props;
  return (
    <Tooltip title={text} describeChild>
      <Typography
        variant="body2"
        component={code ? 'code' : 'span'}
        tabIndex={0}
        noWrap
        sx={{
          display: 'block',
          fontFamily: code ? 'monospace' : undefined,
        }}
      >
        {text}
      </Typography>
    </Tooltip>
  );
}

/**
 * Who ran which action of the runbook, with what, and how it went: the audit
 * trail of `GET /api/ops/executions`, newest first, 20 rows at a time with
 * more on demand, filtered by status and actor (by the backend). It refreshes
 * when this page starts a run, when the backend signals a change, and while a
 * run is unfinished.
 *
 * @public
 */
export function RunbookExecutionsCard() {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { entity } = useEntity<RunbookEntity>();
  const runbookRef = stringifyEntityRef(entity);
  const { lastSignal, isSignalsAvailable } = useSignal(
    RUNBOOK_EXECUTIONS_SIGNAL_CHANNEL,
  );
  const [filters, setFilters] = useState<ExecutionHistoryFilters>({});
  const { items, totalCount, error, loadingMore, loadMore, reload } =
    useExecutionHistory(runbookRef, filters);
  const filtered = filters.status !== undefined || filters.actor !== undefined;

  useEffect(
    () =>
      executionEvents.subscribe(execution => {
        if (execution.runbookRef === runbookRef) reload();
      }),
    [runbookRef, reload],
  );

  useEffect(() => {
    // The backend's message is `{ execution }`; others only name an id.
    const signal = lastSignal as {
      execution?: { runbookRef?: unknown };
    } | null;
    const ref = signal?.execution?.runbookRef;
    if (signal && (ref === undefined || ref === runbookRef)) reload();
  }, [lastSignal, runbookRef, reload]);

  const unfinished = items?.some(item => !isFinished(item.status)) ?? false;
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    if (!unfinished) return undefined;
    const timer = setTimeout(
      () => {
        reload();
        setPolls(n => n + 1);
      },
      isSignalsAvailable ? POLL_MS_WITH_SIGNALS : POLL_MS_WITHOUT_SIGNALS,
    );
    return () => clearTimeout(timer);
  }, [unfinished, isSignalsAvailable, polls, reload]);

  const actionTitle = (id: string) =>
    entity.spec?.actions?.find(a => a.id === id)?.title ?? id;

  let body;
  if (!items && !error) {
    body = <Progress />;
  } else if (items && items.length === 0) {
    body = (
      <Typography variant="body2">
        {t(filtered ? 'execution.history.noMatch' : 'execution.history.empty')}
      </Typography>
    );
  } else if (items) {
    body = (
      // Fixed column widths: cells wrap, and the long ones (parameters,
      // output) are cut to one line with the whole text in a tooltip, so the
      // table fits the card instead of scrolling sideways (below its minimum
      // width, on phones, it still scrolls).
      <Box sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label={t('execution.history.title')}
          sx={{
            tableLayout: 'fixed',
            minWidth: TABLE_MIN_WIDTH,
            '& td, & th': { verticalAlign: 'top', px: 1 },
            '& td': { overflowWrap: 'anywhere' },
          }}
        >
          <TableHead>
            <TableRow>
              {COLUMNS.map(([key, width]) => (
                <TableCell key={key} sx={{ width }}>
                  {t(`execution.history.${key}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(item => {
              const ms = durationMs(item);
              return (
                <TableRow key={item.id} data-execution-id={item.id}>
                  <TableCell>
                    {new Date(item.createdAt).toLocaleString()}
                  </TableCell>
                  <TableCell>
                    <BreakableRef value={item.actor} />
                  </TableCell>
                  <TableCell>
                    {actionTitle(item.actionId)}
                    {item.entityRef && (
                      <Typography
                        variant="caption"
                        component="div"
                        color="text.secondary"
                      >
                        <BreakableRef value={item.entityRef} />
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <Truncated text={parametersText(item.parameters)} code />
                  </TableCell>
                  <TableCell>
                    <ExecutionStatusChip status={item.status} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {ms === null
                      ? '—'
                      : t('execution.history.seconds', {
                          seconds: (ms / 1000).toFixed(1),
                        })}
                  </TableCell>
                  <TableCell>
                    <Truncated
                      text={item.output?.summary || item.output?.error || '—'}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <Stack
          direction="row"
          spacing={2}
          alignItems="center"
          justifyContent="flex-end"
          sx={{ mt: 1 }}
        >
          <Typography variant="body2" color="text.secondary">
            {t('execution.history.shown', {
              shown: String(items.length),
              total: String(Math.max(totalCount, items.length)),
            })}
          </Typography>
          {items.length < totalCount && (
            <Button
              variant="outlined"
              size="small"
              onClick={loadMore}
              disabled={loadingMore}
            >
              {loadingMore
                ? t('execution.history.loadingMore')
                : t('execution.history.loadMore')}
            </Button>
          )}
        </Stack>
      </Box>
    );
  }

  return (
    <InfoCard title={t('execution.history.title')}>
      {error && (
        <ResponseErrorPanel
          title={t('execution.history.loadError', { message: error.message })}
          error={error}
        />
      )}
      <ExecutionHistoryFilterBar value={filters} onChange={setFilters} />
      {body}
    </InfoCard>
  );
}
