import { backward, cloneNetwork, createWorkspace, forward, type Activation, type BatchReduction, type Network, type Workspace } from '../../core/network';
import type { Dataset } from '../../core/datasets';

/**
 * The numbers of chapter 8's backward pass in matrix form: one forward and backward pass of the
 * core over the whole data set, then the rows of its workspace for one chosen sample, and the
 * chain-rule factors of one weight's gradient. The backward pass's gradients come from the core;
 * everything this module multiplies out itself (the chain-rule sums, f′(z)) is an independent
 * recomputation, so that the page can check the two against each other and against a central
 * difference of the core's forward pass (`weightDifferenceCheck.ts`).
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

/** Throws a RangeError naming the index unless 0 ≤ value < size. */
export function checkIndex(name: string, value: number, size: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= size) {
    throw new RangeError(`${name} must be a whole number from 0 to ${size - 1}, got ${value}`);
  }
}
