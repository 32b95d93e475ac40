import { accuracy, logisticLoss, logisticLossGrad, logisticStep } from '../../core/logisticRegression';
import { createRandom } from '../../core/random';
import { DEFAULT_START, LINK_DECIMALS, MAX_POINTS, MAX_STEPS, POINT_LIMIT, RATE_LIMITS, RATE_SLIDER_STEP, WEIGHT_LIMIT } from './logisticLimits';

export { DEFAULT_START, MAX_POINTS, MAX_STEPS, POINT_LIMIT, RATE_LIMITS, RATE_SLIDER_STEP, WEIGHT_LIMIT };

/**
 * The state of chapter 6's logistic-regression lab, as plain data and pure transitions: the points
 * the learner placed, the starting weights, the gradient-descent path from them, the learning rate.
 * No React, no DOM: the widget keeps one of these in a reducer, the tests drive it directly.
 *
 * Model (the core's): w = [w₁, w₂, b], z = w₁x₁ + w₂x₂ + b, ŷ = σ(z), cost = mean cross-entropy.
 */

export type ClassLabel = 0 | 1;

export interface DataPoint {
  /** stable, so React keys and keyboard focus follow a point while it moves */
  readonly id: number;
  readonly x1: number;
  readonly x2: number;
  readonly t: ClassLabel;
}

export type Weights = readonly [number, number, number];

export interface LogisticDescentState {
  readonly points: readonly DataPoint[];
  readonly nextId: number;
  /** where Reset returns to; the bias of the start is always 0 */
  readonly start: Weights;
  /** the iterates w⁽⁰⁾, w⁽¹⁾, …: the last one is the current weights */
  readonly path: readonly Weights[];
  /**
   * The index in `path` from which the steps were taken at the current rate: 0, unless the rate
   * changed after some steps. A link replays the path from here (see linkOfDescent).
   */
  readonly runFrom: number;
  /** the cost at each iterate (index = step) */
  readonly costs: readonly number[];
  readonly rate: number;
  /** false: b stays at 0 and only w₁, w₂ learn, so the path runs on exactly the surface the map draws */
  readonly learnBias: boolean;
  /** the last refused request, said in words (never an error) */
  readonly notice: string | null;
}

export type PresetName = 'overlapping' | 'separable';

const round1 = (v: number) => Math.round(v * 10) / 10;
const clampPoint = (v: number) => Math.min(POINT_LIMIT, Math.max(-POINT_LIMIT, v));
const clampWeight = (v: number) => Math.min(WEIGHT_LIMIT, Math.max(-WEIGHT_LIMIT, v));
const round2 = (v: number) => Math.round(v * 100) / 100;
/** A coordinate as the lab keeps a point's: on the plot, to 0.01. */
export const toPointGrid = (v: number) => clampPoint(round2(v));
/** A starting weight as the lab keeps it: on the map, to 0.01. */
export const toStartGrid = (v: number) => clampWeight(round2(v));

/**
 * The preset point sets, drawn once from the core's seeded generator and rounded to one decimal:
 * class 1 around (+c, +c), class 0 around (−c, −c). "overlapping" (c = 1, spread 1.1) has points on
 * the wrong side of any line (the best line gets 90% right); "separable" (c = 1.3, spread 0.4) is
 * split by the line x₁ + x₂ = 0.
 */
export function presetPoints(name: PresetName): DataPoint[] {
  const [centre, spread, seed, n] = name === 'overlapping' ? [1, 1.1, 1, 20] : [1.3, 0.4, 11, 16];
  const random = createRandom(seed);
  const points: DataPoint[] = [];
  for (let i = 0; i < n; i++) {
    const t: ClassLabel = i % 2 === 0 ? 1 : 0;
    const c = t === 1 ? centre : -centre;
    points.push({ id: i, x1: clampPoint(round1(c + spread * random.normal())), x2: clampPoint(round1(c + spread * random.normal())), t });
  }
  return points;
}

/** X (n × 2, row-major) and t, in the core's shapes. */
export function trainingData(points: readonly DataPoint[]): { X: Float64Array; t: Float64Array } {
  const X = new Float64Array(2 * points.length);
  const t = new Float64Array(points.length);
  points.forEach((p, i) => {
    X[2 * i] = p.x1;
    X[2 * i + 1] = p.x2;
    t[i] = p.t;
  });
  return { X, t };
}

/** Why the cost cannot be trained on these points, or null when it can. */
export function dataProblem(points: readonly DataPoint[]): string | null {
  if (points.length === 0) return 'There are no points, so there is no cost to minimise: click the plot or press "Add a point".';
  const ones = points.filter((p) => p.t === 1).length;
  if (ones === 0) return 'Every point is of class 0: add a point of class 1, so there are two classes to separate.';
  if (ones === points.length) return 'Every point is of class 1: add a point of class 0, so there are two classes to separate.';
  return null;
}

const costAt = (points: readonly DataPoint[], w: Weights): number => {
  if (dataProblem(points) !== null) return NaN;
  const { X, t } = trainingData(points);
  return logisticLoss(w, X, t, 'cross-entropy');
};

/** `w` rounded as a link writes it (−0 written as 0): a path that starts here replays exactly. */
export const onLinkGrid = (w: Weights): Weights => w.map((v) => Number(v.toFixed(LINK_DECIMALS)) || 0) as unknown as Weights;

/**
 * A fresh path from `w`: step 0, its cost on the current points. The path starts at `w` on the link's
 * grid (a move of under 5·10⁻⁷, invisible at the digits shown), so that a link, which keeps only
 * where the path starts and how many steps it took, replays the very same path.
 */
export function restartFrom(state: LogisticDescentState, w: Weights, points = state.points): LogisticDescentState {
  const origin = onLinkGrid(w);
  return { ...state, points, path: [origin], costs: [costAt(points, origin)], runFrom: 0 };
}

export function initialDescent(preset: PresetName = 'overlapping'): LogisticDescentState {
  const points = presetPoints(preset);
  return restartFrom(
    { points, nextId: points.length, start: DEFAULT_START, path: [], costs: [], runFrom: 0, rate: RATE_LIMITS.start, learnBias: true, notice: null },
    DEFAULT_START,
  );
}

export const currentWeights = (state: LogisticDescentState): Weights => state.path[state.path.length - 1] ?? state.start;
export const stepCount = (state: LogisticDescentState): number => state.path.length - 1;

export type DescentAction =
  | { type: 'add'; x1: number; x2: number; t: ClassLabel }
  | { type: 'move'; id: number; x1: number; x2: number }
  | { type: 'remove'; id: number }
  | { type: 'preset'; name: PresetName }
  | { type: 'step'; steps: number }
  | { type: 'reset' }
  | { type: 'start'; w1: number; w2: number }
  | { type: 'rate'; rate: number }
  | { type: 'learnBias'; on: boolean }
  /** the chapter's defaults: start (−4, 3), η = 0.5, b learned; the points stay */
  | { type: 'defaults' };

/**
 * The lab's one transition function. Changing the points keeps the current weights and starts a new
 * path from them (the old path descended a different cost). Bad input (a non-finite coordinate or
 * rate, a 61st point, a step without two classes) changes nothing but the notice.
 */
export function descentReducer(state: LogisticDescentState, action: DescentAction): LogisticDescentState {
  const refuse = (notice: string): LogisticDescentState => ({ ...state, notice });
  const ok = { ...state, notice: null };
  switch (action.type) {
    case 'add': {
      if (!Number.isFinite(action.x1) || !Number.isFinite(action.x2)) return refuse('That position is not a number; the points are unchanged.');
      if (state.points.length >= MAX_POINTS) return refuse(`The plot holds at most ${MAX_POINTS} points: remove one first.`);
      const point: DataPoint = { id: state.nextId, x1: toPointGrid(action.x1), x2: toPointGrid(action.x2), t: action.t };
      return restartFrom({ ...ok, nextId: state.nextId + 1 }, currentWeights(state), [...state.points, point]);
    }
    case 'move': {
      if (!Number.isFinite(action.x1) || !Number.isFinite(action.x2)) return refuse('That position is not a number; the point stays where it was.');
      const points = state.points.map((p) => (p.id === action.id ? { ...p, x1: toPointGrid(action.x1), x2: toPointGrid(action.x2) } : p));
      return restartFrom(ok, currentWeights(state), points);
    }
    case 'remove':
      return restartFrom(ok, currentWeights(state), state.points.filter((p) => p.id !== action.id));
    case 'preset': {
      const points = presetPoints(action.name);
      return restartFrom({ ...ok, nextId: points.length }, state.start, points);
    }
    case 'step': {
      const problem = dataProblem(state.points);
      if (problem !== null) return refuse(problem);
      const room = MAX_STEPS - stepCount(state);
      const k = Math.max(0, Math.min(Math.floor(action.steps), room));
      if (k === 0) return refuse(`That is ${MAX_STEPS} steps, as far as the lab goes: press Reset to start again.`);
      const { X, t } = trainingData(state.points);
      const path = state.path.slice();
      const costs = state.costs.slice();
      let w = currentWeights(state);
      for (let i = 0; i < k; i++) {
        const next = logisticStep(w, X, t, 'cross-entropy', state.rate);
        w = [next[0] as number, next[1] as number, state.learnBias ? (next[2] as number) : w[2]];
        path.push(w);
        costs.push(logisticLoss(w, X, t, 'cross-entropy'));
      }
      return { ...ok, path, costs };
    }
    case 'reset':
      return restartFrom(ok, state.start);
    case 'start': {
      if (!Number.isFinite(action.w1) || !Number.isFinite(action.w2)) return refuse('Those starting weights are not numbers; the start is unchanged.');
      const start: Weights = [toStartGrid(action.w1), toStartGrid(action.w2), 0];
      return restartFrom({ ...ok, start }, start);
    }
    case 'rate': {
      if (!(action.rate > 0) || !Number.isFinite(action.rate)) return refuse('The learning rate must be a positive number; it is unchanged.');
      const rate = Math.min(RATE_LIMITS.max, Math.max(RATE_LIMITS.min, action.rate));
      if (rate === state.rate || stepCount(state) === state.runFrom) return { ...ok, rate };
      // The path goes on at the new rate. A link replays a run at one rate, so it keeps this run only:
      // it begins at the current weights, put on the link's grid (see restartFrom).
      const w = onLinkGrid(currentWeights(state));
      const path = [...state.path.slice(0, -1), w];
      const costs = [...state.costs.slice(0, -1), costAt(state.points, w)];
      return { ...ok, rate, path, costs, runFrom: path.length - 1 };
    }
    case 'learnBias':
      // b back to the start's 0 either way: a fixed b other than 0 would be a hidden input
      return restartFrom({ ...ok, learnBias: action.on }, state.start);
    case 'defaults':
      // Every number the chapter states is for these three settings: one press puts them all back,
      // and the path starts again from the start. The points are the presets' business.
      return restartFrom({ ...ok, start: DEFAULT_START, rate: RATE_LIMITS.start, learnBias: true, runFrom: 0 }, DEFAULT_START);
  }
}

/**
 * A rise smaller than this, relative to max(1, cost), is rounding, not a rise. Each cost the lab shows
 * is a mean of up to 60 softplus terms, each within a few ulp, at weights that carry a rounding from
 * every step: two costs that are equal in exact arithmetic come out up to a few times 2⁻⁵³ ≈ 1.1·10⁻¹⁶
 * apart. Once a path has settled at the minimum its cost jitters by exactly such amounts (about
 * 3·10⁻¹⁷ at cost 0.177 on the overlapping points, up and down at random), and a test for `>` alone
 * would count those as steps that raised the cost. 10⁻¹² is ten thousand times that jitter and still
 * far below any rise that shows in the four decimals of the status line.
 */
export const RISE_TOLERANCE = 1e-12;

/** Whether a step from cost `before` to cost `after` raised it by more than rounding (see RISE_TOLERANCE). */
export function costRose(before: number, after: number): boolean {
  return after - before > RISE_TOLERANCE * Math.max(1, Math.abs(before));
}

/** What the lab shows at its current weights; NaN-free: `problem` says why when there is no cost. */
export interface DescentReadout {
  w: Weights;
  cost: number;
  accuracy: number;
  grad: Float64Array;
  gradNorm: number;
  steps: number;
  /** how many steps so far raised the cost by more than rounding (costRose): a sign η is too large */
  rises: number;
  /** whether the last step raised the cost (costRose); false at step 0 */
  lastRose: boolean;
  problem: string | null;
}

export function descentReadout(state: LogisticDescentState): DescentReadout {
  const w = currentWeights(state);
  const problem = dataProblem(state.points);
  let rises = 0;
  let lastRose = false;
  for (let i = 1; i < state.costs.length; i++) {
    lastRose = costRose(state.costs[i - 1] as number, state.costs[i] as number);
    if (lastRose) rises++;
  }
  if (problem !== null) return { w, cost: NaN, accuracy: NaN, grad: new Float64Array(3), gradNorm: NaN, steps: stepCount(state), rises, lastRose, problem };
  const { X, t } = trainingData(state.points);
  const grad = logisticLossGrad(w, X, t, 'cross-entropy');
  if (!state.learnBias) grad[2] = 0;
  return {
    w,
    cost: logisticLoss(w, X, t, 'cross-entropy'),
    accuracy: accuracy(w, X, t),
    grad,
    gradNorm: Math.hypot(grad[0] as number, grad[1] as number, grad[2] as number),
    steps: stepCount(state),
    rises,
    lastRose,
    problem: null,
  };
}

/** Where the next step will land in (w₁, w₂), w − η∇L: the short segment the map draws ahead of the path. */
export function nextOnMap(rate: number, readout: DescentReadout): readonly [number, number] {
  return [readout.w[0] - rate * (readout.grad[0] as number), readout.w[1] - rate * (readout.grad[1] as number)];
}

/** log₁₀-scale slider position ↔ learning rate, rounded to two significant digits. */
export function rateFromSlider(position: number): number {
  const raw = 10 ** position;
  const digits = Math.max(0, 1 - Math.floor(Math.log10(raw)));
  return Number(raw.toFixed(digits));
}

/** The rate the slider shows nearest to `rate` (in log₁₀ η): a link's η put on the slider's grid. */
export function rateOnSlider(rate: number): number {
  const low = Math.log10(RATE_LIMITS.min);
  const clamped = Math.min(RATE_LIMITS.max, Math.max(RATE_LIMITS.min, rate));
  return rateFromSlider(low + Math.round((Math.log10(clamped) - low) / RATE_SLIDER_STEP) * RATE_SLIDER_STEP);
}
