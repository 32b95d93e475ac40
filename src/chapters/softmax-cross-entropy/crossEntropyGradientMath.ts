import { crossEntropy, crossEntropyGrad, numericalGradient, softmax, softmaxJacobian } from '../../core';

/**
 * Every number of the chapter "Cross-entropy through softmax" for one row of logits z and a target
 * distribution y (hard or soft): the loss, each line of the chain rule, the fused gradient p − y, its
 * central-difference estimate. Pure; the loss and the gradient are the core's, so the page shows the
 * same numbers a test of the core checks.
 */
export interface CrossEntropyGradient {
  probabilities: Float64Array;
  /** L = −Σ y_i ln p_i */
  loss: number;
  /** ∂L/∂p_i = −y_i / p_i (0 where y_i = 0: the term is absent from L, whatever p_i is) */
  lossByProbability: Float64Array;
  /** J_ij = ∂p_i/∂z_j */
  jacobian: Float64Array[];
  /** Σ_i (∂L/∂p_i) J_ij, the chain rule multiplied out term by term */
  chainRule: Float64Array;
  /**
   * The classic mistake: (∂L/∂p_j)(∂p_j/∂z_j) = −y_j(1 − p_j), the diagonal path alone, with the
   * C − 1 off-diagonal paths i ≠ j dropped (together they are p_j(1 − y_j)). Computed as that
   * product, the way the mistaken code would.
   */
  diagonalOnly: Float64Array;
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
    diagonalOnly: Float64Array.from(lossByProbability, (v, j) => v * (jacobian[j]?.[j] ?? NaN)),
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

/** One path from z_j to L, through p_i: its two factors and their product. */
export interface ChainRulePath {
  /** the probability the path goes through, from 0 */
  i: number;
  /** i = j: the Jacobian's diagonal */
  diagonal: boolean;
  /** ∂L/∂p_i = −y_i/p_i */
  upstream: number;
  /** ∂p_i/∂z_j = p_i(δ_ij − p_j) */
  local: number;
  /** their product, −y_i(δ_ij − p_j) in exact arithmetic: −y_j(1 − p_j) on the diagonal, y_i p_j off it */
  product: number;
}

/** The C paths from z_j to L, one through each probability p_i; their products sum to p_j − y_j. */
export function chainRulePaths(numbers: CrossEntropyGradient, j: number): ChainRulePath[] {
  return Array.from(numbers.lossByProbability, (upstream, i) => {
    const local = numbers.jacobian[i]?.[j] ?? NaN;
    // a class with y_i = 0 has upstream exactly 0: its path adds 0, not −0
    return { i, diagonal: i === j, upstream, local, product: upstream * local + 0 };
  });
}

/**
 * The explorer's gradient check. A central difference with h = 6·10⁻⁶·max(1, |z_j|) resolves a
 * derivative to about 10⁻¹⁰ absolute, so a correct gradient checks out far below the relative
 * tolerance; a gradient far smaller than 10⁻⁹ (one class near certain) is checked absolutely instead.
 */
export const GRADIENT_CHECK_TOLERANCE = { relative: 1e-6, absolute: 1e-9 } as const;

export interface GradientCheckResult {
  relative: number;
  /** the largest entry-by-entry gap */
  absolute: number;
  passes: boolean;
}

/** An analytic gradient checked against its central-difference estimate, as the explorer does it. */
export function checkGradient(analytic: ArrayLike<number>, numerical: ArrayLike<number>): GradientCheckResult {
  const relative = relativeError(analytic, numerical);
  const absolute = Math.max(...Array.from(analytic, (v, i) => Math.abs(v - (numerical[i] ?? NaN))));
  return {
    relative,
    absolute,
    passes: relative <= GRADIENT_CHECK_TOLERANCE.relative || absolute <= GRADIENT_CHECK_TOLERANCE.absolute,
  };
}

/**
 * Whether one entry of a gradient agrees with its central difference, relatively, by the check's
 * relative tolerance. No absolute fallback entry by entry: an entry of 0 where the estimate is a tiny
 * p_j (2.9·10⁻¹⁰ at the sliders' extremes) is wrong, and the estimate resolves it far better than
 * 10⁻⁹ absolute would say.
 */
export function entryAgrees(analytic: number, numerical: number): boolean {
  return Math.abs(analytic - numerical) <= GRADIENT_CHECK_TOLERANCE.relative * Math.max(Math.abs(analytic), Math.abs(numerical));
}

/**
 * One entry of the diagonal-only −y_j(1 − p_j), checked by central differences:
 * - 'fails': the check rejects it;
 * - 'passes': the check accepts it and it is right, y_j = 1 (the true class of a hard label), where
 *   the dropped paths add nothing;
 * - 'tolerated': the check accepts it, yet it is short of p_j − y_j by p_j(1 − y_j) > 0, a gap within
 *   the check's relative tolerance (with a soft label at the sliders' corners: 2.0·10⁻⁹ for classes 2
 *   and 3 at z = [10, −10, −10], class 1 softened, entries of size 0.033).
 */
export type DiagonalVerdict = 'fails' | 'passes' | 'tolerated';

export interface DiagonalEntryCheck {
  verdict: DiagonalVerdict;
  /** p_j(1 − y_j), the off-diagonal paths it dropped: how far short of p_j − y_j it is */
  short: number;
}

/** Each entry of the diagonal-only mistake, with the verdict the explorer shows beside it. */
export function diagonalEntryChecks(numbers: CrossEntropyGradient, labels: readonly number[]): DiagonalEntryCheck[] {
  return Array.from(numbers.diagonalOnly, (d, j) => {
    const y = labels[j] ?? NaN;
    const short = (numbers.probabilities[j] ?? NaN) * (1 - y);
    const verdict: DiagonalVerdict = !entryAgrees(d, numbers.numerical[j] ?? NaN) ? 'fails' : y === 1 ? 'passes' : 'tolerated';
    return { verdict, short };
  });
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
