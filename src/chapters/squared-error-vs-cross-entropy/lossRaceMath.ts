import { accuracy, createRandom, logisticLoss, logisticStep, type LogisticLossKind } from '../../core';

/**
 * The training race of chapter 7, as pure functions of plain data: the same logistic-regression model
 * trained from the same starting weights, once on squared error and once on cross-entropy, by
 * full-batch gradient descent. No React, no DOM: the page, the tests and the seed experiment's worker
 * all call these.
 */

/** 2-D points X (n × 2, row-major) with 0/1 targets t, in the core's shapes. */
export interface RaceData {
  X: Float64Array;
  t: Float64Array;
}

/** Where the two clouds of points sit: class 1 around (+1, +1), class 0 around (−1, −1). */
const CENTRE = 1;
/**
 * The clouds' standard deviation: the two distributions overlap a little, so most draws of 40 points
 * cannot be separated by a line (67 of the seed experiment's seeds 1 to 100, by linear programming).
 * Not every draw: the race's own 40 (seed 2024) happen to be separable.
 */
const SPREAD = 0.9;

/**
 * makeRaceData(seed, n): n points, alternately of class 1 and class 0, each its class's centre plus
 * Gaussian noise from the seeded generator. The same seed always gives the same points.
 */
export function makeRaceData(seed: number, n = 40): RaceData {
  return makeRaceDataWith(createRandom(seed), n);
}

/** The same, drawing from a generator the caller owns (the seed experiment draws weights after it). */
export function makeRaceDataWith(random: ReturnType<typeof createRandom>, n: number): RaceData {
  const X = new Float64Array(2 * n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2 === 0 ? 1 : 0;
    const centre = label === 1 ? CENTRE : -CENTRE;
    X[2 * i] = centre + SPREAD * random.normal();
    X[2 * i + 1] = centre + SPREAD * random.normal();
    t[i] = label;
  }
  return { X, t };
}

export type RaceStart = 'confidently-wrong' | 'neutral';

/**
 * The starting weights (w₁, w₂, b). "Confidently wrong" points the model the wrong way with large
 * weights, so every point sits far out on the sigmoid's wrong flat tail (z ≈ ∓8 at the clouds'
 * centres); "neutral" starts at zero, where every prediction is ½.
 */
export const RACE_STARTS: Record<RaceStart, readonly [number, number, number]> = {
  'confidently-wrong': [-4, -4, 0],
  neutral: [0, 0, 0],
};

/** One model's run: its weights now, and its loss and accuracy after every step so far (index = step). */
export interface RaceRun {
  loss: LogisticLossKind;
  w: Float64Array;
  losses: number[];
  accuracies: number[];
  /** the length ‖Δw‖ of the last step taken (NaN before the first) */
  lastStep: number;
}

export interface RaceState {
  step: number;
  squaredError: RaceRun;
  crossEntropy: RaceRun;
}

function startRun(data: RaceData, loss: LogisticLossKind, w0: readonly number[]): RaceRun {
  const w = Float64Array.from(w0);
  return { loss, w, losses: [logisticLoss(w, data.X, data.t, loss)], accuracies: [accuracy(w, data.X, data.t)], lastStep: NaN };
}

/** Both models at step 0, from the same weights. */
export function startRace(data: RaceData, w0: readonly number[]): RaceState {
  return { step: 0, squaredError: startRun(data, 'squared-error', w0), crossEntropy: startRun(data, 'cross-entropy', w0) };
}

function advanceRun(run: RaceRun, data: RaceData, learningRate: number, steps: number): RaceRun {
  let w = run.w;
  let lastStep = run.lastStep;
  const losses = run.losses.slice();
  const accuracies = run.accuracies.slice();
  for (let k = 0; k < steps; k++) {
    const next = logisticStep(w, data.X, data.t, run.loss, learningRate);
    lastStep = Math.hypot((next[0] as number) - (w[0] as number), (next[1] as number) - (w[1] as number), (next[2] as number) - (w[2] as number));
    w = next;
    losses.push(logisticLoss(w, data.X, data.t, run.loss));
    accuracies.push(accuracy(w, data.X, data.t));
  }
  return { loss: run.loss, w, losses, accuracies, lastStep };
}

/**
 * advanceRace(state, data, learningRate, steps, cap): both models take `steps` more steps of gradient
 * descent at the same learning rate, never going past step `cap`. Returns a new state; the old one is
 * unchanged (React compares states by reference).
 */
export function advanceRace(state: RaceState, data: RaceData, learningRate: number, steps: number, cap: number): RaceState {
  const k = Math.max(0, Math.min(steps, cap - state.step));
  if (k === 0) return state;
  return {
    step: state.step + k,
    squaredError: advanceRun(state.squaredError, data, learningRate, k),
    crossEntropy: advanceRun(state.crossEntropy, data, learningRate, k),
  };
}
