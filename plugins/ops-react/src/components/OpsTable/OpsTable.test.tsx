import { render, screen } from '@testing-library/react';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { OpsTable } from './OpsTable';

// The widths themselves are measured in Chromium
// (packages/app/e2e-tests/layout.test.ts); this checks the rules it relies on.
describe('OpsTable', () => {
  it('keeps headers on one line and words whole, letting marked cells break anywhere', () => {
    render(
      <OpsTable aria-label="Runbooks">
        <TableHead>
          <TableRow>
            <TableCell>Steps</TableCell>
            <TableCell>Expression</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell>ServiceDown</TableCell>
            <TableCell data-break="anywhere">up{'{job="a"}'} == 0</TableCell>
          </TableRow>
        </TableBody>
      </OpsTable>,
    );
    const table = screen.getByRole('table', { name: 'Runbooks' });
    expect(table.parentElement).toHaveClass('MuiTableContainer-root');
    expect(getComputedStyle(screen.getByText('Steps')).whiteSpace).toBe(
      'nowrap',
    );
    expect(getComputedStyle(screen.getByText('ServiceDown')).wordBreak).toBe(
      'normal',
    );
    expect(
      getComputedStyle(screen.getByText('up{job="a"} == 0')).overflowWrap,
    ).toBe('anywhere');
  });
});
