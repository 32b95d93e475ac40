import { createLabStore, type LabActions, type LabStore } from '../state/createLabStore';
import type { LabQueryState } from '../url/labQuery';
import { isControlId, type ControlId } from '../url/widgetEntry';

/** The store actions that change each lecturer-controllable input. */
const ACTIONS: Record<ControlId, readonly (keyof LabActions)[]> = {
  logits: ['setLogit', 'setLogits', 'addClass', 'removeClass', 'shiftLogits', 'restoreWorkedExample'],
  temperature: ['setTemperature', 'restoreWorkedExample'],
  labels: ['setLabelClass', 'setLabels'],
  'binary-logit': ['setBinaryLogit'],
  'binary-target': ['setBinaryTarget'],
};

const ignore = () => {};

/**
 * An embed's own lab store, started from its URL. An input the lecturer hid or locked cannot change
 * by any way in, not just its control: a dragged bar or a reset button would otherwise move it.
 */
export function createEmbedStore(initial: LabQueryState, fixed: readonly string[]): LabStore {
  const store = createLabStore({ ...initial });
  const blocked: Partial<LabActions> = {};
  // A widget's own controls are fixed by its state hook (useWidgetState), not here.
  for (const id of fixed.filter(isControlId)) for (const action of ACTIONS[id]) blocked[action] = ignore;
  store.setState(blocked);
  return store;
}
