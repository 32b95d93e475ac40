import { centralDifference, softmax, symmetricEigenvalues } from '../../core';
import { formatNumber } from '../../format/formatNumber';

/**
 * The Jacobian explorer's checks as a pure function of its inputs: JacobianChecks renders them, the
 * unit and claims tests replay them.
 */

/** The tolerances the checks use: a few ulp of the entries' size, and the unit tests' own. */
export const EXACT = 1e-15;
export const FD_TOLERANCE = 1e-8;

/** An eigenvalue within rounding of zero reads "0", not "−1.2 × 10⁻¹⁷": it is 0 to the precision at hand. */
export function eigenvalueText(v: number): string {
  return Math.abs(v) <= EXACT ? '0' : formatNumber(v, 3);
}

export interface JacobianCheckResults {
  /** the largest |J_ij − J_ji| */
  asymmetry: number;
  /** the largest |Σ_j J_ij| */
  rowSum: number;
  /** J's eigenvalues, ascending */
  eigenvalues: number[];
  /** a central-difference estimate of ∂p_i/∂z_j for the cell shown */
  estimate: number;
  /** |estimate − J_ij| */
  fdError: number;
}

/**
 * J is symmetric, each row sums to 0, no eigenvalue is negative (one is 0: shifting every logit
 * changes nothing), and the formula's entry agrees with a central-difference estimate of ∂p_i/∂z_j.
 */
export function jacobianChecks(logits: readonly number[], jacobian: readonly Float64Array[], cell: readonly [number, number]): JacobianCheckResults {
  const n = jacobian.length;
  let asymmetry = 0;
  let rowSum = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const v = jacobian[i]?.[j] ?? NaN;
      sum += v;
      asymmetry = Math.max(asymmetry, Math.abs(v - (jacobian[j]?.[i] ?? NaN)));
    }
    rowSum = Math.max(rowSum, Math.abs(sum));
  }
  const eigenvalues = Array.from(symmetricEigenvalues(jacobian));
  const [i, j] = cell;
  const estimate = centralDifference((h) => softmax(logits.map((z, k) => (k === j ? z + h : z)))[i] ?? NaN, 0);
  const analytic = jacobian[i]?.[j] ?? NaN;
  return { asymmetry, rowSum, eigenvalues, estimate, fdError: Math.abs(estimate - analytic) };
}
