/**
 * The logistic sigmoid, its log-space companion softplus, and their derivatives.
 */

/**
 * sigmoid(x) = 1 / (1 + e^{−x}), a number in [0, 1].
 *
 * For x ≥ 0 as 1/(1 + e^{−x}); for x < 0 as e^{x}/(1 + e^{x}). Either way the exponential is ≤ 1, so it
 * never overflows, and for very negative x the result keeps full relative accuracy (e^{x}, not
 * 1 − something). Within a few ulp everywhere; sigmoid(±∞) = 1 or 0, sigmoid(NaN) = NaN.
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * sigmoidGrad(x) = dσ/dx = σ(x)·σ(−x): written with σ(−x) rather than 1 − σ(x), which would round to 0
 * (and lose all relative accuracy) for x ≳ 37.
 */
export function sigmoidGrad(x: number): number {
  return sigmoid(x) * sigmoid(-x);
}

/**
 * softplus(x) = log(1 + e^{x}) = −log σ(−x), a number ≥ 0.
 *
 * Computed as max(x, 0) + log1p(e^{−|x|}): the exponential is ≤ 1 (no overflow for large x) and the
 * two terms are non-negative (no cancellation). softplus(+∞) = +∞, softplus(−∞) = 0.
 */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** d softplus(x)/dx = σ(x). */
export function softplusGrad(x: number): number {
  return sigmoid(x);
}
