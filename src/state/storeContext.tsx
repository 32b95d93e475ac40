import { createContext, useContext, type Provider } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';

/**
 * The one way a store reaches its components: a context holding a vanilla zustand store, a hook that
 * returns the store (for actions and subscriptions), and a hook that selects a slice of its state
 * and re-renders only when that slice changes. The lab, chapter 8's run and chapter 10's inputs are
 * each one of these; their providers say only where the store comes from.
 */
export interface StoreContext<S> {
  Provider: Provider<StoreApi<S> | null>;
  useStoreApi(): StoreApi<S>;
  useSelect<T>(selector: (state: S) => T): T;
}

export function storeContext<S>(provider: string): StoreContext<S> {
  const Context = createContext<StoreApi<S> | null>(null);
  const useStoreApi = (): StoreApi<S> => {
    const store = useContext(Context);
    if (!store) throw new Error(`This component must be inside <${provider}>`);
    return store;
  };
  return {
    Provider: Context.Provider,
    useStoreApi,
    useSelect: <T,>(selector: (state: S) => T): T => useStore(useStoreApi(), selector),
  };
}
