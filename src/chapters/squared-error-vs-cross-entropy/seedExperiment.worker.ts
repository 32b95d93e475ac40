import { parseSeedRequest, runSeed, type SeedResponse } from './seedRuns';

/**
 * One worker of the many-seed experiment: it checks each request against the message format, runs
 * the seed with the core's functions (through the pure runner) and posts the result back. Nothing
 * else: the pool in seedPool.ts decides what runs where.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: SeedResponse): void;
};

scope.onmessage = (event) => {
  const request = parseSeedRequest(event.data);
  if (!request) {
    const raw = event.data as { runId?: unknown } | null;
    const runId = Number.isInteger(raw?.runId) && (raw?.runId as number) >= 0 ? (raw?.runId as number) : 0;
    scope.postMessage({ type: 'error', runId, message: 'the worker was sent a request it does not understand' });
    return;
  }
  try {
    scope.postMessage({ type: 'result', runId: request.runId, result: runSeed(request.seed, request.settings) });
  } catch (error) {
    scope.postMessage({ type: 'error', runId: request.runId, message: error instanceof Error ? error.message : String(error) });
  }
};
