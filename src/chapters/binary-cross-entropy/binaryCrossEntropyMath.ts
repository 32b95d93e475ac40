import {
  binaryCrossEntropy,
  binaryCrossEntropyGradZ,
  binaryCrossEntropyLossZ,
  binaryCrossEntropyWithLogits,
  centralDifference,
  sigmoid,
  sigmoidGrad,
} from '../../core';

/**
 * What the binary chapter needs beyond the core: the derivative of BCE in the prediction ŷ (the core
 * differentiates in z only), and every number of one state of the chapter, computed once.
 */

export type BinaryTarget = 0 | 1;

/**
 * ∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ) for ŷ in (0, 1): one formula per label, −1/ŷ for t = 1 and
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

/** The logit whose sigmoid is ŷ, ln(ŷ / (1 − ŷ)): how a drag along a ŷ axis becomes a z. */
export function logit(yHat: number): number {
  return Math.log(yHat) - Math.log1p(-yHat);
}

/** The checks' tolerances: a few ulp for identities, the central difference's own error for estimates. */
export const CHECK_TOLERANCE = {
  exact: 1e-12,
  finiteDifference: 1e-8,
  /** σ(z) near 1 leaves 1 − ŷ a few ulp of 1 off, which ln(1 − ŷ) turns into about 10⁻¹² at z = 10 */
  route: 1e-10,
} as const;

/** Far enough out that σ(z) rounds to exactly 1 in float64 (1 − σ(40) ≈ 4.2 × 10⁻¹⁸ < 2⁻⁵⁴). */
export const FAR_LOGIT = 40;

/** Every number the explorer's live checks show, and whether each check holds. */
export interface BinaryChecks {
  /** ∂L/∂ŷ · σ′(z), and its gap to ŷ − t */
  chain: number;
  chainGap: number;
  /** a central difference of L(z), and its gap to ŷ − t */
  lossEstimate: number;
  lossGap: number;
  /** a central difference of σ(z), the product ŷ(1 − ŷ), and the estimate's gap to σ′(z) */
  slopeEstimate: number;
  slopeProduct: number;
  slopeGap: number;
  /** the loss from ŷ (PyTorch's binary_cross_entropy, log clamped at −100) and from z (softplus) */
  fromProbability: number;
  fromLogit: number;
  routeGap: number;
  /** at z = FAR_LOGIT and t = 0: σ rounds to 1, the loss from ŷ hits the clamp, the loss from z is right */
  farSaturated: boolean;
  farProbability: number;
  farLogit: number;
  ok: { chain: boolean; loss: boolean; slope: boolean; route: boolean; far: boolean };
}

/**
 * The chapter's claims, checked on the learner's z and t: the chain rule ∂L/∂ŷ · σ′(z) collapses to
 * ŷ − t, a central difference of L agrees with it, σ′ = ŷ(1 − ŷ), the loss computed from ŷ equals the
 * loss computed from z; and, at a z beyond the slider, why frameworks compute it from z.
 */
export function binaryChecks(s: BinaryState): BinaryChecks {
  const chain = s.gradPrediction * s.slope;
  const lossEstimate = centralDifference((v) => binaryCrossEntropyLossZ(v, s.t), s.z);
  const slopeEstimate = centralDifference(sigmoid, s.z);
  const fromProbability = binaryCrossEntropy([s.yHat], [s.t]);
  const fromLogit = binaryCrossEntropyWithLogits([s.z], [s.t]);
  const farProbability = binaryCrossEntropy([sigmoid(FAR_LOGIT)], [0]);
  const farLogit = binaryCrossEntropyWithLogits([FAR_LOGIT], [0]);
  const farSaturated = sigmoid(FAR_LOGIT) === 1;
  const chainGap = Math.abs(chain - s.gradLogit);
  const lossGap = Math.abs(lossEstimate - s.gradLogit);
  const slopeGap = Math.abs(slopeEstimate - s.slope);
  const routeGap = Math.abs(fromProbability - fromLogit);
  const { exact, finiteDifference, route } = CHECK_TOLERANCE;
  return {
    chain,
    chainGap,
    lossEstimate,
    lossGap,
    slopeEstimate,
    slopeProduct: s.yHat * s.complement,
    slopeGap,
    fromProbability,
    fromLogit,
    routeGap,
    farSaturated,
    farProbability,
    farLogit,
    ok: {
      chain: chainGap <= exact,
      loss: lossGap <= finiteDifference,
      slope: slopeGap <= finiteDifference,
      route: routeGap <= route,
      far: farSaturated && farProbability === 100 && Math.abs(farLogit - FAR_LOGIT) <= exact * FAR_LOGIT,
    },
  };
}
