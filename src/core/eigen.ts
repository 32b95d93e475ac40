/**
 * Eigenvalues (and eigenvectors) of small real symmetric matrices, such as the softmax Jacobian or a
 * loss surface's Hessian, by the cyclic Jacobi method (Golub & Van Loan, Matrix Computations, §8.5;
 * Numerical Recipes' `jacobi`). Jacobi is slow for large n (O(n³) per sweep, about 6–10 sweeps) but
 * simple, backward stable, accurate for small eigenvalues, and plenty for the n ≤ 16 or so shown here.
 */

/** The eigen-decomposition A = V·diag(values)·Vᵀ. */
export interface SymmetricEigen {
  /** The n eigenvalues, ascending. */
  values: Float64Array;
  /** vectors[k] is a unit eigenvector (length n) for values[k]; the vectors are orthonormal. */
  vectors: Float64Array[];
  /** How many sweeps of rotations it took until every off-diagonal entry was exactly 0 (0 for a diagonal matrix). */
  sweeps: number;
}

/** Entries may differ from their transposes by this much, relative to the largest entry. */
const SYMMETRY_TOLERANCE = 2 ** -40;
const MAX_SWEEPS = 60;

/**
 * symmetricEigenvalues(a) = the eigenvalues of the real symmetric n × n matrix a, ascending.
 * a is given as n rows of length n; entries that differ from their transpose by up to 2^-40 of the
 * largest |a_ij| (rounding in a product such as QΛQᵀ) are averaged. Any NaN or ±∞ entry gives all-NaN.
 * Accuracy: each eigenvalue within a small multiple of 2^-53·‖A‖_F (Weyl), usually much better.
 * @throws RangeError for a non-square, ragged or non-symmetric matrix.
 */
export function symmetricEigenvalues(a: ArrayLike<ArrayLike<number>>): Float64Array {
  return jacobi('symmetricEigenvalues', a).values;
}

/**
 * symmetricEigen(a): eigenvalues (ascending) and orthonormal eigenvectors of the real symmetric matrix a,
 * as {@link symmetricEigenvalues}; the rotations are accumulated into V at O(n) extra cost per rotation.
 * The sign of each eigenvector is arbitrary.
 */
export function symmetricEigen(a: ArrayLike<ArrayLike<number>>): SymmetricEigen {
  return jacobi('symmetricEigen', a);
}

function checkedCopy(fn: string, a: ArrayLike<ArrayLike<number>>): Float64Array[] {
  const n = a.length;
  const rows: Float64Array[] = [];
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const row = a[i];
    if (row === null || typeof row !== 'object' || row.length !== n) {
      const len = row !== null && typeof row === 'object' ? row.length : 'not an array';
      throw new RangeError(`${fn}: row ${i} has length ${len} but a square matrix of ${n} rows needs ${n}`);
    }
    const copy = Float64Array.from(row);
    for (const v of copy) largest = Math.max(largest, Math.abs(v));
    rows.push(copy);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = (rows[i] as Float64Array)[j] as number;
      const lower = (rows[j] as Float64Array)[i] as number;
      if (Math.abs(upper - lower) > SYMMETRY_TOLERANCE * largest) {
        throw new RangeError(`${fn}: the matrix is not symmetric: a[${j}][${i}] = ${lower} but a[${i}][${j}] = ${upper}`);
      }
      // Halve each before adding (no overflow), but only when they differ: ½·2^-1074 would round to 0.
      const mean = upper === lower ? upper : 0.5 * upper + 0.5 * lower;
      (rows[i] as Float64Array)[j] = (rows[j] as Float64Array)[i] = mean;
    }
  }
  return rows;
}

/** Σ_{p<q} |a_pq|: the sweeps stop when it is exactly 0. */
function offDiagonal(a: Float64Array[]): number {
  let off = 0;
  for (let q = 1; q < a.length; q++) {
    const row = a[q] as Float64Array;
    for (let p = 0; p < q; p++) off += Math.abs(row[p] as number);
  }
  return off;
}

/**
 * Cyclic Jacobi, column by column, until every off-diagonal entry is exactly 0: each rotation sets its
 * a_pq to 0, convergence is quadratic, and what rounding leaves behind is zeroed by the rule below.
 * The eigenvectors are always accumulated: O(n) per rotation, little next to the rotation itself.
 */
function jacobi(fn: string, input: ArrayLike<ArrayLike<number>>): SymmetricEigen {
  const a = checkedCopy(fn, input);
  const n = a.length;
  const v = a.map((_, i) => Float64Array.from({ length: n }, (_unused, j) => (i === j ? 1 : 0)));
  if (a.some((row) => row.some((x) => !Number.isFinite(x)))) {
    return { values: new Float64Array(n).fill(NaN), vectors: v.map((row) => row.fill(NaN)), sweeps: 0 };
  }
  const at = (i: number, j: number) => (a[i] as Float64Array)[j] as number;
  const set = (i: number, j: number, x: number) => ((a[i] as Float64Array)[j] = x);
  let sweeps = 0;
  while (offDiagonal(a) !== 0 && sweeps < MAX_SWEEPS) {
    sweeps++;
    for (let q = 1; q < n; q++) {
      for (let p = 0; p < q; p++) {
        const apq = at(p, q);
        const app = at(p, p);
        const aqq = at(q, q);
        // Numerical Recipes: after a few sweeps an a_pq below the last bits of both diagonal entries
        // can no longer change them; zero it rather than rotate, so that the iteration ends where
        // rounding in the subnormal range would otherwise keep a few off-diagonal bits alive.
        if (sweeps > 4 && 100 * Math.abs(apq) <= 2 ** -52 * Math.min(Math.abs(app), Math.abs(aqq))) {
          set(p, q, 0);
          set(q, p, 0);
          continue;
        }
        if (apq === 0) continue;
        // The smaller rotation angle (|θ| ≤ π/4): t = tan θ = sgn(τ)/(|τ| + √(1 + τ²)),
        // τ = (a_qq − a_pp)/(2a_pq); hypot keeps √(1 + τ²) from overflowing when a_pq is tiny.
        const tau = (aqq - app) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.hypot(1, tau));
        const c = 1 / Math.hypot(1, t);
        const s = t * c;
        const rho = s / (1 + c);
        set(p, p, app - t * apq);
        set(q, q, aqq + t * apq);
        set(p, q, 0);
        set(q, p, 0);
        // a' = Jᵀ a J on rows/columns p and q, written as x − s(y + ρx) (Numerical Recipes' update,
        // which perturbs x by a small correction instead of recombining c·x − s·y).
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue;
          const arp = at(r, p);
          const arq = at(r, q);
          const newRp = arp - s * (arq + rho * arp);
          const newRq = arq + s * (arp - rho * arq);
          set(r, p, newRp);
          set(p, r, newRp);
          set(r, q, newRq);
          set(q, r, newRq);
        }
        for (const row of v) {
          const vrp = row[p] as number;
          const vrq = row[q] as number;
          row[p] = vrp - s * (vrq + rho * vrp);
          row[q] = vrq + s * (vrp - rho * vrq);
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => at(i, i) - at(j, j));
  return {
    values: Float64Array.from(order, (i) => at(i, i)),
    vectors: order.map((k) => Float64Array.from(v, (row) => row[k] as number)),
    sweeps,
  };
}
