import { createStore, type StoreApi } from 'zustand/vanilla';
import { clampBinaryLogit, clampLogit, clampTemperature, defaultInputs, LIMITS, workedExample, type LabInputs } from '../url/labInputs';
import { normalizeLabels, oneHot, resizeLabels } from '../url/labels';
import { isTermId } from '../format/terms';

export interface LabActions {
  setLogit(index: number, value: number): void;
  setLogits(values: readonly number[]): void;
  setTemperature(value: number): void;
  /** a hard label: y one-hot at `index` */
  setLabelClass(index: number): void;
  /** a soft label: any non-negative weights, normalized to sum to 1 (refused if impossible) */
  setLabels(values: readonly number[]): void;
  setFocus(id: string | null): void;
  addClass(): void;
  removeClass(): void;
  /** add c to every logit; refused (no change) when any logit would leave the slider range */
  shiftLogits(c: number): void;
  restoreWorkedExample(): void;
  /** the binary logit z, snapped to the 0.1 grid and clamped to [−10, 10]; non-finite is ignored */
  setBinaryLogit(value: number): void;
  /** the binary label t: 0 or 1, anything else is ignored */
  setBinaryTarget(value: number): void;
}

export type LabState = LabInputs & LabActions;
export type LabStore = StoreApi<LabState>;

/** Whether shifting every logit by c keeps all of them inside the slider range. */
export function canShift(logits: readonly number[], c: number): boolean {
  return logits.every((z) => z + c >= LIMITS.logit.min - 1e-9 && z + c <= LIMITS.logit.max + 1e-9);
}

/**
 * One store per lab: the chapters share one through context, an embed or a second widget on a page
 * makes its own. Every action validates, so the state is valid whatever calls it; non-finite values
 * are ignored and the last good state stays.
 */
export function createLabStore(initial: Partial<LabInputs> = {}): LabStore {
  return createStore<LabState>()((set, get) => ({
    ...defaultInputs(),
    ...initial,

    setLogit(index, value) {
      const { logits } = get();
      if (!Number.isFinite(value) || index < 0 || index >= logits.length) return;
      const next = logits.slice();
      next[index] = clampLogit(value);
      set({ logits: next });
    },
    setLogits(values) {
      if (values.length < LIMITS.minClasses || values.length > LIMITS.maxClasses) return;
      if (!values.every(Number.isFinite)) return;
      const logits = values.map(clampLogit);
      set((s) => ({ logits, labels: resizeLabels(s.labels, logits.length) }));
    },
    setTemperature(value) {
      if (Number.isFinite(value)) set({ temperature: clampTemperature(value) });
    },
    setLabelClass(index) {
      const classes = get().logits.length;
      if (Number.isInteger(index) && index >= 0 && index < classes) set({ labels: oneHot(classes, index) });
    },
    setLabels(values) {
      if (values.length !== get().logits.length) return;
      const labels = normalizeLabels(values);
      if (labels) set({ labels });
    },
    setFocus(id) {
      if (id === null || isTermId(id)) set({ focus: id });
    },
    addClass() {
      const { logits } = get();
      if (logits.length >= LIMITS.maxClasses) return;
      // A new class starts at the mean logit: visible, and not taking over the distribution.
      const mean = logits.reduce((a, b) => a + b, 0) / logits.length;
      set((s) => ({ logits: [...logits, clampLogit(mean)], labels: resizeLabels(s.labels, logits.length + 1) }));
    },
    removeClass() {
      const { logits, labels } = get();
      if (logits.length <= LIMITS.minClasses) return;
      set({ logits: logits.slice(0, -1), labels: resizeLabels(labels, logits.length - 1) });
    },
    shiftLogits(c) {
      const { logits } = get();
      if (!Number.isFinite(c) || !canShift(logits, c)) return;
      set({ logits: logits.map((z) => clampLogit(z + c)) });
    },
    restoreWorkedExample() {
      set(workedExample());
    },
    setBinaryLogit(value) {
      if (Number.isFinite(value)) set({ binaryLogit: clampBinaryLogit(value) });
    },
    setBinaryTarget(value) {
      if (value === 0 || value === 1) set({ binaryTarget: value });
    },
  }));
}
