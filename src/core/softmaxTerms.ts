/**
 * The pieces of the softmax fraction as a learner writes it by hand: e^{z_j/T} for every class and
 * their sum, without the max shift. They are for showing the fraction, not for computing p: past
 * z/T ≈ 709.78 they overflow to Infinity, which is the honest value of the naive formula (the
 * stability chapter shows exactly that). `softmax()` never overflows.
 *
 *   exponentials_j = exp(z_j / T),   sum = Σ_j exponentials_j (Neumaier-compensated)
 */
export function softmaxTerms(
  z: ArrayLike<number>,
  temperature = 1,
): { exponentials: Float64Array; sum: number } {
  const exponentials = new Float64Array(z.length);
  let sum = 0;
  let carry = 0;
  for (let j = 0; j < z.length; j++) {
    const e = Math.exp((z[j] as number) / temperature);
    exponentials[j] = e;
    const t = sum + e;
    carry += Math.abs(sum) >= Math.abs(e) ? sum - t + e : e - t + sum;
    sum = t;
  }
  return { exponentials, sum: sum + carry };
}
