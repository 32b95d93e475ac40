import { useEffect, useId, useRef, useState } from 'react';
import { useWidgetState } from '../../state/useWidgetState';
import { formatNumber } from '../../format/formatNumber';
import { StripPlot } from '../../plots/StripPlot';
import { poolSize, runSeedPool, type WorkerFactory } from './seedPool';
import { headToHead, SEED_SETTINGS, summarize, type SeedInit, type SeedResult, type SeedSettings } from './seedRuns';
import { SeedSummaryTable } from './SeedSummaryTable';
import { LecturerControl } from '../../controls/LecturerControl';
import { SEED_COUNTS, SEED_EXPERIMENT_STATE, STEP_BUDGETS } from './squaredErrorState';

const INIT_NAMES: Record<SeedInit, string> = {
  large: 'large random weights, sd 4 (often confidently wrong)',
  small: 'small random weights, sd 0.5 (most ŷ between 0.2 and 0.8)',
};

/** Vite bundles the worker from this URL; the page never loads it until Run is pressed. */
function createSeedWorker() {
  return new Worker(new URL('./seedExperiment.worker.ts', import.meta.url), { type: 'module' });
}

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface Run {
  settings: SeedSettings;
  total: number;
  status: Status;
  results: SeedResult[];
  error: string;
}

const percent = (v: number) => `${formatNumber(100 * v, 0)}%`;
/** The powers of ten that bracket the positive, finite values: a log axis for log losses spanning decades. */
function decades(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [0.01, 1];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  return [lo, hi > lo ? hi : lo * 10];
}

/**
 * The many-seed experiment: for each seed, a fresh data set and starting weights, both losses trained
 * from there, and where each ended. The seeds run in a pool of Web Workers, so the page stays
 * responsive; a progress bar counts them and Cancel stops them at once. Its inputs are its own state.
 */
export function SeedExperiment({ createWorker }: { createWorker?: WorkerFactory }) {
  const factory = createWorker ?? (typeof Worker === 'undefined' ? undefined : createSeedWorker);
  // Only the settings are kept in the address: a run takes seconds on a pool of workers, so a link
  // restores what to run and leaves pressing Run to the reader, rather than starting it unasked.
  const [chosen, update] = useWidgetState(SEED_EXPERIMENT_STATE);
  const count = Number(chosen.seeds);
  const steps = Number(chosen.steps);
  const init = chosen.init;
  const [run, setRun] = useState<Run | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  const runIds = useRef(0);
  const ids = { count: useId(), steps: useId(), init: useId() };

  useEffect(() => () => cancelRef.current?.(), []);

  // Run is disabled while running and Cancel after: keep the keyboard's place on the button that works.
  const running = run?.status === 'running';
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasRunning = useRef(false);
  useEffect(() => {
    const lost = (b: HTMLButtonElement | null) => document.activeElement === b || document.activeElement === document.body;
    if (running && lost(runButton.current)) cancelButton.current?.focus();
    if (!running && wasRunning.current && lost(cancelButton.current)) runButton.current?.focus();
    wasRunning.current = running;
  }, [running]);

  const start = () => {
    if (!factory) return;
    cancelRef.current?.();
    const settings: SeedSettings = { ...SEED_SETTINGS, init, steps };
    const runId = ++runIds.current;
    const seeds = Array.from({ length: count }, (_, i) => i + 1);
    setRun({ settings, total: count, status: 'running', results: [], error: '' });
    const update = (f: (r: Run) => Run) => setRun((r) => (r && runIds.current === runId ? f(r) : r));
    cancelRef.current = runSeedPool({
      runId,
      seeds,
      settings,
      size: poolSize(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency),
      createWorker: factory,
      onResult: (result) => update((r) => ({ ...r, results: [...r.results, result] })),
      onDone: () => update((r) => ({ ...r, status: 'done' })),
      onError: (message) => update((r) => ({ ...r, status: 'error', error: message })),
    });
  };
  const cancel = () => {
    cancelRef.current?.();
    cancelRef.current = null;
    setRun((r) => (r && r.status === 'running' ? { ...r, status: 'cancelled' } : r));
  };

  const results = run?.results ?? [];
  const done = results.length;
  const pick = (f: (r: SeedResult) => number) => results.map(f);
  const se = { accuracy: pick((r) => r.squaredError.accuracy), logLoss: pick((r) => r.squaredError.logLoss) };
  const ce = { accuracy: pick((r) => r.crossEntropy.accuracy), logLoss: pick((r) => r.crossEntropy.logLoss) };
  const summaries = {
    seAccuracy: summarize(se.accuracy),
    ceAccuracy: summarize(ce.accuracy),
    seLogLoss: summarize(se.logLoss),
    ceLogLoss: summarize(ce.logLoss),
  };
  const accuracyWins = headToHead(results, (o) => o.accuracy, true);
  const logLossWins = headToHead(results, (o) => o.logLoss, false);
  const logLossDomain = decades([...se.logLoss, ...ce.logLoss]);
  const logLossTicks: number[] = [];
  for (let v = logLossDomain[0]; v <= logLossDomain[1] * 1.0001; v *= 10) logLossTicks.push(v);
  const median = (s: { median: number }, f: (v: number) => string) => (Number.isFinite(s.median) ? f(s.median) : 'none yet');

  return (
    <section className="widget se-ce-widget seed-experiment" aria-label="Many-seed experiment">
      <fieldset className="controls" disabled={running}>
        <legend>Experiment</legend>
        <div className="select-row">
          <LecturerControl ids={['seeds']}>
            <label htmlFor={ids.count}>Seeds</label>
            <select id={ids.count} value={count} onChange={(e) => update({ seeds: e.currentTarget.value })}>
              {SEED_COUNTS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </LecturerControl>
          <LecturerControl ids={['steps']}>
            <label htmlFor={ids.steps}>Steps per loss</label>
            <select id={ids.steps} value={steps} onChange={(e) => update({ steps: e.currentTarget.value })}>
              {STEP_BUDGETS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </LecturerControl>
        </div>
        <LecturerControl ids={['init']}>
          <div className="choice-row" role="radiogroup" aria-labelledby={ids.init}>
            <span id={ids.init}>Starting weights:</span>
            {(Object.keys(INIT_NAMES) as SeedInit[]).map((value) => (
              <label key={value}>
                <input type="radio" name={`${ids.init}-init`} checked={init === value} onChange={() => update({ init: value })} />
                {INIT_NAMES[value]}
              </label>
            ))}
          </div>
        </LecturerControl>
        <p className="hint">
          Learning rate {formatNumber(SEED_SETTINGS.learningRate, 1)}, {SEED_SETTINGS.points} points per data set, seeds 1
          to {count}: the same seeds always give the same results.
        </p>
      </fieldset>

      <div className="button-row">
        <button ref={runButton} type="button" onClick={start} disabled={running || !factory}>
          Run
        </button>
        <button ref={cancelButton} type="button" onClick={cancel} disabled={!running}>
          Cancel
        </button>
      </div>
      {!factory && (
        <p className="notice" role="status">
          This browser cannot run Web Workers, so the experiment cannot run here; the race above still works.
        </p>
      )}

      <div className="seed-progress-row">
        <div
          className="seed-progress"
          role="progressbar"
          aria-label="Seeds finished"
          aria-valuemin={0}
          aria-valuemax={run?.total ?? count}
          aria-valuenow={done}
          aria-valuetext={`${done} of ${run?.total ?? count} seeds`}
        >
          <div className="seed-progress-fill" style={{ width: `${(100 * done) / (run?.total ?? count)}%` }} />
        </div>
        <span className="seed-progress-text" data-testid="seed-progress" aria-hidden="true">
          {done} of {run?.total ?? count}
        </span>
      </div>
      <p className="seed-status" role="status" data-testid="seed-status">
        {statusText(run)}
      </p>

      {run && done > 0 && (
        <>
          <figure className="strip-figure">
            <StripPlot
              label={`Final accuracy on the training points over ${done} seeds: median ${median(summaries.seAccuracy, percent)} for squared error, ${median(summaries.ceAccuracy, percent)} for cross-entropy.`}
              rows={[
                { kind: 'squared-error', name: 'squared error', values: se.accuracy, summary: summaries.seAccuracy },
                { kind: 'cross-entropy', name: 'cross-entropy', values: ce.accuracy, summary: summaries.ceAccuracy },
              ]}
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              digits={2}
              tickText={percent}
            />
            <figcaption>
              Final accuracy on each seed&rsquo;s {SEED_SETTINGS.points} training points, one dot per seed; the box
              spans the middle half, the bar is the median. Higher is better:
              cross-entropy ahead on {accuracyWins.crossEntropy} seeds, squared error on {accuracyWins.squaredError}, tied on{' '}
              {accuracyWins.ties}.
            </figcaption>
          </figure>
          <figure className="strip-figure">
            <StripPlot
              label={`Final log loss over ${done} seeds: median ${median(summaries.seLogLoss, (v) => formatNumber(v, 3))} for squared error, ${median(summaries.ceLogLoss, (v) => formatNumber(v, 3))} for cross-entropy.`}
              rows={[
                { kind: 'squared-error', name: 'squared error', values: se.logLoss, summary: summaries.seLogLoss },
                { kind: 'cross-entropy', name: 'cross-entropy', values: ce.logLoss, summary: summaries.ceLogLoss },
              ]}
              domain={logLossDomain}
              scale="log"
              ticks={logLossTicks}
              digits={0}
              tickText={(v) => formatNumber(v, Math.max(0, -Math.round(Math.log10(v))))}
            />
            <figcaption>
              Final log loss (cross-entropy on the training points, one yardstick for both models), on a log
              scale. Lower is better:
              cross-entropy ahead on {logLossWins.crossEntropy} seeds, squared error on {logLossWins.squaredError}, tied on{' '}
              {logLossWins.ties}.
            </figcaption>
          </figure>
          <SeedSummaryTable summaries={summaries} />
        </>
      )}
    </section>
  );
}

function statusText(run: Run | null): string {
  if (!run) return 'Press Run to train both losses on every seed.';
  const n = run.results.length;
  const what = `${run.settings.steps} steps from ${run.settings.init} random weights`;
  switch (run.status) {
    case 'running':
      return `Running ${run.total} seeds (${what}) in the background…`;
    case 'done':
      return `Done: ${n} seeds, ${what}.`;
    case 'cancelled':
      return `Cancelled after ${n} of ${run.total} seeds; the plots show those ${n}.`;
    case 'error':
      return `The experiment stopped: ${run.error}. Press Run to try again.`;
    default:
      return '';
  }
}
