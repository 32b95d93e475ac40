import { exercise, widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { INFORMATION_STATE } from './informationState';

/** The chapter's exercises, as entries (their numbers and grading are in informationExerciseSpecs.ts). */
export const CROSS_ENTROPY_ENTRY = exercise('information', 'CrossEntropyExercise', 'a cross-entropy in bits', 'ce');
export const CLOSEST_PREDICTION_ENTRY = exercise('information', 'ClosestPredictionExercise', 'the prediction with the least cross-entropy', 'cp');
export const UNIT_BUG_ENTRY = exercise('information', 'UnitBugExercise', 'spot the bug: bits from np.log', 'sb');

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('information', 'InformationExplorer', 'the information explorer', 'Information explorer', ['z', 'y'], ['logits', 'labels'], INFORMATION_STATE),
  CROSS_ENTROPY_ENTRY,
  CLOSEST_PREDICTION_ENTRY,
  UNIT_BUG_ENTRY,
];
