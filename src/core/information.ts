import { accurateSum } from './exactArithmetic';
import { checkLength } from './validate';

/**
 * Information content, entropy, cross-entropy and KL divergence of discrete distributions given as
 * probabilities (the information chapter), in nats by default or in bits.
 *
 * Default base: nats ('e'), as everywhere else in the core (crossEntropy, PyTorch, scipy.stats.entropy),
 * so that distributionCrossEntropy(y, softmax(z)) is crossEntropy([z], [y]) without a conversion. The
 * chapter that shows bits first passes base 2 explicitly, which also makes the unit visible at the call.
 * Base 2 uses Math.log2, so powers of two come out exact: informationContent(1/8, 2) = 3.
 *
 * Inputs are not required to sum to 1 (as PyTorch); negative entries, a base other than 2 or 'e', and
 * mismatched lengths are a RangeError. NaN in gives NaN out, even in a 0·log 0 term.
 */
export type InformationBase = 2 | 'e';

function checkBase(fn: string, base: unknown): void {
  if (base !== 2 && base !== 'e') throw new RangeError(`${fn}: base ${String(base)} is not 2 or 'e'`);
}

function checkNonNegative(fn: string, name: string, values: ArrayLike<number>): void {
  const i = Array.prototype.findIndex.call(values, (v: number) => v < 0);
  if (i !== -1) throw new RangeError(`${fn}: ${name}[${i}] = ${values[i]} is negative`);
}

function logIn(base: InformationBase, x: number): number {
  return base === 2 ? Math.log2(x) : Math.log(x);
}

/**
 * informationContent(p) = −log p, the surprise of an event of probability p in [0, 1]: 0 for p = 1,
 * +∞ for p = 0, larger for rarer events. RangeError for p outside [0, 1].
 */
export function informationContent(p: number, base: InformationBase = 'e'): number {
  checkBase('informationContent', base);
  if (p < 0 || p > 1) throw new RangeError(`informationContent: probability ${p} is outside [0, 1]`);
  return 0 - logIn(base, p); // 0 − log 1 = +0, not −0
}

/** d informationContent/dp = −1/(p ln b): −∞ at p = 0. */
export function informationContentGrad(p: number, base: InformationBase = 'e'): number {
  checkBase('informationContentGrad', base);
  if (p < 0 || p > 1) throw new RangeError(`informationContentGrad: probability ${p} is outside [0, 1]`);
  return -1 / (base === 2 ? p * Math.LN2 : p);
}

/**
 * entropy(p) = H(p) = −Σ_i p_i log p_i with 0·log 0 = 0; the expected surprise. For p summing to 1,
 * 0 ≤ H(p) ≤ log C, the maximum at the uniform distribution. Each term is ≥ 0 for p_i ≤ 1, so the sum
 * does not cancel; it is compensated (accurateSum), so the uniform case is log C to a few ulp for any C.
 * Shape: p has length C; returns a number.
 */
export function entropy(p: ArrayLike<number>, base: InformationBase = 'e'): number {
  checkBase('entropy', base);
  checkNonNegative('entropy', 'p', p);
  const terms = Float64Array.from(p as ArrayLike<number>, (pi) => (pi === 0 ? 0 : -pi * logIn(base, pi)));
  return accurateSum(terms);
}

/**
 * ∂H/∂p_i = −(log p_i + 1/ln b) for p treated as unconstrained (on the simplex, only differences between
 * entries matter): +∞ at p_i = 0, the entropy's infinite slope there. Length C.
 */
export function entropyGrad(p: ArrayLike<number>, base: InformationBase = 'e'): Float64Array {
  checkBase('entropyGrad', base);
  checkNonNegative('entropyGrad', 'p', p);
  const unit = base === 2 ? Math.LOG2E : 1;
  return Float64Array.from(p as ArrayLike<number>, (pi) => -(logIn(base, pi) + unit));
}

/**
 * distributionCrossEntropy(y, p) = H(y, p) = −Σ_i y_i log p_i, with 0·log 0 = 0 (a class the target
 * never picks costs nothing, whatever p says) and +∞ where y_i > 0 but p_i = 0. Gibbs: H(y, p) ≥ H(y).
 * Shapes: y and p of length C; returns a number.
 */
export function distributionCrossEntropy(y: ArrayLike<number>, p: ArrayLike<number>, base: InformationBase = 'e'): number {
  const fn = 'distributionCrossEntropy';
  validatePair(fn, y, p, base);
  const terms = Float64Array.from(y as ArrayLike<number>, (yi, i) => {
    const pi = p[i] as number;
    return yi === 0 ? 0 * pi : -yi * logIn(base, pi); // 0·p is NaN for a NaN p
  });
  return accurateSum(terms);
}

/**
 * ∂H(y, p)/∂p_i = −y_i/(p_i ln b), length C: 0 where y_i = 0, −∞ where y_i > 0 = p_i. This is also the
 * gradient of klDivergence(y, p) with respect to p on the simplex (the two differ by H(y), which does
 * not depend on p), so KL has no separate gradient function.
 */
export function distributionCrossEntropyGrad(y: ArrayLike<number>, p: ArrayLike<number>, base: InformationBase = 'e'): Float64Array {
  validatePair('distributionCrossEntropyGrad', y, p, base);
  return Float64Array.from(y as ArrayLike<number>, (yi, i) => {
    const pi = p[i] as number;
    return yi === 0 ? 0 * pi : -yi / (base === 2 ? pi * Math.LN2 : pi);
  });
}

/**
 * klDivergence(y, p) = KL(y‖p) = Σ_i y_i log(y_i/p_i), the extra surprise of coding y with p:
 * H(y, p) = H(y) + KL(y‖p). Shapes: y and p of length C; returns a number ≥ 0.
 *
 * Computed as Σ_i [y_i log(y_i/p_i) − y_i + p_i]: the added Σ(p − y) is 0 for distributions with equal
 * sums, and it makes every term ≥ 0 (it is y·φ(u), φ(u) = u − log(1 + u) ≥ 0, u = (p − y)/y). So the
 * result is ≥ 0 even for rounded inputs whose sums are not exactly 1 (where the plain sum can be < 0),
 * is exactly 0 when y = p, and never cancels: for p ≈ y each term is ≈ (p − y)²/(2y), where
 * Σ y·(log y − log p) would be a difference of nearly equal numbers and keep no correct digits (and
 * Σ −y·log1p((p − y)/y) still sums first-order terms ±(p − y) that cancel only across classes).
 * Near y (y/2 ≤ p ≤ 2y, where p − y is exact) the term is (p − y)²/(p + y) − 2y·Σ_k s^{2k+1}/(2k+1)
 * with s = (p − y)/(p + y), |s| ≤ 1/3: the atanh series of log(1 + u) with its first term folded into
 * the square. Elsewhere (p − y) − y·log(p/y), which cancels by a factor of at most about 6.
 * Terms with y_i = 0 contribute p_i; y_i > 0 = p_i gives +∞. Bits: the nats result × log₂e (one rounding).
 */
export function klDivergence(y: ArrayLike<number>, p: ArrayLike<number>, base: InformationBase = 'e'): number {
  validatePair('klDivergence', y, p, base);
  const terms = Float64Array.from(y as ArrayLike<number>, (yi, i) => klTerm(yi, p[i] as number));
  const sum = accurateSum(terms);
  return base === 2 ? sum * Math.LOG2E : sum;
}

/** y·log(y/p) − y + p ≥ 0, to a few ulp. */
function klTerm(y: number, p: number): number {
  // y = 0 gives p (NaN for a NaN p). Neither NaN nor p = 0 needs a case of its own: NaN passes through
  // every step below, and log 0 = −∞ makes the term +∞.
  if (y === 0) return p;
  const d = p - y;
  if (2 * p >= y && p <= 2 * y) { // not p ≥ y/2: y/2 rounds to 0 for y = 2^-1074
    const s = d / (p + y);
    const s2 = s * s;
    // Σ_{k≥1} s^{2k+1}/(2k+1) = s³·(1/3 + s²/5 + s⁴/7 + …) by Horner from the 20th term down: with
    // s² ≤ 1/9 the terms left out are below 9^-20 ≈ 2^-63 of the first.
    let series = 0;
    for (let k = 41; k >= 3; k -= 2) series = series * s2 + 1 / k;
    return d * s - 2 * y * (s * s2 * series); // d·s, not d²/(p + y): d² can underflow where the term does not
  }
  const ratio = p / y;
  // p/y overflows or underflows only when |log(p/y)| > 700, where log p − log y is accurate enough.
  const logRatio = ratio > 2 ** -1000 && ratio < 2 ** 1000 ? Math.log(ratio) : Math.log(p) - Math.log(y);
  return d - y * logRatio;
}

function validatePair(fn: string, y: ArrayLike<number>, p: ArrayLike<number>, base: unknown): void {
  checkBase(fn, base);
  checkLength(fn, 'p', p, y.length, 'the length C of y');
  checkNonNegative(fn, 'y', y);
  checkNonNegative(fn, 'p', p);
}
