import { softmax, softmaxTerms } from '../core';
import { texNumber } from '../format/formatNumber';
import { WORKED_EXAMPLE } from '../state/labInputs';
import { term } from '../math/terms';

/**
 * The live softmax formula as LaTeX, built only from formatted numbers and fixed templates.
 * Every number is wrapped in `\term` with the id its plot uses, so the two light up together.
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

const Z = 2;
const P = 3;
/** with more classes than this, the denominator is abbreviated so the formula fits a phone */
const FULL_SUM_LIMIT = 4;

export function probabilityVectorTex({ probabilities }: Pick<SoftmaxFormulaInput, 'probabilities'>): string {
  const entries = Array.from(probabilities, (p, i) => `\\term{${term.probability(i)}}{${texNumber(p, P)}}`);
  return `\\mathbf{p} = \\softmax(\\mathbf{z}/T) = \\left[\\, ${entries.join(',\\; ')} \\,\\right]`;
}

/**
 * Class k's fraction in two lines (the symbols with the logits, then the values), so that each line
 * fits a phone's width even with eight classes.
 */
export function softmaxFractionTex(f: SoftmaxFormulaInput): [string, string] {
  const k = f.shown;
  const C = f.logits.length;
  const scaled = (j: number) => {
    const z = `\\term{${term.logit(j)}}{${texNumber(f.logits[j] ?? NaN, Z)}}`;
    return f.temperature === 1 ? z : `${z}/${texNumber(f.temperature, Z)}`;
  };
  const power = (j: number) => `e^{${scaled(j)}}`;
  const terms =
    C <= FULL_SUM_LIMIT
      ? f.logits.map((_, j) => power(j)).join(' + ')
      : `${power(0)} + ${power(1)} + \\cdots + ${power(C - 1)}`;
  const pk = `\\term{${term.probability(k)}}{${texNumber(f.probabilities[k] ?? NaN, P)}}`;
  return [
    `p_{${k + 1}} = \\frac{e^{z_{${k + 1}}/T}}{\\sum_{j=1}^{${C}} e^{z_j/T}} = \\frac{${power(k)}}{${terms}}`,
    `= \\frac{${texNumber(f.exponentials[k] ?? NaN, P)}}{${texNumber(f.sum, P)}} = ${pk}`,
  ];
}

/** The worked example z = [2, 3, 4] written out: the powers and their sum, then the fractions. */
export function workedExampleTex(logits: readonly number[] = WORKED_EXAMPLE.logits): [string, string] {
  const { exponentials, sum } = softmaxTerms(logits);
  const p = softmax(logits);
  const e = Array.from(exponentials);
  const powers = logits.map((zi, i) => `e^{${texNumber(zi, 0)}} = ${texNumber(e[i] ?? NaN, P)}`).join(',\\quad ');
  const fractions = e.map((ei) => `\\tfrac{${texNumber(ei, P)}}{${texNumber(sum, P)}}`).join(',\\; ');
  const result = Array.from(p, (pi) => texNumber(pi, P)).join(',\\; ');
  return [
    `${powers},\\qquad \\textstyle\\sum_k e^{z_k} = ${texNumber(sum, P)}`,
    `\\mathbf{p} = \\left[\\, ${fractions} \\,\\right] = \\left[\\, ${result} \\,\\right]`,
  ];
}
