import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in jacobianExerciseSpecs.ts). */
export const ROW_SIGNS_ENTRY = exercise('jacobian', 'RowSignsExercise', 'the signs of one row', 'js');
export const OFF_DIAGONAL_ENTRY = exercise('jacobian', 'OffDiagonalExercise', 'an entry off the diagonal', 'jo');
export const DIAGONAL_ONLY_ENTRY = exercise('jacobian', 'DiagonalOnlyExercise', 'spot the bug in a diagonal-only Jacobian', 'jb');
