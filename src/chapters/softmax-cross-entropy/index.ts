import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { GRADIENT_ENTRY, SIGN_PATTERN_ENTRY, STEP_BUG_ENTRY } from './exercises';
import { CROSS_ENTROPY_EXPLORER_STATE, GRADIENT_DESCENT_STATE } from './crossEntropyState';

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('softmax-cross-entropy', 'CrossEntropyGradientExplorer', 'the cross-entropy gradient explorer', 'Cross-entropy gradient explorer', ['z', 'y'], ['logits', 'labels'], CROSS_ENTROPY_EXPLORER_STATE),
  widget('softmax-cross-entropy', 'GradientDescentStep', 'the gradient step', 'One gradient step at a time', ['z', 'y'], [], GRADIENT_DESCENT_STATE),
  GRADIENT_ENTRY,
  SIGN_PATTERN_ENTRY,
  STEP_BUG_ENTRY,
];

export { GRADIENT_ENTRY, SIGN_PATTERN_ENTRY, STEP_BUG_ENTRY };
