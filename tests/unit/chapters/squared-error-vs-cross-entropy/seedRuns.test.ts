import { describe, expect, it } from 'vitest';
import { accuracy, logisticLoss } from '../../../../src/core';
import {
  headToHead,
  parseSeedRequest,
  parseSeedResponse,
  runSeed,
  SEED_SETTINGS,
  summarize,
  type SeedResult,
  type SeedSettings,
} from '../../../../src/chapters/squared-error-vs-cross-entropy/seedRuns';

const settings: SeedSettings = { ...SEED_SETTINGS, init: 'large', steps: 50 };

describe('runSeed', () => {
  it('runSeed(7, settings) gives the same numbers every time', () => {
    expect(runSeed(7, settings)).toEqual(runSeed(7, settings));
  });

  it('runSeed on two seeds gives two different data sets or starts', () => {
    expect(runSeed(1, settings)).not.toEqual(runSeed(2, settings));
  });

  it('runSeed with 0 steps reports both losses at the same start: equal accuracy and log loss', () => {
    const r = runSeed(3, { ...settings, steps: 0 });
    expect(r.squaredError.accuracy).toBe(r.crossEntropy.accuracy);
    expect(r.squaredError.logLoss).toBe(r.crossEntropy.logLoss);
    // the log loss of the cross-entropy model is its own loss
    expect(r.crossEntropy.loss).toBe(r.crossEntropy.logLoss);
    // squared error ½(ŷ − t)² is at most ½ per point
    expect(r.squaredError.loss).toBeLessThanOrEqual(0.5);
  });

  it('runSeed with a learning rate of 0 leaves the start unchanged, whatever the steps', () => {
    expect(runSeed(5, { ...settings, steps: 40, learningRate: 0 })).toEqual(runSeed(5, { ...settings, steps: 0, learningRate: 0 }));
  });

  it('runSeed from small weights trains both losses to well above chance on these two clouds', () => {
    const r = runSeed(11, { ...SEED_SETTINGS, init: 'small' });
    expect(r.squaredError.accuracy).toBeGreaterThan(0.75);
    expect(r.crossEntropy.accuracy).toBeGreaterThan(0.75);
    for (const o of [r.squaredError, r.crossEntropy]) {
      expect(o.accuracy).toBeGreaterThanOrEqual(0);
      expect(o.accuracy).toBeLessThanOrEqual(1);
      expect(o.logLoss).toBeGreaterThan(0);
    }
  });

  it('runSeed measures with the core: zero weights would give ln 2 and ½ accuracy on balanced data', () => {
    // a check of the yardstick itself, by hand: σ(0) = ½ for every point
    const X = Float64Array.of(1, 1, -1, -1);
    const t = Float64Array.of(1, 0);
    expect(logisticLoss([0, 0, 0], X, t, 'cross-entropy')).toBeCloseTo(Math.LN2, 15);
    expect(accuracy([0, 0, 0], X, t)).toBe(0.5);
  });
});

describe('the worker message format', () => {
  const request = { type: 'run', runId: 3, seed: 9, settings };

  it('parseSeedRequest accepts a well-formed request and returns an equal copy', () => {
    expect(parseSeedRequest(request)).toEqual(request);
  });

  it.each([
    ['null', null],
    ['a string', 'run'],
    ['an unknown type', { ...request, type: 'stop' }],
    ['a negative seed', { ...request, seed: -1 }],
    ['a fractional seed', { ...request, seed: 1.5 }],
    ['a missing runId', { type: 'run', seed: 1, settings }],
    ['an extra key', { ...request, extra: 1 }],
    ['an unknown init', { ...request, settings: { ...settings, init: 'huge' } }],
    ['too many steps', { ...request, settings: { ...settings, steps: 1e9 } }],
    ['a NaN learning rate', { ...request, settings: { ...settings, learningRate: NaN } }],
    ['one point', { ...request, settings: { ...settings, points: 1 } }],
  ])('parseSeedRequest refuses %s', (_, data) => {
    expect(parseSeedRequest(data)).toBeNull();
  });

  it('parseSeedResponse accepts a result, NaN outcomes included (a diverged run is a result)', () => {
    const result: SeedResult = runSeed(4, settings);
    expect(parseSeedResponse({ type: 'result', runId: 1, result })).toEqual({ type: 'result', runId: 1, result });
    const diverged = { ...result, squaredError: { loss: NaN, logLoss: NaN, accuracy: NaN } };
    expect(parseSeedResponse({ type: 'result', runId: 1, result: diverged })?.type).toBe('result');
  });

  it('parseSeedResponse accepts an error and caps its message at 300 characters', () => {
    const parsed = parseSeedResponse({ type: 'error', runId: 2, message: 'x'.repeat(1000) });
    expect(parsed).toEqual({ type: 'error', runId: 2, message: 'x'.repeat(300) });
  });

  it.each([
    ['a result without outcomes', { type: 'result', runId: 1, result: { seed: 1 } }],
    ['an outcome with a string', { type: 'result', runId: 1, result: { seed: 1, squaredError: { loss: '1', logLoss: 1, accuracy: 1 }, crossEntropy: { loss: 1, logLoss: 1, accuracy: 1 } } }],
    ['an error without a message', { type: 'error', runId: 1 }],
    ['no runId', { type: 'result', result: {} }],
  ])('parseSeedResponse refuses %s', (_, data) => {
    expect(parseSeedResponse(data)).toBeNull();
  });
});

describe('summaries', () => {
  it('summarize([1, 2, 3, 4]) interpolates the quartiles: 1.75, 2.5, 3.25', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ count: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, mean: 2.5 });
  });

  it('summarize ignores NaN and reports NaN for no finite values', () => {
    expect(summarize([NaN, 2]).median).toBe(2);
    expect(summarize([]).median).toBeNaN();
  });

  it('headToHead counts wins, losses and ties', () => {
    const outcome = (accuracy: number) => ({ loss: 0, logLoss: 0, accuracy });
    const results = [
      { seed: 1, squaredError: outcome(0.9), crossEntropy: outcome(0.8) },
      { seed: 2, squaredError: outcome(0.5), crossEntropy: outcome(0.8) },
      { seed: 3, squaredError: outcome(0.8), crossEntropy: outcome(0.8) },
    ];
    expect(headToHead(results, (o) => o.accuracy, true)).toEqual({ squaredError: 1, crossEntropy: 1, ties: 1 });
    expect(headToHead(results, (o) => o.accuracy, false)).toEqual({ squaredError: 1, crossEntropy: 1, ties: 1 });
  });
});
