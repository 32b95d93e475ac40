import type { Weights } from './logisticDescent';

/**
 * The geometry of chapter 6's opener: the boundary w₁x₁ + w₂x₂ + b = 0 drawn with its normal w as an
 * arrow from a point `anchor` on the line, which the learner moves by two handles. Dragging the line
 * moves it (and the anchor) parallel to itself; dragging the arrow's tip turns and stretches w about
 * the anchor, so the tip stays under the pointer. The arrow's length, ARROW_SCALE·‖w‖, shows the
 * steepness of ŷ across the line. b is never stored: b = −w·anchor, since the anchor is on the line.
 *
 * The limits keep both handles inside the plot's square [−3, 3]²: |anchor| ≤ MAX_ANCHOR and
 * ARROW_SCALE·‖w‖ ≤ 0.4·4 = 1.6 put the tip within 3 of the origin. The best weights on the
 * chapter's points (‖w‖ ≈ 2.5, the line about 0.5 from the origin) are well inside them.
 */

export type Vec = readonly [number, number];

export interface BoundaryPose {
  /** (w₁, w₂) */
  w: Vec;
  /** a point of the line, where the arrow starts */
  anchor: Vec;
}

/** The arrow's length in (x₁, x₂) units per unit of ‖w‖. */
export const ARROW_SCALE = 0.4;
export const NORM_LIMITS = { min: 0.5, max: 4 } as const;
export const MAX_ANCHOR = 1.4;
/** Keyboard steps: the line moves 0.1 (Shift: 0.5), w turns 5° (Shift: 15°), Page Up / Down change ‖w‖ by 0.25. */
export const KEY_STEPS = { shift: 0.1, shiftBig: 0.5, degrees: 5, degreesBig: 15, norm: 0.25 } as const;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1];

export const weightsOfPose = ({ w, anchor }: BoundaryPose): Weights => [w[0], w[1], -dot(w, anchor) || 0];
export const normOf = (w: Vec) => Math.hypot(w[0], w[1]);
/** w's direction in degrees anticlockwise from the x₁ axis, in (−180, 180]. */
export const degreesOf = (w: Vec) => (Math.atan2(w[1], w[0]) * 180) / Math.PI;
export const tipOf = ({ w, anchor }: BoundaryPose): Vec => [anchor[0] + ARROW_SCALE * w[0], anchor[1] + ARROW_SCALE * w[1]];

/** w of length ‖w‖ clamped to NORM_LIMITS, pointing at `degrees`. */
function polar(norm: number, degrees: number): Vec {
  const n = clamp(norm, NORM_LIMITS.min, NORM_LIMITS.max);
  const a = (degrees * Math.PI) / 180;
  return [n * Math.cos(a), n * Math.sin(a)];
}

/**
 * The line moved `by` along w's unit vector u. The anchor moves with it, then slides along the new
 * line towards the origin as far as it must to stay within MAX_ANCHOR; a line that would pass
 * farther than MAX_ANCHOR from the origin stops there.
 */
export function shifted({ w, anchor }: BoundaryPose, by: number): BoundaryPose {
  const n = normOf(w);
  const u: Vec = [w[0] / n, w[1] / n];
  const v: Vec = [-u[1], u[0]];
  const offset = clamp(dot(anchor, u) + by, -MAX_ANCHOR, MAX_ANCHOR);
  const room = Math.sqrt(Math.max(0, MAX_ANCHOR ** 2 - offset ** 2));
  const along = clamp(dot(anchor, v), -room, room);
  return { w, anchor: [offset * u[0] + along * v[0], offset * u[1] + along * v[1]] };
}

/** Drag the line to the point q: it moves parallel to itself until it passes through q (or the limit). */
export function shiftedTo(pose: BoundaryPose, q: Vec): BoundaryPose {
  const n = normOf(pose.w);
  return shifted(pose, (dot(q, pose.w) - dot(pose.anchor, pose.w)) / n);
}

/** Drag the arrow's tip to q: w turns and stretches about the anchor to reach it (‖w‖ within NORM_LIMITS). */
export function tipTo(pose: BoundaryPose, q: Vec): BoundaryPose {
  const v: Vec = [(q[0] - pose.anchor[0]) / ARROW_SCALE, (q[1] - pose.anchor[1]) / ARROW_SCALE];
  // a tip dropped on the anchor has no direction: w stays
  if (!(normOf(v) > 1e-9)) return pose;
  return { ...pose, w: polar(normOf(v), degreesOf(v)) };
}

/** The line's handle from the keyboard: arrows move it along w (Up / Right towards the class-1 side). */
export function shiftedByKey(pose: BoundaryPose, key: string, big: boolean): BoundaryPose | null {
  const step = big ? KEY_STEPS.shiftBig : KEY_STEPS.shift;
  const by: Record<string, number> = { ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step };
  const delta = by[key];
  return delta === undefined ? null : shifted(pose, delta);
}

/**
 * The arrow's handle from the keyboard: arrows turn w about the anchor (Up / Right anticlockwise);
 * Page Up / Page Down lengthen or shorten it.
 */
export function turnedByKey(pose: BoundaryPose, key: string, big: boolean): BoundaryPose | null {
  const n = normOf(pose.w);
  const degrees = degreesOf(pose.w);
  const step = big ? KEY_STEPS.degreesBig : KEY_STEPS.degrees;
  const by: Record<string, number> = { ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step };
  if (key === 'PageUp') return { ...pose, w: polar(n + KEY_STEPS.norm, degrees) };
  if (key === 'PageDown') return { ...pose, w: polar(n - KEY_STEPS.norm, degrees) };
  const delta = by[key];
  return delta === undefined ? null : { ...pose, w: polar(n, degrees + delta) };
}
