import { exercise, widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { CROSS_ENTROPY_EXPLORER_STATE, GRADIENT_DESCENT_STATE } from './crossEntropyState';

/** The chapter's exercises, as entries (their numbers and grading are in softmaxCrossEntropyExerciseSpecs.ts). */
export const GRADIENT_ENTRY = exercise('softmax-cross-entropy', 'GradientExercise', 'one entry of the gradient', 'gk');
export const SIGN_PATTERN_ENTRY = exercise('softmax-cross-entropy', 'SignPatternExercise', 'which entries are negative', 'sg');
export const STEP_BUG_ENTRY = exercise('softmax-cross-entropy', 'StepBugExercise', 'spot the bug in a descent step', 'sb');

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('softmax-cross-entropy', 'CrossEntropyGradientExplorer', 'the cross-entropy gradient explorer', 'Cross-entropy gradient explorer', ['z', 'y'], ['logits', 'labels'], CROSS_ENTROPY_EXPLORER_STATE),
  widget('softmax-cross-entropy', 'GradientDescentStep', 'the gradient step', 'One gradient step at a time', ['z', 'y'], [], GRADIENT_DESCENT_STATE),
  GRADIENT_ENTRY,
  SIGN_PATTERN_ENTRY,
  STEP_BUG_ENTRY,
];
