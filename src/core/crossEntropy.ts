import { compensatedSum, twoProduct, accurateSum } from './exactArithmetic';
import { logSoftmax } from './softmax';
import { resolveCrossEntropy, type CrossEntropyOptions, type CrossEntropyTarget } from './crossEntropyTargets';

/** Below 2^-969 a product w·s has lost bits to subnormal rounding, which a large −log p would magnify. */
const TINY = 2 ** -969;

/**
 * Σ_c w_c·s_c·(−log p_c) for one row. Each −log p_c ≥ 0 comes from logSoftmax without cancellation; the
 * last product is formed exactly (TwoProduct) and the terms summed with compensation, so the row loss
 * is within a few ulp. A tiny w_c·s_c is formed scaled by 2^600 and unscaled after multiplying by
 * −log p_c, so that it is rounded once, in the range of the result. A term with w_c·s_c = 0 on a masked
 * class (p_c = 0, −log p_c = +∞) is the limit 0, not 0·∞.
 */
export function rowCrossEntropy(z: ArrayLike<number>, s: ArrayLike<number>, weight?: ArrayLike<number>): number {
  const logp = logSoftmax(z);
  const products: number[] = [];
  const errors: number[] = [];
  for (let c = 0; c < logp.length; c++) {
    const wc = weight === undefined ? 1 : (weight[c] as number);
    const sc = s[c] as number;
    const nl = -(logp[c] as number);
    const ac = wc * sc;
    if ((wc === 0 || sc === 0) && nl === Infinity) continue;
    if (Math.abs(ac) < TINY) {
      // Scaling either factor by 2^600 is exact: |w·s| < 2^-969 with doubles ≥ 2^-1074 bounds each factor
      // by 2^105, far from overflow. (A zero factor gives 0 here, as below: nl is finite.)
      const scaled = wc * 2 ** 600 * sc;
      products.push(scaled * nl * 2 ** -600);
      continue;
    }
    const product = twoProduct(ac, nl);
    products.push(product.hi);
    errors.push(product.lo);
  }
  const { hi, lo } = compensatedSum(products);
  return Number.isFinite(hi) ? hi + (lo + accurateSum(errors)) : hi;
}

/**
 * Cross-entropy between softmax(logits) and a target, with the semantics of PyTorch's F.cross_entropy
 * on 2-D input.
 *
 * Shapes: logits N × C; target either N class indices or N × C probabilities; weight length C.
 * Row loss: ℓ_n = Σ_c a_nc·(−log softmax(z_n)_c), with a_nc = (1 − ε)·w_t·[c = t_n] + (ε/C)·w_c for a
 * class index t_n and a_nc = w_c·(y_nc(1 − ε) + ε/C) for probabilities y_n (ε = labelSmoothing).
 * Reduction: 'none' → the N row losses (an ignored row is 0); 'sum' → Σ_n ℓ_n; 'mean' → Σ_n ℓ_n / D,
 * D = Σ w_{t_n} over non-ignored rows for class indices (NaN when all are ignored: 0/0), D = N for
 * probabilities (where ignoreIndex does not apply). With label smoothing and D = 0 (the kept rows' class
 * weights add up to 0) the mean is NaN too, not Σ/0 = ∞: PyTorch adds (1 − ε)·nll + (ε/C)·smooth, and
 * its nll part is 0/0 (for weights that cancel instead, PyTorch's own result is ±∞ or NaN by sign).
 *
 * Numerics: −log p_c = (max z − z_c) + log1p(Σ_{k≠argmax} e^{z_k − max z}) is a sum of non-negative
 * terms, so the loss of [[0, 40]] with target [1] is log1p(e^{−40}) ≈ 4.2e-18, not 0, and every value is
 * within a few ulp. Finite logits of any size never give NaN. A weight-0 term on a class with p = 0
 * (a −∞ logit) contributes 0 (PyTorch gives NaN there; we give the limit). A +∞ logit or a row of
 * all −∞ gives NaN, as PyTorch. NaN in a logit, probability, weight or class index gives NaN, except
 * in an ignored row, which (as in PyTorch) contributes nothing.
 * @throws RangeError for ragged or mismatched shapes, a class index outside [0, C) or non-integer that
 *   is not ignoreIndex, labelSmoothing outside [0, 1], or an unknown reduction.
 */
export function crossEntropy(
  logits: ArrayLike<ArrayLike<number>>,
  target: CrossEntropyTarget,
  options: CrossEntropyOptions & { reduction: 'none' },
): Float64Array;
export function crossEntropy(
  logits: ArrayLike<ArrayLike<number>>,
  target: CrossEntropyTarget,
  options?: CrossEntropyOptions & { reduction?: 'mean' | 'sum' },
): number;
export function crossEntropy(
  logits: ArrayLike<ArrayLike<number>>,
  target: CrossEntropyTarget,
  options?: CrossEntropyOptions,
): number | Float64Array;
export function crossEntropy(
  logits: ArrayLike<ArrayLike<number>>,
  target: CrossEntropyTarget,
  options: CrossEntropyOptions = {},
): number | Float64Array {
  const resolved = resolveCrossEntropy('crossEntropy', logits, target, options);
  // an ignored row (no shares) is 0
  const losses = Float64Array.from(resolved.shares, (s, n) => (s ? rowCrossEntropy(logits[n] as ArrayLike<number>, s, resolved.weight) : 0));
  if (resolved.reduction === 'none') return losses;
  const total = accurateSum(losses);
  if (resolved.reduction === 'sum') return total;
  if (resolved.meanDenominator === 0 && (options.labelSmoothing ?? 0) > 0) return NaN;
  return total / resolved.meanDenominator;
}
