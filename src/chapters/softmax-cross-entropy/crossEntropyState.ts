import { defineState } from '../../url/stateSchema';
import { LIMITS } from '../../url/labInputs';

/** the last class index the lab allows: a link is read against the most classes it can have */
const LAST_CLASS = LIMITS.maxClasses - 1;

/**
 * The cross-entropy gradient explorer's own state in its URL, its derivation stepper's included:
 * the line shown (0 to 4, one per DERIVATION_STEPS), the row of J picked on the Jacobian's line, and
 * the component ∂L/∂z_j written out, all counted from 0. `j=-1`, the default, writes out the true
 * class (the heaviest one of a soft label) and follows it when the label changes.
 * `step=4&j=0` shows the cancellation for ∂L/∂z1.
 */
export const CROSS_ENTROPY_EXPLORER_STATE = defineState({
  step: { kind: 'integer', min: 0, max: 4, default: 0, control: 'the line of the derivation shown' },
  i: { kind: 'integer', min: 0, max: LAST_CLASS, default: 0, control: 'the row of J picked in the derivation' },
  j: { kind: 'integer', min: -1, max: LAST_CLASS, default: -1, control: 'the component ∂L/∂zⱼ written out' },
});

/**
 * The gradient step's own state in its URL: the learning rate η on its slider's 0.1 grid, and the
 * run so far as the η of each step taken. The run is a pure function of the lab's z and y and these
 * rates, so the widget replays it rather than storing where it got to; a single count of steps would
 * not do, since η may change between two steps. `eta=4&run=4,4,4` shows three steps at η = 4 (with a
 * hard label each lowers the loss; with a soft label a step that large can overshoot). At most 20 steps: enough to see the loss level off, few enough to read them all.
 * The ranges are LEARNING_RATE's (crossEntropyGradientMath.ts, which loads the core: not imported
 * here, so the registry stays pure data; a test checks they agree).
 */
export const GRADIENT_DESCENT_STATE = defineState({
  eta: { kind: 'number', min: 0.1, max: 5, step: 0.1, default: 1, control: 'the learning rate η' },
  run: { kind: 'numbers', minLength: 0, maxLength: 20, min: 0.1, max: 5, default: [], control: 'the gradient steps taken' },
});
