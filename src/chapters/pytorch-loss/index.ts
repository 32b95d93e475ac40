import { exercise, widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { BATCH_STATE, BCE_STATE } from './pytorchLossState';

/** The chapter's exercises, as entries (their numbers and grading are in pytorchLossExerciseSpecs.ts). */
export const WEIGHTED_MEAN_ENTRY = exercise('pytorch-loss', 'WeightedMeanExercise', 'the weighted mean of a batch', 'wm');
export const WEIGHT_BUG_ENTRY = exercise('pytorch-loss', 'WeightBugExercise', 'spot the bug: a weighted sum divided by N', 'wb');

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data, so the registry and
 * the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('pytorch-loss', 'LossExplorer', 'the nn.CrossEntropyLoss option explorer', 'nn.CrossEntropyLoss, option by option', [], [], BATCH_STATE),
  widget('pytorch-loss', 'BceExplorer', 'the BCEWithLogitsLoss explorer', 'nn.BCEWithLogitsLoss with pos_weight', [], [], BCE_STATE),
  WEIGHTED_MEAN_ENTRY,
  WEIGHT_BUG_ENTRY,
];
