import { useEffect } from 'react';
import type { Dataset } from '../../core/datasets';
import { currentRoute, onHashChange } from '../../url/hashRoute';
import type { ControlMode } from '../../state/embedContext';
import { useWidgetState } from '../../state/useWidgetState';
import { equalValue, readWidgetState, type StateOf, type StatePoint } from '../../url/stateSchema';
import { BACKPROP_TRAINER_STATE } from './backpropState';
import { BACKPROP_LIMITS } from './backpropLimits';
import { customDataset } from './backpropData';
import { useBackpropStore } from './BackpropContext';
import type { BackpropSettings, BackpropState, BackpropStore } from './backpropStore';

export type TrainerState = StateOf<typeof BACKPROP_TRAINER_STATE>;
type TrainerKey = keyof TrainerState & string;

const NO_POINTS: readonly StatePoint[] = BACKPROP_TRAINER_STATE.points.default;
// one array per data set object, so an unchanged set is never news to the address
const pointsOfSet = new WeakMap<Dataset, readonly StatePoint[]>();

function pointsOf(s: Pick<BackpropState, 'datasetKind' | 'dataset'>): readonly StatePoint[] {
  if (s.datasetKind !== 'custom') return NO_POINTS;
  let points = pointsOfSet.get(s.dataset);
  if (!points) {
    const { x, labels, m } = s.dataset;
    points = Array.from({ length: m }, (_, i) => ({ x: x[2 * i] as number, y: x[2 * i + 1] as number, c: (labels[i] as number) + 1 }));
    pointsOfSet.set(s.dataset, points);
  }
  return points;
}

/** The trainer's state as the store has it: the steps are those taken, or those a replay is heading for. */
export function trainerStateOf(s: BackpropState): TrainerState {
  return {
    data: s.datasetKind,
    points: pointsOf(s),
    seed: s.initialSeed,
    hidden: s.hidden,
    act: s.activation,
    lr: s.learningRate,
    reduce: s.reduction,
    batch: s.batchSize,
    n: Math.max(s.step, s.replayTarget),
  };
}

/** A link's run as the store will hold it: points only for a custom set, no steps without points. */
function runOfLink(link: TrainerState): { settings: BackpropSettings; state: TrainerState } {
  // the store keeps the rate to a link's 6 decimals: a link typed with more means the same run
  const lr = Number(link.lr.toFixed(BACKPROP_LIMITS.learningRateDecimals));
  const custom = link.data === 'custom' ? customDataset(link.points.map((p) => ({ x: p.x, y: p.y, label: p.c - 1 }))) : undefined;
  const settings: BackpropSettings = {
    datasetKind: link.data,
    custom,
    initialSeed: link.seed,
    hidden: link.hidden,
    activation: link.act,
    learningRate: lr,
    reduction: link.reduce,
    batchSize: link.batch,
  };
  const points = custom ? pointsOf({ datasetKind: 'custom', dataset: custom }) : NO_POINTS;
  return { settings, state: { ...link, lr, points, n: custom && custom.m === 0 ? 0 : link.n } };
}

/** The fields of `next` that differ from `state` (the points by value). */
function changes(state: TrainerState, next: TrainerState): Partial<TrainerState> {
  const out: Partial<Record<TrainerKey, unknown>> = {};
  for (const key of Object.keys(next) as TrainerKey[]) {
    const same = state[key] === next[key] || equalValue(state[key], next[key]);
    if (!same) out[key] = next[key];
  }
  return out as Partial<TrainerState>;
}

/** A link's run, unless the store already has it (or is replaying towards it): the one way in from the address. */
function followLink(store: BackpropStore, query: URLSearchParams): void {
  const reading = readWidgetState(BACKPROP_TRAINER_STATE, query);
  // an address naming none of the trainer's keys (the chapter opened from the contents) keeps the run
  if (reading.present.length === 0) return;
  const { settings, state } = runOfLink(reading.value);
  const s = store.getState();
  if (Object.keys(changes(trainerStateOf(s), state)).length > 0) s.restore(settings, state.n);
}

/**
 * The trainer's settings and step count, kept in the address. The run lives in the chapter's store
 * (the other widgets read it there, and on the site it outlives the page when the learner visits
 * another chapter: BackpropContext.tsx), so the address is the store's mirror rather than the other way round: a link followed
 * (at mount, or a hashchange on this page) restores its run in the store, training it again to its
 * step count, paused (training is deterministic, so it is the very run the link was made from); every
 * change of the store is written back through the state hook. Returns each field's lecturer mode.
 */
export function useTrainerState(): (key: TrainerKey) => ControlMode {
  const [, update, mode] = useWidgetState(BACKPROP_TRAINER_STATE);
  const store = useBackpropStore();

  useEffect(() => {
    const route = currentRoute();
    followLink(store, route.query);
    // Read from the store at the moment the state is computed, so a burst of snapshots is one change.
    const mirror = () => update((state) => changes(state, trainerStateOf(store.getState())));
    const unsubscribe = store.subscribe(mirror);
    mirror();
    const onHash = () => {
      const next = currentRoute();
      // another chapter's address may use the same keys for its own widgets: not a link to this run
      if (next.slug === route.slug) followLink(store, next.query);
    };
    const unlisten = onHashChange(onHash);
    return () => {
      unsubscribe();
      unlisten();
    };
  }, [store, update]);

  return mode;
}
