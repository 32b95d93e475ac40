import { describe, expect, it } from 'vitest';
import { logSoftmax, logSumExp, softmax } from '../../src/core';
import { shiftedExponentials } from '../../src/core/softmax';
import { referenceLogSoftmax, referenceLogSumExp, referenceSoftmax } from './reference/reference';
import { expectUlpClose, fc } from './helpers';
import { extremeLogitVector, logitVector } from './arbitraries';

const temperatures = fc.constantFrom(0.05, 0.3, 1, 2.5, 7, 1000);

describe('softmax', () => {
  it('softmax([2, 3, 4]) is correctly rounded', () => {
    expectUlpClose(softmax([2, 3, 4]), [0.09003057317038046, 0.24472847105479764, 0.6652409557748219], 1);
  });

  it('softmax(z) sums to 1 within a few ulp and lies in [0, 1]', () => {
    fc.assert(
      fc.property(extremeLogitVector, (z) => {
        const p = softmax(z);
        const sum = p.reduce((s, v) => s + v, 0);
        return Math.abs(sum - 1) <= 4 * 2 ** -52 * z.length && p.every((v) => v >= 0 && v <= 1);
      }),
      { numRuns: 300 },
    );
  });

  it('softmax(z + c) equals softmax(z) (exact shifts give identical results)', () => {
    // z on a grid of 2^-20 and |z + c| < 2^30 keep every z_i + c exact, so the outputs must match bit for bit.
    const grid = fc.array(fc.integer({ min: -(2 ** 26), max: 2 ** 26 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(grid, fc.integer({ min: -(2 ** 28), max: 2 ** 28 }), temperatures, (k, shift, t) => {
        const z = k.map((v) => v * 2 ** -20);
        const shifted = z.map((v) => v + shift * 2 ** -10);
        expect(Array.from(softmax(shifted, t))).toEqual(Array.from(softmax(z, t)));
      }),
    );
  });

  it('softmax(z) is within 4 ulp of the high-precision reference on extreme logits', () => {
    fc.assert(
      fc.property(extremeLogitVector, (z) => expectUlpClose(softmax(z), referenceSoftmax(z), 4)),
      { numRuns: 150 },
    );
  });

  it('softmax(z, T) is within 4 ulp of the reference softmax(z/T)', () => {
    fc.assert(
      fc.property(extremeLogitVector, temperatures, (z, t) => expectUlpClose(softmax(z, t), referenceSoftmax(z, t), 4)),
      { numRuns: 100 },
    );
  });

  it('softmax([0, 40]) keeps the tiny probability e^-40/(1 + e^-40) to full precision', () => {
    expectUlpClose(softmax([0, 40]), referenceSoftmax([0, 40]), 2);
    expect(softmax([0, 40])[0]).toBeGreaterThan(4.24e-18);
  });

  it('softmax gives a masked (−∞) class probability 0 and ignores it otherwise', () => {
    const p = softmax([1, -Infinity, 2]);
    expect(p[1]).toBe(0);
    expectUlpClose([p[0] as number, p[2] as number], softmax([1, 2]), 0);
  });

  it('softmax of huge finite logits never gives NaN: softmax([1e308, -1e308]) = [1, 0]', () => {
    expect(Array.from(softmax([1e308, -1e308]))).toEqual([1, 0]);
    expect(Array.from(softmax([-1.7e308, 1.7e308, 1.7e308], 1e-300))).toEqual([0, 0.5, 0.5]);
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 5 }), (z) =>
        softmax(z).every((v) => !Number.isNaN(v)),
      ),
    );
  });

  it('softmax with NaN, a +∞ logit, or all −∞ gives all NaN (as PyTorch)', () => {
    for (const z of [[1, NaN, 2], [0, Infinity], [-Infinity, -Infinity]]) {
      expect(Array.from(softmax(z)).every(Number.isNaN)).toBe(true);
    }
    expect(Array.from(softmax([1, 2], NaN)).every(Number.isNaN)).toBe(true);
    expect(softmax([]).length).toBe(0);
  });
});

describe('logSoftmax', () => {
  it('logSoftmax(z, T) is within 4 ulp of the reference on extreme logits', () => {
    fc.assert(
      fc.property(extremeLogitVector, temperatures, (z, t) =>
        expectUlpClose(logSoftmax(z, t), referenceLogSoftmax(z, t), 4),
      ),
      { numRuns: 150 },
    );
  });

  it('logSoftmax([0, 40]) = [−40 − log1p(e^-40), −log1p(e^-40)]', () => {
    const l = logSoftmax([0, 40]);
    expect(l[1]).toBe(-4.248354255291589e-18);
    expect(l[0]).toBe(-40);
  });

  it('logSoftmax(z) equals log(softmax(z)) for moderate logits', () => {
    fc.assert(
      fc.property(logitVector(2, 6, 10), (z) => {
        const l = logSoftmax(z);
        softmax(z).forEach((p, i) => expect(Math.abs(Math.log(p) - (l[i] as number))).toBeLessThan(1e-13));
      }),
    );
  });

  it('logSoftmax gives −∞ for a masked class and NaN for NaN input', () => {
    expect(logSoftmax([0, -Infinity])[1]).toBe(-Infinity);
    expect(Object.is(logSoftmax([0, -Infinity])[0], 0)).toBe(true);
    expect(Number.isNaN(logSoftmax([NaN, 0])[1])).toBe(true);
  });
});

describe('logSumExp', () => {
  it('logSumExp(z) is within 4 ulp of the reference, relative to max(|max z|, |result|)', () => {
    fc.assert(
      fc.property(extremeLogitVector, (z) => {
        const m = Math.max(...z);
        const reference = referenceLogSumExp(z);
        const scale = Math.max(Math.abs(m), Math.abs(reference));
        expect(Math.abs(logSumExp(z) - reference)).toBeLessThanOrEqual(4 * 2 ** -52 * scale);
      }),
      { numRuns: 150 },
    );
  });

  it('logSumExp(z) is within 4 ulp when max z ≥ 0 (no cancellation)', () => {
    fc.assert(
      fc.property(
        extremeLogitVector.filter((z) => Math.max(...z) >= 0),
        (z) => expectUlpClose(logSumExp(z), referenceLogSumExp(z), 4),
      ),
      { numRuns: 100 },
    );
  });

  it('logSumExp closed forms: [0, 40] → 40 + log1p(e^-40) rounds to 40; [1000, 1000.5]; [0, 0] → log 2', () => {
    expect(logSumExp([0, 40])).toBe(40);
    expect(logSumExp([-40, 0])).toBe(4.248354255291589e-18);
    expect(logSumExp([1000, 1000.5])).toBe(1000.9740769841801);
    expect(logSumExp([0, 0])).toBe(Math.LN2);
  });

  it('logSumExp edge cases: empty or all −∞ → −∞, a +∞ → +∞, NaN → NaN', () => {
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logSumExp([0, Infinity])).toBe(Infinity);
    expect(logSumExp([NaN, Infinity])).toBeNaN();
    expect(logSumExp([1e308, 1e308])).toBe(1e308); // + log 2 is far below ulp(1e308)
    expect(logSumExp([1e308, -1e308])).toBe(1e308);
  });
});

/**
 * z = [0, 0, −37 × 50]: every e^{−37} ≈ 8.5e-17 is below half an ulp of 1, so a plain running sum
 * drops all fifty and only the compensation term (r's low part, about 4.3e-15) carries them: about 40
 * ulp of log 2. References from mpmath at 50 digits: S = 2 + 50·e^{−37},
 * log S = 0.693147180559947442679…, 1/S = 0.499999999999998933369…, e^{−37}/S = 4.26652381287202379…e-17.
 */
const absorbed = [0, 0, ...Array.from({ length: 50 }, () => -37)];

describe('the low-order parts of the sum and of z_i − max z', () => {
  it('logSumExp([0, 0, −37 × 50]) keeps the 50 terms below half an ulp of 1: log(2 + 50e^{-37})', () => {
    expectUlpClose(logSumExp(absorbed), 0.6931471805599474, 1);
    // about 19 ulp above log 2: the fifty terms are there
    expect(logSumExp(absorbed)).toBeGreaterThan(Math.LN2 + 10 * 2 ** -53);
  });

  it('softmax([0, 0, −37 × 50]) divides by 2 + 50e^{-37}, not by 2', () => {
    const p = softmax(absorbed);
    expectUlpClose(p[0] as number, 0.49999999999999895, 1);
    expectUlpClose(p[2] as number, 4.2665238128720237e-17, 1);
  });

  it('logSoftmax([0, 0, −37 × 50]) is −log(2 + 50e^{-37}) and −37 − log(2 + 50e^{-37})', () => {
    const l = logSoftmax(absorbed);
    expectUlpClose(l[0] as number, -0.6931471805599474, 1);
    expectUlpClose(l[2] as number, -37.69314718055995, 1);
  });

  it('logSoftmax([2^53, 0.75, 2^53 − 1])[1] keeps the rounding error of 0.75 − 2^53', () => {
    // log p_1 = 0.75 − 2^53 − log(1 + e^{-1}) = −2^53 + 0.43673831… (log1p(e^{-1}) = 0.31326168…,
    // mpmath). Doubles there are 1 apart, so the nearest is −2^53. The difference 0.75 − 2^53 itself
    // rounds to −2^53 + 1 (error −0.25); dropping or flipping that error gives −2^53 + 1.
    expect(logSoftmax([2 ** 53, 0.75, 2 ** 53 - 1])[1]).toBe(-(2 ** 53));
  });
});

describe('shiftedExponentials', () => {
  it("shiftedExponentials names its special rows: 'nan' for a NaN logit or temperature, 'positiveInfinity', 'allMasked'", () => {
    expect(shiftedExponentials([1, NaN, 2]).special).toBe('nan');
    // NaN wins over +∞ and over all −∞: the row's answer is NaN whatever else it holds
    expect(shiftedExponentials([NaN, Infinity]).special).toBe('nan');
    expect(shiftedExponentials([-Infinity, NaN]).special).toBe('nan');
    expect(shiftedExponentials([NaN]).special).toBe('nan');
    expect(shiftedExponentials([1, 2], NaN).special).toBe('nan');
    expect(shiftedExponentials([0, Infinity, 3]).special).toBe('positiveInfinity');
    expect(shiftedExponentials([-Infinity, -Infinity]).special).toBe('allMasked');
    expect(shiftedExponentials([]).special).toBe('allMasked');
    expect(shiftedExponentials([0, -Infinity]).special).toBeNull();
  });

  it('shiftedExponentials(z) of a special row has NaN log1pR and sum, so callers need no branch', () => {
    for (const z of [[1, NaN], [0, Infinity], [-Infinity], []]) {
      const s = shiftedExponentials(z);
      expect(s.log1pR).toBeNaN();
      expect(s.sumHi).toBeNaN();
    }
  });

  it('shiftedExponentials([0, 0, −37 × 50]) returns log1p(1 + 50e^{-37}) and the sum 2 + 50e^{-37} as hi + lo', () => {
    const s = shiftedExponentials(absorbed);
    expectUlpClose(s.log1pR, 0.6931471805599474, 1);
    expect(s.sumHi).toBe(2);
    // 50e^{-37} = 4.26652381287203289…e-15 (mpmath: e^{-37} = 8.53304762574406579…e-17)
    expect(Math.abs(s.sumLo - 4.266523812872033e-15)).toBeLessThan(1e-28);
  });
});

describe('softmax and logSoftmax of special rows', () => {
  it('logSoftmax with a +∞ logit, all −∞, a NaN temperature or no logits gives all NaN (or nothing)', () => {
    for (const z of [[0, Infinity, 1], [-Infinity, -Infinity]]) {
      expect(Array.from(logSoftmax(z)).every(Number.isNaN)).toBe(true);
    }
    expect(Array.from(logSoftmax([1, 2], NaN)).every(Number.isNaN)).toBe(true);
    expect(logSoftmax([]).length).toBe(0);
  });
});
