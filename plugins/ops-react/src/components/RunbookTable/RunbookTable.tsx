import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Chip from '@mui/material/Chip';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { OpsTable } from '../OpsTable';
import { SeverityChip } from '../SeverityChip';

/**
 * One runbook of a {@link RunbookTable}: its catalog entity, what the ops
 * backend says of it (`GET /api/ops/runbooks`), or both.
 *
 * @public
 */
export interface RunbookTableRow {
  /** The runbook's entity ref. */
  ref: string;
  /** Its catalog entity; absent when the catalog does not hold it. */
  runbook?: Entity;
  /** The backend's summary, when it could be read. */
  summary?: {
    title?: string;
    severity?: string;
    alerts?: string[];
    firingAlerts?: string[];
  };
}

/**
 * The texts of {@link RunbookTable}, translated by the plugin that shows it.
 *
 * @public
 */
export interface RunbookTableProps {
  rows: RunbookTableRow[];
  /** The column headers. */
  columns: { runbook: string; severity: string; alerts: string; steps: string };
  /** Under a runbook the catalog does not hold; nothing when absent. */
  notInCatalog?: string;
  /** Under a runbook some of whose alerts fire, given them joined. */
  firing?: (alerts: string) => string;
  /** Added to each runbook page link, e.g. `?entity=…`. */
  linkSearch?: string;
}

function RunbookRow(
  props: { row: RunbookTableRow } & Omit<RunbookTableProps, 'rows' | 'columns'>,
) {
  const { row, notInCatalog, firing: firingText, linkSearch = '' } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const ref = parseEntityRef(row.ref);
  const spec = row.runbook?.spec ?? {};
  const alerts = Array.isArray(spec.alerts)
    ? (spec.alerts as string[])
    : row.summary?.alerts ?? [];
  const firing = row.summary?.firingAlerts ?? [];
  const severity =
    typeof spec.severity === 'string' ? spec.severity : row.summary?.severity;
  const title =
    row.runbook?.metadata.title ??
    row.summary?.title ??
    row.runbook?.metadata.name ??
    ref.name;
  const path = entityRoute?.({
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace,
    name: ref.name,
  });
  const caption = (text: string, color = 'text.secondary') => (
    <Typography variant="caption" component="div" color={color}>
      {text}
    </Typography>
  );
  return (
    <TableRow>
      <TableCell>
        {path ? <Link to={`${path}${linkSearch}`}>{title}</Link> : title}
        {typeof spec.titleJa === 'string' && caption(spec.titleJa)}
        {!row.runbook && notInCatalog && caption(`(${notInCatalog})`)}
        {firing.length > 0 &&
          firingText &&
          caption(firingText(firing.join(', ')), 'error')}
      </TableCell>
      <TableCell>
        {severity ? <SeverityChip severity={severity} /> : '—'}
      </TableCell>
      <TableCell>
        {alerts.map(alert => (
          <Chip
            key={alert}
            size="small"
            variant={firing.includes(alert) ? 'filled' : 'outlined'}
            color={firing.includes(alert) ? 'error' : 'default'}
            label={alert}
            sx={{ mr: 0.5, mb: 0.5 }}
          />
        ))}
      </TableCell>
      <TableCell>
        {Array.isArray(spec.steps) ? spec.steps.length : '—'}
      </TableCell>
    </TableRow>
  );
}

/**
 * Runbooks with their severity, alerts (those firing highlighted) and number
 * of steps, each linking to its page: the runbooks plugin's entity card and
 * the ops dashboard's Operations tab show them alike.
 *
 * @public
 */
export function RunbookTable(props: RunbookTableProps) {
  const { columns } = props;
  return (
    <OpsTable>
      <TableHead>
        <TableRow>
          <TableCell>{columns.runbook}</TableCell>
          <TableCell>{columns.severity}</TableCell>
          <TableCell>{columns.alerts}</TableCell>
          <TableCell>{columns.steps}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <RunbookRow
            key={row.ref}
            row={row}
            notInCatalog={props.notInCatalog}
            firing={props.firing}
            linkSearch={props.linkSearch}
          />
        ))}
      </TableBody>
    </OpsTable>
  );
}
