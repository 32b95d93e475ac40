import { createContext, useContext, type Provider } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { useDeferredView } from './DeferredView';

/**
 * The one way a store reaches its components: a context holding a vanilla zustand store, a hook that
 * returns the store (for actions and subscriptions), and a hook that selects a slice of its state
 * and re-renders only when that slice changes. The lab, chapter 8's run and chapter 10's inputs are
 * each one of these; their providers say only where the store comes from.
 *
 * A store of inputs is `deferrable`: inside a widget's `DeferredView` its selections follow the
 * widget's deferred view (at once while the learner uses the widget, after a pause otherwise), while
 * `useStoreApi` stays the store itself, so actions and reads in handlers see the latest state. A store
 * whose changes are at times an animation the learner watches (chapter 8's run while it trains) says
 * when with `live`: while `live(state)` holds, its changes reach every widget at once.
 */
export interface StoreContext<S> {
  Provider: Provider<StoreApi<S> | null>;
  useStoreApi(): StoreApi<S>;
  useSelect<T>(selector: (state: S) => T): T;
  /** The store as `useSelect` reads it (the widget's deferred view of it, if deferrable): for a hook that subscribes by hand. */
  useShownStore(): StoreApi<S>;
}

export function storeContext<S>(
  provider: string,
  { deferrable = false, live }: { deferrable?: boolean; live?: (state: S) => boolean } = {},
): StoreContext<S> {
  const Context = createContext<StoreApi<S> | null>(null);
  const useStoreApi = (): StoreApi<S> => {
    const store = useContext(Context);
    if (!store) throw new Error(`This component must be inside <${provider}>`);
    return store;
  };
  const useShownStore = (): StoreApi<S> => {
    const store = useStoreApi();
    const view = useDeferredView();
    return deferrable && view ? view.view(store, live) : store;
  };
  return {
    Provider: Context.Provider,
    useStoreApi,
    useSelect: <T,>(selector: (state: S) => T): T => useStore(useShownStore(), selector),
    useShownStore,
  };
}
