import fc from 'fast-check';
import { expect } from 'vitest';
import { GRADIENT_CHECK } from '../../src/core/finiteDifference';
import { createRandom } from '../../src/core/random';

/** One seed for every property test, so a failure reproduces exactly. */
fc.configureGlobal({ seed: 20261127, numRuns: 200 });

export { fc };

/** Distance between two doubles in units in the last place (count of doubles between them). */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const ordered = (x: number): bigint => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigInt64(0);
    return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
  };
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}

/** Asserts every entry of `actual` is within `maxUlp` ulp of `expected`. */
export function expectUlpClose(actual: ArrayLike<number> | number, expected: ArrayLike<number> | number, maxUlp = 4): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length).toBe(e.length);
  a.forEach((value, i) => {
    const distance = ulpDistance(value, e[i] as number);
    if (distance > maxUlp) {
      throw new Error(`entry ${i}: ${value} is ${distance} ulp from the reference ${e[i]} (allowed ${maxUlp})`);
    }
  });
}

/** |a − b| ≤ rtol·max(|a|, |b|) + atol, entry by entry. */
export function expectRelClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol = 0): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const b = expected[i] as number;
    const scale = Math.max(Math.abs(a), Math.abs(b));
    if (!(Math.abs(a - b) <= rtol * scale + atol)) {
      throw new Error(`entry ${i}: ${a} vs ${b} differ by more than rtol ${rtol} + atol ${atol}`);
    }
  }
}

export { GRADIENT_CHECK };

/** The core's gradient check: analytic against numeric within GRADIENT_CHECK.relativeTolerance (+ atol near 0). */
export function expectGradientMatches(analytic: ArrayLike<number>, numeric: ArrayLike<number>, atol = 0): void {
  expectRelClose(analytic, numeric, GRADIENT_CHECK.relativeTolerance, atol);
}

/** Two Gaussian blobs around ±(1, 1) (class 1 at +), n points, from the core's seeded generator. */
export function blobs(seed: number, n: number, spread = 0.7): { X: Float64Array; t: Float64Array } {
  const random = createRandom(seed);
  const X = new Float64Array(2 * n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = random.int(2);
    const centre = label === 1 ? 1 : -1;
    X[2 * i] = centre + spread * random.normal();
    X[2 * i + 1] = centre + spread * random.normal();
    t[i] = label;
  }
  return { X, t };
}
