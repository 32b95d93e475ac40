import { describe, expect, it } from 'vitest';
import { softmaxJacobian, symmetricEigen, symmetricEigenvalues } from '../../src/core';
import { expectRelClose, expectUlpClose, fc } from './helpers';
import { logitVector } from './arbitraries';

const EPS = 2 ** -52;

function frobenius(a: number[][]): number {
  return Math.hypot(...a.flat()); // hypot: no underflow of v² for tiny entries
}

/** Q = a product of n(n−1) Givens rotations (two rounds over all pairs i < j) by the given angles. */
function rotation(n: number, angles: number[]): number[][] {
  const q: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_unused, j) => (i === j ? 1 : 0)));
  let k = 0;
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const theta = angles[k++ % angles.length] as number;
        const [c, s] = [Math.cos(theta), Math.sin(theta)];
        for (const row of q) {
          const [x, y] = [row[i] as number, row[j] as number];
          row[i] = c * x - s * y;
          row[j] = s * x + c * y;
        }
      }
    }
  }
  return q;
}

/** A = QΛQᵀ, symmetrised exactly (rounding leaves a_ij and a_ji a few ulp apart). */
function fromSpectrum(q: number[][], lambda: number[]): number[][] {
  const n = lambda.length;
  const a = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_unused, j) => lambda.reduce((s, l, k) => s + (q[i] as number[])[k]! * l * (q[j] as number[])[k]!, 0)),
  );
  return a.map((row, i) => row.map((v, j) => (i <= j ? v : (a[j] as number[])[i] as number)));
}

const spectrumCase = fc.integer({ min: 1, max: 16 }).chain((n) =>
  fc.tuple(
    fc.array(fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(0, 1, 1)), { minLength: n, maxLength: n }),
    fc.array(fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), { minLength: 1, maxLength: 40 }),
  ),
);

describe('symmetricEigenvalues', () => {
  it('symmetricEigenvalues of a diagonal matrix is its diagonal, sorted, exactly (and subnormals survive)', () => {
    expect(Array.from(symmetricEigenvalues([[3, 0, 0], [0, -1, 0], [0, 0, 2]]))).toEqual([-1, 2, 3]);
    expect(Array.from(symmetricEigenvalues([[5]]))).toEqual([5]);
    expect(symmetricEigenvalues([]).length).toBe(0);
    expect(Array.from(symmetricEigenvalues([[0, 5e-324], [5e-324, 0]]))).toEqual([-5e-324, 5e-324]);
  });

  it('symmetricEigenvalues of a 2×2 matrix is (a + d)/2 ∓ hypot((a − d)/2, b)', () => {
    const entry = fc.double({ min: -100, max: 100, noNaN: true });
    fc.assert(
      fc.property(entry, entry, entry, (a, b, d) => {
        const mean = (a + d) / 2;
        const radius = Math.hypot((a - d) / 2, b);
        const scale = Math.abs(a) + Math.abs(b) + Math.abs(d);
        expectRelClose(symmetricEigenvalues([[a, b], [b, d]]), [mean - radius, mean + radius], 0, 8 * EPS * scale + 1e-300);
      }),
    );
  });

  it('symmetricEigenvalues of the 1-D Laplacian tridiag(−1, 2, −1) is 2 − √2, 2, 2 + √2', () => {
    expectUlpClose(symmetricEigenvalues([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]), [2 - Math.SQRT2, 2, 2 + Math.SQRT2], 4);
    // and of the all-ones 4×4: 0, 0, 0, 4.
    expectRelClose(symmetricEigenvalues([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]), [0, 0, 0, 4], 4 * EPS, 8 * EPS);
  });

  it('symmetricEigenvalues(QΛQᵀ) recovers Λ (sorted) within a few ulp of ‖Λ‖', () => {
    fc.assert(
      fc.property(spectrumCase, ([lambda, angles]) => {
        const a = fromSpectrum(rotation(lambda.length, angles), lambda);
        const expected = [...lambda].sort((x, y) => x - y);
        const scale = Math.max(1, ...lambda.map(Math.abs));
        expectRelClose(symmetricEigenvalues(a), expected, 0, 64 * lambda.length * EPS * scale);
      }),
    );
  });

  it('Σλ = trace(A) and Σλ² = ‖A‖_F² for random symmetric matrices', () => {
    const matrix = fc.integer({ min: 1, max: 10 }).chain((n) =>
      fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    );
    fc.assert(
      fc.property(matrix, (m) => {
        const a = m.map((row, i) => row.map((v, j) => (i <= j ? v : (m[j] as number[])[i] as number)));
        const lambda = Array.from(symmetricEigenvalues(a));
        const norm = frobenius(a);
        const n = a.length;
        const trace = a.reduce((s, row, i) => s + (row[i] as number), 0);
        expect(Math.abs(lambda.reduce((s, l) => s + l, 0) - trace)).toBeLessThanOrEqual(32 * n * EPS * norm + 1e-300);
        expect(Math.abs(lambda.reduce((s, l) => s + l * l, 0) - norm * norm)).toBeLessThanOrEqual(64 * n * EPS * norm * norm + 1e-300);
        lambda.slice(1).forEach((l, k) => expect(l).toBeGreaterThanOrEqual(lambda[k] as number));
      }),
    );
  });

  it('the softmax Jacobian has eigenvalues ≥ −tiny and one eigenvalue ≈ 0 with eigenvector 1/√C', () => {
    fc.assert(
      fc.property(logitVector(2, 8, 10), (z) => {
        const jacobian = softmaxJacobian(z);
        const { values, vectors } = symmetricEigen(jacobian);
        const tiny = 16 * z.length * EPS * frobenius(jacobian.map((row) => Array.from(row)));
        values.forEach((l) => expect(l).toBeGreaterThanOrEqual(-tiny));
        // The smallest eigenvalue is the 0 of J·1 = 0; when another is ≈ 0 too (p nearly one-hot),
        // the eigenvector for 0 is not unique, so only check it when the gap is clear.
        expect(Math.abs(values[0] as number)).toBeLessThanOrEqual(tiny);
        if ((values[1] as number) > 1e-6) {
          const v = vectors[0] as Float64Array;
          const c = z.length;
          const sign = Math.sign(v[0] as number);
          expectRelClose(v.map((x) => sign * x), new Array<number>(c).fill(1 / Math.sqrt(c)), 0, 1e-9);
        }
      }),
    );
  });
});

describe('symmetricEigen', () => {
  it('symmetricEigen gives orthonormal vectors with A·v = λv', () => {
    fc.assert(
      fc.property(spectrumCase, ([lambda, angles]) => {
        const a = fromSpectrum(rotation(lambda.length, angles), lambda);
        const { values, vectors } = symmetricEigen(a);
        const n = a.length;
        const scale = Math.max(1, ...lambda.map(Math.abs));
        expectRelClose(values, symmetricEigenvalues(a), 0, 0);
        vectors.forEach((v, k) => {
          const av = a.map((row) => row.reduce((s, x, j) => s + x * (v[j] as number), 0));
          expectRelClose(av, Array.from(v, (x) => (values[k] as number) * x), 0, 64 * n * EPS * scale);
          vectors.forEach((w, l) => {
            const dot = v.reduce((s, x, j) => s + x * (w[j] as number), 0);
            expect(Math.abs(dot - (k === l ? 1 : 0))).toBeLessThanOrEqual(64 * n * EPS);
          });
        });
      }),
    );
  });

  it('symmetricEigen takes 0 sweeps for a diagonal matrix and 1 for a 2×2 one (one rotation zeroes its only pair)', () => {
    expect(symmetricEigen([[3, 0], [0, -1]]).sweeps).toBe(0);
    const { values, sweeps } = symmetricEigen([[2, 1], [1, 2]]);
    expect(sweeps).toBe(1);
    expectUlpClose(values, [1, 3], 2);
  });

  it('symmetricEigen ends with every off-diagonal entry exactly 0 within 20 sweeps, up to 16×16', () => {
    // Quadratic convergence, then the Numerical Recipes rule for what rounding leaves: the cap of 60
    // sweeps is far above what any matrix here needs.
    fc.assert(
      fc.property(spectrumCase, ([lambda, angles]) => {
        const { sweeps } = symmetricEigen(fromSpectrum(rotation(lambda.length, angles), lambda));
        expect(sweeps).toBeLessThanOrEqual(20);
      }),
      { numRuns: 500 },
    );
  });

  it('symmetricEigen of I + 1e-161·N zeroes the subnormal remains in sweep 5, the first the rule allows', () => {
    // A triple eigenvalue 1 (the perturbation is far below its last bit). Rotations inside the
    // degenerate block are by π/4 and leave products near 1e-322, subnormal bits that rounding keeps
    // alive; every one of them is below the diagonal's last bits, so the Numerical Recipes rule zeroes
    // them all as soon as it applies (after 4 sweeps) and not before.
    const e = [3e-161, -2e-161, 1e-161];
    const { values, vectors, sweeps } = symmetricEigen([[1, e[0]!, e[1]!], [e[0]!, 1, e[2]!], [e[1]!, e[2]!, 1]]);
    expect(sweeps).toBe(5);
    expect(Array.from(values)).toEqual([1, 1, 1]);
    vectors.forEach((v, k) => vectors.forEach((w, l) => {
      const dot = v.reduce((s, x, j) => s + x * (w[j] as number), 0);
      expect(Math.abs(dot - (k === l ? 1 : 0))).toBeLessThanOrEqual(8 * EPS);
    }));
  });

  it('symmetricEigen skips a zero a_pq between equal diagonal entries instead of rotating by 0/0', () => {
    // [[2, 0, 1], [0, 2, 0], [1, 0, 2]]: pair (0, 1) has a_pp = a_qq and a_pq = 0, where τ = 0/0 would
    // poison every entry. The (0, 2) block [[2, 1], [1, 2]] rotates by exactly π/4 to 1 and 3.
    const { values, vectors } = symmetricEigen([[2, 0, 1], [0, 2, 0], [1, 0, 2]]);
    expect(Array.from(values)).toEqual([1, 2, 3]);
    expectRelClose(vectors[1]!.map(Math.abs), [0, 1, 0], 0, 0);
  });

  it('symmetricEigen leaves its input unchanged and accepts Float64Array rows', () => {
    const a = [Float64Array.of(2, 1), Float64Array.of(1, 2)];
    const { values } = symmetricEigen(a);
    expectUlpClose(values, [1, 3], 2);
    expect(a.map((row) => Array.from(row))).toEqual([[2, 1], [1, 2]]);
  });
});

describe('eigen: bad input and NaN', () => {
  it('a non-square, ragged or non-symmetric matrix is a RangeError', () => {
    expect(() => symmetricEigenvalues([[1, 2, 3], [2, 1, 0]])).toThrow(/symmetricEigenvalues: row 0 has length 3 but a square matrix of 2 rows needs 2/);
    expect(() => symmetricEigenvalues([[1, 2], [2]])).toThrow(/row 1 has length 1/);
    expect(() => symmetricEigen([[1, 2], [2.5, 1]])).toThrow(/symmetricEigen: the matrix is not symmetric: a\[1\]\[0\] = 2.5 but a\[0\]\[1\] = 2/);
    expect(() => symmetricEigenvalues([[1, 2], [2, 1]])).not.toThrow();
    // within 2^-40 of the largest entry: rounding, averaged away
    expect(() => symmetricEigenvalues([[1e6, 2], [2 + 1e-7, 1]])).not.toThrow();
  });

  it('a NaN or infinite entry gives all-NaN eigenvalues', () => {
    expect(Array.from(symmetricEigenvalues([[1, NaN], [NaN, 1]])).every(Number.isNaN)).toBe(true);
    expect(Array.from(symmetricEigenvalues([[Infinity, 0], [0, 1]])).every(Number.isNaN)).toBe(true);
  });

  it('symmetricEigen with one NaN on the diagonal gives all-NaN values and vectors', () => {
    // One bad entry in one row poisons every eigenvalue, not just that row's.
    const { values, vectors } = symmetricEigen([[NaN, 0], [0, 1]]);
    expect(Array.from(values).every(Number.isNaN)).toBe(true);
    expect(vectors).toHaveLength(2);
    expect(vectors.every((v) => v.length === 2 && Array.from(v).every(Number.isNaN))).toBe(true);
  });

  it('symmetricEigenvalues names a row that is not an array (null, a number or a string)', () => {
    const notRows = [null, 5, 'ab'] as unknown as ArrayLike<number>[];
    for (const bad of notRows) {
      expect(() => symmetricEigenvalues([bad, [1, 2]])).toThrow(/symmetricEigenvalues: row 0 has length not an array but a square matrix of 2 rows needs 2/);
    }
  });

  it('symmetricEigenvalues of the zero matrix is all zeros (zero differences pass the symmetry check)', () => {
    expect(Array.from(symmetricEigenvalues([[0, 0], [0, 0]]))).toEqual([0, 0]);
  });

  it('symmetricEigenvalues averages a_ij and a_ji that differ by rounding: [[0, 1], [1 + 2^-42, 0]] → ∓(1 + 2^-43)', () => {
    // 2^-42 ≤ 2^-40·(1 + 2^-42), so the pair is accepted and replaced by its mean m = 1 + 2^-43 (exact);
    // the eigenvalues of [[0, m], [m, 0]] are ±m.
    expect(Array.from(symmetricEigenvalues([[0, 1], [1 + 2 ** -42, 0]]))).toEqual([-(1 + 2 ** -43), 1 + 2 ** -43]);
    expect(Array.from(symmetricEigenvalues([[0, 1 + 2 ** -42], [1, 0]]))).toEqual([-(1 + 2 ** -43), 1 + 2 ** -43]);
  });
});
