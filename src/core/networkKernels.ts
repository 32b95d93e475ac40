import type { Network, Workspace } from './network';
import { activateRange, activationGradRange, RELU, SIGMOID, TANH } from './networkActivations';

/*
 * The network's arithmetic without checks: the forward and backward passes over rows of a batch,
 * shared by network.ts (one batch per call) and minibatch.ts (many batches per call). The activations
 * are in networkActivations.ts; the SGD step is network.ts's, the minibatch's gathering of rows minibatch.ts's. Callers check their arguments first
 * (networkChecks.ts).
 */

/** The reduction as a small integer. */
export const MEAN = 0;
export const SUM = 1;

/**
 * forwardRows leaves Σ_r ℓ_r here rather than returning it: a double returned from a call the JIT
 * does not inline is boxed on the heap, and this keeps trainStep down to its one returned number.
 */
export const lossSum = new Float64Array(1);

/** Σ_r ℓ_r of the last forwardRows, reduced: divided by m for 'mean' (PyTorch: mean = sum/m). */
export function reducedLoss(code: number, m: number): number {
  const total = lossSum[0] as number;
  return code === SUM ? total : total / m;
}

/*
 * The helpers below take only integers and arrays and return nothing: V8 boxes a double passed to or
 * returned from a call it does not inline into a fresh heap number, and whether it inlines is its
 * choice. (The allocation test in tests/core/networkTraining.test.ts caught exactly that.)
 */

/**
 * Softmax of the logits z2[o..o+K) into p[o..o+K), shifted by their maximum so that every exponent is
 * ≤ 0; adds ℓ = log Σ_k exp(z_k) − z_label = (max + log sum) − z_label to lossSum[0] (exact even when
 * p_label underflows to 0) unless label is −1.
 */
export function softmaxRow(z2: Float64Array, p: Float64Array, o: number, K: number, label: number): void {
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
export function forwardRows(net: Network, x: Float64Array, labels: Int32Array | null, m: number, ws: Workspace): void {
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
    // φ applied as each z1 is made (the same formulas as activateRange): a single row, as a batch of
    // one always is, gains most from not sweeping its hidden layer twice
    for (let j = 0; j < H; j++) {
      let s = b1[j] as number;
      for (let i = 0, wi = j; i < I; i++, wi += H) s += (x[x0 + i] as number) * (w1[wi] as number);
      z1[h0 + j] = s;
      a1[h0 + j] = act === RELU ? (s > 0 ? s : 0) : act === TANH ? Math.tanh(s) : 1 / (1 + Math.exp(-s));
    }
    for (let k = 0; k < K; k++) {
      let s = b2[k] as number;
      for (let j = 0, wj = k; j < H; j++, wj += K) s += (a1[h0 + j] as number) * (w2[wj] as number);
      z2[o0 + k] = s;
    }
    softmaxRow(z2, p, o0, K, labels !== null ? (labels[r] as number) : -1);
  }
}

/**
 * The backward pass without checks, after forwardRows on the same batch; adds each row's gradient to
 * ws.grads in row order (zeroGrads first for one batch's gradient). Four rows at a time, as
 * forwardRows: their dz2, da1 and dz1 are made together, and each gradient entry takes the four rows'
 * contributions in one load and store. The leftover rows go one at a time.
 */
export function backwardRows(net: Network, x: Float64Array, labels: Int32Array, m: number, ws: Workspace, reduction: number): void {
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
      // dz1 and db1 as soon as da1 is known (the formulas of activationGradRange), one sweep fewer
      const g1 = act === RELU ? ((z1[h0 + j] as number) > 0 ? d : 0) : act === TANH ? d * (1 - q * q) : d * q * (1 - q);
      dz1[h0 + j] = g1;
      gb1[j] = (gb1[j] as number) + g1;
    }
    for (let i = 0; i < I; i++) {
      const c = x[x0 + i] as number;
      const wo = i * H;
      for (let j = 0; j < H; j++) gw1[wo + j] = (gw1[wo + j] as number) + c * (dz1[h0 + j] as number);
    }
  }
}
