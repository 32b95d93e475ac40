import { DIGITS, formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { printedRelation, shownValue } from './informationFormula';
import type { InformationMeasures, InformationUnit } from './informationMath';

interface InformationTableProps {
  labels: readonly number[];
  probabilities: ArrayLike<number>;
  unit: InformationUnit;
  measures: InformationMeasures;
}


/**
 * Bits (or nats) per event: for every class its target weight, its predicted probability, the
 * information −log pᵢ, and the term yᵢ · (−log pᵢ) it adds to H(y, p); the last row is the sum. A
 * short bar beside each information value shows it growing as pᵢ shrinks. The sum is written "≈ …" when
 * the column as printed does not add up to it (each term is rounded on its own).
 */
export function InformationTable({ labels, probabilities, unit, measures }: InformationTableProps) {
  const log = unit === 'bits' ? 'log₂' : 'ln';
  const largest = Math.max(...measures.information.filter(Number.isFinite), 1e-9);
  const columnSum = measures.contributions.reduce((sum, c) => sum + shownValue(c, DIGITS.value), 0);
  const total = formatNumber(measures.crossEntropy, DIGITS.value);
  return (
    // with eight classes the table can be wider than a phone: it scrolls in its own box, which a
    // keyboard user can focus to scroll
    <div className="information-table-scroll" role="region" aria-label="Information per class (scrolls sideways)" tabIndex={0}>
      <table className="information-table" data-testid="information-table">
        <caption>Information per class, in {unit}</caption>
        <thead>
          <tr>
            <th scope="col">
              <abbr title="class">i</abbr>
            </th>
            <th scope="col">yᵢ</th>
            <th scope="col">pᵢ</th>
            <th scope="col">−{log} pᵢ</th>
            <th scope="col">yᵢ · (−{log} pᵢ)</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((y, i) => {
            const info = measures.information[i] ?? NaN;
            return (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td data-term={term.label(i)}>{formatNumber(y, DIGITS.value)}</td>
                <td data-term={term.probability(i)}>{formatNumber(probabilities[i] ?? NaN, DIGITS.value)}</td>
                <td data-testid={`information-${i + 1}`}>
                  <span className="information-value">{formatNumber(info, DIGITS.value)}</span>
                  <span
                    className="information-bar"
                    aria-hidden="true"
                    style={{ width: `${Number.isFinite(info) ? (100 * info) / largest : 100}%` }}
                  />
                </td>
                <td>{formatNumber(measures.contributions[i] ?? NaN, DIGITS.value)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              sum: H(y, p)
            </th>
            <td data-testid="cross-entropy-total">
              {printedRelation(columnSum, measures.crossEntropy, DIGITS.value) === '=' ? total : `≈ ${total}`}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
