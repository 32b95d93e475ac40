import { backward, createWorkspace, forward, initNetwork, trainStep, type BatchReduction, type Network, type NetworkShape, type Workspace } from '../../core/network';
import { makeDataset, type Dataset } from '../../core/datasets';

/**
 * Chapter 8's mean-against-sum demonstration: the same network, the same starting weights and the
 * same learning rate, trained by full-batch gradient descent on blobs of m points for m = 10 … 1000,
 * once with the mean of the per-sample losses and once with their sum. The sum's gradient is m times
 * the mean's, so its step is m times longer: the same η that suits the mean makes the sum overshoot
 * once m is large enough.
 */

export { BATCH_SIZES, DEMO_LEARNING_RATE, LEARNING_RATES, type BatchSize } from './backpropLimits';
/** Gradient steps per run: enough for the mean to fit blobs at every m. */
export const DEMO_STEPS = 300;
export const DEMO_SHAPE: NetworkShape = { inputs: 2, hidden: 16, outputs: 3, activation: 'relu' };
/** the seeds of the points and of the starting weights, the same for every run */
export const DEMO_DATA_SEED = 7;
export const DEMO_INIT_SEED = 3;

/** The data set of m points: each m has its own (a prefix of a larger set would do as well). */
export function demoDataset(m: number): Dataset {
  return makeDataset('blobs', m, DEMO_DATA_SEED);
}

/** One run in progress: it advances in chunks, so the page stays responsive while it trains. */
export interface BatchRun {
  readonly m: number;
  readonly reduction: BatchReduction;
  readonly learningRate: number;
  readonly steps: number;
  readonly data: Dataset;
  readonly net: Network;
  readonly ws: Workspace;
  /** the mean loss per sample before step s (s = 0 … steps − 1), then after the last step: steps + 1 values */
  readonly losses: Float64Array;
  /** how many of `losses` are filled */
  filled: number;
}

export function startBatchRun(m: number, reduction: BatchReduction, learningRate: number, steps: number = DEMO_STEPS, data: Dataset = demoDataset(m)): BatchRun {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a whole number ≥ 1, got ${steps}`);
  if (!(learningRate >= 0) || !Number.isFinite(learningRate)) throw new RangeError(`the learning rate must be a finite number ≥ 0, got ${learningRate}`);
  if (data.m !== m) throw new RangeError(`the data set has ${data.m} points, not m = ${m}`);
  const net = initNetwork(DEMO_SHAPE, DEMO_INIT_SEED);
  return { m, reduction, learningRate, steps, data, net, ws: createWorkspace(DEMO_SHAPE, m), losses: new Float64Array(steps + 1), filled: 0 };
}

/**
 * Up to `count` more gradient steps (the last "step" is only the forward pass after the final update);
 * the loss recorded is always the mean per sample, whatever the reduction trained on, so that runs of
 * different m and reduction are compared on one scale. Returns true once the run is complete.
 */
export function advanceBatchRun(run: BatchRun, count: number): boolean {
  const { data, net, ws, m, reduction, learningRate, steps, losses } = run;
  const perSample = reduction === 'sum' ? 1 / m : 1;
  for (let n = 0; n < count && run.filled <= steps; n++) {
    const s = run.filled;
    losses[s] = s < steps ? trainStep(net, data.x, data.labels, m, ws, learningRate, reduction) * perSample : forward(net, data.x, data.labels, m, ws, 'mean');
    run.filled++;
  }
  return run.filled > steps;
}

export function runComplete(run: BatchRun): boolean {
  return run.filled > run.steps;
}

/**
 * 'learned': the loss ended below LEARNED_BELOW × its start and never rose above BLEW_UP_ABOVE × its start;
 * 'blewUp': some step's loss was not finite or above BLEW_UP_ABOVE × the start (the steps overshoot and
 * the loss climbs); 'stalled': neither (it did not rise much, nor fall much). "Blew up", not "diverged":
 * chapter 6 keeps "diverge" for a loss that climbs for ever, and a run here may climb and fall back.
 */
export type RunVerdict = 'learned' | 'blewUp' | 'stalled';

/**
 * The verdict's thresholds, relative to the run's starting loss. They sit far from every run the demo
 * offers (5 rates × 5 batch sizes × 2 reductions): the runs that learn end at 0.3 of their start or
 * less and never rise above it; those that blow up peak at 12 times their start or more. So neither
 * rounding nor the exact threshold can flip a verdict.
 */
export const LEARNED_BELOW = 0.5;
export const BLEW_UP_ABOVE = 2;

/** How a finished run ended, in words the page shows instead of a raw (possibly non-finite) loss. */
export interface RunOutcome {
  readonly startLoss: number;
  readonly finalLoss: number;
  /** the largest loss seen along the way (∞ when a loss overflowed) */
  readonly peakLoss: number;
  readonly verdict: RunVerdict;
}

export function runOutcome(run: BatchRun): RunOutcome {
  const n = run.filled;
  if (n === 0) throw new RangeError('the run has not taken a step yet');
  const startLoss = run.losses[0] ?? NaN;
  const finalLoss = run.losses[n - 1] ?? NaN;
  let peakLoss = -Infinity;
  for (let s = 0; s < n; s++) {
    const l = run.losses[s] ?? NaN;
    peakLoss = Number.isFinite(l) ? Math.max(peakLoss, l) : Infinity;
  }
  const verdict: RunVerdict =
    !Number.isFinite(peakLoss) || !Number.isFinite(finalLoss) || peakLoss > BLEW_UP_ABOVE * startLoss
      ? 'blewUp'
      : finalLoss < LEARNED_BELOW * startLoss
        ? 'learned'
        : 'stalled';
  return { startLoss, finalLoss, peakLoss, verdict };
}

/**
 * The first gradient of both reductions from the same weights: ‖∇L_sum‖ / ‖∇L_mean‖ is m, because
 * L_sum = m · L_mean term by term. Computed through the core, so the page can check it.
 */
export function gradientNorms(m: number, data: Dataset = demoDataset(m)): { mean: number; sum: number } {
  const net = initNetwork(DEMO_SHAPE, DEMO_INIT_SEED);
  const ws = createWorkspace(DEMO_SHAPE, m);
  const norm = (reduction: BatchReduction) => {
    forward(net, data.x, data.labels, m, ws, reduction);
    backward(net, data.x, data.labels, m, ws, reduction);
    let sq = 0;
    for (const g of [ws.grads.w1, ws.grads.b1, ws.grads.w2, ws.grads.b2]) for (const v of g) sq += v * v;
    return Math.sqrt(sq);
  };
  return { mean: norm('mean'), sum: norm('sum') };
}
