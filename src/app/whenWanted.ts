/**
 * When an exercise in a chapter is drawn (app/ChapterProse.tsx): its code (the exercise frame, its
 * grading, the chapter's exercise specs) is a chunk of its own, so the chapter opens without it and a
 * slow phone draws the chapter's first screen sooner. It is wanted, whichever comes first:
 * - when its slot comes within a quarter of a screen of the screen, so it is drawn before it is
 *   reached at reading speed;
 * - a few seconds after the chapter opened, at the first idle moment once the learner has paused, so
 *   that a page left alone, then printed or walked through with Tab, has every exercise in it. Not in
 *   the middle of a drag or a held key: drawing an exercise is a render of a few milliseconds that each
 *   step of the slider interrupts, and React starts an interrupted render again from the beginning, so
 *   drawn then it made a slider step on #/softmax cost half as much again (a trace of 40 steps: 14.0
 *   against 9.1 ms of main-thread work a step, issue 15); an exercise off the screen can wait for the
 *   pause, as every widget off it does;
 * - when printing begins (the browser lays the page out for paper at once and cannot wait for a
 *   chunk, so this only helps the next print; the moment above is what the first one relies on);
 * - at the first Tab: a keyboard user who Tabs down the page moves focus past a slot before it comes
 *   near the screen, and would skip an exercise not drawn yet. That Tab itself lands before the
 *   exercise does; the exercises lie a screen or more below the chapter's first controls, so the
 *   Tabs that reach their slots find them drawn.
 * Where the browser cannot say what is near the screen (jsdom), at once.
 */

import { PAUSE_MS } from '../state/deferredView';
import { inputHeld, inputWithin, watchInput } from '../state/inputActivity';

/**
 * A quarter of a screen ahead, and no more: the first chapter's first exercise lies 1.45 screens
 * down on a 1280 × 800 desktop (2.5 on a 360 × 740 phone), so it is not fetched while the chapter opens.
 */
const NEAR = '25% 0px';

/** How long after the chapter opened the exercises not yet wanted are drawn anyway (then at the first idle moment after a pause in input). */
export const LATER_MS = 3000;

/** Calls `want` once, at the first of the moments above; the returned function stops waiting. */
export function whenWanted(element: Element, want: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined' || typeof window === 'undefined') {
    want();
    return () => {};
  }
  let idle: number | undefined;
  // the learner's input, for the pause the moment after LATER_MS waits for
  const stopWatchingInput = watchInput();
  const stop = () => {
    seen.disconnect();
    window.clearTimeout(later);
    if (idle !== undefined) cancelIdle(idle);
    window.removeEventListener('beforeprint', wanted);
    window.removeEventListener('keydown', onKey, true);
    stopWatchingInput();
  };
  const wanted = () => {
    stop();
    want();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Tab') wanted();
  };
  const seen = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) wanted();
  }, { rootMargin: NEAR });
  seen.observe(element);
  const atIdle = () => {
    idle = undefined;
    if (inputHeld() || inputWithin(PAUSE_MS)) later = window.setTimeout(afterLater, PAUSE_MS);
    else wanted();
  };
  const afterLater = () => {
    idle = whenIdle(atIdle);
  };
  let later = window.setTimeout(afterLater, LATER_MS);
  window.addEventListener('beforeprint', wanted);
  // seen in the capture phase, before any widget's own key handler can stop it
  window.addEventListener('keydown', onKey, true);
  return stop;
}

/** At the page's next idle moment (within a second), or at once where there is no such thing. */
function whenIdle(run: () => void): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(run, { timeout: 1000 });
  return window.setTimeout(run, 0);
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}
