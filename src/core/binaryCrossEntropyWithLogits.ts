import { broadcastAt, reduceLosses } from './binaryCrossEntropy';
import { sigmoid, softplus } from './sigmoid';
import { checkBroadcastLength, checkLength, checkReduction, checkUnitInterval, type Reduction } from './validate';

/** Options of {@link binaryCrossEntropyWithLogits}. */
export interface BinaryCrossEntropyWithLogitsOptions {
  /** Per-element weight w_n, length 1 (broadcast) or N. Default 1. */
  weight?: ArrayLike<number>;
  /** Weight pw_n of the positive term, length 1 or N. Default 1. */
  posWeight?: ArrayLike<number>;
  /** Default 'mean' (over the N elements). */
  reduction?: Reduction;
}

function validated(fn: string, x: ArrayLike<number>, y: ArrayLike<number>, options: BinaryCrossEntropyWithLogitsOptions) {
  const reduction = checkReduction(fn, options.reduction);
  checkLength(fn, 'target y', y, x.length, 'the length N of x');
  if (options.weight !== undefined) checkBroadcastLength(fn, 'weight', options.weight, x.length);
  if (options.posWeight !== undefined) checkBroadcastLength(fn, 'posWeight', options.posWeight, x.length);
  checkUnitInterval(fn, 'target y', y);
  return reduction;
}

/** c·v for v ≥ 0, except that a zero coefficient gives 0 also on an infinite term (its limit, not NaN). */
function times(c: number, v: number): number {
  return c === 0 ? 0 : c * v;
}

/**
 * Binary cross-entropy on logits x, as PyTorch's F.binary_cross_entropy_with_logits: the BCE of
 * σ(x) against y, computed without ever forming σ(x).
 *
 * Shapes: x, y and the result for 'none' have length N; weight and posWeight have length 1 or N.
 * ℓ_n = w_n·[pw_n·y_n·softplus(−x_n) + (1 − y_n)·softplus(x_n)], softplus(x) = log(1 + e^x).
 * Numerics: softplus(x) = max(x, 0) + log1p(e^{−|x|}) never overflows, and the two terms are ≥ 0 (PyTorch
 * writes (1 − y)x + … , which cancels), so every value is within a few ulp; no clamp is needed (as
 * PyTorch, no −100 clamp). Finite logits of any size give finite losses; x = ±∞ gives the limit (0 or
 * +∞). NaN in gives NaN. Deviation: targets outside [0, 1] are a RangeError (PyTorch accepts them).
 * @throws RangeError for y outside [0, 1], mismatched lengths, or an unknown reduction.
 */
export function binaryCrossEntropyWithLogits(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: BinaryCrossEntropyWithLogitsOptions & { reduction: 'none' },
): Float64Array;
export function binaryCrossEntropyWithLogits(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: BinaryCrossEntropyWithLogitsOptions & { reduction?: 'mean' | 'sum' },
): number;
export function binaryCrossEntropyWithLogits(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: BinaryCrossEntropyWithLogitsOptions,
): number | Float64Array;
export function binaryCrossEntropyWithLogits(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: BinaryCrossEntropyWithLogitsOptions = {},
): number | Float64Array {
  const reduction = validated('binaryCrossEntropyWithLogits', x, y, options);
  const losses = Float64Array.from(x, (xi, i) => {
    const yi = y[i] as number;
    // y·softplus first: pw·y could underflow for a subnormal y before the (large) softplus scales it up.
    const positive = broadcastAt(options.posWeight, i) * times(yi, softplus(-xi));
    // 1 − y rounded once is enough: its error is below half an ulp of (1 − y)·softplus(x), and the two
    // terms never cancel.
    const negative = times(1 - yi, softplus(xi));
    return broadcastAt(options.weight, i) * (positive + negative);
  });
  return reduceLosses(losses, reduction);
}

/**
 * ∂L/∂x for L = binaryCrossEntropyWithLogits(x, y, options) (for 'none', of the sum); length N.
 * ∂ℓ_n/∂x_n = w_n·[(1 − y_n)·σ(x_n) − pw_n·y_n·σ(−x_n)], divided by N for 'mean'. Written with σ(−x)
 * instead of 1 − σ(x) so that it keeps full relative accuracy for large |x|.
 * @throws RangeError exactly as {@link binaryCrossEntropyWithLogits}.
 */
export function binaryCrossEntropyWithLogitsGrad(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: BinaryCrossEntropyWithLogitsOptions = {},
): Float64Array {
  const reduction = validated('binaryCrossEntropyWithLogitsGrad', x, y, options);
  const n = x.length;
  return Float64Array.from(x, (xi, i) => {
    const yi = y[i] as number;
    const up = (1 - yi) * sigmoid(xi);
    const down = broadcastAt(options.posWeight, i) * yi * sigmoid(-xi);
    const g = broadcastAt(options.weight, i) * (up - down);
    return reduction === 'mean' ? g / n : g;
  });
}
