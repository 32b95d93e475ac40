/**
 * The logistic sigmoid, its log-space companion softplus, and their derivatives.
 */

/**
 * sigmoid(x) = 1 / (1 + e^{−x}), a number in [0, 1].
 *
 * Computed as e^{min(x, 0)} / (1 + e^{−|x|}): for x ≥ 0 that is 1/(1 + e^{−x}), for x < 0 it is
 * e^{x}/(1 + e^{x}). Either way the exponentials are ≤ 1, so nothing overflows, and for very negative x
 * the result keeps full relative accuracy (e^{x}, not 1 − something). One formula rather than a branch
 * on the sign, whose two sides agree at 0 anyway. Within a few ulp everywhere; sigmoid(±∞) = 1 or 0,
 * sigmoid(NaN) = NaN.
 */
export function sigmoid(x: number): number {
  return Math.exp(Math.min(x, 0)) / (1 + Math.exp(-Math.abs(x)));
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
