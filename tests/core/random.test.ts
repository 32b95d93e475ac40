import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/core';
import { fc } from './helpers';

const MASK = 0xffffffffn;

/**
 * splitmix32 + sfc32 written again from their definitions in BigInt arithmetic modulo 2^32 (no Math.imul,
 * no `| 0`), as an independent check on the core's 32-bit integer tricks.
 */
function* referenceSfc32(seed: number): Generator<bigint> {
  let state = BigInt(seed) & MASK;
  const words: bigint[] = [];
  for (let i = 0; i < 3; i++) {
    state = (state + 0x9e3779b9n) & MASK;
    let x = state ^ (state >> 16n);
    x = (x * 0x21f0aaadn) & MASK;
    x ^= x >> 15n;
    x = (x * 0x735a2d97n) & MASK;
    x ^= x >> 15n;
    words.push(x);
  }
  let [a, b, c] = words as [bigint, bigint, bigint];
  let counter = 1n;
  for (;;) {
    const t = (a + b + counter) & MASK;
    counter = (counter + 1n) & MASK;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & MASK;
    c = ((((c << 21n) | (c >> 11n)) & MASK) + t) & MASK;
    yield t;
  }
}

function take(generator: Generator<bigint>, skip: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < skip + count; i++) {
    const value = generator.next().value as bigint;
    if (i >= skip) out.push(Number(value));
  }
  return out;
}

describe('createRandom', () => {
  it('createRandom(seed).nextUint32() gives the first sfc32 outputs, as computed by hand in python3', () => {
    // python3: the same splitmix32 + sfc32 definitions, 12 outputs discarded (see random.ts).
    const expected: Record<number, number[]> = {
      0: [2899526011, 769844623, 220372281, 4270301181, 3717780726, 2919608142],
      1: [2420951833, 2513034076, 3847892949, 4064752930, 1169703512, 1317941441],
      42: [1959603763, 2423114712, 2466933512, 4144396390, 3569536208, 2879541286],
      [-1]: [2300869303, 3917632794, 3726809994, 1136427174, 1916388865, 1301959096],
    };
    for (const [seed, values] of Object.entries(expected)) {
      const random = createRandom(Number(seed));
      expect(values.map(() => random.nextUint32())).toEqual(values);
    }
  });

  it('createRandom(seed) matches the BigInt reference for any seed, 40 outputs deep', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), (seed) => {
        const random = createRandom(seed);
        const actual = Array.from({ length: 40 }, () => random.nextUint32());
        expect(actual).toEqual(take(referenceSfc32(seed), 12, 40));
      }),
      { numRuns: 100 },
    );
  });

  it('next() = (⌊u₁/2^5⌋·2^26 + ⌊u₂/2^6⌋)/2^53: createRandom(42) starts 0.4562558052254867, 0.5743777227769976', () => {
    const random = createRandom(42);
    expect([random.next(), random.next(), random.next()]).toEqual([0.4562558052254867, 0.5743777227769976, 0.8310974141243506]);
  });

  it('the same seed gives the same sequence; seeds equal modulo 2^32 are the same; nearby seeds differ', () => {
    const [a, b] = [createRandom(7), createRandom(7)];
    const draw = (r: ReturnType<typeof createRandom>) => [r.next(), r.normal(), r.int(10), r.normal(), r.nextUint32()];
    expect(draw(a)).toEqual(draw(b));
    expect(createRandom(-1).nextUint32()).toBe(createRandom(2 ** 32 - 1).nextUint32());
    expect(createRandom(2 ** 32 + 5).nextUint32()).toBe(createRandom(5).nextUint32());
    const firsts = new Set(Array.from({ length: 1000 }, (_, seed) => createRandom(seed).nextUint32()));
    expect(firsts.size).toBe(1000);
  });

  it('next() over 1e5 draws: in [0, 1), mean ½ and variance 1/12 within 4 standard errors, even deciles', () => {
    const random = createRandom(20261127);
    const n = 100_000;
    let sum = 0;
    let sumSquares = 0;
    const deciles = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSquares += u * u;
      deciles[Math.floor(u * 10)]! += 1;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    const variance = sumSquares / n - mean * mean;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // Var(U²) = 1/5 − 1/9 = 4/45, so the sample variance has standard error about √(4/45/n).
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(4 / 45 / n));
    const chiSquare = deciles.reduce((s, count) => s + (count - n / 10) ** 2 / (n / 10), 0);
    expect(chiSquare).toBeLessThan(27.9); // χ²(9) at p = 0.001
  });

  it('normal() over 1e5 draws: mean 0, variance 1, 68.3% within one standard deviation', () => {
    const random = createRandom(99);
    const n = 100_000;
    let sum = 0;
    let sumSquares = 0;
    let within = 0;
    for (let i = 0; i < n; i++) {
      const x = random.normal();
      sum += x;
      sumSquares += x * x;
      if (Math.abs(x) < 1) within++;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sumSquares / n - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(within / n - 0.6826894921370859)).toBeLessThan(4 * Math.sqrt(0.2166 / n));
  });

  it("normal() is Marsaglia's polar method on next(): u·f, then the pair's v·f, f = √(−2 ln s / s), s = u² + v² < 1", () => {
    // Replayed from a twin generator's next() draws: u = 2·next() − 1, v likewise; a pair with s ≥ 1 (or 0)
    // is drawn again; the accepted pair gives two normals, u·f first and v·f on the next call.
    const twin = createRandom(8);
    const expected: number[] = [];
    let rejected = 0;
    while (expected.length < 40) {
      const u = 2 * twin.next() - 1;
      const v = 2 * twin.next() - 1;
      const s = u * u + v * v;
      if (!(s > 0 && s < 1)) {
        rejected++;
        continue;
      }
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      expected.push(u * f, v * f);
    }
    expect(rejected).toBeGreaterThan(0); // about 21 % of pairs fall outside the unit disc
    const random = createRandom(8);
    expect(expected.map(() => random.normal())).toEqual(expected);
  });

  it('int(n) is in [0, n) and even: int(6) over 6e4 rolls, int(1) = 0, int(2^32) is any uint32', () => {
    const random = createRandom(3);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[random.int(6)]! += 1; // an index outside [0, 6) would add NaN
    expect(counts.reduce((s, c) => s + c, 0)).toBe(60_000);
    expect(counts.every(Number.isInteger)).toBe(true);
    const chiSquare = counts.reduce((s, count) => s + (count - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(20.5); // χ²(5) at p = 0.001
    expect(random.int(1)).toBe(0);
    const [a, b] = [createRandom(11), createRandom(11)];
    expect(a.int(2 ** 32)).toBe(b.nextUint32());
  });

  it('int(2^31 + 1) rejects every draw ≥ 2^31 + 1 (about half) and reduces the next one, as the BigInt reference', () => {
    // n = 2^31 + 1: 2^32 mod n = 2^31 − 1, so the largest multiple of n below 2^32 is n itself.
    const n = 2 ** 31 + 1;
    const limit = 2n ** 32n - (2n ** 32n % BigInt(n));
    expect(limit).toBe(BigInt(n));
    const reference = referenceSfc32(5);
    take(reference, 12, 0);
    let rejected = 0;
    const expected: number[] = [];
    while (expected.length < 40) {
      const x = reference.next().value as bigint;
      if (x < limit) expected.push(Number(x % BigInt(n)));
      else rejected += 1;
    }
    expect(rejected).toBeGreaterThan(10); // the rejection branch is really taken
    const random = createRandom(5);
    expect(expected.map(() => random.int(n))).toEqual(expected);
  });

  it('int(n) rejects a draw equal to the limit: createRandom(0).int(2899526011) skips the first draw', () => {
    // createRandom(0)'s first two draws are 2899526011 and 769844623 (first test). With n = 2899526011 > 2^31,
    // 2^32 mod n = 2^32 − n, so the limit 2^32 − (2^32 mod n) is n: the first draw equals it and is rejected.
    expect(createRandom(0).int(2899526011)).toBe(769844623);
  });

  it('a seed or bound that is not an integer is a RangeError', () => {
    expect(() => createRandom(1.5)).toThrow(/createRandom: seed 1.5 is not a finite integer/);
    expect(() => createRandom(NaN)).toThrow(RangeError);
    expect(() => createRandom(Infinity)).toThrow(RangeError);
    const random = createRandom(1);
    expect(() => random.int(0)).toThrow(/int: n = 0 is not an integer in \[1, 2\^32\]/);
    expect(() => random.int(2.5)).toThrow(RangeError);
    expect(() => random.int(2 ** 32 + 1)).toThrow(RangeError);
  });
});
