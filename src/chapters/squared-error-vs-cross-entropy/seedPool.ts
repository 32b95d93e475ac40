import { parseSeedResponse, type SeedRequest, type SeedResult, type SeedSettings } from './seedRuns';

/**
 * A pool of Web Workers running the many-seed experiment off the main thread. Each worker gets one
 * seed at a time and the next as soon as it answers, so a slow seed never holds the others up and the
 * page hears of every seed as it finishes. Cancel terminates the workers at once: a seed half done is
 * simply dropped. No React here; the widget and the tests drive it with any worker-like object.
 */

/** The part of a Worker the pool uses, so tests can hand it a fake. */
export interface WorkerLike {
  postMessage(message: SeedRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

export interface PoolRun {
  runId: number;
  seeds: readonly number[];
  settings: SeedSettings;
  /** how many workers at most; fewer when there are fewer seeds */
  size: number;
  createWorker: WorkerFactory;
  onResult(result: SeedResult): void;
  onDone(): void;
  onError(message: string): void;
}

/** The pool size: one worker per core, at least one, at most `cap` (the page keeps a core for itself). */
export function poolSize(hardwareConcurrency: number | undefined, cap = 4): number {
  const cores = Number.isInteger(hardwareConcurrency) && (hardwareConcurrency as number) > 0 ? (hardwareConcurrency as number) : 2;
  return Math.max(1, Math.min(cores, cap));
}

/** Start a run; returns cancel(). After done, error or cancel, no callback is called again. */
export function runSeedPool(run: PoolRun): () => void {
  const queue = [...run.seeds];
  const workers: WorkerLike[] = [];
  let pending = run.seeds.length;
  let over = false;

  const stop = () => {
    over = true;
    for (const w of workers) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
  };
  const fail = (message: string) => {
    if (over) return;
    stop();
    run.onError(message);
  };
  const feed = (worker: WorkerLike) => {
    const seed = queue.shift();
    if (seed !== undefined) worker.postMessage({ type: 'run', runId: run.runId, seed, settings: run.settings });
  };

  if (pending === 0) {
    run.onDone();
    return () => {};
  }
  try {
    for (let i = 0; i < Math.min(run.size, run.seeds.length); i++) {
      const worker = run.createWorker();
      workers.push(worker);
      worker.onmessage = (event) => {
        if (over) return;
        const response = parseSeedResponse(event.data);
        if (!response) return fail('a worker sent a message the page does not understand');
        if (response.runId !== run.runId) return; // a late answer from an earlier run
        if (response.type === 'error') return fail(response.message);
        run.onResult(response.result);
        pending -= 1;
        if (pending === 0) {
          stop();
          run.onDone();
        } else feed(worker);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        fail(event.message || 'a worker stopped with an error');
      };
      worker.onmessageerror = () => fail('a worker message could not be read');
      feed(worker);
    }
  } catch (error) {
    fail(error instanceof Error ? error.message : 'the workers could not be started');
  }
  return stop;
}
