import { render, screen } from '@testing-library/react';
import { SeverityChip } from './SeverityChip';

describe('SeverityChip', () => {
  it('colours the severity whatever its case', () => {
    render(<SeverityChip severity="P1" />);
    expect(screen.getByText('P1').closest('.MuiChip-root')).toHaveClass(
      'MuiChip-colorError',
    );
  });

  it('is a neutral chip for an unknown severity and nothing without one', () => {
    const { container } = render(<SeverityChip />);
    expect(container).toBeEmptyDOMElement();
    render(<SeverityChip severity="low" />);
    expect(screen.getByText('low').closest('.MuiChip-root')).toHaveClass(
      'MuiChip-colorDefault',
    );
  });
});
