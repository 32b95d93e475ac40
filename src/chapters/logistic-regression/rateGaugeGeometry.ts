import { scaleLog } from 'd3-scale';
import type { Curvature } from './logisticCurvature';

/**
 * Where the learning-rate gauge (RateGauge.tsx) draws its bands, as plain numbers, so a test can hold
 * them against the slider. The gauge sits under the slider, on the slider's own log axis: a range
 * thumb's centre runs THUMB_INSET px inside each end of the track, so η at slider fraction f sits at
 * THUMB_INSET + f · (width − 2 · THUMB_INSET), and so do the bands' edges 1/λmax and 2/λmax.
 */

/** Chromium's and Firefox's range thumbs are about 16 px wide: the thumb's centre runs 8 px inside the track. */
export const THUMB_INSET = 8;

export interface Band {
  /** left edge, px from the gauge's left */
  readonly x: number;
  readonly width: number;
}

export interface GaugeGeometry {
  /** η → px, clamped to the axis (∞ at the right end) */
  at(v: number): number;
  /** the axis's right end */
  readonly end: number;
  /** η from 1/λmax to 2/λmax: a step overshoots the floor along the steepest direction (null: no cost) */
  readonly zigzag: Band | null;
  /** η above 2/λmax: in the quadratic model each overshoot is larger than the last (null: no cost) */
  readonly over: Band | null;
}

export function gaugeGeometry(min: number, max: number, curvature: Curvature | null, width: number): GaugeGeometry {
  const end = width - THUMB_INSET;
  const x = scaleLog().domain([min, max]).range([THUMB_INSET, end]).clamp(true);
  const at = (v: number) => (Number.isFinite(v) ? x(v) : end);
  if (curvature === null) return { at, end, zigzag: null, over: null };
  const from = at(curvature.zigzagFrom);
  const to = at(curvature.threshold);
  return { at, end, zigzag: { x: from, width: Math.max(0, to - from) }, over: { x: to, width: Math.max(0, end - to) } };
}
