import { describe, expect, it } from 'vitest';
import { binaryCrossEntropy, binaryCrossEntropyWithLogits, centralDifference, sigmoid, sigmoidGrad, softmax } from '../../../../src/core';
import { bceGradPrediction, bceGradPredictionAtLogit, binaryState, logit, sampleCurve } from '../../../../src/chapters/binary-cross-entropy/binaryCrossEntropyMath';

const E = Math.E;
const GRID = Array.from({ length: 201 }, (_, k) => -10 + k / 10);

describe('binaryCrossEntropyMath', () => {
  it('bceGradPrediction(ŷ, 1) = −1/ŷ and bceGradPrediction(ŷ, 0) = 1/(1 − ŷ)', () => {
    expect(bceGradPrediction(0.25, 1)).toBe(-4);
    expect(bceGradPrediction(0.75, 0)).toBe(4);
    expect(bceGradPrediction(0.5, 1)).toBe(-2);
    expect(bceGradPrediction(0.5, 0)).toBe(2);
  });

  it('bceGradPrediction matches a central difference of −(t ln ŷ + (1 − t) ln(1 − ŷ)) in ŷ', () => {
    for (const p of [0.01, 0.2, 0.5, 0.77, 0.99]) {
      for (const t of [0, 1] as const) {
        const estimate = centralDifference((q) => -(t * Math.log(q) + (1 - t) * Math.log(1 - q)), p, 1e-6);
        expect(bceGradPrediction(p, t)).toBeCloseTo(estimate, 5);
      }
    }
  });

  it('bceGradPredictionAtLogit(z, t) is −(1 + e^{−z}) for t = 1 and 1 + e^{z} for t = 0, to full precision', () => {
    expect(bceGradPredictionAtLogit(-1, 1)).toBeCloseTo(-(1 + E), 14);
    expect(bceGradPredictionAtLogit(-1, 0)).toBeCloseTo(1 + 1 / E, 14);
    // z = 10: 1 − σ(10) by subtraction would lose five digits; σ(−10) keeps them
    expect(Math.abs(bceGradPredictionAtLogit(10, 0) / (1 + Math.exp(10)) - 1)).toBeLessThan(1e-15);
  });

  it('binaryState(z, t): ∂L/∂ŷ · σ′(z) equals ŷ − t over the whole slider range', () => {
    for (const z of GRID) {
      for (const t of [0, 1] as const) {
        const s = binaryState(z, t);
        expect(Math.abs(s.gradPrediction * s.slope - s.gradLogit)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(s.gradLogit - (sigmoid(z) - t))).toBeLessThanOrEqual(1e-15);
      }
    }
  });

  it('binaryState(z, t): the loss from ŷ and the loss from z agree within 1e-10 over the slider range', () => {
    for (const z of GRID) {
      for (const t of [0, 1] as const) {
        const s = binaryState(z, t);
        expect(Math.abs(binaryCrossEntropy([s.yHat], [t]) - s.loss)).toBeLessThanOrEqual(1e-10);
        expect(binaryCrossEntropyWithLogits([z], [t])).toBeCloseTo(s.loss, 12);
      }
    }
  });

  it('binaryState(−1, 1) is the chapter\'s start: ŷ = 1/(1 + e), L = ln(1 + e), σ′ = e/(1 + e)²', () => {
    const s = binaryState(-1, 1);
    expect(s.yHat).toBeCloseTo(1 / (1 + E), 15);
    expect(s.complement).toBeCloseTo(E / (1 + E), 15);
    expect(s.slope).toBeCloseTo(E / (1 + E) ** 2, 15);
    expect(s.loss).toBeCloseTo(Math.log(1 + E), 15);
    expect(s.otherLoss).toBeCloseTo(Math.log(1 + 1 / E), 15);
    expect(s.slope).toBe(sigmoidGrad(-1));
  });

  it('softmax([z, 0])[0] equals σ(z) within 1e-15 over the slider range', () => {
    for (const z of GRID) expect(Math.abs((softmax([z, 0])[0] ?? NaN) - sigmoid(z))).toBeLessThanOrEqual(1e-15);
  });

  it('logit(σ(z)) gives back z', () => {
    for (const z of [-9, -1, 0, 0.5, 7]) expect(logit(sigmoid(z))).toBeCloseTo(z, 10);
    expect(logit(0.5)).toBe(0);
  });

  it('sampleCurve(f, [a, b], n) gives n + 1 points from a to b and leaves out non-finite values', () => {
    const points = sampleCurve((x) => x * x, [-1, 1], 4);
    expect(points).toEqual([[-1, 1], [-0.5, 0.25], [0, 0], [0.5, 0.25], [1, 1]]);
    expect(sampleCurve((x) => 1 / x, [-1, 1], 2)).toEqual([[-1, -1], [1, 1]]);
  });
});
