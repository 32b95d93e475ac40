import { describe, expect, it } from 'vitest';
import {
  accurateSum,
  centralDifference,
  crossEntropy,
  distributionCrossEntropy,
  distributionCrossEntropyGrad,
  entropy,
  entropyGrad,
  informationContent,
  informationContentGrad,
  klDivergence,
  numericalGradient,
} from '../../src/core';
import { add, big, log, mul, sub, sumOf, toNumber, ZERO, type BigFloat } from './reference/bigFloat';
import { expectGradientMatches, expectRelClose, expectUlpClose, fc } from './helpers';

const EPS = 2 ** -52;

/** −Σ y log p (or Σ y log(y/p) − y + p) at 200 bits, one rounding at the end. */
function referenceCrossEntropyOf(y: number[], p: number[]): number {
  if (y.some((yi, i) => yi > 0 && p[i] === 0)) return Infinity;
  return -toNumber(sumOf(y.map((yi, i) => (yi === 0 ? ZERO : mul(big(yi), log(big(p[i] as number)))))));
}
function referenceKl(y: number[], p: number[]): number {
  if (y.some((yi, i) => yi > 0 && p[i] === 0)) return Infinity;
  const terms = y.map((yi, i): BigFloat => {
    const pi = big(p[i] as number);
    if (yi === 0) return pi;
    return add(sub(mul(big(yi), sub(log(big(yi)), log(pi))), big(yi)), pi);
  });
  return toNumber(sumOf(terms));
}
/** The textbook Σ y log(y/p) (no −y + p), for distributions whose sums are exactly 1. */
function referenceTextbookKl(y: number[], p: number[]): number {
  return toNumber(sumOf(y.map((yi, i) => (yi === 0 ? ZERO : mul(big(yi), sub(log(big(yi)), log(big(p[i] as number))))))));
}

/** Distributions of C entries, normalised in float64 (so their sums are 1 only to rounding). */
const distribution = (c: number, withZeros = true) =>
  fc
    .array(withZeros ? fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(0)) : fc.double({ min: 0.01, max: 1, noNaN: true }), {
      minLength: c,
      maxLength: c,
    })
    .map((v) => {
      const total = v.reduce((s, x) => s + x, 0);
      return total > 0 ? v.map((x) => x / total) : v.map(() => 1 / c);
    });

/** Distributions k_i/2^20 whose sums are exactly 1: C − 1 random cuts of [0, 2^20]. */
const dyadicDistribution = (c: number) =>
  fc.array(fc.integer({ min: 0, max: 2 ** 20 }), { minLength: c - 1, maxLength: c - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 2 ** 20];
    return points.slice(1).map((x, i) => (x - (points[i] as number)) / 2 ** 20);
  });

const pair = (arb: (c: number) => fc.Arbitrary<number[]>) =>
  fc.integer({ min: 1, max: 6 }).chain((c) => fc.tuple(arb(c), arb(c)));

describe('informationContent', () => {
  it('informationContent(1/8, 2) = 3 bits, (1/2) = ln 2 nats, (1) = +0, (0) = +∞', () => {
    expect(informationContent(1 / 8, 2)).toBe(3);
    expect(informationContent(2 ** -100, 2)).toBe(100);
    expect(informationContent(0.5)).toBe(Math.LN2);
    expect(Object.is(informationContent(1), 0)).toBe(true);
    expect(informationContent(0, 2)).toBe(Infinity);
    expect(informationContent(NaN)).toBeNaN();
  });

  it('informationContent(p) grows as p shrinks: rarer events carry more bits', () => {
    const prob = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(prob, prob, fc.constantFrom<2 | 'e'>(2, 'e'), (a, b, base) => {
        const [p, q] = a < b ? [a, b] : [b, a];
        expect(informationContent(p, base)).toBeGreaterThanOrEqual(informationContent(q, base));
        if (q > p * (1 + 1e-9)) expect(informationContent(p, base)).toBeGreaterThan(informationContent(q, base));
      }),
    );
  });

  it('informationContentGrad(p) agrees with central differences in bits and nats', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.constantFrom<2 | 'e'>(2, 'e'), (p, base) => {
        const numeric = centralDifference((x) => informationContent(x, base), p, 1e-7);
        expectRelClose([informationContentGrad(p, base)], [numeric], 1e-7);
      }),
    );
  });
});

describe('entropy', () => {
  it('entropy of the uniform distribution over C is log C (bits and nats)', () => {
    for (let c = 1; c <= 64; c++) {
      const uniform = new Array<number>(c).fill(1 / c);
      expectUlpClose(entropy(uniform), Math.log(c), 4);
      expectUlpClose(entropy(uniform, 2), Math.log2(c), 4);
    }
    expect(entropy([0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125], 2)).toBe(3);
  });

  it('entropy hand cases: [½, ¼, ¼] = 1.5 bits, a certain outcome 0, 0·log 0 = 0', () => {
    expect(entropy([0.5, 0.25, 0.25], 2)).toBe(1.5);
    expect(entropy([0, 1, 0])).toBe(0);
    expect(entropy([0, 0.5, 0.5, 0], 2)).toBe(1);
    expect(entropy([])).toBe(0);
  });

  it('entropy(p) is within 4 ulp of the 200-bit reference and at most log C', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((c) => distribution(c)), (p) => {
        const h = entropy(p);
        expectUlpClose(h, referenceCrossEntropyOf(p, p), 4);
        expect(h).toBeLessThanOrEqual(Math.log(p.length) * (1 + 4 * EPS));
      }),
    );
  });

  it('entropyGrad(p) agrees with central differences, and bits = nats·log2(e)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((c) => distribution(c, false)), (p) => {
        expectGradientMatches(entropyGrad(p), numericalGradient((v) => entropy(v), p, 1e-7), 1e-8);
        expectGradientMatches(entropyGrad(p, 2), numericalGradient((v) => entropy(v, 2), p, 1e-7), 1e-8);
      }),
    );
    expect(entropyGrad([0, 1])[0]).toBe(Infinity);
  });
});

describe('distributionCrossEntropy', () => {
  it('distributionCrossEntropy hand cases: 2 bits, 0·log 0 = 0, +∞ for an impossible observed class', () => {
    expect(distributionCrossEntropy([1, 0], [0.25, 0.75], 2)).toBe(2);
    expect(distributionCrossEntropy([0.5, 0.5], [0.5, 0.5], 2)).toBe(1);
    expect(distributionCrossEntropy([1, 0], [1, 0])).toBe(0);
    expect(distributionCrossEntropy([0.5, 0.5], [1, 0])).toBe(Infinity);
  });

  it('distributionCrossEntropy(y, p) is within 4 ulp of the reference', () => {
    fc.assert(fc.property(pair(distribution), ([y, p]) => expectUlpClose(distributionCrossEntropy(y, p), referenceCrossEntropyOf(y, p), 4)));
  });

  it('distributionCrossEntropy(y, softmax(z)) matches crossEntropy(z, y) with a probability target', () => {
    fc.assert(
      fc.property(pair((c) => distribution(c, false)), ([y, p]) => {
        expectRelClose([distributionCrossEntropy(y, p)], [crossEntropy([p.map(Math.log)], [y])], 1e-13, 1e-15);
      }),
    );
  });

  it('Gibbs: distributionCrossEntropy(y, p) ≥ entropy(y), up to rounding and Σp − Σy, with equality at p = y', () => {
    fc.assert(
      fc.property(pair(distribution), ([y, p]) => {
        // Gibbs needs Σp = Σy; float-normalised inputs miss that by a few ulp, which shifts the bound.
        const cross = distributionCrossEntropy(y, p);
        const slack = Math.abs(accurateSum([...p, ...y.map((v) => -v)]));
        expect(cross).toBeGreaterThanOrEqual(entropy(y) - 8 * EPS * cross - slack);
        expect(distributionCrossEntropy(y, y)).toBe(entropy(y));
      }),
    );
    expect(distributionCrossEntropy([0.5, 0.5], [0.4, 0.6], 2)).toBeGreaterThan(entropy([0.5, 0.5], 2));
  });

  it('distributionCrossEntropyGrad(y, p) = −y/p agrees with central differences, in bits and nats', () => {
    fc.assert(
      fc.property(pair((c) => distribution(c, false)), fc.constantFrom<2 | 'e'>(2, 'e'), ([y, p], base) => {
        const numeric = numericalGradient((v) => distributionCrossEntropy(y, v, base), p, 1e-7);
        expectGradientMatches(distributionCrossEntropyGrad(y, p, base), numeric, 1e-8);
      }),
    );
    expect(Array.from(distributionCrossEntropyGrad([0, 1], [0, 0.5]))).toEqual([0, -2]);
    expect(distributionCrossEntropyGrad([1, 0], [0, 1])[0]).toBe(-Infinity);
  });
});

describe('klDivergence', () => {
  it('klDivergence hand cases: KL([1, 0] ‖ [½, ½]) = 1 bit, KL(y ‖ y) = 0 exactly, +∞ where p misses y', () => {
    expect(klDivergence([1, 0], [0.5, 0.5], 2)).toBe(1);
    expectUlpClose(klDivergence([0.5, 0.5], [0.25, 0.75]), 0.5 * Math.log(2) + 0.5 * Math.log(2 / 3), 2);
    expect(klDivergence([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])).toBe(0);
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(klDivergence([0, 1], [0, 1])).toBe(0);
    expect(klDivergence([5e-324, 1], [0, 1])).toBe(Infinity); // y/2 underflows: still p misses y
  });

  it('klDivergence keeps its digits for p ≈ y, where Σ y·(log y − log p) keeps none', () => {
    const y = [0.3, 0.7];
    const p = [0.3 + 2 ** -40, 0.7 - 2 ** -40];
    const expected = referenceTextbookKl(y, p); // ≈ 2^-80·(1/0.6 + 1/1.4)
    expectUlpClose(klDivergence(y, p), expected, 4);
    const naive = y.reduce((s, yi, i) => s + yi * (Math.log(yi) - Math.log(p[i] as number)), 0);
    expect(Math.abs(naive - expected)).toBeGreaterThan(1e-3 * expected);
  });

  it('klDivergence(y, p) ≥ 0 always, = 0 when y = p, > 0 when they differ', () => {
    fc.assert(
      fc.property(pair(distribution), ([y, p]) => {
        expect(klDivergence(y, p)).toBeGreaterThanOrEqual(0);
        expect(klDivergence(y, y)).toBe(0);
        if (y.some((yi, i) => Math.abs(yi - (p[i] as number)) > 1e-6)) expect(klDivergence(y, p)).toBeGreaterThan(0);
      }),
    );
  });

  it('klDivergence(y, p) is within 6 ulp of the 200-bit reference, also for p ≈ y', () => {
    const nearby = pair(distribution).chain(([y]) =>
      fc
        .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: y.length, maxLength: y.length })
        .chain((noise) => fc.constantFrom(1e-12, 1e-8, 1e-4, 0.1, 0.6).map((scale) => [y, y.map((v, i) => v * (1 + scale * (noise[i] as number)))])),
    );
    fc.assert(
      fc.property(fc.oneof(pair(distribution), nearby), ([y, p]) => expectUlpClose(klDivergence(y, p), referenceKl(y, p), 6)),
      { numRuns: 300 },
    );
  });

  it('for distributions that sum exactly to 1, klDivergence is the textbook Σ y log(y/p), also when p − y is 2^-20', () => {
    const moved = dyadicDistribution(4).map((y) => {
      const i = y.findIndex((v) => v >= 2 ** -20);
      const p = [...y];
      p[i] = (p[i] as number) - 2 ** -20;
      p[(i + 1) % 4] = (p[(i + 1) % 4] as number) + 2 ** -20;
      return [y, p];
    });
    fc.assert(
      fc.property(fc.oneof(pair(dyadicDistribution), moved), ([y, p]) => {
        if (y.some((yi, i) => yi > 0 && p[i] === 0)) return;
        expectUlpClose(klDivergence(y, p), referenceTextbookKl(y, p), 6);
      }),
    );
  });

  it('distributionCrossEntropy(y, p) = entropy(y) + klDivergence(y, p) to a few ulp (exact sums), bits and nats', () => {
    fc.assert(
      fc.property(pair(dyadicDistribution), fc.constantFrom<2 | 'e'>(2, 'e'), ([y, p], base) => {
        const cross = distributionCrossEntropy(y, p, base);
        if (cross === Infinity) return;
        const sum = entropy(y, base) + klDivergence(y, p, base);
        expect(Math.abs(cross - sum)).toBeLessThanOrEqual(8 * EPS * cross);
      }),
    );
  });

  it('the identity holds for float-normalised inputs up to their sums’ deviation Σ(p − y)', () => {
    fc.assert(
      fc.property(pair(distribution), ([y, p]) => {
        const cross = distributionCrossEntropy(y, p);
        if (cross === Infinity) return;
        const slack = Math.abs(accurateSum([...p, ...y.map((v) => -v)]));
        expect(Math.abs(cross - entropy(y) - klDivergence(y, p))).toBeLessThanOrEqual(8 * EPS * cross + slack);
      }),
    );
  });

  it('bits are nats · log2(e) for entropy, cross-entropy and KL', () => {
    fc.assert(
      fc.property(pair(distribution), ([y, p]) => {
        if (distributionCrossEntropy(y, p) === Infinity) return;
        expectRelClose([entropy(y, 2), distributionCrossEntropy(y, p, 2), klDivergence(y, p, 2)],
          [entropy(y) / Math.LN2, distributionCrossEntropy(y, p) / Math.LN2, klDivergence(y, p) / Math.LN2], 8 * EPS, 1e-300);
      }),
    );
  });
});

describe('information functions: bad input and NaN', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['probability > 1', () => informationContent(1.5), /informationContent: probability 1.5 is outside \[0, 1\]/],
    ['unknown base', () => entropy([1], 10 as 2), /entropy: base 10 is not 2 or 'e'/],
    ['negative entry', () => entropy([0.5, -0.5, 1]), /entropy: p\[1\] = -0.5 is negative/],
    ['negative target', () => klDivergence([-1, 2], [0.5, 0.5]), /klDivergence: y\[0\] = -1 is negative/],
    ['length mismatch', () => distributionCrossEntropy([1, 0], [1]), /distributionCrossEntropy: p has length 1 but the length C of y is 2/],
    ['length mismatch (grad)', () => distributionCrossEntropyGrad([1], [0.5, 0.5]), /p has length 2/],
  ];
  for (const [name, call, message] of cases) {
    it(`${name} throws RangeError(${message.source.slice(0, 40)}…)`, () => {
      expect(call).toThrow(RangeError);
      expect(call).toThrow(message);
    });
  }

  it('NaN in gives NaN out, even in a 0·log 0 term', () => {
    expect(entropy([NaN, 1])).toBeNaN();
    expect(distributionCrossEntropy([0, 1], [NaN, 1])).toBeNaN();
    expect(distributionCrossEntropy([NaN, 1], [0.5, 0.5])).toBeNaN();
    expect(klDivergence([0, 1], [NaN, 1])).toBeNaN();
    expect(klDivergence([NaN, 1], [0, 1])).toBeNaN();
    expect(distributionCrossEntropyGrad([0, 1], [NaN, 1])[0]).toBeNaN();
  });

  it('inputs are not mutated', () => {
    const y = Object.freeze([0.25, 0.75]) as readonly number[];
    const p = Object.freeze([0.5, 0.5]) as readonly number[];
    klDivergence(y, p);
    distributionCrossEntropyGrad(y, p);
    entropyGrad(p);
    expect([y, p]).toEqual([[0.25, 0.75], [0.5, 0.5]]);
  });
});

describe('information functions: each names itself in its errors', () => {
  it('informationContentGrad(p) is −1/p on [0, 1], and names itself for p outside it or another base', () => {
    expect(informationContentGrad(0.5)).toBe(-2);
    expect(informationContentGrad(1)).toBe(-1);
    expect(informationContentGrad(0)).toBe(-Infinity);
    expect(() => informationContentGrad(1.5)).toThrow(/^informationContentGrad: probability 1.5 is outside \[0, 1\]$/);
    expect(() => informationContentGrad(-0.5)).toThrow(/^informationContentGrad: probability -0.5 is outside \[0, 1\]$/);
    expect(() => informationContentGrad(0.5, 10 as 2)).toThrow(/^informationContentGrad: base 10 is not 2 or 'e'$/);
  });

  it('informationContent(−0.5) and informationContent(0.5, 10) name informationContent', () => {
    expect(() => informationContent(-0.5)).toThrow(/^informationContent: probability -0.5 is outside \[0, 1\]$/);
    expect(() => informationContent(0.5, 10 as 2)).toThrow(/^informationContent: base 10 is not 2 or 'e'$/);
  });

  it('entropyGrad, distributionCrossEntropyGrad and klDivergence name themselves and the bad argument', () => {
    expect(() => entropyGrad([0.5, 0.5], 10 as 2)).toThrow(/^entropyGrad: base 10 is not 2 or 'e'$/);
    expect(() => entropyGrad([0.5, -1])).toThrow(/^entropyGrad: p\[1\] = -1 is negative$/);
    expect(() => distributionCrossEntropyGrad([1], [1], 10 as 2)).toThrow(/^distributionCrossEntropyGrad: base 10 is not 2 or 'e'$/);
    expect(() => klDivergence([0.5, 0.5], [-1, 2])).toThrow(/^klDivergence: p\[0\] = -1 is negative$/);
  });
});

describe('klDivergence where p/y leaves the double range', () => {
  it('klDivergence([2^100], [3·2^-1000]) takes log p − log y, since p/y underflows to 0', () => {
    // p − y − y·(log p − log y) with p/y = 3·2^-1100 < 2^-1074; mpmath: 9.638749763042750635…e32
    expectUlpClose(klDivergence([2 ** 100], [3 * 2 ** -1000]), 9.63874976304275e32, 4);
  });

  it('klDivergence([1], [0]) is +∞: a class the model rules out', () => {
    expect(klDivergence([1], [0])).toBe(Infinity);
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
  });
});
