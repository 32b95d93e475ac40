import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { ROW_SIGNS_ENTRY, OFF_DIAGONAL_ENTRY, DIAGONAL_ONLY_ENTRY } from './exercises';
import { JACOBIAN_STATE } from './jacobianState';

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

export { ROW_SIGNS_ENTRY, OFF_DIAGONAL_ENTRY, DIAGONAL_ONLY_ENTRY };
