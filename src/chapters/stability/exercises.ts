import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in stabilityExerciseSpecs.ts). */
export const LOG_SUM_EXP_ENTRY = exercise('stability', 'LogSumExpExercise', 'a loss from logits near 1000', 'ls');
export const EPSILON_BUG_ENTRY = exercise('stability', 'EpsilonBugExercise', 'spot the bug: 1e-8 inside the log', 'et');
