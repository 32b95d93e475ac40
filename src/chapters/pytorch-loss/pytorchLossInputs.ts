import type { Reduction } from '../../core/validate';
import { equalValue, type StateOf } from '../../url/stateSchema';
import { BATCH_LIMITS, BATCH_STATE, BCE_STATE } from './pytorchLossState';

/**
 * Chapter 11's batch as the widgets use it: N × C logits, a target per sample (a class index, or a
 * probability row), and every option of nn.CrossEntropyLoss. It is the option explorer's address state
 * (BATCH_STATE) read into rows; every edit is a pure function from a batch to a batch that stays
 * consistent (shapes agree, indices are classes or ignore_index), and the address is written from it.
 * Classes and samples are counted from 0 here, as PyTorch counts them.
 */
export type TargetKind = 'index' | 'probs';

export interface Batch {
  readonly logits: readonly (readonly number[])[];
  readonly targetKind: TargetKind;
  /** one per sample: a class in [0, C), or ignoreIndex */
  readonly indices: readonly number[];
  /** one row of C probabilities per sample (on the 0.05 grid, summing to 1) */
  readonly probabilities: readonly (readonly number[])[];
  readonly weighted: boolean;
  /** length C; used only when `weighted` */
  readonly weight: readonly number[];
  readonly reduction: Reduction;
  readonly smoothing: number;
  readonly ignoreIndex: number;
}

type BatchState = StateOf<typeof BATCH_STATE>;

const rowsOf = (flat: readonly number[], n: number, c: number) =>
  Array.from({ length: n }, (_, i) => flat.slice(i * c, i * c + c));

/** A value on a grid of `step`, written with no binary tail (0.30000000000000004 → 0.3). */
export function onGrid(v: number, step: number, min: number, max: number): number {
  const snapped = Number((Math.round(v / step) * step).toFixed(6));
  return Math.min(max, Math.max(min, Object.is(snapped, -0) ? 0 : snapped));
}

export const snapLogit = (v: number) => onGrid(v, BATCH_LIMITS.logit.step, BATCH_LIMITS.logit.min, BATCH_LIMITS.logit.max);
export const snapWeight = (v: number) => onGrid(v, BATCH_LIMITS.weight.step, BATCH_LIMITS.weight.min, BATCH_LIMITS.weight.max);
export const snapSmoothing = (v: number) => onGrid(v, BATCH_LIMITS.smoothing.step, BATCH_LIMITS.smoothing.min, BATCH_LIMITS.smoothing.max);

/** twentieths as the decimals they are: 7 → 0.35 */
const twentieths = (k: number) => Number((k / 20).toFixed(2));

/** A one-hot probability row for class k of C. */
export const oneHotRow = (c: number, k: number) => Array.from({ length: c }, (_, j) => (j === k ? 1 : 0));

/**
 * `units` twentieths shared among the classes in proportion to `shares` (largest remainder, ties to
 * the lower class), or evenly when every share is 0: a probability row that stays on the 0.05 grid.
 */
function shareTwentieths(shares: readonly number[], units: number): number[] {
  const total = shares.reduce((s, v) => s + v, 0);
  const wanted = shares.map((v) => (total > 0 ? (v / total) * units : units / shares.length));
  const whole = wanted.map(Math.floor);
  let left = units - whole.reduce((s, v) => s + v, 0);
  const order = wanted.map((v, j) => ({ j, rest: v - Math.floor(v) })).sort((a, b) => b.rest - a.rest || a.j - b.j);
  for (const { j } of order) {
    if (left <= 0) break;
    whole[j] = (whole[j] ?? 0) + 1;
    left--;
  }
  return whole;
}

/** A row of non-negative numbers made a distribution on the 0.05 grid (uniform if it is all 0). */
export function normalisedRow(row: readonly number[]): number[] {
  return shareTwentieths(row.map((v) => Math.max(0, v)), 20).map(twentieths);
}

/** Is k a target this batch accepts: a class, or the ignore_index? */
export const isTarget = (k: number, classes: number, ignoreIndex: number) =>
  Number.isInteger(k) && (k === ignoreIndex || (k >= 0 && k < classes));

export const isIgnored = (batch: Batch, n: number) => batch.targetKind === 'index' && batch.indices[n] === batch.ignoreIndex;

export const START_BATCH: Batch = batchFromState(
  Object.fromEntries(Object.entries(BATCH_STATE).map(([k, f]) => [k, f.default])) as unknown as BatchState,
).batch;

/**
 * The batch a state describes, and what in it could not be read: a logit list that is not N × C long,
 * a target that is neither a class nor ignore_index, probability rows of the wrong length. What does
 * not fit is replaced (zeros, class 0, one-hot rows, weights 1) and, when the link gave it, named, so
 * the widget shows a consistent batch and says what it changed; the next edit writes it back.
 */
export function batchFromState(s: BatchState): { batch: Batch; problems: string[] } {
  const { n, c } = s;
  const problems: string[] = [];
  // A list the link did not give is its default, made for the default 3 × 3 batch: fitted to the
  // link's shape in silence. One the link gave that does not fit is named.
  const given = (key: 'lz' | 'ti' | 'tp' | 'w') => !equalValue(s[key], BATCH_STATE[key].default);
  const say = (key: 'lz' | 'ti' | 'tp' | 'w', problem: string) => {
    if (given(key)) problems.push(problem);
  };
  let logits = rowsOf(s.lz, n, c);
  if (s.lz.length !== n * c) {
    say('lz', `lz has ${s.lz.length} logits, but ${n} samples × ${c} classes need ${n * c}: the missing ones are 0.`);
    logits = logits.map((row) => Array.from({ length: c }, (_, j) => snapLogit(row[j] ?? 0)));
  } else logits = logits.map((row) => row.map(snapLogit));
  const ignoreIndex = s.ii >= c ? BATCH_LIMITS.defaultIgnore : s.ii;
  if (ignoreIndex !== s.ii) problems.push(`ii=${s.ii} is no class of ${c}: ignore_index is ${BATCH_LIMITS.defaultIgnore}.`);
  const indices = Array.from({ length: n }, (_, i) => {
    const k = s.ti[i];
    if (k !== undefined && isTarget(k, c, ignoreIndex)) return k;
    say('ti', `ti: sample ${i} has ${k === undefined ? 'no target' : `target ${k}, which is neither a class nor ignore_index`}: it is class 0.`);
    return 0;
  });
  let probabilities = rowsOf(s.tp, n, c);
  if (s.tp.length !== n * c) {
    say('tp', `tp has ${s.tp.length} probabilities, but ${n} samples × ${c} classes need ${n * c}: the rows are one-hot on each sample’s class.`);
    probabilities = indices.map((k) => oneHotRow(c, k >= 0 && k < c ? k : 0));
  } else probabilities = probabilities.map(normalisedRow);
  let weight = [...s.w];
  if (s.w.length !== c) {
    say('w', `w has ${s.w.length} weights for ${c} classes: every weight is 1.`);
    weight = Array.from({ length: c }, () => 1);
  } else weight = weight.map(snapWeight);
  return {
    batch: {
      logits,
      targetKind: s.tk,
      indices,
      probabilities,
      weighted: s.wt,
      weight,
      reduction: s.red,
      smoothing: snapSmoothing(s.sm),
      ignoreIndex,
    },
    problems,
  };
}

/** The state that describes a batch, every field (the address leaves out what is a default). */
export function stateFromBatch(b: Batch): BatchState {
  return {
    n: b.logits.length,
    c: b.logits[0]?.length ?? 0,
    lz: b.logits.flat(),
    tk: b.targetKind,
    ti: [...b.indices],
    tp: b.probabilities.flat(),
    wt: b.weighted,
    w: [...b.weight],
    red: b.reduction,
    sm: b.smoothing,
    ii: b.ignoreIndex,
  };
}

export const rowCount = (b: Batch) => b.logits.length;
export const classCount = (b: Batch) => b.logits[0]?.length ?? 0;

// ——— edits: each returns a consistent batch (or the same one, when the edit is refused) ———

export function setLogit(b: Batch, n: number, j: number, value: number): Batch {
  if (!Number.isFinite(value) || n < 0 || n >= rowCount(b) || j < 0 || j >= classCount(b)) return b;
  const v = snapLogit(value);
  if (b.logits[n]?.[j] === v) return b;
  return { ...b, logits: b.logits.map((row, i) => (i === n ? row.map((z, k) => (k === j ? v : z)) : row)) };
}

export function setTarget(b: Batch, n: number, k: number): Batch {
  if (n < 0 || n >= rowCount(b) || !isTarget(k, classCount(b), b.ignoreIndex) || b.indices[n] === k) return b;
  return { ...b, indices: b.indices.map((t, i) => (i === n ? k : t)) };
}

/**
 * Sets p_nj to `value` (on the 0.05 grid) and shares the rest, 1 − value, among the other classes in
 * proportion to what they had (evenly if they had nothing), so the row stays a distribution.
 */
export function setProbability(b: Batch, n: number, j: number, value: number): Batch {
  const c = classCount(b);
  const row = b.probabilities[n];
  if (!row || !Number.isFinite(value) || j < 0 || j >= c) return b;
  const units = Math.round(Math.min(1, Math.max(0, value)) * 20);
  if (Math.round((row[j] ?? 0) * 20) === units) return b;
  const others = row.filter((_, k) => k !== j);
  const shared = shareTwentieths(others, 20 - units);
  const next = Array.from({ length: c }, (_, k) => twentieths(k === j ? units : (shared[k < j ? k : k - 1] ?? 0)));
  return { ...b, probabilities: b.probabilities.map((r, i) => (i === n ? next : r)) };
}

export function setWeight(b: Batch, j: number, value: number): Batch {
  if (!Number.isFinite(value) || j < 0 || j >= classCount(b)) return b;
  const v = snapWeight(value);
  if (b.weight[j] === v) return b;
  return { ...b, weight: b.weight.map((w, k) => (k === j ? v : w)) };
}

export function addSample(b: Batch): Batch {
  const c = classCount(b);
  if (rowCount(b) >= BATCH_LIMITS.rows.max) return b;
  return {
    ...b,
    logits: [...b.logits, Array.from({ length: c }, () => 0)],
    indices: [...b.indices, 0],
    probabilities: [...b.probabilities, oneHotRow(c, 0)],
  };
}

export function removeSample(b: Batch): Batch {
  if (rowCount(b) <= BATCH_LIMITS.rows.min) return b;
  return { ...b, logits: b.logits.slice(0, -1), indices: b.indices.slice(0, -1), probabilities: b.probabilities.slice(0, -1) };
}

export function addClass(b: Batch): Batch {
  if (classCount(b) >= BATCH_LIMITS.classes.max) return b;
  return {
    ...b,
    logits: b.logits.map((row) => [...row, 0]),
    probabilities: b.probabilities.map((row) => [...row, 0]),
    weight: [...b.weight, 1],
  };
}

/**
 * Removes the last class: a sample whose target it was takes the class before it (or, when it was
 * the ignore_index, stays ignored under −100, which ignore_index goes back to); a probability row is
 * shared out again.
 */
export function removeClass(b: Batch): Batch {
  const c = classCount(b);
  if (c <= BATCH_LIMITS.classes.min) return b;
  const last = c - 1;
  const ignoreIndex = b.ignoreIndex === last ? BATCH_LIMITS.defaultIgnore : b.ignoreIndex;
  return {
    ...b,
    logits: b.logits.map((row) => row.slice(0, -1)),
    indices: b.indices.map((t) => (t !== last ? t : b.ignoreIndex === last ? BATCH_LIMITS.defaultIgnore : last - 1)),
    probabilities: b.probabilities.map((row) => normalisedRow(row.slice(0, -1))),
    weight: b.weight.slice(0, -1),
    ignoreIndex,
  };
}

export function setIgnoreIndex(b: Batch, k: number): Batch {
  const valid = k === BATCH_LIMITS.defaultIgnore || (Number.isInteger(k) && k >= 0 && k < classCount(b));
  if (!valid || k === b.ignoreIndex) return b;
  // samples that were ignored under the old index keep being ignored under the new one
  const indices = b.indices.map((t) => (t === b.ignoreIndex && (b.ignoreIndex < 0 || b.ignoreIndex >= classCount(b)) ? k : t));
  return { ...b, ignoreIndex: k, indices };
}

// ——— the BCEWithLogits widget ———

export type BceState = StateOf<typeof BCE_STATE>;

export interface BceInputs {
  readonly logits: readonly number[];
  readonly targets: readonly number[];
  readonly posWeight: number;
  readonly reduction: Reduction;
}

export const bceInputs = (s: BceState): BceInputs => ({
  logits: s.bx.map(snapLogit),
  targets: s.by.map((v) => onGrid(v, 0.1, 0, 1)),
  posWeight: onGrid(s.pw, 0.1, 0.1, 10),
  reduction: s.br,
});
