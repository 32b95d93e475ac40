import { useCallback, useEffect, useRef, useState } from 'react';
import { currentRoute, onHashChange, updateHashQuery } from '../url/hashRoute';
import { controlMode, useEmbedSettings, type ControlMode } from './embedContext';
import { useWidgetFrame } from './widgetFrame';
import { equalValue, readWidgetState, writeWidgetState, type StateOf, type StateSchema } from '../url/stateSchema';
import { writeAfterPause, type PausedWriter } from '../url/writeAfterPause';

type Patch<S extends StateSchema> = Partial<StateOf<S>> | ((state: StateOf<S>) => Partial<StateOf<S>>);

function sameState(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(a).every((key) => equalValue(a[key], b[key]));
}

/**
 * A widget's own state, kept in the address: read from the current route's query when the widget
 * mounts and when the address changes from outside (a link followed, an address typed), written back
 * with replaceState once the learner pauses, so the back button leaves the page rather than undoing
 * every step. In a chapter the query is shared with the lab inputs and the other widgets (each writes
 * only its own keys); in an embed it is the embed's own address.
 *
 * Returns the state, an update function (a patch, or a function of the state giving one) and each
 * field's lecturer mode. A field the lecturer hid or locked keeps the link's value: an update to it
 * is dropped, whatever way in it came (a control, a reset button, a keyboard shortcut).
 */
export function useWidgetState<S extends StateSchema>(
  schema: S,
): [StateOf<S>, (patch: Patch<S>) => void, (key: keyof S & string) => ControlMode] {
  const frame = useWidgetFrame();
  const settings = useEmbedSettings();
  const [{ reading, slug }] = useState(() => {
    const route = currentRoute();
    return { reading: readWidgetState(schema, route.query), slug: route.slug };
  });
  const [state, setState] = useState<StateOf<S>>(reading.value);
  const latest = useRef(state);
  // What this hook last read or wrote: the address saying just that again is not news.
  const fromUrl = useRef(true);

  useEffect(() => {
    frame.setProblems(reading.problems);
    // What was refused leaves the address at once (replaceState: no history entry), so it says what
    // the widget shows; the notice says what it was.
    if (reading.problems.length > 0) updateHashQuery((q) => writeWidgetState(schema, reading.value, q));
  }, [frame, reading, schema]);

  useEffect(() => {
    latest.current = state;
  }, [state]);

  // The share panel's link carries the state as it is now.
  useEffect(() => {
    frame.setWriter((q) => writeWidgetState(schema, latest.current, q));
    return () => frame.setWriter(null);
  }, [frame, schema]);

  // From the address: a link followed or typed while the page is open.
  useEffect(() => {
    const onHash = () => {
      const route = currentRoute();
      const next = readWidgetState(schema, route.query);
      if (next.present.length === 0) return;
      frame.setProblems(next.problems);
      // Another page's address (the learner is leaving this one) may use the same keys for its own
      // widgets, in its own ranges: it is not this widget's to put right.
      if (next.problems.length > 0 && route.slug === slug) updateHashQuery((q) => writeWidgetState(schema, next.value, q));
      if (sameState(next.value, latest.current as Record<string, unknown>)) return;
      fromUrl.current = true;
      latest.current = next.value;
      setState(next.value);
    };
    return onHashChange(onHash);
  }, [frame, schema, slug]);

  // To the address, once the learner pauses (and when the page is left). One writer for the widget's
  // life, rescheduled by each newer state: not one made and dropped (with its pagehide listener) at
  // every slider step. Unmounting drops a waiting write: the hash already names the next route.
  const writer = useRef<PausedWriter | null>(null);
  useEffect(() => {
    const paused = writeAfterPause(() => updateHashQuery((q) => writeWidgetState(schema, latest.current, q)));
    writer.current = paused;
    return () => {
      paused.dispose();
      writer.current = null;
    };
  }, [schema]);

  useEffect(() => {
    frame.changed();
    if (fromUrl.current) {
      fromUrl.current = false;
      return;
    }
    writer.current?.schedule();
  }, [state, frame]);

  const mode = useCallback((key: keyof S & string) => controlMode(settings, [key]), [settings]);

  const update = useCallback(
    (patch: Patch<S>) => {
      setState((current) => {
        const changes = typeof patch === 'function' ? patch(current) : patch;
        const next: Record<string, unknown> = { ...current };
        let changed = false;
        for (const key of Object.keys(changes)) {
          if (!Object.hasOwn(schema, key) || controlMode(settings, [key]) !== 'shown') continue;
          const v = (changes as Record<string, unknown>)[key];
          if (v === undefined || Object.is(v, next[key])) continue;
          next[key] = v;
          changed = true;
        }
        return changed ? (next as StateOf<S>) : current;
      });
    },
    [schema, settings],
  );

  return [state, update, mode];
}
