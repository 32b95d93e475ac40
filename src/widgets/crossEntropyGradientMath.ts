import { crossEntropy, crossEntropyGrad, numericalGradient, softmax, softmaxJacobian } from '../core';

/**
 * Every number of the chapter "Cross-entropy through softmax" for one row of logits z and a target
 * distribution y (hard or soft): the loss, each line of the chain rule, the fused gradient p − y, its
 * central-difference estimate. Pure; the loss and the gradient are the core's, so the page shows the
 * same numbers a test of the core checks.
 */
export interface CrossEntropyGradient {
  probabilities: Float64Array;
  /** L = −Σ y_i log p_i */
  loss: number;
  /** ∂L/∂p_i = −y_i / p_i (0 where y_i = 0: the term is absent from L, whatever p_i is) */
  lossByProbability: Float64Array;
  /** J_ij = ∂p_i/∂z_j */
  jacobian: Float64Array[];
  /** Σ_i (∂L/∂p_i) J_ij, the chain rule multiplied out term by term */
  chainRule: Float64Array;
  /** the core's fused ∂L/∂z = p − y */
  gradient: Float64Array;
  /** central differences of the core's loss, coordinate by coordinate */
  numerical: Float64Array;
}

export function crossEntropyGradient(logits: readonly number[], labels: readonly number[]): CrossEntropyGradient {
  const probabilities = softmax(logits);
  const lossByProbability = probabilityGradient(probabilities, labels);
  const jacobian = softmaxJacobian(logits);
  return {
    probabilities,
    loss: crossEntropy([logits], [labels]),
    lossByProbability,
    jacobian,
    chainRule: chainRuleProduct(lossByProbability, jacobian),
    gradient: crossEntropyGrad([logits], [labels])[0] ?? new Float64Array(logits.length),
    numerical: numericalGradient((z) => crossEntropy([z], [labels]), logits),
  };
}

/** −y ⊘ p. A class with y_i = 0 contributes nothing to L, so its derivative is 0, not −0/p_i. */
export function probabilityGradient(probabilities: ArrayLike<number>, labels: readonly number[]): Float64Array {
  return Float64Array.from(labels, (y, i) => (y === 0 ? 0 : -y / (probabilities[i] ?? NaN)));
}

/** (Jᵀ v)_j = Σ_i v_i J_ij: the vector–Jacobian product backpropagation computes. */
export function chainRuleProduct(v: ArrayLike<number>, jacobian: readonly ArrayLike<number>[]): Float64Array {
  const n = jacobian.length;
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (v[i] ?? NaN) * (jacobian[i]?.[j] ?? NaN);
    out[j] = sum;
  }
  return out;
}

/**
 * ‖a − b‖ / max(‖a‖, ‖b‖), the usual gradient-check figure: scale-free, and 0 when both are 0
 * (a gradient of exactly zero checked against an estimate of exactly zero agrees perfectly).
 */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? NaN;
    const y = b[i] ?? NaN;
    diff += (x - y) ** 2;
    na += x * x;
    nb += y * y;
  }
  const scale = Math.sqrt(Math.max(na, nb));
  return scale === 0 ? Math.sqrt(diff) : Math.sqrt(diff) / scale;
}

/** The learning rate's range: small enough to creep, large enough to overshoot. */
export const LEARNING_RATE = { min: 0.1, max: 5, step: 0.1, initial: 1 } as const;

/** One step of gradient descent on the logits: z − η (p − y), with the core's gradient. */
export function gradientStep(logits: readonly number[], labels: readonly number[], learningRate: number): number[] {
  const g = crossEntropyGrad([logits], [labels])[0];
  return logits.map((z, i) => z - learningRate * (g?.[i] ?? NaN));
}
