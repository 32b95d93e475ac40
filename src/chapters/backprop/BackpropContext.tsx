import { useEffect, useState, type ReactNode } from 'react';
import { storeContext } from '../../state/storeContext';
import { useKeptStore } from '../../state/keptStores';
import { createBackpropStore, type BackpropState, type BackpropStore } from './backpropStore';

/**
 * While the run trains (or replays a link's run) it is an animation the learner watches: every widget
 * follows it (at its own pace, useThrottledBackprop). Otherwise a change comes from the learner's input
 * in one widget, and the others, which the learner is not using, catch up after the pause (deferredView.ts).
 */
const animating = (s: BackpropState) => s.running || s.step < s.replayTarget;

const run = storeContext<BackpropState>('BackpropProvider', { deferrable: true, live: animating });

/**
 * One run for the chapter's widgets: the trainer trains it, the weights table and the backward pass
 * read it. On the site the store is kept while other chapters are read (coming back from the
 * contents finds the run where it was); in an embed or a test the provider's own store, or `store`.
 */
export function BackpropProvider({ store, children }: { store?: BackpropStore; children: ReactNode }) {
  const kept = useKeptStore('backprop', createBackpropStore);
  return <run.Provider value={store ?? kept}>{children}</run.Provider>;
}

export const useBackpropStore: () => BackpropStore = run.useStoreApi;

/** Select a slice of chapter 8's state; re-renders only when that slice changes. */
export const useBackprop = run.useSelect;

/** What a widget that follows the run (weights, gradients, data, reduction) reads at a throttled pace. */
export type BackpropRunView = Pick<BackpropState, 'network' | 'gradients' | 'dataset' | 'reduction'>;

const runView = (store: BackpropStore): BackpropRunView => {
  const { network, gradients, dataset, reduction } = store.getState();
  return { network, gradients, dataset, reduction };
};

/**
 * The run's weights, gradients, data and reduction: at most once every `ms` (the latest wins) while it
 * plays or replays; while it is paused, at once in the widget the learner is using and after the pause
 * in the others (their deferred view). Subscribed by hand rather than through a selector, so
 * that a training frame does not even render a widget that uses it: a heavy widget (tables of every
 * weight, a whole backward pass) would otherwise cost the page its frame rate.
 */
export function useThrottledBackprop(ms: number): BackpropRunView {
  // the widget's deferred view: a paused run's changes from another widget's input wait for the pause
  const store = run.useShownStore();
  const [shown, setShown] = useState(() => runView(store));
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      timer = null;
      last = performance.now();
      setShown((old) => {
        const next = runView(store);
        const same = old.network === next.network && old.gradients === next.gradients && old.dataset === next.dataset && old.reduction === next.reduction;
        return same ? old : next;
      });
    };
    const unsubscribe = store.subscribe((s) => {
      if (timer !== null) return;
      // a replay (a link's run trained again) comes in slices as fast as playing does
      const wait = animating(s) ? Math.max(0, ms - (performance.now() - last)) : 0;
      if (wait === 0) update();
      else timer = setTimeout(update, wait);
    });
    update();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [ms, store]);
  return shown;
}
