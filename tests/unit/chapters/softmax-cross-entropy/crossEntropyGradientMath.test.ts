import { describe, expect, it } from 'vitest';
import {
  chainRulePaths,
  chainRuleProduct,
  checkGradient,
  crossEntropyGradient,
  diagonalEntryChecks,
  entryAgrees,
  gradientStep,
  probabilityGradient,
  relativeError,
} from '../../../../src/chapters/softmax-cross-entropy/crossEntropyGradientMath';

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

describe('the diagonal-only mistake', () => {
  it('crossEntropyGradient([2, 3, 4], [0, 1, 0]).diagonalOnly is [0, p2 − 1, 0]: right for the true class only', () => {
    const { diagonalOnly } = crossEntropyGradient([2, 3, 4], [0, 1, 0]);
    expect(diagonalOnly[0]).toBe(0);
    expect(diagonalOnly[1]).toBeCloseTo((P[1] ?? NaN) - 1, 15);
    expect(diagonalOnly[2]).toBe(0);
  });

  it('with a soft label it is −y_j(1 − p_j), short of p_j − y_j by p_j(1 − y_j) in every entry', () => {
    const y = [0.2, 0.5, 0.3];
    const { diagonalOnly, gradient } = crossEntropyGradient([2, 3, 4], y);
    P.forEach((p, j) => {
      const yj = y[j] ?? NaN;
      expect(diagonalOnly[j]).toBeCloseTo(-yj * (1 - p), 15);
      expect((gradient[j] ?? NaN) - (diagonalOnly[j] ?? NaN)).toBeCloseTo(p * (1 - yj), 15);
    });
  });

  it('central differences reject it (relative error 0.664 at the worked example) and accept p − y', () => {
    const g = crossEntropyGradient([2, 3, 4], [0, 1, 0]);
    const q = (P[0] ?? 0) ** 2 + (P[2] ?? 0) ** 2;
    const wrong = checkGradient(g.diagonalOnly, g.numerical);
    expect(wrong.relative).toBeCloseTo(Math.sqrt(q / ((1 - (P[1] ?? 0)) ** 2 + q)), 9);
    expect(wrong.passes).toBe(false);
    expect(checkGradient(g.gradient, g.numerical).passes).toBe(true);
  });

  it('diagonalEntryChecks: at the worked example class 2 passes (y2 = 1) and classes 1 and 3 fail, short by p1 and p3', () => {
    const entries = diagonalEntryChecks(crossEntropyGradient([2, 3, 4], [0, 1, 0]), [0, 1, 0]);
    expect(entries.map((e) => e.verdict)).toEqual(['fails', 'passes', 'fails']);
    expect(entries.map((e) => e.short)).toEqual([P[0], 0, P[2]].map((v) => expect.closeTo(v ?? NaN, 15)));
  });

  it('diagonalEntryChecks: an entry the check lets through is "tolerated", not "passes", unless y_j = 1', () => {
    // z = [10, −10, −10], y = [1, 0, 0] softened once: entries 2 and 3 are −0.0333 against an estimate 2 × 10⁻⁹ away
    const y = [0.9 + 0.1 / 3, 0.1 / 3, 0.1 / 3];
    const g = crossEntropyGradient([10, -10, -10], y);
    expect(Array.from(g.diagonalOnly, (d, j) => entryAgrees(d, g.numerical[j] ?? NaN))).toEqual([false, true, true]);
    const entries = diagonalEntryChecks(g, y);
    expect(entries.map((e) => e.verdict)).toEqual(['fails', 'tolerated', 'tolerated']);
    const p2 = Math.exp(-20) / (1 + 2 * Math.exp(-20));
    expect(entries[1]?.short).toBeCloseTo(p2 * (29 / 30), 20);
    expect(entries[1]?.short).toBeGreaterThan(1.9e-9);
  });
});

describe('chainRulePaths', () => {
  it('chainRulePaths(worked example, j = 1) has three paths, the diagonal one i = 1, only the path through p2 nonzero: y2·p1', () => {
    const paths = chainRulePaths(crossEntropyGradient([2, 3, 4], [0, 1, 0]), 0);
    expect(paths.map((p) => p.diagonal)).toEqual([true, false, false]);
    expect(paths.map((p) => p.i)).toEqual([0, 1, 2]);
    expect(paths[0]?.product).toBe(0);
    expect(Object.is(paths[0]?.product, -0)).toBe(false);
    expect(paths[1]?.product).toBeCloseTo(P[0] ?? NaN, 15);
    expect(paths[1]?.upstream).toBeCloseTo(-1 / (P[1] ?? NaN), 14);
    expect(paths[1]?.local).toBeCloseTo(-(P[1] ?? NaN) * (P[0] ?? NaN), 15);
    expect(paths[2]?.product).toBe(0);
  });

  it('the paths of every component add up to the chain rule, p_j − y_j, for a soft label', () => {
    const y = [0.2, 0.5, 0.3];
    const numbers = crossEntropyGradient([2, 3, 4], y);
    for (let j = 0; j < 3; j++) {
      const paths = chainRulePaths(numbers, j);
      expect(paths.reduce((s, p) => s + p.product, 0)).toBeCloseTo((P[j] ?? NaN) - (y[j] ?? NaN), 15);
      // off the diagonal each is y_i p_j; on it, −y_j(1 − p_j)
      paths.forEach((p) => expect(p.product).toBeCloseTo(p.diagonal ? -(y[j] ?? 0) * (1 - (P[j] ?? 0)) : (y[p.i] ?? 0) * (P[j] ?? 0), 15));
    }
  });
});

describe('checkGradient and entryAgrees', () => {
  it('checkGradient passes a soft label that p nearly matches through its absolute part alone', () => {
    // y = softmax([0.3, −1.2, 2]) to 6 decimals, normalised: p − y is below 10⁻⁶ in every entry
    const w = [0.149319, 0.033318, 0.817364];
    const total = w.reduce((a, b) => a + b, 0);
    const g = crossEntropyGradient([0.3, -1.2, 2], w.map((v) => v / total));
    const check = checkGradient(g.gradient, g.numerical);
    expect(check.relative).toBeGreaterThan(1e-6);
    expect(check.absolute).toBeLessThan(1e-11);
    expect(check.passes).toBe(true);
  });

  it('checkGradient passes a relative error up to 1e-6, or a largest gap up to 1e-9', () => {
    expect(checkGradient([1, -1], [1 + 0.9e-6, -1]).passes).toBe(true);
    expect(checkGradient([1, -1], [1 + 1.5e-6, -1]).passes).toBe(false);
    expect(checkGradient([1e-6, 0], [1e-6 + 0.9e-9, 0]).passes).toBe(true);
    expect(checkGradient([1e-6, 0], [1e-6 + 2e-9, 0]).passes).toBe(false);
  });

  it('entryAgrees(0, 2.9e-10) is false: an entry is judged relatively, with no absolute allowance', () => {
    expect(entryAgrees(0, 2.9e-10)).toBe(false);
    expect(entryAgrees(0, 0)).toBe(true);
    expect(entryAgrees(-0.5, -0.5 * (1 + 5e-7))).toBe(true);
    expect(entryAgrees(-0.5, -0.5 * (1 + 2e-6))).toBe(false);
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
