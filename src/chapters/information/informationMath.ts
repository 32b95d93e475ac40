import { distributionCrossEntropy, entropy, informationContent, klDivergence, softmax, type InformationBase } from '../../core';
import { formatNumber } from '../../format/formatNumber';
import { clampLogit, LIMITS } from '../../url/labInputs';
import { hardLabel } from '../../url/labels';

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

/** The least change in KL, in nats, that counts as closer: far above the rounding of a change (10⁻¹⁷). */
const MIN_GAIN = 1e-15;

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
 * With `closest`, the result is the setting of the sliders whose softmax is nearest the target in KL
 * divergence, over the whole grid (see closestOnGrid): "make p equal y" then gets as close as the
 * sliders allow, e.g. [−10, 10, −10] for y = [0, 1, 0]. The search starts from the shifts of the
 * rounded logits, and among equally close settings it keeps the one nearest the choice above.
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

  // A good start: only c modulo the grid step changes the rounding; the ends of the range change how
  // far the zeros sit below the rest. The anchor comes first, and only a gain past rounding moves away
  // from it, so the logits do not jump to an end of the sliders for a KL equal to the last digit.
  const offsets = [0, -0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4].map((k) => k * step);
  let start = place(anchor);
  let startGap = klDivergence(target, softmax(start));
  for (const base of [anchor, hi, lo]) {
    for (const offset of offsets) {
      const z = place(fit(base + offset));
      const gap = klDivergence(target, softmax(z));
      if (gap < startGap - MIN_GAIN) {
        start = z;
        startGap = gap;
      }
    }
  }
  return closestOnGrid(target, start);
}

/**
 * The logits on the slider grid (steps of 0.1 in [−10, 10]) whose softmax is nearest `target` in KL
 * divergence, found by descent from `start`: move the logits of any set S of classes up or down one
 * step together, take the move that lowers KL(target ‖ softmax(z)) the most, and stop when none does.
 *
 * Where it stops is the best point of the whole grid, not just of its neighbourhood. In steps k = 10z,
 * KL = const − Σ yᵢ kᵢ/10 + ln Σ e^{kᵢ/10}: a linear part, and log-sum-exp, which meets discrete midpoint
 * convexity (f(a) + f(b) ≥ f(⌈(a+b)/2⌉) + f(⌊(a+b)/2⌋): expand both products of sums of exponentials and
 * compare them pair by pair), and so does the box. Such a function is L♮-convex, and a point of an
 * L♮-convex function that no move ±χ_S improves is a global minimum (Murota, Discrete Convex Analysis,
 * 2003, Theorem 7.14). Moving every class at once only shifts z, which softmax ignores, so that move is
 * left out.
 *
 * A move changes KL by exactly ln(1 + (e^{±0.1} − 1)·Σ_S pᵢ) ∓ 0.1·Σ_S yᵢ (in nats), which log1p and
 * expm1 give to about 10⁻¹⁷ from the current p, with no cancellation against the size of KL. A move
 * must gain more than 10⁻¹⁵ nats, so rounding can neither take a step nor undo one: equally close
 * settings keep `start`, and the result is within 10⁻¹⁵ nats of the best on the grid.
 */
export function closestOnGrid(target: readonly number[], start: readonly number[]): number[] {
  const { min, max, step } = LIMITS.logit;
  const [kMin, kMax] = [Math.round(min / step), Math.round(max / step)];
  const k = start.map((z) => Math.min(kMax, Math.max(kMin, Math.round(z / step))));
  const grow = [Math.expm1(step), Math.expm1(-step)] as const;
  const everyClass = (1 << k.length) - 1;
  // each round gains more than 10⁻¹⁵ nats, so the bound is never reached; it only guards a bad input
  for (let round = 0; round < 100_000; round++) {
    const p = softmax(k.map((ki) => ki * step));
    let bestGain = -MIN_GAIN;
    let bestSet = 0;
    let bestDirection = 0;
    for (let set = 1; set < everyClass; set++) {
      let pS = 0;
      let yS = 0;
      let canRise = true;
      let canFall = true;
      for (let i = 0; i < k.length; i++) {
        if (!(set & (1 << i))) continue;
        pS += p[i] ?? 0;
        yS += target[i] ?? 0;
        canRise &&= (k[i] ?? 0) < kMax;
        canFall &&= (k[i] ?? 0) > kMin;
      }
      const rise = canRise ? Math.log1p(grow[0] * pS) - step * yS : Infinity;
      const fall = canFall ? Math.log1p(grow[1] * pS) + step * yS : Infinity;
      if (rise < bestGain) [bestGain, bestSet, bestDirection] = [rise, set, 1];
      if (fall < bestGain) [bestGain, bestSet, bestDirection] = [fall, set, -1];
    }
    if (bestDirection === 0) break;
    for (let i = 0; i < k.length; i++) if (bestSet & (1 << i)) k[i] = (k[i] ?? 0) + bestDirection;
  }
  return k.map((ki) => clampLogit(ki * step));
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

/** The logarithm of a unit, as the widget writes it in text: log₂ for bits, ln for nats. */
export const UNIT_LOG: Readonly<Record<InformationUnit, string>> = { bits: 'log₂', nats: 'ln' };

/**
 * Room for rounding in the checks. KL is computed to a few ulp of its size, but H(y, p) = −Σ yᵢ log pᵢ
 * is only as good as the pᵢ it takes the log of: a pᵢ near 1 is rounded by about 10⁻¹⁶ before the
 * log, so H(y, p) carries an absolute error of that order even when it is tiny (4 × 10⁻⁹ for p ≈ y
 * one-hot). The checks allow this much relative to the largest number involved, or to 1, whichever is
 * larger.
 */
export const CHECK_TOLERANCE = 1e-12;

export interface InformationCheckResults {
  /** a rarer class always carries more information */
  rarerMore: boolean;
  /** Gibbs: H(y, p) ≥ H(y), to rounding */
  gibbs: boolean;
  /** |H(y, p) − (H(y) + KL)| with KL computed on its own */
  sumGap: number;
  sumOk: boolean;
  /** H(y, p) in nats and in bits, each computed directly, and how far bits is from nats ÷ ln 2 */
  nats: number;
  bits: number;
  unitGap: number;
  unitOk: boolean;
  /** the class of a one-hot y, if it is one */
  hard: number | undefined;
  /** H(y) and KL in nats, computed afresh for the one-hot check */
  hardEntropy: number;
  klNats: number;
}

/**
 * The chapter's claims, checked on the learner's y and p (InformationChecks renders them): a rarer
 * class carries more information; Gibbs' inequality H(y, p) ≥ H(y); H(y, p) = H(y) + KL with KL computed
 * on its own; bits are nats divided by ln 2; and, for a one-hot y, why KL stays above 0.
 */
export function informationChecks(labels: readonly number[], probabilities: ArrayLike<number>, measures: InformationMeasures): InformationCheckResults {
  const p = Array.from(probabilities);
  const { information, entropy: h, crossEntropy: hp, kl } = measures;
  const rarerMore = p.every((pi, i) => p.every((pj, j) => !(pi < pj) || (information[i] ?? 0) > (information[j] ?? 0)));
  const scale = Math.max(Math.abs(hp), Math.abs(h), Math.abs(kl), 1);
  const sumGap = Math.abs(hp - (h + kl));
  const nats = distributionCrossEntropy(labels, p, 'e');
  const bits = distributionCrossEntropy(labels, p, 2);
  const unitGap = Math.abs(bits - nats / Math.LN2);
  return {
    rarerMore,
    // p = y exactly gives equal sums of equal terms; anything else is above by KL, far past rounding
    gibbs: hp >= h - CHECK_TOLERANCE * scale,
    sumGap,
    sumOk: sumGap <= CHECK_TOLERANCE * scale || hp === Infinity,
    nats,
    bits,
    unitGap,
    unitOk: unitGap <= CHECK_TOLERANCE * Math.max(bits, 1) || bits === Infinity,
    hard: hardLabel(labels),
    hardEntropy: entropy(labels),
    klNats: klDivergence(labels, p),
  };
}

/**
 * "Make p equal y": the logits whose softmax is as close to y as the slider grid allows, the KL that
 * is left, in the unit shown, and the note the explorer shows under the button while the logits stay
 * there (see matchNote).
 */
export function matchPrediction(
  labels: readonly number[],
  logits: readonly number[],
  unit: InformationUnit,
): { logits: number[]; kl: number; note: string } {
  const z = logitsForDistribution(labels, logits, { closest: true });
  const kl = klDivergence(labels, softmax(z), UNIT_BASE[unit]);
  return { logits: z, kl, note: matchNote(labels, kl, unit) };
}

/**
 * The note under "Make p equal y": the KL that is left, in the unit shown, and why it is not 0 when it
 * is not. The explorer builds it at every render from the current y, KL and unit, so it can never
 * disagree with the numbers beside it.
 */
export function matchNote(labels: readonly number[], kl: number, unit: InformationUnit): string {
  const why =
    hardLabel(labels) !== undefined
      ? ' y is one-hot, and softmax never gives exactly 0 or 1, so KL gets close to 0 but never reaches it.'
      : kl === 0
        ? ''
        : ' The logits move in steps of 0.1, so p matches y only to that resolution.';
  return `p is now as close to y as the logits allow: KL(y ‖ p) = ${formatNumber(kl, 3)} ${unit}.${why}`;
}
