import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in gradientCheckExerciseSpecs.ts). */
export const CENTRAL_DIFFERENCE_ENTRY = exercise('gradient-check', 'CentralDifferenceExercise', 'a central difference by hand', 'cd');
export const ALIAS_ENTRY = exercise('gradient-check', 'AliasExercise', 'spot the bug: a step without a copy', 'al');
