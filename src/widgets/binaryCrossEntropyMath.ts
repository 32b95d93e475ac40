import { binaryCrossEntropyGradZ, binaryCrossEntropyLossZ, sigmoid, sigmoidGrad } from '../core';

/**
 * What the binary chapter needs beyond the core: the derivative of BCE in the prediction ŷ (the core
 * differentiates in z only), and every number of one state of the chapter, computed once.
 */

export type BinaryTarget = 0 | 1;

/**
 * ∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ) for ŷ in (0, 1): the piecewise derivative, −1/ŷ for t = 1 and
 * 1/(1 − ŷ) for t = 0. Infinite at the end of (0, 1) where the label says the prediction is wrong.
 */
export function bceGradPrediction(yHat: number, t: BinaryTarget): number {
  return t === 1 ? -1 / yHat : 1 / (1 - yHat);
}

/**
 * ∂L/∂ŷ at ŷ = σ(z), from z: 1 − σ(z) is taken as σ(−z), so that for z = 10 and t = 0 it is
 * 1 + e¹⁰ to full accuracy, where 1/(1 − ŷ) would have lost five digits to the subtraction.
 */
export function bceGradPredictionAtLogit(z: number, t: BinaryTarget): number {
  return t === 1 ? -1 / sigmoid(z) : 1 / sigmoid(-z);
}

/** Every number the binary explorer shows for one (z, t). */
export interface BinaryState {
  z: number;
  t: BinaryTarget;
  /** ŷ = σ(z) and 1 − ŷ = σ(−z) */
  yHat: number;
  complement: number;
  /** σ′(z) = ŷ(1 − ŷ) */
  slope: number;
  /** L = BCE(ŷ, t), and the loss the other label would give */
  loss: number;
  otherLoss: number;
  /** ∂L/∂ŷ and ∂L/∂z = ŷ − t */
  gradPrediction: number;
  gradLogit: number;
}

export function binaryState(z: number, t: BinaryTarget): BinaryState {
  const other: BinaryTarget = t === 1 ? 0 : 1;
  return {
    z,
    t,
    yHat: sigmoid(z),
    complement: sigmoid(-z),
    slope: sigmoidGrad(z),
    loss: binaryCrossEntropyLossZ(z, t),
    otherLoss: binaryCrossEntropyLossZ(z, other),
    gradPrediction: bceGradPredictionAtLogit(z, t),
    gradLogit: binaryCrossEntropyGradZ(z, t),
  };
}

/** n + 1 evenly spaced samples of f on [a, b], for a curve; non-finite values are left out. */
export function sampleCurve(f: (x: number) => number, [a, b]: readonly [number, number], n = 160): [number, number][] {
  const points: [number, number][] = [];
  for (let k = 0; k <= n; k++) {
    const x = a + ((b - a) * k) / n;
    const y = f(x);
    if (Number.isFinite(y)) points.push([x, y]);
  }
  return points;
}

/** The logit whose sigmoid is ŷ, log(ŷ / (1 − ŷ)): how a drag along a ŷ axis becomes a z. */
export function logit(yHat: number): number {
  return Math.log(yHat) - Math.log1p(-yHat);
}
