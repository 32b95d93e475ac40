import fc from 'fast-check';
import { expect } from 'vitest';

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

/** Logits of moderate size, as rows of C in [2, 6]. */
export const logitVector = (min = 2, max = 6, range = 20) =>
  fc.array(fc.double({ min: -range, max: range, noNaN: true, noDefaultInfinity: true }), {
    minLength: min,
    maxLength: max,
  });

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/**
 * Logit vectors that stress the numerics: moderate, ±1e5, around ±700, one dominant logit, tiny
 * differences around a large base, and masked (−∞) entries (never all of them).
 */
export const extremeLogitVector = fc.oneof(
  logitVector(2, 6, 20),
  fc.array(finite(-1e5, 1e5), { minLength: 2, maxLength: 5 }),
  fc.array(fc.constantFrom(-1e5, -745, -700, -1, 0, 0.5, 40, 700, 709, 1e5), { minLength: 2, maxLength: 5 }),
  fc
    .tuple(finite(30, 800), fc.array(finite(-5, 5), { minLength: 1, maxLength: 4 }))
    .map(([big, rest]) => [...rest, big]),
  fc
    .tuple(finite(-1e4, 1e4), fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 5 }))
    .map(([base, steps]) => steps.map((k) => base + k * 2 ** -30 * Math.max(1, Math.abs(base)))),
  fc
    .tuple(logitVector(2, 6, 50), fc.nat())
    .map(([z, seed]) => z.map((v, i) => (i !== seed % z.length && (seed >> i) & 1 ? -Infinity : v))),
);
