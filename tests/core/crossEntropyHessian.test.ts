import { describe, expect, it } from 'vitest';
import { crossEntropyGrad, crossEntropyHessian, crossEntropyThirdDerivative, symmetricEigenvalues } from '../../src/core';
import { CROSS_ENTROPY_HESSIAN_MAX_CLASSES } from '../../src/core/crossEntropyHessian';
import { big, div, exp, neg, ONE, sign, sub, sumOf, toNumber, ZERO, type BigFloat } from './reference/bigFloat';
import reference from './reference/crossEntropyHessian.json';
import { expectUlpClose, fc } from './helpers';
import { extremeLogitVector, logitVector, probabilityRows } from './arbitraries';

const EPSILON = 2 ** -52;
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * The tolerance for one entry: 1e-12 of the exact value, or 1e-14 of the array's largest exact
 * entry in magnitude where the exact value is a cancellation. An exact value below the float64 range
 * (e^-20000 at logits ±1e4) can only come out as 0 or a subnormal, so relative accuracy is asked of it
 * as if it were the smallest normal double: 1e-12·2^-1022 ≈ 2e-320, thousands of subnormal steps.
 */
function allowedError(exact: number, largest: number, cancels: boolean): number {
  return Math.max(1e-12 * Math.max(Math.abs(exact), SMALLEST_NORMAL), cancels ? 1e-14 * largest : 0);
}

/**
 * Checks actual against exact entry by entry with {@link allowedError}; returns the largest relative
 * error among entries that are not cancellations and lie in the normal range, which the module comment
 * of src/core/crossEntropyHessian.ts promises to be a few ulp.
 */
function expectWithinTolerance(actual: number[], exact: number[], cancels: boolean[], label: string): number {
  expect(actual.length).toBe(exact.length);
  const largest = exact.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let relative = 0;
  actual.forEach((value, i) => {
    const e = exact[i] as number;
    const error = Math.abs(value - e);
    if (!(error <= allowedError(e, largest, cancels[i] as boolean))) {
      throw new Error(`${label} entry ${i}: ${value} vs exact ${e} (error ${error}, largest entry ${largest}, cancellation ${cancels[i]})`);
    }
    if (!cancels[i] && Math.abs(e) >= SMALLEST_NORMAL) relative = Math.max(relative, error / Math.abs(e));
  });
  return relative;
}

/** "A few ulp": 16 units of 2^-53, 1.8e-15. */
const FEW_ULP = 16 * 2 ** -53;

interface ReferenceCase {
  name: string;
  z: number[];
  hessian: string[][];
  hessianCancellations: number[][];
  third: string[][][];
  thirdCancellations: number[][];
}

const cases = (reference as { cases: ReferenceCase[] }).cases;
const key = (indices: number[]) => indices.join(',');

describe('crossEntropyHessian and crossEntropyThirdDerivative against the mpmath reference', () => {
  // tests/core/reference/crossEntropyHessian.py: the formulas evaluated literally at 50 digits and
  // more, written to 30 digits; Number(text) is then the exact value rounded once.
  it('the reference covers 1, 2, 3, 4 and 8 classes, logits ±1e4, near ties and a dominant logit', () => {
    expect(new Set(cases.map((c) => c.z.length))).toEqual(new Set([1, 2, 3, 4, 8]));
    expect(cases.some((c) => c.z.includes(1e4) && c.z.includes(-1e4))).toBe(true);
  });

  for (const c of cases) {
    const n = c.z.length;
    const grid2 = Array.from({ length: n * n }, (_, f) => [Math.floor(f / n), f % n]);
    const grid3 = Array.from({ length: n * n * n }, (_, f) => [Math.floor(f / (n * n)), Math.floor(f / n) % n, f % n]);

    it(`crossEntropyHessian([${c.z.join(', ')}]) is within the tolerance of the reference (${c.name})`, () => {
      const flagged = new Set(c.hessianCancellations.map(key));
      const relative = expectWithinTolerance(
        crossEntropyHessian(c.z).flat(),
        c.hessian.flat().map(Number),
        grid2.map((ij) => flagged.has(key(ij))),
        'H',
      );
      expect(relative).toBeLessThanOrEqual(FEW_ULP);
    });

    it(`crossEntropyThirdDerivative([${c.z.join(', ')}]) is within the tolerance of the reference (${c.name})`, () => {
      const flagged = new Set(c.thirdCancellations.map(key));
      const relative = expectWithinTolerance(
        crossEntropyThirdDerivative(c.z).flat(2),
        c.third.flat(2).map(Number),
        grid3.map((ijk) => flagged.has(key(ijk))),
        'T',
      );
      expect(relative).toBeLessThanOrEqual(FEW_ULP);
    });
  }
});

/**
 * The formulas at high precision, written independently of the core. Multiplied through by S²
 * and S³ (S = Σ_k e_k, e_k = e^{z_k − max z} to 200 bits) they hold only e's:
 *   S²·H_ij  = δ_ij e_i S − e_i e_j,
 *   S³·T_ijk = δ_ij e_i (δ_ik S − e_k) S − e_i (δ_ik S − e_k) e_j − e_i e_j (δ_jk S − e_k),
 * and these are evaluated with exact products and sums kept to 4,400 bits, then divided once. So
 * however the terms cancel, as p − p² does at p = 1 − e^-660 or 1 − 2p_0 at z = [−1, −700, −1e5, −1],
 * the error is 2^-4200 of the terms or less, below the float64 range. An entry is a cancellation, as in
 * crossEntropyHessian.py, when the magnitudes of its terms add to more than 10 times the entry.
 */
function referenceDerivatives(z: number[]): { h: number[]; hCancels: boolean[]; t: number[]; tCancels: boolean[] } {
  const times = (...factors: BigFloat[]): BigFloat => factors.reduce((a, b) => ({ m: a.m * b.m, e: a.e + b.e }), ONE);
  const magnitude = (x: BigFloat): BigFloat => ({ m: x.m < 0n ? -x.m : x.m, e: x.e });
  const top = Math.max(...z);
  const e = z.map((zk) => exp(sub(big(zk), big(top))));
  const total = sumOf(e);
  const at = (k: number) => e[k] as BigFloat;
  const deltaS = (i: number, k: number) => (i === k ? total : ZERO);
  const entry = (terms: BigFloat[], scale: BigFloat) => {
    const value = sumOf(terms);
    const size = sumOf(terms.map(magnitude));
    const cancels = size.m !== 0n && (value.m === 0n || sign(sub(size, times(big(10), magnitude(value)))) > 0);
    return { v: toNumber(div(value, scale)), cancels };
  };
  const n = z.length;
  const h: ReturnType<typeof entry>[] = [];
  const t: ReturnType<typeof entry>[] = [];
  const s2 = times(total, total);
  const s3 = times(total, total, total);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h.push(entry([times(deltaS(i, j), at(i)), neg(times(at(i), at(j)))], s2));
      for (let k = 0; k < n; k++) {
        const ik = sub(deltaS(i, k), at(k));
        const jk = sub(deltaS(j, k), at(k));
        const terms = [i === j ? times(at(i), ik, total) : ZERO, neg(times(at(i), ik, at(j))), neg(times(at(i), at(j), jk))];
        t.push(entry(terms, s3));
      }
    }
  }
  return { h: h.map((x) => x.v), hCancels: h.map((x) => x.cancels), t: t.map((x) => x.v), tCancels: t.map((x) => x.cancels) };
}

/** Finite logits: the shared stress cases with a masked (−∞) class replaced by −1e4, and 1 to 8 classes. */
const finiteLogits = fc.oneof(
  extremeLogitVector.map((z) => z.map((v) => (v === -Infinity ? -1e4 : v))),
  logitVector(1, 8, 20),
  fc.array(fc.constantFrom(-1e4, -9999.5, -40, 0, 1e-9, 40, 9999, 1e4), { minLength: 1, maxLength: 8 }),
);

/**
 * Logits that differ by less than 2^-140 (a subnormal difference, say) make e^{z_i − z_j} round to 1 + d
 * with too few bits of d at 200 bits: the reference, not the core, would be wrong there.
 */
const resolvableLogits = finiteLogits.filter((z) => z.every((a) => z.every((b) => a === b || Math.abs(a - b) >= 2 ** -140)));

describe('crossEntropyHessian and crossEntropyThirdDerivative against a 200-bit reference', () => {
  it('crossEntropyHessian(z) and crossEntropyThirdDerivative(z) are within the tolerance for random z, ±1e5 included', () => {
    fc.assert(
      fc.property(resolvableLogits, (z) => {
        const r = referenceDerivatives(z);
        expect(expectWithinTolerance(crossEntropyHessian(z).flat(), r.h, r.hCancels, 'H')).toBeLessThanOrEqual(FEW_ULP);
        expect(expectWithinTolerance(crossEntropyThirdDerivative(z).flat(2), r.t, r.tCancels, 'T')).toBeLessThanOrEqual(FEW_ULP);
      }),
      { numRuns: 100 },
    );
  });
});

/**
 * crossEntropyThirdDerivative(z) against the 200-bit reference where 1 − 2p_a cancels: the entries that
 * are cancellations within `bound` of the largest entry, the others within a few ulp of their own value.
 */
function expectCancellationsWithin(z: number[], bound: number): void {
  const r = referenceDerivatives(z);
  const actual = crossEntropyThirdDerivative(z).flat(2);
  const largest = r.t.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  expect(r.tCancels.filter(Boolean).length).toBeGreaterThan(0);
  r.t.forEach((exact, i) => {
    const error = Math.abs((actual[i] as number) - exact);
    if (r.tCancels[i]) expect(error).toBeLessThanOrEqual(bound * largest);
    else expect(error).toBeLessThanOrEqual(FEW_ULP * Math.abs(exact));
  });
}

describe('crossEntropyThirdDerivative where 1 − 2p_a cancels', () => {
  /*
   * z_a = 1 + 15·2^-52 has bits below the spacing of doubles near 33, so d_c = z_c − z_a = −33 − 15·2^-52
   * rounds to −33 and leaves lo = −15·2^-52 ≈ −3.3e-15; d_b = −42·2^-53 makes e^{d_b} + e^{d_c} ≈ 1, so
   * p_a ≈ ½ and D_a = 1 − 2p_a cancels to about 1e-3 of the terms e^{d_c} that cancel. The module comment
   * promises an error of an ulp of those terms there, a few 1e-16 of the largest entry (p_c ≈ 2.3e-15).
   * Dropping e^{d_c}·lo from R_a, or flipping its sign, moves D_a by p_a·e^{d_c}·|lo| and the entries
   * p_a s_a D_a by about ½·p_c·|lo|·2 ≈ 3e-15 of the largest entry: lo must be kept.
   */
  const z = [1 + 15 * 2 ** -52, 1 - 12 * 2 ** -53, -32];

  it('crossEntropyThirdDerivative([1 + 15·2^-52, 1 − 12·2^-53, −32]) is within 4e-16 of the largest entry where an entry cancels', () => {
    expectCancellationsWithin(z, 4e-16);
  });
});

describe('crossEntropyThirdDerivative where 1 − 2p_a cancels among many classes', () => {
  /*
   * With more than two classes of some size, p_a = ½ leaves R_a = expm1(d_b) + Σ_{k≠a,b} e^{d_k} to cancel
   * between terms of about p_k/p_a: the module comment promises an ulp of those terms, a few 1e-16 of the
   * largest entry. The more classes, the smaller the largest entry (p_b s_b D_b, 2p_a p_b p_k), so the
   * plain difference D_a = s_a − p_a, off by up to an ulp of ½, passes at four and six classes but not at
   * eight (5.7e-16 of the largest entry there). z_a = ln Σ_{k≠a} e^{z_k}, rounded to a double, puts p_a
   * within an ulp of ½.
   */
  const nearHalf = (others: number[]) => [Math.log(others.reduce((sum, zk) => sum + Math.exp(zk), 0)), ...others];
  const cases = [
    { name: 'four classes, three at 0', z: nearHalf([0, 0, 0]) },
    { name: 'six classes, five at 0', z: nearHalf([0, 0, 0, 0, 0]) },
    { name: 'eight classes, seven at 0', z: nearHalf([0, 0, 0, 0, 0, 0, 0]) },
    { name: 'six classes, five unequal', z: nearHalf([0.3, -0.2, 0, 0.7, -1.1]) },
  ];
  for (const c of cases) {
    it(`crossEntropyThirdDerivative(z) is within 4e-16 of the largest entry where an entry cancels (${c.name}, p_a ≈ ½)`, () => {
      expectCancellationsWithin(c.z, 4e-16);
    });
  }
});

describe('crossEntropyHessian and crossEntropyThirdDerivative by hand', () => {
  it('crossEntropyHessian([0, 0, 0]) = [[2/9, −1/9, −1/9], …] (p = ⅓ each)', () => {
    const h = crossEntropyHessian([0, 0, 0]);
    h.forEach((row, i) => expectUlpClose(row, [0, 1, 2].map((j) => (i === j ? 2 / 9 : -1 / 9)), 4));
  });

  it('crossEntropyThirdDerivative([0, 0, 0]) has 2/27 at i = j = k, −1/27 where two indices agree, 2/27 where none do', () => {
    // p s (1 − 2p) = ⅓·⅔·⅓, −p_i p_j (1 − 2p_i) = −⅑·⅓, 2 p_i p_j p_k = 2/27
    const t = crossEntropyThirdDerivative([0, 0, 0]);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const expected = [0, 1, 2].map((k) => (i === j && j === k ? 2 / 27 : i === j || j === k || i === k ? -1 / 27 : 2 / 27));
        expectUlpClose((t[i] as number[][])[j] as number[], expected, 4);
      }
    }
  });

  it('crossEntropyHessian([0, 0]) = [[¼, −¼], [−¼, ¼]] and crossEntropyThirdDerivative([0, 0]) is +0 everywhere', () => {
    expect(crossEntropyHessian([0, 0])).toEqual([
      [0.25, -0.25],
      [-0.25, 0.25],
    ]);
    // p = ½ exactly, so 1 − 2p = 0; toEqual tells +0 from −0
    expect(crossEntropyThirdDerivative([0, 0]).flat(2)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('crossEntropyHessian([3]) = [[0]] and crossEntropyThirdDerivative([3]) = [[[0]]]: one class has p = 1 whatever z', () => {
    expect(crossEntropyHessian([3])).toEqual([[0]]);
    expect(crossEntropyThirdDerivative([3])).toEqual([[[0]]]);
  });

  it('crossEntropyHessian(z) and crossEntropyThirdDerivative(z) leave z unchanged (a frozen array is fine)', () => {
    const z = Object.freeze([1.5, -2, 0.25]) as readonly number[];
    crossEntropyHessian(z);
    crossEntropyThirdDerivative(z);
    expect(z).toEqual([1.5, -2, 0.25]);
  });
});

/**
 * Central differences, h = 1e-5, logits in [−2, 2] with C ≤ 5. The estimate's error is at most about
 * h²/6·|next derivative| (≲ 2e-11, every derivative of L in z is a polynomial in p bounded by about 1)
 * plus rounding, ε·|f|/h ≈ 2e-11 (f, a gradient or Hessian entry, is at most 1 and accurate to a few
 * ulp). The tolerance, 1e-9 absolute, is 20 times that and 100 times below the smallest entry that is
 * not a near-cancellation (p ≥ e^-4/5, so p_i p_j ≥ 1.3e-5 and 2 p_i p_j p_k ≥ 1e-7): a wrong sign,
 * factor or term fails it.
 */
const STEP = 1e-5;
const DIFFERENCE_TOLERANCE = 1e-9;

function centralDifference(f: (z: number[]) => number[], z: number[], k: number): number[] {
  const up = z.slice();
  const down = z.slice();
  up[k] = (z[k] as number) + STEP;
  down[k] = (z[k] as number) - STEP;
  const taken = (up[k] as number) - (down[k] as number);
  const fUp = f(up);
  const fDown = f(down);
  return fUp.map((v, i) => (v - (fDown[i] as number)) / taken);
}

function expectClose(actual: number[], numeric: number[]): void {
  actual.forEach((v, i) => {
    const d = numeric[i] as number;
    if (!(Math.abs(v - d) <= DIFFERENCE_TOLERANCE)) throw new Error(`entry ${i}: analytic ${v}, central difference ${d}`);
  });
}

const moderateLogits = logitVector(2, 5, 2);
const logitsAndTarget = moderateLogits.chain((z) => fc.tuple(fc.constant(z), probabilityRows(1, z.length)));

describe('crossEntropyHessian and crossEntropyThirdDerivative against central differences', () => {
  it('crossEntropyHessian(z) column k is the central difference of crossEntropyGrad([z], [y]) along z_k, for any target y', () => {
    fc.assert(
      fc.property(logitsAndTarget, ([z, y]) => {
        const h = crossEntropyHessian(z);
        const gradient = (x: number[]) => Array.from(crossEntropyGrad([x], y)[0] as Float64Array);
        for (let k = 0; k < z.length; k++) {
          expectClose(
            h.map((row) => row[k] as number),
            centralDifference(gradient, z, k),
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it('crossEntropyThirdDerivative(z)[i][j][k] is the central difference of crossEntropyHessian(z)[i][j] along z_k', () => {
    fc.assert(
      fc.property(moderateLogits, (z) => {
        const t = crossEntropyThirdDerivative(z);
        for (let k = 0; k < z.length; k++) {
          const numeric = centralDifference((x) => crossEntropyHessian(x).flat(), z, k);
          expectClose(
            t.flatMap((plane) => plane.map((row) => row[k] as number)),
            numeric,
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('crossEntropyHessian and crossEntropyThirdDerivative: structure', () => {
  it('crossEntropyHessian(z) is symmetric and its rows sum to 0', () => {
    fc.assert(
      fc.property(finiteLogits, (z) => {
        const h = crossEntropyHessian(z);
        h.forEach((row, i) => {
          row.forEach((v, j) => expect(v).toBe((h[j] as number[])[i]));
          const size = row.reduce((s, v) => s + Math.abs(v), 0);
          expect(Math.abs(row.reduce((s, v) => s + v, 0))).toBeLessThanOrEqual(8 * EPSILON * size + 8 * Number.MIN_VALUE);
        });
      }),
    );
  });

  it('symmetricEigenvalues(crossEntropyHessian(z)) are ≥ 0 up to rounding, and the smallest is 0 (along (1, …, 1))', () => {
    fc.assert(
      fc.property(finiteLogits, (z) => {
        const h = crossEntropyHessian(z);
        const norm = Math.hypot(...h.flat());
        const values = symmetricEigenvalues(h);
        // Jacobi's eigenvalues are within a small multiple of ε‖H‖_F
        const tiny = 16 * EPSILON * norm + 8 * Number.MIN_VALUE;
        expect(values[0] as number).toBeGreaterThanOrEqual(-tiny);
        expect(Math.abs(values[0] as number)).toBeLessThanOrEqual(tiny);
      }),
    );
  });

  it('crossEntropyThirdDerivative(z)[i][j][k] is the same for all six orders of (i, j, k)', () => {
    fc.assert(
      fc.property(finiteLogits, (z) => {
        const t = crossEntropyThirdDerivative(z);
        const at = (i: number, j: number, k: number) => ((t[i] as number[][])[j] as number[])[k] as number;
        const n = z.length;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            for (let k = 0; k < n; k++) {
              const v = at(i, j, k);
              for (const w of [at(i, k, j), at(j, i, k), at(j, k, i), at(k, i, j), at(k, j, i)]) expect(w).toBe(v);
            }
          }
        }
      }),
    );
  });

  it('crossEntropyThirdDerivative(z) sums to 0 along each index: Σ_k T[i][j][k] = Σ_j T[i][j][k] = Σ_i T[i][j][k] = 0', () => {
    fc.assert(
      fc.property(finiteLogits, (z) => {
        const t = crossEntropyThirdDerivative(z);
        const n = z.length;
        const at = (i: number, j: number, k: number) => ((t[i] as number[][])[j] as number[])[k] as number;
        const lines: ((m: number) => number)[] = [];
        for (let a = 0; a < n; a++) {
          for (let b = 0; b < n; b++) lines.push((m) => at(a, b, m), (m) => at(a, m, b), (m) => at(m, a, b));
        }
        for (const line of lines) {
          const values = Array.from({ length: n }, (_, m) => line(m));
          const size = values.reduce((s, v) => s + Math.abs(v), 0);
          expect(Math.abs(values.reduce((s, v) => s + v, 0))).toBeLessThanOrEqual(64 * EPSILON * size + 64 * Number.MIN_VALUE);
        }
      }),
    );
  });

  // z and c are multiples of 2^-10 below 2^15, so every z_i + c is exact: the same differences z_i − z_j,
  // hence (the core only ever uses those) the same results to the last bit.
  const dyadicLogits = fc.array(fc.integer({ min: -20 * 1024, max: 20 * 1024 }), { minLength: 1, maxLength: 6 }).map((v) => v.map((x) => x / 1024));
  const shift = fc.integer({ min: -10_000, max: 10_000 });

  it('crossEntropyHessian(z + c) equals crossEntropyHessian(z)', () => {
    fc.assert(
      fc.property(dyadicLogits, shift, (z, c) => {
        expect(crossEntropyHessian(z.map((v) => v + c))).toEqual(crossEntropyHessian(z));
      }),
    );
  });

  it('crossEntropyThirdDerivative(z + c) equals crossEntropyThirdDerivative(z)', () => {
    fc.assert(
      fc.property(dyadicLogits, shift, (z, c) => {
        expect(crossEntropyThirdDerivative(z.map((v) => v + c))).toEqual(crossEntropyThirdDerivative(z));
      }),
    );
  });
});

describe('crossEntropyHessian and crossEntropyThirdDerivative: bad input', () => {
  const tooLong = Array.from({ length: CROSS_ENTROPY_HESSIAN_MAX_CLASSES + 1 }, (_, i) => i / 10);
  const cases: [string, (z: number[]) => unknown, number[], string][] = [];
  for (const [name, f] of [
    ['crossEntropyHessian', crossEntropyHessian],
    ['crossEntropyThirdDerivative', crossEntropyThirdDerivative],
  ] as const) {
    cases.push(
      [name, f, [], `${name}: z is empty, but it needs at least one logit`],
      [name, f, [1, NaN, 2], `${name}: z[1] = NaN is not finite`],
      [name, f, [Infinity, 0], `${name}: z[0] = Infinity is not finite`],
      [name, f, [0, 1, -Infinity], `${name}: z[2] = -Infinity is not finite`],
      [name, f, tooLong, `${name}: z has length 129 but at most 128 classes are allowed`],
    );
  }
  for (const [name, f, z, message] of cases) {
    const shown = z.length > 4 ? `${z.length} logits` : `[${z.join(', ')}]`;
    it(`${name}(${shown}) throws RangeError('${message}')`, () => {
      let thrown: unknown;
      try {
        f(z);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RangeError);
      expect((thrown as RangeError).message).toBe(message);
    });
  }

  it(`crossEntropyThirdDerivative(z) accepts ${CROSS_ENTROPY_HESSIAN_MAX_CLASSES} logits, the most allowed`, () => {
    const z = tooLong.slice(0, CROSS_ENTROPY_HESSIAN_MAX_CLASSES);
    expect(crossEntropyHessian(z)).toHaveLength(CROSS_ENTROPY_HESSIAN_MAX_CLASSES);
    const entries = crossEntropyThirdDerivative(z).flat(2);
    expect(entries).toHaveLength(CROSS_ENTROPY_HESSIAN_MAX_CLASSES ** 3);
    expect(entries.every(Number.isFinite)).toBe(true);
    // 128³ ≈ 2.1 million entries: under a loaded two-core machine this outgrew the default 5 s.
  }, 30_000);
});
