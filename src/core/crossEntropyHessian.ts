import { accurateSum, sumsExcludingEach, twoSum } from './exactArithmetic';
import { softmaxJacobian } from './jacobian';
import { softmax } from './softmax';
import { checkFiniteLogits } from './validate';

/**
 * The second and third derivatives of cross-entropy in the logits, for chapter 12 ("Beyond the
 * gradient"). L = −Σ_c y_c log softmax(z)_c for any target y summing to 1 has ∂L/∂z = p − y, so
 *
 *   ∂²L/∂z_i∂z_j      = δ_ij p_i − p_i p_j                        (the softmax Jacobian ∂p_i/∂z_j),
 *   ∂³L/∂z_i∂z_j∂z_k  = δ_ij p_i(δ_ik − p_k) − p_i(δ_ik − p_k)p_j − p_i p_j(δ_jk − p_k),
 *
 * and neither depends on y: z is the only argument. Sorting the indices, the third derivative takes
 * three forms, which is how it is computed (with s_a = 1 − p_a and D_a = 1 − 2p_a):
 *
 *   i = j = k = a:           p_a s_a D_a
 *   two equal a, the other b: −p_a p_b D_a
 *   all different:           2 p_i p_j p_k
 *
 * Accuracy, as issue 14 asks: every entry within 1e-12 of its exact value relative to
 * that entry, or within 1e-14 of the largest entry where the exact value is a cancellation, for
 * logits up to ±1e4 and beyond. The scheme:
 * - p comes from softmax (a few ulp each, nothing overflows) and s_a = Σ_{k≠a} p_k from compensated
 *   sums with no subtraction, so p_a ≈ 1 never leaves 1 − p_a as 0 or as a few wrong digits.
 * - The Hessian is the softmax Jacobian and is computed by it (softmaxJacobian, which forms the
 *   diagonal as p_i·Σ_{k≠i} p_k): no entry is a difference, so each is within a few ulp.
 * - D_a = s_a − p_a is a difference. Where p_a < ¼ it is more than ½ in size and that difference
 *   loses nothing. Near p_a = ½ it cancels, and for two classes (or a third that is tiny) every entry
 *   of the tensor is then about as small as D_a, so an absolute error of ulp(½) would be a large
 *   relative one. So wherever p_a ≥ ¼, D_a = (Σ_{k≠a} e^{z_k} − e^{z_a})/Σ_k e^{z_k} = p_a·R_a with
 *     R_a = Σ_{k≠a} e^{d_k} − 1 = expm1(d_b) + Σ_{k≠a,b} e^{d_k},   d_k = z_k − z_a,
 *   b the largest other logit and d_k exact as a double-double (twoSum). For two classes R_a is one
 *   expm1, accurate relative to itself however close the logits; otherwise any cancellation left is
 *   between expm1(d_b) < 0 and the other, positive terms, and costs an ulp of those terms: about an
 *   ulp of the entries 2p_a p_b p_k, which hold the same p_k. Above p_a = ¾, R_a ∈ [−1, −⅔) does not
 *   cancel at all (one boundary, not two, so no test has to tell which side of ¾ a p_a falls).
 *   p_a ≥ ¼ keeps every e^{d_k} ≤ 3, so nothing overflows.
 * - Each entry is then a product of factors within a few ulp each, and so within a few ulp itself,
 *   except where D_a still cancels as above: there its error is an ulp of the terms that cancelled,
 *   a few 1e-16 of the largest entry (tests/core/crossEntropyHessian.test.ts checks both).
 * Exact values below the float64 range (e^{−20000} for logits ±1e4) round to 0 or a subnormal, which
 * is the nearest double, not one within 1e-12 of them: there the error is a few times 2^-1074.
 * Entries of 0 come out as +0, not −0 (0 + x and 0 − x), so they display as "0".
 */

/**
 * The longest z accepted: the third derivative has C³ entries, 2,097,152 numbers (16 MB) at C = 128.
 * The site shows at most 8 classes.
 */
export const CROSS_ENTROPY_HESSIAN_MAX_CLASSES = 128;

/**
 * crossEntropyHessian(z)[i][j] = ∂²L/∂z_i∂z_j = δ_ij p_i − p_i p_j at p = softmax(z), for the
 * cross-entropy L of softmax(z) against any target summing to 1. C rows of C; symmetric, rows sum to 0
 * (the direction (1, …, 1) has eigenvalue 0), positive semidefinite.
 * Each entry is within a few ulp (see the module comment).
 * @throws RangeError for an empty z, a NaN or ±∞ logit, or more than 128 logits.
 */
export function crossEntropyHessian(z: ArrayLike<number>): number[][] {
  checkFiniteLogits('crossEntropyHessian', z, CROSS_ENTROPY_HESSIAN_MAX_CLASSES);
  // ∂L/∂z = p − y, so the Hessian is ∂p/∂z: softmaxJacobian computes exactly these entries, already
  // with p_i(1 − p_i) as p_i·Σ_{k≠i} p_k.
  return softmaxJacobian(z).map((row) => Array.from(row));
}

/**
 * crossEntropyThirdDerivative(z)[i][j][k] = ∂³L/∂z_i∂z_j∂z_k
 *   = δ_ij p_i(δ_ik − p_k) − p_i(δ_ik − p_k)p_j − p_i p_j(δ_jk − p_k)   at p = softmax(z),
 * for the cross-entropy L of softmax(z) against any target summing to 1. C × C × C; the same under
 * every permutation of (i, j, k), exactly; each line along any index sums to 0.
 * Accuracy as in the module comment.
 * @throws RangeError for an empty z, a NaN or ±∞ logit, or more than 128 logits.
 */
export function crossEntropyThirdDerivative(z: ArrayLike<number>): number[][][] {
  checkFiniteLogits('crossEntropyThirdDerivative', z, CROSS_ENTROPY_HESSIAN_MAX_CLASSES);
  const p = softmax(z);
  const s = sumsExcludingEach(p);
  const n = p.length;
  const d = Float64Array.from({ length: n }, (_, a) => oneMinusTwice(z, p, s, a));
  // every entry is set below (each sorted triple for all six orders), so the rows start as typed arrays
  // and are copied to number[] at the end
  const tensor = Array.from({ length: n }, () => Array.from({ length: n }, () => new Float64Array(n)));
  const set = (i: number, j: number, k: number, v: number) => {
    // one value for all six orders, so the tensor is symmetric exactly, not up to rounding
    for (const [a, b, c] of [[i, j, k], [i, k, j], [j, i, k], [j, k, i], [k, i, j], [k, j, i]] as const) {
      ((tensor[a] as Float64Array[])[b] as Float64Array)[c] = v;
    }
  };
  for (let i = 0; i < n; i++) {
    const pi = p[i] as number;
    const di = d[i] as number;
    set(i, i, i, 0 + pi * (s[i] as number) * di);
    for (let j = i + 1; j < n; j++) {
      const pj = p[j] as number;
      const pij = pi * pj;
      set(i, i, j, 0 - pij * di);
      set(i, j, j, 0 - pij * (d[j] as number));
      for (let k = j + 1; k < n; k++) set(i, j, k, 2 * pij * (p[k] as number));
    }
  }
  return tensor.map((plane) => plane.map((row) => Array.from(row)));
}

/**
 * D_a = 1 − 2p_a = s_a − p_a, accurate also where it cancels (p_a near ½): see the module comment.
 * For C = 1 (p_a = 1, no other class) R_a has no −1 to take and this gives 0 instead of −1; the only
 * entry, p_a·s_a·D_a, has s_a = 0 and is 0 either way.
 */
function oneMinusTwice(z: ArrayLike<number>, p: Float64Array, s: Float64Array, a: number): number {
  const pa = p[a] as number;
  const sa = s[a] as number;
  if (!(pa >= 0.25)) return sa - pa;
  const za = z[a] as number;
  // b, the largest other logit (−1 for C = 1); found and summed by mapping over the classes, so no
  // loop bound can overrun them
  const b = p.reduce((best, _, k) => (k !== a && (best < 0 || (z[k] as number) > (z[best] as number)) ? k : best), -1);
  const terms = p.map((_, k) => {
    // class a adds nothing (an exact 0 leaves a compensated sum as it is)
    if (k === a) return 0;
    const dk = twoSum(z[k] as number, -za);
    const e = Math.exp(dk.hi);
    // e^{hi + lo} − [k = b] = (e^{hi} − [k = b]) + e^{hi}·lo, to within lo² ≤ 2^-106·hi²
    return (k === b ? Math.expm1(dk.hi) : e) + e * dk.lo;
  });
  return pa * accurateSum(terms);
}
