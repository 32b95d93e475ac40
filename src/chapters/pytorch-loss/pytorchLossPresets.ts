import { START_BATCH, type Batch } from './pytorchLossInputs';

/**
 * The chapter's surprises, each a whole batch the option explorer can be set to with one button. They
 * share the starting logits (three samples, three classes; the third sample's largest logit is not its
 * class) so that only the option named changes from one to the next. The prose states their numbers
 * and tests/claims/pytorch-loss.claims.test.ts replays them.
 */
export interface Preset {
  id: string;
  /** the button's text */
  label: string;
  batch: Batch;
}

/** The class weights of the weighted presets: class 0 counts twice, class 1 half. */
export const PRESET_WEIGHT = [2, 0.5, 1] as const;

const weighted: Batch = { ...START_BATCH, weighted: true, weight: [...PRESET_WEIGHT] };

export const PRESETS: readonly Preset[] = [
  { id: 'plain', label: 'No options: the plain mean', batch: START_BATCH },
  { id: 'weighted', label: 'Weighted mean', batch: weighted },
  { id: 'ignored', label: 'One sample ignored', batch: { ...weighted, indices: [-100, 1, 0] } },
  { id: 'all-ignored', label: 'Every sample ignored', batch: { ...weighted, indices: [-100, -100, -100] } },
  { id: 'probs', label: 'Probability targets', batch: { ...weighted, targetKind: 'probs' } },
  { id: 'smoothing', label: 'Label smoothing with weights', batch: { ...weighted, smoothing: 0.2 } },
  { id: 'none', label: "reduction='none'", batch: { ...weighted, reduction: 'none', indices: [-100, 1, 0] } },
];

export function presetBatch(id: string): Batch {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset "${id}"`);
  return preset.batch;
}
