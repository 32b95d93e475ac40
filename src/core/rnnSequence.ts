/**
 * A plain tanh RNN run over a sequence, and the gradient that flows back through it (chapter 13): the
 * curve that vanishes beside the LSTM's cell path.
 *
 * Steps: h_t = rnnCell(x_t, h_{t−1}, params) for t = 1..T from the given h_0 (xs[t − 1] is x_t). The
 * loss is L = w·h_T for a given weight vector w, as lstmSequenceGradient's.
 *
 * ∂L/∂h_t means: add δ to h_t once it is computed and carry the change through every later step. So
 * ∂L/∂h_T = w and, going back, ∂L/∂h_{t−1} = W_hhᵀ (∂L/∂h_t ⊙ (1 − h_t²)): every step multiplies by
 * W_hhᵀ and by tanh′ ≤ 1, which is why the gradient shrinks geometrically when W_hh is small.
 */
import { checkRnnInputs, rnnBackwardHidden, rnnPreActivations, type RnnParams } from './rnnCell';
import { checkFiniteValues, checkLength } from './validate';

export interface RnnSequenceResult {
  /** h[t] for t = 0..T; h[0] is the given h_0. */
  h: number[][];
}

export interface RnnSequenceGradient {
  /** L = w·h_T. */
  loss: number;
  /** ∂L/∂h_0. */
  dh0: number[];
  /** dh[t] = ∂L/∂h_t for t = 0..T (see the module comment); dh[0] is dh0, dh[T] is w. */
  dh: number[][];
  /** ‖∂L/∂h_t‖ (Euclidean) for t = 0..T, by Math.hypot, so it neither overflows nor underflows early. */
  dhNorms: number[];
}

/** Checks xs (T ≥ 1 rows of one length I) and the first step's shapes; returns H. */
function checkSequence(fn: string, xs: number[][], h0: number[], params: RnnParams): number {
  if (!Array.isArray(xs) || xs.length === 0) throw new RangeError(`${fn}: xs is empty, but it needs at least one step`);
  const first = xs[0];
  if (!Array.isArray(first)) throw new RangeError(`${fn}: xs[0] must be an array`);
  const [hidden] = checkRnnInputs(fn, first, h0, params);
  xs.forEach((x, t) => {
    if (!Array.isArray(x)) throw new RangeError(`${fn}: xs[${t}] must be an array`);
    checkLength(fn, `xs[${t}]`, x, first.length, 'I (the length of xs[0])');
    checkFiniteValues(fn, `xs[${t}]`, x);
  });
  return hidden;
}

/** Every step's pre-activations a_t (t = 1..T, at index t − 1) and states h_t (t = 0..T). Inputs checked. */
function run(fn: string, xs: number[][], h0: number[], params: RnnParams, hidden: number): { a: number[][]; h: number[][] } {
  const h = [h0.slice()];
  const a: number[][] = [];
  xs.forEach((x, t) => {
    const at = rnnPreActivations(fn, x, h[t] as number[], params, hidden);
    a.push(at);
    h.push(at.map(Math.tanh));
  });
  return { a, h };
}

/** Runs rnnCell over xs from h0; returns every state, the initial one included. */
export function rnnSequence(xs: number[][], h0: number[], params: RnnParams): RnnSequenceResult {
  const fn = 'rnnSequence';
  const hidden = checkSequence(fn, xs, h0, params);
  return { h: run(fn, xs, h0, params, hidden).h };
}

/** ∂L/∂h_t for every t and its norm, for L = weights·h_T after rnnSequence(xs, h0, params); weights has length H. */
export function rnnSequenceGradient(xs: number[][], h0: number[], params: RnnParams, weights: number[]): RnnSequenceGradient {
  const fn = 'rnnSequenceGradient';
  const hidden = checkSequence(fn, xs, h0, params);
  if (!Array.isArray(weights)) throw new RangeError(`${fn}: weights must be an array`);
  checkLength(fn, 'weights', weights, hidden, 'H');
  checkFiniteValues(fn, 'weights', weights);
  const { a, h } = run(fn, xs, h0, params, hidden);
  const steps = xs.length;
  const hLast = h[steps] as number[];
  const loss = weights.reduce((s, wk, k) => s + wk * (hLast[k] as number), 0);
  // ∂L/∂h_t from t = T down to 0, reversed once at the end, so dh holds exactly the T + 1 entries.
  let dht = weights.slice();
  const dh = [dht];
  for (let t = steps; t >= 1; t--) {
    dht = rnnBackwardHidden(a[t - 1] as number[], params, dht, hidden);
    dh.push(dht);
  }
  dh.reverse();
  return { loss, dh0: dht, dh, dhNorms: dh.map((v) => Math.hypot(...v)) };
}
