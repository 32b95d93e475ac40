import type { HessianView } from './hessianMath';
import { lossAt } from './hessianMath';
import { STEP_SPAN } from './higherDerivativesState';

/**
 * The quadratic model of the loss along a direction d: L(z + t·d) against
 * L(z) + t·gᵀd + ½t²·dᵀHd, with g and H from the core at z. Pure: the widget draws it, the tests replay it.
 */

export type DirectionKind = 'top' | 'ones' | 'coord';

/**
 * The unit direction d: the eigenvector of H's largest eigenvalue (its sign chosen so that its largest
 * entry in size is positive, so it does not flip as a logit moves), (1, …, 1)/√C, or the unit vector of logit k.
 */
export function direction(kind: DirectionKind, k: number, view: HessianView): Float64Array {
  const n = view.p.length;
  if (kind === 'ones') return new Float64Array(n).fill(1 / Math.sqrt(n));
  if (kind === 'coord') return Float64Array.from({ length: n }, (_, i) => (i === Math.min(k, n - 1) ? 1 : 0));
  const v = view.eigenvectors[n - 1] as Float64Array;
  let big = 0;
  v.forEach((x, i) => {
    if (Math.abs(x) > Math.abs(v[big] as number) + 1e-12) big = i;
  });
  return (v[big] as number) < 0 ? v.map((x) => -x) : Float64Array.from(v);
}

export interface QuadraticModel {
  /** gᵀd: the slope of L along d at t = 0 */
  slope: number;
  /** dᵀHd / |d|² (= dᵀHd, d is a unit vector): the curvature of L along d at t = 0 */
  curvature: number;
  loss: number;
  /** the model's value at step t */
  model(t: number): number;
  /** the true loss at step t */
  truth(t: number): number;
}

export function quadraticModel(z: readonly number[], y: readonly number[], d: Float64Array, view: HessianView): QuadraticModel {
  const n = z.length;
  const slope = d.reduce((s, di, i) => s + di * (view.gradient[i] as number), 0);
  let curvature = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) curvature += (d[i] as number) * (view.H[i]?.[j] as number) * (d[j] as number);
  const norm2 = d.reduce((s, x) => s + x * x, 0);
  curvature /= norm2;
  const loss = view.loss;
  return {
    slope,
    curvature,
    loss,
    model: (t) => loss + t * slope + 0.5 * t * t * curvature,
    truth: (t) => lossAt(z.map((zi, i) => zi + t * (d[i] as number)), y),
  };
}

/** The plot's samples: 161 steps across [−4, 4]. */
export const SAMPLES = Array.from({ length: 161 }, (_, i) => -STEP_SPAN + (2 * STEP_SPAN * i) / 160);
