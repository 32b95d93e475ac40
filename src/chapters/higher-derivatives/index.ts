import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { HESSIAN_ENTRY_ENTRY, STABLE_RATE_ENTRY, EINSUM_BUG_ENTRY } from './exercises';
import { HESSIAN_STATE, QUADRATIC_STATE, TENSOR_STATE } from './higherDerivativesState';

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('higher-derivatives', 'HessianExplorer', 'the Hessian explorer', 'Hessian of cross-entropy explorer', ['z', 'y'], ['logits', 'labels'], HESSIAN_STATE),
  widget('higher-derivatives', 'QuadraticModelPlot', 'the quadratic model', 'Quadratic model of the loss along a direction', ['z', 'y'], [], QUADRATIC_STATE),
  widget('higher-derivatives', 'TensorExplorer', 'the third-derivative explorer', 'Third-derivative tensor explorer', ['z'], ['logits'], TENSOR_STATE),
  HESSIAN_ENTRY_ENTRY,
  STABLE_RATE_ENTRY,
  EINSUM_BUG_ENTRY,
];

export { HESSIAN_ENTRY_ENTRY, STABLE_RATE_ENTRY, EINSUM_BUG_ENTRY };
