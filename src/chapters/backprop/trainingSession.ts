import { createMinibatchWorkspace, trainMinibatches, type MinibatchWorkspace } from '../../core/minibatch';
import { backward, classify, accuracy, createWorkspace, forward, type Activation, type BatchReduction, type Network, type NetworkParams, type Workspace } from '../../core/network';

/**
 * One slice of training, as a pure function of plain data: the weights, the points and the settings
 * in, the weights after `steps` gradient steps out, with their loss, accuracy, gradient and decision
 * regions. The worker runs it off the main thread; the component tests (and a page without workers)
 * run it in place. Both call the core's trainMinibatches, so the run is the same wherever it happens:
 * batches of batchSize rows, reshuffled each epoch by the seed, where step s of the run is batch
 * s mod ⌈m/B⌉ of epoch ⌊s/⌈m/B⌉⌋ (batchSize m: full batch, trainStep's weights to the last bit).
 *
 * Stateless on purpose: the page's store holds the only copy of the run, so a reset, a replay or an
 * edited point can never leave a worker training an older network.
 */

export interface TrainingRequest {
  type: 'train';
  /** echoed back, so the page can drop an answer it no longer wants */
  id: number;
  hidden: number;
  activation: Activation;
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: Float64Array;
  x: Float64Array;
  labels: Int32Array;
  m: number;
  learningRate: number;
  reduction: BatchReduction;
  /** rows a step, 1 to max(1, m) */
  batchSize: number;
  /** the seed of the epochs' shuffles (the run's seed of the initial weights) */
  seed: number;
  /** gradient steps to take (0: only evaluate the weights as they are) */
  steps: number;
  /** the step count of the weights sent */
  startStep: number;
  /** the decision regions are classified on a gridSize × gridSize grid over [−extent, extent]² */
  gridSize: number;
  extent: number;
}

export interface TrainingSnapshot {
  type: 'snapshot';
  id: number;
  step: number;
  params: NetworkParams;
  /** ∂L/∂W1, ∂L/∂b1, ∂L/∂W2, ∂L/∂b2 at the returned weights */
  gradients: NetworkParams;
  /** the loss and the accuracy of the returned weights on the m points (NaN accuracy when m = 0) */
  loss: number;
  accuracy: number;
  /** the class predicted at each grid cell, row 0 at the top (largest y), column 0 at the left */
  regions: Uint8Array;
}

export interface TrainingFailure {
  type: 'error';
  id: number;
  message: string;
}

export type TrainingResponse = TrainingSnapshot | TrainingFailure;

export const MAX_STEPS_PER_REQUEST = 1000;
export const MAX_GRID = 128;

const isF64 = (v: unknown): v is Float64Array => v instanceof Float64Array;
const isCount = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** A request checked against the message format, or null. Shapes must agree with hidden and m. */
export function parseTrainingRequest(data: unknown): TrainingRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const r = data as Record<string, unknown>;
  if (r.type !== 'train' || !isCount(r.id, 0, Number.MAX_SAFE_INTEGER) || !isCount(r.hidden, 1, 256)) return null;
  if (r.activation !== 'relu' && r.activation !== 'tanh' && r.activation !== 'sigmoid') return null;
  if (r.reduction !== 'mean' && r.reduction !== 'sum') return null;
  if (!Number.isInteger(r.seed) || !isCount(r.batchSize, 1, Math.max(1, r.m as number))) return null;
  const h = r.hidden;
  if (!isF64(r.w1) || r.w1.length !== 2 * h || !isF64(r.b1) || r.b1.length !== h) return null;
  if (!isF64(r.w2) || r.w2.length !== 3 * h || !isF64(r.b2) || r.b2.length !== 3) return null;
  if (!isCount(r.m, 0, 100_000) || !isF64(r.x) || r.x.length !== 2 * r.m) return null;
  if (!(r.labels instanceof Int32Array) || r.labels.length !== r.m) return null;
  if (typeof r.learningRate !== 'number' || !(r.learningRate > 0) || !Number.isFinite(r.learningRate)) return null;
  if (!isCount(r.steps, 0, MAX_STEPS_PER_REQUEST) || !isCount(r.startStep, 0, Number.MAX_SAFE_INTEGER)) return null;
  if (!isCount(r.gridSize, 2, MAX_GRID) || typeof r.extent !== 'number' || !(r.extent > 0) || !Number.isFinite(r.extent)) return null;
  return r as unknown as TrainingRequest;
}

/** The request that trains `network` on the given points. Copies the weights, so the store's stay put. */
export function trainingRequest(
  id: number,
  network: Network,
  data: { x: Float64Array; labels: Int32Array; m: number },
  settings: { learningRate: number; reduction: BatchReduction; batchSize?: number; seed?: number; steps: number; startStep: number; gridSize: number; extent: number },
): TrainingRequest {
  // without a batch size, full batch; the seed then matters not, as a full batch is not shuffled
  const { batchSize = Math.max(1, data.m), seed = 0, ...rest } = settings;
  const { w1, b1, w2, b2 } = network.params;
  return {
    type: 'train',
    id,
    hidden: network.shape.hidden,
    activation: network.shape.activation,
    w1: w1.slice(),
    b1: b1.slice(),
    w2: w2.slice(),
    b2: b2.slice(),
    x: data.x,
    labels: data.labels,
    m: data.m,
    batchSize: Math.max(1, Math.min(batchSize, data.m)),
    seed,
    ...rest,
  };
}

/** The grid's points, row-major from the top-left corner: cell centres over [−extent, extent]². */
export function gridPoints(size: number, extent: number): Float64Array {
  const x = new Float64Array(2 * size * size);
  const cell = (2 * extent) / size;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const i = row * size + col;
      x[2 * i] = -extent + (col + 0.5) * cell;
      x[2 * i + 1] = extent - (row + 0.5) * cell;
    }
  }
  return x;
}

const allFinite = (p: NetworkParams) => [p.w1, p.b1, p.w2, p.b2].every((a) => a.every(Number.isFinite));

// Workspaces and grids are kept between calls (the worker answers one request after another), so a
// training slice allocates only its answer.
let cache: { key: string; ws: MinibatchWorkspace; gridWs: Workspace; grid: Float64Array } | null = null;

function workspaces(network: Network, m: number, gridSize: number, extent: number) {
  const key = `${network.shape.hidden}/${network.shape.activation}/${m}/${gridSize}/${extent}`;
  if (cache?.key !== key) {
    cache = {
      key,
      ws: createMinibatchWorkspace(network.shape, Math.max(1, m)),
      gridWs: createWorkspace(network.shape, gridSize * gridSize),
      grid: gridPoints(gridSize, extent),
    };
  }
  return cache;
}

/** Train `steps` steps from the request's weights and describe where they end. */
export function runTraining(request: TrainingRequest): TrainingResponse {
  const { id, hidden, activation, x, labels, m, learningRate, reduction, batchSize, seed, steps, startStep, gridSize, extent } = request;
  try {
    const network: Network = {
      shape: { inputs: 2, hidden, outputs: 3, activation },
      params: { w1: request.w1, b1: request.b1, w2: request.w2, b2: request.b2 },
    };
    const { ws, gridWs, grid } = workspaces(network, m, gridSize, extent);
    const taken = m > 0 ? steps : 0;
    if (taken > 0) trainMinibatches(network, x, labels, m, ws, { batchSize, learningRate, reduction, seed, startStep, steps: taken });
    let loss = NaN;
    let acc = NaN;
    const gradients: NetworkParams = {
      w1: new Float64Array(2 * hidden),
      b1: new Float64Array(hidden),
      w2: new Float64Array(3 * hidden),
      b2: new Float64Array(3),
    };
    if (m > 0) {
      loss = forward(network, x, labels, m, ws, reduction);
      backward(network, x, labels, m, ws, reduction);
      gradients.w1.set(ws.grads.w1);
      gradients.b1.set(ws.grads.b1);
      gradients.w2.set(ws.grads.w2);
      gradients.b2.set(ws.grads.b2);
      acc = accuracy(network, x, labels, m, ws);
    }
    if (!allFinite(network.params) || (m > 0 && !Number.isFinite(loss))) {
      return { type: 'error', id, message: `the weights overflowed within steps ${startStep + 1} to ${startStep + taken}: the learning rate is too high` };
    }
    const regions = new Uint8Array(gridSize * gridSize);
    classify(network, grid, gridSize * gridSize, gridWs, regions);
    return { type: 'snapshot', id, step: startStep + taken, params: network.params, gradients, loss, accuracy: acc, regions };
  } catch (error) {
    return { type: 'error', id, message: error instanceof Error ? error.message : String(error) };
  }
}
