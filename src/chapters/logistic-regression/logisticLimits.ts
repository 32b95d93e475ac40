/**
 * Chapter 6's lab's limits, as plain data: the lab (logisticDescent.ts) and the schema of its URL
 * (logisticState.ts) both read them, and the schema is imported by the widget registry, which every
 * page loads first, so this file imports nothing.
 */

/** Where points may sit: x₁, x₂ ∈ [−3, 3]. */
export const POINT_LIMIT = 3;
/** The contour map's window: w₁, w₂ ∈ [−6, 6]. */
export const WEIGHT_LIMIT = 6;
export const MAX_POINTS = 60;
export const MAX_STEPS = 5000;
/**
 * The learning-rate slider runs over log₁₀ η ∈ [−2, 2]: η from 0.01 to 100. On the overlapping points
 * the largest stable rate near the minimum, 2/λmax, is about 25 (32 with b held at 0), so the slider
 * reaches well past it. Links from when it stopped at 10 read as before: every rate that slider had
 * is a position of this one.
 */
export const RATE_LIMITS = { min: 0.01, max: 100, start: 0.5 } as const;
/** The learning-rate slider's step, in log₁₀ η: 80 positions from η = 0.01 to 100. */
export const RATE_SLIDER_STEP = 0.05;
/** A start that points the model the wrong way, so the path crosses the map. */
export const DEFAULT_START: readonly [number, number, number] = [-4, 3, 0];
/**
 * How far from 0 the weights where a path begins may be written in a link. Training is not clamped
 * (separable points push ‖w‖ up without end, though only like the log of the steps), so this is not
 * the map's window: it is far beyond any weights the lab reaches, and within the six digits a link's
 * number may have before its point.
 */
export const ORIGIN_LIMIT = 100000;
/**
 * The decimals a link keeps of a weight. The lab restarts a path only from weights on this grid, so a
 * link's path, replayed from its first point, is the very path the learner saw, to the last bit.
 */
export const LINK_DECIMALS = 6;
