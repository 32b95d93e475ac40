import { defineState } from '../../url/stateSchema';

/** The pre-activation sliders: a from −6 to 6, where σ runs from 0.0025 to 0.9975. */
export const PRE_ACTIVATION_LIMITS = { min: -6, max: 6, step: 0.1 } as const;
/** The previous cell state c. */
export const CELL_LIMITS = { min: -3, max: 3, step: 0.1 } as const;

/**
 * The cell explorer's own state: the four pre-activations a_i, a_f, a_g, a_o and the previous cell
 * state c. Example: `ai=1&af=3&ag=-0.5&ao=0&c=2`.
 */
export const CELL_STATE = defineState({
  ai: { kind: 'number', ...PRE_ACTIVATION_LIMITS, default: 1, control: 'the input gate’s pre-activation' },
  af: { kind: 'number', ...PRE_ACTIVATION_LIMITS, default: 2, control: 'the forget gate’s pre-activation' },
  ag: { kind: 'number', ...PRE_ACTIVATION_LIMITS, default: 0.5, control: 'the candidate’s pre-activation' },
  ao: { kind: 'number', ...PRE_ACTIVATION_LIMITS, default: 1, control: 'the output gate’s pre-activation' },
  c: { kind: 'number', ...CELL_LIMITS, default: 1, control: 'the previous cell state' },
});

export const STEPS_LIMITS = { min: 1, max: 100, step: 1 } as const;
export const FORGET_BIAS_LIMITS = { min: -3, max: 5, step: 0.5 } as const;
export const HIDDEN_LIMITS = { min: 1, max: 8, step: 1 } as const;
export const SCALE_LIMITS = { min: 0.5, max: 3, step: 0.25 } as const;

/**
 * The gradient-through-time figure's own state: T steps, the forget gate's bias b_f, the hidden size
 * H, the weights' scale and their seed. Example: `steps=100&bf=2&hidden=8`.
 */
export const FLOW_STATE = defineState({
  steps: { kind: 'integer', min: STEPS_LIMITS.min, max: STEPS_LIMITS.max, default: 50, control: 'the number of steps T' },
  bf: { kind: 'number', ...FORGET_BIAS_LIMITS, default: 1, control: 'the forget gate’s bias' },
  hidden: { kind: 'integer', min: HIDDEN_LIMITS.min, max: HIDDEN_LIMITS.max, default: 4, control: 'the hidden size H' },
  scale: { kind: 'number', ...SCALE_LIMITS, default: 1, control: 'the scale of the weights' },
  seed: { kind: 'integer', min: 1, max: 999, default: 2, control: 'the weights drawn (their seed)' },
});
