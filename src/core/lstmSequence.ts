/**
 * An LSTM cell run over a sequence, and the gradient that flows back through it (chapter 13, issue 14):
 * the chapter plots ‖∂L/∂c_t‖ against t on a log axis to show how the cell state carries a gradient
 * back over many steps where a plain RNN's vanishes.
 *
 * Steps: (h_t, c_t) = lstmCell(x_t, h_{t−1}, c_{t−1}, params) for t = 1..T, from the given h_0, c_0
 * (xs[t − 1] is x_t). The loss is L = w·h_T for a given weight vector w (L = Σ h_T when w is all ones).
 *
 * ∂L/∂c_t means: add δ to c_t once it is computed and carry the change forward, through h_t = o_t ⊙
 * tanh(c_t) (for t ≥ 1) and through every later step. So ∂L/∂c_T = w·o_T·(1 − tanh²c_T); for t < T it is
 * the "dc′ (total)" of lstmCellBackward's step t; and since h_0 is an input in its own right, not
 * o_0 ⊙ tanh(c_0), ∂L/∂c_0 is the dc_prev of step 1. Each comes from lstmCellBackward's formulas, fed
 * dh = ∂L/∂h_t and dc = the dc_prev of step t + 1 (dh = w, dc = 0 at t = T). ∂L/∂h_t likewise means δ
 * added to h_t once it is computed (c_t left as it is) and carried forward: ∂L/∂h_T = w, and ∂L/∂h_{t−1}
 * is the dh_prev of step t.
 *
 * Without the cell path (lstmSequenceGradientWithoutCellPath): the same forward values, but every
 * c_{t−1} enters c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t as a constant (a stop-gradient, PyTorch's
 * c.detach()), so the additive path c_{t−1} → c_t carries nothing back and a gradient crosses a step
 * only through h_{t−1} → the gates → c_t, h_t. Then ∂L/∂h_{t−1} is step t's dh_prev fed dc = 0, at every
 * step; c_0 reaches L through the cell path alone, so its gradient is 0 by definition.
 */
import { lstmCellBackwardFrom } from './lstmBackward';
import { checkLstmInputs, lstmCellForward, type LstmParams } from './lstmCell';
import { checkFiniteValues, checkLength } from './validate';

export interface LstmSequenceResult {
  /** h[t] for t = 0..T; h[0] is the given h_0. */
  h: number[][];
  /** c[t] for t = 0..T; c[0] is the given c_0. */
  c: number[][];
}

export interface LstmSequenceGradient {
  /** L = w·h_T. */
  loss: number;
  /** ∂L/∂h_0. */
  dh0: number[];
  /** ∂L/∂c_0. */
  dc0: number[];
  /** dc[t] = ∂L/∂c_t for t = 0..T (see the module comment); dc[0] is dc0. */
  dc: number[][];
  /** ‖∂L/∂c_t‖ (Euclidean) for t = 0..T, by Math.hypot, so it neither overflows nor underflows early. */
  dcNorms: number[];
  /** dh[t] = ∂L/∂h_t for t = 0..T (see the module comment); dh[0] is dh0, dh[T] is w. */
  dh: number[][];
  /** ‖∂L/∂h_t‖ for t = 0..T, by Math.hypot. */
  dhNorms: number[];
}

/** ∂L/∂h_t with the cell path cut (see the module comment): the gradient that crosses steps through h alone. */
export interface LstmHiddenPathGradient {
  /** L = w·h_T (the forward values are the full model's). */
  loss: number;
  /** ∂L/∂h_0 without the cell path. */
  dh0: number[];
  /** dh[t] = ∂L/∂h_t for t = 0..T without the cell path; dh[T] is w. */
  dh: number[][];
  /** ‖∂L/∂h_t‖ for t = 0..T, by Math.hypot. */
  dhNorms: number[];
}

/** Checks xs (T ≥ 1 rows of one length I) and the first step's shapes; returns H. */
function checkSequence(fn: string, xs: number[][], h0: number[], c0: number[], params: LstmParams): number {
  if (!Array.isArray(xs) || xs.length === 0) throw new RangeError(`${fn}: xs is empty, but it needs at least one step`);
  const first = xs[0];
  if (!Array.isArray(first)) throw new RangeError(`${fn}: xs[0] must be an array`);
  const [hidden] = checkLstmInputs(fn, first, h0, c0, params);
  xs.forEach((x, t) => {
    if (!Array.isArray(x)) throw new RangeError(`${fn}: xs[${t}] must be an array`);
    checkLength(fn, `xs[${t}]`, x, first.length, 'I (the length of xs[0])');
    checkFiniteValues(fn, `xs[${t}]`, x);
  });
  return hidden;
}

type Step = ReturnType<typeof lstmCellForward>;

/** Every step's forward result (index t − 1 for step t) and the states h_t, c_t for t = 0..T. Inputs checked. */
function run(fn: string, xs: number[][], h0: number[], c0: number[], params: LstmParams, hidden: number): LstmSequenceResult & { steps: Step[] } {
  const h = [h0.slice()];
  const c = [c0.slice()];
  const steps: Step[] = [];
  xs.forEach((x, t) => {
    const step = lstmCellForward(fn, x, h[t] as number[], c[t] as number[], params, hidden);
    steps.push(step);
    h.push(step.h);
    c.push(step.c);
  });
  return { h, c, steps };
}

/** Runs lstmCell over xs from (h0, c0); returns every state, the initial one included. */
export function lstmSequence(xs: number[][], h0: number[], c0: number[], params: LstmParams): LstmSequenceResult {
  const fn = 'lstmSequence';
  const hidden = checkSequence(fn, xs, h0, c0, params);
  const { h, c } = run(fn, xs, h0, c0, params, hidden);
  return { h, c };
}

/** The gradients' shared start: their inputs checked, the forward pass run, and L = weights·h_T. */
function forwardForGradient(fn: string, xs: number[][], h0: number[], c0: number[], params: LstmParams, weights: number[]) {
  const hidden = checkSequence(fn, xs, h0, c0, params);
  if (!Array.isArray(weights)) throw new RangeError(`${fn}: weights must be an array`);
  checkLength(fn, 'weights', weights, hidden, 'H');
  checkFiniteValues(fn, 'weights', weights);
  const { h, c, steps: forward } = run(fn, xs, h0, c0, params, hidden);
  const steps = xs.length;
  const hLast = h[steps] as number[];
  const loss = weights.reduce((s, wk, k) => s + wk * (hLast[k] as number), 0);
  return { hidden, c, forward, steps, loss };
}

type Forward = ReturnType<typeof forwardForGradient>;

/** The backward pass of lstmSequenceGradient from a forward pass already run. */
function backwardWithCellPath({ hidden, c, forward, steps, loss }: Forward, params: LstmParams, weights: number[]): LstmSequenceGradient {
  // Built from t = T down to 0 and reversed once at the end, so each holds exactly the T + 1 entries.
  let dh = weights.slice();
  let dcNext = new Array<number>(hidden).fill(0);
  const dc: number[][] = [];
  const dhs = [dh];
  for (let t = steps; t >= 1; t--) {
    const g = lstmCellBackwardFrom(forward[t - 1] as Step, c[t - 1] as number[], params, dh, dcNext, hidden);
    dc.push(g.dcTotal);
    dh = g.dh;
    dhs.push(dh);
    dcNext = g.dc;
  }
  dc.push(dcNext);
  dc.reverse();
  dhs.reverse();
  return {
    loss,
    dh0: dh,
    dc0: dcNext,
    dc,
    dcNorms: dc.map((v) => Math.hypot(...v)),
    dh: dhs,
    dhNorms: dhs.map((v) => Math.hypot(...v)),
  };
}

/** The backward pass of lstmSequenceGradientWithoutCellPath from a forward pass already run. */
function backwardWithoutCellPath({ hidden, c, forward, steps, loss }: Forward, params: LstmParams, weights: number[]): LstmHiddenPathGradient {
  const zero = new Array<number>(hidden).fill(0);
  // Built from t = T down to 0 and reversed once at the end, as in backwardWithCellPath.
  let dh = weights.slice();
  const dhs = [dh];
  for (let t = steps; t >= 1; t--) {
    // dc = 0: nothing comes back along c_t → c_{t+1}, so step t sees only what reached h_t
    dh = lstmCellBackwardFrom(forward[t - 1] as Step, c[t - 1] as number[], params, dh, zero, hidden).dh;
    dhs.push(dh);
  }
  dhs.reverse();
  return { loss, dh0: dh, dh: dhs, dhNorms: dhs.map((v) => Math.hypot(...v)) };
}

/**
 * ∂L/∂h_0, ∂L/∂c_0 and every ∂L/∂c_t with its norm, for L = weights·h_T after lstmSequence(xs, h0, c0,
 * params); weights has length H. See the module comment for what ∂L/∂c_t means.
 */
export function lstmSequenceGradient(
  xs: number[][],
  h0: number[],
  c0: number[],
  params: LstmParams,
  weights: number[],
): LstmSequenceGradient {
  return backwardWithCellPath(forwardForGradient('lstmSequenceGradient', xs, h0, c0, params, weights), params, weights);
}

/**
 * ∂L/∂h_t for every t and its norm, for L = weights·h_T after lstmSequence(xs, h0, c0, params), with the
 * cell path cut: every c_{t−1} enters c_t as a constant (see the module comment for the exact meaning).
 */
export function lstmSequenceGradientWithoutCellPath(
  xs: number[][],
  h0: number[],
  c0: number[],
  params: LstmParams,
  weights: number[],
): LstmHiddenPathGradient {
  return backwardWithoutCellPath(forwardForGradient('lstmSequenceGradientWithoutCellPath', xs, h0, c0, params, weights), params, weights);
}

/**
 * Both of the above for the same inputs from one forward pass, which is half the work of each: the
 * chapter draws the two curves side by side at every step of its slider. Each is, to the last bit,
 * what its own function gives.
 */
export function lstmSequenceGradients(
  xs: number[][],
  h0: number[],
  c0: number[],
  params: LstmParams,
  weights: number[],
): { withCellPath: LstmSequenceGradient; withoutCellPath: LstmHiddenPathGradient } {
  const forward = forwardForGradient('lstmSequenceGradients', xs, h0, c0, params, weights);
  return { withCellPath: backwardWithCellPath(forward, params, weights), withoutCellPath: backwardWithoutCellPath(forward, params, weights) };
}
