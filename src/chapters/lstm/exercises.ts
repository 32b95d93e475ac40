import { exercise } from '../../url/widgetEntry';

/** The chapter's exercises, as entries (their numbers and grading are in lstmExerciseSpecs.ts). */
export const CELL_UPDATE_ENTRY = exercise('lstm', 'CellUpdateExercise', 'one step of the cell state', 'cu');
export const FORGET_POWER_ENTRY = exercise('lstm', 'ForgetPowerExercise', 'a gradient through T forget gates', 'fp');
export const CELL_PATH_ENTRY = exercise('lstm', 'CellPathExercise', 'which path does .detach() cut?', 'cp');
