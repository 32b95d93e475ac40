import { softmax } from '../../core';
import { DIGITS, formatNumber, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { BINARY_START } from '../../url/labInputs';
import { binaryState, type BinaryState } from './binaryCrossEntropyMath';

/**
 * The binary chapter's live formulas as LaTeX, built only from formatted numbers and fixed templates,
 * each number wrapped in `\term` with the id its plot marker carries; and the same lines in words.
 * Every line is a list of pieces typeset side by side, so that a phone can break between them.
 */


const tex = (id: string, value: number, digits: number = DIGITS.value) => `\\term{${id}}{${texNumber(value, digits)}}`;
const words = (value: number, digits: number = DIGITS.value) => formatNumber(value, digits);

export interface BinaryFormula {
  /** pieces of one line, each typeset on its own */
  pieces: string[];
  /** the whole line in words with its numbers: its text alternative */
  text: string;
}

/** ŷ = σ(z) = 1/(1 + e^{−z}) with the numbers. */
export function predictionFormula(s: BinaryState): BinaryFormula {
  return {
    pieces: [
      `\\displaystyle \\hat y = \\sigma(z) = \\frac{1}{1 + e^{-z}}`,
      `\\displaystyle {} = \\frac{1}{1 + e^{-(${tex(term.binaryLogit(), s.z, DIGITS.logit)})}} = ${tex(term.binaryPrediction(), s.yHat)}`,
    ],
    text: `ŷ = σ(z) = 1 / (1 + e^(−z)) = 1 / (1 + e^(−(${words(s.z, DIGITS.logit)}))) = ${words(s.yHat)}`,
  };
}

/** L = −(t ln ŷ + (1 − t) ln(1 − ŷ)) with the numbers: one of the two logs always has weight 0. */
export function lossFormula(s: BinaryState): BinaryFormula {
  const t = `\\term{${term.binaryTarget()}}{${s.t}}`;
  return {
    pieces: [
      `\\displaystyle L = -\\big(t \\ln \\hat y + (1 - t) \\ln(1 - \\hat y)\\big)`,
      `\\displaystyle {} = -\\big(${t} \\cdot \\ln ${tex(term.binaryPrediction(), s.yHat)} + ${1 - s.t} \\cdot \\ln ${tex(term.binaryComplement(), s.complement)}\\big)`,
      `\\displaystyle {} = ${tex(term.binaryLoss(s.t), s.loss)}`,
    ],
    text:
      `L = −(t ln ŷ + (1 − t) ln(1 − ŷ)) = −(${s.t} × ln ${words(s.yHat)} + ${1 - s.t} × ln ${words(s.complement)}) = ` +
      words(s.loss),
  };
}

/** ∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ), which for the current t is −1/ŷ (t = 1) or 1/(1 − ŷ) (t = 0). */
export function predictionGradientFormula(s: BinaryState): BinaryFormula {
  const branch = s.t === 1 ? `-\\frac{1}{\\hat y}` : `\\frac{1}{1 - \\hat y}`;
  const value =
    s.t === 1
      ? `-\\frac{1}{${tex(term.binaryPrediction(), s.yHat)}}`
      : `\\frac{1}{${tex(term.binaryComplement(), s.complement)}}`;
  return {
    pieces: [
      `\\displaystyle \\frac{\\partial L}{\\partial \\hat y} = -\\frac{t}{\\hat y} + \\frac{1 - t}{1 - \\hat y}`,
      `\\displaystyle {} = ${branch} = ${value}`,
      `\\displaystyle {} = ${tex(term.binaryLossGradPrediction(s.t), s.gradPrediction)}`,
    ],
    text:
      `∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ) = ` +
      (s.t === 1 ? `−1/ŷ = −1 / ${words(s.yHat)}` : `1/(1 − ŷ) = 1 / ${words(s.complement)}`) +
      ` = ${words(s.gradPrediction)}`,
  };
}

/** ∂L/∂z = ∂L/∂ŷ · σ′(z) = ŷ − t: the chain rule, and what it collapses to. */
export function logitGradientFormula(s: BinaryState): BinaryFormula {
  return {
    pieces: [
      `\\displaystyle \\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial \\hat y}\\, \\sigma'(z)`,
      `\\displaystyle {} = ${tex(term.binaryLossGradPrediction(s.t), s.gradPrediction)} \\times ${tex(term.sigmoidSlope(), s.slope)}`,
      `\\displaystyle {} = \\hat y - t = ${tex(term.binaryPrediction(), s.yHat)} - \\term{${term.binaryTarget()}}{${s.t}} = ${tex(term.binaryLossGradLogit(s.t), s.gradLogit)}`,
    ],
    text:
      `∂L/∂z = ∂L/∂ŷ × σ′(z) = ${words(s.gradPrediction)} × ${words(s.slope)} = ŷ − t = ` +
      `${words(s.yHat)} − ${s.t} = ${words(s.gradLogit)}`,
  };
}

export function binaryFormulas(s: BinaryState): BinaryFormula[] {
  return [predictionFormula(s), lossFormula(s), predictionGradientFormula(s), logitGradientFormula(s)];
}

/** softmax([z, 0])₁ = e^z / (e^z + e^0) = 1/(1 + e^{−z}) = σ(z), then both sides with the numbers. */
export function pairSoftmaxFormula(z: number, pair: ArrayLike<number>, yHat: number): BinaryFormula[] {
  const q1 = pair[0] ?? NaN;
  const zTex = tex(term.binaryLogit(), z, DIGITS.logit);
  return [
    {
      pieces: [
        `\\displaystyle \\operatorname{softmax}([z, 0])_1 = \\frac{e^{z}}{e^{z} + e^{0}}`,
        `\\displaystyle {} = \\frac{1}{1 + e^{-z}} = \\sigma(z)`,
      ],
      text: 'the first entry of softmax([z, 0]) = e^z / (e^z + e^0) = 1 / (1 + e^(−z)) = σ(z)',
    },
    // the two numbers one above the other, so that they can be compared digit by digit
    {
      pieces: [`\\displaystyle \\operatorname{softmax}([${zTex}, 0])_1 = ${tex(term.pairSoftmax(0), q1)}`],
      text: `the first entry of softmax([${words(z, DIGITS.logit)}, 0]) = ${words(q1)}`,
    },
    {
      pieces: [`\\displaystyle \\sigma(${zTex}) = ${tex(term.binaryPrediction(), yHat)}`],
      text: `σ(${words(z, DIGITS.logit)}) = ${words(yHat)}`,
    },
  ];
}

/**
 * The live formulas of the chapter's starting state (z = −1, t = 1, and t = 0 one click away), for
 * src/build/prerenderedFormulas.ts: typeset at build time, so the chapter opens without KaTeX's runtime.
 */
export function binaryCrossEntropyStartFormulas(): { tex: string; display: boolean }[] {
  const z = BINARY_START.binaryLogit;
  const formulas = ([1, 0] as const).flatMap((t) => binaryFormulas(binaryState(z, t)));
  formulas.push(...pairSoftmaxFormula(z, softmax([z, 0]), binaryState(z, 1).yHat));
  return formulas.flatMap((f) => f.pieces.map((piece) => ({ tex: piece, display: false })));
}
