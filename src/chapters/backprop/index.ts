import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { OUTPUT_GRADIENT_ENTRY, BATCH_DIVISOR_ENTRY } from './exercises';
import { BACKPROP_TRAINER_STATE, BACKWARD_PASS_STATE, BATCH_REDUCTION_STATE } from './backpropState';

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('backprop', 'BackpropTrainer', 'the network trainer', 'Network trainer', [], [], BACKPROP_TRAINER_STATE),
  widget('backprop', 'BackpropWeights', 'the weights and their gradients', 'Weights and gradients', [], []),
  widget('backprop', 'BackwardPassExplorer', 'the backward pass in matrix form', 'The backward pass in matrix form', [], [], BACKWARD_PASS_STATE),
  widget('backprop', 'BatchReductionDemo', 'the mean-against-sum demonstration', 'Mean against sum over the batch', [], [], BATCH_REDUCTION_STATE),
  OUTPUT_GRADIENT_ENTRY,
  BATCH_DIVISOR_ENTRY,
];

export { OUTPUT_GRADIENT_ENTRY, BATCH_DIVISOR_ENTRY };
