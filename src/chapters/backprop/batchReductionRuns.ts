import { useEffect, useState } from 'react';
import type { BatchReduction } from '../../core/network';
import { advanceBatchRun, BATCH_SIZES, runOutcome, startBatchRun, type BatchRun, type RunOutcome } from './batchReductionMath';

export interface RunResult {
  m: number;
  reduction: BatchReduction;
  losses: Float64Array;
  filled: number;
  /** null while the run is still training */
  outcome: RunOutcome | null;
}

export const runKey = (reduction: BatchReduction, m: number) => `${reduction}-${m}`;

/**
 * How much the mean's final loss moves with m: the smallest and the largest over the batch sizes and
 * their ratio, once every mean run has learned (null before, or if one did not).
 */
export function meanSpread(runs: Readonly<Record<string, RunResult>>): { low: { m: number; loss: number }; high: { m: number; loss: number }; factor: number } | null {
  const ends = BATCH_SIZES.map((m) => ({ m, outcome: runs[runKey('mean', m)]?.outcome }));
  if (ends.some((e) => e.outcome?.verdict !== 'learned')) return null;
  const points = ends.map((e) => ({ m: e.m, loss: e.outcome?.finalLoss ?? NaN }));
  const low = points.reduce((a, b) => (b.loss < a.loss ? b : a));
  const high = points.reduce((a, b) => (b.loss > a.loss ? b : a));
  return { low, high, factor: high.loss / low.loss };
}

/** Work at most this long per task, then yield to the browser: input and paint stay prompt. */
const BUDGET_MS = 8;
const STEPS_PER_CHECK = 10;

/**
 * Trains every (batch size, reduction) run of the demo at the learning rate `rate`, in slices of
 * about 8 ms on timers, so the page never freezes; results appear as they come. A new rate starts over
 * (the old work is dropped).
 */
export function useBatchReductionRuns(rate: number): { runs: Readonly<Record<string, RunResult>>; finished: number; total: number } {
  const total = BATCH_SIZES.length * 2;
  const [state, setState] = useState<{ rate: number; runs: Record<string, RunResult>; finished: number }>({ rate, runs: {}, finished: 0 });

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const queue: [number, BatchReduction][] = BATCH_SIZES.flatMap((m) => [[m, 'mean'] as [number, BatchReduction], [m, 'sum'] as [number, BatchReduction]]);
    const runs: Record<string, RunResult> = {};
    let finished = 0;
    let current: BatchRun | null = null;

    const record = (run: BatchRun, done: boolean) => {
      runs[runKey(run.reduction, run.m)] = { m: run.m, reduction: run.reduction, losses: run.losses, filled: run.filled, outcome: done ? runOutcome(run) : null };
    };
    const work = () => {
      if (cancelled) return;
      const start = performance.now();
      while (performance.now() - start < BUDGET_MS) {
        if (!current) {
          const next = queue.shift();
          if (!next) break;
          current = startBatchRun(next[0], next[1], rate);
        }
        const done = advanceBatchRun(current, STEPS_PER_CHECK);
        record(current, done);
        if (done) {
          finished++;
          current = null;
        }
      }
      setState({ rate, runs: { ...runs }, finished });
      if (current || queue.length > 0) timer = setTimeout(work, 0);
    };
    timer = setTimeout(work, 0);
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [rate]);

  return state.rate === rate ? { runs: state.runs, finished: state.finished, total } : { runs: {}, finished: 0, total };
}
