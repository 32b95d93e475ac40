import { describe, expect, it } from 'vitest';
import {
  derivativeText,
  formatStep,
  gradientCheckStartFormulas,
  gradientCheckTex,
  gradientCheckText,
  smallText,
  stepDigits,
} from '../../../../src/chapters/gradient-check/gradientCheckFormula';
import { estimateAt, logitQuantity, weightQuantity } from '../../../../src/chapters/gradient-check/gradientCheckMath';

describe('gradientCheckFormula', () => {
  it('formatStep shows h to three significant digits, fixed or scientific', () => {
    expect(formatStep(0.1)).toBe('0.100');
    expect(formatStep(10 ** -1.25)).toBe('0.0562');
    expect(formatStep(10 ** -3.25)).toBe('0.000562');
    expect(formatStep(1e-4)).toBe('1.00 × 10⁻⁴');
    expect(formatStep(1e-16)).toBe('1.00 × 10⁻¹⁶');
    expect(stepDigits(1e-2)).toBe(4);
  });

  it('the central float64 formula at h = 10⁻⁴ writes out f(3 ± h), 2h, the estimate and its error', () => {
    const q = logitQuantity([2, 3, 4], [0, 1, 0], 1);
    const e = estimateAt(q, 1e-4, 'central', 'float64');
    const tex = gradientCheckTex(q, e);
    const f = (x: number) => Math.log(Math.exp(2) + Math.exp(x) + Math.exp(4)) - x;
    expect(tex.quotient[0]).toContain('\\frac{f(z_{2} + h) - f(z_{2} - h)}{2h}');
    expect(tex.quotient[1]).toContain(f(3 + 1e-4).toFixed(14));
    expect(tex.quotient[1]).toContain('2 \\times \\term{h-step}{1.00 \\times {10}^{-4}}');
    expect(tex.error[1]).toContain('\\term{err-central-float64}');
    const text = gradientCheckText(q, e);
    expect(text).toContain('Central difference in float64 for the loss as a function of z₂, h = 1.00 × 10⁻⁴: (f(z₂ + h) − f(z₂ − h)) / 2h');
    expect(text).not.toMatch(/NaN/);
  });

  it('a zero estimate reads "0", and its error "1.00"; a zero error reads "0 (exactly)"', () => {
    const q = logitQuantity([2, 3, 4], [0, 1, 0], 1);
    const lost = estimateAt(q, 1e-8, 'central', 'float32');
    expect(gradientCheckTex(q, lost).quotient[2]).toContain('\\frac{0}{');
    expect(gradientCheckText(q, lost)).toContain('relative error 1.00');
    const exact = { ...lost, error: 0 };
    expect(gradientCheckText(q, exact)).toContain('relative error 0 (exactly)');
  });

  it('gradientCheckStartFormulas: 6 pieces for each of the 4 scheme-precision pairs', () => {
    const formulas = gradientCheckStartFormulas();
    expect(formulas.length).toBe(24);
    expect(formulas.every((f) => !f.tex.includes('NaN'))).toBe(true);
  });

  it('a derivative reads ten decimals from 10⁻⁴ up, and eight significant digits below, so a tiny entry keeps its digits', () => {
    expect(derivativeText(-0.7552715289452023)).toBe('−0.7552715289');
    expect(derivativeText(0)).toBe('0');
    // e⁻²⁰ = 2.0611536…·10⁻⁹, which ten decimals would show as 0.0000000021
    expect(derivativeText(2.061153618190204e-9)).toBe('2.0611536 × 10⁻⁹');
    expect(derivativeText(-2.061153618190204e-9, true)).toBe('-2.0611536 \\times {10}^{-9}');
    expect(derivativeText(-5e-5)).toBe('−5.0000000 × 10⁻⁵');
    expect(derivativeText(Infinity)).toBe('∞');
  });

  it('smallText: two significant digits, scientific below 0.1, "0" for an exact zero', () => {
    expect(smallText(1.8e-11)).toBe('1.8 × 10⁻¹¹');
    expect(smallText(0.0089)).toBe('8.9 × 10⁻³');
    expect(smallText(0)).toBe('0');
    expect(smallText(0.25)).toBe('0.25');
  });

  it('a weight is written as chapter 8 writes it: (W₂)₁₆,₁ in text, (W_{2})_{16,1} in the formula', () => {
    const q = weightQuantity('w2', 15, 0);
    const e = estimateAt(q, 1e-4, 'central', 'float64');
    expect(gradientCheckTex(q, e).quotient[0]).toContain('\\frac{f((W_{2})_{16,1} + h) - f((W_{2})_{16,1} - h)}{2h}');
    expect(gradientCheckText(q, e)).toContain('for the weight (W₂)₁₆,₁, h = 1.00 × 10⁻⁴: (f((W₂)₁₆,₁ + h) − f((W₂)₁₆,₁ − h)) / 2h');
  });
});
