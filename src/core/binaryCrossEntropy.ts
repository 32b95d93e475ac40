import { accurateSum, twoSum } from './exactArithmetic';
import { checkBroadcastLength, checkLength, checkReduction, checkUnitInterval, type Reduction } from './validate';

/** Options of {@link binaryCrossEntropy}. */
export interface BinaryCrossEntropyOptions {
  /** Per-element weight w_n, length 1 (broadcast) or N. Default 1. */
  weight?: ArrayLike<number>;
  /** Default 'mean' (the mean over the N elements, as PyTorch, not over the weights). */
  reduction?: Reduction;
}

/** Element n of a length-1-or-N weight, or 1 when there is none. */
export function broadcastAt(values: ArrayLike<number> | undefined, n: number): number {
  if (values === undefined) return 1;
  return (values.length === 1 ? values[0] : values[n]) as number;
}

/** Applies a reduction to per-element losses: compensated Σ, and /N for 'mean' (NaN when N = 0). */
export function reduceLosses(losses: Float64Array, reduction: Reduction): number | Float64Array {
  if (reduction === 'none') return losses;
  const total = accurateSum(losses);
  return reduction === 'sum' ? total : total / losses.length;
}

/** PyTorch clamps each log at −100 so that p ∈ {0, 1} gives a finite loss (and gradient). */
const LOG_FLOOR = -100;

/**
 * Binary cross-entropy of probabilities p against targets y, as PyTorch's F.binary_cross_entropy.
 *
 * Shapes: p, y and the result for 'none' have length N; weight has length 1 or N.
 * ℓ_n = −w_n·[y_n·max(log p_n, −100) + (1 − y_n)·max(log(1 − p_n), −100)]; 'mean' is Σℓ_n / N.
 * Numerics: log(1 − p) is log1p(−p), accurate for tiny p; 1 − y is kept as an exact double-double;
 * the two bracketed terms are both ≤ 0, so they never cancel. The clamp makes p = 0 with y = 1 give
 * exactly 100 and a zero-coefficient term give 0 rather than 0·(−∞) = NaN.
 * NaN in p, y or weight gives NaN (no throw).
 * @throws RangeError if p or y lie outside [0, 1], or on mismatched lengths or an unknown reduction.
 */
export function binaryCrossEntropy(
  p: ArrayLike<number>,
  y: ArrayLike<number>,
  options: BinaryCrossEntropyOptions & { reduction: 'none' },
): Float64Array;
export function binaryCrossEntropy(
  p: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: BinaryCrossEntropyOptions & { reduction?: 'mean' | 'sum' },
): number;
export function binaryCrossEntropy(
  p: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: BinaryCrossEntropyOptions,
): number | Float64Array;
export function binaryCrossEntropy(
  p: ArrayLike<number>,
  y: ArrayLike<number>,
  options: BinaryCrossEntropyOptions = {},
): number | Float64Array {
  const fn = 'binaryCrossEntropy';
  const reduction = checkReduction(fn, options.reduction);
  const n = p.length;
  checkLength(fn, 'target y', y, n, 'the length N of p');
  if (options.weight !== undefined) checkBroadcastLength(fn, 'weight', options.weight, n);
  checkUnitInterval(fn, 'probability p', p);
  checkUnitInterval(fn, 'target y', y);
  // mapped over p (length N), so no loop bound can overrun it
  const losses = Float64Array.from(p, (pi, i) => {
    const yi = y[i] as number;
    const logP = Math.max(Math.log(pi), LOG_FLOOR);
    const logQ = Math.max(Math.log1p(-pi), LOG_FLOOR);
    const notY = twoSum(1, -yi);
    const bracket = yi * logP + (notY.hi * logQ + notY.lo * logQ);
    return -broadcastAt(options.weight, i) * bracket;
  });
  return reduceLosses(losses, reduction);
}
