import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { decimalsForAll } from './backwardPassFormula';
import type { SampleRows } from './backwardPassMath';

interface BackwardPassRowsProps {
  rows: SampleRows;
  /** db₂ and db₁ over the whole batch */
  db2: ArrayLike<number>;
  db1: ArrayLike<number>;
  m: number;
  reduction: 'mean' | 'sum';
}

/**
 * The chosen sample's rows of every matrix of the backward pass, turned on their side: one line per
 * output class and one per hidden unit, so 32 hidden units read down a phone instead of across it.
 * Each entry carries its term id, so a selected weight lights up the factors of its chain rule.
 */
export function BackwardPassRows({ rows, db2, db1, m, reduction }: BackwardPassRowsProps) {
  const i = rows.index + 1;
  const dz2Digits = decimalsForAll(rows.dz2);
  const db2Digits = decimalsForAll(Array.from(db2));
  const hiddenDigits = decimalsForAll([...rows.da1, ...rows.dz1]);
  const db1Digits = decimalsForAll(Array.from(db1));
  const n = (v: number, digits = 3) => formatNumber(v, digits);

  return (
    <div className="bp-rows">
      <div className="bp-table-scroll" role="region" aria-label={`Output layer, sample ${i}`} tabIndex={0}>
        <table className="bp-table" data-testid="bp-output-rows">
          <caption>
            Output layer: row {i} of P, Y, P − Y and dZ₂{reduction === 'mean' ? ` = (P − Y)/${m}` : ' = P − Y'}, and db₂ over all {m} samples
          </caption>
          <thead>
            <tr>
              <th scope="col">class k</th>
              <th scope="col">P</th>
              <th scope="col">Y</th>
              <th scope="col">P − Y</th>
              <th scope="col">dZ₂</th>
              <th scope="col">db₂ (all)</th>
            </tr>
          </thead>
          <tbody>
            {rows.p.map((p, k) => (
              <tr key={k}>
                <th scope="row">{k + 1}</th>
                <td>{n(p)}</td>
                <td>{n(rows.y[k] ?? NaN, 0)}</td>
                <td>{n(rows.pMinusY[k] ?? NaN)}</td>
                <td data-term={term.backpropOutputGrad(k)} data-testid={`bp-dz2-${k + 1}`} data-value={rows.dz2[k]}>
                  {n(rows.dz2[k] ?? NaN, dz2Digits)}
                </td>
                <td>{n(db2[k] ?? NaN, db2Digits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="bp-table-scroll bp-hidden-scroll" role="region" aria-label={`Hidden layer, sample ${i}`} tabIndex={0}>
        <table className="bp-table" data-testid="bp-hidden-rows">
          <caption>
            Hidden layer: row {i} of Z₁, A₁, dA₁ = dZ₂W₂ᵀ, f′(Z₁) and dZ₁ = dA₁ ⊙ f′(Z₁), and db₁ over all {m} samples
          </caption>
          <thead>
            <tr>
              <th scope="col">unit j</th>
              <th scope="col">Z₁</th>
              <th scope="col">A₁</th>
              <th scope="col">dA₁</th>
              <th scope="col">f′(Z₁)</th>
              <th scope="col">dZ₁</th>
              <th scope="col">db₁ (all)</th>
            </tr>
          </thead>
          <tbody>
            {rows.a1.map((a, j) => (
              <tr key={j}>
                <th scope="row">{j + 1}</th>
                <td>{n(rows.z1[j] ?? NaN)}</td>
                <td data-term={term.backpropHidden(j)}>{n(a)}</td>
                <td data-term={term.backpropHiddenUpstream(j)}>{n(rows.da1[j] ?? NaN, hiddenDigits)}</td>
                <td data-term={term.backpropSlope(j)}>{n(rows.slope[j] ?? NaN)}</td>
                <td data-term={term.backpropHiddenGrad(j)} data-testid={`bp-dz1-${j + 1}`} data-value={rows.dz1[j]}>
                  {n(rows.dz1[j] ?? NaN, hiddenDigits)}
                </td>
                <td>{n(db1[j] ?? NaN, db1Digits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
