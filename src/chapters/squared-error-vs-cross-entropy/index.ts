import { exercise, widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { LOSS_RACE_STATE, SATURATION_STATE, SEED_EXPERIMENT_STATE } from './squaredErrorState';

/** The chapter's exercises, as entries (their numbers and grading are in squaredErrorVsCrossEntropyExerciseSpecs.ts). */
export const SE_GRADIENT_ENTRY = exercise('squared-error-vs-cross-entropy', 'SquaredErrorGradientExercise', 'the squared-error gradient, confidently wrong', 'sg');
export const HARDEST_PUSH_ENTRY = exercise('squared-error-vs-cross-entropy', 'HardestPushExercise', 'which point squared error pushes hardest', 'hp');

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('squared-error-vs-cross-entropy', 'SaturationExplorer', 'the gradient comparison', 'Squared error against cross-entropy: the gradients', [], [], SATURATION_STATE),
  widget('squared-error-vs-cross-entropy', 'LossRace', 'the training race', 'Training race', [], [], LOSS_RACE_STATE),
  widget('squared-error-vs-cross-entropy', 'SeedExperiment', 'the many-seed experiment', 'Many-seed experiment', [], [], SEED_EXPERIMENT_STATE),
  SE_GRADIENT_ENTRY,
  HARDEST_PUSH_ENTRY,
];
