import { defineState } from '../../url/stateSchema';
import { LIMITS } from '../../url/labInputs';

/** the last class index the lab allows: a link is read against the most classes it can have */
const LAST_CLASS = LIMITS.maxClasses - 1;

/**
 * The Hessian explorer's own state in its URL: the entry of H written out, row `hi` and column `hj`,
 * counted from 0 as the lab's `y=` counts classes (`hi=0&hj=2` writes out H13). The widget clamps
 * them again to the class count, so a link made with eight classes still shows an entry with three.
 */
export const HESSIAN_STATE = defineState({
  hi: { kind: 'integer', min: 0, max: LAST_CLASS, default: 0, control: 'the row of the entry of H written out' },
  hj: { kind: 'integer', min: 0, max: LAST_CLASS, default: 2, control: 'the column of the entry of H written out' },
});

/** How far the quadratic-model plot reaches either side of z, in steps s of the (unit) direction d. */
export const STEP_SPAN = 4;

/**
 * The quadratic model's own state: the direction d (`dir`: the eigenvector of the largest eigenvalue,
 * (1, …, 1), or the coordinate of logit `dk`, counted from 0) and the step s along it, the plot's handle.
 * The page calls the step s (t is the true class), but its key stays `t`, so links made before still open
 * where they did. Example: `dir=coord&dk=1&t=-2.5` is s = −2.5.
 */
export const QUADRATIC_STATE = defineState({
  dir: { kind: 'choice', values: ['top', 'ones', 'coord'], default: 'top', control: 'the direction d' },
  dk: { kind: 'integer', min: 0, max: LAST_CLASS, default: 0, control: 'the logit whose coordinate is the direction' },
  t: { kind: 'number', min: -STEP_SPAN, max: STEP_SPAN, step: 0.1, default: 2, control: 'the step s along d' },
});

/**
 * The third-derivative explorer's own state: the slice k of T shown (T[:, :, k]) and the entry (i, j)
 * of it written out term by term, all counted from 0. Example: `tk=1&ti=0&tj=1`.
 */
export const TENSOR_STATE = defineState({
  tk: { kind: 'integer', min: 0, max: LAST_CLASS, default: 0, control: 'the slice k of the third derivative' },
  ti: { kind: 'integer', min: 0, max: LAST_CLASS, default: 0, control: 'the row i of the entry written out' },
  tj: { kind: 'integer', min: 0, max: LAST_CLASS, default: 1, control: 'the column j of the entry written out' },
});
