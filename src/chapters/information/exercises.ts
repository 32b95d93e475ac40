import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in informationExerciseSpecs.ts). */
export const CROSS_ENTROPY_ENTRY = exercise('information', 'CrossEntropyExercise', 'a cross-entropy in bits', 'ce');
export const CLOSEST_PREDICTION_ENTRY = exercise('information', 'ClosestPredictionExercise', 'the prediction with the least cross-entropy', 'cp');
export const UNIT_BUG_ENTRY = exercise('information', 'UnitBugExercise', 'spot the bug: bits from np.log', 'sb');
