import { exercise, widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { LOGISTIC_STATE } from './logisticState';

/** The chapter's exercises, as entries (their numbers and grading are in logisticRegressionExerciseSpecs.ts). */
export const GRADIENT_ENTRY = exercise('logistic-regression', 'GradientExercise', 'one component of the gradient', 'gr');
export const PREDICTION_ENTRY = exercise('logistic-regression', 'PredictionExercise', 'the model’s probabilities by eye', 'lp');
export const RATE_ENTRY = exercise('logistic-regression', 'RateExercise', 'the first rate that cannot settle', 'lr');

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
