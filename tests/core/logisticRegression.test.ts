import { describe, expect, it } from 'vitest';
import { accuracy, logisticLoss, logisticLossGrad, logisticStep, numericalGradient } from '../../src/core';
import { blobs, expectRelClose, fc } from './helpers';

type Loss = 'cross-entropy' | 'squared-error';
const LOSSES: Loss[] = ['cross-entropy', 'squared-error'];

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const weights = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 });
const dataSet = fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 30 })).map(([seed, n]) => blobs(seed, n));

describe('logisticLoss', () => {
  it('at w = 0 every prediction is ½: cross-entropy ln 2, squared error 1/8, accuracy = share of class 1', () => {
    const { X, t } = blobs(1, 50);
    expect(logisticLoss([0, 0, 0], X, t, 'cross-entropy')).toBe(Math.LN2);
    expect(logisticLoss([0, 0, 0], X, t, 'squared-error')).toBe(0.125);
    expect(accuracy([0, 0, 0], X, t)).toBe(t.reduce((s, v) => s + v, 0) / 50);
  });

  it('logisticLoss is the mean of the per-point textbook losses (moderate logits)', () => {
    fc.assert(
      fc.property(weights, dataSet, (w, { X, t }) => {
        let ce = 0;
        let se = 0;
        for (let i = 0; i < t.length; i++) {
          const p = sigma(w[0]! * X[2 * i]! + w[1]! * X[2 * i + 1]! + w[2]!);
          ce += -(t[i]! * Math.log(p) + (1 - t[i]!) * Math.log(1 - p));
          se += 0.5 * (p - t[i]!) ** 2;
        }
        expectRelClose([logisticLoss(w, X, t, 'cross-entropy'), logisticLoss(w, X, t, 'squared-error')], [ce / t.length, se / t.length], 1e-12, 1e-15);
      }),
    );
  });

  it('a confidently wrong model has a large finite cross-entropy but a squared error of at most ½', () => {
    const X = Float64Array.of(1, 1);
    const t = Float64Array.of(1);
    expect(logisticLoss([-500, -500, 0], X, t, 'cross-entropy')).toBe(1000);
    expect(logisticLoss([-500, -500, 0], X, t, 'squared-error')).toBe(0.5);
  });
});

describe('logisticLossGrad', () => {
  it('logisticLossGrad(w, X, t, cross-entropy) = mean (σ(w·x̃) − t)·x̃', () => {
    fc.assert(
      fc.property(weights, dataSet, (w, { X, t }) => {
        const expected = [0, 0, 0];
        for (let i = 0; i < t.length; i++) {
          const g = sigma(w[0]! * X[2 * i]! + w[1]! * X[2 * i + 1]! + w[2]!) - t[i]!;
          expected[0]! += (g * X[2 * i]!) / t.length;
          expected[1]! += (g * X[2 * i + 1]!) / t.length;
          expected[2]! += g / t.length;
        }
        expectRelClose(logisticLossGrad(w, X, t, 'cross-entropy'), expected, 1e-12, 1e-15);
      }),
    );
  });

  it('logisticLossGrad agrees with central differences of logisticLoss, for both losses', () => {
    fc.assert(
      fc.property(weights, dataSet, fc.constantFrom(...LOSSES), (w, { X, t }, loss) => {
        const numeric = numericalGradient((v) => logisticLoss(v, X, t, loss), w, 1e-5);
        expectRelClose(logisticLossGrad(w, X, t, loss), numeric, 1e-6, 1e-9);
      }),
    );
  });
});

describe('logisticStep and accuracy', () => {
  it('logisticStep(w, …, η) = w − η·logisticLossGrad and leaves w unchanged', () => {
    const { X, t } = blobs(5, 20);
    const w = Object.freeze([0.5, -0.25, 0.1]) as readonly number[];
    for (const loss of LOSSES) {
      const grad = logisticLossGrad(w, X, t, loss);
      const next = logisticStep(w, X, t, loss, 0.3);
      expect(Array.from(next)).toEqual(w.map((v, k) => v - 0.3 * grad[k]!));
    }
    expect(w).toEqual([0.5, -0.25, 0.1]);
    expect(Array.from(logisticStep(w, X, t, 'cross-entropy', 0))).toEqual([0.5, -0.25, 0.1]);
  });

  it('a small logisticStep never increases the loss', () => {
    fc.assert(
      fc.property(weights, dataSet, fc.constantFrom(...LOSSES), (w, { X, t }, loss) => {
        const before = logisticLoss(w, X, t, loss);
        expect(logisticLoss(logisticStep(w, X, t, loss, 0.01), X, t, loss)).toBeLessThanOrEqual(before + 1e-15);
      }),
    );
  });

  it('gradient descent on cross-entropy separates two well-apart blobs (accuracy 1)', () => {
    const { X, t } = blobs(7, 100, 0.3);
    let w: ArrayLike<number> = [0, 0, 0];
    for (let step = 0; step < 200; step++) w = logisticStep(w, X, t, 'cross-entropy', 1);
    expect(accuracy(w, X, t)).toBe(1);
    expect(logisticLoss(w, X, t, 'cross-entropy')).toBeLessThan(0.01);
  });

  it('the training race: from a confidently wrong start, cross-entropy recovers and squared error stalls', () => {
    const { X, t } = blobs(8, 100, 0.3);
    let ce: ArrayLike<number> = [-8, -8, 0];
    let se: ArrayLike<number> = [-8, -8, 0];
    for (let step = 0; step < 50; step++) {
      ce = logisticStep(ce, X, t, 'cross-entropy', 1);
      se = logisticStep(se, X, t, 'squared-error', 1);
    }
    expect(accuracy(ce, X, t)).toBe(1);
    expect(accuracy(se, X, t)).toBeLessThan(0.1);
  });

  it('accuracy counts z ≥ 0 as class 1 and t ≥ ½ as class 1', () => {
    const X = Float64Array.of(1, 0, -1, 0, 0, 0, 2, 0);
    expect(accuracy([1, 0, 0], X, Float64Array.of(1, 0, 1, 1))).toBe(1);
    expect(accuracy([1, 0, 0], X, Float64Array.of(0, 0, 0, 0.7))).toBe(0.5);
  });

  it('accuracy([2, −1, ½], …) uses z = 2x₁ − x₂ + ½ and t = ½ as class 1: three points, all right', () => {
    // by hand: (0, 0) → z = ½; (2, 4.25) → 4 − 4.25 + ½ = ¼; (1, 3) → 2 − 3 + ½ = −½.
    // Dropping b, dividing by x₁ or reading t = ½ as class 0 each gets a point wrong.
    const X = Float64Array.of(0, 0, 2, 4.25, 1, 3);
    expect(accuracy([2, -1, 0.5], X, Float64Array.of(1, 0.5, 0))).toBe(1);
    expect(accuracy([2, -1, -0.5], X, Float64Array.of(1, 0.5, 0))).toBe(1 / 3); // z = −½, −¾, −1½
  });
});

describe('logistic regression: bad input and NaN', () => {
  const X = Float64Array.of(1, 2, 3, 4);
  const t = Float64Array.of(0, 1);
  const cases: [string, () => unknown, RegExp][] = [
    ['w of length 2', () => logisticLoss([1, 2], X, t, 'cross-entropy'), /logisticLoss: w has length 2 but must be \[w1, w2, b\] \(length 3\)/],
    ['X not n × 2', () => logisticLossGrad([0, 0, 0], X.subarray(1), t, 'squared-error'), /logisticLossGrad: X has length 3 but n × 2 = 4 for the n = 2 targets/],
    ['target outside [0, 1]', () => accuracy([0, 0, 0], X, Float64Array.of(0, 2)), /accuracy: target t\[1\] = 2 is outside \[0, 1\]/],
    ['negative target', () => logisticLoss([0, 0, 0], X, Float64Array.of(-0.5, 1), 'cross-entropy'), /logisticLoss: target t\[0\] = -0.5 is outside \[0, 1\]/],
    ['target outside [0, 1] in a step', () => logisticStep([0, 0, 0], X, Float64Array.of(1.5, 0), 'cross-entropy', 0.1), /^logisticStep: target t\[0\] = 1.5/],
    ['unknown loss', () => logisticLoss([0, 0, 0], X, t, 'hinge' as 'cross-entropy'), /loss hinge is not 'cross-entropy' or 'squared-error'/],
    ['negative learning rate', () => logisticStep([0, 0, 0], X, t, 'cross-entropy', -1), /logisticStep: learningRate -1 is not a finite number ≥ 0/],
    ['infinite learning rate', () => logisticStep([0, 0, 0], X, t, 'cross-entropy', Infinity), /learningRate Infinity/],
  ];
  for (const [name, call, message] of cases) {
    it(`${name} throws RangeError(${message.source.slice(0, 40)}…)`, () => {
      expect(call).toThrow(RangeError);
      expect(call).toThrow(message);
    });
  }

  it('NaN in gives NaN out; an empty data set gives NaN', () => {
    expect(logisticLoss([NaN, 0, 0], X, t, 'cross-entropy')).toBeNaN();
    expect(logisticLossGrad([0, 0, 0], Float64Array.of(NaN, 2, 3, 4), t, 'squared-error')[0]).toBeNaN();
    expect(accuracy([0, 0, 0], X, Float64Array.of(NaN, 1))).toBeNaN();
    expect(logisticStep([0, 0, 0], X, t, 'cross-entropy', NaN).every(Number.isNaN)).toBe(true);
    expect(logisticLoss([0, 0, 0], new Float64Array(0), new Float64Array(0), 'cross-entropy')).toBeNaN();
    expect(accuracy([0, 0, 0], new Float64Array(0), new Float64Array(0))).toBeNaN();
  });
});
