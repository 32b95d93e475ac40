import type { Precision } from '../../core/naive';
import { formatNumber } from '../../format/formatNumber';
import type { NumberRule } from '../../controls/parseTypedNumber';
import { EPSILON_STATE, FUSED_BACKWARD_STATE, OVERFLOW_STATE, STABILITY_LIMITS } from './stabilityState';

/**
 * Chapter 10's inputs and their limits: its own logits, far wider than the other chapters' ±10, so
 * that e^{z} can overflow; the true class; the ε of the log(p + ε) trick; the precision the backward
 * pass is computed in. They live in the chapter's store (StabilityContext.tsx), not the lab's: a logit
 * of 1000 would mean nothing on the other chapters' sliders. Their limits and starting values are
 * those of the state kept in the address (stabilityState.ts), so a link and the sliders agree.
 */
export interface StabilityInputs {
  logits: number[];
  /** index of the true class (a hard label) */
  label: number;
  epsilon: number;
  precision: Precision;
}

export { STABILITY_LIMITS };

/** ε choices for the trick, 10⁻⁴, 10⁻⁸, 10⁻¹² and 0, which is plain log(softmax), no trick at all. */
export const EPSILONS: readonly number[] = EPSILON_STATE.eps.values.map(Number);

/** Starts at the worked example, where everything agrees, with the true class 1 (index 0). */
export const STABILITY_START: Readonly<StabilityInputs> = {
  logits: [...OVERFLOW_STATE.sz.default],
  label: OVERFLOW_STATE.sy.default,
  epsilon: Number(EPSILON_STATE.eps.default),
  precision: FUSED_BACKWARD_STATE.prec.default,
};

export interface Preset {
  logits: readonly number[];
  /** what the preset shows, read after its logits on the button */
  note: string;
}

export const PRESETS: readonly Preset[] = [
  { logits: [2, 3, 4], note: 'the worked example: nothing breaks' },
  { logits: [1000, 999, 998], note: 'every exponential overflows' },
  { logits: [-1000, 0, 1000], note: 'overflow and underflow at once' },
  { logits: [89, 0, 0], note: 'overflows only in float32' },
  { logits: [710, 0, 0], note: 'overflows in float64 too' },
  { logits: [-1000, -1000, -1000], note: 'every exponential underflows' },
];

/** "[1000, 999, 998]" with true minus signs, as the buttons and messages write a logit vector. */
export function formatLogits(z: readonly number[]): string {
  return `[${z.map((v) => formatNumber(v, Number.isInteger(v) ? 0 : 1)).join(', ')}]`;
}

/** A logit on the slider grid and inside the range; non-finite becomes 0 (never reached from the parser). */
export function snapStabilityLogit(v: number): number {
  const { min, max, step } = STABILITY_LIMITS;
  if (!Number.isFinite(v)) return 0;
  const snapped = Math.round(v / step) * step;
  return Math.min(max, Math.max(min, Number(snapped.toFixed(10))));
}

/**
 * The rule of a typed logit (NumberField, parseTypedNumber): a number within −1000 to 1000 on the
 * sliders' 0.1 grid, refused with a message otherwise; nothing is clamped or rounded silently, since a
 * learner who types 5000 or 1.234 should learn that it was refused, not see another number taken.
 */
export const logitRule = (name: string): NumberRule => ({ name, min: STABILITY_LIMITS.min, max: STABILITY_LIMITS.max, decimals: 1 });
