import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createLabStore, type LabState, type LabStore } from './createLabStore';

const LabContext = createContext<LabStore | null>(null);

/** Provides a lab store: the app wraps all chapters in one, so inputs carry from chapter to chapter. */
export function LabProvider({ store, children }: { store?: LabStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createLabStore());
  return <LabContext.Provider value={store ?? own}>{children}</LabContext.Provider>;
}

export function useLabStore(): LabStore {
  const store = useContext(LabContext);
  if (!store) throw new Error('useLab must be used inside <LabProvider>');
  return store;
}

/** Select a slice of the lab's inputs (or an action); re-renders only when that slice changes. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
