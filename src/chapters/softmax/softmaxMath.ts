import { logSoftmax, softmax } from '../../core';
import { formatNumber } from '../../format/formatNumber';

/**
 * The softmax explorer's checks and notes as pure functions of its inputs: the widget renders them,
 * the unit and claims tests replay them.
 */

/** How far the shift-invariance check moves the logits: big enough to matter, far from overflow. */
export const CHECK_SHIFT = 7;

/**
 * The smooth maximum at temperature T, T·LSE(z/T) = T·ln Σ_k e^{z_k/T}, as max z plus a gap.
 *
 * The gap is taken from log-softmax rather than by subtracting max z from a computed LSE: since
 * ln p_max = max z/T − LSE(z/T), the gap T·LSE(z/T) − max z is exactly −T·ln p_max, which the core
 * computes to a few ulp even when it is 10⁻⁸⁸ (T = 0.1, logits 20 apart), where max z + gap rounds
 * to max z. It lies in (0, T ln C]: above 0 because every other class adds to the sum, at most T ln C,
 * reached when every logit is the same.
 */
export interface SmoothMaximum {
  /** max z */
  max: number;
  /** T·LSE(z/T) − max z = −T ln p_max */
  gap: number;
  /** T·LSE(z/T) = max z + gap */
  value: number;
  /** T ln C, the most the gap can be */
  bound: number;
}

export function smoothMaximum(logits: readonly number[], temperature: number): SmoothMaximum {
  const max = Math.max(...logits);
  const top = logits.indexOf(max);
  const gap = 0 - temperature * (logSoftmax(logits, temperature)[top] ?? NaN);
  return { max, gap, value: max + gap, bound: temperature * Math.log(logits.length) };
}

export interface SoftmaxCheckResults {
  total: number;
  /** |Σ p − 1| */
  sumGap: number;
  /** the largest |softmax(z + CHECK_SHIFT)_i − softmax(z)_i| */
  shiftGap: number;
  /** a larger logit always has a larger probability */
  sameOrder: boolean;
  smooth: SmoothMaximum;
  /** max z < T·LSE(z/T) ≤ max z + T ln C, the upper end allowing the rounding of ln C */
  smoothOk: boolean;
}

/** The chapter's claims, checked on the learner's numbers (SoftmaxChecks renders them). */
export function softmaxChecks(logits: readonly number[], temperature: number, probabilities: ArrayLike<number>): SoftmaxCheckResults {
  const p = Array.from(probabilities);
  const total = p.reduce((a, b) => a + b, 0);
  const shifted = softmax(
    logits.map((z) => z + CHECK_SHIFT),
    temperature,
  );
  const shiftGap = Math.max(...p.map((pi, i) => Math.abs(pi - (shifted[i] ?? NaN))));
  const sameOrder = logits.every((zi, i) => logits.every((zj, j) => (zi < zj) === ((p[i] ?? 0) < (p[j] ?? 0))));
  const smooth = smoothMaximum(logits, temperature);
  const smoothOk = smooth.gap > 0 && smooth.gap <= smooth.bound * (1 + 1e-12);
  return { total, sumGap: Math.abs(total - 1), shiftGap, sameOrder, smooth, smoothOk };
}

/**
 * What a shift of every logit by c did to the probabilities, `before` and `after` it. Usually nothing
 * at all; but a logit such as 2.1 is not exactly a binary number, so 2.1 + 1, rounded to the double
 * nearest 3.1, is not exactly 1 above it, and a probability can move in its last binary digit. The
 * note says so rather than claiming an exactness the numbers do not have.
 */
export function shiftNote(c: number, before: ArrayLike<number>, after: ArrayLike<number>): string {
  let gap = 0;
  for (let i = 0; i < before.length; i++) gap = Math.max(gap, Math.abs((before[i] ?? NaN) - (after[i] ?? NaN)));
  const added = c < 0 ? `Subtracted ${formatNumber(-c, 0)} from` : `Added ${formatNumber(c, 0)} to`;
  if (gap === 0) return `${added} every logit: the probabilities did not change.`;
  if (!(gap < 1e-12)) return `${added} every logit: the probabilities changed by up to ${formatNumber(gap, 2)}.`;
  return (
    `${added} every logit: the probabilities did not change, except by ${formatNumber(gap, 2)} in their last ` +
    'binary digits (a logit such as 2.1 is not exactly a binary number, so the shift is not exactly 1).'
  );
}
