import { symmetricEigenvalues } from '../../core/eigen';
import { logisticCrossEntropyHessian } from '../../core/logisticRegression';
import { formatNumber } from '../../format/formatNumber';
import { dataProblem, trainingData, type DataPoint, type Weights } from './logisticDescent';

/**
 * The curvature readout of chapter 6's lab: the largest eigenvalue λmax of the cost's Hessian at the
 * current weights, and the learning rates 1/λmax and 2/λmax that it sets. Near a minimum, where the
 * cost is close to a quadratic bowl with Hessian H, one step multiplies the error along an eigenvector
 * of H with eigenvalue λ by 1 − ηλ: below 1/λ the path slides in, between 1/λ and 2/λ it zigzags in,
 * above 2/λ each overshoot is larger than the last. The steepest direction, λmax, crosses first.
 */

export interface Curvature {
  /** the Hessian's largest eigenvalue at the weights: of the 3 × 3 one, or of its (w₁, w₂) block when b is not learned */
  lambdaMax: number;
  /** 1/λmax: from here on a step overshoots the floor along the steepest direction (∞ when λmax = 0) */
  zigzagFrom: number;
  /** 2/λmax: from here on, in the quadratic model, each overshoot is larger than the last (∞ when λmax = 0) */
  threshold: number;
}

/**
 * The curvature at `w` of the mean cross-entropy over `points`, or null when there is no cost (one
 * class only, or no points). With b not learned the path moves in (w₁, w₂) only, so the Hessian that
 * matters is the 2 × 2 block of those two weights.
 */
export function curvatureAt(points: readonly DataPoint[], w: Weights, learnBias: boolean): Curvature | null {
  if (dataProblem(points) !== null) return null;
  const H = logisticCrossEntropyHessian(w, trainingData(points).X);
  const block = learnBias ? H : H.slice(0, 2).map((row) => row.subarray(0, 2));
  const values = symmetricEigenvalues(block);
  const lambdaMax = values[values.length - 1] as number;
  if (!Number.isFinite(lambdaMax)) return null;
  return { lambdaMax, zigzagFrom: 1 / lambdaMax, threshold: 2 / lambdaMax };
}

/** Where η sits against the curvature at the current weights, in the quadratic model's words. */
export type RateRegime = 'slides' | 'zigzags' | 'overshoots';

export function rateRegime(rate: number, c: Curvature): RateRegime {
  if (rate > c.threshold) return 'overshoots';
  return rate > c.zigzagFrom ? 'zigzags' : 'slides';
}

/**
 * λmax as the readout writes it: four decimals down to 0.01 ("0.0795", "0.4230"), then at least three
 * significant digits ("0.000397" far out on separable points), and below 10⁻⁶ in powers of ten.
 */
export function formatLambda(lambda: number): string {
  if (!(lambda >= 1e-6)) return formatNumber(lambda, 3);
  return formatNumber(lambda, Math.min(8, Math.max(4, 2 - Math.floor(Math.log10(lambda)))));
}

/** A rate as the readout writes it: η and its thresholds, three significant digits. */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate)) return formatNumber(rate);
  return formatNumber(rate, rate < 0.1 ? 3 : rate < 10 ? 2 : rate < 100 ? 1 : 0);
}

/**
 * The readout in words, as the lab shows it and as its text alternative: λmax at the current weights,
 * 1/λmax and 2/λmax, and which side of them the learning rate is on. Numbers only: what they mean
 * for a step holds near a minimum, and the chapter says so.
 */
export function curvatureText(rate: number, c: Curvature, learnBias: boolean): string {
  const of = learnBias ? 'the Hessian' : 'the Hessian in (w₁, w₂), b held';
  const head =
    `At the current weights λmax = ${formatLambda(c.lambdaMax)} (the largest eigenvalue of ${of}), ` +
    `so 1/λmax = ${formatRate(c.zigzagFrom)} and 2/λmax = ${formatRate(c.threshold)}.`;
  const eta = `η = ${formatRate(rate)} is`;
  switch (rateRegime(rate, c)) {
    case 'slides':
      return `${head} ${eta} below 1/λmax.`;
    case 'zigzags':
      return `${head} ${eta} between 1/λmax and 2/λmax.`;
    case 'overshoots':
      return `${head} ${eta} above 2/λmax.`;
  }
}
