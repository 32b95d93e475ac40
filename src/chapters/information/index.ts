import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { INFORMATION_STATE } from './informationState';

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('information', 'InformationExplorer', 'the information explorer', 'Information explorer', ['z', 'y'], ['logits', 'labels'], INFORMATION_STATE),
];
