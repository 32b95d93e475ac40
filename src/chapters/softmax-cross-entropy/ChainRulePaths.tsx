import { DIGITS, formatNumber } from '../../format/formatNumber';
import { labelDigits, type DerivationInput } from './crossEntropyFormula';
import { chainRulePaths } from './crossEntropyGradientMath';


/**
 * The chain rule's product for one component z_j, path by path: one row per probability p_i that z_j
 * reaches L through, its term −y_i(δ_ij − p_j) with the learner's numbers (the diagonal path i = j
 * marked), the sum of all C of them, which is p_j − y_j, and the diagonal path alone, the classic
 * mistake that drops the other C − 1. A table, so a screen reader reads every number.
 */
export function ChainRulePaths({ numbers, labels, j }: DerivationInput) {
  const b = j + 1;
  const paths = chainRulePaths(numbers, j);
  const y = (i: number) => formatNumber(labels[i] ?? NaN, labelDigits(labels[i] ?? NaN));
  const p = (i: number) => formatNumber(numbers.probabilities[i] ?? NaN, DIGITS.value);
  const pj = numbers.probabilities[j] ?? NaN;
  const diagonal = numbers.diagonalOnly[j] ?? NaN;
  const sum = numbers.chainRule[j] ?? NaN;
  // exactly right only where the dropped paths add nothing, Σ_{i≠j} y_i p_j = p_j(1 − y_j) = 0: y_j = 1
  const right = labels[j] === 1;

  return (
    <div className="chain-rule-paths">
      <div className="table-scroll">
        <table className="paths-table" data-testid="chain-rule-paths">
          <caption>
            The {paths.length} paths from z{b} to L, one through each pᵢ
          </caption>
          <thead>
            <tr>
              <th scope="col">through</th>
              <th scope="col">term</th>
              <th scope="col">value</th>
            </tr>
          </thead>
          <tbody>
            {paths.map((path) => (
              <tr key={path.i} className={path.diagonal ? 'diagonal' : undefined}>
                <th scope="row">
                  p{path.i + 1}
                  {path.diagonal && <span className="path-kind">diagonal</span>}
                </th>
                {/* the symbols and the numbers, each kept whole: a phone breaks between them */}
                <td>
                  <span className="nowrap">{path.diagonal ? `−y${b}(1 − p${b})` : `y${path.i + 1} p${b}`}</span>{' '}
                  <span className="nowrap">
                    {path.diagonal ? `= −(${y(j)} × ${formatNumber(1 - pj, DIGITS.value)})` : `= ${y(path.i)} × ${p(j)}`}
                  </span>
                </td>
                <td data-testid={`path-${path.i + 1}`}>{formatNumber(path.product, DIGITS.value)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                all {paths.length} paths: p{b} − y{b}
              </th>
              <td data-testid="paths-sum">{formatNumber(sum, DIGITS.value)}</td>
            </tr>
            <tr className="diagonal-alone">
              <th scope="row" colSpan={2}>
                the diagonal path alone
              </th>
              <td data-testid="paths-diagonal" data-ok={right}>
                {formatNumber(diagonal, DIGITS.value)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="paths-verdict" data-ok={right} data-testid="paths-verdict">
        The diagonal path alone, <span className="nowrap">−y{b}(1 − p{b})</span>,{' '}
        {right
          ? `happens to be right here: y${b} = 1, so every other path adds 0.`
          : `is wrong here: it misses ${formatNumber(sum - diagonal, DIGITS.value)}, the ${paths.length - 1} paths off the diagonal.`}
      </p>
    </div>
  );
}
