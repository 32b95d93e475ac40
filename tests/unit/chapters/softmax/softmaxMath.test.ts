import { describe, expect, it } from 'vitest';
import { softmax } from '../../../../src/core';
import { shiftNote, smoothMaximum, softmaxChecks } from '../../../../src/chapters/softmax/softmaxMath';

const E = Math.E;

describe('smoothMaximum', () => {
  it('smoothMaximum([2, 3, 4], 1) is ln(e² + e³ + e⁴) = 4 + ln(1 + e⁻¹ + e⁻²), above max z by ln(1 + e⁻¹ + e⁻²)', () => {
    const s = smoothMaximum([2, 3, 4], 1);
    const gap = Math.log1p(1 / E + 1 / (E * E));
    expect(s.max).toBe(4);
    expect(s.gap).toBeCloseTo(gap, 15);
    expect(s.value).toBeCloseTo(Math.log(E ** 2 + E ** 3 + E ** 4), 14);
    expect(s.bound).toBe(Math.log(3));
  });

  it('at T = 0.1 and logits 20 apart the gap is T·e⁻²⁰⁰, kept to its own digits though max z + gap rounds to max z', () => {
    const s = smoothMaximum([-10, 10], 0.1);
    expect(s.gap / (0.1 * Math.exp(-200))).toBeCloseTo(1, 12);
    expect(s.value).toBe(10);
  });

  it('equal logits reach the bound T ln C', () => {
    expect(smoothMaximum([1, 1, 1, 1], 2).gap).toBeCloseTo(2 * Math.log(4), 14);
  });
});

describe('softmaxChecks', () => {
  it('at the worked example every check holds', () => {
    const c = softmaxChecks([2, 3, 4], 1, softmax([2, 3, 4]));
    expect(c.sumGap).toBeLessThan(1e-15);
    expect(c.sameOrder).toBe(true);
    expect(c.shiftGap).toBe(0);
    expect(c.smoothOk).toBe(true);
  });

  it('the smooth maximum is computed from z, whatever probabilities the checks are given', () => {
    const c = softmaxChecks([2, 3, 4], 1, [0.2, 0.3, 0.5]);
    expect(c.smoothOk).toBe(true);
    expect(c.sameOrder).toBe(true);
  });
});

describe('shiftNote', () => {
  it('an exact shift says the probabilities did not change', () => {
    expect(shiftNote(1, softmax([2, 3, 4]), softmax([3, 4, 5]))).toBe('Added 1 to every logit: the probabilities did not change.');
    expect(shiftNote(-1, softmax([2, 3, 4]), softmax([1, 2, 3]))).toBe('Subtracted 1 from every logit: the probabilities did not change.');
  });

  it('a change in the last bits is named, with its size', () => {
    expect(shiftNote(1, [0.5, 0.5], [0.5 + 2 ** -53, 0.5 - 2 ** -53])).toBe(
      'Added 1 to every logit: the probabilities did not change, except by 1.1 × 10⁻¹⁶ in their last binary digits ' +
        '(a logit such as 2.1 is not exactly a binary number, so the shift is not exactly 1).',
    );
  });

  it('a real change is not called rounding', () => {
    expect(shiftNote(1, [0.5, 0.5], [0.6, 0.4])).toBe('Added 1 to every logit: the probabilities changed by up to 0.10.');
  });
});
