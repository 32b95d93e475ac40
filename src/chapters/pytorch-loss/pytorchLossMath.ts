import { crossEntropy } from '../../core/crossEntropy';
import { crossEntropyGrad } from '../../core/crossEntropyGrad';
import { resolveCrossEntropy, type CrossEntropyOptions } from '../../core/crossEntropyTargets';
import { binaryCrossEntropyWithLogits, binaryCrossEntropyWithLogitsGrad } from '../../core/binaryCrossEntropyWithLogits';
import { numericalGradient } from '../../core/finiteDifference';
import { logSoftmax, softmax } from '../../core/softmax';
import type { Reduction } from '../../core/validate';
import { classCount, isIgnored, rowCount, type Batch, type BceInputs } from './pytorchLossInputs';

/**
 * The numbers of chapter 11, all from the core: crossEntropy and crossEntropyGrad with PyTorch's
 * options (weight, reduction, label_smoothing, ignore_index, probability targets), the mean's
 * denominator as the core resolves it, and binaryCrossEntropyWithLogits with pos_weight. The one
 * route computed here is the check beside them: log-softmax then the negative log-likelihood, as
 * nn.LogSoftmax followed by nn.NLLLoss does it, which must give the same loss.
 */

/** The core's options for a batch: PyTorch's, with the weight only when the classes are weighted. */
export function coreOptions(b: Batch): CrossEntropyOptions {
  return {
    weight: b.weighted ? b.weight : undefined,
    reduction: b.reduction,
    labelSmoothing: b.smoothing,
    ignoreIndex: b.ignoreIndex,
  };
}

export const coreTarget = (b: Batch) => (b.targetKind === 'index' ? b.indices : b.probabilities);

/** What the mean divides by: Σ w of the kept samples' classes, their count (no weight), or N (probabilities). */
export type DenominatorKind = 'weights' | 'count' | 'samples';

export interface LossReport {
  /** what reduction='none' returns: each sample's loss, weights and smoothing included; an ignored sample's is 0 */
  perSample: Float64Array;
  /** Σ of perSample: reduction='sum' */
  total: number;
  /** the mean's denominator, as the core resolves it */
  denominator: number;
  denominatorKind: DenominatorKind;
  /** for the 'weights' kind: each kept sample's w_{t_n}, in sample order */
  denominatorTerms: readonly { sample: number; weight: number }[];
  /** the samples that count (all of them for probability targets) */
  kept: readonly number[];
  /** the loss for 'mean' and 'sum'; for 'none', the per-sample losses' sum is `total` */
  value: number;
  /**
   * 'mean' with a denominator of 0 (every sample ignored, or their classes' weights all 0): PyTorch
   * returns nan (0/0). The widgets say so in words and never print NaN as a number.
   */
  undefinedMean: boolean;
  /** ∂L/∂z, N × C (for 'none', of the sum of the per-sample losses) */
  gradient: Float64Array[];
  probabilities: Float64Array[];
}

export function lossReport(b: Batch): LossReport {
  const options = coreOptions(b);
  const target = coreTarget(b);
  const perSample = crossEntropy(b.logits, target, { ...options, reduction: 'none' });
  const total = crossEntropy(b.logits, target, { ...options, reduction: 'sum' });
  const { meanDenominator } = resolveCrossEntropy('lossReport', b.logits, target, options);
  const kept = b.logits.map((_, n) => n).filter((n) => !isIgnored(b, n));
  const denominatorKind: DenominatorKind = b.targetKind === 'probs' ? 'samples' : b.weighted ? 'weights' : 'count';
  const value = b.reduction === 'none' ? total : crossEntropy(b.logits, target, { ...options, reduction: b.reduction });
  return {
    perSample,
    total,
    denominator: meanDenominator,
    denominatorKind,
    denominatorTerms: denominatorKind === 'weights' ? kept.map((n) => ({ sample: n, weight: b.weight[b.indices[n] as number] as number })) : [],
    kept,
    value,
    undefinedMean: b.reduction === 'mean' && meanDenominator === 0,
    gradient: crossEntropyGrad(b.logits, target, options),
    probabilities: b.logits.map((row) => softmax(row)),
  };
}

/** What the page says instead of NaN when PyTorch's mean is 0/0. */
export function undefinedMeanMessage(r: LossReport): string {
  return r.kept.length === 0
    ? 'every sample is ignored: PyTorch returns nan here (0 / 0)'
    : r.total === 0
      ? 'the weights of the kept samples’ classes add up to 0: PyTorch returns nan here (0 / 0)'
      : 'the weights of the kept samples’ classes add up to 0: PyTorch returns nan here (its nll part is 0 / 0)';
}

/** Why log-softmax + NLLLoss cannot be compared here, or null when it can. */
export function nllUnavailable(b: Batch): string | null {
  if (b.targetKind === 'probs') return 'nn.NLLLoss takes class indices only, not probability rows.';
  if (b.smoothing > 0) return 'nn.NLLLoss has no label_smoothing: the two agree only at label_smoothing = 0.';
  return null;
}

export interface NllRoute {
  /** −w_{t_n} log p_{n,t_n} per sample; 0 for an ignored one */
  perSample: Float64Array;
  /** the reduced loss: Σ/Σ w_{t_n} for 'mean' (NaN for 0/0, as PyTorch), Σ for 'sum' and 'none' */
  value: number;
}

/**
 * nn.NLLLoss(weight, reduction, ignore_index) of nn.LogSoftmax(dim=1)(z), written out: pick each kept
 * sample's log-probability of its class, weight it, negate, and reduce. Class-index targets only.
 */
export function nllRoute(b: Batch): NllRoute {
  const n = rowCount(b);
  const perSample = new Float64Array(n);
  let weights = 0;
  for (let i = 0; i < n; i++) {
    if (isIgnored(b, i)) continue;
    const t = b.indices[i] as number;
    const w = b.weighted ? (b.weight[t] as number) : 1;
    perSample[i] = -w * (logSoftmax(b.logits[i] as readonly number[])[t] as number);
    weights += w;
  }
  const sum = perSample.reduce((s, v) => s + v, 0);
  return { perSample, value: b.reduction === 'mean' ? sum / weights : sum };
}

/** The largest |analytic − central difference| over every logit, and the largest |∂L/∂z|; null where the loss is 0/0. */
export function gradientCheck(b: Batch, r: LossReport): { maxError: number; maxGradient: number } | null {
  if (r.undefinedMean) return null;
  const c = classCount(b);
  const target = coreTarget(b);
  const options = { ...coreOptions(b), reduction: (b.reduction === 'none' ? 'sum' : b.reduction) as 'mean' | 'sum' };
  const f = (flat: Float64Array) =>
    crossEntropy(
      b.logits.map((_, i) => flat.subarray(i * c, i * c + c)),
      target,
      options,
    );
  const numeric = numericalGradient(f, b.logits.flat());
  let maxError = 0;
  let maxGradient = 0;
  r.gradient.forEach((row, i) =>
    row.forEach((g, j) => {
      maxError = Math.max(maxError, Math.abs(g - (numeric[i * c + j] as number)));
      maxGradient = Math.max(maxGradient, Math.abs(g));
    }),
  );
  return { maxError, maxGradient };
}

// ——— BCEWithLogits with pos_weight ———

export interface BceReport {
  perSample: Float64Array;
  value: number;
  gradient: Float64Array;
  /** what the mean divides by: N, whatever pos_weight is */
  denominator: number;
}

export function bceReport(s: BceInputs): BceReport {
  const options = { posWeight: [s.posWeight] };
  const perSample = binaryCrossEntropyWithLogits(s.logits, s.targets, { ...options, reduction: 'none' });
  const value = s.reduction === 'none' ? binaryCrossEntropyWithLogits(s.logits, s.targets, { ...options, reduction: 'sum' }) : binaryCrossEntropyWithLogits(s.logits, s.targets, { ...options, reduction: s.reduction });
  return {
    perSample,
    value,
    gradient: binaryCrossEntropyWithLogitsGrad(s.logits, s.targets, { ...options, reduction: s.reduction }),
    denominator: s.logits.length,
  };
}

export const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
