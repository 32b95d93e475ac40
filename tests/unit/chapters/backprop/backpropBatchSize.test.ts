import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../../src/core/datasets';
import { createMinibatchWorkspace, trainMinibatches } from '../../../../src/core/minibatch';
import { createWorkspace, initNetwork, trainStep, type Network } from '../../../../src/core/network';
import { BACKPROP_LIMITS } from '../../../../src/chapters/backprop/backpropLimits';
import { BACKPROP_TRAINER_STATE } from '../../../../src/chapters/backprop/backpropState';
import { createBackpropStore, effectiveBatchSize, shapeOf } from '../../../../src/chapters/backprop/backpropStore';
import { parseTrainingRequest, runTraining, trainingRequest, type TrainingSnapshot } from '../../../../src/chapters/backprop/trainingSession';
import { readWidgetState } from '../../../../src/url/stateSchema';

const settings = { learningRate: 0.3, reduction: 'mean' as const, gridSize: 8, extent: 1.5 };

const sameParams = (a: Network['params'], b: Network['params']) => {
  for (const k of ['w1', 'b1', 'w2', 'b2'] as const) expect(Array.from(a[k])).toEqual(Array.from(b[k]));
};

describe('the store’s batch size', () => {
  it('starts as full batch: batchSize is maxPoints, so a step takes all 150 points', () => {
    const store = createBackpropStore();
    expect(store.getState().batchSize).toBe(BACKPROP_LIMITS.maxPoints);
    expect(effectiveBatchSize(store.getState())).toBe(150);
  });

  it('setBatchSize(10) takes 10; setBatchSize(150) or more on 150 points is kept as full batch (maxPoints)', () => {
    const store = createBackpropStore();
    store.getState().setBatchSize(10);
    expect(store.getState().batchSize).toBe(10);
    store.getState().setBatchSize(150);
    expect(store.getState().batchSize).toBe(BACKPROP_LIMITS.maxPoints);
    store.getState().setBatchSize(10);
    store.getState().setBatchSize(100_000);
    expect(store.getState().batchSize).toBe(BACKPROP_LIMITS.maxPoints);
  });

  it.each([0, -3, 2.5, NaN])('setBatchSize(%s) is refused with a message and the last batch size stays', (bad) => {
    const store = createBackpropStore();
    store.getState().setBatchSize(10);
    store.getState().setBatchSize(bad);
    expect(store.getState().batchSize).toBe(10);
    expect(store.getState().message).toBe('The batch size must be a whole number from 1 to the number of points; it stays 10.');
  });

  it('deleting points below the batch size makes a step take them all (min(B, m)), and adding some back restores B', () => {
    const store = createBackpropStore();
    store.getState().setBatchSize(4);
    for (let i = 149; i >= 3; i--) store.getState().deletePoint(i);
    expect(effectiveBatchSize(store.getState())).toBe(3);
    store.getState().addPoint(0, 0, 1);
    store.getState().addPoint(0.5, 0, 2);
    expect(effectiveBatchSize(store.getState())).toBe(4);
  });

  it('a batch size change keeps the run (it decides the steps to come, as the learning rate)', () => {
    const store = createBackpropStore();
    const network = store.getState().network;
    store.getState().setBatchSize(7);
    expect(store.getState().network).toBe(network);
  });
});

describe('the trainer’s address key batch', () => {
  const read = (query: string) => readWidgetState(BACKPROP_TRAINER_STATE, new URLSearchParams(query)).value.batch;
  it('batch=10 reads 10; no key reads maxPoints (full batch on any set); batch=2.5 is refused; batch=0 and batch=999 are clamped to 1 and maxPoints', () => {
    expect(read('batch=10')).toBe(10);
    expect(read('')).toBe(BACKPROP_LIMITS.maxPoints);
    expect(read('batch=2.5')).toBe(BACKPROP_LIMITS.maxPoints);
    expect(read('batch=0')).toBe(1);
    expect(read('batch=999')).toBe(BACKPROP_LIMITS.maxPoints);
  });
});

describe('runTraining with a batch size', () => {
  const data = makeDataset('blobs', 150, 1);

  it('runTraining in slices of 20 from step 0 to 60 with batch size 10 gives the core’s trainMinibatches weights after 60 steps', () => {
    let net = initNetwork(shapeOf(16, 'relu'), 4);
    for (let step = 0; step < 60; step += 20) {
      const answer = runTraining(trainingRequest(1, net, data, { ...settings, batchSize: 10, seed: 4, steps: 20, startStep: step })) as TrainingSnapshot;
      expect(answer.type).toBe('snapshot');
      expect(answer.step).toBe(step + 20);
      net = { shape: net.shape, params: answer.params };
    }
    const direct = initNetwork(shapeOf(16, 'relu'), 4);
    trainMinibatches(direct, data.x, data.labels, 150, createMinibatchWorkspace(direct.shape, 150), {
      batchSize: 10,
      learningRate: 0.3,
      reduction: 'mean',
      seed: 4,
      startStep: 0,
      steps: 60,
    });
    sameParams(net.params, direct.params);
  });

  it('runTraining without a batch size (full batch) is trainStep, as before', () => {
    const start = initNetwork(shapeOf(16, 'relu'), 2);
    const answer = runTraining(trainingRequest(1, start, data, { ...settings, steps: 25, startStep: 0 })) as TrainingSnapshot;
    const direct = initNetwork(shapeOf(16, 'relu'), 2);
    const ws = createWorkspace(direct.shape, 150);
    for (let s = 0; s < 25; s++) trainStep(direct, data.x, data.labels, 150, ws, 0.3, 'mean');
    sameParams(answer.params, direct.params);
  });

  it('trainingRequest takes min(batchSize, m): 500 on 150 points asks for 150', () => {
    const request = trainingRequest(1, initNetwork(shapeOf(4, 'relu'), 1), data, { ...settings, batchSize: 500, steps: 1, startStep: 0 });
    expect(request.batchSize).toBe(150);
  });

  it.each([
    ['batch size 0', { batchSize: 0 }],
    ['batch size above m', { batchSize: 151 }],
    ['a fractional batch size', { batchSize: 2.5 }],
    ['a fractional seed', { seed: 0.5 }],
    ['no seed', { seed: undefined }],
  ])('parseTrainingRequest refuses %s', (_, patch) => {
    const good = trainingRequest(1, initNetwork(shapeOf(4, 'relu'), 1), data, { ...settings, batchSize: 10, seed: 1, steps: 1, startStep: 0 });
    expect(parseTrainingRequest(good)).not.toBeNull();
    expect(parseTrainingRequest({ ...good, ...patch })).toBeNull();
  });
});
