import {
  dataProblem,
  DEFAULT_START,
  descentReducer,
  rateOnSlider,
  restartFrom,
  stepCount,
  toPointGrid,
  toStartGrid,
  type DescentAction,
  type DataPoint,
  type LogisticDescentState,
  type Weights,
} from './logisticDescent';

/**
 * The lab as its link keeps it (logisticState.ts has the schema and the keys): the points, the start,
 * the rate, whether b is learned, and the descent path as where it begins (`w0`) and how many steps
 * it took (`n`). Training is deterministic, so the path is replayed rather than stored.
 */
export interface DescentLink {
  readonly pts: readonly { readonly x: number; readonly y: number; readonly c: number }[];
  /** w₁, w₂ of the start (its b is 0) */
  readonly start: readonly number[];
  /** where the path begins, (w₁, w₂, b); DEFAULT_START here means "at the start" (see linkOfDescent) */
  readonly w0: readonly number[];
  readonly n: number;
  readonly eta: number;
  readonly bias: boolean;
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The link of a lab. A path that begins at the start writes DEFAULT_START as `w0`, which a link leaves
 * out, so the usual link is short and a hand-written `start=1,2` begins the path there. (A path that
 * began at exactly (−4, 3, 0) away from the start, training having landed there to six decimals, would
 * come back as beginning at the start.) When the rate changed after some steps, the link keeps the run
 * since then: the weights, the boundary and the cost are the ones shown; the path drawn and the step
 * count are only this run's.
 */
export function linkOfDescent(state: LogisticDescentState): DescentLink {
  const origin = state.path[state.runFrom] ?? state.start;
  const [s1, s2] = state.start;
  return {
    pts: state.points.map((p) => ({ x: p.x1, y: p.x2, c: p.t })),
    start: [s1, s2],
    w0: sameNumbers(origin, [s1, s2, 0]) ? DEFAULT_START : origin,
    n: stepCount(state) - state.runFrom,
    eta: state.rate,
    bias: state.learnBias,
  };
}

/**
 * The lab a link describes, its steps replayed, paused. Values are put on the lab's own grids: points
 * and the start to 0.01 (as the lab rounds them), η to the slider's. With b not learned the path
 * begins at b = 0, as the lab's own paths do: a fixed b other than 0 would be a hidden input.
 */
export function descentFromLink(link: DescentLink): LogisticDescentState {
  const points: DataPoint[] = link.pts.map((p, id) => ({ id, x1: toPointGrid(p.x), x2: toPointGrid(p.y), t: p.c === 0 ? 0 : 1 }));
  const start: Weights = [toStartGrid(link.start[0] ?? DEFAULT_START[0]), toStartGrid(link.start[1] ?? DEFAULT_START[1]), 0];
  const [w1 = 0, w2 = 0, b = 0] = link.w0;
  const origin: Weights = sameNumbers(link.w0, DEFAULT_START) ? start : [w1, w2, link.bias ? b : 0];
  const lab = restartFrom(
    { points, nextId: points.length, start, path: [], costs: [], runFrom: 0, rate: rateOnSlider(link.eta), learnBias: link.bias, notice: null },
    origin,
  );
  // Steps that the points cannot take (one class only) are not taken: the lab says why, as it does for Step.
  return link.n > 0 && dataProblem(points) === null ? descentReducer(lab, { type: 'step', steps: link.n }) : lab;
}

/** Whether two links describe the same lab, field by field. */
export function sameLink(a: DescentLink, b: DescentLink): boolean {
  return (
    a.n === b.n &&
    a.eta === b.eta &&
    a.bias === b.bias &&
    sameNumbers(a.start, b.start) &&
    sameNumbers(a.w0, b.w0) &&
    a.pts.length === b.pts.length &&
    a.pts.every((p, i) => p.x === b.pts[i]!.x && p.y === b.pts[i]!.y && p.c === b.pts[i]!.c)
  );
}

export type LinkedDescentAction = DescentAction | { type: 'load'; link: DescentLink };

/** The lab's reducer, with one more action: load the lab a link describes (a link followed while open). */
export function linkedDescentReducer(state: LogisticDescentState, action: LinkedDescentAction): LogisticDescentState {
  return action.type === 'load' ? descentFromLink(action.link) : descentReducer(state, action);
}
