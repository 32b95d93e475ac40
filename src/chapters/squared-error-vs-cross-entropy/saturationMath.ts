import {
  binaryCrossEntropyGradZ,
  binaryCrossEntropyLossZ,
  centralDifference,
  sigmoid,
  sigmoidGrad,
  squaredErrorGradZ,
  squaredErrorLoss,
} from '../../core';

/**
 * The numbers of chapter 7's gradient plot: both losses' ∂L/∂z at ŷ = σ(z), the slope σ′(z) that
 * separates them, and where the prediction is "confidently wrong". Every value comes from the core;
 * the one thing the core lacks, the logit of a probability (to place the region's edge), is here.
 */

export type Target = 0 | 1;

/** "Confidently wrong": the prediction is off from the target by more than this. */
export const WRONG_BY = 0.9;

/** Where the explorer starts: t = 1 and z = −3, well inside the confidently wrong region. */
export const SATURATION_START: { z: number; t: Target } = { z: -3, t: 1 };

/** The logit z range the plot and the z slider cover, and the slider's step. */
export const Z_LIMITS = { min: -8, max: 8, step: 0.1 } as const;

/** logit(p) = ln(p / (1 − p)), the inverse of σ, for p in (0, 1). */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/**
 * The interval of z where |σ(z) − t| > WRONG_BY, clipped to [min, max]: for t = 1 everything left of
 * logit(1 − WRONG_BY) ≈ −2.197, for t = 0 everything right of logit(WRONG_BY) ≈ 2.197.
 */
export function confidentlyWrongRegion(t: Target, min: number = Z_LIMITS.min, max: number = Z_LIMITS.max): [number, number] {
  return t === 1 ? [min, logit(1 - WRONG_BY)] : [logit(WRONG_BY), max];
}

/** Everything the widget shows about one point z. */
export interface GradientsAt {
  z: number;
  t: Target;
  /** ŷ = σ(z) and 1 − ŷ = σ(−z) (computed as such, so it keeps its digits when ŷ is near 1) */
  prediction: number;
  complement: number;
  /** σ′(z) = ŷ(1 − ŷ) */
  slope: number;
  /** ∂/∂z ½(ŷ − t)² = (ŷ − t)·ŷ(1 − ŷ) */
  squaredError: number;
  /** ∂/∂z of −t ln ŷ − (1 − t) ln(1 − ŷ) = ŷ − t */
  crossEntropy: number;
  confidentlyWrong: boolean;
}

export function gradientsAt(z: number, t: Target): GradientsAt {
  const crossEntropy = binaryCrossEntropyGradZ(z, t);
  return {
    z,
    t,
    prediction: sigmoid(z),
    complement: sigmoid(-z),
    slope: sigmoidGrad(z),
    squaredError: squaredErrorGradZ(z, t),
    crossEntropy,
    confidentlyWrong: Math.abs(crossEntropy) > WRONG_BY,
  };
}

export interface GradientCurves {
  z: number[];
  squaredError: number[];
  crossEntropy: number[];
  slope: number[];
}

/** The three curves sampled at `samples` evenly spaced z in [min, max]. */
export function gradientCurves(t: Target, samples = 161, min: number = Z_LIMITS.min, max: number = Z_LIMITS.max): GradientCurves {
  const z = Array.from({ length: samples }, (_, i) => min + ((max - min) * i) / (samples - 1));
  return {
    z,
    squaredError: z.map((v) => squaredErrorGradZ(v, t)),
    crossEntropy: z.map((v) => binaryCrossEntropyGradZ(v, t)),
    slope: z.map(sigmoidGrad),
  };
}

/** Snap a z from a drag or a key to the slider's grid and keep it in range (no 2.9000000000000004). */
export function snapZ(z: number): number {
  const { min, max, step } = Z_LIMITS;
  if (!Number.isFinite(z)) return 0;
  return Math.min(max, Math.max(min, Number((Math.round(z / step) * step).toFixed(10))));
}

/** The checks' tolerances, as the core's own tests use them: a few ulp for an identity, 1e-8 for a central difference. */
export const CHECK_TOLERANCE = { exact: 1e-15, finiteDifference: 1e-8 } as const;

/** Every number the explorer's live checks show at one point, and whether each check holds. */
export interface SaturationChecks {
  /** |squared error's gradient − cross-entropy's × σ′| */
  productGap: number;
  /** |squared error's gradient| / |cross-entropy's| (NaN where both are 0) */
  share: number;
  /** central differences of both losses, and their gaps to the formulas */
  seEstimate: number;
  seError: number;
  ceEstimate: number;
  ceError: number;
  ok: { slope: boolean; product: boolean; share: boolean; centralDifference: boolean };
}

/**
 * The section's claims, checked at the learner's z and t: σ′ ≤ ¼; squared error's gradient is
 * cross-entropy's times σ′, so never more than a quarter of it; and both formulas agree with a central
 * difference of the loss they come from. The widget shows these; the chapter's claims test replays them
 * over the whole slider.
 */
export function saturationChecks(g: GradientsAt): SaturationChecks {
  const productGap = Math.abs(g.squaredError - g.crossEntropy * g.slope);
  const share = Math.abs(g.squaredError) / Math.abs(g.crossEntropy);
  const seEstimate = centralDifference((z) => squaredErrorLoss(z, g.t), g.z);
  const ceEstimate = centralDifference((z) => binaryCrossEntropyLossZ(z, g.t), g.z);
  const seError = Math.abs(seEstimate - g.squaredError);
  const ceError = Math.abs(ceEstimate - g.crossEntropy);
  const { exact, finiteDifference } = CHECK_TOLERANCE;
  return {
    productGap,
    share,
    seEstimate,
    seError,
    ceEstimate,
    ceError,
    ok: {
      slope: g.slope <= 0.25,
      product: productGap <= exact * Math.max(1, Math.abs(g.crossEntropy)),
      share: share <= 0.25,
      centralDifference: seError <= finiteDifference && ceError <= finiteDifference,
    },
  };
}
