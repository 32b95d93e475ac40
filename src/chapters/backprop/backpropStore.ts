import { createStore, type StoreApi } from 'zustand/vanilla';
import { initNetwork, type Activation, type BatchReduction, type Network, type NetworkParams, type NetworkShape } from '../../core/network';
import type { Dataset } from '../../core/datasets';
import { datasetOf, editDataset } from './backpropData';
import { ACTIVATIONS, BACKPROP_LIMITS, DATASET_KINDS, type BackpropDatasetKind } from './backpropLimits';

/**
 * The inputs of chapter 8's network trainer, and the weights training has reached. One store per
 * chapter (BackpropContext.tsx provides it): the chapter's widgets all read the same run.
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
  /**
   * rows per gradient step B, 1 to maxPoints; a step takes min(B, m) rows (effectiveBatchSize), so
   * maxPoints, the default, is full-batch training on any set. Below m, the rows are reshuffled each
   * epoch by the seed of the initial weights.
   */
  batchSize: number;
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
  /** B rows a step; B ≥ m (the number of points) means full batch, kept as maxPoints */
  setBatchSize(batchSize: number): void;
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
  /** rows a step; full batch (maxPoints) when not given */
  batchSize?: number;
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

/** The rows a step of this run takes: min(B, m), and at least 1 (a set with no points trains nothing). */
export function effectiveBatchSize(s: Pick<BackpropInputs, 'batchSize' | 'dataset'>): number {
  return Math.max(1, Math.min(s.batchSize, s.dataset.m));
}

export function shapeOf(hidden: number, activation: Activation): NetworkShape {
  return { inputs: 2, hidden, outputs: BACKPROP_LIMITS.classes, activation };
}

/** A learning rate in range and on a link's grid of 10⁻⁶, for the same reason. */
function roundedRate(lr: number): number {
  const { min, max } = BACKPROP_LIMITS.learningRate;
  return Number(Math.min(max, Math.max(min, lr)).toFixed(BACKPROP_LIMITS.learningRateDecimals));
}

export function initialBackpropInputs(overrides: Partial<Pick<BackpropInputs, 'datasetKind' | 'dataSeed' | 'initialSeed' | 'hidden' | 'activation' | 'learningRate' | 'reduction' | 'batchSize'>> = {}): BackpropInputs {
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
    batchSize: overrides.batchSize ?? BACKPROP_LIMITS.maxPoints,
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
    /**
     * Start again from initNetwork(shape, seed) at step 0, keeping the last run that trained as the
     * faint curves: a network that only showed its step 0 (H stepped twice) is not a run to compare with.
     */
    const restart = (patch: Partial<BackpropInputs>) => {
      const s = { ...get(), ...patch };
      const trained = get().history.some((point) => point.step > 0);
      set({
        network: initNetwork(shapeOf(s.hidden, s.activation), s.initialSeed),
        step: 0,
        replayTarget: 0,
        history: [],
        previousHistory: trained ? get().history : get().previousHistory,
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
      setBatchSize(batchSize) {
        const max = BACKPROP_LIMITS.maxPoints;
        if (!Number.isInteger(batchSize) || batchSize < 1) {
          set({ message: `The batch size must be a whole number from 1 to the number of points; it stays ${effectiveBatchSize(get())}.` });
          return;
        }
        // all the points, or more: full batch, which stays full batch when points are added
        set({ batchSize: batchSize >= get().dataset.m ? max : Math.min(batchSize, max), message: null });
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
        const batchSize = settings.batchSize ?? BACKPROP_LIMITS.maxPoints;
        const valid =
          DATASET_KINDS.includes(datasetKind) &&
          Number.isInteger(initialSeed) && initialSeed >= BACKPROP_LIMITS.seed.min && initialSeed <= BACKPROP_LIMITS.seed.max &&
          Number.isInteger(hidden) && hidden >= BACKPROP_LIMITS.hidden.min && hidden <= BACKPROP_LIMITS.hidden.max &&
          ACTIVATIONS.includes(activation) && Number.isFinite(learningRate) && (reduction === 'mean' || reduction === 'sum') &&
          Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= BACKPROP_LIMITS.maxPoints &&
          Number.isInteger(steps) && steps >= 0;
        if (!valid) return;
        const data = datasetOf(datasetKind, get().dataSeed, custom);
        // with no points there is nothing to train: step 0 is where such a run is
        const replayTarget = data.m > 0 ? steps : 0;
        restart({ datasetKind, dataset: data, initialSeed, hidden, activation, learningRate: roundedRate(learningRate), reduction, batchSize, running: false, replayTarget });
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
