import { describe, expect, it } from 'vitest';
import {
  chainRuleProduct,
  crossEntropyGradient,
  gradientStep,
  probabilityGradient,
  relativeError,
} from '../../src/widgets/crossEntropyGradientMath';

// z = [2, 3, 4]: p = [1, e, e²] / (1 + e + e²), by hand
const E = Math.E;
const D = 1 + E + E * E;
const P = [1 / D, E / D, (E * E) / D];

describe('crossEntropyGradient', () => {
  it('crossEntropyGradient([2, 3, 4], [0, 1, 0]) has L = −log p2 and gradient [p1, p2 − 1, p3]', () => {
    const g = crossEntropyGradient([2, 3, 4], [0, 1, 0]);
    expect(g.loss).toBeCloseTo(Math.log(D) - 1, 14);
    expect(Array.from(g.gradient)).toEqual([P[0], (P[1] ?? 0) - 1, P[2]].map((v) => expect.closeTo(v ?? NaN, 14)));
  });

  it('the chain rule Jᵀ(−y ⊘ p) equals p − y for a soft label', () => {
    const y = [0.2, 0.5, 0.3];
    const g = crossEntropyGradient([2, 3, 4], y);
    P.forEach((p, i) => {
      expect(g.chainRule[i]).toBeCloseTo(p - (y[i] ?? 0), 14);
      expect(g.gradient[i]).toBeCloseTo(p - (y[i] ?? 0), 14);
    });
  });

  it('central differences agree with p − y to a relative error below 1e-8', () => {
    const g = crossEntropyGradient([-1.5, 0.3, 2.2, 0.7], [0, 0, 0, 1]);
    expect(relativeError(g.gradient, g.numerical)).toBeLessThan(1e-8);
  });
});

describe('probabilityGradient', () => {
  it('probabilityGradient(p, [0, 1, 0]) is [0, −1/p2, 0]', () => {
    expect(Array.from(probabilityGradient(P, [0, 1, 0]))).toEqual([0, -1 / (P[1] ?? NaN), 0]);
  });
});

describe('chainRuleProduct', () => {
  it('chainRuleProduct(v, J) sums v_i J_ij down each column', () => {
    const J = [
      [1, 2],
      [3, 4],
    ];
    expect(Array.from(chainRuleProduct([10, 100], J))).toEqual([310, 420]);
  });
});

describe('relativeError', () => {
  it('relativeError(g, −g) is 2 and relativeError(0, 0) is 0', () => {
    expect(relativeError([0.3, -0.4], [-0.3, 0.4])).toBeCloseTo(2, 15);
    expect(relativeError([0, 0], [0, 0])).toBe(0);
  });
});

describe('gradientStep', () => {
  it('gradientStep([2, 3, 4], [0, 1, 0], 1) is z − (p − y) and lowers the loss', () => {
    const next = gradientStep([2, 3, 4], [0, 1, 0], 1);
    const expected = [2 - (P[0] ?? 0), 3 - ((P[1] ?? 0) - 1), 4 - (P[2] ?? 0)];
    next.forEach((z, i) => expect(z).toBeCloseTo(expected[i] ?? NaN, 14));
    expect(crossEntropyGradient(next, [0, 1, 0]).loss).toBeLessThan(Math.log(D) - 1);
  });
});
