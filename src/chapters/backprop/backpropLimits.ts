import type { Activation } from '../../core/network';
import type { DatasetKind } from '../../core/datasets';

/**
 * Chapter 8's limits and choices as pure data: the store and the widgets use them, and so do the
 * state schemas of backpropState.ts, which the widget registry imports without loading any widget
 * code (hence no store, no core, no React here: types only).
 */

/** 'custom' is the learner's own set: a toy set they edited, or one they started empty. */
export type BackpropDatasetKind = DatasetKind | 'custom';

export const BACKPROP_LIMITS = {
  hidden: { min: 1, max: 32 },
  /** the learning-rate slider is logarithmic over this range */
  learningRate: { min: 0.001, max: 10 },
  seed: { min: 0, max: 99999 },
  /** points per generated toy set (a third per class) */
  points: 150,
  /** the learner may add points up to this many in all */
  maxPoints: 300,
  /** points live in this square; the decision-region plot shows it */
  extent: 1.5,
  /**
   * edited points are kept to this many decimals, a link's precision (widgetState writes points with
   * 3), so that a link's points are the very numbers the network was trained on
   */
  pointDecimals: 3,
  /** the learning rate is kept to this many decimals, a link's precision, for the same reason */
  learningRateDecimals: 6,
  /** the decision regions are classified on a grid × grid raster over the square */
  grid: 72,
  /** gradient steps per slice while training plays, and slices at most every minSliceMs: at most 625 steps a second, fewer on a slow machine */
  stepsPerFrame: 20,
  minSliceMs: 32,
  classes: 3,
  /** the curves keep at most this many points (older halves are thinned) */
  maxHistory: 2000,
  /**
   * the most steps a link replays: some 10 s in headless Chromium without a GPU, where playing to
   * that step took about 4 minutes
   */
  maxSteps: 100_000,
  /**
   * a replayed run trains in slices of a 25th of the steps taken so far (stepsPerFrame at least,
   * MAX_STEPS_PER_REQUEST at most): the curves keep their detail early, where they bend, and a long
   * run replays in a few hundred slices
   */
  replayDetail: 25,
} as const;

export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid'];
export const DATASET_KINDS: readonly BackpropDatasetKind[] = ['blobs', 'rings', 'spirals', 'custom'];

/** The mean-against-sum demonstration's batch sizes and learning rates. */
export const BATCH_SIZES = [10, 30, 100, 300, 1000] as const;
export type BatchSize = (typeof BATCH_SIZES)[number];
export const LEARNING_RATES = [0.01, 0.03, 0.1, 0.3, 1] as const;
export const DEMO_LEARNING_RATE = 0.1;

/** The backward-pass explorer's first choice: sample 1, the top-left weight of each matrix (zero-based). */
export const EXPLORER_START = { sample: 0, w2: [0, 0] as const, w1: [0, 0] as const };
