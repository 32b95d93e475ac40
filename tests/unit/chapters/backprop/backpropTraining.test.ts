import { describe, expect, it } from 'vitest';
import { accuracy, createWorkspace, forward, initNetwork, trainStep, type Network } from '../../../../src/core/network';
import { makeDataset } from '../../../../src/core/datasets';
import { createBackpropStore, shapeOf } from '../../../../src/chapters/backprop/backpropStore';
import { BACKPROP_LIMITS } from '../../../../src/chapters/backprop/backpropLimits';
import { gridPoints, parseTrainingRequest, runTraining, trainingRequest, type TrainingSnapshot } from '../../../../src/chapters/backprop/trainingSession';
import { inlineTrainer, replaySlice, startTrainingLoop } from '../../../../src/chapters/backprop/trainingLoop';

const settings = { learningRate: 0.3, reduction: 'mean' as const, gridSize: 8, extent: 1.5 };

/** The reference: the core's trainStep called directly, n times, on a fresh network. */
function trainDirectly(seed: number, n: number, lr = 0.3, kind: 'blobs' | 'rings' = 'blobs'): Network {
  const data = makeDataset(kind, 150, 1);
  const net = initNetwork(shapeOf(16, 'relu'), seed);
  const ws = createWorkspace(net.shape, data.m);
  for (let s = 0; s < n; s++) trainStep(net, data.x, data.labels, data.m, ws, lr, 'mean');
  return net;
}

const sameParams = (a: Network, b: Network) => {
  for (const k of ['w1', 'b1', 'w2', 'b2'] as const) expect(Array.from(a.params[k])).toEqual(Array.from(b.params[k]));
};

/** Run the loop's frames by hand: each frame() call is queued and run when the test says so. */
function manualFrames(frameMs = 40) {
  const queue: (() => void)[] = [];
  let time = 0;
  return {
    // frames 40 ms apart: each may send a slice (the loop waits at least minSliceMs between slices)
    clock: { frame: (cb: () => void) => queue.push(cb), cancelFrame: () => {}, now: () => time },
    async run(frames: number) {
      for (let f = 0; f < frames; f++) {
        time += frameMs;
        const due = queue.splice(0);
        due.forEach((cb) => cb());
        // the inline trainer answers in a later task
        await new Promise((r) => setTimeout(r, 0));
      }
    },
  };
}

describe('runTraining', () => {
  it('runTraining gives bit-for-bit the weights of calling trainStep directly', () => {
    const data = makeDataset('blobs', 150, 1);
    const start = initNetwork(shapeOf(16, 'relu'), 7);
    const answer = runTraining(trainingRequest(1, start, data, { ...settings, steps: 40, startStep: 0 })) as TrainingSnapshot;
    expect(answer.type).toBe('snapshot');
    expect(answer.step).toBe(40);
    sameParams({ shape: start.shape, params: answer.params }, trainDirectly(7, 40));
  });

  it('runTraining in slices of 3, 7 and 30 steps equals 40 steps at once', () => {
    const data = makeDataset('blobs', 150, 1);
    let net = initNetwork(shapeOf(16, 'relu'), 7);
    let step = 0;
    for (const steps of [3, 7, 30]) {
      const answer = runTraining(trainingRequest(1, net, data, { ...settings, steps, startStep: step })) as TrainingSnapshot;
      net = { shape: net.shape, params: answer.params };
      step = answer.step;
    }
    expect(step).toBe(40);
    sameParams(net, trainDirectly(7, 40));
  });

  it('runTraining reports the loss and accuracy of the weights it returns, and leaves the sent network alone', () => {
    const data = makeDataset('blobs', 150, 1);
    const start = initNetwork(shapeOf(16, 'relu'), 3);
    const before = Array.from(start.params.w1);
    const answer = runTraining(trainingRequest(1, start, data, { ...settings, steps: 5, startStep: 0 })) as TrainingSnapshot;
    expect(Array.from(start.params.w1)).toEqual(before);
    const net = trainDirectly(3, 5);
    const ws = createWorkspace(net.shape, 150);
    expect(answer.loss).toBe(forward(net, data.x, data.labels, 150, ws, 'mean'));
    expect(answer.accuracy).toBe(accuracy(net, data.x, data.labels, 150, ws));
  });

  it('runTraining with a learning rate of 1e300 answers an error instead of non-finite weights', () => {
    const data = makeDataset('spirals', 150, 1);
    const start = initNetwork(shapeOf(16, 'relu'), 3);
    const answer = runTraining(trainingRequest(9, start, data, { ...settings, learningRate: 1e300, steps: 50, startStep: 0 }));
    expect(answer.type).toBe('error');
    expect(answer.id).toBe(9);
    if (answer.type === 'error') expect(answer.message).toMatch(/learning rate is too high/);
  });

  it('gridPoints(2, 1) are the four cell centres from the top-left, by hand', () => {
    expect(Array.from(gridPoints(2, 1))).toEqual([-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
  });

  it('runTraining classifies the grid: on blobs after training, the cell at each blob centre is that blob’s class', () => {
    const data = makeDataset('blobs', 150, 1);
    const start = initNetwork(shapeOf(16, 'relu'), 1);
    const size = 60;
    const answer = runTraining(trainingRequest(1, start, data, { ...settings, gridSize: size, steps: 300, startStep: 0 })) as TrainingSnapshot;
    // the blob centres of src/core/datasets: radius 0.55 at 90°, 210°, 330° for classes 0, 1, 2
    const cellAt = (x: number, y: number) => Math.floor((1.5 - y) / (3 / size)) * size + Math.floor((x + 1.5) / (3 / size));
    [90, 210, 330].forEach((deg, c) => {
      const a = (deg * Math.PI) / 180;
      expect(answer.type === 'snapshot' && answer.regions[cellAt(0.55 * Math.cos(a), 0.55 * Math.sin(a))]).toBe(c);
    });
  });
});

describe('parseTrainingRequest', () => {
  const good = () => trainingRequest(1, initNetwork(shapeOf(4, 'tanh'), 1), makeDataset('rings', 30, 1), { ...settings, steps: 1, startStep: 0 });
  it('parseTrainingRequest accepts a request built by trainingRequest', () => {
    expect(parseTrainingRequest(good())).not.toBeNull();
  });
  it.each([
    ['a wrong type', { type: 'run' }],
    ['a w1 of the wrong length', { w1: new Float64Array(3) }],
    ['a negative learning rate', { learningRate: -1 }],
    ['a non-finite learning rate', { learningRate: Infinity }],
    ['too many steps', { steps: 1_000_000 }],
    ['an unknown activation', { activation: 'gelu' }],
    ['labels of the wrong length', { labels: new Int32Array(2) }],
    ['plain arrays for weights', { w2: [1, 2, 3] }],
  ])('parseTrainingRequest refuses %s', (_, patch) => {
    expect(parseTrainingRequest({ ...good(), ...patch })).toBeNull();
  });
});

describe('startTrainingLoop', () => {
  it('startTrainingLoop playing for 5 frames takes 5 slices of steps, the same as the core directly', async () => {
    const store = createBackpropStore({ initialSeed: 11 });
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    await frames.run(2); // the step-0 evaluation
    expect(store.getState().history).toHaveLength(1);
    store.getState().setRunning(true);
    await frames.run(5);
    store.getState().setRunning(false);
    await frames.run(2);
    expect(store.getState().step).toBe(5 * BACKPROP_LIMITS.stepsPerFrame);
    sameParams(store.getState().network, trainDirectly(11, 5 * BACKPROP_LIMITS.stepsPerFrame));
    loop.stop();
  });

  it('replay retraces the run exactly: the same losses at the same steps', async () => {
    const store = createBackpropStore({ initialSeed: 5, datasetKind: 'rings' });
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    const run = async () => {
      store.getState().setRunning(true);
      await frames.run(4);
      store.getState().setRunning(false);
      await frames.run(2);
    };
    await frames.run(1);
    await run();
    const first = store.getState().history;
    const firstWeights = store.getState().network;
    store.getState().replay();
    expect(store.getState().step).toBe(0);
    expect(store.getState().previousHistory).toBe(first);
    await frames.run(1);
    await run();
    expect(store.getState().history).toEqual(first);
    sameParams(store.getState().network, firstWeights);
    loop.stop();
  });

  it('setHidden twice after a run keeps that run as the previous one, not the step 0 of the network between', async () => {
    const store = createBackpropStore({ initialSeed: 5, datasetKind: 'rings', hidden: 4 });
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    await frames.run(1);
    store.getState().setRunning(true);
    await frames.run(4);
    store.getState().setRunning(false);
    await frames.run(2);
    const trained = store.getState().history;
    expect(trained[trained.length - 1]?.step).toBeGreaterThan(0);
    store.getState().setHidden(5);
    await frames.run(2);
    // the H = 5 network has shown its step 0 and nothing more
    expect(store.getState().history.map((point) => point.step)).toEqual([0]);
    store.getState().setHidden(6);
    expect(store.getState().previousHistory).toBe(trained);
    loop.stop();
  });

  it('at 120 frames a second, playing sends at most one slice per 32 ms (every fourth frame)', async () => {
    expect(BACKPROP_LIMITS.minSliceMs).toBe(32);
    const store = createBackpropStore({ initialSeed: 4 });
    const frames = manualFrames(8.5);
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    await frames.run(1);
    store.getState().setRunning(true);
    await frames.run(40); // 340 ms: slices at most at 0, 34, 68, … ms, so at most 11
    store.getState().setRunning(false);
    await frames.run(2);
    const slices = store.getState().step / BACKPROP_LIMITS.stepsPerFrame;
    expect(Number.isInteger(slices)).toBe(true);
    expect(slices).toBeGreaterThanOrEqual(8);
    expect(slices).toBeLessThanOrEqual(11);
    loop.stop();
  });

  it('step(3) while paused takes exactly three steps', async () => {
    const store = createBackpropStore({ initialSeed: 2 });
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    loop.step(3);
    await frames.run(4);
    expect(store.getState().step).toBe(3);
    sameParams(store.getState().network, trainDirectly(2, 3));
    loop.stop();
  });

  it('an answer for weights replaced meanwhile (reset) is dropped', async () => {
    const store = createBackpropStore({ initialSeed: 2 });
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    loop.step(5);
    frames.run(1); // sends the slice, does not wait for its answer
    store.getState().reset();
    await frames.run(3);
    expect(store.getState().step).toBe(0);
    expect(store.getState().initialSeed).toBe(3);
    sameParams(store.getState().network, initNetwork(shapeOf(16, 'relu'), 3));
    loop.stop();
  });

  it('a run whose weights overflow stops itself with a message and keeps its last finite weights', async () => {
    const store = createBackpropStore({ initialSeed: 2, datasetKind: 'spirals' });
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    await frames.run(1);
    // beyond the slider's range on purpose: the store clamps to 10, so set it as a worker would see it
    store.setState({ learningRate: 1e300 });
    store.getState().setRunning(true);
    await frames.run(5);
    const s = store.getState();
    expect(s.running).toBe(false);
    expect(s.message).toMatch(/learning rate/);
    expect([...s.network.params.w1, ...s.network.params.w2].every(Number.isFinite)).toBe(true);
    loop.stop();
  });

  it('replaySlice grows with the steps taken, a 25th of them, from 20 to 1000, and stops at the target', () => {
    expect(replaySlice(0, 10_000)).toBe(20);
    expect(replaySlice(499, 10_000)).toBe(20);
    expect(replaySlice(1000, 10_000)).toBe(40);
    expect(replaySlice(30_000, 100_000)).toBe(1000);
    expect(replaySlice(990, 1000)).toBe(10);
  });

  it('restore(settings, 700) trains the link’s run to step 700 while paused, bit for bit the core’s, in slices that grow', async () => {
    const store = createBackpropStore();
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    store.getState().restore({ datasetKind: 'rings', initialSeed: 9, hidden: 16, activation: 'relu', learningRate: 0.3, reduction: 'mean' }, 700);
    expect(store.getState().replayTarget).toBe(700);
    await frames.run(60);
    const s = store.getState();
    expect([s.step, s.running]).toEqual([700, false]);
    sameParams(s.network, trainDirectly(9, 700, 0.3, 'rings'));
    // step 0, then slices of 20 up to 500, then a 25th of the steps so far: 500/25 = 20, 520/25 → 20,
    // 540/25 → 21, 561/25 → 22, 583 → 23, 606 → 24, 630 → 25, 655 → 26, and the last 19 to 700
    const bySlices = [...Array.from({ length: 26 }, (_, i) => 20 * i), 520, 540, 561, 583, 606, 630, 655, 681, 700];
    expect(s.history.map((p) => p.step)).toEqual(bySlices);
    loop.stop();
  });

  it('Play during a replay ends it: the learner has taken over, and Pause does not resume it', async () => {
    const store = createBackpropStore();
    const frames = manualFrames();
    const loop = startTrainingLoop(store, inlineTrainer(), frames.clock);
    store.getState().restore({ datasetKind: 'blobs', initialSeed: 1, hidden: 16, activation: 'relu', learningRate: 0.3, reduction: 'mean' }, 5000);
    await frames.run(3);
    store.getState().setRunning(true);
    expect(store.getState().replayTarget).toBe(0);
    await frames.run(2);
    store.getState().setRunning(false);
    await frames.run(3);
    const paused = store.getState().step;
    await frames.run(3);
    expect(store.getState().step).toBe(paused);
    expect(paused).toBeLessThan(5000);
    loop.stop();
  });

  it('a custom set restored with no points has nothing to train: restore(…, 50) stays at step 0 with no replay', () => {
    const store = createBackpropStore();
    store.getState().restore({ datasetKind: 'custom', initialSeed: 1, hidden: 16, activation: 'relu', learningRate: 0.3, reduction: 'mean' }, 50);
    expect([store.getState().dataset.m, store.getState().step, store.getState().replayTarget]).toEqual([0, 0, 0]);
  });
});
