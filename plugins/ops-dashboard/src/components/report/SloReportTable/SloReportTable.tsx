import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { SLO_REPORT_COLUMNS, SloReportItem } from '@unyo/plugin-ops-common';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { opsDashboardTranslationRef } from '../../../translation';
import {
  CellRenderer,
  GRID_TEMPLATE,
  useCellRenderer,
  useColumnTitles,
} from './reportCells';
import { GroupsToggle, ReportSloGroups } from './ReportSloGroups';

const ROW_HEIGHT = 44;
const GROUP_HEIGHT = 36;
/** Rows from the end of what is loaded at which the next page is asked for. */
const LOAD_AHEAD = 40;
/** The columns' minimum widths and gaps: below it the table scrolls sideways. */
const TABLE_MIN_WIDTH = 1360;

type Line =
  | { kind: 'group'; key: string; ref?: string }
  | { kind: 'row'; key: string; item: SloReportItem }
  | { kind: 'groups'; key: string; item: SloReportItem };

/**
 * The rows' and cells' styles, once for the table: rows and cells are plain
 * elements with these classes, so drawing a row does not resolve a dozen
 * `sx` props through emotion.
 */
const tableSx = {
  // Narrow windows scroll sideways, header and rows together.
  overflowX: 'auto',
  '& > *': { minWidth: TABLE_MIN_WIDTH },
  '& .slo-report-line': {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
  },
  '& .slo-report-group': {
    display: 'flex',
    alignItems: 'center',
    height: GROUP_HEIGHT,
    px: 1,
    bgcolor: 'action.hover',
    fontWeight: 'bold',
  },
  '& .slo-report-row': {
    display: 'grid',
    gridTemplateColumns: GRID_TEMPLATE,
    alignItems: 'center',
    minHeight: ROW_HEIGHT,
    columnGap: 1,
    px: 1,
    borderBottom: 1,
    borderColor: 'divider',
  },
  '& .slo-report-cell': { overflow: 'hidden', textOverflow: 'ellipsis' },
} as const;

/** One owner's or system's header; drawn again only when its ref changes. */
const ReportGroupHeader = memo(function GroupHeaderLine(props: {
  groupRef?: string;
}) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <div role="row" data-testid="slo-report-group" className="slo-report-group">
      <Typography variant="subtitle2" role="rowheader">
        {props.groupRef ? (
          <EntityRefLink entityRef={props.groupRef} />
        ) : (
          t('report.group.unassigned')
        )}
      </Typography>
    </div>
  );
});

/**
 * One SLO's row; drawn again only when its item changes, not on every
 * scroll, measurement or page of rows.
 */
const ReportRow = memo(function RowLine(props: {
  item: SloReportItem;
  renderCell: CellRenderer;
  /** Whether the groups of a grouped SLO are shown under the row. */
  open: boolean;
  onToggle: (ref: string) => void;
}) {
  const { item, renderCell } = props;
  return (
    <div
      role="row"
      data-testid="slo-report-row"
      data-ref={item.ref}
      className="slo-report-row"
    >
      {SLO_REPORT_COLUMNS.map(column => (
        <div
          role="cell"
          key={column.id}
          data-column={column.id}
          data-value={column.value(item) ?? ''}
          className="slo-report-cell"
        >
          {column.id === 'title' && item.groups?.length ? (
            <GroupsToggle
              item={item}
              open={props.open}
              onToggle={props.onToggle}
            />
          ) : null}
          {renderCell(column, item)}
        </div>
      ))}
    </div>
  );
});

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
  const titles = useColumnTitles();
  const renderCell = useCellRenderer();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (ref: string) =>
      setOpen(before => {
        const after = new Set(before);
        if (!after.delete(ref)) after.add(ref);
        return after;
      }),
    [],
  );

  const lines = useMemo<Line[]>(() => {
    const out: Line[] = [];
    let group: string | undefined | null = null;
    for (const item of items) {
      if (groupBy && item[groupBy] !== group) {
        group = item[groupBy];
        out.push({ kind: 'group', key: `group:${group ?? ''}`, ref: group });
      }
      out.push({ kind: 'row', key: item.ref, item });
      if (open.has(item.ref) && item.groups?.length) {
        out.push({ kind: 'groups', key: `groups:${item.ref}`, item });
      }
    }
    return out;
  }, [items, groupBy, open]);

  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: i => {
      const line = lines[i];
      if (line.kind === 'group') return GROUP_HEIGHT;
      if (line.kind === 'groups') {
        return ROW_HEIGHT * ((line.item.groups?.length ?? 0) + 2);
      }
      return ROW_HEIGHT;
    },
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

  const renderLine = (line: Line) => {
    if (line.kind === 'group') return <ReportGroupHeader groupRef={line.ref} />;
    if (line.kind === 'groups') return <ReportSloGroups item={line.item} />;
    return (
      <ReportRow
        item={line.item}
        renderCell={renderCell}
        open={open.has(line.item.ref)}
        onToggle={toggle}
      />
    );
  };

  return (
    <Box
      role="table"
      aria-rowcount={totalCount}
      className="slo-report-table"
      sx={tableSx}
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
            <div key={line.key}>{renderLine(line)}</div>
          ))}
        </Box>
      ) : (
        <Box
          ref={scrollRef}
          className="slo-report-scroll"
          sx={{ height: props.height ?? '65vh', overflow: 'auto' }}
        >
          <div
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {virtualItems.map(v => (
              <div
                key={v.key}
                data-index={v.index}
                ref={virtualizer.measureElement}
                className="slo-report-line"
                // Inline: a class per offset would add a CSS rule per row.
                style={{ transform: `translateY(${v.start}px)` }}
              >
                {renderLine(lines[v.index])}
              </div>
            ))}
          </div>
        </Box>
      )}
    </Box>
  );
}
