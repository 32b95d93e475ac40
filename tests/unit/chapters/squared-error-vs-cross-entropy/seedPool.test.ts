import { describe, expect, it } from 'vitest';
import { parseSeedRequest, runSeed, SEED_SETTINGS, type SeedResult, type SeedSettings } from '../../../../src/chapters/squared-error-vs-cross-entropy/seedRuns';
import { poolSize, runSeedPool, type WorkerLike } from '../../../../src/chapters/squared-error-vs-cross-entropy/seedPool';

const settings: SeedSettings = { ...SEED_SETTINGS, init: 'small', steps: 5 };

/** A worker that answers on the next macrotask, through the same message format as the real one. */
class FakeWorker implements WorkerLike {
  static created: FakeWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: number[] = [];
  constructor(private readonly answer: (data: unknown) => unknown = defaultAnswer) {
    FakeWorker.created.push(this);
  }
  postMessage(message: unknown) {
    const request = parseSeedRequest(message);
    if (request) this.received.push(request.seed);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: this.answer(message) } as MessageEvent);
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}
function defaultAnswer(message: unknown) {
  const r = parseSeedRequest(message);
  return r ? { type: 'result', runId: r.runId, result: runSeed(r.seed, r.settings) } : { type: 'error', runId: 0, message: 'bad' };
}

function run(seeds: number[], size: number, answer?: (data: unknown) => unknown) {
  FakeWorker.created = [];
  const results: SeedResult[] = [];
  let error = '';
  const finished = new Promise<void>((resolve) => {
    runSeedPool({
      runId: 1,
      seeds,
      settings,
      size,
      createWorker: () => new FakeWorker(answer),
      onResult: (r) => results.push(r),
      onDone: () => resolve(),
      onError: (m) => {
        error = m;
        resolve();
      },
    });
  });
  return finished.then(() => ({ results, error }));
}

describe('the seed worker pool', () => {
  it('poolSize follows the cores, at least 1 and at most 4', () => {
    expect(poolSize(2)).toBe(2);
    expect(poolSize(16)).toBe(4);
    expect(poolSize(undefined)).toBe(2);
    expect(poolSize(0)).toBe(2);
    expect(poolSize(1)).toBe(1);
  });

  it('runSeedPool runs every seed once across 3 workers, with the runner’s own results, and terminates them', async () => {
    const { results, error } = await run([1, 2, 3, 4, 5, 6, 7], 3);
    expect(error).toBe('');
    expect(results.map((r) => r.seed).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(results.find((r) => r.seed === 4)).toEqual(runSeed(4, settings));
    expect(FakeWorker.created).toHaveLength(3);
    expect(FakeWorker.created.flatMap((w) => w.received).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(FakeWorker.created.every((w) => w.terminated)).toBe(true);
  });

  it('runSeedPool starts no more workers than there are seeds', async () => {
    await run([1, 2], 4);
    expect(FakeWorker.created).toHaveLength(2);
  });

  it('runSeedPool stops with an error on a message outside the format', async () => {
    const { error } = await run([1, 2, 3], 2, () => ({ type: 'result', runId: 1, result: 'nonsense' }));
    expect(error).toMatch(/does not understand/);
    expect(FakeWorker.created.every((w) => w.terminated)).toBe(true);
  });

  it('runSeedPool passes on the error a worker reports', async () => {
    const { error } = await run([1], 1, () => ({ type: 'error', runId: 1, message: 'out of memory' }));
    expect(error).toBe('out of memory');
  });

  it('cancel() terminates the workers and no result arrives after it', async () => {
    FakeWorker.created = [];
    const results: SeedResult[] = [];
    const cancel = runSeedPool({
      runId: 2,
      seeds: [1, 2, 3],
      settings,
      size: 2,
      createWorker: () => new FakeWorker(),
      onResult: (r) => results.push(r),
      onDone: () => results.push({} as SeedResult),
      onError: () => results.push({} as SeedResult),
    });
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(results).toEqual([]);
    expect(FakeWorker.created.every((w) => w.terminated)).toBe(true);
  });
});
