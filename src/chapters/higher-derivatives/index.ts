import { exercise, widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { HESSIAN_STATE, QUADRATIC_STATE, TENSOR_STATE } from './higherDerivativesState';

/** The chapter's exercises, as entries (their numbers and grading are in higherDerivativesExerciseSpecs.ts). */
export const HESSIAN_ENTRY_ENTRY = exercise('higher-derivatives', 'HessianEntryExercise', 'one entry of the Hessian', 'he');
export const STABLE_RATE_ENTRY = exercise('higher-derivatives', 'StableRateExercise', 'the largest stable learning rate', 'hr');
export const EINSUM_BUG_ENTRY = exercise('higher-derivatives', 'EinsumBugExercise', 'spot the bug in an einsum line', 'hb');

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('higher-derivatives', 'HessianExplorer', 'the Hessian explorer', 'Hessian of cross-entropy explorer', ['z', 'y'], ['logits', 'labels'], HESSIAN_STATE),
  widget('higher-derivatives', 'QuadraticModelPlot', 'the quadratic model', 'Quadratic model of the loss along a direction', ['z', 'y'], [], QUADRATIC_STATE),
  widget('higher-derivatives', 'TensorExplorer', 'the third-derivative explorer', 'Third-derivative tensor explorer', ['z'], ['logits'], TENSOR_STATE),
  HESSIAN_ENTRY_ENTRY,
  STABLE_RATE_ENTRY,
  EINSUM_BUG_ENTRY,
];
