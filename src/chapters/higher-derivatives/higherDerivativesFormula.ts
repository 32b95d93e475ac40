import { DIGITS, formatNumber, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { TENSOR_TERMS } from './tensorMath';

/** One entry of H, its row and column, and p: what the Hessian explorer writes out. */
export interface HessianCellInput {
  probabilities: ArrayLike<number>;
  /** H[i][j], as the core computed it */
  value: number;
  i: number;
  j: number;
}

const prob = (p: ArrayLike<number>, i: number) => `\\term{${term.probability(i)}}{${texNumber(p[i] ?? NaN, DIGITS.value)}}`;

/**
 * H_ij = ∂²L/∂z_i∂z_j = p_i(δ_ij − p_j), with the current numbers: the same entry as the Jacobian's,
 * and no y in it. Two pieces, symbols then numbers, so that a phone can put them on two lines.
 */
export function hessianCellTex({ probabilities, value, i, j }: HessianCellInput): [string, string] {
  const a = i + 1;
  const b = j + 1;
  const id = term.hessian(i, j);
  return [
    `\\displaystyle H_{${a}${b}} = \\frac{\\partial^2 L}{\\partial z_{${a}}\\,\\partial z_{${b}}} = \\term{${id}}{p_{${a}}\\,(\\delta_{${a}${b}} - p_{${b}})}`,
    `\\displaystyle {} = ${prob(probabilities, i)}\\,(${i === j ? 1 : 0} - ${prob(probabilities, j)}) = \\term{${id}}{${texNumber(value, DIGITS.value)}}`,
  ];
}

/** The same entry in words: the formula's text alternative. */
export function hessianCellText({ probabilities, value, i, j }: HessianCellInput): string {
  const a = i + 1;
  const b = j + 1;
  return (
    `H${a}${b} = ∂²L/∂z${a}∂z${b} = p${a} × (δ${a}${b} − p${b}) = ` +
    `${formatNumber(probabilities[i] ?? NaN, DIGITS.value)} × (${i === j ? 1 : 0} − ${formatNumber(probabilities[j] ?? NaN, DIGITS.value)}) = ` +
    formatNumber(value, DIGITS.value)
  );
}

/** One entry T_ijk, the five terms' values at it (TENSOR_TERMS order), and the core's value. */
export interface TensorCellInput {
  i: number;
  j: number;
  k: number;
  terms: readonly number[];
  value: number;
  /**
   * Decimals, as the heatmaps beside the formula show them in fixed notation: each number is rounded to
   * them (a 10⁻⁵ reads 0.0000, as in its cell). Absent: DIGITS.value, tiny values in powers of ten.
   */
  digits?: number;
}

/**
 * T_ijk written out term by term, as two lines of pieces (a phone breaks a line between pieces only):
 * the five terms as symbols, each linked to its heatmap, then their values at (i, j, k) and the core's
 * value. Each piece after the first starts with {} and its sign outside the linked term, so that,
 * typeset on its own, the sign is spaced as the binary operator it is.
 */
export function tensorCellTex(input: TensorCellInput): [string[], string[]] {
  const { i, j, k, digits } = input;
  const { terms, value } = rounded(input);
  const idx = `${i + 1}${j + 1}${k + 1}`;
  const symbols = TENSOR_TERMS.map((t, n) => {
    const [, sign = '', body = t.tex] = /^([-+])\\,(.*)$/.exec(t.tex) ?? [];
    return `${n === 0 ? 'T_{ijk} =' : `{} ${sign}`} \\term{${term.tensorTerm(t.n)}}{${body}}`;
  });
  const numbers = terms.map((v, n) => {
    const id = term.tensorTerm(n + 1);
    if (n === 0) return `T_{${idx}} = \\term{${id}}{${texNumber(v, digits)}}`;
    return `{} ${signOf(v, digits) ? '-' : '+'} \\term{${id}}{${texNumber(Math.abs(v), digits)}}`;
  });
  return [symbols, [...numbers, `{} = \\term{${term.tensorCell(i, j, k)}}{${texNumber(value, digits)}}`]];
}

/** The same in words, each term after the first with its own sign: "0.000 + 0.000 − 0.0222 …". */
export function tensorCellText(input: TensorCellInput): string {
  const { i, j, k, digits } = input;
  const { terms, value } = rounded(input);
  const idx = `${i + 1}${j + 1}${k + 1}`;
  const sum = terms.map((v, n) => (n === 0 ? formatNumber(v, digits) : `${signOf(v, digits) ? '−' : '+'} ${formatNumber(Math.abs(v), digits)}`)).join(' ');
  return `T_ijk = ${TENSOR_TERMS.map((t) => t.text).join(' ')}. At i = ${i + 1}, j = ${j + 1}, k = ${k + 1}: T${idx} = ${sum} = ${formatNumber(value, digits)}`;
}

/** A term is written with a minus when it is negative and not rounded to 0 at these decimals (no "− 0.000"). */
function signOf(v: number, digits: number = DIGITS.value): boolean {
  return v < 0 && formatNumber(Math.abs(v), digits) !== formatNumber(0, digits);
}

/** The terms and the value rounded to `digits` decimals when those are given (the heatmaps' fixed notation). */
function rounded({ terms, value, digits }: TensorCellInput): { terms: readonly number[]; value: number } {
  if (digits === undefined) return { terms, value };
  const round = (v: number) => Number(v.toFixed(digits)) || 0;
  return { terms: terms.map(round), value: round(value) };
}
