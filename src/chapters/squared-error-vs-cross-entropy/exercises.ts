import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in squaredErrorVsCrossEntropyExerciseSpecs.ts). */
export const SE_GRADIENT_ENTRY = exercise('squared-error-vs-cross-entropy', 'SquaredErrorGradientExercise', 'the squared-error gradient, confidently wrong', 'sg');
export const HARDEST_PUSH_ENTRY = exercise('squared-error-vs-cross-entropy', 'HardestPushExercise', 'which point squared error pushes hardest', 'hp');
