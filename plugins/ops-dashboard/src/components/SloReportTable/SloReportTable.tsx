import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { SLO_REPORT_COLUMNS, SloReportItem } from '@unyo/plugin-ops-common';
import { useEffect, useMemo, useRef } from 'react';
import { opsDashboardTranslationRef } from '../../translation';
import { GRID_TEMPLATE, useCellRenderer, useColumnTitles } from './reportCells';

const ROW_HEIGHT = 44;
const GROUP_HEIGHT = 36;
/** Rows from the end of what is loaded at which the next page is asked for. */
const LOAD_AHEAD = 40;
/** The columns' minimum widths and gaps: below it the table scrolls sideways. */
const TABLE_MIN_WIDTH = 1360;

type Line =
  | { kind: 'group'; key: string; ref?: string }
  | { kind: 'row'; key: string; item: SloReportItem };

/** @public */
export interface SloReportTableProps {
  items: SloReportItem[];
  /** Rows matching the filters, loaded or not. */
  totalCount: number;
  groupBy?: 'owner' | 'system';
  /** Asked for when the user scrolls near the end of the loaded rows. */
  onLoadMore?: () => void;
  /** Every row in the document, for printing. */
  expanded?: boolean;
  /** Height of the scrolling window. */
  height?: number | string;
}

/**
 * The SLOs of the report in a virtualised grid: only the rows in view (and
 * a few around them) are in the document, so thousands of SLOs stay fast.
 * Group headers sit between the rows of each owner or system.
 *
 * @public
 */
export function SloReportTable(props: SloReportTableProps) {
  const { items, totalCount, groupBy, onLoadMore, expanded } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const titles = useColumnTitles();
  const renderCell = useCellRenderer();
  const scrollRef = useRef<HTMLDivElement>(null);

  const lines = useMemo<Line[]>(() => {
    const out: Line[] = [];
    let group: string | undefined | null = null;
    for (const item of items) {
      if (groupBy && item[groupBy] !== group) {
        group = item[groupBy];
        out.push({ kind: 'group', key: `group:${group ?? ''}`, ref: group });
      }
      out.push({ kind: 'row', key: item.ref, item });
    }
    return out;
  }, [items, groupBy]);

  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: i => (lines[i].kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    getItemKey: i => lines[i].key,
    overscan: 10,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;

  useEffect(() => {
    if (
      onLoadMore &&
      items.length < totalCount &&
      lastIndex >= lines.length - LOAD_AHEAD
    ) {
      onLoadMore();
    }
  }, [onLoadMore, items.length, totalCount, lastIndex, lines.length]);

  const renderLine = (line: Line) =>
    line.kind === 'group' ? (
      <Box
        role="row"
        data-testid="slo-report-group"
        sx={{
          display: 'flex',
          alignItems: 'center',
          height: GROUP_HEIGHT,
          px: 1,
          bgcolor: 'action.hover',
          fontWeight: 'bold',
        }}
      >
        <Typography variant="subtitle2" role="rowheader">
          {line.ref ? (
            <EntityRefLink entityRef={line.ref} />
          ) : (
            t('report.group.unassigned')
          )}
        </Typography>
      </Box>
    ) : (
      <Box
        role="row"
        data-testid="slo-report-row"
        data-ref={line.item.ref}
        sx={{
          display: 'grid',
          gridTemplateColumns: GRID_TEMPLATE,
          alignItems: 'center',
          minHeight: ROW_HEIGHT,
          columnGap: 1,
          px: 1,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        {SLO_REPORT_COLUMNS.map(column => (
          <Box
            role="cell"
            key={column.id}
            data-column={column.id}
            data-value={column.value(line.item) ?? ''}
            sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            {renderCell(column, line.item)}
          </Box>
        ))}
      </Box>
    );

  return (
    <Box
      role="table"
      aria-rowcount={totalCount}
      className="slo-report-table"
      // Narrow windows scroll sideways, header and rows together.
      sx={{ overflowX: 'auto', '& > *': { minWidth: TABLE_MIN_WIDTH } }}
    >
      <Box
        role="row"
        sx={{
          display: 'grid',
          gridTemplateColumns: GRID_TEMPLATE,
          columnGap: 1,
          px: 1,
          py: 1,
          borderBottom: 2,
          borderColor: 'divider',
          typography: 'subtitle2',
        }}
      >
        {titles.map(c => (
          <Box role="columnheader" key={c.id} data-column={c.id}>
            {c.title}
          </Box>
        ))}
      </Box>
      {expanded ? (
        <Box className="slo-report-expanded">
          {lines.map(line => (
            <Box key={line.key}>{renderLine(line)}</Box>
          ))}
        </Box>
      ) : (
        <Box
          ref={scrollRef}
          className="slo-report-scroll"
          sx={{ height: props.height ?? '65vh', overflow: 'auto' }}
        >
          <Box
            sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {virtualItems.map(v => (
              <Box
                key={v.key}
                data-index={v.index}
                ref={virtualizer.measureElement}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${v.start}px)`,
                }}
              >
                {renderLine(lines[v.index])}
              </Box>
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
}
