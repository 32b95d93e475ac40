/**
 * The chapter-9 quantities computed in a chosen precision: every arithmetic operation, and every
 * stored input, passes through a rounding. With `roundFloat64` (the identity) they are plain float64
 * code; with `roundFloat32` (Math.fround after each operation) they are float32 arithmetic as plain
 * float32 code computes it, one operation after another, emulated in JavaScript. (A GPU or a float32
 * tensor library rounds at the same places but may sum in another order, fuse a multiply and an add,
 * and use its own exp and log: its numbers differ point by point, at the same sizes.) Rounding a float64 result of +, −, ×, ÷ or √ to
 * float32 gives the correctly rounded float32 result (double rounding is harmless for these, since
 * 53 ≥ 2·24 + 2), so the emulation is exact for them; for exp and log it is within one float32 ulp.
 *
 * One algorithm, two roundings: the float64 and float32 curves of the chapter differ only in
 * precision, never in the formula.
 */

/** A rounding applied after each operation. */
export type Rounding = (x: number) => number;

/** float64: nothing to do, every JavaScript number is already a double. */
export const roundFloat64: Rounding = (x) => x;

/** float32: Math.fround, the nearest float32 (ties to even; overflow to ±∞). */
export const roundFloat32: Rounding = Math.fround;

/**
 * Softmax cross-entropy of one row, L(z) = −Σ_c y_c log softmax(z)_c, in the given rounding:
 * m = max z, s = Σ_c e^{z_c − m}, log p_c = (z_c − m) − log s, L = −Σ_{c: y_c ≠ 0} y_c log p_c.
 * The max shift keeps e^{·} ≤ 1 (no overflow in float32 up to z = 3.4e38); classes with y_c = 0 are
 * skipped, so a p_c that underflows to 0 costs nothing. Inputs are rounded first, as if stored.
 * @throws RangeError when z and y differ in length or are empty.
 */
export function softmaxCrossEntropyRounded(z: ArrayLike<number>, y: ArrayLike<number>, round: Rounding): number {
  const C = z.length;
  if (C === 0 || y.length !== C) throw new RangeError(`softmaxCrossEntropyRounded: ${C} logits and ${y.length} targets`);
  let m = -Infinity;
  for (let c = 0; c < C; c++) m = Math.max(m, round(z[c] as number));
  let s = 0;
  for (let c = 0; c < C; c++) s = round(s + round(Math.exp(round(round(z[c] as number) - m))));
  const logS = round(Math.log(s));
  let loss = 0;
  for (let c = 0; c < C; c++) {
    const yc = round(y[c] as number);
    if (yc === 0) continue;
    const logP = round(round(round(z[c] as number) - m) - logS);
    loss = round(loss - round(yc * logP));
  }
  return loss;
}

/**
 * The loss as a function of one logit: x ↦ L(z with z_k replaced by x), in the given rounding.
 * @throws RangeError for k outside [0, C) or mismatched lengths.
 */
export function logitLossRounded(z: ArrayLike<number>, y: ArrayLike<number>, k: number, round: Rounding): (x: number) => number {
  if (!Number.isInteger(k) || k < 0 || k >= z.length) throw new RangeError(`logitLossRounded: logit index ${k} outside [0, ${z.length})`);
  if (y.length !== z.length) throw new RangeError(`logitLossRounded: ${z.length} logits and ${y.length} targets`);
  const row = Float64Array.from(z);
  return (x) => {
    row[k] = x;
    return softmaxCrossEntropyRounded(row, y, round);
  };
}

/** The shape and parameters a one-sample forward pass needs (the fields of network.ts's Network). */
export interface RoundedNetworkShape {
  readonly inputs: number;
  readonly hidden: number;
  readonly outputs: number;
  readonly activation: 'relu' | 'tanh' | 'sigmoid';
}
export interface RoundedNetworkParams {
  readonly w1: ArrayLike<number>;
  readonly b1: ArrayLike<number>;
  readonly w2: ArrayLike<number>;
  readonly b2: ArrayLike<number>;
}

function activate(v: number, activation: RoundedNetworkShape['activation'], round: Rounding): number {
  if (activation === 'relu') return v > 0 ? v : 0;
  if (activation === 'tanh') return round(Math.tanh(v));
  return round(1 / round(1 + round(Math.exp(-v))));
}

/**
 * The cross-entropy loss of a one-hidden-layer network on one sample, in the given rounding:
 * z1_j = b1_j + Σ_i x_i·w1[i·H + j], a1 = act(z1), z2_k = b2_k + Σ_j a1_j·w2[j·K + k],
 * L = −log softmax(z2)_label (row-major weights, as network.ts stores them). Each product and each
 * partial sum is rounded, in the order written, so float32 accumulates as a naive float32 loop would.
 * `hidden` and `logits` are scratch of length ≥ H and ≥ K, passed in so a sweep over h allocates
 * nothing per call. On return hidden[0, H) holds a1 (a switched-off relu unit gives +0, as network.ts)
 * and logits[0, K) holds z2; entries past those are left as they were.
 * @throws RangeError for a label outside [0, K) or parameter arrays of the wrong length.
 */
export function networkLossRounded(
  shape: RoundedNetworkShape,
  params: RoundedNetworkParams,
  x: ArrayLike<number>,
  label: number,
  round: Rounding,
  hidden: Float64Array = new Float64Array(shape.hidden),
  logits: Float64Array = new Float64Array(shape.outputs),
): number {
  const { inputs: I, hidden: H, outputs: K, activation } = shape;
  if (!Number.isInteger(label) || label < 0 || label >= K) throw new RangeError(`networkLossRounded: label ${label} outside [0, ${K})`);
  if (params.w1.length !== I * H || params.b1.length !== H || params.w2.length !== H * K || params.b2.length !== K || x.length !== I) {
    throw new RangeError('networkLossRounded: parameter or input lengths do not match the shape');
  }
  for (let j = 0; j < H; j++) {
    let v = round(params.b1[j] as number);
    for (let i = 0; i < I; i++) v = round(v + round(round(x[i] as number) * round(params.w1[i * H + j] as number)));
    hidden[j] = activate(v, activation, round);
  }
  for (let k = 0; k < K; k++) {
    let v = round(params.b2[k] as number);
    for (let j = 0; j < H; j++) v = round(v + round((hidden[j] as number) * round(params.w2[j * K + k] as number)));
    logits[k] = v;
  }
  // −log p_label, as softmaxCrossEntropyRounded with a one-hot y, without allocating y
  let m = -Infinity;
  for (let k = 0; k < K; k++) m = Math.max(m, logits[k] as number);
  let s = 0;
  for (let k = 0; k < K; k++) s = round(s + round(Math.exp(round((logits[k] as number) - m))));
  return round(round(Math.log(s)) - round((logits[label] as number) - m));
}
