import { cloneNetwork, createWorkspace, forward } from '../../core/network';
import { checkIndex, type BackwardPass } from './backwardPassMath';

/**
 * The explorer's numerical check of one weight's gradient.
 *
 * A central difference (L(w + h) − L(w − h)) / ((w + h) − (w − h)) with a fixed nudge h = 10⁻⁵ (larger
 * only for a weight so large that w ± 10⁻⁵ would not be representable). Its error has two parts:
 * truncation, h²·L‴/6, far below a millionth of the gradient at this h; and rounding in the two
 * forward passes, at most a few ε·S/h, where S (`roundingScale`) bounds the size of the numbers the loss
 * is summed from. So the check allows
 *
 *     |difference − gradient| ≤ 10⁻⁶ · max(|difference|, |gradient|) + 4 ε S / h.
 *
 * The nudge scales with |w| nowhere below 10⁶: a run that blew up has weights in the hundreds, and a
 * nudge of 10⁻⁵·|w| would bring back the truncation error (several millionths of the gradient).
 *
 * That bound holds where the loss is smooth over the nudge. Under ReLU it is not where a sample's
 * pre-activation in the weight's hidden unit lies within the nudge of the kink at 0: gradient descent
 * leaves such samples behind (at blobs step 1000 one sits at −3.2 × 10⁻⁶). The quotient across a kink
 * mixes the slopes on its two sides and is not a derivative; such samples are reported as `kinks`, and
 * the difference is taken again with a nudge that keeps every sample on its side (`kinkFree`).
 */
export const DIFFERENCE_CHECK = { step: 1e-5, relativeTolerance: 1e-6, roundingFactor: 4 } as const;

/** A sample whose pre-activation lies strictly below ReLU's kink at one end of the nudge and above it at the other. */
export interface KinkCrossing {
  /** the sample, counted from 0 */
  readonly sample: number;
  /** its (Z₁)ᵢⱼ at the current weights, and with the weight nudged down and up */
  readonly z1: number;
  readonly z1Down: number;
  readonly z1Up: number;
}

/** One central difference: its value, its nudge, and the gap the check allows it. */
export interface CentralDifference {
  readonly value: number;
  readonly step: number;
  /** 4 ε S / h: what rounding in the loss can add to the quotient (S: roundingScale) */
  readonly roundingAllowance: number;
}

export interface DifferenceCheck extends CentralDifference {
  /** ReLU and W₁ only: every sample whose pre-activation crosses the kink between w − h and w + h */
  readonly kinks: readonly KinkCrossing[];
  /**
   * when the nudge crosses a kink: the difference again with half the largest nudge that crosses none
   * (its rounding allowance grows as the nudge shrinks, and says so), or null when no nudge avoids the
   * kink: a sample's pre-activation is 0, or 0 to within rounding
   */
  readonly kinkFree: CentralDifference | null;
}

/**
 * S for one pass: the sum over samples (times the 1/m of the mean) of 1 + the largest logit's size
 * bound, |X||W₁| + |b₁| + 1 carried through |W₂| and |b₂|. Rounding in the forward pass makes each
 * logit, and each sample's loss, wrong by a few ε times that; a difference of two losses divided by
 * 2h then by a few ε·S/h.
 */
export function roundingScale(pass: BackwardPass): number {
  const { data, net, m, inputs, hidden, outputs, scale } = pass;
  const { w1, b1, w2, b2 } = net.params;
  let total = 0;
  const size = new Float64Array(hidden);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < hidden; j++) {
      let s = Math.abs(b1[j] ?? NaN) + 1; // + 1: a sigmoid's or tanh's output is at most 1
      for (let r = 0; r < inputs; r++) s += Math.abs((data.x[i * inputs + r] ?? NaN) * (w1[r * hidden + j] ?? NaN));
      size[j] = s;
    }
    let largest = 0;
    for (let k = 0; k < outputs; k++) {
      let s = Math.abs(b2[k] ?? NaN);
      for (let j = 0; j < hidden; j++) s += (size[j] ?? NaN) * Math.abs(w2[j * outputs + k] ?? NaN);
      largest = Math.max(largest, s);
    }
    total += 1 + largest;
  }
  return total * scale;
}

/** The gap the check allows between a central difference and the backward pass's entry. */
export function allowedDifferenceGap(difference: CentralDifference, gradient: number): number {
  return DIFFERENCE_CHECK.relativeTolerance * Math.max(Math.abs(difference.value), Math.abs(gradient)) + difference.roundingAllowance;
}

/** Does the difference agree with the gradient within that gap? (NaN or ∞ never does.) */
export function differenceAgrees(difference: CentralDifference, gradient: number): boolean {
  if (!Number.isFinite(difference.value) || !Number.isFinite(gradient)) return false;
  return Math.abs(difference.value - gradient) <= allowedDifferenceGap(difference, gradient);
}

/**
 * The central difference for one weight of W₁ (layer 1) or W₂ (layer 2), through the core's forward
 * pass on the whole data set, with the kinks its nudge crosses. The nudge of (W₁)ᵣⱼ moves column j of
 * Z₁ by ±h·xᵢᵣ; a weight of W₂ leaves Z₁ as it is, and tanh and sigmoid have no kink.
 */
export function weightDifferenceCheck(pass: BackwardPass, layer: 1 | 2, index: number): DifferenceCheck {
  const { data, m, reduction, hidden, inputs } = pass;
  const net = cloneNetwork(pass.net);
  const w = layer === 1 ? net.params.w1 : net.params.w2;
  checkIndex('weight index', index, w.length);
  const ws = createWorkspace(net.shape, m);
  const w0 = w[index] ?? NaN;
  const scaleS = roundingScale(pass);
  const watch = layer === 1 && net.shape.activation === 'relu';
  const j = index % hidden;
  const r = Math.floor(index / hidden);
  const column = () => Array.from({ length: m }, (_, i) => ws.z1[i * hidden + j] ?? NaN);

  const difference = (h: number) => {
    const up = w0 + h;
    const down = w0 - h;
    w[index] = up;
    const lossUp = forward(net, data.x, data.labels, m, ws, reduction);
    const zUp = watch ? column() : [];
    w[index] = down;
    const lossDown = forward(net, data.x, data.labels, m, ws, reduction);
    const zDown = watch ? column() : [];
    w[index] = w0;
    const taken = up - down;
    return { value: (lossUp - lossDown) / taken, step: taken / 2, roundingAllowance: (DIFFERENCE_CHECK.roundingFactor * Number.EPSILON * scaleS) / (taken / 2), zUp, zDown };
  };

  // 10⁻⁵, or for |w| above 10⁶ a nudge that still moves w by about 10⁻¹¹ of itself
  const first = difference(Math.max(DIFFERENCE_CHECK.step, 1e-11 * Math.abs(w0)));
  const kinks: KinkCrossing[] = [];
  if (watch) {
    for (let i = 0; i < m; i++) {
      const [a, b] = [first.zDown[i] ?? NaN, first.zUp[i] ?? NaN];
      if (Math.min(a, b) < 0 && Math.max(a, b) > 0) kinks.push({ sample: i, z1: pass.ws.z1[i * hidden + j] ?? NaN, z1Down: a, z1Up: b });
    }
  }
  const plain = ({ value, step, roundingAllowance }: CentralDifference): CentralDifference => ({ value, step, roundingAllowance });
  let kinkFree: CentralDifference | null = null;
  if (kinks.length > 0) {
    // the largest nudge that keeps every sample on its side: min over samples of |(Z₁)ᵢⱼ| / |xᵢᵣ|
    let room = Infinity;
    for (let i = 0; i < m; i++) {
      const x = Math.abs(data.x[i * inputs + r] ?? NaN);
      if (x > 0) room = Math.min(room, Math.abs(pass.ws.z1[i * hidden + j] ?? NaN) / x);
    }
    // half of it; rounding in Z₁ can still tip a sample that sits almost on 0, so halve again if need be
    let h = room / 2;
    for (let tries = 0; tries < 20 && h > 0 && kinkFree === null; tries++, h /= 2) {
      const again = difference(h);
      if (!(again.step > 0)) break; // w ± h rounds back to w: no smaller nudge is left
      const crossesStill = again.zUp.some((b, i) => {
        const a = again.zDown[i] ?? NaN;
        return Math.min(a, b) < 0 && Math.max(a, b) > 0;
      });
      if (!crossesStill) kinkFree = plain(again);
    }
  }
  return { ...plain(first), kinks, kinkFree };
}

/** The central difference alone (weightDifferenceCheck's value). */
export function weightFiniteDifference(pass: BackwardPass, layer: 1 | 2, index: number): number {
  return weightDifferenceCheck(pass, layer, index).value;
}
