import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in logisticRegressionExerciseSpecs.ts). */
export const GRADIENT_ENTRY = exercise('logistic-regression', 'GradientExercise', 'one component of the gradient', 'gr');
export const PREDICTION_ENTRY = exercise('logistic-regression', 'PredictionExercise', 'the model’s probabilities by eye', 'lp');
export const RATE_ENTRY = exercise('logistic-regression', 'RateExercise', 'the first rate that cannot settle', 'lr');

/** Every exercise of the chapter: what the contents count, without the widgets' state schemas and the index around them. */
export const exercises = [GRADIENT_ENTRY, PREDICTION_ENTRY, RATE_ENTRY] as const;
