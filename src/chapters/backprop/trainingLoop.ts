import type { BatchReduction, Network } from '../../core/network';
import type { Dataset } from '../../core/datasets';
import { BACKPROP_LIMITS } from './backpropLimits';
import { effectiveBatchSize, type BackpropStore } from './backpropStore';
import { MAX_STEPS_PER_REQUEST, runTraining, trainingRequest, type TrainingRequest, type TrainingResponse } from './trainingSession';

/** Where training slices run: a Web Worker on the page, the same function in place elsewhere. */
export interface Trainer {
  send(request: TrainingRequest): void;
  /** set by the loop: called with each answer, in order */
  onResponse: ((response: TrainingResponse) => void) | null;
  dispose(): void;
}

/** A trainer on a Web Worker running backpropTraining.worker.ts. */
export function workerTrainer(worker: Worker): Trainer {
  const trainer: Trainer = {
    send: (request) => worker.postMessage(request),
    onResponse: null,
    dispose: () => worker.terminate(),
  };
  worker.onmessage = (event: MessageEvent<TrainingResponse>) => trainer.onResponse?.(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    trainer.onResponse?.({ type: 'error', id: -1, message: event.message || 'the training worker stopped with an error' });
  };
  return trainer;
}

/** The same slices run on this thread, answered in a later task (as a worker would): tests, no-worker pages. */
export function inlineTrainer(): Trainer {
  let disposed = false;
  const trainer: Trainer = {
    send: (request) => {
      setTimeout(() => {
        if (!disposed) trainer.onResponse?.(runTraining(request));
      }, 0);
    },
    onResponse: null,
    dispose: () => {
      disposed = true;
    },
  };
  return trainer;
}

export interface TrainingLoop {
  /** take n single steps (the Step button); they queue while a slice is out */
  step(n: number): void;
  stop(): void;
}

/** When frames come and what time it is: the page's by default, a test's own in tests. */
export interface LoopClock {
  frame(callback: () => void): number;
  cancelFrame(handle: number): void;
  now(): number;
}

const DEFAULT_CLOCK: LoopClock = {
  frame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (h) => cancelAnimationFrame(h),
  now: () => performance.now(),
};

interface Sent {
  id: number;
  network: Network;
  dataset: Dataset;
  reduction: BatchReduction;
}

/**
 * The next slice of a replay from `step` towards `target`: a 25th of the steps so far, so the curves
 * get a point every 20 steps early on, where they bend, and a run of 100 000 steps replays in about
 * 200 slices rather than 5 000.
 */
export function replaySlice(step: number, target: number): number {
  const size = Math.min(MAX_STEPS_PER_REQUEST, Math.max(BACKPROP_LIMITS.stepsPerFrame, Math.floor(step / BACKPROP_LIMITS.replayDetail)));
  return Math.min(size, target - step);
}

/**
 * Drives training from the store: while `running`, one slice of `stepsPerFrame` steps per animation
 * frame (at most one per `minSliceMs`), with never more than one slice out, so answers arrive at most once a frame and a slow trainer
 * slows training, not the page. When anything the picture depends on changes (weights replaced, points
 * edited, reduction), a zero-step slice re-evaluates loss, gradient and regions. An answer for weights
 * or points that have changed since it was sent is dropped. While paused with a `replayTarget` ahead
 * (a run restored from a link), it trains towards it in replaySlice()s, one per frame.
 */
export function startTrainingLoop(store: BackpropStore, trainer: Trainer, clock: Partial<LoopClock> = {}): TrainingLoop {
  const { frame, cancelFrame, now } = { ...DEFAULT_CLOCK, ...clock };
  let lastSent = -Infinity;
  let nextId = 1;
  let inflight: Sent | null = null;
  let evaluated: Omit<Sent, 'id'> | null = null;
  let queuedSteps = 0;
  let scheduled: number | null = null;
  let stopped = false;

  const upToDate = () => {
    const s = store.getState();
    return evaluated !== null && evaluated.network === s.network && evaluated.dataset === s.dataset && evaluated.reduction === s.reduction;
  };

  const pump = () => {
    scheduled = null;
    if (stopped || inflight) return;
    const s = store.getState();
    let steps = 0;
    if (s.dataset.m === 0) queuedSteps = 0;
    else if (s.running) steps = BACKPROP_LIMITS.stepsPerFrame;
    // a replay evaluates step 0 first, so that its curves start where the learner's did
    else if (s.step < s.replayTarget) steps = s.history.length === 0 ? 0 : replaySlice(s.step, s.replayTarget);
    else if (queuedSteps > 0) {
      steps = Math.min(queuedSteps, BACKPROP_LIMITS.stepsPerFrame);
      queuedSteps -= steps;
    }
    if (steps === 0 && upToDate()) return;
    // While playing, at most one slice per `minSliceMs`: each answer redraws the plots, and a page
    // redrawing them at every frame has no frame time left for the learner's sliders.
    if (s.running && now() - lastSent < BACKPROP_LIMITS.minSliceMs) {
      schedule();
      return;
    }
    lastSent = now();
    const id = nextId++;
    inflight = { id, network: s.network, dataset: s.dataset, reduction: s.reduction };
    trainer.send(
      trainingRequest(id, s.network, s.dataset, {
        learningRate: s.learningRate,
        reduction: s.reduction,
        // the batch size and the shuffle decide only the steps to come, not the weights now shown
        batchSize: effectiveBatchSize(s),
        seed: s.initialSeed,
        steps,
        startStep: s.step,
        gridSize: BACKPROP_LIMITS.grid,
        extent: BACKPROP_LIMITS.extent,
      }),
    );
  };

  const schedule = () => {
    if (!stopped && scheduled === null) scheduled = frame(pump);
  };


  trainer.onResponse = (response) => {
    if (stopped) return;
    const sent = inflight;
    if (response.id !== -1 && sent?.id !== response.id) return;
    inflight = null;
    const s = store.getState();
    const current = sent !== null && sent.network === s.network && sent.dataset === s.dataset && sent.reduction === s.reduction;
    if (response.type === 'error') {
      queuedSteps = 0;
      if (current || response.id === -1) {
        s.setRunning(false);
        s.endReplay();
        s.setMessage(`Training stopped: ${response.message}. Lower the learning rate and press Replay.`);
        evaluated = { network: s.network, dataset: s.dataset, reduction: s.reduction };
      }
    } else if (current) {
      const network: Network = { shape: s.network.shape, params: response.params };
      evaluated = { network, dataset: s.dataset, reduction: s.reduction };
      s.applySnapshot({ network, step: response.step, loss: response.loss, accuracy: response.accuracy, gradients: response.gradients, regions: response.regions });
    }
    schedule();
  };

  const unsubscribe = store.subscribe(() => {
    if (!inflight) schedule();
  });
  schedule();

  return {
    step(n) {
      if (Number.isInteger(n) && n > 0) {
        queuedSteps += n;
        schedule();
      }
    },
    stop() {
      stopped = true;
      unsubscribe();
      if (scheduled !== null) cancelFrame(scheduled);
      trainer.onResponse = null;
      trainer.dispose();
    },
  };
}
