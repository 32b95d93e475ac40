import { describe, expect, it } from 'vitest';
import { logisticLossGrad, symmetricEigenvalues } from '../../src/core';
import { logisticCrossEntropyHessian } from '../../src/core/logisticRegression';
import { blobs, expectRelClose, fc } from './helpers';

const weights = fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 3, maxLength: 3 });
const dataSet = fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 30 })).map(([seed, n]) => blobs(seed, n, 0.9));

describe('logisticCrossEntropyHessian', () => {
  it('column k is the central difference of logisticLossGrad along w_k (h = 10⁻⁵)', () => {
    fc.assert(
      fc.property(weights, dataSet, (w, { X, t }) => {
        const H = logisticCrossEntropyHessian(w, X);
        const h = 1e-5;
        for (let k = 0; k < 3; k++) {
          const up = w.slice();
          const down = w.slice();
          up[k]! += h;
          down[k]! -= h;
          const gUp = logisticLossGrad(up, X, t, 'cross-entropy');
          const gDown = logisticLossGrad(down, X, t, 'cross-entropy');
          const column = Array.from({ length: 3 }, (_, r) => (gUp[r]! - gDown[r]!) / (2 * h));
          expectRelClose(
            H.map((row) => row[k]!),
            column,
            1e-6,
            1e-9,
          );
        }
      }),
    );
  });

  it('by hand: points (1, 0) and (0, 2) at w = 0 give H = ⅛·[[1, 0, 1], [0, 4, 2], [1, 2, 2]], eigenvalues 0 and (7 ± √13)/16', () => {
    // σ'(0) = ¼ for both points; H = ½·¼·(x̃₁x̃₁ᵀ + x̃₂x̃₂ᵀ), x̃₁ = (1, 0, 1), x̃₂ = (0, 2, 1). Every entry is exact.
    const H = logisticCrossEntropyHessian([0, 0, 0], Float64Array.of(1, 0, 0, 2));
    expect(H.map((row) => Array.from(row))).toEqual([
      [1 / 8, 0, 1 / 8],
      [0, 4 / 8, 2 / 8],
      [1 / 8, 2 / 8, 2 / 8],
    ]);
    // det(A − λI) for A = 8H is −λ³ + 7λ² − 9λ = −λ(λ² − 7λ + 9): two points span a plane, so one eigenvalue is 0
    const values = symmetricEigenvalues(H);
    expectRelClose(values.subarray(1), [(7 - Math.sqrt(13)) / 16, (7 + Math.sqrt(13)) / 16], 1e-14);
    expect(Math.abs(values[0]!)).toBeLessThan(1e-16);
  });

  it('by hand: at w = (ln 3, 0, 0), the point (1, 0) has σ = ¾ and weight σ(1 − σ) = 3/16; the point (0, 1) has ¼', () => {
    const H = logisticCrossEntropyHessian([Math.log(3), 0, 0], Float64Array.of(1, 0, 0, 1));
    // ½·(3/16·(1, 0, 1)(1, 0, 1)ᵀ + ¼·(0, 1, 1)(0, 1, 1)ᵀ)
    const expected = [
      [3 / 32, 0, 3 / 32],
      [0, 1 / 8, 1 / 8],
      [3 / 32, 1 / 8, 3 / 32 + 1 / 8],
    ];
    H.forEach((row, r) => expectRelClose(row, expected[r]!, 1e-15, 1e-17));
  });

  it('is symmetric and positive semidefinite, and does not depend on the labels', () => {
    fc.assert(
      fc.property(weights, dataSet, (w, { X }) => {
        const H = logisticCrossEntropyHessian(w, X);
        for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) expect(H[r]![c]).toBe(H[c]![r]);
        const values = symmetricEigenvalues(H);
        expect(values[0]!).toBeGreaterThanOrEqual(-1e-15 * Math.max(1e-300, values[2]!));
        // a mean of outer products weighted by σ'(z) ≤ ¼: the bias entry is in [0, ¼]
        expect(H[2]![2]).toBeGreaterThanOrEqual(0);
        expect(H[2]![2]).toBeLessThanOrEqual(0.25);
      }),
    );
  });

  it('keeps full relative accuracy where the sigmoid saturates: z = 40 gives e⁻⁴⁰/(1 + e⁻⁴⁰)², not 0', () => {
    const H = logisticCrossEntropyHessian([40, 0, 0], Float64Array.of(1, 0));
    const e = Math.exp(-40);
    expectRelClose([H[2]![2]!], [e / (1 + e) ** 2], 1e-14);
    // σ(z)(1 − σ(z)) in floating point would round 1 − σ(40) to 0 here (σ(40) rounds to 1)
    expect(1 - 1 / (1 + e)).toBe(0);
  });

  it('RangeError for w not of length 3 or X of odd length; NaN for no points or NaN in', () => {
    expect(() => logisticCrossEntropyHessian([1, 2], Float64Array.of(1, 2))).toThrow(/w has length 2 but must be \[w1, w2, b\]/);
    expect(() => logisticCrossEntropyHessian([0, 0, 0], Float64Array.of(1, 2, 3))).toThrow(RangeError);
    expect(() => logisticCrossEntropyHessian([0, 0, 0], Float64Array.of(1, 2, 3))).toThrow(/X has length 3, not n × 2/);
    expect(logisticCrossEntropyHessian([0, 0, 0], new Float64Array(0)).flatMap((row) => Array.from(row)).every(Number.isNaN)).toBe(true);
    expect(logisticCrossEntropyHessian([NaN, 0, 0], Float64Array.of(1, 2)).flatMap((row) => Array.from(row)).every(Number.isNaN)).toBe(true);
  });
});
