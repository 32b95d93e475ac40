import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LATER_MS, whenWanted } from '../../../src/app/whenWanted';

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

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('whenWanted', () => {
  it('whenWanted(slot, want) waits while the slot is far from the screen and nothing else happens', () => {
    const want = vi.fn();
    whenWanted(document.createElement('div'), want);
    press('ArrowDown');
    vi.advanceTimersByTime(LATER_MS - 1);
    expect(want).not.toHaveBeenCalled();
  });

  it('whenWanted(slot, want) wants it at the first Tab, once, so a keyboard user cannot Tab past an exercise not drawn yet', () => {
    const want = vi.fn();
    whenWanted(document.createElement('div'), want);
    press('Tab');
    expect(want).toHaveBeenCalledTimes(1);
    press('Tab');
    FakeIntersectionObserver.last?.cameNear();
    vi.advanceTimersByTime(2 * LATER_MS);
    expect(want).toHaveBeenCalledTimes(1);
  });

  it('whenWanted(slot, want) wants it when it comes near the screen', () => {
    const want = vi.fn();
    whenWanted(document.createElement('div'), want);
    FakeIntersectionObserver.last?.cameNear();
    expect(want).toHaveBeenCalledTimes(1);
  });

  it('the function whenWanted returns stops the wait: a Tab after it wants nothing', () => {
    const want = vi.fn();
    const stop = whenWanted(document.createElement('div'), want);
    stop();
    press('Tab');
    vi.advanceTimersByTime(2 * LATER_MS);
    expect(want).not.toHaveBeenCalled();
  });
});
