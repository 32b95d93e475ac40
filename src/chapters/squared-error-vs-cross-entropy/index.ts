import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { SE_GRADIENT_ENTRY, HARDEST_PUSH_ENTRY } from './exercises';
import { LOSS_RACE_STATE, SATURATION_STATE, SEED_EXPERIMENT_STATE } from './squaredErrorState';

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

export { SE_GRADIENT_ENTRY, HARDEST_PUSH_ENTRY };
