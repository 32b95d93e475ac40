import { twoSum } from './exactArithmetic';
import { sigmoid, sigmoidGrad, softplus } from './sigmoid';

/**
 * The binary chapter's two losses on one logit z with prediction ŷ = σ(z) and target t in [0, 1], side
 * by side with their derivatives in z. Squared error multiplies the error σ(z) − t by σ'(z) ≤ ¼, which
 * vanishes when the sigmoid saturates, even on a confidently wrong prediction; cross-entropy's
 * derivative is the error itself. All scalar, allocation-free (the logistic regression loops call them).
 * RangeError for t outside [0, 1]; NaN in gives NaN out.
 */

function checkTarget(fn: string, t: number): void {
  if (t < 0 || t > 1) throw new RangeError(`${fn}: target t = ${t} is outside [0, 1]`);
}

/**
 * σ(z) − t without cancellation against a saturated sigmoid: for z ≥ 0 as (1 − t) − σ(−z), with 1 − t
 * kept exactly as a TwoSum pair, so that t = 1 gives −σ(−z) (≈ −e^{−z}, full relative accuracy) where
 * σ(z) − 1 would round to 0 for z ≳ 37.
 */
function predictionError(z: number, t: number): number {
  if (z < 0) return sigmoid(z) - t;
  const notT = twoSum(1, -t);
  return notT.hi - sigmoid(-z) + notT.lo;
}

/** squaredErrorLoss(z, t) = ½(σ(z) − t)², in [0, ½]. */
export function squaredErrorLoss(z: number, t: number): number {
  checkTarget('squaredErrorLoss', t);
  const error = predictionError(z, t);
  return 0.5 * error * error;
}

/**
 * squaredErrorGradZ(z, t) = ∂/∂z ½(σ(z) − t)² = (σ(z) − t)·σ(z)(1 − σ(z)), with σ(z)(1 − σ(z)) taken
 * as σ(z)σ(−z) ({@link sigmoidGrad}) and σ(z) − t as in {@link binaryCrossEntropyGradZ}: both factors
 * keep their relative accuracy for large |z|. |squaredErrorGradZ| ≤ ¼·|σ(z) − t|.
 */
export function squaredErrorGradZ(z: number, t: number): number {
  checkTarget('squaredErrorGradZ', t);
  return predictionError(z, t) * sigmoidGrad(z);
}

/**
 * binaryCrossEntropyLossZ(z, t) = −t log σ(z) − (1 − t) log(1 − σ(z)) = t·softplus(−z) + (1 − t)·softplus(z),
 * the scalar of {@link binaryCrossEntropyWithLogits}: no clamp, no overflow, terms ≥ 0 (no cancellation).
 * A zero coefficient on an infinite softplus (z = ±∞) is its limit 0.
 */
export function binaryCrossEntropyLossZ(z: number, t: number): number {
  checkTarget('binaryCrossEntropyLossZ', t);
  const notT = twoSum(1, -t);
  const positive = t === 0 ? 0 : t * softplus(-z);
  const negative = notT.hi === 0 ? 0 : notT.hi * softplus(z) + notT.lo * softplus(z);
  return positive + negative;
}

/**
 * binaryCrossEntropyGradZ(z, t) = ∂/∂z binaryCrossEntropyLossZ(z, t) = σ(z) − t, accurate for large |z|:
 * for t = 1 it is −σ(−z), not σ(z) − 1 (which would be 0 for z ≳ 37).
 */
export function binaryCrossEntropyGradZ(z: number, t: number): number {
  checkTarget('binaryCrossEntropyGradZ', t);
  return predictionError(z, t);
}
