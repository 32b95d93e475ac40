import { useEffect, useState } from 'react';
import { useDeferredView } from './DeferredView';

/**
 * `value` as the widget should show it: at once, except while the learner is giving input to this very
 * widget, when a new value waits for the pause after the last input (the same pause, and the same
 * `data-stale` mark, as the widget's deferred view; see deferredView.ts). For what only restates what
 * the learner moves, a formula or a text alternative, which need not follow every step of a drag but
 * must be current once the learner stops. Outside a DeferredView it is `value`.
 *
 * `same` says when two values show the same: a value built afresh at each render (an array, an object)
 * needs one that compares contents, or every render would count as a change.
 */
export function useHeldDuringInput<T>(value: T, same: (a: T, b: T) => boolean = Object.is): T {
  const view = useDeferredView();
  const [shown, setShown] = useState(value);
  const changed = !same(value, shown);
  const holding = changed && view !== null && view.inputInProgress();
  // Not holding: what is shown is `value`, and is remembered, so a hold that starts later shows it.
  if (changed && !holding) setShown(value);
  useEffect(() => {
    if (!holding || view === null) return undefined;
    return view.holdUntilPause(() => setShown(value));
  }, [holding, value, view]);
  return holding ? shown : value;
}
