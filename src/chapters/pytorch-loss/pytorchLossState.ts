import { defineState } from '../../url/stateSchema';

/**
 * The limits of chapter 11's batch: 2 to 6 samples, 2 to 8 classes, logits from −10 to 10 on a 0.1
 * grid (the other chapters' sliders), class weights from 0 to 5 on a 0.1 grid, probability targets on
 * a 0.05 grid, label smoothing from 0 to 1 in steps of 0.05.
 */
export const BATCH_LIMITS = {
  rows: { min: 2, max: 6 },
  classes: { min: 2, max: 8 },
  logit: { min: -10, max: 10, step: 0.1 },
  weight: { min: 0, max: 5, step: 0.1 },
  probability: { step: 0.05 },
  smoothing: { min: 0, max: 1, step: 0.05 },
  /** PyTorch's default ignore_index */
  defaultIgnore: -100,
} as const;

/**
 * The option explorer's state: the batch's shape (`n` samples × `c` classes), its logits `lz` row after
 * row, the kind of target `tk` with the class indices `ti` and the probability rows `tp` (both kept, so
 * switching kind and back loses neither), whether classes are weighted `wt` and the weights `w`, the
 * reduction `red`, label smoothing `sm` and ignore_index `ii`. A link whose lengths disagree with its
 * shape is read as far as it agrees, with a notice (pytorchLossInputs.ts). Example:
 * `n=2&c=2&lz=1,0,0,1&ti=0,-100&red=sum`.
 */
export const BATCH_STATE = defineState({
  n: { kind: 'integer', min: BATCH_LIMITS.rows.min, max: BATCH_LIMITS.rows.max, default: 3, control: 'the number of samples' },
  c: { kind: 'integer', min: BATCH_LIMITS.classes.min, max: BATCH_LIMITS.classes.max, default: 3, control: 'the number of classes' },
  lz: {
    kind: 'numbers',
    minLength: 4,
    maxLength: 48,
    min: BATCH_LIMITS.logit.min,
    max: BATCH_LIMITS.logit.max,
    default: [2, 0.5, -1, 0, 1.5, 0.5, 1, 0, 2],
    control: 'the logits',
  },
  tk: { kind: 'choice', values: ['index', 'probs'], default: 'index', control: 'the kind of target' },
  ti: { kind: 'numbers', minLength: 2, maxLength: 6, min: -100, max: 7, default: [0, 1, 0], control: 'the class-index targets' },
  tp: {
    kind: 'numbers',
    minLength: 4,
    maxLength: 48,
    min: 0,
    max: 1,
    default: [0.8, 0.1, 0.1, 0, 1, 0, 0.5, 0, 0.5],
    control: 'the probability targets',
  },
  wt: { kind: 'flag', default: false, control: 'whether the classes are weighted' },
  w: { kind: 'numbers', minLength: 2, maxLength: 8, min: BATCH_LIMITS.weight.min, max: BATCH_LIMITS.weight.max, default: [1, 1, 1], control: 'the class weights' },
  red: { kind: 'choice', values: ['mean', 'sum', 'none'], default: 'mean', control: 'the reduction' },
  sm: { kind: 'number', min: 0, max: 1, step: BATCH_LIMITS.smoothing.step, default: 0, control: 'label smoothing' },
  ii: { kind: 'integer', min: -100, max: 7, default: BATCH_LIMITS.defaultIgnore, control: 'ignore_index' },
});

/**
 * The BCEWithLogits widget: four samples' logits `bx`, their targets `by` (0 or 1, or between), the
 * scalar pos_weight `pw` and the reduction `br`. Example: `bx=2,-1,0.5,-3&by=1,1,0,0&pw=3`.
 */
export const BCE_STATE = defineState({
  bx: { kind: 'numbers', minLength: 4, maxLength: 4, min: -10, max: 10, default: [2, -1, 0.5, -3], control: 'the logits' },
  by: { kind: 'numbers', minLength: 4, maxLength: 4, min: 0, max: 1, default: [1, 1, 0, 0], control: 'the targets' },
  pw: { kind: 'number', min: 0.1, max: 10, step: 0.1, default: 1, control: 'pos_weight' },
  br: { kind: 'choice', values: ['mean', 'sum', 'none'], default: 'mean', control: 'the reduction' },
});
