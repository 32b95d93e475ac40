import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { CROSS_ENTROPY_ENTRY, CLOSEST_PREDICTION_ENTRY, UNIT_BUG_ENTRY } from './exercises';
import { INFORMATION_STATE } from './informationState';

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

export { CROSS_ENTROPY_ENTRY, CLOSEST_PREDICTION_ENTRY, UNIT_BUG_ENTRY };
