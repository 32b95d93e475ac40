import { softmax, softmaxTerms } from '../../core';
import { DIGITS, formatNumber, texNumber } from '../../format/formatNumber';
import { WORKED_EXAMPLE } from '../../url/labInputs';
import { term } from '../../format/terms';

/**
 * The live softmax formula as LaTeX, built only from formatted numbers and fixed templates.
 * Every number but the sum is wrapped in `\term` with the id of what it belongs to, so the two light
 * up together: z_j and e^{z_j/T} logit j's bar (and slider), p_k its probability bar, T the
 * temperature slider. The sum is made of every logit and belongs to no single bar.
 */

export interface SoftmaxFormulaInput {
  logits: readonly number[];
  temperature: number;
  probabilities: ArrayLike<number>;
  /** e^{z_j / T} for every j, and their sum, as the core computed them */
  exponentials: ArrayLike<number>;
  sum: number;
  /** the class whose fraction is written out */
  shown: number;
}

/** with more classes than this, the denominator is abbreviated so the formula fits a phone */
const FULL_SUM_LIMIT = 4;

export interface SoftmaxFractionTex {
  /** p_k = e^{z_k/T} / Σ_j e^{z_j/T}: changes only with k, C and whether T is 1 */
  definition: string;
  /** = e^{z_k/T} / (e^{z_1/T} + …) with the logits' values */
  powers: string;
  /** = e^{…} / Σ = p_k as numbers */
  values: string;
}

/**
 * Class k's fraction in three pieces, each typeset on its own: the definition, whose LaTeX rarely
 * changes and so is typeset once, and the two pieces with numbers, the only ones a slider step
 * re-typesets. Each piece is in display style, and the pieces with numbers start with `{} =` so the
 * relation keeps its spacing when the pieces stand side by side.
 */
export function softmaxFractionTex(f: SoftmaxFormulaInput): SoftmaxFractionTex {
  const k = f.shown;
  const C = f.logits.length;
  const scaled = (j: number) => {
    const z = `\\term{${term.logit(j)}}{${texNumber(f.logits[j] ?? NaN, DIGITS.logit)}}`;
    return f.temperature === 1 ? z : `${z}/\\term{${term.temperature()}}{${texNumber(f.temperature, DIGITS.logit)}}`;
  };
  const power = (j: number) => `e^{${scaled(j)}}`;
  const terms =
    C <= FULL_SUM_LIMIT
      ? f.logits.map((_, j) => power(j)).join(' + ')
      : `${power(0)} + ${power(1)} + \\cdots + ${power(C - 1)}`;
  const pk = `\\term{${term.probability(k)}}{${texNumber(f.probabilities[k] ?? NaN, DIGITS.value)}}`;
  const over = f.temperature === 1 ? '' : '/T';
  return {
    definition: `\\displaystyle p_{${k + 1}} = \\frac{e^{z_{${k + 1}}${over}}}{\\sum_{j=1}^{${C}} e^{z_j${over}}}`,
    powers: `\\displaystyle {} = \\frac{${power(k)}}{${terms}}`,
    values: `\\displaystyle {} = \\frac{\\term{${term.logit(k)}}{${texNumber(f.exponentials[k] ?? NaN, DIGITS.value)}}}{${texNumber(f.sum, DIGITS.value)}} = ${pk}`,
  };
}

/** The same fraction in words and numbers: the text alternative of the live formula. */
export function softmaxFractionText(f: SoftmaxFormulaInput): string {
  const k = f.shown;
  const over = f.temperature === 1 ? '' : ` / ${formatNumber(f.temperature, DIGITS.logit)}`;
  const power = (j: number) => `e^(${formatNumber(f.logits[j] ?? NaN, DIGITS.logit)}${over})`;
  const all = f.logits.map((_, j) => power(j)).join(' + ');
  return (
    `p${k + 1} = e^(z${k + 1}/T) divided by the sum over j of e^(z_j/T) = ${power(k)} / (${all}) = ` +
    `${formatNumber(f.exponentials[k] ?? NaN, DIGITS.value)} / ${formatNumber(f.sum, DIGITS.value)} = ${formatNumber(f.probabilities[k] ?? NaN, DIGITS.value)}`
  );
}

/**
 * The worked example z = [2, 3, 4] written out, one step a line (each fits a phone's width): the
 * powers, their sum, the fractions, the probabilities.
 */
export function workedExampleTex(logits: readonly number[] = WORKED_EXAMPLE.logits): string[] {
  const { e, sum, p } = workedExampleNumbers(logits);
  const powers = logits.map((zi, i) => `e^{${texNumber(zi, 0)}} = ${texNumber(e[i] ?? NaN, DIGITS.value)}`).join(',\\quad ');
  const fractions = e.map((ei) => `\\tfrac{${texNumber(ei, DIGITS.value)}}{${texNumber(sum, DIGITS.value)}}`).join(',\\; ');
  const result = Array.from(p, (pi) => texNumber(pi, DIGITS.value)).join(',\\; ');
  return [
    powers,
    `\\textstyle\\sum_k e^{z_k} = ${logits.map((zi) => `e^{${texNumber(zi, 0)}}`).join(' + ')} = ${texNumber(sum, DIGITS.value)}`,
    `\\mathbf{p} = \\left[\\, ${fractions} \\,\\right]`,
    `= \\left[\\, ${result} \\,\\right]`,
  ];
}

/** The worked example in words: the text alternative of each of its lines. */
export function workedExampleText(logits: readonly number[] = WORKED_EXAMPLE.logits): string[] {
  const { e, sum, p } = workedExampleNumbers(logits);
  const powers = logits.map((zi, i) => `e^${formatNumber(zi, 0)} = ${formatNumber(e[i] ?? NaN, DIGITS.value)}`).join(', ');
  const fractions = e.map((ei) => `${formatNumber(ei, DIGITS.value)} / ${formatNumber(sum, DIGITS.value)}`).join(', ');
  const result = Array.from(p, (pi) => formatNumber(pi, DIGITS.value)).join(', ');
  return [
    powers,
    `the sum of e^z_k is ${logits.map((zi) => `e^${formatNumber(zi, 0)}`).join(' + ')} = ${formatNumber(sum, DIGITS.value)}`,
    `p = [${fractions}]`,
    `= [${result}]`,
  ];
}

function workedExampleNumbers(logits: readonly number[]) {
  const { exponentials, sum } = softmaxTerms(logits);
  return { e: Array.from(exponentials), sum, p: softmax(logits) };
}
