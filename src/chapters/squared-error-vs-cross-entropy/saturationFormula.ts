import { DIGITS, formatNumber, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { gradientsAt, SATURATION_START, type GradientsAt } from './saturationMath';

/**
 * The live formulas of chapter 7's gradient widget, as LaTeX built only from fixed templates and
 * texNumber(), and the same formulas in words. (ŷ − t) carries the cross-entropy gradient's term id
 * wherever it appears, because it *is* that gradient: squared error's is the same factor times σ′.
 */


const se = term.squaredErrorGradZ();
const ce = term.crossEntropyGradZ();
const slope = term.saturationSlope();
/** the one logit, shared with chapter 5's id for the same symbol */
const zTerm = term.binaryLogit();

/** Each formula as two pieces, symbols then numbers, so a phone can put them on two lines. */
export interface SaturationTex {
  prediction: [string, string];
  squaredError: [string, string];
  crossEntropy: [string, string];
  slope: [string, string];
}

export function saturationTex(g: GradientsAt): SaturationTex {
  const y = texNumber(g.prediction, DIGITS.value);
  const t = String(g.t);
  return {
    prediction: ['\\displaystyle \\hat y = \\sigma(z)', `\\displaystyle {} = \\sigma(\\term{${zTerm}}{${texNumber(g.z, DIGITS.tenthsLogit)}}) = ${y}`],
    squaredError: [
      `\\displaystyle \\frac{\\partial L_{\\mathrm{SE}}}{\\partial z} = \\term{${ce}}{(\\hat y - t)}\\,\\term{${slope}}{\\hat y\\,(1 - \\hat y)}`,
      `\\displaystyle {} = \\term{${ce}}{(${y} - ${t})} \\times \\term{${slope}}{${texNumber(g.slope, DIGITS.value)}} = \\term{${se}}{${texNumber(g.squaredError, DIGITS.value)}}`,
    ],
    crossEntropy: [
      `\\displaystyle \\frac{\\partial L_{\\mathrm{CE}}}{\\partial z} = \\term{${ce}}{\\hat y - t}`,
      `\\displaystyle {} = ${y} - ${t} = \\term{${ce}}{${texNumber(g.crossEntropy, DIGITS.value)}}`,
    ],
    slope: [
      `\\displaystyle \\term{${slope}}{\\sigma'(z)} = \\hat y\\,(1 - \\hat y)`,
      `\\displaystyle {} = ${y} \\times ${texNumber(g.complement, DIGITS.value)} = \\term{${slope}}{${texNumber(g.slope, DIGITS.value)}} \\le \\tfrac{1}{4}`,
    ],
  };
}

/** The four formulas in words with the current numbers: the text alternative of the live formulas. */
export function saturationText(g: GradientsAt): string {
  const y = formatNumber(g.prediction, DIGITS.value);
  return [
    `ŷ = σ(z) = σ(${formatNumber(g.z, DIGITS.tenthsLogit)}) = ${y}.`,
    `Squared error: ∂L/∂z = (ŷ − t) × ŷ(1 − ŷ) = (${y} − ${g.t}) × ${formatNumber(g.slope, DIGITS.value)} = ${formatNumber(g.squaredError, DIGITS.value)}.`,
    `Cross-entropy: ∂L/∂z = ŷ − t = ${y} − ${g.t} = ${formatNumber(g.crossEntropy, DIGITS.value)}.`,
    `σ′(z) = ŷ(1 − ŷ) = ${y} × ${formatNumber(g.complement, DIGITS.value)} = ${formatNumber(g.slope, DIGITS.value)}, at most 1/4.`,
  ].join(' ');
}

/**
 * The explorer's starting formulas (z = −3, for both targets), for src/build/prerenderedFormulas.ts:
 * typeset at build time, so the chapter opens without KaTeX's runtime.
 */
export function saturationStartFormulas(): { tex: string; display: boolean }[] {
  return ([1, 0] as const).flatMap((t) =>
    Object.values(saturationTex(gradientsAt(SATURATION_START.z, t)))
      .flat()
      .map((tex) => ({ tex, display: false })),
  );
}
