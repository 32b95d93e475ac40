import { contours } from 'd3-contour';
import type { CostGridSpec } from '../../core/logisticCostGrid';
import { logisticLoss } from '../../core/logisticRegression';
import { formatNumber } from '../../format/formatNumber';
import { WEIGHT_LIMIT } from './logisticLimits';

/**
 * From a grid of cost values to contour rings in weight space, for the contour map. d3-contour places
 * the value of cell (i, j) at grid coordinate (i + ½, j + ½); here that point is the weight the core
 * sampled, (w1Min + i·Δ₁, w2Min + j·Δ₂). Rings come out in weight units, so the plot needs only its
 * own scales.
 */

/**
 * While the path plays, the map's slice follows b at most this often (five times a second): each new
 * slice is a new grid of the cost and a new set of contours. Paused, the slice is at the current b.
 */
export const MAP_FOLLOW_MS = 200;

/** 56 × 56 cells: fine enough for smooth contours, cheap enough (a few ms) to redo as b moves. */
export const MAP_GRID = 56;

/** The lab's map: w₁, w₂ ∈ [−6, 6] on a MAP_GRID × MAP_GRID grid. */
export const MAP_SPEC: CostGridSpec = { w1Min: -WEIGHT_LIMIT, w1Max: WEIGHT_LIMIT, w2Min: -WEIGHT_LIMIT, w2Max: WEIGHT_LIMIT, nx: MAP_GRID, ny: MAP_GRID };

/**
 * The map's fixed contour levels. Fixed, not fitted to each grid, so two maps can be compared line
 * for line; ln 2 ≈ 0.693 (every prediction ½) falls between 0.6 and 0.8.
 */
export const COST_LEVELS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.5, 2, 3, 4, 6, 8] as const;

export type Ring = [number, number][];

/** The levels drawn for a grid: those strictly between its smallest and largest finite value. */
export function levelsFor(values: ArrayLike<number>): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return COST_LEVELS.filter((level) => level > lo && level < hi);
}

/** Grid coordinate → weight: the inverse of the core's sampling w = min + index·Δ, shifted by d3's ½. */
export function gridToWeights(spec: CostGridSpec, gx: number, gy: number): [number, number] {
  const d1 = (spec.w1Max - spec.w1Min) / (spec.nx - 1);
  const d2 = (spec.w2Max - spec.w2Min) / (spec.ny - 1);
  return [spec.w1Min + (gx - 0.5) * d1, spec.w2Min + (gy - 0.5) * d2];
}

/**
 * The rings of the region where the cost is at most `level` (a sublevel set: the inside of the
 * bowl), in weight coordinates. d3-contour outlines where values are ≥ a threshold, so it is given
 * the negated cost.
 */
export function sublevelRings(values: ArrayLike<number>, spec: CostGridSpec, level: number): Ring[] {
  const negated = Array.from(values, (v) => -v);
  const shape = contours().size([spec.nx, spec.ny]).contour(negated, -level);
  return shape.coordinates.flatMap((polygon) =>
    polygon.map((ring) => ring.map((p) => gridToWeights(spec, p[0] as number, p[1] as number))),
  );
}

/** Where on the grid the cost is lowest, and whether that cell is on the map's edge (no minimum inside). */
export function gridMinimum(values: ArrayLike<number>, spec: CostGridSpec): { w1: number; w2: number; cost: number; onEdge: boolean } | null {
  let best = -1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (Number.isFinite(v) && (best < 0 || v < (values[best] as number))) best = k;
  }
  if (best < 0) return null;
  const i = best % spec.nx;
  const j = Math.floor(best / spec.nx);
  const [w1, w2] = gridToWeights(spec, i + 0.5, j + 0.5);
  return { w1, w2, cost: values[best] as number, onEdge: i === 0 || j === 0 || i === spec.nx - 1 || j === spec.ny - 1 };
}

/**
 * Where the map's lowest cost lies, as its caption says it: "near (2.2, 1.1)" inside the map, "on its
 * edge, at (6.0, 6.0)" when the lowest sample is on the map's border. One decimal: the grid's
 * spacing is 0.22, so the sample is no more precise than that. On separable points the cost has no
 * minimum and the lowest sample is always on the edge: the caption is where a learner sees it.
 */
export function lowestOnMapText(minimum: { w1: number; w2: number; onEdge: boolean }): string {
  const at = `(${formatNumber(minimum.w1, 1)}, ${formatNumber(minimum.w2, 1)})`;
  return minimum.onEdge ? `the lowest cost on the map is on its edge, at ${at}` : `the lowest cost on the map is near ${at}`;
}

/**
 * The level of the outline drawn through the current point: the cost at the current (w₁, w₂) on the
 * slice the map shows, b = `mapB`. Paused, `mapB` is the current b and this is the status line's cost.
 * While playing the slice may be a few steps behind b; the cost at the current weights would then be
 * the level of some other outline of this slice, which need not pass through the point at all.
 */
export function outlineLevel(X: Float64Array, t: Float64Array, w: readonly number[], mapB: number): number {
  return logisticLoss([w[0] as number, w[1] as number, mapB], X, t, 'cross-entropy');
}
