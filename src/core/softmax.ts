import { compensatedSum, twoProduct, twoSum } from './exactArithmetic';
import { checkTemperature } from './validate';

/**
 * Everything softmax, logSoftmax and logSumExp share for one vector z at temperature T.
 * q_i = (z_i − max z)/T ≤ 0 is kept as a double-double (qHi + qLo), e_i = e^{q_i},
 * log1pR = log1p(Σ_{k≠argmax} e_k), and sumHi + sumLo = Σ e_k = 1 + Σ_{k≠argmax} e_k.
 * `special` short-circuits rows whose answer is fixed: any NaN, a +∞ logit, or every logit −∞ (or none).
 */
export interface ShiftedExponentials {
  max: number;
  qHi: Float64Array;
  qLo: Float64Array;
  e: Float64Array;
  log1pR: number;
  sumHi: number;
  sumLo: number;
  special: 'nan' | 'positiveInfinity' | 'allMasked' | null;
}

/**
 * Shifts, scales and exponentiates z. Why the double-double argument: z_i − m rounds to a relative
 * error 2^-53, an absolute error up to |z_i − m|·2^-53; through e^x that becomes a relative error of
 * |x|·2^-53, hundreds of ulp when |x| ≈ 700. Carrying the rounding error (TwoSum for the difference,
 * the exact division residual from TwoProduct for /T) and applying it as e^{hi}·(1 + lo) keeps e_i
 * within about one ulp.
 */
export function shiftedExponentials(z: ArrayLike<number>, temperature = 1): ShiftedExponentials {
  const n = z.length;
  let max = -Infinity;
  // 0 until a logit beats −∞; a row where none does is special and never reads it.
  let argmax = 0;
  let special: ShiftedExponentials['special'] = null;
  for (let i = 0; i < n; i++) {
    const v = z[i] as number;
    if (Number.isNaN(v)) special = 'nan';
    else if (v > max) {
      max = v;
      argmax = i;
    }
  }
  if (Number.isNaN(temperature)) special = 'nan';
  if (special === null && max === Infinity) special = 'positiveInfinity';
  // every logit −∞, or none at all: Σ e^{z_k} = 0
  if (special === null && max === -Infinity) special = 'allMasked';
  const qHi = new Float64Array(n);
  const qLo = new Float64Array(n);
  const e = new Float64Array(n);
  if (special !== null) {
    // sumHi and log1pR NaN make every p_i and log p_i NaN without a branch in the callers.
    return { max, qHi, qLo, e, log1pR: NaN, sumHi: NaN, sumLo: 0, special };
  }
  for (let i = 0; i < n; i++) {
    const d = twoSum(z[i] as number, -max);
    // Divided even at T = 1, where the residual is 0 and lo passes through unchanged: one path for all T.
    const hi = d.hi / temperature;
    // d.hi − hi·T is exact (hi is the correctly rounded quotient), so it is the division's residual.
    // A −∞ quotient (a masked logit, or T tiny) has no residual; its lo is 0 so e^{hi}·lo is 0, not NaN.
    const qt = twoProduct(hi, temperature);
    const lo = Number.isFinite(hi) ? (d.hi - qt.hi - qt.lo + d.lo) / temperature : 0;
    qHi[i] = hi;
    qLo[i] = lo;
    // e^{hi+lo} = e^{hi}(1 + lo + …); adding eHi·lo rather than multiplying by fl(1 + lo) keeps lo.
    // Below hi ≈ −745 both terms underflow to 0, which is the answer.
    const eHi = Math.exp(hi);
    e[i] = eHi + eHi * lo;
  }
  const rest = compensatedSum(e, argmax);
  const total = twoSum(1, rest.hi);
  return {
    max,
    qHi,
    qLo,
    e,
    log1pR: Math.log1p(rest.hi + rest.lo),
    sumHi: total.hi,
    sumLo: total.lo + rest.lo,
    special,
  };
}

/**
 * softmax(z, T)_i = e^{z_i/T} / Σ_k e^{z_k/T}, for a vector z of C logits; returns a new Float64Array.
 *
 * Computed as e^{q_i} / Σ_k e^{q_k} with q_i = (z_i − max z)/T ≤ 0 (so nothing overflows) held as a
 * double-double, and the sum taken by compensated summation: each p_i is within a few ulp of the exact
 * value for finite logits of any size. A −∞ logit (a masked class) gets probability 0.
 * Special rows: any NaN (in z or T) → all NaN; a +∞ logit → all NaN (as PyTorch; the limit is
 * ambiguous when several logits are +∞); every logit −∞ → all NaN (0/0, as PyTorch).
 * @param temperature T, a finite number > 0 (default 1); otherwise a RangeError.
 */
export function softmax(z: ArrayLike<number>, temperature = 1): Float64Array {
  checkTemperature('softmax', temperature);
  // A special row has sumHi = NaN, so every p_i is NaN.
  const s = shiftedExponentials(z, temperature);
  // 1/(hi + lo) ≈ (1/hi)(1 − lo/hi): one more rounding instead of losing lo entirely.
  const correction = s.sumLo / s.sumHi;
  return s.e.map((e) => {
    const quotient = e / s.sumHi;
    return quotient - quotient * correction;
  });
}

/**
 * logSoftmax(z, T)_i = z_i/T − log Σ_k e^{z_k/T}, for a vector z of C logits; a new Float64Array.
 *
 * Computed as −(−q_i + log1p(r)) with q_i = (z_i − max z)/T ≤ 0 as a double-double and
 * r = Σ_{k≠argmax} e^{q_k}: both terms are non-negative, so there is no cancellation and every entry is
 * within a few ulp, including log p ≈ −e^{-40} for a dominant logit. A −∞ logit gives −∞.
 * Special rows as for {@link softmax}: NaN, a +∞ logit, or all −∞ give all NaN.
 */
export function logSoftmax(z: ArrayLike<number>, temperature = 1): Float64Array {
  checkTemperature('logSoftmax', temperature);
  // A special row has log1pR = NaN, so every log p_i is NaN.
  const s = shiftedExponentials(z, temperature);
  // 0 − (…) rather than −(…): the top class of [0, −∞] gets log p = +0, not −0.
  return s.qHi.map((qHi, i) => 0 - (-qHi + (s.log1pR - (s.qLo[i] as number))));
}

/**
 * logSumExp(z) = log Σ_k e^{z_k} for a vector z; a number.
 *
 * Computed as m + log1p(r), m = max z, r = Σ_{k≠argmax} e^{z_k − m} (a tied maximum adds 1 to r), with
 * the exponent arguments as double-doubles and r by compensated summation. The result is within a few
 * ulp of max(|m|, log1p(r)); when m < 0 and log1p(r) nearly cancel it, the error is relative to that
 * larger term, not to the (small) result.
 * Returns −∞ for an empty z or all −∞ (log 0), +∞ if any logit is +∞ (and none NaN), NaN for any NaN.
 */
export function logSumExp(z: ArrayLike<number>): number {
  const s = shiftedExponentials(z);
  if (s.special === 'positiveInfinity') return Infinity;
  if (s.special === 'allMasked') return -Infinity;
  // a NaN row has log1pR = NaN
  return s.max + s.log1pR;
}
