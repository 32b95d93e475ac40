import { useState, type ReactNode } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { mergeSolved, PROGRESS_KEY, readProgress, writeProgress, type Solved, type SolvedMap } from './progress';
import { storeContext } from './storeContext';

export interface ProgressState {
  solved: SolvedMap;
  /** what could not be read or saved, for the learner (null when all is well) */
  notice: string | null;
  markSolved(id: string, result: Solved): void;
  /** results from another device added to these (the later of two wins), saved; how many were new or newer */
  importSolved(incoming: SolvedMap): { added: number; updated: number };
  reset(): void;
  dismissNotice(): void;
}

export type ProgressStore = StoreApi<ProgressState>;

/** The browser's storage, or null where there is none (a sandboxed frame, storage switched off). */
function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * The solved exercises, read once from `storage` and written back on every change. A storage that
 * refuses (full, switched off) leaves the progress working for this visit, with a notice.
 */
export function createProgressStore(storage: Storage | null = browserStorage()): ProgressStore {
  let text: string | null = null;
  try {
    text = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    text = null;
  }
  const reading = readProgress(text);
  return createStore<ProgressState>()((set, get) => {
    const save = (solved: SolvedMap) => {
      try {
        storage?.setItem(PROGRESS_KEY, writeProgress(solved));
        set({ solved });
      } catch {
        set({ solved, notice: 'Your progress could not be saved in this browser; it is kept until you leave the page.' });
      }
    };
    return {
      solved: reading.solved,
      notice: reading.problems[0] ?? null,
      markSolved(id, result) {
        save({ ...get().solved, [id]: result });
      },
      importSolved(incoming) {
        const { solved, added, updated } = mergeSolved(get().solved, incoming);
        if (added + updated > 0) save(solved);
        return { added, updated };
      },
      reset() {
        save({});
      },
      dismissNotice() {
        set({ notice: null });
      },
    };
  });
}

const progress = storeContext<ProgressState>('ProgressProvider');

/** The learner's progress for everything inside: the site holds one, an embed its own. */
export function ProgressProvider({ store, children }: { store?: ProgressStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createProgressStore());
  return <progress.Provider value={store ?? own}>{children}</progress.Provider>;
}

export const useProgressStore: () => ProgressStore = progress.useStoreApi;
export const useProgress = progress.useSelect;
