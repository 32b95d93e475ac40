/**
 * The decision boundary w₁x₁ + w₂x₂ + b = 0 inside the square [−L, L]², as plain geometry for the
 * scatter plot: the segment of the line, and the two half-planes z ≥ 0 (predicted class 1) and
 * z < 0 (class 0) clipped to the square (Sutherland–Hodgman against one half-plane).
 */

export type Point = readonly [number, number];

export interface BoundaryGeometry {
  /** the line's segment inside the square, or null when it misses the square (or w₁ = w₂ = 0) */
  segment: readonly [Point, Point] | null;
  /** where z ≥ 0: class 1 is predicted (empty when nowhere) */
  positive: Point[];
  /** where z < 0: class 0 is predicted */
  negative: Point[];
}

/** The part of `polygon` where sign·z(x) ≥ 0, z = w₁x₁ + w₂x₂ + b. */
function clip(polygon: readonly Point[], w1: number, w2: number, b: number, sign: 1 | -1): Point[] {
  const f = (p: Point) => sign * (w1 * p[0] + w2 * p[1] + b);
  const out: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i] as Point;
    const c = polygon[(i + 1) % polygon.length] as Point;
    const fa = f(a);
    const fc = f(c);
    if (fa >= 0) out.push(a);
    if ((fa >= 0) !== (fc >= 0)) {
      const s = fa / (fa - fc);
      out.push([a[0] + s * (c[0] - a[0]), a[1] + s * (c[1] - a[1])]);
    }
  }
  return out;
}

export function boundaryGeometry(w1: number, w2: number, b: number, limit: number): BoundaryGeometry {
  const square: Point[] = [
    [-limit, -limit],
    [limit, -limit],
    [limit, limit],
    [-limit, limit],
  ];
  if (![w1, w2, b].every(Number.isFinite)) return { segment: null, positive: [], negative: [] };
  const positive = clip(square, w1, w2, b, 1);
  const negative = clip(square, w1, w2, b, -1);
  // The segment: the points of the clipped polygon that lie on the line (z = 0 up to rounding).
  const scale = Math.hypot(w1, w2);
  if (scale === 0) return { segment: null, positive, negative };
  const onLine = positive.filter((p) => Math.abs(w1 * p[0] + w2 * p[1] + b) <= 1e-9 * (scale * limit + Math.abs(b)));
  const first = onLine[0];
  const last = onLine[onLine.length - 1];
  const segment = first && last && (first[0] !== last[0] || first[1] !== last[1]) ? ([first, last] as const) : null;
  return { segment, positive, negative };
}
