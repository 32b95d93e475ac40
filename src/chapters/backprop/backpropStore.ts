import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initNetwork, type Activation, type BatchReduction, type Network, type NetworkParams, type NetworkShape } from '../../core/network';
import { makeDataset, type Dataset } from '../../core/datasets';
import { ACTIVATIONS, BACKPROP_LIMITS, DATASET_KINDS, type BackpropDatasetKind } from './backpropLimits';

export { ACTIVATIONS, BACKPROP_LIMITS, DATASET_KINDS, type BackpropDatasetKind };

/**
 * The inputs of chapter 8's network lab, and the weights training has reached. One module-level store:
 * the chapter's widgets (and the matrix-form explainer of the other helper) all read the same run.
 *
 * `network` is replaced by a new object, never mutated, whenever the weights change, so that selectors
 * see the change. Every action validates; bad values are ignored and the last good state stays.
 */

/** One point of the loss and accuracy curves: the weights after `step` updates. */
export interface TrainingPoint {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
}

export interface BackpropInputs {
  datasetKind: BackpropDatasetKind;
  /** the seed of the toy data set (fixed, so the learner's seed only moves the initial weights) */
  dataSeed: number;
  dataset: Dataset;
  /** the seed of the initial weights; replay starts from initNetwork(shape, initialSeed) again */
  initialSeed: number;
  hidden: number;
  activation: Activation;
  learningRate: number;
  reduction: BatchReduction;
  /** the current weights */
  network: Network;
  /** how many gradient steps have been taken from the initial weights */
  step: number;
  /**
   * the step a run restored from a link is being trained to, paused, in large slices (0: none); a
   * restart, Play or a failed slice ends the replay
   */
  replayTarget: number;
  running: boolean;
  /** loss and accuracy of the weights after each snapshot, step 0 first */
  history: readonly TrainingPoint[];
  /** the run before the last replay or reset, drawn faintly so a replay can be seen to retrace it */
  previousHistory: readonly TrainingPoint[];
  /** ∂L/∂W1, ∂L/∂b1, ∂L/∂W2, ∂L/∂b2 at the current weights (null until the trainer first answers) */
  gradients: NetworkParams | null;
  /** the class the network predicts at each cell of a regionsSize² grid, top row first (null until the first answer) */
  regions: Uint8Array | null;
  /** the class that a click on the plot adds */
  pointClass: number;
  /** a message for the learner after a refused input (null when all is well) */
  message: string | null;
}

export interface BackpropActions {
  setDatasetKind(kind: BackpropDatasetKind): void;
  setInitialSeed(seed: number): void;
  setHidden(hidden: number): void;
  setActivation(activation: Activation): void;
  setLearningRate(lr: number): void;
  setReduction(reduction: BatchReduction): void;
  setPointClass(index: number): void;
  addPoint(x: number, y: number, label: number): void;
  movePoint(index: number, x: number, y: number): void;
  deletePoint(index: number): void;
  setRunning(running: boolean): void;
  /** new initial weights from the next seed; the data stays */
  reset(): void;
  /** the same initial weights again, step 0: the next run retraces the last one exactly */
  replay(): void;
  /**
   * a link's run: these settings from the initial weights, trained `steps` steps while paused (the
   * training loop takes them); a run already there is kept as the faint one
   */
  restore(settings: BackpropSettings, steps: number): void;
  /** stop replaying where the run is (a slice failed) */
  endReplay(): void;
  /** the trainer's answer: the weights after `step` updates, their loss, accuracy, gradient and regions */
  applySnapshot(snapshot: BackpropSnapshot): void;
  setMessage(message: string | null): void;
}

/** What decides a run besides its step count: everything a link must carry to replay it. */
export interface BackpropSettings {
  datasetKind: BackpropDatasetKind;
  /** the learner's own points, for a custom set (a generated one is made from its kind) */
  custom?: Dataset;
  initialSeed: number;
  hidden: number;
  activation: Activation;
  learningRate: number;
  reduction: BatchReduction;
}

export interface BackpropSnapshot {
  network: Network;
  step: number;
  loss: number;
  accuracy: number;
  gradients: NetworkParams;
  regions: Uint8Array;
}

export type BackpropState = BackpropInputs & BackpropActions;
export type BackpropStore = StoreApi<BackpropState>;

export function shapeOf(hidden: number, activation: Activation): NetworkShape {
  return { inputs: 2, hidden, outputs: BACKPROP_LIMITS.classes, activation };
}

function emptyDataset(): Dataset {
  return { x: new Float64Array(0), labels: new Int32Array(0), m: 0, classes: BACKPROP_LIMITS.classes };
}

/**
 * A coordinate of an edited point: inside the square and on a link's grid of 0.001 (a fraction of a
 * pixel), so that a link's points, and the run replayed on them, are exactly the learner's. `|| 0`
 * makes −0 plain 0, as a link writes it.
 */
function pointCoordinate(v: number): number {
  const e = BACKPROP_LIMITS.extent;
  return Number(Math.min(e, Math.max(-e, v)).toFixed(BACKPROP_LIMITS.pointDecimals)) || 0;
}

/** A learning rate in range and on a link's grid of 10⁻⁶, for the same reason. */
function roundedRate(lr: number): number {
  const { min, max } = BACKPROP_LIMITS.learningRate;
  return Number(Math.min(max, Math.max(min, lr)).toFixed(BACKPROP_LIMITS.learningRateDecimals));
}

/** The learner's own points as a data set: coordinates clamped to the square and its 0.001 grid; others refused. */
export function customDataset(points: readonly { x: number; y: number; label: number }[]): Dataset {
  const kept = points
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isInteger(p.label) && p.label >= 0 && p.label < BACKPROP_LIMITS.classes)
    .slice(0, BACKPROP_LIMITS.maxPoints);
  const x = new Float64Array(kept.length * 2);
  const labels = new Int32Array(kept.length);
  kept.forEach((p, i) => {
    x[2 * i] = pointCoordinate(p.x);
    x[2 * i + 1] = pointCoordinate(p.y);
    labels[i] = p.label;
  });
  return { x, labels, m: kept.length, classes: BACKPROP_LIMITS.classes };
}

/** The data set a kind names: generated from the chapter's data seed, or the learner's own points. */
export function datasetOf(kind: BackpropDatasetKind, dataSeed: number, custom: Dataset = emptyDataset()): Dataset {
  return kind === 'custom' ? custom : makeDataset(kind, BACKPROP_LIMITS.points, dataSeed);
}

/**
 * A fresh dataset object with row `index` replaced, added (index = m) or removed. Every row is put on
 * the 0.001 grid: an edit makes the set the learner's own, and a link carries it to that precision.
 */
function editDataset(d: Dataset, edit: { kind: 'set'; index: number; x: number; y: number; label: number } | { kind: 'delete'; index: number }): Dataset {
  const m = edit.kind === 'delete' ? d.m - 1 : Math.max(d.m, edit.index + 1);
  const x = new Float64Array(m * 2);
  const labels = new Int32Array(m);
  let row = 0;
  for (let i = 0; i < d.m; i++) {
    if (edit.kind === 'delete' && i === edit.index) continue;
    x[row * 2] = pointCoordinate(d.x[i * 2] as number);
    x[row * 2 + 1] = pointCoordinate(d.x[i * 2 + 1] as number);
    labels[row] = d.labels[i] as number;
    row++;
  }
  if (edit.kind === 'set') {
    x[edit.index * 2] = pointCoordinate(edit.x);
    x[edit.index * 2 + 1] = pointCoordinate(edit.y);
    labels[edit.index] = edit.label;
  }
  return { x, labels, m, classes: d.classes };
}

export function initialBackpropInputs(overrides: Partial<Pick<BackpropInputs, 'datasetKind' | 'dataSeed' | 'initialSeed' | 'hidden' | 'activation' | 'learningRate' | 'reduction'>> = {}): BackpropInputs {
  const datasetKind = overrides.datasetKind ?? 'blobs';
  const dataSeed = overrides.dataSeed ?? 1;
  const initialSeed = overrides.initialSeed ?? 1;
  const hidden = overrides.hidden ?? 16;
  const activation = overrides.activation ?? 'relu';
  return {
    datasetKind,
    dataSeed,
    dataset: datasetOf(datasetKind, dataSeed),
    initialSeed,
    hidden,
    activation,
    learningRate: overrides.learningRate ?? 0.3,
    reduction: overrides.reduction ?? 'mean',
    network: initNetwork(shapeOf(hidden, activation), initialSeed),
    step: 0,
    replayTarget: 0,
    running: false,
    history: [],
    previousHistory: [],
    gradients: null,
    regions: null,
    pointClass: 0,
    message: null,
  };
}

/** Keep the curves bounded: when full, every other point of the older half is dropped. */
function appendPoint(history: readonly TrainingPoint[], point: TrainingPoint): readonly TrainingPoint[] {
  const last = history[history.length - 1];
  if (last && last.step === point.step) return [...history.slice(0, -1), point];
  if (history.length < BACKPROP_LIMITS.maxHistory) return [...history, point];
  const half = history.length >> 1;
  const thinned = history.slice(0, half).filter((_, i) => i % 2 === 0);
  return [...thinned, ...history.slice(half), point];
}

export function createBackpropStore(overrides: Parameters<typeof initialBackpropInputs>[0] = {}): BackpropStore {
  return createStore<BackpropState>()((set, get) => {
    /** Start again from initNetwork(shape, seed) at step 0, keeping the last curves as the faint ones. */
    const restart = (patch: Partial<BackpropInputs>) => {
      const s = { ...get(), ...patch };
      set({
        network: initNetwork(shapeOf(s.hidden, s.activation), s.initialSeed),
        step: 0,
        replayTarget: 0,
        history: [],
        previousHistory: get().history.length > 0 ? get().history : get().previousHistory,
        message: null,
        ...patch,
      });
    };
    const setData = (dataset: Dataset, patch: Partial<BackpropInputs> = {}) => set({ ...patch, dataset, message: null });

    return {
      ...initialBackpropInputs(overrides),

      setDatasetKind(kind) {
        if (!DATASET_KINDS.includes(kind)) return;
        restart({ datasetKind: kind, dataset: datasetOf(kind, get().dataSeed) });
      },
      setInitialSeed(seed) {
        if (!Number.isInteger(seed) || seed < BACKPROP_LIMITS.seed.min || seed > BACKPROP_LIMITS.seed.max) {
          set({ message: `The seed must be a whole number from ${BACKPROP_LIMITS.seed.min} to ${BACKPROP_LIMITS.seed.max}.` });
          return;
        }
        restart({ initialSeed: seed });
      },
      setHidden(hidden) {
        if (!Number.isFinite(hidden)) return;
        const h = Math.min(BACKPROP_LIMITS.hidden.max, Math.max(BACKPROP_LIMITS.hidden.min, Math.round(hidden)));
        if (h !== get().hidden) restart({ hidden: h });
      },
      setActivation(activation) {
        if (ACTIVATIONS.includes(activation) && activation !== get().activation) restart({ activation });
      },
      setLearningRate(lr) {
        if (Number.isFinite(lr)) set({ learningRate: roundedRate(lr) });
      },
      setReduction(reduction) {
        if (reduction === 'mean' || reduction === 'sum') set({ reduction });
      },
      setPointClass(index) {
        if (Number.isInteger(index) && index >= 0 && index < BACKPROP_LIMITS.classes) set({ pointClass: index });
      },
      addPoint(x, y, label) {
        const d = get().dataset;
        if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isInteger(label) || label < 0 || label >= BACKPROP_LIMITS.classes) return;
        if (d.m >= BACKPROP_LIMITS.maxPoints) {
          set({ message: `At most ${BACKPROP_LIMITS.maxPoints} points: delete some before adding more.` });
          return;
        }
        setData(editDataset(d, { kind: 'set', index: d.m, x, y, label }), { datasetKind: 'custom' });
      },
      movePoint(index, x, y) {
        const d = get().dataset;
        if (!Number.isInteger(index) || index < 0 || index >= d.m || !Number.isFinite(x) || !Number.isFinite(y)) return;
        setData(editDataset(d, { kind: 'set', index, x, y, label: d.labels[index] as number }), { datasetKind: 'custom' });
      },
      deletePoint(index) {
        const d = get().dataset;
        if (!Number.isInteger(index) || index < 0 || index >= d.m) return;
        setData(editDataset(d, { kind: 'delete', index }), { datasetKind: 'custom' });
      },
      setRunning(running) {
        if (running && get().dataset.m === 0) {
          set({ running: false, message: 'There are no points to learn from: add some by clicking the plot.' });
          return;
        }
        // Play ends a replay: the learner has taken over
        set(running ? { running, message: null, replayTarget: 0 } : { running, message: null });
      },
      reset() {
        const next = get().initialSeed >= BACKPROP_LIMITS.seed.max ? BACKPROP_LIMITS.seed.min : get().initialSeed + 1;
        restart({ initialSeed: next });
      },
      replay() {
        restart({});
      },
      restore(settings, steps) {
        const { datasetKind, custom, initialSeed, hidden, activation, learningRate, reduction } = settings;
        const valid =
          DATASET_KINDS.includes(datasetKind) &&
          Number.isInteger(initialSeed) && initialSeed >= BACKPROP_LIMITS.seed.min && initialSeed <= BACKPROP_LIMITS.seed.max &&
          Number.isInteger(hidden) && hidden >= BACKPROP_LIMITS.hidden.min && hidden <= BACKPROP_LIMITS.hidden.max &&
          ACTIVATIONS.includes(activation) && Number.isFinite(learningRate) && (reduction === 'mean' || reduction === 'sum') &&
          Number.isInteger(steps) && steps >= 0;
        if (!valid) return;
        const data = datasetOf(datasetKind, get().dataSeed, custom);
        // with no points there is nothing to train: step 0 is where such a run is
        const replayTarget = data.m > 0 ? steps : 0;
        restart({ datasetKind, dataset: data, initialSeed, hidden, activation, learningRate: roundedRate(learningRate), reduction, running: false, replayTarget });
      },
      endReplay() {
        set({ replayTarget: 0 });
      },
      applySnapshot({ network, step, loss, accuracy, gradients, regions }) {
        if (!Number.isInteger(step) || step < 0) return;
        set({ network, step, gradients, regions, history: appendPoint(get().history, { step, loss, accuracy }) });
      },
      setMessage(message) {
        set({ message });
      },
    };
  });
}

/** The chapter's one store. */
export const backpropStore: BackpropStore = createBackpropStore();

/** Select a slice of chapter 8's state; re-renders only when that slice changes. */
export function useBackprop<T>(selector: (state: BackpropState) => T): T {
  return useStore(backpropStore, selector);
}

/** What a widget that follows the run (weights, gradients, data, reduction) reads at a throttled pace. */
export type BackpropRunView = Pick<BackpropState, 'network' | 'gradients' | 'dataset' | 'reduction'>;

const runView = (): BackpropRunView => {
  const { network, gradients, dataset, reduction } = backpropStore.getState();
  return { network, gradients, dataset, reduction };
};

/**
 * The run's weights, gradients, data and reduction: at once while training is paused, at most once
 * every `ms` (the latest wins) while it plays or replays. Subscribed by hand rather than through a selector, so
 * that a training frame does not even render a widget that uses it: a heavy widget (tables of every
 * weight, a whole backward pass) would otherwise cost the page its frame rate.
 */
export function useThrottledBackprop(ms: number): BackpropRunView {
  const [shown, setShown] = useState(runView);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      timer = null;
      last = performance.now();
      setShown((old) => {
        const next = runView();
        const same = old.network === next.network && old.gradients === next.gradients && old.dataset === next.dataset && old.reduction === next.reduction;
        return same ? old : next;
      });
    };
    const unsubscribe = backpropStore.subscribe((s) => {
      if (timer !== null) return;
      // a replay (a link's run trained again) comes in slices as fast as playing does
      const wait = s.running || s.step < s.replayTarget ? Math.max(0, ms - (performance.now() - last)) : 0;
      if (wait === 0) update();
      else timer = setTimeout(update, wait);
    });
    update();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [ms]);
  return shown;
}
