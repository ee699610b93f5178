import Table, { TableProps } from '@mui/material/Table';
import TableContainer from '@mui/material/TableContainer';

/**
 * A small MUI table laid out for Unyo's cards: headers stay on one line,
 * words are never broken (the column grows instead; code and URLs in cells
 * marked `data-break="anywhere"` may break), the first column keeps room
 * for a few words, and a table wider than its card
 * scrolls sideways inside it instead of squeezing its columns.
 *
 * @public
 */
export function OpsTable(props: TableProps) {
  const { sx, ...rest } = props;
  return (
    <TableContainer>
      <Table
        size="small"
        {...rest}
        sx={[
          {
            '& th': { whiteSpace: 'nowrap' },
            '& th, & td': { overflowWrap: 'normal', wordBreak: 'normal' },
            // The row's name keeps room for a few words side by side.
            '& td:first-of-type': { minWidth: '10em' },
            '& td[data-break="anywhere"], & td [data-break="anywhere"]': {
              overflowWrap: 'anywhere',
            },
          },
          ...(Array.isArray(sx) ? sx : [sx]),
        ]}
      />
    </TableContainer>
  );
}
