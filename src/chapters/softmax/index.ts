import { exercise, widget, type EmbeddableWidget } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in softmaxExerciseSpecs.ts). */
export const PROBABILITY_ENTRY = exercise('softmax', 'ProbabilityExercise', 'one probability by hand', 'pk');
export const TEMPERATURE_ENTRY = exercise('softmax', 'TemperatureExercise', 'a probability at a temperature', 'tk');
export const SHARES_ENTRY = exercise('softmax', 'SharesExercise', 'the probabilities by eye', 'pb');

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
