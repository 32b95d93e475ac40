import { exercise, widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { CELL_STATE, FLOW_STATE } from './lstmState';

/** The chapter's exercises, as entries (their numbers and grading are in lstmExerciseSpecs.ts). */
export const CELL_UPDATE_ENTRY = exercise('lstm', 'CellUpdateExercise', 'one step of the cell state', 'cu');
export const FORGET_POWER_ENTRY = exercise('lstm', 'ForgetPowerExercise', 'a gradient through T forget gates', 'fp');
export const CELL_PATH_ENTRY = exercise('lstm', 'CellPathExercise', 'which path does .detach() cut?', 'cp');

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('lstm', 'LstmCellExplorer', 'the LSTM cell explorer', 'The LSTM cell, gate by gate', [], [], CELL_STATE),
  widget('lstm', 'GradientFlowExplorer', 'the gradient through time', 'The gradient through time: LSTM against RNN', [], [], FLOW_STATE),
  CELL_UPDATE_ENTRY,
  FORGET_POWER_ENTRY,
  CELL_PATH_ENTRY,
];
