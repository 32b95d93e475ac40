/**
 * Central finite differences, the independent check on every analytic derivative in the core.
 */

/**
 * The gradient check of the core's own tests (tests/core/helpers.ts, expectGradientMatches): a central
 * difference, accepted when |analytic − numeric| ≤ relativeTolerance·max(|analytic|, |numeric|) + atol.
 * Many of those tests take `step` and `relativeTolerance` from here; each passes its own atol (1e-11 to
 * 1e-8) to suit its function. Chapter 9 shows this object and runs it live with `absoluteTolerance`.
 * A step of 1e-5 is near ∛ε ≈ 6e-6, where a central difference in float64 is most accurate, and leaves
 * about 1e-10 of truncation and round-off: 1e-6 is a tolerance no correct formula comes near failing
 * and no wrong one (a dropped factor, a sign) passes, on entries of ordinary size.
 * absoluteTolerance: the round-off of the estimate is about ε·|f|/step in absolute terms, whatever the
 * size of the derivative (about 1e-10 for a loss near 10): a derivative near 0 needs this floor, 1e-9,
 * or a correct formula fails a relative test. Entries below about 1e-9 are then not really tested.
 */
export const GRADIENT_CHECK = { step: 1e-5, relativeTolerance: 1e-6, absoluteTolerance: 1e-9 } as const;

/**
 * centralDifference(f, x, h) ≈ f'(x) = (f(x + h) − f(x − h)) / ((x + h) − (x − h)).
 *
 * Dividing by the step actually taken, (x + h) − (x − h), rather than 2h removes the error from x ± h
 * not being representable. The truncation error is f'''(x)h²/6 and the rounding error about
 * ε·|f|/h (ε = 2^-52), which balance near h ≈ ∛ε ≈ 6e-6 for values and derivatives of size 1; the
 * default scales it with x, 6e-6·max(1, |x|), because the spacing of doubles near x grows with |x|.
 */
export function centralDifference(f: (x: number) => number, x: number, h?: number): number {
  const step = h ?? 6e-6 * Math.max(1, Math.abs(x));
  const up = x + step;
  const down = x - step;
  return (f(up) - f(down)) / (up - down);
}

/**
 * numericalGradient(f, x, h)[i] ≈ ∂f/∂x_i by a central difference in each coordinate (2n calls of f).
 * f receives a fresh Float64Array each call, so it may keep or change it; x is not mutated.
 * The default step per coordinate is as in {@link centralDifference}.
 */
export function numericalGradient(f: (x: Float64Array) => number, x: ArrayLike<number>, h?: number): Float64Array {
  const n = x.length;
  const gradient = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const step = h ?? 6e-6 * Math.max(1, Math.abs(xi));
    const plus = Float64Array.from(x as ArrayLike<number>);
    const minus = Float64Array.from(x as ArrayLike<number>);
    plus[i] = xi + step;
    minus[i] = xi - step;
    gradient[i] = (f(plus) - f(minus)) / ((plus[i] as number) - (minus[i] as number));
  }
  return gradient;
}
