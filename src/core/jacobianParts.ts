import { softmax } from './softmax';

/**
 * The softmax Jacobian as the sum of its two parts, J = diag(p) + (−p pᵀ), at p = softmax(z):
 *   diagonal[i][j] = p_i δ_ij,   outer[i][j] = −p_i p_j.
 * Shapes: C × C each. For showing the decomposition: their sum is J up to one rounding per entry,
 * but on the diagonal p_i − p_i² cancels when p_i ≈ 1, so compute J itself with softmaxJacobian,
 * which avoids that subtraction.
 */
export function softmaxJacobianParts(z: ArrayLike<number>): { diagonal: Float64Array[]; outer: Float64Array[] } {
  const p = softmax(z);
  const n = p.length;
  const diagonal: Float64Array[] = [];
  const outer: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Float64Array(n);
    const pi = p[i] as number;
    d[i] = pi;
    diagonal.push(d);
    // 0 − p_i p_j: a masked class gives +0, which reads "0", not "−0"; mapped, so no loop bound can
    // overrun p
    outer.push(p.map((pj) => 0 - pi * pj));
  }
  return { diagonal, outer };
}
