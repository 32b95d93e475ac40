import { useState, type ReactNode } from 'react';
import { storeContext } from '../../state/storeContext';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Precision } from '../../core/naive';
import { EPSILONS, snapStabilityLogit, STABILITY_START, type StabilityInputs } from './stabilityInputs';

export interface StabilityActions {
  setLogit(index: number, value: number): void;
  setLogits(values: readonly number[]): void;
  setLabel(index: number): void;
  setEpsilon(value: number): void;
  setPrecision(value: Precision): void;
}

export type StabilityState = StabilityInputs & StabilityActions;
export type StabilityStore = StoreApi<StabilityState>;

/** The chapter's store: every action validates, so a bad value never gets in and the last good state stays. */
export function createStabilityStore(initial: Partial<StabilityInputs> = {}): StabilityStore {
  return createStore<StabilityState>()((set, get) => ({
    ...STABILITY_START,
    logits: [...STABILITY_START.logits],
    ...initial,
    setLogit(index, value) {
      const logits = get().logits;
      if (!Number.isFinite(value) || index < 0 || index >= logits.length) return;
      const next = snapStabilityLogit(value);
      if (next === logits[index]) return;
      set({ logits: logits.map((z, i) => (i === index ? next : z)) });
    },
    setLogits(values) {
      if (values.length !== get().logits.length || !values.every(Number.isFinite)) return;
      set({ logits: values.map(snapStabilityLogit) });
    },
    setLabel(index) {
      if (Number.isInteger(index) && index >= 0 && index < get().logits.length) set({ label: index });
    },
    setEpsilon(value) {
      if (EPSILONS.includes(value)) set({ epsilon: value });
    },
    setPrecision(value) {
      if (value === 'float32' || value === 'float64') set({ precision: value });
    },
  }));
}

const stability = storeContext<StabilityState>('StabilityProvider', { deferrable: true });

/**
 * One store for the chapter's widgets: the logits set in the first are the ones the later ones use.
 * In the chapter and in an embed alike, the widget that keeps an input in the address
 * (useStabilityUrl.ts) sets it from there when it mounts, so a link and a reload restore it.
 */
export function StabilityProvider({ store, children }: { store?: StabilityStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createStabilityStore());
  return <stability.Provider value={store ?? own}>{children}</stability.Provider>;
}

export const useStabilityStore: () => StabilityStore = stability.useStoreApi;

/** The store as this widget is shown it (its deferred view): what a hook that follows it by hand subscribes to. */
export const useShownStabilityStore: () => StabilityStore = stability.useShownStore;

/** Select a slice of chapter 10's inputs (or an action); re-renders only when that slice changes. */
export const useStability = stability.useSelect;
