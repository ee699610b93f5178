import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OpsTable } from '@unyo/plugin-ops-react';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ReactNode } from 'react';
import { RelatedEntity } from '../../../hooks/useRelatedEntities';

export interface RelatedEntityTableProps {
  items: RelatedEntity[];
  /** The column headers, in order. */
  columns: string[];
  /** The cells of one item's row. */
  renderCells: (item: RelatedEntity) => ReactNode;
}

/** A small table with one row per related entity. */
export function RelatedEntityTable(props: RelatedEntityTableProps) {
  return (
    <OpsTable>
      <TableHead>
        <TableRow>
          {props.columns.map(column => (
            <TableCell key={column}>{column}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(item => (
          <TableRow key={item.refString}>{props.renderCells(item)}</TableRow>
        ))}
      </TableBody>
    </OpsTable>
  );
}

/**
 * The first cell of a row: a link to the entity and, below it, a caption line
 * for each caption that is not undefined.
 */
export function EntityLinkCell(props: {
  entityRef: Entity | CompoundEntityRef;
  captions?: (string | undefined)[];
}) {
  return (
    <TableCell>
      <EntityRefLink entityRef={props.entityRef} />
      {props.captions?.map(
        (caption, index) =>
          caption !== undefined && (
            <Typography
              key={index}
              variant="caption"
              component="div"
              color="text.secondary"
            >
              {caption}
            </Typography>
          ),
      )}
    </TableCell>
  );
}
