import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { liveKatexOptions } from '../../../../src/math/katexOptions';
import {
  cancellationLine,
  DERIVATION_STEPS,
  descentLine,
  lossLine,
  productLine,
  softmaxCrossEntropyStartFormulas,
} from '../../../../src/chapters/softmax-cross-entropy/crossEntropyFormula';
import { crossEntropyGradient, gradientStep } from '../../../../src/chapters/softmax-cross-entropy/crossEntropyGradientMath';

const render = (tex: string) => katex.renderToString(tex, { ...liveKatexOptions(false), throwOnError: true });
const input = (logits: number[], labels: number[], j: number) => ({ numbers: crossEntropyGradient(logits, labels), labels, j });

const STATES: [number[], number[]][] = [
  [[2, 3, 4], [0, 1, 0]],
  [[-10, 10], [0.5, 0.5]],
  [[1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0, 0, 0, 1, 0]],
  [[0, 0, 0, 0, 0, 0], [0.1, 0.2, 0.3, 0.1, 0.2, 0.1]],
];

describe('the derivation lines', () => {
  it('every piece of every line typesets without a KaTeX error, for 2 to 8 classes and soft labels', () => {
    for (const [logits, labels] of STATES) {
      for (let j = 0; j < logits.length; j++) {
        for (const { line } of DERIVATION_STEPS) {
          for (const tex of line(input(logits, labels, j)).tex) expect(render(tex)).not.toContain('katex-error');
        }
      }
    }
  });

  it('the starting formulas typeset without a KaTeX error', () => {
    for (const { tex } of softmaxCrossEntropyStartFormulas()) expect(render(tex)).not.toContain('katex-error');
  });

  it('lossLine at [2, 3, 4], y = [0, 1, 0] reads L = −(0 ln 0.090 + 1 ln 0.245 + 0 ln 0.665) = 1.408, in ln throughout', () => {
    // L = −ln p2 = ln(1 + e + e²) − 1
    const L = Math.log(1 + Math.E + Math.E ** 2) - 1;
    expect(lossLine(input([2, 3, 4], [0, 1, 0], 1)).text).toBe(
      `L = minus the sum over i of y_i ln p_i = −(0 × ln 0.090 + 1 × ln 0.245 + 0 × ln 0.665) = ${L.toFixed(3)}`,
    );
    for (const tex of lossLine(input([2, 3, 4], [0, 1, 0], 1)).tex) expect(tex).not.toContain('\\log');
  });

  it('lossLine with eight classes and a hard label writes out only the true class', () => {
    const text = lossLine(input([1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0, 0, 0, 1, 0], 6)).text;
    expect(text).toContain('= −(1 × ln ');
    expect(text).toContain('(the classes with y = 0 add nothing)');
  });

  it('productLine and cancellationLine end in the same number, p2 − 1 = −0.755', () => {
    const f = input([2, 3, 4], [0, 1, 0], 1);
    const p2 = Math.E / (1 + Math.E + Math.E ** 2);
    const shown = `−${(1 - p2).toFixed(3)}`;
    expect(productLine(f).text.endsWith(`= ${shown}`)).toBe(true);
    expect(cancellationLine(f).text.endsWith(`p2 − y2 = ${shown}`)).toBe(true);
  });

  it('productLine never writes "a · −b": a tiny negative factor, −4.25 × 10⁻¹⁸, is in parentheses too', () => {
    const f = input([10, -10, -10, -10, -10, -10, -10, -10], [1, 0, 0, 0, 0, 0, 0, 0], 1);
    const text = productLine(f).text;
    expect(text).toContain('× −4.25 × 10⁻¹⁸');
    const pieces = productLine(f).tex.join(' ');
    expect(pieces).toMatch(/\\cdot \(\\term\{J-3-2\}\{-/);
    expect(pieces).not.toMatch(/\\cdot \\term\{[^}]*\}\{-/);
  });

  it('descentLine writes z − η(p − y) with the next logits', () => {
    const logits = [2, 3, 4];
    const { gradient } = crossEntropyGradient(logits, [0, 1, 0]);
    const next = gradientStep(logits, [0, 1, 0], 0.5);
    const { text, tex } = descentLine({ logits, gradient, learningRate: 0.5, next });
    expect(text).toMatch(/^z′ = z − η \(p − y\) = \[2\.00, 3\.00, 4\.00\] − 0\.5 × \[/);
    for (const t of tex) expect(render(t)).not.toContain('katex-error');
  });
});
