import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in pytorchLossExerciseSpecs.ts). */
export const WEIGHTED_MEAN_ENTRY = exercise('pytorch-loss', 'WeightedMeanExercise', 'the weighted mean of a batch', 'wm');
export const WEIGHT_BUG_ENTRY = exercise('pytorch-loss', 'WeightBugExercise', 'spot the bug: a weighted sum divided by N', 'wb');
