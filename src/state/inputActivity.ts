/**
 * When the learner last gave input anywhere on the page: a key, a press, a pointer moved with a button
 * held (a drag), or an `input` event (a slider moved by any means, assistive technology included).
 * Deferred views ask it whether a change is the learner's doing, and so will pause, or a run's, which
 * may never pause (see deferredView.ts).
 */
let lastInputAt = -Infinity;
let watchers = 0;

// Date.now, the clock deferredView.ts times its pause by
const now = () => Date.now();

const onInput = (event: Event) => {
  // a pointer moving with no button held is not input: it drags nothing
  if (event.type === 'pointermove' && (event as PointerEvent).buttons === 0) return;
  lastInputAt = now();
};

const TYPES = ['keydown', 'pointerdown', 'pointermove', 'input'] as const;

/** Starts listening (once for the page however many callers); the returned function stops this caller's share. */
export function watchInput(): () => void {
  if (typeof window === 'undefined') return () => undefined;
  if (watchers === 0) for (const type of TYPES) window.addEventListener(type, onInput, { capture: true, passive: true });
  watchers += 1;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    watchers -= 1;
    if (watchers === 0) for (const type of TYPES) window.removeEventListener(type, onInput, { capture: true });
  };
}

/** Whether the learner gave input within the last `withinMs`: a change now is then theirs, and they will pause. */
export const inputWithin = (withinMs: number): boolean => now() - lastInputAt <= withinMs;
