import { distributionCrossEntropy, entropy, informationContent, klDivergence, softmax, type InformationBase } from '../core';
import { clampLogit, LIMITS } from '../state/labInputs';

/**
 * Turning a dragged bar into a whole distribution, and a distribution into logits. Pure: the
 * information chapter's widget calls these, the unit tests check them.
 */

/** A dragged probability snaps to hundredths, so a bar reads 0.35, not 0.3472. */
const PROBABILITY_GRID = 100;

/**
 * The distribution with entry `index` set to `value` (snapped to 0.01 and kept in [0, 1]) and the
 * other entries scaled to share the rest in their old proportions, so it still sums to 1. When the
 * others are all 0 (a one-hot pulled down), they share the rest equally.
 */
export function withEntry(dist: readonly number[], index: number, value: number): number[] {
  const v = Math.min(1, Math.max(0, Math.round(value * PROBABILITY_GRID) / PROBABILITY_GRID));
  if (!Number.isFinite(v) || index < 0 || index >= dist.length) return dist.slice();
  const rest = dist.reduce((sum, d, i) => (i === index ? sum : sum + d), 0);
  const others = dist.length - 1;
  return dist.map((d, i) => (i === index ? v : rest > 0 ? (d * (1 - v)) / rest : (1 - v) / others));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Logits z whose softmax is `target`, as nearly as the slider grid allows: z_i = ln target_i + c.
 *
 * Softmax ignores the shift c, so c is chosen for the learner: the median of previous_i − ln target_i,
 * which leaves every logit whose probability only rescaled where it was (drag p₃ and only z₃ moves),
 * then kept so that all the logits fit in [−10, 10]. A target of 0 has no logit (softmax is never 0):
 * it gets the lowest one, −10. The logits snap to 0.1, so p follows the target only to that
 * resolution, and a distribution with zeros, or spanning more than e²⁰ in ratio, is not reached
 * exactly at all.
 *
 * With `closest`, c is also searched (around that choice and at the ends of its range) for the
 * snapped logits whose softmax is nearest the target in KL divergence: "make p equal y" then gets
 * as close as the grid allows, e.g. [−10, 10, −10] for y = [0, 1, 0].
 */
export function logitsForDistribution(
  target: readonly number[],
  previous: readonly number[],
  { closest = false }: { closest?: boolean } = {},
): number[] {
  const { min, max, step } = LIMITS.logit;
  const logs = target.map((t) => (t > 0 ? Math.log(t) : -Infinity));
  const finite = logs.flatMap((l, i) => (Number.isFinite(l) ? [i] : []));
  if (finite.length === 0 || previous.length !== target.length) return previous.slice();

  const finiteLogs = finite.map((i) => logs[i] ?? 0);
  const lo = min - Math.min(...finiteLogs);
  const hi = max - Math.max(...finiteLogs);
  // When the ratios span more than the range, the largest probabilities keep their place.
  const fit = (c: number) => (lo > hi ? hi : Math.min(hi, Math.max(lo, c)));
  const anchor = fit(median(finite.map((i) => (previous[i] ?? 0) - (logs[i] ?? 0))));
  const place = (c: number) => logs.map((l) => (Number.isFinite(l) ? clampLogit(l + c) : min));
  if (!closest) return place(anchor);

  // Only c modulo the grid step changes the rounding; the ends of the range change how far the
  // zeros sit below the rest. The anchor comes first, so a tie keeps it.
  const offsets = [0, -0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4].map((k) => k * step);
  let best = place(anchor);
  let bestGap = klDivergence(target, softmax(best));
  for (const base of [anchor, hi, lo]) {
    for (const offset of offsets) {
      const z = place(fit(base + offset));
      const gap = klDivergence(target, softmax(z));
      if (gap < bestGap) {
        best = z;
        bestGap = gap;
      }
    }
  }
  return best;
}

/** The unit of information: bits (log base 2) or nats (natural log, what the ML libraries use). */
export type InformationUnit = 'bits' | 'nats';

export const UNIT_BASE: Readonly<Record<InformationUnit, InformationBase>> = { bits: 2, nats: 'e' };

export interface InformationMeasures {
  /** −log p_i per class: the surprise of class i under p */
  information: number[];
  /** y_i · (−log p_i) per class, 0 where y_i = 0 (0 · log 0 = 0): the terms of H(y, p) */
  contributions: number[];
  entropy: number;
  crossEntropy: number;
  /** KL(y‖p) as the core computes it directly, not as the difference H(y, p) − H(y) */
  kl: number;
}

/** Everything the chapter prints about y and p, from the core, in one unit. */
export function informationMeasures(labels: readonly number[], probabilities: ArrayLike<number>, unit: InformationUnit): InformationMeasures {
  const base = UNIT_BASE[unit];
  const p = Array.from(probabilities);
  const information = p.map((pi) => informationContent(pi, base));
  const contributions = labels.map((yi, i) => (yi === 0 ? 0 : yi * (information[i] ?? NaN)));
  return {
    information,
    contributions,
    entropy: entropy(labels, base),
    crossEntropy: distributionCrossEntropy(labels, p, base),
    kl: klDivergence(labels, p, base),
  };
}
