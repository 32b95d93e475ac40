/**
 * A small seeded pseudo-random generator, so that every "random" data set, initialisation and shuffle in
 * a lab is reproducible from a seed that fits in a URL. Not for cryptography.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator from PractRand, 128 bits of
 * state a, b, c and a counter; passes PractRand and BigCrush) in 32-bit integer arithmetic (Math.imul,
 * `| 0`, `>>> 0`), so every JavaScript engine gives the same sequence. Seeding: a, b, c are the first
 * three outputs of splitmix32 started at the seed, the counter starts at 1, and the first 12 outputs are
 * discarded, as PractRand seeds sfc, so that nearby seeds give unrelated sequences.
 */

/** A stateful generator; each call advances it. */
export interface Random {
  /** The next raw output, an integer in [0, 2^32). */
  nextUint32(): number;
  /** A double uniform in [0, 1) with 53 random bits: (⌊u₁/2^5⌋·2^26 + ⌊u₂/2^6⌋)/2^53. */
  next(): number;
  /** A standard normal N(0, 1) by Marsaglia's polar method (pairs; the second is kept for the next call). */
  normal(): number;
  /** An integer uniform in [0, n) for an integer 1 ≤ n ≤ 2^32, without modulo bias (by rejection). */
  int(n: number): number;
}

/**
 * splitmix32(state) → [next state, output]: a Weyl step by 0x9e3779b9 (2^32/φ) and a 32-bit
 * xorshift-multiply finaliser (constants 0x21f0aaad, 0x735a2d97 from Chris Wellons' hash prospector).
 */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let x = next ^ (next >>> 16);
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return [next, x >>> 0];
}

/**
 * createRandom(seed): a generator whose whole sequence is fixed by the seed, an integer (taken modulo
 * 2^32, so −1 and 2^32 − 1 are the same seed).
 * @throws RangeError for a seed that is not a finite integer.
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new RangeError(`createRandom: seed ${seed} is not a finite integer`);
  // sfc32's three words are splitmix32's first three outputs from the seed
  const [state1, word1] = splitmix32(Number(BigInt.asIntN(32, BigInt(seed))));
  const [state2, word2] = splitmix32(state1);
  const [, word3] = splitmix32(state2);
  let a = word1 | 0;
  let b = word2 | 0;
  let c = word3 | 0;
  let counter = 1;
  let spare = NaN;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => {
    const high = nextUint32() >>> 5;
    const low = nextUint32() >>> 6;
    return (high * 2 ** 26 + low) / 2 ** 53;
  };

  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = NaN;
      return value;
    }
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const factor = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * factor;
        return u * factor;
      }
    }
  };

  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) {
      throw new RangeError(`int: n = ${n} is not an integer in [1, 2^32]`);
    }
    // Accept only outputs below the largest multiple of n, so that every residue is equally likely.
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % n;
    }
  };

  return { nextUint32, next, normal, int };
}
