import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { katexOptions } from '../../../../src/math/katexOptions';
import {
  backwardPassStartFormulas,
  backwardShapesTex,
  backwardShapesText,
  decimalsFor,
  decimalsForAll,
  hiddenChainText,
  outputChainText,
} from '../../../../src/chapters/backprop/backwardPassFormula';
import type { HiddenWeightChain, OutputWeightChain } from '../../../../src/chapters/backprop/backwardPassMath';

describe('backwardPassFormula', () => {
  it('decimalsFor keeps three significant digits: 3 for 0.5, 4 for 0.05, 6 for 0.0007, capped at 6', () => {
    expect(decimalsFor(0.5)).toBe(3);
    expect(decimalsFor(12.5)).toBe(3);
    expect(decimalsFor(-0.05)).toBe(4);
    expect(decimalsFor(0.0007)).toBe(6);
    expect(decimalsFor(1e-9)).toBe(6);
    expect(decimalsFor(0)).toBe(3);
    expect(decimalsFor(Number.NaN)).toBe(3);
    expect(decimalsForAll([0.0004, -0.02, Number.NaN])).toBe(4);
  });

  it('backwardShapesText writes the live shapes: m = 40, 8 hidden units, with the sum', () => {
    const text = backwardShapesText({ m: 40, inputs: 2, hidden: 8, outputs: 3, reduction: 'sum', activation: 'tanh' });
    expect(text).toContain('dZ₂ (40 × 3) = P − Y.');
    expect(text).toContain('dW₂ (8 × 3) = A₁ᵀ (8 × 40) times dZ₂ (40 × 3)');
    expect(text).toContain('dA₁ (40 × 8) = dZ₂ (40 × 3) times W₂ᵀ (3 × 8)');
    expect(text).toContain('f′(u) = 1 − tanh² u');
    expect(text).toContain('dW₁ (2 × 8) = Xᵀ (2 × 40) times dZ₁ (40 × 8)');
  });

  it('backwardShapesTex puts each shape under its matrix and typesets without a KaTeX error', () => {
    const lines = backwardShapesTex({ m: 150, inputs: 2, hidden: 16, outputs: 3, reduction: 'mean', activation: 'relu' });
    expect(lines).toHaveLength(7);
    expect(lines[1]?.[0]).toBe('\\underset{16 \\times 3}{dW_2} = \\underset{16 \\times 150}{A_1^{\\top}}\\,\\underset{150 \\times 3}{dZ_2}');
    for (const tex of lines.flat()) expect(katex.renderToString(tex, katexOptions())).not.toContain('katex-error');
  });

  it('outputChainText multiplies out sample 3’s factors, 0.5 × −0.25 × 1/10 = −0.0125, with the total at the heatmap’s digits', () => {
    const chain: OutputWeightChain = {
      j: 1, k: 0, i: 2, a1: 0.5, pMinusY: -0.25, scale: 0.1, term: -0.0125, chainSum: 0.123456,
      positiveSum: 0.2, negativeSum: -0.076544, largestTerm: 0.05, largestSample: 4, backprop: 0.123456,
    };
    expect(outputChainText(chain, 10, 'mean', 3)).toBe(
      '∂L/∂(W₂)2,1 = the sum over the 10 samples of (A₁)i,2 times (dZ₂)i,1, where (dZ₂)i,1 = (P − Y)i,1/10. ' +
        'Sample 3: 0.500 × −0.250 × 1/10 = −0.0125. All 10 samples: 0.123.',
    );
  });

  it('hiddenChainText writes the inner sum over the three classes term by term', () => {
    const chain: HiddenWeightChain = {
      r: 0, j: 4, i: 0, x: 2, slope: 1, w2: [1, -0.5, 0.25], dz2: [0.1, 0.2, -0.3], upstream: 1 * 0.1 - 0.5 * 0.2 - 0.25 * 0.3,
      term: 2 * (1 * 0.1 - 0.5 * 0.2 - 0.25 * 0.3), chainSum: -0.5, backprop: -0.5,
    };
    const text = hiddenChainText(chain, 5, 3);
    expect(text).toContain('Sample 1: 2.000 × 1.000 × (1.000 × 0.100 − 0.500 × 0.200 + 0.250 × −0.300) = 2.000 × 1.000 × −0.0750 = −0.150.');
    expect(text).toContain('All 5 samples: −0.500.');
  });

  it('backwardPassStartFormulas: the starting formulas for both reductions, every one typeset without error', () => {
    const formulas = backwardPassStartFormulas();
    expect(formulas.some((f) => f.tex.includes('\\underset{150 \\times 3}{dZ_2} = \\tfrac{1}{150}'))).toBe(true);
    expect(formulas.some((f) => f.tex.includes('\\underset{150 \\times 3}{dZ_2} = (\\underset{150 \\times 3}{P}'))).toBe(true);
    for (const { tex } of formulas) expect(katex.renderToString(tex, katexOptions())).not.toContain('katex-error');
  });
});
