import type { StoreApi } from 'zustand/vanilla';

/** How long the stores must be still before a widget nobody is using catches up. */
export const PAUSE_MS = 120;
/**
 * The longest a widget nobody is using lags behind a store that changes with no input from the learner
 * (an animation, a run not marked `live`): it catches up at least this often. Changes the learner makes
 * have no such cap: input pauses, and every widget is current within PAUSE_MS of the last of it, so
 * while a slider is held down (a key repeating, a drag) the others wait for the pause, not catching up
 * in one long frame every second.
 */
export const MAX_WAIT_MS = 1000;

/**
 * One widget's view of the shared stores. Work the learner cannot see waits: while the learner is
 * using the widget (focus inside it, or a pointer pressed inside it) every change of a store reaches
 * it at once; otherwise changes are held until the stores have been still for PAUSE_MS (or MAX_WAIT_MS
 * have passed), then delivered together, so a slider dragged in one widget does not re-render every
 * other widget of the chapter at each step. `flush` delivers what is held at once (the widget came
 * into view). Writes are never held: `view(store).setState` is the store's own.
 */
export interface DeferredView {
  /**
   * The store as this widget sees it; the same object for the same store, so hooks can depend on it.
   * While `live(state)` holds for the store's new state (a run that animates, which the learner watches
   * wherever it is shown), its changes reach the widget at once, as if it were in use; the first call
   * for a store decides its `live`.
   */
  view<S>(store: StoreApi<S>, live?: (state: S) => boolean): StoreApi<S>;
  /** In use: from now on changes arrive at once, and what was held arrives now. */
  setActive(active: boolean): void;
  isActive(): boolean;
  /** Delivers every held change now (but what waits for a press's release). */
  flush(): void;
  /**
   * A press inside the widget is down (true) or released (false). What was held when the press began
   * waits for its release, whatever asks for it meanwhile (a flush, the pause, becoming active): brought
   * in at the press, it could move the control under the pointer, and the release would land elsewhere.
   * What the press itself changes follows as usual: a change to a store the widget is live for (its
   * pressed control's own) at once, what is held during it (a formula) at the pause, even with the
   * button still down.
   */
  setPressed(down: boolean): void;
  /**
   * Whether the widget is in use and the learner is giving input now: what the learner moves follows at
   * once, but what only restates it (a formula, a text alternative) may wait for the pause.
   */
  inputInProgress(): boolean;
  /**
   * Holds `deliver` until the same pause as the views' changes (or a flush), marking the widget stale
   * meanwhile; the returned function drops it undelivered.
   */
  holdUntilPause(deliver: () => void): () => void;
  /** Tells `listener` when the widget starts holding changes (true) and when it is current again (false). */
  watchStale(listener: (stale: boolean) => void): () => void;
  /** Drops the timer; the views' subscriptions end as their subscribers leave. */
  dispose(): void;
}

/**
 * `duringInput` says whether the learner is giving input now (src/state/inputActivity.ts in the page):
 * a change held then waits for the pause however long the input lasts; any other change is held at
 * most `maxWaitMs`. Without it every change is capped. `inputHeld` says whether the learner holds a key
 * or a button down, and `nextFrame` runs a callback after the next frame: a pause that ends while a
 * button is held may be no pause but a frame longer than it in the middle of a drag, with the next
 * move queued behind it, so the view looks again after a frame, once queued input has come in, and
 * waits on if it did. Delivering then would make that frame's successor longer still, and so on.
 */
export function createDeferredView({
  pauseMs = PAUSE_MS,
  maxWaitMs = MAX_WAIT_MS,
  duringInput = () => false,
  inputHeld = () => false,
  nextFrame = null,
}: {
  pauseMs?: number;
  maxWaitMs?: number;
  duringInput?: () => boolean;
  inputHeld?: () => boolean;
  nextFrame?: ((callback: () => void) => () => void) | null;
} = {}): DeferredView {
  let active = false;
  /** Each view with a change not yet delivered, by its delivering function. */
  const held = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let heldSince = 0;
  /** When what is held is to be delivered, and whether the last change held was the learner's. */
  let due = 0;
  let dueToInput = false;
  /** Cancels the wait for a frame (see nextFrame), while there is one. */
  let cancelFrame: (() => void) | null = null;
  let stale = false;
  let onStale: ((stale: boolean) => void) | null = null;
  const views = new WeakMap<StoreApi<unknown>, StoreApi<unknown>>();

  /** While a press is down (setPressed): what was held when it began, which waits for its release. */
  let heldAtPress: ReadonlySet<() => void> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    cancelFrame?.();
    cancelFrame = null;
    const deliveries = heldAtPress === null ? [...held] : [...held].filter((deliver) => !heldAtPress?.has(deliver));
    for (const deliver of deliveries) held.delete(deliver);
    for (const deliver of deliveries) deliver();
    if (stale && held.size === 0) {
      stale = false;
      onStale?.(false);
    }
  };

  const fire = () => {
    timer = null;
    const left = due - Date.now();
    if (left > 0) timer = setTimeout(fire, left);
    else if (dueToInput && nextFrame !== null && inputHeld()) waitFrame();
    else flush();
  };

  const waitFrame = () => {
    cancelFrame = nextFrame!(() => {
      cancelFrame = null;
      // input that came in meanwhile pushed `due` on (hold), or is input the views hold nothing for
      if (duringInput()) timer = setTimeout(fire, Math.max(0, due - Date.now(), pauseMs / 2));
      else flush();
    });
  };

  const hold = (deliver: () => void) => {
    const now = Date.now();
    if (held.size === 0) heldSince = now;
    held.add(deliver);
    if (!stale) {
      stale = true;
      onStale?.(true);
    }
    // trailing: each change restarts the pause; one that is not the learner's never waits past maxWaitMs
    // from the first held change, as a run may never pause
    dueToInput = duringInput();
    due = dueToInput ? now + pauseMs : Math.min(now + pauseMs, heldSince + maxWaitMs);
    // The timer set for the first held change is kept and, firing before `due`, set again for the rest:
    // not a clearTimeout and a setTimeout for every view at every step. `due` only moves later, but for
    // a change no input made after input ones, which is then delivered at most a pause late.
    if (timer === null && cancelFrame === null) timer = setTimeout(fire, Math.max(0, due - now));
  };

  function view<S>(store: StoreApi<S>, live?: (state: S) => boolean): StoreApi<S> {
    const known = views.get(store as StoreApi<unknown>);
    if (known) return known as StoreApi<S>;
    let shown = store.getState();
    const listeners = new Set<(state: S, previous: S) => void>();
    let unsubscribe: (() => void) | null = null;
    const deliver = () => {
      const previous = shown;
      shown = store.getState();
      if (previous !== shown) for (const listener of [...listeners]) listener(shown, previous);
    };
    const onChange = () => {
      if (active || live?.(store.getState())) {
        held.delete(deliver);
        deliver();
      } else {
        hold(deliver);
      }
    };
    const proxy: StoreApi<S> = {
      // With no subscriber nothing is held: a first render reads the store itself.
      getState: () => (unsubscribe === null ? store.getState() : shown),
      getInitialState: () => store.getInitialState(),
      setState: store.setState,
      subscribe(listener) {
        if (unsubscribe === null) {
          shown = store.getState();
          unsubscribe = store.subscribe(onChange);
        }
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
          if (listeners.size === 0 && unsubscribe !== null) {
            unsubscribe();
            unsubscribe = null;
            held.delete(deliver);
          }
        };
      },
    };
    views.set(store as StoreApi<unknown>, proxy as StoreApi<unknown>);
    return proxy;
  }

  return {
    view,
    setActive(next) {
      active = next;
      if (active) flush();
    },
    isActive: () => active,
    flush,
    setPressed(down) {
      if (down) heldAtPress = new Set(held);
      else if (heldAtPress !== null) {
        heldAtPress = null;
        // what waited was due already (the press made the widget live): all of it, now; and with
        // nothing left (a change of the widget's own delivered it), the stale mark still goes
        flush();
      }
    },
    inputInProgress: () => active && duringInput(),
    holdUntilPause(deliver) {
      // a function of its own, so the same `deliver` held twice is two deliveries dropped apart
      const once = () => deliver();
      hold(once);
      return () => {
        held.delete(once);
      };
    },
    watchStale(listener) {
      onStale = listener;
      return () => {
        if (onStale === listener) onStale = null;
      };
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      cancelFrame?.();
      cancelFrame = null;
      held.clear();
    },
  };
}
