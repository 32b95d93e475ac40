import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { WEIGHTED_MEAN_ENTRY, WEIGHT_BUG_ENTRY } from './exercises';
import { BATCH_STATE, BCE_STATE } from './pytorchLossState';

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

export { WEIGHTED_MEAN_ENTRY, WEIGHT_BUG_ENTRY };
