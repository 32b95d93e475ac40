import { useCallback, useLayoutEffect, useRef } from 'react';
import { useDeferredView } from '../../state/DeferredView';
import { useWidgetState } from '../../state/useWidgetState';
import { equalValue, type StateOf, type StateSchema } from '../../url/stateSchema';
import { useShownStabilityStore, useStabilityStore, type StabilityState } from './StabilityContext';
import { EPSILON_STATE, FUSED_BACKWARD_STATE, OVERFLOW_STATE } from './stabilityState';

/** How some of the chapter store's inputs are one widget's state in the address, both ways. */
export interface StoreLink<S extends StateSchema> {
  /** the state as the store holds it now */
  read(inputs: StabilityState): StateOf<S>;
  /** puts the state into the store, through its validating actions, touching only what differs */
  write(store: StabilityState, state: StateOf<S>): void;
}


export const OVERFLOW_LINK: StoreLink<typeof OVERFLOW_STATE> = {
  read: (s) => ({ sz: s.logits, sy: s.label }),
  write(store, { sz, sy }) {
    if (!equalValue(store.logits, sz)) store.setLogits(sz);
    if (store.label !== sy) store.setLabel(sy);
  },
};

/** ε as the address writes it: the choice whose number it is (the store only ever holds those). */
const epsilonText = (e: number) => EPSILON_STATE.eps.values.find((v) => Number(v) === e) ?? EPSILON_STATE.eps.default;

// The later widgets hold the logits and the true class too (see stabilityState.ts): their links
// start from the overflow explorer's.
export const EPSILON_LINK: StoreLink<typeof EPSILON_STATE> = {
  read: (s) => ({ ...OVERFLOW_LINK.read(s), eps: epsilonText(s.epsilon) }),
  write(store, state) {
    OVERFLOW_LINK.write(store, state);
    if (store.epsilon !== Number(state.eps)) store.setEpsilon(Number(state.eps));
  },
};

export const FUSED_BACKWARD_LINK: StoreLink<typeof FUSED_BACKWARD_STATE> = {
  read: (s) => ({ ...EPSILON_LINK.read(s), prec: s.precision }),
  write(store, state) {
    EPSILON_LINK.write(store, state);
    if (store.precision !== state.prec) store.setPrecision(state.prec);
  },
};

/**
 * Keeps some of the chapter store's inputs in the address, as the state of the widget that calls it
 * (useWidgetState does the reading, writing and lecturer rules). The store stays what every widget
 * reads and sets, since all three use the logits: the address is put into the store when the widget
 * mounts and when a link is followed, and every change of the store, whichever widget made it (a preset
 * in the backward pass moves the overflow explorer's logits), goes into the state and so the address.
 * A field the lecturer hid or locked keeps the link's value: a change to it that no disabled control
 * stopped (a dragged bar) is put back.
 */
export function useStabilityUrl<S extends StateSchema>(schema: S, link: StoreLink<S>): void {
  const store = useStabilityStore();
  // Followed as this widget is shown it: while the learner drags another widget's logit, this one takes
  // the change into its state (and so re-renders) after the pause, not at every step.
  const shown = useShownStabilityStore();
  const view = useDeferredView();
  const [state, update, mode] = useWidgetState(schema);
  const latest = useRef(state);
  // While this hook writes the store itself, the store passes through states that are no one's (the
  // new logits beside the old class): those are not changes to follow.
  const writing = useRef(false);
  const follow = useRef((_inputs: StabilityState) => {});

  const write = useCallback(
    (value: StateOf<S>) => {
      writing.current = true;
      try {
        link.write(store.getState(), value);
      } finally {
        writing.current = false;
      }
    },
    [store, link],
  );

  // Layout effects, in this order, before the first paint: the page never shows the defaults first.
  useLayoutEffect(() => {
    latest.current = state;
  }, [state]);

  useLayoutEffect(() => {
    const onChange = (inputs: StabilityState) => {
      if (writing.current) return;
      const now = link.read(inputs) as Record<string, unknown>;
      const kept = latest.current as Record<string, unknown>;
      const patch: Record<string, unknown> = {};
      const back: Record<string, unknown> = { ...now };
      let fixed = false;
      for (const key of Object.keys(schema)) {
        if (equalValue(now[key], kept[key])) continue;
        if (mode(key) === 'shown') patch[key] = now[key];
        else {
          back[key] = kept[key];
          fixed = true;
        }
      }
      if (Object.keys(patch).length > 0) update(patch as Partial<StateOf<S>>);
      if (fixed) write(back as StateOf<S>);
    };
    follow.current = onChange;
    return shown.subscribe(onChange);
  }, [shown, schema, link, update, mode, write]);

  useLayoutEffect(() => {
    write(state);
    // The widget's own write is not news to hold for a pause: its view takes it now, so the first
    // paint after mounting (or after a link is followed) shows the address's numbers, not the defaults.
    view?.flush();
    // what the store holds other than asked (a logit of 2.345 snapped to 2.3) comes back to the state
    follow.current(store.getState());
  }, [store, state, write, view]);
}
