import { contours } from 'd3-contour';
import type { CostGridSpec } from '../../core/logisticCostGrid';
import { WEIGHT_LIMIT } from './logisticLimits';

/**
 * From a grid of cost values to contour rings in weight space, for the contour map. d3-contour places
 * the value of cell (i, j) at grid coordinate (i + ½, j + ½); here that point is the weight the core
 * sampled, (w1Min + i·Δ₁, w2Min + j·Δ₂). Rings come out in weight units, so the plot needs only its
 * own scales.
 */

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
