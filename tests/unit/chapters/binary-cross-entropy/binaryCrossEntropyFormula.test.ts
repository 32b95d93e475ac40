import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { liveKatexOptions } from '../../../../src/math/katexOptions';
import {
  binaryCrossEntropyStartFormulas,
  binaryFormulas,
  lossFormula,
  logitGradientFormula,
  pairSoftmaxFormula,
  predictionGradientFormula,
} from '../../../../src/chapters/binary-cross-entropy/binaryCrossEntropyFormula';
import { binaryState } from '../../../../src/chapters/binary-cross-entropy/binaryCrossEntropyMath';

describe('binaryCrossEntropyFormula', () => {
  it('lossFormula(z = 0, t = 1) writes −(1 · ln 0.500 + 0 · ln 0.500) = 0.693, with ln for the natural log', () => {
    const f = lossFormula(binaryState(0, 1));
    expect(f.text).toBe('L = −(t ln ŷ + (1 − t) ln(1 − ŷ)) = −(1 × ln 0.500 + 0 × ln 0.500) = 0.693');
    expect(f.pieces.join(' ')).not.toContain('\\log');
    expect(f.pieces[1]).toContain('\\ln \\term{y-hat}');
    expect(f.pieces[2]).toBe('\\displaystyle {} = \\term{bce-t1}{0.693}');
  });

  it('predictionGradientFormula picks the branch of the label: −1/ŷ for t = 1, 1/(1 − ŷ) for t = 0', () => {
    expect(predictionGradientFormula(binaryState(0, 1)).text).toBe('∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ) = −1/ŷ = −1 / 0.500 = −2.000');
    expect(predictionGradientFormula(binaryState(0, 0)).text).toBe('∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ) = 1/(1 − ŷ) = 1 / 0.500 = 2.000');
  });

  it('logitGradientFormula(z = 0, t = 0) ends in ŷ − t = 0.500 − 0 = 0.500', () => {
    expect(logitGradientFormula(binaryState(0, 0)).text).toBe('∂L/∂z = ∂L/∂ŷ × σ′(z) = 2.000 × 0.250 = ŷ − t = 0.500 − 0 = 0.500');
  });

  it('every number in a formula carries a term id, and every piece typesets without a KaTeX error', () => {
    for (const z of [-10, -1, 0, 3.3, 10]) {
      for (const t of [0, 1] as const) {
        const pieces = [...binaryFormulas(binaryState(z, t)), ...pairSoftmaxFormula(z, [0.5, 0.5], 0.5)].flatMap((f) => f.pieces);
        for (const tex of pieces) {
          const html = katex.renderToString(tex, { ...liveKatexOptions(false), throwOnError: true });
          expect(html).not.toContain('katex-error');
        }
      }
    }
  });

  it('binaryCrossEntropyStartFormulas() covers both labels at z = −1 and the two-class softmax', () => {
    const formulas = binaryCrossEntropyStartFormulas();
    expect(formulas.every((f) => f.display === false)).toBe(true);
    const all = formulas.map((f) => f.tex).join('\n');
    expect(all).toContain('\\term{bce-t1}{1.313}');
    expect(all).toContain('\\term{bce-t0}{0.313}');
    expect(all).toContain('\\term{q-1}{0.269}');
  });
});
