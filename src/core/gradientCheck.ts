import { GRADIENT_CHECK } from './finiteDifference';
import { roundFloat32, roundFloat64, type Rounding } from './float32';

/**
 * Finite differences as a learner writes them, step by step, in a chosen precision: what chapter 9
 * plots against the step h. Unlike centralDifference (finiteDifference.ts), which divides by the step
 * actually taken so that the project's tests get the best estimate, these divide by the nominal h or
 * 2h, as the textbook formula does: that is the code which "returns only zeros".
 */

export type DifferenceScheme = 'forward' | 'central';
export type Precision = 'float64' | 'float32';

/** Machine epsilon, the gap between 1 and the next number: 2^-52 for float64, 2^-23 for float32. */
export const MACHINE_EPSILON: Readonly<Record<Precision, number>> = { float64: 2 ** -52, float32: 2 ** -23 };

/**
 * How an input is stored before f sees it. Int32Array storage: ToInt32, which truncates towards zero
 * (4.00001 → 4, 3.99999 → 3), exactly what writing into an Int32Array does.
 */
export const storeInt32: Rounding = (v) => v | 0;

/** Every intermediate of one difference quotient, as computed. */
export interface DifferenceTrace {
  scheme: DifferenceScheme;
  /** x and h as stored */
  x: number;
  h: number;
  /** x + h as stored; x − h as stored for central, x itself for forward */
  xPlus: number;
  xMinus: number;
  fPlus: number;
  fMinus: number;
  /** f(x + h) − f(x − h) (or − f(x)), rounded */
  numerator: number;
  /** h (forward) or 2h (central), rounded */
  denominator: number;
  /** numerator / denominator, rounded: the estimate of f′(x) */
  estimate: number;
  /** x + h (and x − h) landed back on x: f gets the same input, the numerator is exactly 0 */
  stepLost: boolean;
}

export interface DifferenceOptions {
  /** the arithmetic's rounding (default float64: none) */
  round?: Rounding;
  /** how inputs are stored (default: as the arithmetic rounds) */
  store?: Rounding;
}

/**
 * differenceTrace(f, x, h, scheme) computes, with every operation rounded by `round` and every input
 * to f stored by `store`:
 *   forward: (f(x + h) − f(x)) / h          error ≈ |f″(x)|·h/2 + 2ε|f|/h, least near h ≈ 2√(ε|f/f″|)
 *   central: (f(x + h) − f(x − h)) / (2h)   error ≈ |f‴(x)|·h²/6 + ε|f|/h, least near h ≈ ∛(3ε|f/f‴|)
 * f should compute in the same precision (see float32.ts). Never throws for finite input; a
 * non-finite f gives a non-finite estimate, which the caller must show as such.
 * @throws RangeError for h ≤ 0 or a non-finite x or h.
 */
export function differenceTrace(
  f: (x: number) => number,
  x: number,
  h: number,
  scheme: DifferenceScheme,
  options: DifferenceOptions = {},
): DifferenceTrace {
  if (!Number.isFinite(x)) throw new RangeError(`differenceTrace: x = ${x} is not finite`);
  if (!Number.isFinite(h) || !(h > 0)) throw new RangeError(`differenceTrace: the step h = ${h} must be a positive finite number`);
  const round = options.round ?? roundFloat64;
  const store = options.store ?? round;
  const x0 = store(x);
  const h0 = round(h);
  const xPlus = store(round(x0 + h0));
  const xMinus = scheme === 'central' ? store(round(x0 - h0)) : x0;
  const fPlus = f(xPlus);
  const fMinus = f(xMinus);
  const numerator = round(fPlus - fMinus);
  const denominator = scheme === 'central' ? round(2 * h0) : h0;
  return {
    scheme,
    x: x0,
    h: h0,
    xPlus,
    xMinus,
    fPlus,
    fMinus,
    numerator,
    denominator,
    estimate: round(numerator / denominator),
    stepLost: xPlus === x0 && xMinus === x0,
  };
}

/** The estimate alone: differenceTrace(…).estimate. */
export function differenceQuotient(f: (x: number) => number, x: number, h: number, scheme: DifferenceScheme, options: DifferenceOptions = {}): number {
  return differenceTrace(f, x, h, scheme, options).estimate;
}

/**
 * relativeError(numeric, analytic) = |numeric − analytic| / |analytic|, computed in float64.
 * An analytic value of exactly 0 has no scale: the error is 0 if the estimate is 0 too, +∞ otherwise
 * (never NaN). A NaN input gives +∞: a failed check, not a silent one.
 */
export function relativeError(numeric: number, analytic: number): number {
  const gap = Math.abs(numeric - analytic);
  // An exact estimate is exact also against 0, where gap / |analytic| would be 0/0. Every other way to
  // a NaN quotient has a NaN or infinite input (NaN gap, ∞/∞), and a nonzero gap over 0 is +∞.
  if (gap === 0) return 0;
  const error = gap / Math.abs(analytic);
  return Number.isNaN(error) ? Infinity : error;
}

/** The tolerances of a gradient check: the core tests' rule, |a − n| ≤ rtol·max(|a|, |n|) + atol. */
export interface GradientTolerance {
  relativeTolerance: number;
  absoluteTolerance: number;
}

/**
 * allowedGap(analytic, numeric) = rtol·max(|analytic|, |numeric|) + atol: how far apart the two may be.
 * The absolute part is what lets an entry near 0 pass, whose round-off is a large fraction of itself.
 */
export function allowedGap(analytic: number, numeric: number, tolerance: GradientTolerance = GRADIENT_CHECK): number {
  return tolerance.relativeTolerance * Math.max(Math.abs(analytic), Math.abs(numeric)) + tolerance.absoluteTolerance;
}

/**
 * gradientCheckPasses(analytic, numeric): |analytic − numeric| ≤ allowedGap(analytic, numeric), the rule
 * of the core tests' expectRelClose (tests/core/helpers.ts) with GRADIENT_CHECK's tolerances by default.
 * A NaN or infinite value fails (an infinite estimate would otherwise allow an infinite gap).
 */
export function gradientCheckPasses(analytic: number, numeric: number, tolerance: GradientTolerance = GRADIENT_CHECK): boolean {
  if (!Number.isFinite(analytic) || !Number.isFinite(numeric)) return false;
  return Math.abs(analytic - numeric) <= allowedGap(analytic, numeric, tolerance);
}

/**
 * The step that balances truncation against round-off for a function of size about 1 with derivatives
 * of size about 1: √ε for the forward difference, ∛ε for the central one. For float64 that is about
 * 1.5e-8 and 6.1e-6; for float32 about 3.5e-4 and 4.9e-3.
 */
export function optimalStep(scheme: DifferenceScheme, precision: Precision): number {
  const eps = MACHINE_EPSILON[precision];
  return scheme === 'forward' ? Math.sqrt(eps) : Math.cbrt(eps);
}

/**
 * The exponents e of a log grid of steps h = 10^e, from `from` to `to` in steps of `by`
 * (both ends included; each exponent rounded to 1e-9 so that −16 + 4·0.25 is −15 exactly).
 * @throws RangeError for an empty or infinite grid.
 */
export function stepExponents(from = -16, to = -1, by = 0.25): number[] {
  if (!(by > 0) || !(to >= from) || !Number.isFinite(from) || !Number.isFinite(to)) {
    throw new RangeError(`stepExponents: no grid from ${from} to ${to} by ${by}`);
  }
  const count = Math.floor((to - from) / by + 1e-9) + 1;
  return Array.from({ length: count }, (_, i) => Math.round((from + i * by) * 1e9) / 1e9);
}

/**
 * errorCurve(f, x, analytic, scheme, exponents, options)[i] = relativeError of the difference
 * quotient at h = 10^exponents[i] against `analytic`: the curve of error against h.
 */
export function errorCurve(
  f: (x: number) => number,
  x: number,
  analytic: number,
  scheme: DifferenceScheme,
  exponents: readonly number[],
  options: DifferenceOptions = {},
): Float64Array {
  const errors = new Float64Array(exponents.length);
  exponents.forEach((e, i) => {
    errors[i] = relativeError(differenceQuotient(f, x, 10 ** e, scheme, options), analytic);
  });
  return errors;
}

/** The step of the smallest error on a curve (the bottom of the V); the first one on a tie. */
export function bestStep(exponents: readonly number[], errors: ArrayLike<number>): { h: number; error: number } {
  const best = exponents.reduce((b, _, i) => ((errors[i] as number) < (errors[b] as number) ? i : b), 0);
  return { h: 10 ** (exponents[best] ?? NaN), error: errors[best] as number };
}

/**
 * spacingAt(x, precision): the gap from |x| to the next larger number of the precision,
 * 2^(⌊log₂|x|⌋ − 52) in float64 and 2^(⌊log₂|x|⌋ − 23) in float32 (for normal x; the smallest
 * subnormal gap near 0). A step h below half of it is lost: x + h rounds back to x.
 */
export function spacingAt(x: number, precision: Precision): number {
  const bits = precision === 'float64' ? 52 : 23;
  const minExponent = precision === 'float64' ? -1022 : -126;
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return NaN;
  // ⌊log₂ a⌋ read from the double's exponent field, exactly, rather than from Math.log2, whose last
  // bit the language leaves to the engine. 0 and subnormals read −1023, which the floor raises.
  EXPONENT_VIEW.setFloat64(0, a);
  const e = (EXPONENT_VIEW.getUint16(0) >> 4) - 1023;
  return 2 ** (Math.max(e, minExponent) - bits);
}

/** One 8-byte view, reused: spacingAt allocates nothing per call. */
const EXPONENT_VIEW = new DataView(new ArrayBuffer(8));

/**
 * The precision's rounding, by name: chosen at the call rather than read from a table built when the
 * module loads, whose mutants the mutation run cannot switch on after the load (an emptied table
 * "survived" there, though this file's tests fail on it).
 */
export function roundingOf(precision: Precision): Rounding {
  return precision === 'float32' ? roundFloat32 : roundFloat64;
}
