import { DIGITS, formatNumber, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';


export interface JacobianCellInput {
  probabilities: ArrayLike<number>;
  /** J[i][j], as the core computed it */
  value: number;
  i: number;
  j: number;
}

/**
 * One entry of the Jacobian, written out: J_ij = ∂p_i/∂z_j = p_i(δ_ij − p_j) with the current numbers,
 * δ_ij shown as the 1 or 0 it is. The whole product carries the cell's term id, so focusing the cell
 * lights it up; p_i and p_j carry theirs.
 */
export function jacobianCellTex({ probabilities, value, i, j }: JacobianCellInput): [string, string] {
  const a = i + 1;
  const b = j + 1;
  const pi = `\\term{${term.probability(i)}}{${texNumber(probabilities[i] ?? NaN, DIGITS.value)}}`;
  const pj = `\\term{${term.probability(j)}}{${texNumber(probabilities[j] ?? NaN, DIGITS.value)}}`;
  const symbols = `\\term{${term.jacobian(i, j)}}{p_{${a}}\\,(\\delta_{${a}${b}} - p_{${b}})}`;
  // two pieces, symbols then numbers, so that a phone can put them on two lines
  return [
    `\\displaystyle J_{${a}${b}} = \\frac{\\partial p_{${a}}}{\\partial z_{${b}}} = ${symbols}`,
    `\\displaystyle {} = ${pi}\\,(${i === j ? 1 : 0} - ${pj}) = \\term{${term.jacobian(i, j)}}{${texNumber(value, DIGITS.value)}}`,
  ];
}

/** The same entry in words: the text alternative of the formula. */
export function jacobianCellText({ probabilities, value, i, j }: JacobianCellInput): string {
  const a = i + 1;
  const b = j + 1;
  return (
    `J${a}${b} = ∂p${a}/∂z${b} = p${a} × (δ${a}${b} − p${b}) = ` +
    `${formatNumber(probabilities[i] ?? NaN, DIGITS.value)} × (${i === j ? 1 : 0} − ${formatNumber(probabilities[j] ?? NaN, DIGITS.value)}) = ` +
    formatNumber(value, DIGITS.value)
  );
}
