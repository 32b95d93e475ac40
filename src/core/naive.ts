import { logSoftmax, softmax } from './softmax';

/**
 * Softmax and cross-entropy the way they break, beside the way they don't: the naive forms
 * e^{z_i}/Σ_k e^{z_k} and −log p_y, the max-shifted stable forms, the "add 1e-8 inside the log" trick,
 * and the gradients of the fused and the unfused loss. Each comes in float64 and in emulated float32:
 * every float32 operation is a float64 operation rounded with Math.fround, exp included
 * (fround(exp(fround(x))) is +∞ above ln(FLT_MAX) ≈ 88.72, as a float32 expf is). Non-finite results
 * are returned, never hidden: they are what chapter 10 shows.
 */

export type Precision = 'float32' | 'float64';

/** The largest finite float32, (2 − 2^-23)·2^127. */
export const FLT_MAX = 3.4028234663852886e38;

/**
 * e^x overflows to +∞ above these: ln(FLT_MAX) ≈ 88.7228 in float32, ln(DBL_MAX) ≈ 709.7827 in float64.
 */
export const OVERFLOW_THRESHOLD: Readonly<Record<Precision, number>> = {
  float32: Math.log(FLT_MAX),
  float64: Math.log(Number.MAX_VALUE),
};

const identity = (x: number) => x;

/** Rounding to the precision: Math.fround for float32, nothing for float64. */
export function rounding(precision: Precision): (x: number) => number {
  if (precision === 'float32') return Math.fround;
  if (precision === 'float64') return identity;
  throw new RangeError(`rounding: precision ${String(precision)} is not 'float32' or 'float64'`);
}

/** e^x in the precision: fround(exp(fround(x))) in float32, so +∞ above ln(FLT_MAX). */
export function exponential(x: number, precision: Precision = 'float64'): number {
  const r = rounding(precision);
  return r(Math.exp(r(x)));
}

/** The steps of one softmax: e_i = e^{z_i − shift}, their sum, and p_i = e_i / sum. */
export interface SoftmaxSteps {
  /** 0 for the naive form, max z for the stable one */
  shift: number;
  exponentials: Float64Array;
  sum: number;
  probabilities: Float64Array;
}

function checkLogits(fn: string, z: ArrayLike<number>): void {
  if (z.length === 0) throw new RangeError(`${fn}: the logits are empty`);
}

function checkLabel(fn: string, label: number, classes: number): void {
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new RangeError(`${fn}: label ${label} is not a class index in [0, ${classes})`);
  }
}

function checkEpsilon(fn: string, epsilon: number): void {
  if (!(epsilon >= 0) || epsilon === Infinity) throw new RangeError(`${fn}: epsilon ${epsilon} is not a finite number ≥ 0`);
}

/** e_i = e^{z_i − shift}, the left-to-right sum and e_i/sum, every operation rounded to the precision. */
function shiftedSoftmax(z: ArrayLike<number>, shift: number, precision: Precision): SoftmaxSteps {
  const r = rounding(precision);
  const n = z.length;
  const exponentials = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = exponential(r(r(z[i] as number) - shift), precision);
    exponentials[i] = e;
    sum = r(sum + e);
  }
  const probabilities = exponentials.map((e) => r(e / sum));
  return { shift, exponentials, sum, probabilities };
}

/**
 * The naive softmax p_i = e^{z_i} / Σ_k e^{z_k}, computed literally. Overflow (z_i above the
 * threshold) makes e_i = ∞ and p_i = ∞/∞ = NaN; if every e_i underflows, p_i = 0/0 = NaN.
 */
export function naiveSoftmax(z: ArrayLike<number>, precision: Precision = 'float64'): SoftmaxSteps {
  checkLogits('naiveSoftmax', z);
  return shiftedSoftmax(z, 0, precision);
}

/** Naive cross-entropy −log p_y with p the naive softmax: NaN after ∞/∞, +∞ after p_y = 0. */
export function naiveCrossEntropy(z: ArrayLike<number>, label: number, precision: Precision = 'float64'): number {
  checkLabel('naiveCrossEntropy', label, z.length);
  const p = naiveSoftmax(z, precision).probabilities[label] as number;
  return rounding(precision)(-Math.log(p));
}

/**
 * The stable softmax: e_i = e^{z_i − m} with m = max z, so every exponent is ≤ 0 and e_i ≤ 1, and the
 * sum is ≥ 1 (the top class contributes e^0). In float64 the probabilities are the core's
 * {@link softmax} (a few ulp); in float32 every step is rounded.
 */
export function stableSoftmax(z: ArrayLike<number>, precision: Precision = 'float64'): SoftmaxSteps {
  checkLogits('stableSoftmax', z);
  const r = rounding(precision);
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) max = Math.max(max, r(z[i] as number));
  const steps = shiftedSoftmax(z, max, precision);
  return precision === 'float64' ? { ...steps, probabilities: softmax(z) } : steps;
}

/**
 * log-softmax log p_i = (z_i − m) − log Σ_k e^{z_k − m}: finite for finite logits, however far apart,
 * even where p_i itself underflows to 0. float64 is the core's {@link logSoftmax}.
 */
export function stableLogSoftmax(z: ArrayLike<number>, precision: Precision = 'float64'): Float64Array {
  checkLogits('stableLogSoftmax', z);
  if (precision === 'float64') return logSoftmax(z);
  const r = rounding(precision);
  const { shift, sum } = stableSoftmax(z, precision);
  const logSum = r(Math.log(sum));
  return Float64Array.from(z, (v) => r(r(r(v) - shift) - logSum));
}

/** Cross-entropy from log-softmax, −log p_y: the stable (fused) form. */
export function stableCrossEntropy(z: ArrayLike<number>, label: number, precision: Precision = 'float64'): number {
  checkLabel('stableCrossEntropy', label, z.length);
  return rounding(precision)(-(stableLogSoftmax(z, precision)[label] as number));
}

/**
 * The epsilon trick, L_ε = −log(p_y + ε), with p from the stable softmax: finite where p_y underflows
 * to 0, but capped at −log ε ≈ 18.42 for ε = 1e-8.
 */
export function epsilonCrossEntropy(z: ArrayLike<number>, label: number, epsilon: number, precision: Precision = 'float64'): number {
  checkLabel('epsilonCrossEntropy', label, z.length);
  checkEpsilon('epsilonCrossEntropy', epsilon);
  const r = rounding(precision);
  const p = stableSoftmax(z, precision).probabilities[label] as number;
  return r(-Math.log(r(p + r(epsilon))));
}

/**
 * The error the trick adds, exactly: L_ε − L = −log(p + ε) + log p = −log(1 + ε/p), from log p (so it
 * is right where p underflows). Computed as log p − logaddexp(log p, log ε); ≤ 0 (the trick lowers the
 * loss); 0 for ε = 0.
 */
export function epsilonLossError(logP: number, epsilon: number): number {
  checkEpsilon('epsilonLossError', epsilon);
  if (epsilon === 0) return 0;
  // −log(1 + ε/p) = −softplus(d) with d = log ε − log p, as max(d, 0) + log(1 + e^{−|d|}): two terms
  // ≥ 0, so nothing cancels, and e^{−|d|} ≤ 1 never overflows. (One formula for p ≥ ε and p < ε, so
  // no comparison decides which of two equal answers at p = ε is taken.)
  const d = Math.log(epsilon) - logP;
  return -(Math.max(d, 0) + Math.log1p(Math.exp(-Math.abs(d))));
}

/**
 * What the trick keeps of the gradient: ∂L_ε/∂z = (p_y/(p_y + ε))·(p − y) for a one-hot y, so the
 * factor p_y/(p_y + ε) = 1/(1 + ε/p_y), from log p_y. It falls to ½ at p_y = ε and to 0 below.
 */
export function epsilonGradientFactor(logP: number, epsilon: number): number {
  checkEpsilon('epsilonGradientFactor', epsilon);
  if (epsilon === 0) return 1;
  return 1 / (1 + Math.exp(Math.log(epsilon) - logP));
}

/**
 * The fused backward of cross-entropy on logits: ∂L/∂z_j = p_j − y_j, with p = exp(log-softmax), for
 * a one-hot y at `label`. No division, no log of a probability: finite for finite logits.
 */
export function fusedGradient(z: ArrayLike<number>, label: number, precision: Precision = 'float64'): Float64Array {
  checkLabel('fusedGradient', label, z.length);
  const r = rounding(precision);
  const logP = stableLogSoftmax(z, precision);
  return logP.map((lp, j) => r(r(Math.exp(lp)) - (j === label ? 1 : 0)));
}

/** The unfused backward, step by step: u = ∂L/∂p and g = ∂L/∂z = Jᵀu. */
export interface ChainGradient {
  /** u_k = −y_k / (p_k + ε) */
  upstream: Float64Array;
  /** g_j = Σ_k u_k p_k (δ_kj − p_j) */
  gradient: Float64Array;
}

/**
 * The backward pass of L = −log(p_y + ε) taken the unfused way, as autograd would through log and
 * softmax separately: u_k = −y_k/(p_k + ε), then g_j = Σ_k u_k·J_kj with J_kj = p_k(δ_kj − p_j), every
 * operation rounded to the precision. Exactly, g = (p_y/(p_y + ε))(p − y). With ε = 0 and some p_k = 0
 * it gives NaN (−1/0 · 0, or 0/0 for a class that is not the label), as autograd does; a NaN p gives NaN.
 * @param p the probabilities the loss was computed from (naive or stable, in the same precision)
 */
export function chainGradient(p: ArrayLike<number>, label: number, epsilon: number, precision: Precision = 'float64'): ChainGradient {
  checkLabel('chainGradient', label, p.length);
  checkEpsilon('chainGradient', epsilon);
  const r = rounding(precision);
  const n = p.length;
  const eps = r(epsilon);
  const upstream = Float64Array.from({ length: n }, (_, k) => r(-(k === label ? 1 : 0) / r((p[k] as number) + eps)));
  // g_j by a map over j (so no loop bound can overrun p), each a left-to-right sum over k
  const gradient = upstream.map((_, j) => {
    let g = 0;
    for (let k = 0; k < n; k++) {
      const jacobian = r((p[k] as number) * r((k === j ? 1 : 0) - (p[j] as number)));
      g = r(g + r((upstream[k] as number) * jacobian));
    }
    return g;
  });
  return { upstream, gradient };
}

/** The unfused backward as autograd runs it: u = ∂L/∂p, the dot ⟨u, p⟩, and g = p ⊙ (u − ⟨u, p⟩). */
export interface SoftmaxBackwardChain extends ChainGradient {
  /** ⟨u, p⟩ = Σ_k u_k p_k, for a one-hot y just u_t·p_t (−p_t/(p_t + ε)) */
  dot: number;
}

/**
 * The backward pass of L = −ln(p_t + ε) taken the unfused way, as autograd runs it through log and
 * softmax as two separate steps: u_k = −y_k/(p_k + ε) (log's backward), then softmax's backward, which
 * never builds the C×C Jacobian J_kj = p_k(δ_kj − p_j): J is symmetric, so Jᵀu = J u = p ⊙ (u − ⟨u, p⟩),
 * O(C) (PyTorch's softmax backward: grad_input = p · (grad − Σ grad·p)). Every operation is rounded to
 * the precision, the dot product summed left to right. Exactly, g = (p_t/(p_t + ε))(p − y). With ε = 0
 * and p_t = 0 the division gives u_t = −∞ and the dot −∞ × 0 = NaN, which reaches every class (as in
 * autograd; a class k ≠ t with p_k = 0 has u_k = 0/0 = NaN as well); a NaN p gives NaN.
 * @param p the probabilities the loss was computed from (naive or stable, in the same precision)
 */
export function softmaxBackwardChain(p: ArrayLike<number>, label: number, epsilon: number, precision: Precision = 'float64'): SoftmaxBackwardChain {
  checkLabel('softmaxBackwardChain', label, p.length);
  checkEpsilon('softmaxBackwardChain', epsilon);
  const r = rounding(precision);
  const n = p.length;
  const eps = r(epsilon);
  const upstream = Float64Array.from({ length: n }, (_, k) => r(-(k === label ? 1 : 0) / r((p[k] as number) + eps)));
  let dot = 0;
  for (let k = 0; k < n; k++) dot = r(dot + r((upstream[k] as number) * (p[k] as number)));
  const gradient = Float64Array.from({ length: n }, (_, j) => r((p[j] as number) * r((upstream[j] as number) - dot)));
  return { upstream, dot, gradient };
}
