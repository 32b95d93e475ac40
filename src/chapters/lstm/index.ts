import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { CELL_UPDATE_ENTRY, FORGET_POWER_ENTRY, CELL_PATH_ENTRY } from './exercises';
import { CELL_STATE, FLOW_STATE } from './lstmState';

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

export { CELL_UPDATE_ENTRY, FORGET_POWER_ENTRY, CELL_PATH_ENTRY };
