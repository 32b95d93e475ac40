import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { GRADIENT_ENTRY, PREDICTION_ENTRY, RATE_ENTRY } from './exercises';
import { LOGISTIC_STATE } from './logisticState';

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('logistic-regression', 'LogisticRegressionLab', 'the logistic regression lab', 'Logistic regression lab', [], [], LOGISTIC_STATE),
  PREDICTION_ENTRY,
  GRADIENT_ENTRY,
  RATE_ENTRY,
];

export { GRADIENT_ENTRY, PREDICTION_ENTRY, RATE_ENTRY };
