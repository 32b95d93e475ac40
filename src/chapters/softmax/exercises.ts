import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in softmaxExerciseSpecs.ts). */
export const PROBABILITY_ENTRY = exercise('softmax', 'ProbabilityExercise', 'one probability by hand', 'pk');
export const TEMPERATURE_ENTRY = exercise('softmax', 'TemperatureExercise', 'a probability at a temperature', 'tk');
export const SHARES_ENTRY = exercise('softmax', 'SharesExercise', 'the probabilities by eye', 'pb');
