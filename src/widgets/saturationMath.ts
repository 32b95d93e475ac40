import { binaryCrossEntropyGradZ, sigmoid, sigmoidGrad, squaredErrorGradZ } from '../core';

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
