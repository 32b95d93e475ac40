import type { ComparisonCell } from './stabilityMath';
import { Result } from './Result';

const FORMS = [
  { form: 'naive', name: 'naive', how: 'e^z / Σ e^z, then −ln p' },
  { form: 'stable', name: 'stable', how: 'shift by max z; log-softmax' },
] as const;

function Cell({ cell, label }: { cell: ComparisonCell; label: number }) {
  const id = `${cell.form}-${cell.precision}`;
  return (
    <td data-testid={`cell-${id}`} data-finite={String(Number.isFinite(cell.loss) && cell.probabilities.every(Number.isFinite))}>
      <ul className="cell-values">
        {Array.from(cell.probabilities, (p, i) => (
          <li key={i} className={i === label ? 'true-class' : undefined}>
            p<sub>{i + 1}</sub> = <Result value={p} testId={`${id}-p-${i + 1}`} />
          </li>
        ))}
        <li className="cell-loss">
          L = <Result value={cell.loss} testId={`${id}-loss`} />
        </li>
      </ul>
      <ul className="cell-flags">
        {cell.flags.map((flag) => (
          <li key={flag.text} data-kind={flag.kind}>
            {flag.text}
          </li>
        ))}
      </ul>
    </td>
  );
}

/**
 * The 2×2 comparison: naive against stable, float32 against float64, each cell with p, the loss and
 * the reason for every ∞ and NaN in it. A real table: a screen reader names each cell by its row and
 * column headers.
 */
export function ComparisonTable({ cells, label, caption }: { cells: readonly ComparisonCell[]; label: number; caption: string }) {
  const find = (form: string, precision: string) => cells.find((c) => c.form === form && c.precision === precision);
  return (
    // a tab stop, so that the keyboard can scroll the table sideways on a narrow phone
    <div className="comparison-scroll" tabIndex={0} role="region" aria-label="Comparison table (scrolls sideways when narrow)">
      <table className="comparison-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">float32</th>
            <th scope="col">float64</th>
          </tr>
        </thead>
        <tbody>
          {FORMS.map(({ form, name, how }) => (
            <tr key={form}>
              <th scope="row">
                {name}
                <span className="form-how">{how}</span>
              </th>
              {(['float32', 'float64'] as const).map((precision) => {
                const cell = find(form, precision);
                return cell ? <Cell key={precision} cell={cell} label={label} /> : <td key={precision} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
