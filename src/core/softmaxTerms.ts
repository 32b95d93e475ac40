import { accurateSum } from './exactArithmetic';

/**
 * The pieces of the softmax fraction as a learner writes it by hand: e^{z_j/T} for every class and
 * their sum, without the max shift. They are for showing the fraction, not for computing p: past
 * z/T ≈ 709.78 they overflow to Infinity, which is the honest value of the naive formula (the
 * stability chapter shows exactly that). `softmax()` never overflows.
 *
 *   exponentials_j = exp(z_j / T),   sum = Σ_j exponentials_j (compensated, rounded once)
 */
export function softmaxTerms(
  z: ArrayLike<number>,
  temperature = 1,
): { exponentials: Float64Array; sum: number } {
  const exponentials = Float64Array.from({ length: z.length }, (_, j) => Math.exp((z[j] as number) / temperature));
  return { exponentials, sum: accurateSum(exponentials) };
}
