import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in softmaxCrossEntropyExerciseSpecs.ts). */
export const GRADIENT_ENTRY = exercise('softmax-cross-entropy', 'GradientExercise', 'one entry of the gradient', 'gk');
export const SIGN_PATTERN_ENTRY = exercise('softmax-cross-entropy', 'SignPatternExercise', 'which entries are negative', 'sg');
export const STEP_BUG_ENTRY = exercise('softmax-cross-entropy', 'StepBugExercise', 'spot the bug in a descent step', 'sb');
