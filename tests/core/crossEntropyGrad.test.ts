import { describe, expect, it } from 'vitest';
import { crossEntropy, crossEntropyGrad, numericalGradient, softmax } from '../../src/core';
import { add, big, div, exp, ONE, toNumber } from './reference/bigFloat';
import { expectGradientMatches, expectRelClose, expectUlpClose, fc, GRADIENT_CHECK } from './helpers';
import { crossEntropyCase, logitMatrix, type CrossEntropyCase } from './arbitraries';

/** The loss as a function of the flattened logits, summed for 'none' (what the gradient is of). */
function flatLoss({ logits, target, options }: CrossEntropyCase) {
  const c = (logits[0] as number[]).length;
  return (flat: Float64Array) => {
    const rows = logits.map((_, n) => Array.from(flat.subarray(n * c, (n + 1) * c)));
    const value = crossEntropy(rows, target, options);
    return typeof value === 'number' ? value : value.reduce((s, v) => s + v, 0);
  };
}

describe('crossEntropyGrad', () => {
  it('crossEntropyGrad(z, t) equals (softmax(z) − onehot(t))/N for a plain mean', () => {
    fc.assert(
      fc.property(
        logitMatrix(20).chain((z) =>
          fc.tuple(fc.constant(z), fc.array(fc.nat((z[0] as number[]).length - 1), { minLength: z.length, maxLength: z.length })),
        ),
        ([z, t]) => {
          const g = crossEntropyGrad(z, t);
          z.forEach((row, n) => {
            const p = softmax(row);
            const expected = Array.from(p, (v, c) => (v - (c === t[n] ? 1 : 0)) / z.length);
            expectRelClose(g[n] as Float64Array, expected, 1e-14, 1e-16);
          });
        },
      ),
    );
  });

  it('crossEntropyGrad agrees with central differences for every option combination', () => {
    fc.assert(
      fc.property(crossEntropyCase(logitMatrix(6)), (testCase) => {
        const flat = testCase.logits.flat();
        if (Number.isNaN(flatLoss(testCase)(Float64Array.from(flat)))) return; // all ignored: tested below
        const numeric = numericalGradient(flatLoss(testCase), flat, GRADIENT_CHECK.step);
        const analytic = crossEntropyGrad(testCase.logits, testCase.target, testCase.options).flatMap((r) => Array.from(r));
        const scale = Math.max(1, ...analytic.map(Math.abs));
        expectGradientMatches(analytic, numeric, 1e-9 * scale);
      }),
      { numRuns: 250 },
    );
  });

  it('crossEntropyGrad([[0, 0, 0]], y) = p − y within 1 ulp for y = (3/4, 1/4, 0) and (5/16, 11/16, 0)', () => {
    // p = (1/3, 1/3, 1/3), so p − y = (1/3 − 3/4, 1/3 − 1/4, 1/3). p_j = 1/3 is not a double, and the
    // products p_j·Σa and a_j·Σp round; their rounding errors must be kept, not dropped or flipped.
    const g = crossEntropyGrad([[0, 0, 0]], [[0.75, 0.25, 0]])[0] as Float64Array;
    expectUlpClose(g, [-5 / 12, 1 / 12, 1 / 3], 1);
    // and with y = (5/16, 11/16, 0): p − y = (1/48, −17/48, 1/3), where 1/3 − 5/16 cancels 4 bits.
    expectUlpClose(crossEntropyGrad([[0, 0, 0]], [[0.3125, 0.6875, 0]])[0] as Float64Array, [1 / 48, -17 / 48, 1 / 3], 1);
  });

  it('crossEntropyGrad([[0, 40]], [1]) = [q, −q] with q = e^-40/(1 + e^-40) to full precision', () => {
    const e = exp(big(-40));
    const q = toNumber(div(e, add(ONE, e)));
    const g = crossEntropyGrad([[0, 40]], [1]);
    expectUlpClose(g[0] as Float64Array, [q, -q], 2);
  });

  it('crossEntropyGrad gives ignored rows zero gradient, also when every row is ignored', () => {
    const g = crossEntropyGrad([[1, 2], [3, 4]], [0, -100], { labelSmoothing: 0.3 });
    expect(Array.from(g[1] as Float64Array)).toEqual([0, 0]);
    const all = crossEntropyGrad([[1, 2], [3, 4]], [-100, -100]);
    expect(all.flatMap((r) => Array.from(r))).toEqual([0, 0, 0, 0]);
  });

  it('crossEntropyGrad is NaN in every entry of a kept row when the mean divides by a zero weight sum, with or without smoothing', () => {
    // PyTorch: nll_loss backward writes w_t·(−g/0) = 0·∞ = nan at each kept target; log_softmax's
    // backward subtracts p_j·Σ_k, so the whole row is nan; an ignored row stays 0.
    const z = [[1, 2, 3], [0, 1, 0], [2, 0, 1]];
    for (const labelSmoothing of [0, 0.2, 1]) {
      const g = crossEntropyGrad(z, [0, 0, -100], { weight: [0, 0.5, 1], labelSmoothing });
      expect(g.slice(0, 2).every((row) => row.every(Number.isNaN)), `ε = ${labelSmoothing}`).toBe(true);
      expect(Array.from(g[2] as Float64Array)).toEqual([0, 0, 0]);
    }
    // Negative class weights that cancel: the kept rows' a_n ≠ 0, so (p·A − a)/0 would be ±∞ (and
    // PyTorch's backward gives [nan, +∞], [−∞, nan]); a mean over a zero denominator is not a number.
    const cancelling = crossEntropyGrad([[0, 0], [0, 0]], [0, 1], { weight: [1, -1] });
    expect(cancelling.every((row) => row.every(Number.isNaN))).toBe(true);
    // 'sum' has no denominator: finite
    const sum = crossEntropyGrad(z, [0, 0, -100], { weight: [0, 0.5, 1], labelSmoothing: 0.2, reduction: 'sum' });
    expect(sum.every((row) => row.every(Number.isFinite))).toBe(true);
  });

  it('crossEntropyGrad of a masked class with zero target weight is 0, and finite for huge logits', () => {
    expect(Array.from(crossEntropyGrad([[0, -Infinity]], [0])[0] as Float64Array)).toEqual([0, 0]);
    const g = crossEntropyGrad([[1e308, -1e308, 0]], [1], { labelSmoothing: 0.1 });
    expect((g[0] as Float64Array).every(Number.isFinite)).toBe(true);
    const sum = (g[0] as Float64Array).reduce((s, v) => s + v, 0);
    expect(Math.abs(sum)).toBeLessThan(1e-15);
  });

  it('crossEntropyGrad rows sum to 0 (up to rounding of terms of size ≤ 1) for class-index targets without weight', () => {
    fc.assert(
      fc.property(crossEntropyCase(logitMatrix()), ({ logits, target, options }) => {
        const { weight: _unused, ...unweighted } = options;
        if (typeof target[0] === 'object') return; // probability rows need not sum to exactly 1
        crossEntropyGrad(logits, target, unweighted).forEach((row) => {
          const magnitude = row.reduce((s, v) => s + Math.abs(v), 0);
          // Each entry p_j·A − a_j (A = 1 here) may cancel, so rounding is relative to 1, not to |g_j|.
          expect(Math.abs(row.reduce((s, v) => s + v, 0))).toBeLessThanOrEqual(8 * 2 ** -52 * (magnitude + 1));
        });
      }),
    );
  });
});
