import { useState, type ReactNode } from 'react';
import { createLabStore, type LabState, type LabStore } from './createLabStore';
import { storeContext } from './storeContext';

const lab = storeContext<LabState>('LabProvider', { deferrable: true });

/** Provides a lab store: the app wraps all chapters in one, so inputs carry from chapter to chapter. */
export function LabProvider({ store, children }: { store?: LabStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createLabStore());
  return <lab.Provider value={store ?? own}>{children}</lab.Provider>;
}

export const useLabStore: () => LabStore = lab.useStoreApi;

/** Select a slice of the lab's inputs (or an action); re-renders only when that slice changes. */
export const useLab = lab.useSelect;
