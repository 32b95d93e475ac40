import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in binaryCrossEntropyExerciseSpecs.ts). */
export const LOSS_ENTRY = exercise('binary-cross-entropy', 'LossExercise', 'the loss of one logit', 'bl');
export const GRADIENT_ENTRY = exercise('binary-cross-entropy', 'GradientExercise', 'the gradient in the logit', 'bg');
export const WITH_LOGITS_ENTRY = exercise('binary-cross-entropy', 'WithLogitsExercise', 'spot the bug in a loss with logits', 'bs');
