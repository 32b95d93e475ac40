import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { LOSS_ENTRY, GRADIENT_ENTRY, WITH_LOGITS_ENTRY } from './exercises';

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('binary-cross-entropy', 'BinaryCrossEntropyExplorer', 'the binary cross-entropy explorer', 'Sigmoid and binary cross-entropy explorer', ['bz', 'bt'], ['binary-logit', 'binary-target']),
  widget('binary-cross-entropy', 'SigmoidSoftmaxPair', 'the softmax and sigmoid comparison', 'Two-class softmax beside the sigmoid', ['bz'], ['binary-logit']),
  widget('binary-cross-entropy', 'MultiLabelComparison', 'the multi-class and multi-label comparison', 'One softmax against one sigmoid per class', ['z', 'y'], ['logits']),
  LOSS_ENTRY,
  GRADIENT_ENTRY,
  WITH_LOGITS_ENTRY,
];

export { LOSS_ENTRY, GRADIENT_ENTRY, WITH_LOGITS_ENTRY };
