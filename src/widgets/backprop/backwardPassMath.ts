import { backward, cloneNetwork, createWorkspace, forward, type Activation, type BatchReduction, type Network, type Workspace } from '../../core/network';
import type { Dataset } from '../../core/datasets';

/**
 * The numbers of chapter 8's backward pass in matrix form: one forward and backward pass of the
 * core over the whole data set, then the rows of its workspace for one chosen sample, and the
 * chain-rule factors of one weight's gradient. The backward pass's gradients come from the core;
 * everything this module multiplies out itself (the chain-rule sums, f′(z)) is an independent
 * recomputation, so that the page can check the two against each other and against a central
 * difference of the core's forward pass.
 *
 * Shapes, row-major as in the core: X (m × n), Z₁ = A₁ (m × h), Z₂ = P = Y (m × C),
 * W₁ (n × h), W₂ (h × C), with n inputs, h hidden units, C classes.
 */

/** One forward and backward pass over the data set, on a copy of the weights (the trainer may move on). */
export interface BackwardPass {
  readonly net: Network;
  readonly data: Dataset;
  readonly reduction: BatchReduction;
  readonly m: number;
  readonly inputs: number;
  readonly hidden: number;
  readonly outputs: number;
  /** the loss the forward pass returned (mean or sum over the m samples) */
  readonly loss: number;
  /** the core's workspace after backward: z1, a1, z2, p, dz2, da1, dz1 and grads */
  readonly ws: Workspace;
  /** the factor in dZ₂ = scale · (P − Y): 1/m for the mean, 1 for the sum */
  readonly scale: number;
}

export function backwardPass(network: Network, data: Dataset, reduction: BatchReduction): BackwardPass {
  const m = data.m;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`backwardPass needs at least one sample, got m = ${m}`);
  const net = cloneNetwork(network);
  const { inputs, hidden, outputs } = net.shape;
  const ws = createWorkspace(net.shape, m);
  const loss = forward(net, data.x, data.labels, m, ws, reduction);
  backward(net, data.x, data.labels, m, ws, reduction);
  return { net, data, reduction, m, inputs, hidden, outputs, loss, ws, scale: reduction === 'mean' ? 1 / m : 1 };
}

/** f′(z) of the hidden activation, from z: ReLU's step (0 at z = 0, as PyTorch), 1 − tanh², σ(1 − σ). */
export function activationSlope(activation: Activation, z: number): number {
  switch (activation) {
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'tanh': {
      const t = Math.tanh(z);
      return 1 - t * t;
    }
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-z));
      return s * (1 - s);
    }
  }
}

const row = (a: Float64Array, i: number, width: number) => Array.from(a.subarray(i * width, (i + 1) * width));

/** Sample i's rows of every matrix of the pass: what the explorer's tables show. */
export interface SampleRows {
  readonly index: number;
  readonly x: readonly number[];
  readonly label: number;
  /** the sample's one-hot row of Y */
  readonly y: readonly number[];
  readonly z1: readonly number[];
  readonly a1: readonly number[];
  readonly z2: readonly number[];
  readonly p: readonly number[];
  /** p − y, before the 1/m of the mean */
  readonly pMinusY: readonly number[];
  readonly dz2: readonly number[];
  readonly da1: readonly number[];
  /** f′(z₁) from z₁, computed here */
  readonly slope: readonly number[];
  readonly dz1: readonly number[];
}

export function sampleRows(pass: BackwardPass, index: number): SampleRows {
  const { ws, data, inputs, hidden, outputs } = pass;
  if (!Number.isInteger(index) || index < 0 || index >= pass.m) {
    throw new RangeError(`sample index must be a whole number from 0 to ${pass.m - 1}, got ${index}`);
  }
  const label = data.labels[index] ?? 0;
  const p = row(ws.p, index, outputs);
  const y = p.map((_, k) => (k === label ? 1 : 0));
  const z1 = row(ws.z1, index, hidden);
  return {
    index,
    x: row(data.x, index, inputs),
    label,
    y,
    z1,
    a1: row(ws.a1, index, hidden),
    z2: row(ws.z2, index, outputs),
    p,
    pMinusY: p.map((v, k) => v - (y[k] ?? 0)),
    dz2: row(ws.dz2, index, outputs),
    da1: row(ws.da1, index, hidden),
    slope: z1.map((z) => activationSlope(pass.net.shape.activation, z)),
    dz1: row(ws.dz1, index, hidden),
  };
}

/** A flat row-major array as rows, for a heatmap: rows × columns. */
export function asRows(flat: ArrayLike<number>, rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (__, c) => flat[r * columns + c] ?? NaN));
}

/** The outer product uᵀv (u a column, v a row): one sample's contribution a₁ᵢᵀ dz₂ᵢ to dW₂, or xᵢᵀ dz₁ᵢ to dW₁. */
export function outer(u: readonly number[], v: readonly number[]): number[][] {
  return u.map((a) => v.map((b) => a * b));
}

/**
 * ∂L/∂w₂[j][k] = Σᵢ a₁ᵢⱼ · dz₂ᵢₖ with dz₂ᵢₖ = scale · (pᵢₖ − yᵢₖ), written out for sample i, and the
 * whole sum recomputed here from A₁, P and the labels (not from the core's dZ₂ or its grads).
 */
export interface OutputWeightChain {
  readonly j: number;
  readonly k: number;
  readonly i: number;
  readonly a1: number;
  readonly pMinusY: number;
  readonly scale: number;
  /** sample i's term a₁ᵢⱼ · (pᵢₖ − yᵢₖ) · scale */
  readonly term: number;
  /** Σᵢ over all m samples of the same product */
  readonly chainSum: number;
  /**
   * the positive terms of that sum added up, and the negative ones: samples pulling the weight in
   * opposite directions cancel, so chainSum can be far smaller than either
   */
  readonly positiveSum: number;
  readonly negativeSum: number;
  /** the term of largest size (its sign kept) and its sample */
  readonly largestTerm: number;
  readonly largestSample: number;
  /** the core's backward pass: grads.w2[j · C + k] */
  readonly backprop: number;
}

export function outputWeightChain(pass: BackwardPass, j: number, k: number, i: number): OutputWeightChain {
  const { ws, data, hidden, outputs, scale, m } = pass;
  checkIndex('hidden unit j', j, hidden);
  checkIndex('class k', k, outputs);
  checkIndex('sample i', i, m);
  const factor = (s: number) => {
    const a1 = ws.a1[s * hidden + j] ?? NaN;
    const pMinusY = (ws.p[s * outputs + k] ?? NaN) - (data.labels[s] === k ? 1 : 0);
    return { a1, pMinusY };
  };
  let chainSum = 0;
  let positiveSum = 0;
  let negativeSum = 0;
  let largestTerm = 0;
  let largestSample = 0;
  for (let s = 0; s < m; s++) {
    const f = factor(s);
    const t = f.a1 * f.pMinusY * scale;
    chainSum += t;
    if (t > 0) positiveSum += t;
    else negativeSum += t;
    if (Math.abs(t) > Math.abs(largestTerm)) {
      largestTerm = t;
      largestSample = s;
    }
  }
  const own = factor(i);
  return {
    j, k, i,
    a1: own.a1,
    pMinusY: own.pMinusY,
    scale,
    term: own.a1 * own.pMinusY * scale,
    chainSum,
    positiveSum,
    negativeSum,
    largestTerm,
    largestSample,
    backprop: ws.grads.w2[j * outputs + k] ?? NaN,
  };
}

/**
 * ∂L/∂w₁[r][j] = Σᵢ xᵢᵣ · f′(z₁ᵢⱼ) · Σₖ w₂ⱼₖ dz₂ᵢₖ, the longer chain through hidden unit j, written out
 * for sample i; the sum over samples, f′ and the inner sum over classes are all recomputed here.
 */
export interface HiddenWeightChain {
  readonly r: number;
  readonly j: number;
  readonly i: number;
  readonly x: number;
  readonly slope: number;
  /** the inner sum's terms w₂ⱼₖ and dz₂ᵢₖ, k = 0 … C − 1 */
  readonly w2: readonly number[];
  readonly dz2: readonly number[];
  /** Σₖ w₂ⱼₖ dz₂ᵢₖ = dA₁ᵢⱼ */
  readonly upstream: number;
  /** sample i's term xᵢᵣ · f′(z₁ᵢⱼ) · upstream */
  readonly term: number;
  readonly chainSum: number;
  /** the core's backward pass: grads.w1[r · h + j] */
  readonly backprop: number;
}

export function hiddenWeightChain(pass: BackwardPass, r: number, j: number, i: number): HiddenWeightChain {
  const { ws, data, net, inputs, hidden, outputs, scale, m } = pass;
  checkIndex('input r', r, inputs);
  checkIndex('hidden unit j', j, hidden);
  checkIndex('sample i', i, m);
  const w2 = row(net.params.w2, j, outputs);
  const factor = (s: number) => {
    const dz2 = w2.map((_, k) => scale * ((ws.p[s * outputs + k] ?? NaN) - (data.labels[s] === k ? 1 : 0)));
    const upstream = dz2.reduce((sum, d, k) => sum + (w2[k] ?? NaN) * d, 0);
    const slope = activationSlope(net.shape.activation, ws.z1[s * hidden + j] ?? NaN);
    const x = data.x[s * inputs + r] ?? NaN;
    return { x, slope, dz2, upstream, term: x * slope * upstream };
  };
  let chainSum = 0;
  for (let s = 0; s < m; s++) chainSum += factor(s).term;
  const own = factor(i);
  return { r, j, i, ...own, w2, chainSum, backprop: ws.grads.w1[r * hidden + j] ?? NaN };
}

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

function checkIndex(name: string, value: number, size: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= size) {
    throw new RangeError(`${name} must be a whole number from 0 to ${size - 1}, got ${value}`);
  }
}
