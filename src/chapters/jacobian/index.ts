import { exercise, widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { JACOBIAN_STATE } from './jacobianState';

/** The chapter's exercises, as entries (their numbers and grading are in jacobianExerciseSpecs.ts). */
export const ROW_SIGNS_ENTRY = exercise('jacobian', 'RowSignsExercise', 'the signs of one row', 'js');
export const OFF_DIAGONAL_ENTRY = exercise('jacobian', 'OffDiagonalExercise', 'an entry off the diagonal', 'jo');
export const DIAGONAL_ONLY_ENTRY = exercise('jacobian', 'DiagonalOnlyExercise', 'spot the bug in a diagonal-only Jacobian', 'jb');

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('jacobian', 'JacobianExplorer', 'the Jacobian explorer', 'Softmax Jacobian explorer', ['z'], ['logits'], JACOBIAN_STATE),
  ROW_SIGNS_ENTRY,
  OFF_DIAGONAL_ENTRY,
  DIAGONAL_ONLY_ENTRY,
];
