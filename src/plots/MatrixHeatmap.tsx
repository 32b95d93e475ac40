import { useId, useRef, type KeyboardEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import { formatInTable, formatNumber, powerOfTen, type TableNotation } from '../format/formatNumber';
import { useColumnsInView, type ColumnsInView } from './useColumnsInView';

export interface MatrixHeatmapProps {
  /** what the matrix is, for the caption and the table's name: "J = ∂p/∂z" */
  caption: string;
  matrix: readonly ArrayLike<number>[];
  /** row i's header (e.g. "p1") and column j's (e.g. "z1") */
  rowLabel(i: number): string;
  columnLabel(j: number): string;
  /** the accessible name of cell (i, j) with its value: "∂p1/∂z2 = −0.022" */
  cellName(i: number, j: number, value: string): string;
  /** the term id of cell (i, j), for formula ↔ plot linking */
  cellTerm(i: number, j: number): string;
  /** |value| that gets the strongest colour; shared by matrices shown side by side */
  scaleMax: number;
  digits?: number;
  /**
   * one notation for every cell (tableNotation), so the columns line up; a shared power of ten is
   * said once, in the title, and in full in each cell's name. Without it, each cell is formatNumber(v, digits).
   */
  notation?: TableNotation;
  /** the cell that takes the Tab stop (roving tabindex) */
  selected: readonly [number, number];
  onSelect(i: number, j: number): void;
}

/**
 * A matrix as a heatmap: an HTML table, so its numbers are its own text alternative, with a
 * diverging colour scale centred at 0 (one hue for positive, one for negative, strength by |value|,
 * so the scale reads the same on a light and a dark page). One Tab stop; arrow keys move between
 * cells, as in a spreadsheet. Props in, table out: no store.
 *
 * A matrix wider than its box (2 × 16 on a phone) scrolls sideways in its own box. Its title sits
 * above that box, so it stays in view instead of being centred across the scrolled width; the box
 * becomes a named, focusable region (arrow keys scroll it), and a line under it says which columns
 * are shown, with the edge that has more faded out.
 */
export function MatrixHeatmap(props: MatrixHeatmapProps) {
  const { caption, matrix, rowLabel, columnLabel, cellName, cellTerm, scaleMax, digits = 3, notation, selected, onSelect } = props;
  const table = useRef<HTMLTableElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const cueId = useId();
  const n = matrix.length;
  // rows and columns apart: chapter 8's weight matrices are 16 × 3 and 2 × 16
  const columns = matrix[0]?.length ?? 0;
  const inView = useColumnsInView(scroller, columns);
  const strength = scaleLinear().domain([0, scaleMax > 0 ? scaleMax : 1]).range([0, 55]).clamp(true);

  const move = (event: KeyboardEvent, i: number, j: number) => {
    const steps: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = steps[event.key];
    let next: [number, number] | undefined;
    if (step) next = [Math.min(n - 1, Math.max(0, i + step[0])), Math.min(columns - 1, Math.max(0, j + step[1]))];
    else if (event.key === 'Home') next = [i, 0];
    else if (event.key === 'End') next = [i, columns - 1];
    if (!next) return;
    event.preventDefault();
    onSelect(next[0], next[1]);
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${next[0]}-${next[1]}"]`)?.focus();
  };

  return (
    // with eight classes, or sixteen hidden units, a matrix can be wider than a phone: it scrolls in its own box
    <div className="heatmap-figure">
      <p className="heatmap-title" id={titleId}>
        {caption}
        {/* no-break spaces: a wrapped title never leaves "entries ×" at the end of a line */}
        {notation && notation.exponent !== 0 && `, entries ${powerOfTen(notation.exponent)}`.replace(/ (?=[×1])/g, '\u00a0')}
      </p>
      <div
        ref={scroller}
        className="heatmap-scroll"
        data-more-before={inView?.before || undefined}
        data-more-after={inView?.after || undefined}
        {...(inView && { role: 'region', tabIndex: 0, 'aria-labelledby': titleId, 'aria-describedby': cueId })}
      >
        <table ref={table} className="heatmap" aria-labelledby={titleId}>
          <thead>
            <tr>
              <td />
              {Array.from({ length: columns }, (_, j) => (
                <th key={j} scope="col">
                  {columnLabel(j)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.map((row, i) => (
              <tr key={i}>
                <th scope="row">{rowLabel(i)}</th>
                {Array.from(row, (v, j) => {
                  const text = notation ? formatInTable(v, notation) : formatNumber(v, digits);
                  const shown = notation ? formatInTable(v, notation, { withPower: false }) : text;
                  const hue = v >= 0 ? 'var(--positive)' : 'var(--negative)';
                  const isSelected = selected[0] === i && selected[1] === j;
                  return (
                    <td key={j}>
                      <button
                        type="button"
                        className="heatmap-cell"
                        data-cell={`${i}-${j}`}
                        data-term={cellTerm(i, j)}
                        tabIndex={isSelected ? 0 : -1}
                        aria-label={cellName(i, j, text)}
                        aria-pressed={isSelected}
                        style={{ backgroundColor: `color-mix(in srgb, ${hue} ${strength(Math.abs(v)).toFixed(1)}%, transparent)` }}
                        onClick={() => onSelect(i, j)}
                        onFocus={() => onSelect(i, j)}
                        onKeyDown={(e) => move(e, i, j)}
                      >
                        {shown}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {inView && (
        <p className="heatmap-scroll-cue" id={cueId}>
          {columnsShown(inView, columns, columnLabel)}
        </p>
      )}
    </div>
  );
}

/** "h1–h5 of 16 columns shown: scroll sideways for the rest" */
export function columnsShown({ first, last }: ColumnsInView, columns: number, columnLabel: (j: number) => string): string {
  const shown = first === last ? columnLabel(first) : `${columnLabel(first)}–${columnLabel(last)}`;
  return `${shown} of ${columns} columns shown: scroll sideways for the rest`;
}
