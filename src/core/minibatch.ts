import { createWorkspace, zeroGrads, type BatchReduction, type Network, type NetworkParams, type NetworkShape, type Workspace } from './network';
import { checkBatch, checkLabels, checkLearningRate, checkShape, checkSize, reductionCode } from './networkChecks';
import { backwardRows, forwardRows } from './networkKernels';
import { createRandom } from './random';

/**
 * Minibatch SGD on the two-layer network of network.ts: the m examples are split into batches of B
 * rows in an order shuffled afresh each epoch, and each batch takes one step, params −= η·∇L_batch,
 * where L_batch is the mean (÷ the batch's own rows) or the sum of its rows' losses, as trainStep's
 * reduction. An epoch is ⌈m/B⌉ steps; its last batch holds the m − (⌈m/B⌉ − 1)·B rows left over (as
 * PyTorch's DataLoader without drop_last).
 *
 * Step s (counted from the run's start) is batch b = s mod ⌈m/B⌉ of epoch e = ⌊s/⌈m/B⌉⌋, so a run can
 * be continued from any step without keeping the shuffle: the order of epoch e depends only on the
 * seed and e ({@link shuffleOrder}).
 *
 * B = m is full-batch training: the rows in their own order, unshuffled (a permutation leaves the true
 * gradient the same but would change its rounding), so it gives trainStep's weights to the last bit.
 * Each row's contribution is added to the gradient in the batch's row order, which is what a plain
 * loop over the batch's rows does, so that loop gives the same weights too.
 */

/** A workspace for batches of up to `capacity` rows and the buffers that hold one shuffled batch. */
export interface MinibatchWorkspace extends Workspace {
  /** the current epoch's order of the m rows (length ≥ m) */
  readonly order: Int32Array;
  /** a batch's rows and labels, gathered in that order (capacity × inputs, capacity) */
  readonly batchX: Float64Array;
  readonly batchLabels: Int32Array;
}

export interface MinibatchSettings {
  /** rows per batch B, an integer from 1 to m */
  readonly batchSize: number;
  readonly learningRate: number;
  readonly reduction?: BatchReduction;
  /** the seed of the shuffle, any integer */
  readonly seed: number;
  /** the step count the weights are at: where in its epoch the next batch is */
  readonly startStep: number;
  /** steps to take (0 is allowed and leaves the weights as they are) */
  readonly steps: number;
}

/** createMinibatchWorkspace(shape, m): scratch for minibatch training on up to m examples. */
export function createMinibatchWorkspace(shape: NetworkShape, m: number): MinibatchWorkspace {
  checkShape('createMinibatchWorkspace', shape);
  checkSize('createMinibatchWorkspace', 'm', m);
  return {
    ...createWorkspace(shape, m),
    order: new Int32Array(m),
    batchX: new Float64Array(m * shape.inputs),
    batchLabels: new Int32Array(m),
  };
}

/** ⌈m/B⌉: the steps of one epoch. */
export function batchesPerEpoch(m: number, batchSize: number): number {
  return Math.ceil(m / batchSize);
}

/**
 * Fills order[0..n) with epoch `epoch`'s permutation of 0..n−1: Fisher–Yates from the last place
 * down (order[i] swapped with order[j], j = random.int(i + 1)) on the identity, by the generator of
 * {@link createRandom} seeded with seed XOR (epoch + 1)·0x9e3779b9 (mod 2^32): an odd multiplier, so
 * the epochs of one seed get distinct generators, and createRandom's seeding makes their sequences
 * unrelated.
 */
export function shuffleOrder(seed: number, epoch: number, order: Int32Array, n: number = order.length): void {
  if (!Number.isInteger(seed)) throw new RangeError(`shuffleOrder: seed ${seed} is not an integer`);
  if (!Number.isInteger(epoch) || epoch < 0) throw new RangeError(`shuffleOrder: epoch ${epoch} is not an integer ≥ 0`);
  if (!Number.isInteger(n) || n < 0 || n > order.length) throw new RangeError(`shuffleOrder: n = ${n} is not an integer from 0 to order.length = ${order.length}`);
  const random = createRandom((Number(BigInt.asIntN(32, BigInt(seed))) ^ Math.imul(epoch + 1, 0x9e3779b9)) | 0);
  for (let i = 0; i < n; i++) order[i] = i;
  // down to i = 1: place 0, the last one left, could only swap with itself
  for (let i = n - 1; i >= 1; i--) {
    const j = random.int(i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
}

function checkCount(name: string, value: number): void {
  // Number.isSafeInteger is false for anything but a number, so no typeof test is needed
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`trainMinibatches: ${name} ${String(value)} is not a whole number ≥ 0`);
  }
}

/**
 * trainMinibatches(net, x, labels, m, ws, settings): `steps` minibatch steps on the m examples of x
 * (m × inputs) from step `startStep` on, updating net.params in place. Every argument is checked
 * once, before anything is written (a batch size that is not an integer from 1 to m, a workspace too
 * small, a label out of range, a bad rate, steps or seed throw a RangeError naming it); the steps then
 * run without checks and allocate nothing but one generator per epoch started. Leaves ws.grads zero.
 */
export function trainMinibatches(net: Network, x: Float64Array, labels: Int32Array, m: number, ws: MinibatchWorkspace, settings: MinibatchSettings): void {
  const fn = 'trainMinibatches';
  checkBatch(fn, net, x, m, ws);
  checkLabels(fn, labels, m, net.shape.outputs);
  const { batchSize, learningRate, seed, startStep, steps } = settings;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > m) {
    throw new RangeError(`${fn}: batch size ${String(batchSize)} is not a whole number from 1 to m = ${m}, the number of examples`);
  }
  checkLearningRate(fn, learningRate);
  const code = reductionCode(fn, settings.reduction);
  checkCount('startStep', startStep);
  checkCount('steps', steps);
  if (!Number.isSafeInteger(startStep + steps)) throw new RangeError(`${fn}: startStep + steps = ${startStep + steps} is past 2^53 − 1, the last step count a double counts exactly`);
  if (!Number.isInteger(seed)) throw new RangeError(`${fn}: seed ${String(seed)} is not an integer`);
  const I = net.shape.inputs;
  const full = batchSize === m;
  if (!full && (ws.order.length < m || ws.batchX.length < batchSize * I || ws.batchLabels.length < batchSize)) {
    throw new RangeError(`${fn}: the workspace's batch buffers are too small for m = ${m} and batch size ${batchSize}`);
  }

  const params = net.params;
  const grads = ws.grads;
  zeroGrads(grads);
  if (full) {
    for (let s = 0; s < steps; s++) {
      forwardRows(net, x, null, m, ws);
      backwardRows(net, x, labels, m, ws, code);
      sgdUpdateAndZero(params, grads, learningRate);
    }
    return;
  }
  const perEpoch = batchesPerEpoch(m, batchSize);
  const order = ws.order;
  const batchX = ws.batchX;
  const batchLabels = ws.batchLabels;
  let epoch = Math.floor(startStep / perEpoch);
  let batch = startStep - epoch * perEpoch;
  shuffleOrder(seed, epoch, order, m);
  for (let s = 0; s < steps; s++) {
    if (batch === perEpoch) {
      epoch++;
      batch = 0;
      shuffleOrder(seed, epoch, order, m);
    }
    const from = batch * batchSize;
    const rows = Math.min(batchSize, m - from);
    gatherRows(x, labels, order, from, rows, I, batchX, batchLabels);
    forwardRows(net, batchX, null, rows, ws);
    backwardRows(net, batchX, batchLabels, rows, ws, code);
    sgdUpdateAndZero(params, grads, learningRate);
    batch++;
  }
}

/**
 * params −= lr · grads, then grads = 0, in one pass: the same subtraction as network.ts's sgdUpdate, and the
 * gradient left zeroed for the next batch's backwardRows, without a separate zeroing pass.
 */
function sgdUpdateAndZero(params: NetworkParams, grads: NetworkParams, learningRate: number): void {
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
