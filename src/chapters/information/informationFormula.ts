import { DIGITS, formatNumber, numberParts, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { softmax } from '../../core';
import { workedExample } from '../../url/labInputs';
import { informationMeasures, type InformationMeasures, type InformationUnit } from './informationMath';

/**
 * The live formulas of the information chapter, as LaTeX built only from formatted numbers and fixed
 * templates, and the same formulas in words. y_i and p_i carry the term ids of their bars.
 *
 * Every number is computed from unrounded values and then rounded on its own, so the printed
 * arithmetic need not add up: 0.930 − 0.881 is 0.049, but H(y, p) − H(y) = 0.93012 − 0.88129 rounds to
 * 0.048. A result is written with "=" only when a reader who does the printed arithmetic on the
 * printed numbers, and rounds as the result is rounded, gets the printed result; otherwise with "≈".
 */

/** The number a reader sees when x is printed with `digits`: "0.245" → 0.245, "4.12 × 10⁻⁹" → 4.12e-9. */
export function shownValue(x: number, digits: number): number {
  const p = numberParts(x, digits);
  const sign = p.negative ? -1 : 1;
  switch (p.kind) {
    case 'undefined':
      return NaN;
    case 'infinite':
      return sign * Infinity;
    case 'fixed':
      return sign * Number(p.mantissa);
    case 'scientific':
      return sign * Number(`${p.mantissa}e${p.exponent}`);
  }
}

/**
 * "=" if `fromShown` (the printed operation done on the printed operands) prints as `value` does, with
 * `digits`; "≈" if not. Plain text; see RELATION_TEX for the LaTeX.
 */
export function printedRelation(fromShown: number, value: number, digits: number): '=' | '≈' {
  return formatNumber(fromShown, digits) === formatNumber(value, digits) ? '=' : '≈';
}

export const RELATION_TEX: Readonly<Record<'=' | '≈', string>> = { '=': '=', '≈': '\\approx' };

export interface InformationFormulaInput {
  labels: readonly number[];
  probabilities: ArrayLike<number>;
  unit: InformationUnit;
  measures: Pick<InformationMeasures, 'entropy' | 'crossEntropy' | 'kl'>;
}

/** with more terms than this, the written-out sum keeps its first two and its last */
const FULL_SUM_LIMIT = 3;

const LOG_TEX: Record<InformationUnit, string> = { bits: '\\log_2', nats: '\\ln' };
const LOG_TEXT: Record<InformationUnit, string> = { bits: 'log₂', nats: 'ln' };
const LOG: Record<InformationUnit, (x: number) => number> = { bits: Math.log2, nats: Math.log };

/**
 * How the two results of the live formula relate to the numbers printed before them: −Σ yᵢ log pᵢ over
 * the printed yᵢ and pᵢ (all of them, also those a long sum hides behind ⋯: the bars and the table print
 * them), against the printed H(y, p); and the printed H(y, p) − H(y) against the printed KL.
 */
export function formulaRelations({ labels, probabilities, unit, measures }: InformationFormulaInput): {
  crossEntropy: '=' | '≈';
  kl: '=' | '≈';
} {
  const log = LOG[unit];
  const sum = weighted(labels).reduce((s, i) => s + shownValue(labels[i] ?? NaN, DIGITS.value) * log(shownValue(probabilities[i] ?? NaN, DIGITS.value)), 0);
  const difference = shownValue(measures.crossEntropy, DIGITS.value) - shownValue(measures.entropy, DIGITS.value);
  return {
    crossEntropy: printedRelation(-sum, measures.crossEntropy, DIGITS.value),
    kl: printedRelation(difference, measures.kl, DIGITS.value),
  };
}

/** The classes the target gives weight to: the only terms of H(y, p), since 0 · log 0 = 0. */
function weighted(labels: readonly number[]): number[] {
  return labels.flatMap((y, i) => (y > 0 ? [i] : []));
}

function abbreviate<T>(items: T[], gap: T): T[] {
  return items.length <= FULL_SUM_LIMIT ? items : [items[0] as T, items[1] as T, gap, items[items.length - 1] as T];
}

/**
 * H(y, p) in three pieces (definition; the sum written out over the classes with y_i > 0; its value)
 * and KL(y‖p) = H(y, p) − H(y) in two (definition; the numbers), so that a phone can break between
 * pieces. Pieces after the first start with `{} =` to keep the relation's spacing.
 */
export function informationTex(input: InformationFormulaInput) {
  const { labels, probabilities, unit, measures } = input;
  const relation = formulaRelations(input);
  const log = LOG_TEX[unit];
  const u = `\\ \\text{${unit}}`;
  const products = weighted(labels).map((i) => {
    const y = `\\term{${term.label(i)}}{${texNumber(labels[i] ?? NaN, DIGITS.value)}}`;
    const p = `\\term{${term.probability(i)}}{${texNumber(probabilities[i] ?? NaN, DIGITS.value)}}`;
    return `${y}\\,${log} ${p}`;
  });
  const sum = abbreviate(products, '\\cdots').join(' + ');
  const written = products.length === 1 ? `-${sum}` : `-\\left(${sum}\\right)`;
  const h = texNumber(measures.crossEntropy, DIGITS.value);
  return {
    crossEntropy: [
      `\\displaystyle H(\\mathbf y, \\mathbf p) = -\\sum_{i} y_i ${log} p_i`,
      `\\displaystyle {} = ${written}`,
      `\\displaystyle {} ${RELATION_TEX[relation.crossEntropy]} ${h}${u}`,
    ],
    kl: [
      `\\displaystyle \\mathrm{KL}(\\mathbf y \\,\\|\\, \\mathbf p) = H(\\mathbf y, \\mathbf p) - H(\\mathbf y)`,
      `\\displaystyle {} = ${h} - ${texNumber(measures.entropy, DIGITS.value)} ${RELATION_TEX[relation.kl]} ${texNumber(measures.kl, DIGITS.value)}${u}`,
    ],
  };
}

/** The same formulas in words: the text alternative of the live formula. */
export function informationText(input: InformationFormulaInput): string {
  const { labels, probabilities, unit, measures } = input;
  const relation = formulaRelations(input);
  const log = LOG_TEXT[unit];
  const products = weighted(labels).map(
    (i) => `${formatNumber(labels[i] ?? NaN, DIGITS.value)} × ${log} ${formatNumber(probabilities[i] ?? NaN, DIGITS.value)}`,
  );
  const h = formatNumber(measures.crossEntropy, DIGITS.value);
  return (
    `H(y, p) = −Σ y_i ${log} p_i = −(${products.join(' + ')}) ${relation.crossEntropy} ${h} ${unit}. ` +
    `KL(y‖p) = H(y, p) − H(y) = ${h} − ${formatNumber(measures.entropy, DIGITS.value)} ${relation.kl} ${formatNumber(measures.kl, DIGITS.value)} ${unit}.`
  );
}

/**
 * The chapter's live formulas at its starting state (the worked example's y and p), in both units,
 * for src/build/prerenderedFormulas.ts: typeset at build time, so the chapter opens without KaTeX's
 * runtime and the unit switch does not need it either.
 */
export function informationStartFormulas(): { tex: string; display: boolean }[] {
  const { logits, labels } = workedExample();
  const probabilities = Array.from(softmax(logits));
  return (['bits', 'nats'] as const).flatMap((unit) => {
    const measures = informationMeasures(labels, probabilities, unit);
    const tex = informationTex({ labels, probabilities, unit, measures });
    return [...tex.crossEntropy, ...tex.kl].map((t) => ({ tex: t, display: false }));
  });
}
