import { sigmoid, softplus } from './sigmoid';

/**
 * Logistic regression's cross-entropy cost written with ±1 labels, beside the 0/1 form of
 * logisticRegression.ts. Same model: w = [w₁, w₂, b], z_i = w₁x_i1 + w₂x_i2 + b, X an n × 2
 * row-major Float64Array; here the labels are s_i ∈ {−1, +1} instead of t_i ∈ {0, 1}, with s = 2t − 1.
 *
 *   L(w) = (1/n)·Σ_i log(1 + e^{−s_i z_i}) = (1/n)·Σ_i softplus(−s_i z_i)
 *
 * It is the same function as the 0/1 form: for t = 1 (s = +1) the term is −log σ(z) = softplus(−z),
 * for t = 0 (s = −1) it is −log(1 − σ(z)) = softplus(z). Softplus keeps every term ≥ 0 and finite for
 * any finite z (no overflow of e^{−sz}). An empty data set gives NaN, like a mean over nothing.
 * RangeError for w not of length 3, X not of length 2n, or a label other than −1 and +1.
 */

function validate(fn: string, w: ArrayLike<number>, x: ArrayLike<number>, s: ArrayLike<number>): void {
  if (w.length !== 3) throw new RangeError(`${fn}: w has length ${w.length} but must be [w1, w2, b] (length 3)`);
  if (x.length !== 2 * s.length) {
    throw new RangeError(`${fn}: X has length ${x.length} but n × 2 = ${2 * s.length} for the n = ${s.length} labels`);
  }
  for (let i = 0; i < s.length; i++) {
    const si = s[i] as number;
    if (si !== 1 && si !== -1) throw new RangeError(`${fn}: label s[${i}] = ${si} is not −1 or +1`);
  }
}

/**
 * plusMinusLabels(t) = 2t − 1, element by element: 0/1 targets as −1/+1 labels, a new Float64Array.
 * RangeError for a target that is not exactly 0 or 1 (a soft target has no ±1 form).
 */
export function plusMinusLabels(t: ArrayLike<number>): Float64Array {
  const s = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const ti = t[i] as number;
    if (ti !== 0 && ti !== 1) throw new RangeError(`plusMinusLabels: target t[${i}] = ${ti} is not 0 or 1`);
    s[i] = 2 * ti - 1;
  }
  return s;
}

/**
 * logisticLossPlusMinus(w, X, s) = (1/n)·Σ_i log(1 + e^{−s_i z_i}), z_i = w₁x_i1 + w₂x_i2 + b.
 * The sum is compensated (Neumaier), as in logisticLoss, so the two forms agree to the last bits.
 */
export function logisticLossPlusMinus(w: ArrayLike<number>, X: Float64Array, s: Float64Array): number {
  validate('logisticLossPlusMinus', w, X, s);
  const w1 = w[0] as number;
  const w2 = w[1] as number;
  const b = w[2] as number;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < s.length; i++) {
    const si = s[i] as number;
    const value = softplus(-si * (w1 * (X[2 * i] as number) + w2 * (X[2 * i + 1] as number) + b));
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return (Number.isFinite(sum) ? sum + compensation : sum) / s.length;
}

/**
 * logisticLossPlusMinusGrad(w, X, s) = ∂L/∂w = −(1/n)·Σ_i s_i σ(−s_i z_i)·x̃_i with x̃_i = [x_i1, x_i2, 1],
 * a Float64Array(3) [∂/∂w₁, ∂/∂w₂, ∂/∂b]. Since d softplus(u)/du = σ(u), each term's derivative in z_i
 * is −s_i σ(−s_i z_i): σ(z) − 1 for s = +1 and σ(z) for s = −1, the 0/1 form's σ(z) − t. Written with
 * σ(−s z) it keeps full relative accuracy when the prediction is confidently right.
 */
export function logisticLossPlusMinusGrad(w: ArrayLike<number>, X: Float64Array, s: Float64Array): Float64Array {
  validate('logisticLossPlusMinusGrad', w, X, s);
  const w1 = w[0] as number;
  const w2 = w[1] as number;
  const b = w[2] as number;
  let g1 = 0;
  let g2 = 0;
  let gb = 0;
  for (let i = 0; i < s.length; i++) {
    const x1 = X[2 * i] as number;
    const x2 = X[2 * i + 1] as number;
    const si = s[i] as number;
    const g = -si * sigmoid(-si * (w1 * x1 + w2 * x2 + b));
    g1 += g * x1;
    g2 += g * x2;
    gb += g;
  }
  const n = s.length;
  return Float64Array.of(g1 / n, g2 / n, gb / n);
}
