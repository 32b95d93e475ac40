import { sigmoidGrad } from './sigmoid';
import { binaryCrossEntropyGradZ, binaryCrossEntropyLossZ, squaredErrorGradZ, squaredErrorLoss } from './squaredError';

/**
 * Logistic regression on 2-D points, for the training race between cross-entropy and squared error.
 *
 * Model: weights w = [w₁, w₂, b], logit z_i = w₁x_i1 + w₂x_i2 + b = w·x̃_i with x̃_i = [x_i1, x_i2, 1],
 * prediction σ(z_i). Shapes: X is a Float64Array of n × 2 points, row-major ([x_01, x_02, x_11, …]);
 * t is a Float64Array of n targets in [0, 1] (0/1 labels; soft labels work too). Losses are means
 * over the n points; an empty data set gives NaN, like a mean over nothing.
 * The loops over points allocate nothing; each call allocates only its (length-3) result.
 * RangeError for w not of length 3, X not of length 2n, t outside [0, 1], an unknown loss, or a
 * learning rate that is not finite and ≥ 0. NaN in gives NaN out.
 */
export type LogisticLossKind = 'cross-entropy' | 'squared-error';

function validate(fn: string, w: ArrayLike<number>, x: ArrayLike<number>, t: ArrayLike<number>, loss?: unknown): void {
  if (w.length !== 3) throw new RangeError(`${fn}: w has length ${w.length} but must be [w1, w2, b] (length 3)`);
  if (x.length !== 2 * t.length) {
    throw new RangeError(`${fn}: X has length ${x.length} but n × 2 = ${2 * t.length} for the n = ${t.length} targets`);
  }
  for (let i = 0; i < t.length; i++) {
    const ti = t[i] as number;
    if (ti < 0 || ti > 1) throw new RangeError(`${fn}: target t[${i}] = ${ti} is outside [0, 1]`);
  }
  if (loss !== undefined && loss !== 'cross-entropy' && loss !== 'squared-error') {
    throw new RangeError(`${fn}: loss ${String(loss)} is not 'cross-entropy' or 'squared-error'`);
  }
}

/**
 * logisticLoss(w, X, t, loss) = (1/n)·Σ_i ℓ(z_i, t_i), z_i = w·x̃_i, with ℓ the cross-entropy
 * t·softplus(−z) + (1 − t)·softplus(z) ({@link binaryCrossEntropyLossZ}) or the squared error
 * ½(σ(z) − t)² ({@link squaredErrorLoss}).
 */
export function logisticLoss(w: ArrayLike<number>, X: Float64Array, t: Float64Array, loss: LogisticLossKind): number {
  validate('logisticLoss', w, X, t, loss);
  const w1 = w[0] as number;
  const w2 = w[1] as number;
  const b = w[2] as number;
  const perPoint = loss === 'cross-entropy' ? binaryCrossEntropyLossZ : squaredErrorLoss;
  // Neumaier's compensated sum, inline to stay allocation-free: the mean of n equal losses is then that
  // loss to the last bit (ln 2 at w = 0, where a plain sum of 50 points is off by a few ulp).
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < t.length; i++) {
    const value = perPoint(w1 * (X[2 * i] as number) + w2 * (X[2 * i + 1] as number) + b, t[i] as number);
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return (Number.isFinite(sum) ? sum + compensation : sum) / t.length;
}

/**
 * logisticLossGrad(w, X, t, loss) = ∂ logisticLoss/∂w = (1/n)·Σ_i g_i·x̃_i, a Float64Array(3)
 * [∂/∂w₁, ∂/∂w₂, ∂/∂b], with g_i = ∂ℓ/∂z_i: σ(z_i) − t_i for cross-entropy
 * ({@link binaryCrossEntropyGradZ}), (σ(z_i) − t_i)·σ(z_i)σ(−z_i) for squared error
 * ({@link squaredErrorGradZ}), both accurate when the sigmoid saturates.
 */
export function logisticLossGrad(w: ArrayLike<number>, X: Float64Array, t: Float64Array, loss: LogisticLossKind): Float64Array {
  validate('logisticLossGrad', w, X, t, loss);
  return gradient(w, X, t, loss);
}

function gradient(w: ArrayLike<number>, X: Float64Array, t: Float64Array, loss: LogisticLossKind): Float64Array {
  const w1 = w[0] as number;
  const w2 = w[1] as number;
  const b = w[2] as number;
  const gradZ = loss === 'cross-entropy' ? binaryCrossEntropyGradZ : squaredErrorGradZ;
  let g1 = 0;
  let g2 = 0;
  let gb = 0;
  for (let i = 0; i < t.length; i++) {
    const x1 = X[2 * i] as number;
    const x2 = X[2 * i + 1] as number;
    const g = gradZ(w1 * x1 + w2 * x2 + b, t[i] as number);
    g1 += g * x1;
    g2 += g * x2;
    gb += g;
  }
  const n = t.length;
  return Float64Array.of(g1 / n, g2 / n, gb / n);
}

/**
 * logisticCrossEntropyHessian(w, X) = ∇²_w of the mean cross-entropy logisticLoss(w, X, t, 'cross-entropy'):
 *
 *   H = (1/n)·Σ_i σ(z_i)(1 − σ(z_i))·x̃_i x̃_iᵀ,  z_i = w·x̃_i,  x̃_i = [x_i1, x_i2, 1],
 *
 * the derivative of logisticLossGrad's (1/n)·Σ_i (σ(z_i) − t_i)·x̃_i, as three rows of a symmetric 3 × 3
 * matrix in the order [w₁, w₂, b] (Float64Array(3) each, ready for symmetricEigenvalues). The targets
 * drop out (t enters the gradient only as a constant), so there is no t argument. Each weight is
 * computed as σ(z)σ(−z) ({@link sigmoidGrad}), not σ(z)(1 − σ(z)), which rounds to 0 for z ≳ 37 and
 * loses all relative accuracy before that. H is positive semidefinite: a mean of outer products with
 * weights in [0, ¼]. With the bias held fixed only the top-left 2 × 2 block (w₁, w₂) matters.
 * RangeError for w not of length 3 or X of odd length; n = 0 gives NaN entries, NaN in gives NaN out.
 */
export function logisticCrossEntropyHessian(w: ArrayLike<number>, X: Float64Array): Float64Array[] {
  if (w.length !== 3) throw new RangeError(`logisticCrossEntropyHessian: w has length ${w.length} but must be [w1, w2, b] (length 3)`);
  if (X.length % 2 !== 0) throw new RangeError(`logisticCrossEntropyHessian: X has length ${X.length}, not n × 2 for any n`);
  const w1 = w[0] as number;
  const w2 = w[1] as number;
  const b = w[2] as number;
  const n = X.length / 2;
  // the six distinct entries of the symmetric sum: 11, 12, 1b, 22, 2b, bb
  let h11 = 0;
  let h12 = 0;
  let h1b = 0;
  let h22 = 0;
  let h2b = 0;
  let hbb = 0;
  for (let i = 0; i < n; i++) {
    const x1 = X[2 * i] as number;
    const x2 = X[2 * i + 1] as number;
    const s = sigmoidGrad(w1 * x1 + w2 * x2 + b);
    h11 += s * x1 * x1;
    h12 += s * x1 * x2;
    h1b += s * x1;
    h22 += s * x2 * x2;
    h2b += s * x2;
    hbb += s;
  }
  return [Float64Array.of(h11 / n, h12 / n, h1b / n), Float64Array.of(h12 / n, h22 / n, h2b / n), Float64Array.of(h1b / n, h2b / n, hbb / n)];
}

/**
 * logisticStep(w, X, t, loss, learningRate) = w − learningRate·logisticLossGrad(w, X, t, loss), one
 * step of full-batch gradient descent, as a new Float64Array(3) (w is not changed).
 */
export function logisticStep(
  w: ArrayLike<number>,
  X: Float64Array,
  t: Float64Array,
  loss: LogisticLossKind,
  learningRate: number,
): Float64Array {
  validate('logisticStep', w, X, t, loss);
  if (!(learningRate >= 0 && learningRate < Infinity) && !Number.isNaN(learningRate)) {
    throw new RangeError(`logisticStep: learningRate ${learningRate} is not a finite number ≥ 0`);
  }
  const grad = gradient(w, X, t, loss);
  for (let k = 0; k < 3; k++) grad[k] = (w[k] as number) - learningRate * (grad[k] as number);
  return grad;
}

/**
 * accuracy(w, X, t) = the fraction of points whose predicted class, 1 where z_i ≥ 0 (σ(z_i) ≥ ½) and 0
 * otherwise, equals the target's class (1 where t_i ≥ ½). A number in [0, 1]; NaN if any z_i or t_i is
 * NaN, or for n = 0.
 */
export function accuracy(w: ArrayLike<number>, X: Float64Array, t: Float64Array): number {
  validate('accuracy', w, X, t);
  const w1 = w[0] as number;
  const w2 = w[1] as number;
  const b = w[2] as number;
  let correct = 0;
  for (let i = 0; i < t.length; i++) {
    const z = w1 * (X[2 * i] as number) + w2 * (X[2 * i + 1] as number) + b;
    const ti = t[i] as number;
    if (Number.isNaN(z) || Number.isNaN(ti)) return NaN;
    if ((z >= 0) === (ti >= 0.5)) correct++;
  }
  return correct / t.length;
}
