import { centralDifference, crossEntropy, crossEntropyGrad, crossEntropyHessian, softmax, symmetricEigen } from '../../core';

/**
 * The Hessian explorer's numbers as pure functions of its inputs (logits z and target y): the widget
 * renders them, the unit and claims tests replay them. Every derivative comes from the core.
 */

/** The step of every central difference on this page, said on the page. */
export const FD_STEP = 1e-5;
/** A central difference with h = 10⁻⁵ on values of size 1 is good to about 10⁻¹⁰; a wrong formula is off by far more. */
export const FD_TOLERANCE = 1e-8;
/** An eigenvalue or a product this close to 0 is 0 to the precision at hand (a few ulp of entries ≤ 1). */
export const EXACT = 1e-15;
/** The largest eigenvalue of diag(p) − ppᵀ never exceeds ½ (the chapter proves it). */
export const LAMBDA_BOUND = 0.5;

/** L(z) = −Σ y_c log softmax(z)_c for a target y summing to 1: the core's crossEntropy on one row. */
export function lossAt(z: ArrayLike<number>, y: readonly number[]): number {
  return crossEntropy([z], [y]);
}

/** ∂L/∂z = p − y, from the core. */
export function gradientAt(z: ArrayLike<number>, y: readonly number[]): Float64Array {
  return crossEntropyGrad([z], [y])[0] as Float64Array;
}

export interface HessianView {
  p: Float64Array;
  /** H = ∂²L/∂z² = diag(p) − ppᵀ, from the core: it takes z alone */
  H: number[][];
  /** the eigenvalues of H, ascending, and their unit eigenvectors */
  eigenvalues: number[];
  eigenvectors: Float64Array[];
  lambdaMax: number;
  loss: number;
  gradient: Float64Array;
}

export function hessianView(z: readonly number[], y: readonly number[]): HessianView {
  const H = crossEntropyHessian(z);
  const { values, vectors } = symmetricEigen(H);
  const eigenvalues = Array.from(values);
  return {
    p: softmax(z),
    H,
    eigenvalues,
    eigenvectors: vectors,
    lambdaMax: eigenvalues[eigenvalues.length - 1] as number,
    loss: lossAt(z, y),
    gradient: gradientAt(z, y),
  };
}

/** The index of the eigenvalue that belongs to (1, …, 1): the one whose eigenvector is most nearly parallel to it. */
export function onesIndex(eigenvectors: readonly Float64Array[]): number {
  let best = 0;
  let bestCos = -1;
  eigenvectors.forEach((v, k) => {
    const cos = Math.abs(v.reduce((s, x) => s + x, 0)) / Math.sqrt(v.length);
    if (cos > bestCos) [best, bestCos] = [k, cos];
  });
  return best;
}

/** An eigenvalue within rounding of zero reads "0", not "−1.2 × 10⁻¹⁷". */
export function isZero(v: number): boolean {
  return Math.abs(v) <= EXACT;
}

export interface HessianChecks {
  /** max over i, j of |H_ij − central difference of ∂L/∂z_i in z_j|, with the current y */
  fdError: number;
  /** max_i |(H·1)_i|: (1, …, 1) is in H's null space */
  nullResidual: number;
  /** the smallest eigenvalue: never below 0 (up to rounding) */
  smallest: number;
  lambdaMax: number;
}

/**
 * The Hessian's claims checked on the learner's numbers: it is the derivative of the gradient p − y
 * (estimated by central differences of the core's gradient, with the learner's y), H·1 = 0, no
 * eigenvalue is negative, and λmax ≤ ½.
 */
export function hessianChecks(z: readonly number[], y: readonly number[], view: HessianView): HessianChecks {
  let fdError = 0;
  let nullResidual = 0;
  view.H.forEach((row, i) => {
    nullResidual = Math.max(nullResidual, Math.abs(row.reduce((s, v) => s + v, 0)));
    row.forEach((v, j) => {
      const slope = centralDifference((h) => gradientAt(z.map((zk, k) => (k === j ? zk + h : zk)), y)[i] as number, 0, FD_STEP);
      fdError = Math.max(fdError, Math.abs(slope - v));
    });
  });
  return { fdError, nullResidual, smallest: view.eigenvalues[0] as number, lambdaMax: view.lambdaMax };
}
