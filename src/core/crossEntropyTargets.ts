import {
  checkClassIndex,
  checkLabelSmoothing,
  checkLength,
  checkMatrix,
  checkReduction,
  type Reduction,
} from './validate';
import { accurateSum } from './exactArithmetic';

/** One integer class index per row (N), or ignoreIndex for a row that should not count. */
export type ClassIndexTarget = ArrayLike<number>;
/** One probability distribution per row (N × C), as PyTorch's "class probabilities" target. */
export type ProbabilityTarget = ArrayLike<ArrayLike<number>>;
export type CrossEntropyTarget = ClassIndexTarget | ProbabilityTarget;

/** Options of {@link crossEntropy} and {@link crossEntropyGrad}, with PyTorch's names and defaults. */
export interface CrossEntropyOptions {
  /** Per-class weight w_c, length C. Default: all 1. */
  weight?: ArrayLike<number>;
  /** Default 'mean'. */
  reduction?: Reduction;
  /** ε in [0, 1]: mixes the target with the uniform distribution over the C classes. Default 0. */
  labelSmoothing?: number;
  /** Class-index targets equal to this are skipped (no loss, no gradient). Default −100. */
  ignoreIndex?: number;
}

/**
 * The loss of row n is ℓ_n = Σ_c a_nc·(−log p_nc) for effective target weights a_nc = w_c·s_nc, for
 * every option combination; reductions then divide by `meanDenominator` ('mean') or nothing.
 *   class index t:   s_c = (1 − ε)·[c = t] + ε/C
 *   probabilities y: s_c = y_c(1 − ε) + ε/C
 * This is PyTorch's (1 − ε)·nll + (ε/C)·smooth written per row, so loss and gradient share one form.
 * The factors w and s are kept apart so the loss can multiply them without a premature underflow.
 */
export interface ResolvedCrossEntropy {
  rows: number;
  classes: number;
  /** w (length C), or undefined for all ones. */
  weight: ArrayLike<number> | undefined;
  /** s_n per row; null for an ignored row. */
  shares: (Float64Array | null)[];
  /** a_n = w·s_n per row; null for an ignored row. */
  coefficients: (Float64Array | null)[];
  reduction: Reduction;
  /** Σ w_{t_n} over non-ignored rows (class indices; their count without weight) or N (probabilities). */
  meanDenominator: number;
}

function isProbabilityTarget(target: CrossEntropyTarget): target is ProbabilityTarget {
  // An empty target has no target[0] (undefined): it is N = 0 class indices.
  const first = target[0];
  return typeof first === 'object' && first !== null;
}

/** Validates logits, target and options (RangeError on bad input) and builds the coefficients a_nc. */
export function resolveCrossEntropy(
  fn: string,
  logits: ArrayLike<ArrayLike<number>>,
  target: CrossEntropyTarget,
  options: CrossEntropyOptions = {},
): ResolvedCrossEntropy {
  const [rows, classes] = checkMatrix(fn, 'logits', logits);
  const reduction = checkReduction(fn, options.reduction);
  const epsilon = options.labelSmoothing ?? 0;
  checkLabelSmoothing(fn, epsilon);
  const ignoreIndex = options.ignoreIndex ?? -100;
  const weight = options.weight;
  if (weight !== undefined && rows > 0) checkLength(fn, 'weight', weight, classes, 'the number of classes C');
  const w = (c: number): number => (weight === undefined ? 1 : (weight[c] as number));
  const uniform = epsilon / classes;
  const shares: (Float64Array | null)[] = [];
  const withWeights = (meanDenominator: number): ResolvedCrossEntropy => {
    const coefficients = shares.map((row) => row && row.map((v, c) => w(c) * v));
    return { rows, classes, weight, shares, coefficients, reduction, meanDenominator };
  };

  if (isProbabilityTarget(target)) {
    const [targetRows, targetClasses] = checkMatrix(fn, 'target', target);
    if (targetRows !== rows || targetClasses !== classes) {
      throw new RangeError(
        `${fn}: probability target is ${targetRows} × ${targetClasses} but logits are ${rows} × ${classes}`,
      );
    }
    // With ε = 0 this is y_c·1 + 0 = y_c exactly (a −0 becomes +0), so no separate path.
    const share = (y: number): number => y * (1 - epsilon) + uniform;
    for (let n = 0; n < rows; n++) shares.push(Float64Array.from(target[n] as ArrayLike<number>, share));
    return withWeights(rows);
  }

  checkLength(fn, 'target', target, rows, 'the number of logit rows N');
  const targetWeights: number[] = [];
  for (let n = 0; n < rows; n++) {
    const t = target[n];
    if (typeof t !== 'number') throw new RangeError(`${fn}: target[${n}] is neither a class index nor a row`);
    checkClassIndex(fn, t, n, classes, ignoreIndex);
    if (t === ignoreIndex) {
      shares.push(null);
      continue;
    }
    if (Number.isNaN(t)) {
      // An unknown class: the row's loss, its gradient and the mean's denominator are all NaN.
      shares.push(new Float64Array(classes).fill(NaN));
      targetWeights.push(NaN);
      continue;
    }
    const s = new Float64Array(classes).fill(uniform);
    s[t] = 1 - epsilon + uniform;
    shares.push(s);
    targetWeights.push(w(t));
  }
  return withWeights(accurateSum(targetWeights));
}
