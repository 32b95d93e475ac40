import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MatrixHeatmap, columnsShown } from '../../../src/plots/MatrixHeatmap';

const props = {
  rowLabel: (i: number) => `x${i + 1}`,
  columnLabel: (j: number) => `h${j + 1}`,
  cellName: (i: number, j: number, v: string) => `row ${i + 1}, column ${j + 1}: ${v}`,
  cellTerm: (i: number, j: number) => `t-${i}-${j}`,
  scaleMax: 1,
  selected: [0, 0] as const,
  onSelect: () => {},
};

describe('<MatrixHeatmap>', () => {
  it('names its table by the title above the scroll box, not a caption inside it', () => {
    render(<MatrixHeatmap {...props} caption="W1, 1 × 2" matrix={[[0.5, -0.25]]} />);
    const table = screen.getByRole('table', { name: 'W1, 1 × 2' });
    expect(table.querySelector('caption')).toBeNull();
    expect(table.closest('.heatmap-scroll')?.contains(screen.getByText('W1, 1 × 2'))).toBe(false);
  });

  it('with a shared power of ten, the title says it once; cells show 4.20 and −0.05 while their names carry × 10⁻³', () => {
    render(<MatrixHeatmap {...props} caption="dW1, 1 × 2" matrix={[[0.0042, -0.00005]]} notation={{ decimals: 2, exponent: -3 }} />);
    expect(screen.getByRole('table').getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByText(/^dW1, 1 × 2, entries/).textContent).toBe('dW1, 1 × 2, entries\u00a0×\u00a010⁻³');
    const [first, second] = screen.getAllByRole('button');
    expect(first?.textContent).toBe('4.20');
    expect(first?.getAttribute('aria-label')).toBe('row 1, column 1: 4.20 × 10⁻³');
    expect(second?.textContent).toBe('−0.05');
  });

  it('columnsShown reads "h1–h5 of 16 columns shown", or one label when one column shows', () => {
    const label = (j: number) => `h${j + 1}`;
    expect(columnsShown({ first: 0, last: 4, before: false, after: true }, 16, label)).toBe('h1–h5 of 16 columns shown: scroll sideways for the rest');
    expect(columnsShown({ first: 15, last: 15, before: true, after: false }, 16, label)).toBe('h16 of 16 columns shown: scroll sideways for the rest');
  });
});
