import { softplus } from './sigmoid';

/**
 * The cross-entropy cost of logistic regression sampled on a grid of (w₁, w₂) with the bias b held
 * fixed: the values a contour map of the cost surface is drawn from.
 *
 *   out[j·nx + i] = L(w₁ = w1Min + i·Δ₁, w₂ = w2Min + j·Δ₂, b),  Δ₁ = (w1Max − w1Min)/(nx − 1), Δ₂ likewise,
 *
 * with L(w) = (1/n)·Σ_k [t_k·softplus(−z_k) + (1 − t_k)·softplus(z_k)], z_k = w₁x_k1 + w₂x_k2 + b, the
 * cost of logisticLoss(…, 'cross-entropy') for 0/1 targets. Row j = 0 is w₂ = w2Min (the bottom of a
 * map); i runs along w₁. Fills `out` when given (length nx·ny; nothing is allocated), otherwise a new
 * Float64Array. No data gives a grid of NaN. RangeError for grid sizes that are not integers ≥ 2,
 * ranges that are not finite with min < max, X not of length 2n, targets other than 0 and 1, or an
 * `out` of the wrong length.
 */
export interface CostGridSpec {
  w1Min: number;
  w1Max: number;
  w2Min: number;
  w2Max: number;
  nx: number;
  ny: number;
}

export function logisticCostGrid(X: Float64Array, t: Float64Array, b: number, spec: CostGridSpec, out?: Float64Array): Float64Array {
  const { w1Min, w1Max, w2Min, w2Max, nx, ny } = spec;
  for (const [name, size] of [['nx', nx], ['ny', ny]] as const) {
    if (!Number.isInteger(size) || size < 2) throw new RangeError(`logisticCostGrid: ${name} = ${size} is not an integer ≥ 2`);
  }
  if (!(Number.isFinite(w1Min) && Number.isFinite(w1Max) && w1Min < w1Max)) {
    throw new RangeError(`logisticCostGrid: the w1 range [${w1Min}, ${w1Max}] is not finite with min < max`);
  }
  if (!(Number.isFinite(w2Min) && Number.isFinite(w2Max) && w2Min < w2Max)) {
    throw new RangeError(`logisticCostGrid: the w2 range [${w2Min}, ${w2Max}] is not finite with min < max`);
  }
  if (X.length !== 2 * t.length) {
    throw new RangeError(`logisticCostGrid: X has length ${X.length} but n × 2 = ${2 * t.length} for the n = ${t.length} targets`);
  }
  for (let k = 0; k < t.length; k++) {
    const tk = t[k] as number;
    if (tk !== 0 && tk !== 1) throw new RangeError(`logisticCostGrid: target t[${k}] = ${tk} is not 0 or 1`);
  }
  if (!Number.isFinite(b)) throw new RangeError(`logisticCostGrid: b = ${b} is not finite`);
  const grid = out ?? new Float64Array(nx * ny);
  if (grid.length !== nx * ny) throw new RangeError(`logisticCostGrid: out has length ${grid.length}, not nx·ny = ${nx * ny}`);

  const n = t.length;
  const d1 = (w1Max - w1Min) / (nx - 1);
  const d2 = (w2Max - w2Min) / (ny - 1);
  // With s = 2t − 1 every term is softplus(−s·z): one call per point and cell instead of two.
  grid.forEach((_, cell) => {
    const i = cell % nx;
    const w1 = w1Min + i * d1;
    const w2 = w2Min + ((cell - i) / nx) * d2;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const s = 2 * (t[k] as number) - 1;
      sum += softplus(-s * (w1 * (X[2 * k] as number) + w2 * (X[2 * k + 1] as number) + b));
    }
    grid[cell] = sum / n;
  });
  return grid;
}
