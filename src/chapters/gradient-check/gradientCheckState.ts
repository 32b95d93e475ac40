import { defineState } from '../../url/stateSchema';

/** The h slider: h = 10^e for e from −16 to −1 in quarter decades; the plot samples the same grid. */
export const STEP_LIMITS = { min: -16, max: -1, step: 0.25 } as const;
/** Where the explorer starts: h = 10⁻⁴, on the right arm of every V but float32's central one. */
export const START_EXPONENT = -4;

/**
 * The finite-difference explorer's own state: what is differentiated (`wrt`: the loss in logit `k`,
 * or in the network weight `layer`[`row`, `col`]; indices from 0, as the lab's `y` counts classes),
 * the exponent of the step h, and which estimate the formula shows. The weight fields default to the
 * chapter's starting weight (gradientCheckMath's defaultWeight: W2 from hidden unit 16 to class 1), so
 * `wrt=weight` alone opens on it. Example: `wrt=weight&layer=w1&row=1&col=4&logh=-7.5&prec=float32`.
 */
export const GRADIENT_CHECK_STATE = defineState({
  wrt: { kind: 'choice', values: ['logit', 'weight'], default: 'logit', control: 'what is differentiated, a logit or a weight' },
  // the lab has at most 8 classes; a k past the learner's last logit is read as the last one
  k: { kind: 'integer', min: 0, max: 7, default: 1, control: 'the logit differentiated' },
  layer: { kind: 'choice', values: ['w1', 'w2'], default: 'w2', control: 'the layer of the weight' },
  // W1 is 2 × 16 and W2 16 × 3: a row or column past the layer's last is read as its last
  row: { kind: 'integer', min: 0, max: 15, default: 15, control: 'the row of the weight' },
  col: { kind: 'integer', min: 0, max: 15, default: 0, control: 'the column of the weight' },
  logh: { kind: 'number', ...STEP_LIMITS, default: START_EXPONENT, control: 'the step h, as a power of ten' },
  scheme: { kind: 'choice', values: ['central', 'forward'], default: 'central', control: 'the difference the formula shows' },
  prec: { kind: 'choice', values: ['float64', 'float32'], default: 'float64', control: 'the precision the formula shows' },
});

/** "My finite difference returns only zeros": which of the five cases is shown. Example: `zero=alias`. */
export const ZERO_CASES_STATE = defineState({
  zero: { kind: 'choice', values: ['tiny-step', 'float32', 'integer', 'constant', 'alias'], default: 'tiny-step', control: 'the zero case shown' },
});
