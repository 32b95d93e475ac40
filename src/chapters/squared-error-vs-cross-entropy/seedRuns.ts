import { accuracy, createRandom, logisticLoss, logisticStep, type LogisticLossKind } from '../../core';
import { makeRaceDataWith } from './lossRaceMath';
import type { Summary } from '../../plots/StripPlot';

/**
 * The many-seed experiment of chapter 7, as a pure runner and the message format its Web Workers
 * speak. One seed fixes a data set and one starting point; both losses train from that same start
 * with the same settings, and the outcome of each is measured on the same yardsticks. The worker
 * (seedExperiment.worker.ts) only wraps runSeed, so everything here is tested in node.
 */

/** How the starting weights are drawn: small (every prediction near ½) or large (often saturated). */
export type SeedInit = 'small' | 'large';

export interface SeedSettings {
  init: SeedInit;
  /** gradient-descent steps per loss */
  steps: number;
  learningRate: number;
  /** points in each seed's data set */
  points: number;
}

/** The standard deviation of each starting weight, per init. */
export const INIT_SCALE: Record<SeedInit, number> = { small: 0.5, large: 4 };

/** The settings the page runs: the race's data size, a fixed budget of steps, a moderate rate. */
export const SEED_SETTINGS: Readonly<Omit<SeedSettings, 'init'>> = { steps: 300, learningRate: 1, points: 40 };

/** Where one model ended: its own loss, the log loss (cross-entropy, a shared yardstick) and accuracy. */
export interface SeedOutcome {
  loss: number;
  logLoss: number;
  accuracy: number;
}

export interface SeedResult {
  seed: number;
  squaredError: SeedOutcome;
  crossEntropy: SeedOutcome;
}

const LIMITS = { maxSteps: 5000, maxPoints: 1000, maxRate: 100, maxSeed: 2 ** 31 - 1 } as const;

/**
 * runSeed(seed, settings): draw the seed's data set and starting weights (w₁, w₂, b) (in that order,
 * from one generator), train a copy with each loss, and report both outcomes. Deterministic: the same
 * seed and settings give the same numbers, on any engine.
 */
export function runSeed(seed: number, settings: SeedSettings): SeedResult {
  const random = createRandom(seed);
  const data = makeRaceDataWith(random, settings.points);
  const scale = INIT_SCALE[settings.init];
  const w0 = [scale * random.normal(), scale * random.normal(), scale * random.normal()];
  const train = (loss: LogisticLossKind): SeedOutcome => {
    let w: ArrayLike<number> = w0;
    for (let k = 0; k < settings.steps; k++) w = logisticStep(w, data.X, data.t, loss, settings.learningRate);
    return {
      loss: logisticLoss(w, data.X, data.t, loss),
      logLoss: logisticLoss(w, data.X, data.t, 'cross-entropy'),
      accuracy: accuracy(w, data.X, data.t),
    };
  };
  return { seed, squaredError: train('squared-error'), crossEntropy: train('cross-entropy') };
}

/* ---- The worker's message format, validated on both sides ---- */

/** Page → worker: run one seed of run `runId`. */
export interface SeedRequest {
  type: 'run';
  runId: number;
  seed: number;
  settings: SeedSettings;
}

/** Worker → page: one seed's result, or why it could not be computed. */
export type SeedResponse =
  | { type: 'result'; runId: number; result: SeedResult }
  | { type: 'error'; runId: number; message: string };

type Fields = Record<string, unknown>;

const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, max: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
const isRunId = (v: unknown): v is number => isCount(v, Number.MAX_SAFE_INTEGER);
/** Exactly these keys, no others: anything unexpected is refused rather than ignored. */
const hasKeys = (v: Fields, keys: readonly string[]) =>
  Object.keys(v).length === keys.length && keys.every((k) => Object.hasOwn(v, k));

function parseSettings(v: unknown): SeedSettings | null {
  if (!isRecord(v) || !hasKeys(v, ['init', 'steps', 'learningRate', 'points'])) return null;
  const { init, steps, learningRate, points } = v;
  if (init !== 'small' && init !== 'large') return null;
  if (!isCount(steps, LIMITS.maxSteps) || !isCount(points, LIMITS.maxPoints) || (points as number) < 2) return null;
  if (typeof learningRate !== 'number' || !(learningRate >= 0 && learningRate <= LIMITS.maxRate)) return null;
  return { init, steps, learningRate, points };
}

/** A request as the worker receives it, or null when it is not one. */
export function parseSeedRequest(data: unknown): SeedRequest | null {
  if (!isRecord(data) || !hasKeys(data, ['type', 'runId', 'seed', 'settings'])) return null;
  if (data.type !== 'run' || !isRunId(data.runId) || !isCount(data.seed, LIMITS.maxSeed)) return null;
  const settings = parseSettings(data.settings);
  return settings ? { type: 'run', runId: data.runId, seed: data.seed, settings } : null;
}

/** An outcome's numbers may be any number, NaN included (a diverged run is a result too). */
function parseOutcome(v: unknown): SeedOutcome | null {
  if (!isRecord(v) || !hasKeys(v, ['loss', 'logLoss', 'accuracy'])) return null;
  const { loss, logLoss, accuracy: acc } = v;
  if (typeof loss !== 'number' || typeof logLoss !== 'number' || typeof acc !== 'number') return null;
  return { loss, logLoss, accuracy: acc };
}

/** A response as the page receives it, or null when it is not one. */
export function parseSeedResponse(data: unknown): SeedResponse | null {
  if (!isRecord(data) || !isRunId(data.runId)) return null;
  if (data.type === 'error' && hasKeys(data, ['type', 'runId', 'message']) && typeof data.message === 'string') {
    return { type: 'error', runId: data.runId, message: data.message.slice(0, 300) };
  }
  if (data.type !== 'result' || !hasKeys(data, ['type', 'runId', 'result']) || !isRecord(data.result)) return null;
  const r = data.result;
  if (!hasKeys(r, ['seed', 'squaredError', 'crossEntropy']) || !isCount(r.seed, LIMITS.maxSeed)) return null;
  const squaredError = parseOutcome(r.squaredError);
  const crossEntropy = parseOutcome(r.crossEntropy);
  if (!squaredError || !crossEntropy) return null;
  return { type: 'result', runId: data.runId, result: { seed: r.seed, squaredError, crossEntropy } };
}

/* ---- Summaries for the page (the shape StripPlot draws) ---- */

/** Quartiles by linear interpolation between order statistics (NumPy's default), over finite values. */
export function summarize(values: readonly number[]): Summary {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = v.length;
  const at = (q: number) => {
    if (n === 0) return NaN;
    const h = (n - 1) * q;
    const lo = Math.floor(h);
    const a = v[lo] as number;
    return a + (h - lo) * ((v[Math.min(lo + 1, n - 1)] as number) - a);
  };
  const mean = n === 0 ? NaN : v.reduce((s, x) => s + x, 0) / n;
  return { count: n, min: at(0), q1: at(0.25), median: at(0.5), q3: at(0.75), max: at(1), mean };
}

/** How many seeds each loss won, lost or tied on a measure where `better(a, b)` says a beat b. */
export function headToHead(results: readonly SeedResult[], pick: (o: SeedOutcome) => number, higherIsBetter: boolean) {
  let squaredError = 0;
  let crossEntropy = 0;
  let ties = 0;
  for (const r of results) {
    const a = pick(r.squaredError);
    const b = pick(r.crossEntropy);
    if (a === b || !Number.isFinite(a - b)) ties++;
    else if (a > b === higherIsBetter) squaredError++;
    else crossEntropy++;
  }
  return { squaredError, crossEntropy, ties };
}
