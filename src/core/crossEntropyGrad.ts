import { sumsExcludingEach, twoProduct } from './exactArithmetic';
import { softmax } from './softmax';
import { resolveCrossEntropy, type CrossEntropyOptions, type CrossEntropyTarget } from './crossEntropyTargets';

/**
 * ∂L/∂logits for L = crossEntropy(logits, target, options); for reduction 'none', of the sum of the
 * row losses. Shape N × C (an array of N Float64Arrays).
 *
 * For row n with effective target weights a_c (see {@link crossEntropy}) and A = Σ_c a_c:
 *   ∂ℓ_n/∂z_j = p_j·A − a_j,
 * then divided by the mean's denominator for 'mean'. We compute the same number as
 *   p_j·Σ_{c≠j} a_c − a_j·Σ_{c≠j} p_c      (using Σ_c p_c = 1),
 * with the exclusive sums from compensated prefix and suffix sums (no subtraction) and the two
 * products formed exactly, so p_t − 1 never appears as a subtraction from 1: for logits [0, 40] and
 * target 1 the gradient is [e^{-40}/(1+e^{-40}), −e^{-40}/(1+e^{-40})] to full precision. Without
 * options this equals (p − y)/N for one-hot y.
 * Ignored rows have a zero gradient, also when every row is ignored (where the 'mean' loss is NaN;
 * PyTorch also returns zeros there). With label smoothing and a 'mean' that divides by 0 with rows kept
 * (their class weights add up to 0), every entry of a kept row is NaN, as in PyTorch: nll_loss's
 * backward writes w_t·(−(1 − ε)/0) = 0·∞ at the target and log_softmax's backward spreads it over the
 * row (without smoothing a_n = 0, so p·A − a = 0 and 0/0 is NaN already). A masked (−∞) class with
 * a_j = 0 gets gradient 0.
 * @throws RangeError exactly as {@link crossEntropy}.
 */
export function crossEntropyGrad(
  logits: ArrayLike<ArrayLike<number>>,
  target: CrossEntropyTarget,
  options: CrossEntropyOptions = {},
): Float64Array[] {
  const resolved = resolveCrossEntropy('crossEntropyGrad', logits, target, options);
  const divisor = resolved.reduction === 'mean' ? resolved.meanDenominator : 1;
  const undefinedMean = divisor === 0 && (options.labelSmoothing ?? 0) > 0;
  const gradient: Float64Array[] = [];
  for (let n = 0; n < resolved.rows; n++) {
    const row = new Float64Array(resolved.classes);
    const a = resolved.coefficients[n];
    gradient.push(row);
    if (!a) continue;
    if (undefinedMean) {
      row.fill(NaN);
      continue;
    }
    const p = softmax(logits[n] as ArrayLike<number>);
    const otherWeights = sumsExcludingEach(a);
    const otherProbabilities = sumsExcludingEach(p);
    for (let j = 0; j < resolved.classes; j++) {
      const up = twoProduct(p[j] as number, otherWeights[j] as number);
      const down = twoProduct(a[j] as number, otherProbabilities[j] as number);
      const g = up.hi - down.hi + (up.lo - down.lo);
      // Dividing by 1 ('sum', 'none') is exact, so it needs no separate path.
      row[j] = g / divisor;
    }
  }
  return gradient;
}
