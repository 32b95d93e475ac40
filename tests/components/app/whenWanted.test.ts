import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LATER_MS, whenWanted } from '../../../src/app/whenWanted';
import { PAUSE_MS } from '../../../src/state/deferredView';

/** An IntersectionObserver that reports only when the test says the element came near the screen. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | null = null;
  observed: Element[] = [];
  constructor(private readonly report: (entries: { isIntersecting: boolean }[]) => void) {
    FakeIntersectionObserver.last = this;
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.observed = [];
  }
  cameNear() {
    if (this.observed.length > 0) this.report([{ isIntersecting: true }]);
  }
}

const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
const release = (key: string) => window.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));

/** Each test's waits, stopped after it, so no test's listeners or held keys reach the next. */
const waits: (() => void)[] = [];
const wait = (want: () => void) => {
  const stop = whenWanted(document.createElement('div'), want);
  waits.push(stop);
  return stop;
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});

afterEach(() => {
  // a blur lets go of every key the page still counts as held (src/state/inputActivity.ts)
  window.dispatchEvent(new Event('blur'));
  waits.splice(0).forEach((stop) => stop());
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('whenWanted', () => {
  it('whenWanted(slot, want) waits while the slot is far from the screen and nothing else happens', () => {
    const want = vi.fn();
    wait(want);
    press('ArrowDown');
    vi.advanceTimersByTime(LATER_MS - 1);
    expect(want).not.toHaveBeenCalled();
  });

  it('whenWanted(slot, want) wants it LATER_MS after it began waiting, at the first idle moment, once and only once', () => {
    const want = vi.fn();
    wait(want);
    vi.advanceTimersByTime(LATER_MS - 1);
    expect(want).not.toHaveBeenCalled();
    // jsdom has no requestIdleCallback: the idle moment is the next turn of the timers
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(1);
    expect(want).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * LATER_MS);
    expect(want).toHaveBeenCalledTimes(1);
  });

  it('whenWanted(slot, want) does not want it while the learner steps a slider past LATER_MS, and wants it once they pause', () => {
    const want = vi.fn();
    wait(want);
    // a key step every 30 ms, for a second past LATER_MS
    const STEP_MS = 30;
    for (let t = 0; t < LATER_MS + 1000; t += STEP_MS) {
      press('ArrowRight');
      release('ArrowRight');
      vi.advanceTimersByTime(STEP_MS);
    }
    expect(want).not.toHaveBeenCalled();
    // not before the pause (PAUSE_MS after the last step, which was STEP_MS ago), and within one more
    // pause of it: the wait looks again every PAUSE_MS
    vi.advanceTimersByTime(PAUSE_MS - STEP_MS - 1);
    expect(want).not.toHaveBeenCalled();
    vi.advanceTimersByTime(PAUSE_MS + 2);
    expect(want).toHaveBeenCalledTimes(1);
  });

  it('whenWanted(slot, want) does not want it while a key is held down, however long since it last repeated', () => {
    const want = vi.fn();
    wait(want);
    press('ArrowRight');
    vi.advanceTimersByTime(LATER_MS + 5 * PAUSE_MS);
    expect(want).not.toHaveBeenCalled();
    release('ArrowRight');
    vi.advanceTimersByTime(2 * PAUSE_MS + 1);
    expect(want).toHaveBeenCalledTimes(1);
  });

  it('whenWanted(slot, want) wants it at the first Tab, once, so a keyboard user cannot Tab past an exercise not drawn yet', () => {
    const want = vi.fn();
    wait(want);
    press('Tab');
    expect(want).toHaveBeenCalledTimes(1);
    press('Tab');
    FakeIntersectionObserver.last?.cameNear();
    vi.advanceTimersByTime(2 * LATER_MS);
    expect(want).toHaveBeenCalledTimes(1);
  });

  it('whenWanted(slot, want) wants it when it comes near the screen', () => {
    const want = vi.fn();
    wait(want);
    FakeIntersectionObserver.last?.cameNear();
    expect(want).toHaveBeenCalledTimes(1);
  });

  it('the function whenWanted returns stops the wait: a Tab after it wants nothing', () => {
    const want = vi.fn();
    const stop = wait(want);
    stop();
    press('Tab');
    vi.advanceTimersByTime(2 * LATER_MS);
    expect(want).not.toHaveBeenCalled();
  });
});
