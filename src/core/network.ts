import { createRandom, type Random } from './random';
import {
  checkBatch,
  checkCapacity,
  checkLabels,
  checkLearningRate,
  checkNetworkAndWorkspace,
  checkParams,
  checkShape,
  reductionCode,
} from './networkChecks';
import { backwardRows, forwardRows, reducedLoss } from './networkKernels';

/**
 * A two-layer network (inputs → hidden → outputs) with softmax cross-entropy, trained by plain SGD, for
 * the training chapters. Everything is a flat row-major Float64Array, and the training path (forward,
 * backward, sgdStep, trainStep, accuracy, classify) allocates nothing: every intermediate lives in a
 * {@link Workspace} made once, so a chapter can run thousands of steps per frame without the garbage
 * collector stepping in.
 *
 * For a batch X (m × I), labels t_r ∈ {0, …, K − 1} (the true class of row r) and one-hot rows Y:
 *   Z1 = X·W1 + 1·b1ᵀ                  (m × H)
 *   A1 = φ(Z1)                          φ = relu, tanh or the logistic sigmoid, element-wise
 *   Z2 = A1·W2 + 1·b2ᵀ                  (m × K, the logits)
 *   P  = softmax(Z2) row by row,        P_rk = exp(Z2_rk − max_k Z2_r) / Σ_k exp(Z2_rk − max_k Z2_r)
 *   ℓ_r = logsumexp(Z2_r) − Z2_{r,t_r}  the cross-entropy −ln P_{r,t_r}, computed without forming the log of P
 *   L  = (1/m)·Σ_r ℓ_r ('mean', the default) or Σ_r ℓ_r ('sum'), as PyTorch's reduction.
 * Backward (s = 1/m for 'mean', 1 for 'sum'):
 *   dZ2 = s·(P − Y),  dW2 = A1ᵀ·dZ2,  db2 = Σ_r dZ2_r,  dA1 = dZ2·W2ᵀ,
 *   dZ1 = dA1 ⊙ φ′(Z1)  (relu′ = [z > 0], tanh′ = 1 − a², sigmoid′ = a(1 − a)),
 *   dW1 = Xᵀ·dZ1,  db1 = Σ_r dZ1_r.
 *
 * Inputs: x holds at least m × I numbers and labels at least m entries (longer buffers are fine, so a
 * mini-batch can live in the front of a reused buffer); 1 ≤ m ≤ the workspace's capacity. Bad shapes,
 * a workspace made for another shape, labels outside [0, K), or a learning rate that is not finite and
 * ≥ 0 throw a RangeError naming the problem, before anything is written. NaN in x or the parameters is
 * not rejected: NaN in gives NaN out.
 */
export type Activation = 'relu' | 'tanh' | 'sigmoid';
export type BatchReduction = 'mean' | 'sum';

export interface NetworkShape {
  readonly inputs: number;
  readonly hidden: number;
  readonly outputs: number;
  readonly activation: Activation;
}

/** Row-major: w1[i * hidden + j] is the weight from input i to hidden unit j; w2[j * outputs + k] hidden j → output k. */
export interface NetworkParams {
  readonly w1: Float64Array;
  readonly b1: Float64Array;
  readonly w2: Float64Array;
  readonly b2: Float64Array;
}

export interface Network {
  readonly shape: NetworkShape;
  readonly params: NetworkParams;
}

/** Scratch for batches of up to `capacity` rows; all row-major Float64Arrays sized capacity × width. */
export interface Workspace {
  readonly capacity: number;
  /** m × hidden: pre-activations and activations of the hidden layer. */
  readonly z1: Float64Array;
  readonly a1: Float64Array;
  /** m × outputs: logits and softmax probabilities. */
  readonly z2: Float64Array;
  readonly p: Float64Array;
  /** m × outputs: ∂L/∂Z2 = (P − Y)/m for 'mean', P − Y for 'sum'. */
  readonly dz2: Float64Array;
  /** m × hidden: ∂L/∂A1 and ∂L/∂Z1. */
  readonly da1: Float64Array;
  readonly dz1: Float64Array;
  /** dW1, db1, dW2, db2, laid out like the parameters. */
  readonly grads: NetworkParams;
}

/**
 * initNetwork(shape, seed): weights drawn from N(0, σ²) by the seeded generator ({@link createRandom}),
 * w1 first then w2, each row-major; biases 0. σ² = 2/fan_in (He) for relu, σ² = 2/(fan_in + fan_out)
 * (Glorot) for tanh and sigmoid, so the activations neither vanish nor blow up at the start.
 */
export function initNetwork(shape: NetworkShape, seed: number): Network {
  checkShape('initNetwork', shape);
  const random = createRandom(seed);
  const { inputs, hidden, outputs, activation } = shape;
  const he = activation === 'relu';
  const w1 = new Float64Array(inputs * hidden);
  const w2 = new Float64Array(hidden * outputs);
  const std1 = Math.sqrt(he ? 2 / inputs : 2 / (inputs + hidden));
  const std2 = Math.sqrt(he ? 2 / hidden : 2 / (hidden + outputs));
  fillNormal(w1, std1, random);
  fillNormal(w2, std2, random);
  return {
    shape: { inputs, hidden, outputs, activation },
    params: { w1, b1: new Float64Array(hidden), w2, b2: new Float64Array(outputs) },
  };
}

/**
 * w[i] = std · (the next standard normal), in index order. One loop for both layers, so a draw too
 * many or too few in it shows as a shift of every later weight (w2 follows w1 in the same stream).
 */
function fillNormal(w: Float64Array, std: number, random: Random): void {
  for (let i = 0; i < w.length; i++) w[i] = std * random.normal();
}

/** A deep copy: same shape, parameters in new arrays. */
export function cloneNetwork(net: Network): Network {
  checkShape('cloneNetwork', net.shape);
  checkParams('cloneNetwork', 'net.params', net.params, net.shape);
  const { inputs, hidden, outputs, activation } = net.shape;
  const { w1, b1, w2, b2 } = net.params;
  return {
    shape: { inputs, hidden, outputs, activation },
    params: { w1: w1.slice(), b1: b1.slice(), w2: w2.slice(), b2: b2.slice() },
  };
}

/** createWorkspace(shape, capacity): zeroed scratch arrays for batches of up to `capacity` rows. */
export function createWorkspace(shape: NetworkShape, capacity: number): Workspace {
  checkShape('createWorkspace', shape);
  checkCapacity('createWorkspace', capacity, shape);
  const { inputs, hidden, outputs } = shape;
  const hiddenEntries = capacity * hidden;
  const outputEntries = capacity * outputs;
  return {
    capacity,
    z1: new Float64Array(hiddenEntries),
    a1: new Float64Array(hiddenEntries),
    z2: new Float64Array(outputEntries),
    p: new Float64Array(outputEntries),
    dz2: new Float64Array(outputEntries),
    da1: new Float64Array(hiddenEntries),
    dz1: new Float64Array(hiddenEntries),
    grads: {
      w1: new Float64Array(inputs * hidden),
      b1: new Float64Array(hidden),
      w2: new Float64Array(hidden * outputs),
      b2: new Float64Array(outputs),
    },
  };
}

/** Forward pass on x (m × inputs); fills z1, a1, z2, p; returns the cross-entropy loss (mean or sum) vs labels (class indices). */
export function forward(net: Network, x: Float64Array, labels: Int32Array, m: number, ws: Workspace, reduction?: BatchReduction): number {
  checkBatch('forward', net, x, m, ws);
  checkLabels('forward', labels, m, net.shape.outputs);
  const code = reductionCode('forward', reduction);
  forwardRows(net, x, labels, m, ws);
  return reducedLoss(code, m);
}

/**
 * Backward pass after forward (same arguments); fills dz2, da1, dz1 and grads. It reads z1, a1 and p
 * as forward left them, so call forward first with the same network, batch and workspace.
 */
export function backward(net: Network, x: Float64Array, labels: Int32Array, m: number, ws: Workspace, reduction?: BatchReduction): void {
  checkBatch('backward', net, x, m, ws);
  checkLabels('backward', labels, m, net.shape.outputs);
  const code = reductionCode('backward', reduction);
  zeroGrads(ws.grads);
  backwardRows(net, x, labels, m, ws, code);
}

/** params −= lr · grads, in place. */
export function sgdStep(net: Network, ws: Workspace, learningRate: number): void {
  checkNetworkAndWorkspace('sgdStep', net, ws);
  checkLearningRate('sgdStep', learningRate);
  sgdUpdate(net.params, ws.grads, learningRate);
}

/** forward + backward + sgdStep, allocating nothing; returns the loss before the update. */
export function trainStep(
  net: Network,
  x: Float64Array,
  labels: Int32Array,
  m: number,
  ws: Workspace,
  learningRate: number,
  reduction?: BatchReduction,
): number {
  checkBatch('trainStep', net, x, m, ws);
  checkLabels('trainStep', labels, m, net.shape.outputs);
  checkLearningRate('trainStep', learningRate);
  const code = reductionCode('trainStep', reduction);
  forwardRows(net, x, labels, m, ws);
  const loss = reducedLoss(code, m);
  zeroGrads(ws.grads);
  backwardRows(net, x, labels, m, ws, code);
  sgdUpdate(net.params, ws.grads, learningRate);
  return loss;
}

/**
 * Fraction of the m rows whose argmax of p equals the label (runs forward). The argmax is taken over
 * the logits z2, which orders the classes exactly as p does but without softmax's rounding, which can
 * make two nearly equal probabilities tie; ties go to the lowest class index.
 */
export function accuracy(net: Network, x: Float64Array, labels: Int32Array, m: number, ws: Workspace): number {
  checkBatch('accuracy', net, x, m, ws);
  checkLabels('accuracy', labels, m, net.shape.outputs);
  forwardRows(net, x, null, m, ws);
  const K = net.shape.outputs;
  const z2 = ws.z2;
  let correct = 0;
  for (let r = 0; r < m; r++) {
    if (argmaxRow(z2, r * K, K) === (labels[r] as number)) correct++;
  }
  return correct / m;
}

/**
 * argmax class of each of the m rows of x into out (a Uint8Array of length ≥ m): for decision regions.
 * Runs forward (z1, a1, z2, p are filled); argmax over the logits, ties to the lowest index.
 */
export function classify(net: Network, x: Float64Array, m: number, ws: Workspace, out: Uint8Array): void {
  checkBatch('classify', net, x, m, ws);
  if (out.length < m) throw new RangeError(`classify: out has length ${out.length} but the batch has m = ${m} rows`);
  if (net.shape.outputs > 256) throw new RangeError(`classify: ${net.shape.outputs} classes do not fit a Uint8Array`);
  forwardRows(net, x, null, m, ws);
  const K = net.shape.outputs;
  const z2 = ws.z2;
  for (let r = 0; r < m; r++) out[r] = argmaxRow(z2, r * K, K);
}

/** The index k in [0, K) of the largest z[offset + k] (the first on ties; NaN never wins). */
function argmaxRow(z: Float64Array, offset: number, K: number): number {
  let best = 0;
  let max = z[offset] as number;
  for (let k = 1; k < K; k++) {
    const v = z[offset + k] as number;
    if (v > max) {
      max = v;
      best = k;
    }
  }
  return best;
}

/** params −= lr · grads: the SGD step, after a backward pass has filled grads. */
function sgdUpdate(params: NetworkParams, grads: NetworkParams, learningRate: number): void {
  subtractScaled(params.w1, grads.w1, learningRate);
  subtractScaled(params.b1, grads.b1, learningRate);
  subtractScaled(params.w2, grads.w2, learningRate);
  subtractScaled(params.b2, grads.b2, learningRate);
}

function subtractScaled(w: Float64Array, g: Float64Array, learningRate: number): void {
  for (let i = 0, n = w.length; i < n; i++) w[i] = (w[i] as number) - learningRate * (g[i] as number);
}

/** grads = 0: backwardRows adds each row's contribution to what is there. */
export function zeroGrads(grads: NetworkParams): void {
  grads.w1.fill(0);
  grads.b1.fill(0);
  grads.w2.fill(0);
  grads.b2.fill(0);
}
