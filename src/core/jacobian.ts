import { sumsExcludingEach } from './exactArithmetic';
import { softmax } from './softmax';

/**
 * softmaxJacobian(z, T)[i][j] = ∂p_i/∂z_j at p = softmax(z, T): (1/T)·(p_i δ_ij − p_i p_j).
 * Shape: C rows, each a Float64Array of C; symmetric, rows sum to 0, positive semidefinite.
 *
 * The diagonal p_i(1 − p_i) is computed as p_i·Σ_{k≠i} p_k (the same number, since Σp = 1), from
 * compensated prefix and suffix sums: when p_i ≈ 1, 1 − p_i would round to 0 or keep no correct digits,
 * while Σ_{k≠i} p_k keeps full relative accuracy. A masked (−∞) logit gives a zero row and column.
 * NaN or +∞ logits give an all-NaN matrix, as for {@link softmax}.
 * @param temperature T, a finite number > 0 (default 1): the chain rule brings the factor 1/T.
 */
export function softmaxJacobian(z: ArrayLike<number>, temperature = 1): Float64Array[] {
  const p = softmax(z, temperature);
  const others = sumsExcludingEach(p);
  // 0 − p_i p_j, not −p_i p_j: a masked class gets +0 entries, which display as "0", not "−0".
  // Dividing by T = 1 is exact, so the default needs no separate path.
  return Array.from(p, (pi, i) => p.map((pj, j) => (i === j ? pi * (others[i] as number) : 0 - pi * pj) / temperature));
}
