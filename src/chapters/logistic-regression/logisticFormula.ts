import { trainingData, initialDescent, descentReadout, type DescentReadout, type LogisticDescentState } from './logisticDescent';
import { logisticLossPlusMinus, logisticLossPlusMinusGrad, plusMinusLabels } from '../../core/logisticPlusMinus';
import { DIGITS, formatNumber, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';

/**
 * The lab's live formulas, as LaTeX built only from fixed templates and texNumber(), and the same in
 * words. The cost appears twice, once per label convention, each computed by its own core function:
 * that the two numbers agree is the live check of "the same function".
 */


const w = term.logisticWeights();
const cost = term.logisticCost();
const grad = term.logisticGradient();
const boundary = term.logisticBoundary();

/** The readout, plus the ±1 form's cost and gradient from its own core function. */
export interface TwoForms {
  readout: DescentReadout;
  plusMinusCost: number;
  plusMinusGrad: Float64Array;
}

export function twoForms(state: LogisticDescentState): TwoForms {
  const readout = descentReadout(state);
  if (readout.problem !== null) return { readout, plusMinusCost: NaN, plusMinusGrad: new Float64Array(3) };
  const { X, t } = trainingData(state.points);
  const s = plusMinusLabels(t);
  const plusMinusGrad = logisticLossPlusMinusGrad(readout.w, X, s);
  if (!state.learnBias) plusMinusGrad[2] = 0;
  return { readout, plusMinusCost: logisticLossPlusMinus(readout.w, X, s), plusMinusGrad };
}

const vector = (v: ArrayLike<number>, digits: number) => `(${Array.from(v, (x) => texNumber(x, digits)).join(',\\ ')})`;
const vectorText = (v: ArrayLike<number>, digits: number) => `(${Array.from(v, (x) => formatNumber(x, digits)).join(', ')})`;

/** Each formula as short pieces, symbols then numbers, so a phone breaks a line only between them. */
export interface LogisticTex {
  weights: string[];
  boundary: string[];
  zeroOne: string[];
  plusMinus: string[];
  gradient: string[];
}

export function logisticTex(f: TwoForms): LogisticTex {
  const [w1, w2, b] = f.readout.w;
  const sign = (v: number) => (v < 0 ? '-' : '+');
  return {
    weights: [`\\displaystyle \\term{${w}}{(w_1,\\ w_2,\\ b)}`, `\\displaystyle {} = \\term{${w}}{${vector(f.readout.w, DIGITS.weight)}}`],
    boundary: [
      `\\displaystyle \\term{${boundary}}{w_1 x_1 + w_2 x_2 + b = 0}\\colon`,
      `\\displaystyle ${texNumber(w1, DIGITS.weight)}\\,x_1 ${sign(w2)} ${texNumber(Math.abs(w2), DIGITS.weight)}\\,x_2`,
      `\\displaystyle {} ${sign(b)} ${texNumber(Math.abs(b), DIGITS.weight)} = 0`,
    ],
    zeroOne: [
      `\\displaystyle L_{0/1} = -\\frac1m \\sum_n \\big[t_n \\ln \\hat y_n`,
      `\\displaystyle {} + (1 - t_n) \\ln(1 - \\hat y_n)\\big]`,
      `\\displaystyle {} = \\term{${cost}}{${texNumber(f.readout.cost, DIGITS.cost)}}`,
    ],
    plusMinus: [`\\displaystyle L_{\\pm1} = \\frac1m \\sum_n \\ln\\big(1 + e^{-s_n z_n}\\big)`, `\\displaystyle {} = \\term{${cost}}{${texNumber(f.plusMinusCost, DIGITS.cost)}}`],
    gradient: [
      `\\displaystyle \\term{${grad}}{\\nabla L} = \\frac1m \\sum_n \\big(\\sigma(z_n) - t_n\\big)\\,\\tilde{\\mathbf x}_n`,
      `\\displaystyle {} = \\term{${grad}}{${vector(f.readout.grad, DIGITS.weight)}}`,
    ],
  };
}

/** The formulas in words with the current numbers: the live formula block's text alternative. */
export function logisticText(f: TwoForms): string {
  const [w1, w2, b] = f.readout.w;
  return [
    `Weights (w1, w2, b) = ${vectorText(f.readout.w, DIGITS.weight)}.`,
    `Decision boundary ${formatNumber(w1, DIGITS.weight)} x1 + ${formatNumber(w2, DIGITS.weight)} x2 + ${formatNumber(b, DIGITS.weight)} = 0.`,
    `Cost with 0/1 labels: ${formatNumber(f.readout.cost, DIGITS.cost)}.`,
    `Cost with ±1 labels: ${formatNumber(f.plusMinusCost, DIGITS.cost)}.`,
    `Gradient ${vectorText(f.readout.grad, DIGITS.weight)}.`,
  ].join(' ');
}

/** The lab's starting formulas, for src/build/prerenderedFormulas.ts: typeset at build time. */
export function logisticStartFormulas(): { tex: string; display: boolean }[] {
  return Object.values(logisticTex(twoForms(initialDescent())))
    .flat()
    .map((tex) => ({ tex, display: false }));
}
