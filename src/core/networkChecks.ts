import { RELU, SIGMOID, TANH } from './networkActivations';
import { SUM, MEAN } from './networkKernels';
import type { Network, NetworkParams, NetworkShape, Workspace } from './network';

/*
 * The network's argument checks, apart from its arithmetic: each public function of network.ts and
 * minibatch.ts runs them once per call, before anything is written, and the kernels none.
 */

/** Largest number of entries in any one array of a network or workspace (2^26 doubles = 512 MiB). */
export const MAX_ENTRIES = 2 ** 26;

export function activationCode(fn: string, activation: unknown): number {
  if (activation === 'relu') return RELU;
  if (activation === 'tanh') return TANH;
  if (activation === 'sigmoid') return SIGMOID;
  throw new RangeError(`${fn}: activation ${String(activation)} is not one of 'relu', 'tanh', 'sigmoid'`);
}

export function checkSize(fn: string, name: string, value: number): void {
  // Number.isInteger is false for anything but a number, so no typeof test is needed
  if (!Number.isInteger(value) || value < 1 || value > MAX_ENTRIES) {
    throw new RangeError(`${fn}: ${name} ${String(value)} is not an integer in [1, ${MAX_ENTRIES}]`);
  }
}

export function checkShape(fn: string, shape: NetworkShape): void {
  if (shape === null || typeof shape !== 'object') throw new RangeError(`${fn}: shape must be an object { inputs, hidden, outputs, activation }`);
  checkSize(fn, 'shape.inputs', shape.inputs);
  checkSize(fn, 'shape.hidden', shape.hidden);
  checkSize(fn, 'shape.outputs', shape.outputs);
  if (shape.inputs * shape.hidden > MAX_ENTRIES || shape.hidden * shape.outputs > MAX_ENTRIES) {
    throw new RangeError(`${fn}: a ${shape.inputs}-${shape.hidden}-${shape.outputs} network has a weight matrix of more than ${MAX_ENTRIES} entries`);
  }
  activationCode(fn, shape.activation);
}

/**
 * A workspace for `capacity` rows holds capacity × hidden and capacity × outputs entries per array;
 * the wider of the two must stay within MAX_ENTRIES. Checked here, apart from the allocation, so the
 * limit itself can be tested without allocating 512 MiB arrays.
 */
export function checkCapacity(fn: string, capacity: number, shape: NetworkShape): void {
  checkSize(fn, 'capacity', capacity);
  const width = Math.max(shape.hidden, shape.outputs);
  if (capacity * width > MAX_ENTRIES) {
    throw new RangeError(`${fn}: capacity ${capacity} × width ${width} is more than ${MAX_ENTRIES} entries`);
  }
}

/**
 * `name` and `field` are joined only when the check fails: these checks run at every training step,
 * and a joined name built on the way in (`${what}.w1`) was a new string each time, about 256 bytes a
 * step whenever V8 did not optimise it away (the allocation test in tests/core caught it).
 */
export function checkLength(fn: string, name: string, array: Float64Array, expected: number, field: string): void {
  if (array.length !== expected) {
    throw new RangeError(`${fn}: ${name}${field} has length ${array.length} but the shape needs ${expected}`);
  }
}

export function checkParams(fn: string, what: string, params: NetworkParams, shape: NetworkShape): void {
  const { inputs, hidden, outputs } = shape;
  checkLength(fn, what, params.w1, inputs * hidden, '.w1');
  checkLength(fn, what, params.b1, hidden, '.b1');
  checkLength(fn, what, params.w2, hidden * outputs, '.w2');
  checkLength(fn, what, params.b2, outputs, '.b2');
}

export function checkNetworkAndWorkspace(fn: string, net: Network, ws: Workspace): void {
  activationCode(fn, net.shape.activation);
  checkParams(fn, 'net.params', net.params, net.shape);
  const capacity = ws.capacity;
  const hiddenEntries = capacity * net.shape.hidden;
  const outputEntries = capacity * net.shape.outputs;
  if (
    ws.z1.length !== hiddenEntries ||
    ws.a1.length !== hiddenEntries ||
    ws.da1.length !== hiddenEntries ||
    ws.dz1.length !== hiddenEntries ||
    ws.z2.length !== outputEntries ||
    ws.p.length !== outputEntries ||
    ws.dz2.length !== outputEntries
  ) {
    throw new RangeError(`${fn}: the workspace was not made for this network's shape (hidden ${net.shape.hidden}, outputs ${net.shape.outputs}, capacity ${capacity})`);
  }
  checkParams(fn, 'ws.grads', ws.grads, net.shape);
}

export function checkBatch(fn: string, net: Network, x: Float64Array, m: number, ws: Workspace): void {
  checkNetworkAndWorkspace(fn, net, ws);
  if (!Number.isInteger(m) || m < 1 || m > ws.capacity) {
    throw new RangeError(`${fn}: batch size m = ${m} is not an integer in [1, ${ws.capacity}] (the workspace's capacity)`);
  }
  const needed = m * net.shape.inputs;
  if (x.length < needed) {
    throw new RangeError(`${fn}: x has length ${x.length} but m × inputs = ${m} × ${net.shape.inputs} = ${needed}`);
  }
}

export function checkLabels(fn: string, labels: Int32Array, m: number, outputs: number): void {
  if (labels.length < m) throw new RangeError(`${fn}: labels has length ${labels.length} but the batch has m = ${m} rows`);
  for (let r = 0; r < m; r++) {
    const label = labels[r] as number;
    if (label < 0 || label >= outputs) {
      throw new RangeError(`${fn}: labels[${r}] = ${label} is not a class index in [0, ${outputs})`);
    }
  }
}

/** The reduction as a small integer, so the hot path passes and compares no strings or boxed doubles. */
export function reductionCode(fn: string, reduction: unknown): number {
  if (reduction === undefined || reduction === 'mean') return MEAN;
  if (reduction === 'sum') return SUM;
  throw new RangeError(`${fn}: reduction ${String(reduction)} is not 'mean' or 'sum'`);
}

export function checkLearningRate(fn: string, learningRate: number): void {
  // Number.isFinite is false for NaN, ±Infinity and anything but a number (a string '0.1' too, which
  // `>= 0` alone would let through)
  if (!(Number.isFinite(learningRate) && learningRate >= 0)) {
    throw new RangeError(`${fn}: learning rate ${String(learningRate)} is not a finite number ≥ 0`);
  }
}
