import type { NetworkParams } from './network';

/*
 * The SGD step, and the gathering of a minibatch's rows, after the kernels' backward pass
 * (networkKernels.ts): network.ts takes one step per call, minibatch.ts many. Callers check their
 * arguments first (networkChecks.ts).
 */

export function sgdUpdate(params: NetworkParams, grads: NetworkParams, learningRate: number): void {
  const w1 = params.w1;
  const g1 = grads.w1;
  for (let i = 0, n = w1.length; i < n; i++) w1[i] = (w1[i] as number) - learningRate * (g1[i] as number);
  const b1 = params.b1;
  const gb1 = grads.b1;
  for (let i = 0, n = b1.length; i < n; i++) b1[i] = (b1[i] as number) - learningRate * (gb1[i] as number);
  const w2 = params.w2;
  const g2 = grads.w2;
  for (let i = 0, n = w2.length; i < n; i++) w2[i] = (w2[i] as number) - learningRate * (g2[i] as number);
  const b2 = params.b2;
  const gb2 = grads.b2;
  for (let i = 0, n = b2.length; i < n; i++) b2[i] = (b2[i] as number) - learningRate * (gb2[i] as number);
}

/** grads = 0: backwardRows adds each row's contribution to what is there. */
export function zeroGrads(grads: NetworkParams): void {
  grads.w1.fill(0);
  grads.b1.fill(0);
  grads.w2.fill(0);
  grads.b2.fill(0);
}

/**
 * params −= lr · grads, then grads = 0, in one pass: the same subtraction as sgdUpdate, and the
 * gradient left zeroed for the next batch's backwardRows, without a separate zeroing pass.
 */
export function sgdUpdateAndZero(params: NetworkParams, grads: NetworkParams, learningRate: number): void {
  updateAndZero(params.w1, grads.w1, learningRate);
  updateAndZero(params.b1, grads.b1, learningRate);
  updateAndZero(params.w2, grads.w2, learningRate);
  updateAndZero(params.b2, grads.b2, learningRate);
}

function updateAndZero(w: Float64Array, g: Float64Array, learningRate: number): void {
  for (let i = 0, n = w.length; i < n; i++) {
    w[i] = (w[i] as number) - learningRate * (g[i] as number);
    g[i] = 0;
  }
}

/** Rows order[from..from+n) of x (width I) and their labels into the front of xOut and labelsOut. */
export function gatherRows(
  x: Float64Array,
  labels: Int32Array,
  order: Int32Array,
  from: number,
  n: number,
  I: number,
  xOut: Float64Array,
  labelsOut: Int32Array,
): void {
  for (let r = 0; r < n; r++) {
    const row = order[from + r] as number;
    labelsOut[r] = labels[row] as number;
    const src = row * I;
    const dst = r * I;
    for (let i = 0; i < I; i++) xOut[dst + i] = x[src + i] as number;
  }
}
