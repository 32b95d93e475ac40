import { createRandom } from './random';

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

/** Largest number of entries in any one array of a network or workspace (2^26 doubles = 512 MiB). */
const MAX_ENTRIES = 2 ** 26;

const RELU = 0;
const TANH = 1;
const SIGMOID = 2;

function activationCode(fn: string, activation: unknown): number {
  if (activation === 'relu') return RELU;
  if (activation === 'tanh') return TANH;
  if (activation === 'sigmoid') return SIGMOID;
  throw new RangeError(`${fn}: activation ${String(activation)} is not one of 'relu', 'tanh', 'sigmoid'`);
}

function checkSize(fn: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_ENTRIES) {
    throw new RangeError(`${fn}: ${name} ${String(value)} is not an integer in [1, ${MAX_ENTRIES}]`);
  }
}

function checkShape(fn: string, shape: NetworkShape): void {
  if (shape === null || typeof shape !== 'object') throw new RangeError(`${fn}: shape must be an object { inputs, hidden, outputs, activation }`);
  checkSize(fn, 'shape.inputs', shape.inputs);
  checkSize(fn, 'shape.hidden', shape.hidden);
  checkSize(fn, 'shape.outputs', shape.outputs);
  if (shape.inputs * shape.hidden > MAX_ENTRIES || shape.hidden * shape.outputs > MAX_ENTRIES) {
    throw new RangeError(`${fn}: a ${shape.inputs}-${shape.hidden}-${shape.outputs} network has a weight matrix of more than ${MAX_ENTRIES} entries`);
  }
  activationCode(fn, shape.activation);
}

function checkLength(fn: string, name: string, array: Float64Array, expected: number): void {
  if (array.length !== expected) {
    throw new RangeError(`${fn}: ${name} has length ${array.length} but the shape needs ${expected}`);
  }
}

function checkParams(fn: string, what: string, params: NetworkParams, shape: NetworkShape): void {
  const { inputs, hidden, outputs } = shape;
  checkLength(fn, `${what}.w1`, params.w1, inputs * hidden);
  checkLength(fn, `${what}.b1`, params.b1, hidden);
  checkLength(fn, `${what}.w2`, params.w2, hidden * outputs);
  checkLength(fn, `${what}.b2`, params.b2, outputs);
}

function checkNetworkAndWorkspace(fn: string, net: Network, ws: Workspace): void {
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

function checkBatch(fn: string, net: Network, x: Float64Array, m: number, ws: Workspace): void {
  checkNetworkAndWorkspace(fn, net, ws);
  if (!Number.isInteger(m) || m < 1 || m > ws.capacity) {
    throw new RangeError(`${fn}: batch size m = ${m} is not an integer in [1, ${ws.capacity}] (the workspace's capacity)`);
  }
  const needed = m * net.shape.inputs;
  if (x.length < needed) {
    throw new RangeError(`${fn}: x has length ${x.length} but m × inputs = ${m} × ${net.shape.inputs} = ${needed}`);
  }
}

function checkLabels(fn: string, labels: Int32Array, m: number, outputs: number): void {
  if (labels.length < m) throw new RangeError(`${fn}: labels has length ${labels.length} but the batch has m = ${m} rows`);
  for (let r = 0; r < m; r++) {
    const label = labels[r] as number;
    if (label < 0 || label >= outputs) {
      throw new RangeError(`${fn}: labels[${r}] = ${label} is not a class index in [0, ${outputs})`);
    }
  }
}

const MEAN = 0;
const SUM = 1;

/** The reduction as a small integer, so the hot path passes and compares no strings or boxed doubles. */
function reductionCode(fn: string, reduction: unknown): number {
  if (reduction === undefined || reduction === 'mean') return MEAN;
  if (reduction === 'sum') return SUM;
  throw new RangeError(`${fn}: reduction ${String(reduction)} is not 'mean' or 'sum'`);
}

/**
 * forwardRows leaves Σ_r ℓ_r here rather than returning it: a double returned from a call the JIT
 * does not inline is boxed on the heap, and this keeps trainStep down to its one returned number.
 */
const lossSum = new Float64Array(1);

/** Σ_r ℓ_r of the last forwardRows, reduced: divided by m for 'mean' (PyTorch: mean = sum/m). */
function reducedLoss(code: number, m: number): number {
  const total = lossSum[0] as number;
  return code === SUM ? total : total / m;
}

function checkLearningRate(fn: string, learningRate: number): void {
  if (typeof learningRate !== 'number' || !(learningRate >= 0) || learningRate === Infinity) {
    throw new RangeError(`${fn}: learning rate ${String(learningRate)} is not a finite number ≥ 0`);
  }
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
  for (let i = 0; i < w1.length; i++) w1[i] = std1 * random.normal();
  for (let i = 0; i < w2.length; i++) w2[i] = std2 * random.normal();
  return {
    shape: { inputs, hidden, outputs, activation },
    params: { w1, b1: new Float64Array(hidden), w2, b2: new Float64Array(outputs) },
  };
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
  checkSize('createWorkspace', 'capacity', capacity);
  const { inputs, hidden, outputs } = shape;
  if (capacity * hidden > MAX_ENTRIES || capacity * outputs > MAX_ENTRIES) {
    throw new RangeError(`createWorkspace: capacity ${capacity} × width ${Math.max(hidden, outputs)} is more than ${MAX_ENTRIES} entries`);
  }
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

/*
 * The helpers below take only integers and arrays and return nothing: V8 boxes a double passed to or
 * returned from a call it does not inline into a fresh heap number, and whether it inlines is its
 * choice. (The allocation test in tests/core/networkTraining.test.ts caught exactly that.)
 */

/** a[from..from+n) = φ(z[from..from+n)). */
function activateRange(act: number, z: Float64Array, a: Float64Array, from: number, n: number): void {
  const end = from + n;
  if (act === RELU) {
    for (let i = from; i < end; i++) {
      const v = z[i] as number;
      a[i] = v > 0 ? v : 0;
    }
  } else if (act === TANH) {
    for (let i = from; i < end; i++) a[i] = Math.tanh(z[i] as number);
  } else {
    for (let i = from; i < end; i++) a[i] = 1 / (1 + Math.exp(-(z[i] as number)));
  }
}

/** dz[i] = da[i]·φ′(z[i]) over [from, from+n): relu′ = [z > 0]; tanh′ = 1 − a², σ′ = a(1 − a) from a = φ(z). */
function activationGradRange(act: number, z: Float64Array, a: Float64Array, da: Float64Array, dz: Float64Array, from: number, n: number): void {
  const end = from + n;
  if (act === RELU) {
    for (let i = from; i < end; i++) dz[i] = (z[i] as number) > 0 ? (da[i] as number) : 0;
  } else if (act === TANH) {
    for (let i = from; i < end; i++) {
      const v = a[i] as number;
      dz[i] = (da[i] as number) * (1 - v * v);
    }
  } else {
    for (let i = from; i < end; i++) {
      const v = a[i] as number;
      dz[i] = (da[i] as number) * v * (1 - v);
    }
  }
}

/**
 * Softmax of the logits z2[o..o+K) into p[o..o+K), shifted by their maximum so that every exponent is
 * ≤ 0; adds ℓ = log Σ_k exp(z_k) − z_label = (max + log sum) − z_label to lossSum[0] (exact even when
 * p_label underflows to 0) unless label is −1.
 */
function softmaxRow(z2: Float64Array, p: Float64Array, o: number, K: number, label: number): void {
  // NaN never compares greater, so a NaN logit leaves max at −∞ and the softmax gives NaN: NaN out.
  let max = -Infinity;
  for (let k = o; k < o + K; k++) {
    const v = z2[k] as number;
    if (v > max) max = v;
  }
  let sum = 0;
  for (let k = o; k < o + K; k++) {
    const e = Math.exp((z2[k] as number) - max);
    p[k] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let k = o; k < o + K; k++) p[k] = (p[k] as number) * inv;
  if (label >= 0) lossSum[0] = (lossSum[0] as number) + (max + Math.log(sum) - (z2[o + label] as number));
}

/**
 * The forward pass without checks: fills z1, a1, z2, p for rows 0..m−1 and, when `labels` is given,
 * stores Σ_r ℓ_r in lossSum[0] (else 0).
 *
 * Rows go four at a time: each weight is loaded once for four rows, and the four running sums are
 * independent, so the CPU overlaps them instead of waiting on one chain of additions (with backwardRows
 * done the same way, trainStep on the chapters' 2-16-3 network runs 1.75× as fast as row by row). Each
 * entry is a dot product kept in a register and stored once. The rows left over (m mod 4) go one at a time through the same formulas.
 */
function forwardRows(net: Network, x: Float64Array, labels: Int32Array | null, m: number, ws: Workspace): void {
  const shape = net.shape;
  const I = shape.inputs;
  const H = shape.hidden;
  const K = shape.outputs;
  const act = shape.activation === 'relu' ? RELU : shape.activation === 'tanh' ? TANH : SIGMOID;
  const params = net.params;
  const w1 = params.w1;
  const b1 = params.b1;
  const w2 = params.w2;
  const b2 = params.b2;
  const z1 = ws.z1;
  const a1 = ws.a1;
  const z2 = ws.z2;
  const p = ws.p;
  lossSum[0] = 0;
  let r = 0;
  for (; r + 4 <= m; r += 4) {
    const x0 = r * I;
    const x1 = x0 + I;
    const x2 = x1 + I;
    const x3 = x2 + I;
    const h0 = r * H;
    const h1 = h0 + H;
    const h2 = h1 + H;
    const h3 = h2 + H;
    const o0 = r * K;
    const o1 = o0 + K;
    const o2 = o1 + K;
    const o3 = o2 + K;
    // z1[r, j] = b1[j] + Σ_i x[r, i]·W1[i, j]
    for (let j = 0; j < H; j++) {
      const b = b1[j] as number;
      let s0 = b;
      let s1 = b;
      let s2 = b;
      let s3 = b;
      for (let i = 0, wi = j; i < I; i++, wi += H) {
        const w = w1[wi] as number;
        s0 += (x[x0 + i] as number) * w;
        s1 += (x[x1 + i] as number) * w;
        s2 += (x[x2 + i] as number) * w;
        s3 += (x[x3 + i] as number) * w;
      }
      z1[h0 + j] = s0;
      z1[h1 + j] = s1;
      z1[h2 + j] = s2;
      z1[h3 + j] = s3;
    }
    activateRange(act, z1, a1, h0, 4 * H);
    // z2[r, k] = b2[k] + Σ_j a1[r, j]·W2[j, k]
    for (let k = 0; k < K; k++) {
      const b = b2[k] as number;
      let s0 = b;
      let s1 = b;
      let s2 = b;
      let s3 = b;
      for (let j = 0, wj = k; j < H; j++, wj += K) {
        const w = w2[wj] as number;
        s0 += (a1[h0 + j] as number) * w;
        s1 += (a1[h1 + j] as number) * w;
        s2 += (a1[h2 + j] as number) * w;
        s3 += (a1[h3 + j] as number) * w;
      }
      z2[o0 + k] = s0;
      z2[o1 + k] = s1;
      z2[o2 + k] = s2;
      z2[o3 + k] = s3;
    }
    const hasLabels = labels !== null;
    softmaxRow(z2, p, o0, K, hasLabels ? (labels[r] as number) : -1);
    softmaxRow(z2, p, o1, K, hasLabels ? (labels[r + 1] as number) : -1);
    softmaxRow(z2, p, o2, K, hasLabels ? (labels[r + 2] as number) : -1);
    softmaxRow(z2, p, o3, K, hasLabels ? (labels[r + 3] as number) : -1);
  }
  for (; r < m; r++) {
    const x0 = r * I;
    const h0 = r * H;
    const o0 = r * K;
    for (let j = 0; j < H; j++) {
      let s = b1[j] as number;
      for (let i = 0, wi = j; i < I; i++, wi += H) s += (x[x0 + i] as number) * (w1[wi] as number);
      z1[h0 + j] = s;
    }
    activateRange(act, z1, a1, h0, H);
    for (let k = 0; k < K; k++) {
      let s = b2[k] as number;
      for (let j = 0, wj = k; j < H; j++, wj += K) s += (a1[h0 + j] as number) * (w2[wj] as number);
      z2[o0 + k] = s;
    }
    softmaxRow(z2, p, o0, K, labels !== null ? (labels[r] as number) : -1);
  }
}

/**
 * The backward pass without checks, after forwardRows on the same batch. Four rows at a time, as
 * forwardRows: their dz2, da1 and dz1 are made together, and each gradient entry takes the four rows'
 * contributions in one load and store. The leftover rows go one at a time.
 */
function backwardRows(net: Network, x: Float64Array, labels: Int32Array, m: number, ws: Workspace, reduction: number): void {
  const scale = reduction === SUM ? 1 : 1 / m;
  const shape = net.shape;
  const I = shape.inputs;
  const H = shape.hidden;
  const K = shape.outputs;
  const act = shape.activation === 'relu' ? RELU : shape.activation === 'tanh' ? TANH : SIGMOID;
  const w2 = net.params.w2;
  const z1 = ws.z1;
  const a1 = ws.a1;
  const p = ws.p;
  const dz2 = ws.dz2;
  const da1 = ws.da1;
  const dz1 = ws.dz1;
  const grads = ws.grads;
  const gw1 = grads.w1;
  const gb1 = grads.b1;
  const gw2 = grads.w2;
  const gb2 = grads.b2;
  gw1.fill(0);
  gb1.fill(0);
  gw2.fill(0);
  gb2.fill(0);
  let r = 0;
  for (; r + 4 <= m; r += 4) {
    const x0 = r * I;
    const x1 = x0 + I;
    const x2 = x1 + I;
    const x3 = x2 + I;
    const h0 = r * H;
    const h1 = h0 + H;
    const h2 = h1 + H;
    const h3 = h2 + H;
    const o0 = r * K;
    const o1 = o0 + K;
    const o2 = o1 + K;
    const o3 = o2 + K;
    // dz2[r, :] = s·(p[r, :] − e_y): the four rows are contiguous, and so are their one-hot positions.
    const y0 = o0 + (labels[r] as number);
    const y1 = o1 + (labels[r + 1] as number);
    const y2 = o2 + (labels[r + 2] as number);
    const y3 = o3 + (labels[r + 3] as number);
    for (let k = o0; k < o0 + 4 * K; k++) {
      const hot = k === y0 || k === y1 || k === y2 || k === y3 ? 1 : 0;
      dz2[k] = ((p[k] as number) - hot) * scale;
    }
    for (let k = 0; k < K; k++) {
      gb2[k] = (gb2[k] as number) + (dz2[o0 + k] as number) + (dz2[o1 + k] as number) + (dz2[o2 + k] as number) + (dz2[o3 + k] as number);
    }
    // For each hidden unit j, one sweep over W2's row j gives dW2[j, :] += Σ_rows a1·dz2 and
    // da1[r, j] = W2[j, :]·dz2[r, :]; then dz1 = da1·φ′(z1) and db1[j] += Σ_rows dz1.
    for (let j = 0; j < H; j++) {
      const q0 = a1[h0 + j] as number;
      const q1 = a1[h1 + j] as number;
      const q2 = a1[h2 + j] as number;
      const q3 = a1[h3 + j] as number;
      const wo = j * K;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let k = 0; k < K; k++) {
        const g0 = dz2[o0 + k] as number;
        const g1 = dz2[o1 + k] as number;
        const g2 = dz2[o2 + k] as number;
        const g3 = dz2[o3 + k] as number;
        const w = w2[wo + k] as number;
        gw2[wo + k] = (gw2[wo + k] as number) + q0 * g0 + q1 * g1 + q2 * g2 + q3 * g3;
        d0 += w * g0;
        d1 += w * g1;
        d2 += w * g2;
        d3 += w * g3;
      }
      da1[h0 + j] = d0;
      da1[h1 + j] = d1;
      da1[h2 + j] = d2;
      da1[h3 + j] = d3;
    }
    activationGradRange(act, z1, a1, da1, dz1, h0, 4 * H);
    for (let j = 0; j < H; j++) {
      gb1[j] = (gb1[j] as number) + (dz1[h0 + j] as number) + (dz1[h1 + j] as number) + (dz1[h2 + j] as number) + (dz1[h3 + j] as number);
    }
    // dW1[i, :] += Σ_rows x[r, i]·dz1[r, :]
    for (let i = 0; i < I; i++) {
      const c0 = x[x0 + i] as number;
      const c1 = x[x1 + i] as number;
      const c2 = x[x2 + i] as number;
      const c3 = x[x3 + i] as number;
      const wo = i * H;
      for (let j = 0; j < H; j++) {
        gw1[wo + j] =
          (gw1[wo + j] as number) +
          c0 * (dz1[h0 + j] as number) +
          c1 * (dz1[h1 + j] as number) +
          c2 * (dz1[h2 + j] as number) +
          c3 * (dz1[h3 + j] as number);
      }
    }
  }
  for (; r < m; r++) {
    const x0 = r * I;
    const h0 = r * H;
    const o0 = r * K;
    const label = labels[r] as number;
    for (let k = 0; k < K; k++) {
      const g = ((p[o0 + k] as number) - (k === label ? 1 : 0)) * scale;
      dz2[o0 + k] = g;
      gb2[k] = (gb2[k] as number) + g;
    }
    for (let j = 0; j < H; j++) {
      const q = a1[h0 + j] as number;
      const wo = j * K;
      let d = 0;
      for (let k = 0; k < K; k++) {
        const g = dz2[o0 + k] as number;
        gw2[wo + k] = (gw2[wo + k] as number) + q * g;
        d += (w2[wo + k] as number) * g;
      }
      da1[h0 + j] = d;
    }
    activationGradRange(act, z1, a1, da1, dz1, h0, H);
    for (let j = 0; j < H; j++) gb1[j] = (gb1[j] as number) + (dz1[h0 + j] as number);
    for (let i = 0; i < I; i++) {
      const c = x[x0 + i] as number;
      const wo = i * H;
      for (let j = 0; j < H; j++) gw1[wo + j] = (gw1[wo + j] as number) + c * (dz1[h0 + j] as number);
    }
  }
}

function sgdUpdate(params: NetworkParams, grads: NetworkParams, learningRate: number): void {
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
  backwardRows(net, x, labels, m, ws, reductionCode('backward', reduction));
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
