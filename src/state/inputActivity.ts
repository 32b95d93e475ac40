/**
 * When the learner last gave input anywhere on the page: a key, a press, a pointer moved with a button
 * held (a drag), or an `input` event (a slider moved by any means, assistive technology included).
 * Deferred views ask it whether a change is the learner's doing, and so will pause, or a run's, which
 * may never pause (see deferredView.ts); and whether the learner is holding a key or a button down,
 * so a slow frame in the middle of a drag is not taken for the pause after it.
 */
let lastInputAt = -Infinity;
let watchers = 0;
/** Pointers with a button down, and keys down, by id and code: a drag or a key repeating. */
const pointersDown = new Set<number>();
const keysDown = new Set<string>();
// Date.now, the clock deferredView.ts times its pause by
const now = () => Date.now();

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

const onInput = (event: Event) => {
  switch (event.type) {
    case 'pointermove':
      // a pointer moving with no button held is not input: it drags nothing
      if ((event as PointerEvent).buttons === 0) return;
      break;
    case 'pointerdown':
      pointersDown.add((event as PointerEvent).pointerId);
      break;
    case 'keydown': {
      const key = event as KeyboardEvent;
      // a modifier held alone moves nothing
      if (MODIFIERS.has(key.key)) return;
      keysDown.add(key.code || key.key);
      break;
    }
    default:
      break;
  }
  lastInputAt = now();
};

const onRelease = (event: Event) => {
  if (event.type === 'keyup') keysDown.delete((event as KeyboardEvent).code || (event as KeyboardEvent).key);
  else if (event.type === 'blur') {
    keysDown.clear();
    pointersDown.clear();
  } else pointersDown.delete((event as PointerEvent).pointerId);
};

const INPUT = ['keydown', 'pointerdown', 'pointermove', 'input'] as const;
const RELEASE = ['keyup', 'pointerup', 'pointercancel', 'blur'] as const;

/** Starts listening (once for the page however many callers); the returned function stops this caller's share. */
export function watchInput(): () => void {
  if (typeof window === 'undefined') return () => undefined;
  if (watchers === 0) {
    for (const type of INPUT) window.addEventListener(type, onInput, { capture: true, passive: true });
    for (const type of RELEASE) window.addEventListener(type, onRelease, { capture: true, passive: true });
  }
  watchers += 1;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    watchers -= 1;
    if (watchers === 0) {
      for (const type of INPUT) window.removeEventListener(type, onInput, { capture: true });
      for (const type of RELEASE) window.removeEventListener(type, onRelease, { capture: true });
      keysDown.clear();
      pointersDown.clear();
    }
  };
}

/** Whether the learner gave input within the last `withinMs`: a change now is then theirs, and they will pause. */
export const inputWithin = (withinMs: number): boolean => now() - lastInputAt <= withinMs;

/**
 * Whether the learner is holding a key or a button down: a drag, or a key repeating, may still go on,
 * however long ago the last event came (a long frame holds back the events queued behind it).
 */
export const inputHeld = (): boolean => pointersDown.size > 0 || keysDown.size > 0;
