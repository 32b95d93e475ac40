import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { softmax } from '../../../../src/core';
import { liveKatexOptions } from '../../../../src/math/katexOptions';
import {
  informationStartFormulas,
  informationTex,
  informationText,
  printedRelation,
  shownValue,
} from '../../../../src/chapters/information/informationFormula';
import { informationMeasures, type InformationUnit } from '../../../../src/chapters/information/informationMath';

const E = Math.E;

function input(labels: number[], probabilities: number[], unit: InformationUnit) {
  return { labels, probabilities, unit, measures: informationMeasures(labels, probabilities, unit) };
}

describe('informationTex', () => {
  it('for y = [0, 1, 0] writes H(y, p) as the single term −y2 log₂ p2', () => {
    const tex = informationTex(input([0, 1, 0], Array.from(softmax([2, 3, 4])), 'bits'));
    // p2 = e / (1 + e + e²) = 0.2447…
    expect(tex.crossEntropy[1]).toBe('\\displaystyle {} = -\\term{y-2}{1.000}\\,\\log_2 \\term{p-2}{0.245}');
    const h = Math.log2((1 + E + E * E) / E).toFixed(3);
    // −log₂ 0.245 is 2.029, not the 2.031 that −log₂ p2 rounds to: the printed arithmetic is only approximate
    expect(-Math.log2(0.245)).toBeCloseTo(2.0291, 4);
    expect(tex.crossEntropy[2]).toBe(`\\displaystyle {} \\approx ${h}\\ \\text{bits}`);
    expect(tex.kl[1]).toBe(`\\displaystyle {} = ${h} - 0.000 = ${h}\\ \\text{bits}`);
  });

  it('writes ln in nats, and abbreviates a sum of more than three terms', () => {
    const y = [0.25, 0.25, 0.25, 0.25];
    const tex = informationTex(input(y, y, 'nats'));
    expect(tex.crossEntropy[0]).toContain('\\ln p_i');
    expect(tex.crossEntropy[1]).toContain('\\cdots');
    expect(tex.crossEntropy[1]).toContain('\\term{y-4}{0.250}');
    expect(tex.crossEntropy[1]).not.toContain('\\term{y-3}');
  });

  it('an infinite cross-entropy is typeset as ∞, never NaN', () => {
    const tex = informationTex(input([0.5, 0.5], [1, 0], 'bits'));
    expect(tex.crossEntropy[2]).toBe('\\displaystyle {} = \\infty\\ \\text{bits}');
    expect(tex.kl[1]).toContain('= \\infty - 1.000 = \\infty');
    expect(tex.kl.join(' ')).not.toMatch(/NaN|undefined/);
  });

  it('every piece typesets without a KaTeX error, in both units', () => {
    for (const unit of ['bits', 'nats'] as const) {
      for (const [y, p] of [
        [[0, 1, 0], [0.2, 0.3, 0.5]],
        [[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]],
        [[0.5, 0.5], [1, 0]],
      ]) {
        const tex = informationTex(input(y ?? [], p ?? [], unit));
        for (const piece of [...tex.crossEntropy, ...tex.kl]) {
          expect(katex.renderToString(piece, liveKatexOptions(false))).not.toContain('katex-error');
        }
      }
    }
  });
});

describe('informationText', () => {
  it('states the formula with the numbers: H(y, p) = −(1.000 × log₂ 0.245) ≈ … bits (−log₂ 0.245 = 2.029)', () => {
    const text = informationText(input([0, 1, 0], Array.from(softmax([2, 3, 4])), 'bits'));
    const h = Math.log2((1 + E + E * E) / E).toFixed(3);
    expect(text).toBe(
      `H(y, p) = −Σ y_i log₂ p_i = −(1.000 × log₂ 0.245) ≈ ${h} bits. KL(y‖p) = H(y, p) − H(y) = ${h} − 0.000 = ${h} bits.`,
    );
  });
});

describe('informationStartFormulas', () => {
  it('lists the five pieces of the starting state in bits and in nats', () => {
    const formulas = informationStartFormulas();
    expect(formulas).toHaveLength(10);
    expect(formulas.some((f) => f.tex.includes('\\text{nats}'))).toBe(true);
    expect(formulas.some((f) => f.tex.includes('\\text{bits}'))).toBe(true);
  });
});

describe('shownValue and printedRelation', () => {
  it('shownValue reads a number back as printed: 0.2447 → 0.245, 4.1223e-9 → 4.12e-9, ∞ → ∞', () => {
    expect(shownValue(0.24472847, 3)).toBe(0.245);
    expect(shownValue(-1.4996, 2)).toBe(-1.5);
    expect(shownValue(4.1223e-9, 3)).toBe(4.12e-9);
    expect(shownValue(Math.LN2, 4)).toBe(0.6931);
    expect(shownValue(Infinity, 3)).toBe(Infinity);
    expect(shownValue(NaN, 3)).toBeNaN();
  });

  it('printedRelation: "=" when the arithmetic on printed numbers prints as the result, "≈" when not', () => {
    // 0.930 − 0.881 = 0.049, but the result printed is 0.048 (0.92961 − 0.88129)
    expect(printedRelation(0.93 - 0.881, 0.92961 - 0.88129, 3)).toBe('≈');
    expect(printedRelation(2.031 - 0, 2.0307, 3)).toBe('=');
    expect(printedRelation(5.95e-9 - 0, 5.9472e-9, 3)).toBe('=');
    expect(printedRelation(Infinity, Infinity, 3)).toBe('=');
    expect(printedRelation(Infinity, 1.2, 3)).toBe('≈');
  });
});
