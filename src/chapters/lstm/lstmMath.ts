import {
  lstmCell,
  lstmSequence,
  lstmSequenceGradients,
  rnnSequenceGradient,
  type LstmCellResult,
  type LstmParams,
  type RnnParams,
} from '../../core';
import { createRandom } from '../../core/random';
import { sigmoidGrad } from '../../core/sigmoid';

/**
 * Chapter 13's numbers, every one from the core: one LSTM cell driven by its four pre-activations, and
 * the gradient that flows back through T steps of a small LSTM and of a tanh RNN of the same size.
 */

/** The gates in PyTorch's row order: input, forget, candidate, output. */
export const GATES = ['i', 'f', 'g', 'o'] as const;
export type Gate = (typeof GATES)[number];

/** What each gate is called, and the activation it goes through. */
export const GATE_NAMES: Readonly<Record<Gate, { name: string; activation: 'sigmoid' | 'tanh' }>> = {
  i: { name: 'input gate', activation: 'sigmoid' },
  f: { name: 'forget gate', activation: 'sigmoid' },
  g: { name: 'candidate', activation: 'tanh' },
  o: { name: 'output gate', activation: 'sigmoid' },
};

export interface CellInputs {
  /** the four pre-activations a_i, a_f, a_g, a_o */
  a: Readonly<Record<Gate, number>>;
  /** the previous cell state c */
  c: number;
}

export interface CellView extends LstmCellResult {
  /** the slope of each gate's activation at its pre-activation: σ′(a) for i, f, o, tanh′(a) for g */
  slope: Readonly<Record<Gate, number>>;
  /** the two terms of c′ = f·c + i·g */
  kept: number;
  written: number;
  /** tanh(c′), what the output gate scales */
  squashed: number;
}

const tanhGrad = (a: number) => 1 / Math.cosh(a) ** 2;

/**
 * One cell of hidden size 1 whose pre-activations are the learner's: the core's lstmCell with zero
 * weights and the pre-activations as biasIh (so a = biasIh exactly), x = 0, h = 0.
 */
export function cellView({ a, c }: CellInputs): CellView {
  const params: LstmParams = {
    weightIh: [[0], [0], [0], [0]],
    weightHh: [[0], [0], [0], [0]],
    biasIh: GATES.map((g) => a[g]),
    biasHh: [0, 0, 0, 0],
  };
  const r = lstmCell([0], [0], [c], params);
  const [i, f, g] = [r.i[0] as number, r.f[0] as number, r.g[0] as number];
  return {
    ...r,
    slope: { i: sigmoidGrad(a.i), f: sigmoidGrad(a.f), g: tanhGrad(a.g), o: sigmoidGrad(a.o) },
    kept: f * c,
    written: i * g,
    squashed: Math.tanh(r.c[0] as number),
  };
}

/** The gradient-through-time figure's inputs (its state in the address, lstmState.ts). */
export interface FlowInputs {
  /** T, the number of steps */
  steps: number;
  /** b_f, the forget gate's bias (biasIh's forget rows; biasHh's forget rows are 0) */
  forgetBias: number;
  /** H, the hidden size of both networks */
  hidden: number;
  /** every weight and other bias is uniform in ±scale/√H (scale 1 is PyTorch's default initialisation) */
  scale: number;
  /** the seed of the weights and inputs */
  seed: number;
}

/** The longest sequence; the inputs are drawn for all of it, so a longer T extends the same sequence. */
export const MAX_STEPS = 100;
/** I, the input size. */
export const INPUT_SIZE = 2;

export interface FlowModel {
  lstm: LstmParams;
  rnn: RnnParams;
  /** MAX_STEPS inputs of length INPUT_SIZE, standard normal */
  xs: number[][];
}

/**
 * The two networks and the inputs, from the seed: first the LSTM's weights and biases (4H × I, 4H × H,
 * 4H, 4H), then the RNN's (H × I, H × H, H, H), each uniform in ±scale/√H, then the inputs. b_f replaces
 * the forget rows of the LSTM's biasIh after the draw and its biasHh forget rows are set to 0, so moving
 * b_f changes nothing else. The draws do not depend on T, so a longer T runs the same sequence further.
 */
export function flowModel({ hidden, scale, forgetBias, seed }: Omit<FlowInputs, 'steps'>): FlowModel {
  const rng = createRandom(seed);
  const k = scale / Math.sqrt(hidden);
  const u = () => (2 * rng.next() - 1) * k;
  const matrix = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, u));
  const vector = (n: number) => Array.from({ length: n }, u);
  const lstm: LstmParams = { weightIh: matrix(4 * hidden, INPUT_SIZE), weightHh: matrix(4 * hidden, hidden), biasIh: vector(4 * hidden), biasHh: vector(4 * hidden) };
  for (let r = hidden; r < 2 * hidden; r++) {
    lstm.biasIh[r] = forgetBias;
    lstm.biasHh[r] = 0;
  }
  const rnn: RnnParams = { weightIh: matrix(hidden, INPUT_SIZE), weightHh: matrix(hidden, hidden), biasIh: vector(hidden), biasHh: vector(hidden) };
  const xs = Array.from({ length: MAX_STEPS }, () => Array.from({ length: INPUT_SIZE }, () => rng.normal()));
  return { lstm, rnn, xs };
}

/** The curves of the figure, each indexed by t = 0..T. */
export interface FlowCurves {
  /** ‖∂L/∂c_t‖ of the LSTM */
  cell: number[];
  /** ‖∂L/∂h_t‖ of the LSTM */
  hidden: number[];
  /** ‖∂L/∂h_t‖ of the LSTM with the cell path cut (every c_{t−1} a constant in c_t) */
  cut: number[];
  /** ‖∂L/∂h_t‖ of the tanh RNN */
  rnn: number[];
  /** ∂L/∂c₀ and ∂L/∂h₀ of the LSTM, for the check */
  dc0: number[];
  dh0: number[];
  /** L = Σ h_T of the LSTM */
  loss: number;
}

/** h_0 = c_0 = 0 and L = Σ_k h_T[k] (w all ones), for both networks. */
const zeros = (n: number) => new Array<number>(n).fill(0);
const ones = (n: number) => new Array<number>(n).fill(1);

/** ‖∂L/∂h_t‖ of the tanh RNN, t = 0..T: the one curve the forget gate's bias leaves as it is. */
export function rnnFlow(model: FlowModel, steps: number): number[] {
  const hidden = model.rnn.biasIh.length;
  return rnnSequenceGradient(model.xs.slice(0, steps), zeros(hidden), model.rnn, ones(hidden)).dhNorms;
}

/**
 * `rnn` is rnnFlow(model, steps), given when the caller already has it: a model that differs only in
 * b_f (flowModel draws the RNN's weights the same whatever b_f is) has the same RNN curve.
 */
export function flowCurves(model: FlowModel, steps: number, rnn: number[] = rnnFlow(model, steps)): FlowCurves {
  const hidden = model.rnn.biasIh.length;
  const xs = model.xs.slice(0, steps);
  // one forward pass for both backward passes: the slider recomputes them at every step
  const { withCellPath: full, withoutCellPath: cut } = lstmSequenceGradients(xs, zeros(hidden), zeros(hidden), model.lstm, ones(hidden));
  return { cell: full.dcNorms, hidden: full.dhNorms, cut: cut.dhNorms, rnn, dc0: full.dc0, dh0: full.dh0, loss: full.loss };
}

/** h_T of the LSTM from h_0 = 0 and the given c_0. */
function lastHidden(model: FlowModel, steps: number, c0: number[]): number[] {
  return lstmSequence(model.xs.slice(0, steps), zeros(c0.length), c0, model.lstm).h[steps] as number[];
}

/** L = Σ h_T of the LSTM from h_0 = 0 and the given c_0: what the live check differentiates. */
export function lossFromCell(model: FlowModel, steps: number, c0: number[]): number {
  return lastHidden(model, steps, c0).reduce((s, v) => s + v, 0);
}

/** The step δ of the live check's central difference. */
export const CHECK_STEP = 1e-5;

/** The check passes below this relative error. */
export const CHECK_TOLERANCE = 1e-4;

export interface CellCheck {
  /** the core's ∂L/∂c₀[0] (the first unit) */
  analytic: number;
  /** (L(c₀ + δ e₁) − L(c₀ − δ e₁)) / 2δ */
  numeric: number;
  /** |analytic − numeric| / |analytic|; NaN when the analytic value is 0 */
  relativeError: number;
  /** L at c₀ = 0 */
  loss: number;
  /** the size L is rounded at: |L|, or its largest term |h_T,k| when the terms cancel */
  size: number;
  /**
   * The quotient's rounding: each evaluation of L is rounded by about ε·size (ε = 2⁻⁵²), and dividing
   * the difference of two by 2δ leaves about ε·size/δ.
   */
  roundingFloor: number;
  /** whether the rounding floor is small enough for the quotient to confirm the gradient to the tolerance */
  resolvable: boolean;
}

/** The backward pass's ∂L/∂c₀ for the first unit against a central difference of L in it. */
export function cellCheck(model: FlowModel, steps: number, analytic: number): CellCheck {
  const hidden = model.rnn.biasIh.length;
  const nudged = (d: number) => zeros(hidden).map((v, k) => (k === 0 ? v + d : v));
  const numeric = (lossFromCell(model, steps, nudged(CHECK_STEP)) - lossFromCell(model, steps, nudged(-CHECK_STEP))) / (2 * CHECK_STEP);
  const hT = lastHidden(model, steps, zeros(hidden));
  const loss = hT.reduce((s, v) => s + v, 0);
  const size = Math.max(Math.abs(loss), ...hT.map(Math.abs));
  const roundingFloor = (Number.EPSILON * size) / CHECK_STEP;
  const relativeError = analytic === 0 ? NaN : Math.abs(analytic - numeric) / Math.abs(analytic);
  // the floor at most a tenth of the bar: rounding in a 100-step forward pass can be a few times
  // ε·size, and must still leave the bar to the backward pass
  const resolvable = roundingFloor <= (CHECK_TOLERANCE / 10) * Math.abs(analytic);
  return { analytic, numeric, relativeError, loss, size, roundingFloor, resolvable };
}

/**
 * A value from a slider, a key or a link snapped to its grid min + k·step inside [min, max], written
 * as the decimal it is (0.3, not 0.30000000000000004); a non-finite value gives the fallback.
 */
export function snapTo(limits: { min: number; max: number; step: number }, value: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  const { min, max, step } = limits;
  const k = Math.round((Math.min(max, Math.max(min, value)) - min) / step);
  return Number((min + k * step).toFixed(6));
}
