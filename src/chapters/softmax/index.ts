import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { PROBABILITY_ENTRY, TEMPERATURE_ENTRY, SHARES_ENTRY } from './exercises';

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('softmax', 'SoftmaxExplorer', 'the softmax explorer', 'Softmax explorer', ['z', 'T'], ['logits', 'temperature']),
  widget('softmax', 'WorkedExample', 'the worked example', 'Worked example: softmax of [2, 3, 4]', [], []),
  PROBABILITY_ENTRY,
  SHARES_ENTRY,
  TEMPERATURE_ENTRY,
];

export { PROBABILITY_ENTRY, TEMPERATURE_ENTRY, SHARES_ENTRY };
