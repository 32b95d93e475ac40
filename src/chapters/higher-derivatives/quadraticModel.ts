import { crossEntropyThirdDerivative } from '../../core';
import type { HessianView } from './hessianMath';
import { lossAt } from './hessianMath';
import { STEP_SPAN } from './higherDerivativesState';

/**
 * The quadratic model of the loss along a direction d: L(z + s·d) against
 * L(z) + s·gᵀd + ½s²·dᵀHd, with g and H from the core at z, and the cubic model that adds ⅙s³·Σ T_ijk d_i d_j d_k
 * with the core's third derivative T. The step is s, not t: t is the true class. Pure: the widget draws it,
 * the tests replay it.
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
  /** gᵀd: the slope of L along d at s = 0 */
  slope: number;
  /** dᵀHd / |d|² (= dᵀHd, d is a unit vector): the curvature of L along d at s = 0 */
  curvature: number;
  /** Σ_ijk T_ijk d_i d_j d_k, the einsum 'ijk,i,j,k->': the third derivative of L along d at s = 0 */
  third: number;
  loss: number;
  /** the quadratic model's value at step s */
  model(s: number): number;
  /** the cubic model's value at step s: the quadratic one plus ⅙s³·third */
  cubic(s: number): number;
  /** the true loss at step s */
  truth(s: number): number;
}

export function quadraticModel(z: readonly number[], y: readonly number[], d: Float64Array, view: HessianView): QuadraticModel {
  const n = z.length;
  const slope = d.reduce((s, di, i) => s + di * (view.gradient[i] as number), 0);
  let curvature = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) curvature += (d[i] as number) * (view.H[i]?.[j] as number) * (d[j] as number);
  const norm2 = d.reduce((s, x) => s + x * x, 0);
  curvature /= norm2;
  const T = crossEntropyThirdDerivative(z);
  let third = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) third += (T[i]?.[j]?.[k] as number) * (d[i] as number) * (d[j] as number) * (d[k] as number);
  const loss = view.loss;
  const model = (s: number) => loss + s * slope + 0.5 * s * s * curvature;
  return {
    slope,
    curvature,
    third,
    loss,
    model,
    cubic: (s) => model(s) + (s * s * s * third) / 6,
    truth: (s) => lossAt(z.map((zi, i) => zi + s * (d[i] as number)), y),
  };
}

/** The plot's samples: 161 steps s across [−4, 4]. */
export const SAMPLES = Array.from({ length: 161 }, (_, i) => -STEP_SPAN + (2 * STEP_SPAN * i) / 160);

/** λmax is repeated (equal logits, three or more classes): its eigenvector is then any unit vector of a plane or more. */
export function topIsRepeated(view: HessianView): boolean {
  const v = view.eigenvalues;
  return v.length >= 2 && Math.abs((v[v.length - 1] as number) - (v[v.length - 2] as number)) <= 1e-9;
}
