import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in logisticRegressionExerciseSpecs.ts). */
export const GRADIENT_ENTRY = exercise('logistic-regression', 'GradientExercise', 'one component of the gradient', 'gr');
export const PREDICTION_ENTRY = exercise('logistic-regression', 'PredictionExercise', 'the model’s probabilities by eye', 'lp');
export const RATE_ENTRY = exercise('logistic-regression', 'RateExercise', 'the first rate that cannot settle', 'lr');
