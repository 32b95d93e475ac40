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
 * PyTorch also returns zeros there). When a 'mean' divides by 0 with rows kept (their class weights add
 * up to 0), the mean is not a number and every entry of a kept row is NaN. With zero weights that is
 * PyTorch's answer too (nll_loss's backward writes w_t·(−g/0) = 0·∞ at the target and log_softmax's
 * backward spreads it over the row); with negative weights that cancel ([1, −1], targets 0 and 1) its
 * backward gives a mix of NaN and ±∞, an accident of its formula that we do not copy.
 * A masked (−∞) class with a_j = 0 gets gradient 0.
 * @throws RangeError exactly as {@link crossEntropy}.
 */
export function crossEntropyGrad(
  logits: ArrayLike<ArrayLike<number>>,
  target: CrossEntropyTarget,
  options: CrossEntropyOptions = {},
): Float64Array[] {
  const resolved = resolveCrossEntropy('crossEntropyGrad', logits, target, options);
  const divisor = resolved.reduction === 'mean' ? resolved.meanDenominator : 1;
  return Array.from({ length: resolved.rows }, (_, n) => {
    const a = resolved.coefficients[n];
    if (!a) return new Float64Array(resolved.classes);
    if (divisor === 0) return new Float64Array(resolved.classes).fill(NaN);
    const p = softmax(logits[n] as ArrayLike<number>);
    const otherWeights = sumsExcludingEach(a);
    const otherProbabilities = sumsExcludingEach(p);
    return p.map((pj, j) => {
      const up = twoProduct(pj, otherWeights[j] as number);
      const down = twoProduct(a[j] as number, otherProbabilities[j] as number);
      // Dividing by 1 ('sum', 'none') is exact, so it needs no separate path.
      return (up.hi - down.hi + (up.lo - down.lo)) / divisor;
    });
  });
}
