import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { LOG_SUM_EXP_ENTRY, EPSILON_BUG_ENTRY } from './exercises';
import { EPSILON_STATE, FUSED_BACKWARD_STATE, OVERFLOW_STATE } from './stabilityState';

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('stability', 'OverflowExplorer', 'the naive against stable comparison', 'Naive against stable softmax', [], [], OVERFLOW_STATE),
  widget('stability', 'EpsilonTrickExplorer', 'the epsilon trick explorer', 'The epsilon trick against log-softmax', [], [], EPSILON_STATE),
  widget('stability', 'FusedBackward', 'the fused backward pass', 'Fused against unfused backward pass', [], [], FUSED_BACKWARD_STATE),
  LOG_SUM_EXP_ENTRY,
  EPSILON_BUG_ENTRY,
];

export { LOG_SUM_EXP_ENTRY, EPSILON_BUG_ENTRY };
