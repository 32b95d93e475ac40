import { formatNumber, texNumber } from '../format/formatNumber';
import { term } from '../math/terms';
import { softmax } from '../core';
import { workedExample } from '../state/labInputs';
import { informationMeasures, type InformationMeasures, type InformationUnit } from './informationMath';

/**
 * The live formulas of the information chapter, as LaTeX built only from formatted numbers and fixed
 * templates, and the same formulas in words. y_i and p_i carry the term ids of their bars.
 */

export interface InformationFormulaInput {
  labels: readonly number[];
  probabilities: ArrayLike<number>;
  unit: InformationUnit;
  measures: Pick<InformationMeasures, 'entropy' | 'crossEntropy' | 'kl'>;
}

const D = 3;
/** with more terms than this, the written-out sum keeps its first two and its last */
const FULL_SUM_LIMIT = 3;

const LOG_TEX: Record<InformationUnit, string> = { bits: '\\log_2', nats: '\\ln' };
const LOG_TEXT: Record<InformationUnit, string> = { bits: 'log₂', nats: 'ln' };

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
export function informationTex({ labels, probabilities, unit, measures }: InformationFormulaInput) {
  const log = LOG_TEX[unit];
  const u = `\\ \\text{${unit}}`;
  const products = weighted(labels).map((i) => {
    const y = `\\term{${term.label(i)}}{${texNumber(labels[i] ?? NaN, D)}}`;
    const p = `\\term{${term.probability(i)}}{${texNumber(probabilities[i] ?? NaN, D)}}`;
    return `${y}\\,${log} ${p}`;
  });
  const sum = abbreviate(products, '\\cdots').join(' + ');
  const written = products.length === 1 ? `-${sum}` : `-\\left(${sum}\\right)`;
  const h = texNumber(measures.crossEntropy, D);
  return {
    crossEntropy: [
      `\\displaystyle H(\\mathbf y, \\mathbf p) = -\\sum_{i} y_i ${log} p_i`,
      `\\displaystyle {} = ${written}`,
      `\\displaystyle {} = ${h}${u}`,
    ],
    kl: [
      `\\displaystyle \\mathrm{KL}(\\mathbf y \\,\\|\\, \\mathbf p) = H(\\mathbf y, \\mathbf p) - H(\\mathbf y)`,
      `\\displaystyle {} = ${h} - ${texNumber(measures.entropy, D)} = ${texNumber(measures.kl, D)}${u}`,
    ],
  };
}

/** The same formulas in words: the text alternative of the live formula. */
export function informationText({ labels, probabilities, unit, measures }: InformationFormulaInput): string {
  const log = LOG_TEXT[unit];
  const products = weighted(labels).map(
    (i) => `${formatNumber(labels[i] ?? NaN, D)} × ${log} ${formatNumber(probabilities[i] ?? NaN, D)}`,
  );
  const h = formatNumber(measures.crossEntropy, D);
  return (
    `H(y, p) = −Σ y_i ${log} p_i = −(${products.join(' + ')}) = ${h} ${unit}. ` +
    `KL(y‖p) = H(y, p) − H(y) = ${h} − ${formatNumber(measures.entropy, D)} = ${formatNumber(measures.kl, D)} ${unit}.`
  );
}

/**
 * The chapter's live formulas at its starting state (the worked example's y and p), in both units,
 * for src/math/prerenderedFormulas.ts: typeset at build time, so the chapter opens without KaTeX's
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
