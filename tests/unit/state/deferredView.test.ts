import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createDeferredView, MAX_WAIT_MS, PAUSE_MS } from '../../../src/state/deferredView';

const counter = () => createStore<{ n: number }>()(() => ({ n: 0 }));

/** Frames that run only when the test calls them: `nextFrame` queues a callback in `frames`. */
const heldFrames = () => {
  const frames: (() => void)[] = [];
  const nextFrame = (callback: () => void) => {
    frames.push(callback);
    return () => {
      frames.splice(frames.indexOf(callback), 1);
    };
  };
  return { frames, nextFrame };
};

describe('createDeferredView', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('view(store) forwards every change at once while the widget is active', () => {
    const store = counter();
    const deferred = createDeferredView();
    deferred.setActive(true);
    const seen: number[] = [];
    deferred.view(store).subscribe((s) => seen.push(s.n));
    store.setState({ n: 1 });
    store.setState({ n: 2 });
    expect(seen).toEqual([1, 2]);
    expect(deferred.view(store).getState().n).toBe(2);
  });

  it('view(store) holds changes while inactive and delivers the latest once after the pause', () => {
    const store = counter();
    const deferred = createDeferredView();
    const seen: number[] = [];
    const view = deferred.view(store);
    view.subscribe((s) => seen.push(s.n));
    store.setState({ n: 1 });
    vi.advanceTimersByTime(50);
    store.setState({ n: 2 });
    // the view still shows what it showed before the changes
    expect(view.getState().n).toBe(0);
    vi.advanceTimersByTime(PAUSE_MS - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([2]);
    expect(view.getState().n).toBe(2);
  });

  it('setPressed(true) holds what is held through the pause, a flush and setActive(true); setPressed(false) delivers it', () => {
    const store = counter();
    const other = counter();
    const deferred = createDeferredView();
    const seen: string[] = [];
    deferred.view(store).subscribe((s) => seen.push(`store ${s.n}`));
    deferred.view(other).subscribe((s) => seen.push(`other ${s.n}`));
    store.setState({ n: 1 });
    deferred.setPressed(true);
    deferred.setActive(true);
    deferred.flush();
    vi.advanceTimersByTime(PAUSE_MS + MAX_WAIT_MS);
    expect(seen).toEqual([]);
    // live while pressed: a change made now (the pressed control's own) arrives at once
    other.setState({ n: 5 });
    expect(seen).toEqual(['other 5']);
    deferred.setPressed(false);
    expect(seen).toEqual(['other 5', 'store 1']);
    expect(deferred.view(store).getState().n).toBe(1);
  });

  it('setPressed(true): a change held during the press is delivered at its pause, the button still down; what was held before waits for the release', () => {
    const before = counter();
    const during = counter();
    const deferred = createDeferredView();
    const seen: string[] = [];
    deferred.view(before).subscribe((s) => seen.push(`before ${s.n}`));
    deferred.view(during).subscribe((s) => seen.push(`during ${s.n}`));
    before.setState({ n: 1 });
    deferred.setPressed(true);
    vi.advanceTimersByTime(10);
    during.setState({ n: 2 });
    vi.advanceTimersByTime(PAUSE_MS);
    expect(seen).toEqual(['during 2']);
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(seen).toEqual(['during 2']);
    deferred.setPressed(false);
    expect(seen).toEqual(['during 2', 'before 1']);
  });

  it('setPressed(false) ends the stale mark when what waited was delivered during the press by a change of the live widget', () => {
    const store = counter();
    const deferred = createDeferredView();
    const told: boolean[] = [];
    deferred.watchStale((stale) => told.push(stale));
    const seen: number[] = [];
    deferred.view(store).subscribe((s) => seen.push(s.n));
    store.setState({ n: 1 });
    deferred.setPressed(true);
    deferred.setActive(true);
    store.setState({ n: 2 });
    expect(seen).toEqual([2]);
    deferred.setPressed(false);
    expect(told).toEqual([true, false]);
  });

  it('watchStale(listener) is told once when changes start being held and once when they are delivered', () => {
    const store = counter();
    const told: boolean[] = [];
    const deferred = createDeferredView();
    deferred.watchStale((stale) => told.push(stale));
    deferred.view(store).subscribe(() => undefined);
    store.setState({ n: 1 });
    store.setState({ n: 2 });
    expect(told).toEqual([true]);
    vi.advanceTimersByTime(PAUSE_MS);
    expect(told).toEqual([true, false]);
    // an active widget holds nothing, so it is never stale
    deferred.setActive(true);
    store.setState({ n: 3 });
    expect(told).toEqual([true, false]);
  });

  it('an inactive view is never more than MAX_WAIT_MS behind a store that keeps changing with no input', () => {
    const store = counter();
    const deferred = createDeferredView();
    const seen: number[] = [];
    deferred.view(store).subscribe((s) => seen.push(s.n));
    // a change every 100 ms never leaves a 120 ms pause
    for (let t = 1; t <= 25; t += 1) {
      store.setState({ n: t });
      vi.advanceTimersByTime(100);
    }
    // changes at 0, 100, …, 2400 ms: the first is held from 0 ms, so at 1000 ms the view catches up with
    // the change made at 900 ms (n = 10); the next is held from 1000 ms and caught up at 2000 ms (n = 20)
    expect(MAX_WAIT_MS).toBe(1000);
    expect(seen).toEqual([10, 20]);
    // the last change, at 2400 ms, arrives after the pause
    vi.advanceTimersByTime(PAUSE_MS);
    expect(seen).toEqual([10, 20, 25]);
  });

  it('changes made during input wait for the pause however long the input lasts, with no catch-up', () => {
    const store = counter();
    const deferred = createDeferredView({ duringInput: () => true });
    const seen: number[] = [];
    deferred.view(store).subscribe((s) => seen.push(s.n));
    // a drag: a change every 100 ms for 2.5 s, each after a pointer move
    for (let t = 1; t <= 25; t += 1) {
      store.setState({ n: t });
      vi.advanceTimersByTime(100);
    }
    expect(seen).toEqual([]);
    // 100 ms after the last change; the pause ends 20 ms later
    vi.advanceTimersByTime(PAUSE_MS - 100);
    expect(seen).toEqual([25]);
  });

  it('a pause that ends while a button is held waits a frame, then on while input keeps coming, and delivers once it stops', () => {
    const store = counter();
    let moving = true;
    let pressed = true;
    const { frames, nextFrame } = heldFrames();
    const deferred = createDeferredView({
      duringInput: () => moving,
      inputHeld: () => pressed,
      nextFrame,
    });
    const seen: number[] = [];
    deferred.view(store).subscribe((s) => seen.push(s.n));
    store.setState({ n: 1 });
    // a frame longer than the pause, the next move queued behind it
    vi.advanceTimersByTime(PAUSE_MS);
    expect(seen).toEqual([]);
    expect(frames).toHaveLength(1);
    // the move came in during that frame: still no pause
    frames.shift()!();
    vi.advanceTimersByTime(PAUSE_MS);
    expect(seen).toEqual([]);
    // the learner holds still with the button down: after the next frame, what was held arrives
    moving = false;
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(seen).toEqual([1]);
    // with the button up, the pause alone decides
    pressed = false;
    moving = true;
    store.setState({ n: 2 });
    vi.advanceTimersByTime(PAUSE_MS);
    expect(frames).toHaveLength(0);
    expect(seen).toEqual([1, 2]);
  });

  it('flush() and dispose() drop a wait for a frame', () => {
    const store = counter();
    const { frames, nextFrame } = heldFrames();
    const deferred = createDeferredView({
      duringInput: () => true,
      inputHeld: () => true,
      nextFrame,
    });
    const seen: number[] = [];
    deferred.view(store).subscribe((s) => seen.push(s.n));
    store.setState({ n: 1 });
    vi.advanceTimersByTime(PAUSE_MS);
    deferred.flush();
    expect(seen).toEqual([1]);
    expect(frames).toHaveLength(0);
    store.setState({ n: 2 });
    vi.advanceTimersByTime(PAUSE_MS);
    expect(frames).toHaveLength(1);
    deferred.dispose();
    expect(frames).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('view(store, live) reaches a held widget at once while the learner gives input elsewhere', () => {
    const store = counter();
    const deferred = createDeferredView({ duringInput: () => true });
    const seen: number[] = [];
    deferred.view(store, () => true).subscribe((s) => seen.push(s.n));
    for (let t = 1; t <= 3; t += 1) {
      store.setState({ n: t });
      vi.advanceTimersByTime(16);
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('inputInProgress() holds only while the widget is active and input is being given', () => {
    let typing = false;
    const deferred = createDeferredView({ duringInput: () => typing });
    expect(deferred.inputInProgress()).toBe(false);
    typing = true;
    expect(deferred.inputInProgress()).toBe(false);
    deferred.setActive(true);
    expect(deferred.inputInProgress()).toBe(true);
    typing = false;
    expect(deferred.inputInProgress()).toBe(false);
  });

  it('holdUntilPause(deliver) delivers with the views after the pause, marked stale meanwhile', () => {
    const store = counter();
    const told: boolean[] = [];
    const deferred = createDeferredView({ duringInput: () => true });
    deferred.watchStale((stale) => told.push(stale));
    const seen: number[] = [];
    deferred.view(store).subscribe((s) => seen.push(s.n));
    const deliver = vi.fn();
    deferred.holdUntilPause(deliver);
    expect(told).toEqual([true]);
    vi.advanceTimersByTime(PAUSE_MS - 20);
    // a change of the store restarts the pause for both
    store.setState({ n: 1 });
    vi.advanceTimersByTime(PAUSE_MS - 1);
    expect(deliver).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([1]);
    expect(told).toEqual([true, false]);
  });

  it('holdUntilPause(deliver) returns a function that drops the delivery, and flush() delivers at once', () => {
    const deferred = createDeferredView();
    const dropped = vi.fn();
    const kept = vi.fn();
    deferred.holdUntilPause(dropped)();
    deferred.holdUntilPause(kept);
    deferred.flush();
    expect(kept).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PAUSE_MS);
    expect(dropped).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledTimes(1);
  });

  it('is current within 200 ms of the last change however the changes came', () => {
    const store = counter();
    const deferred = createDeferredView();
    const view = deferred.view(store);
    view.subscribe(() => {});
    for (let i = 1; i <= 30; i += 1) {
      store.setState({ n: i });
      vi.advanceTimersByTime(i % 7 === 0 ? 130 : 16);
    }
    store.setState({ n: 99 });
    vi.advanceTimersByTime(200);
    expect(view.getState().n).toBe(99);
  });

  it('setActive(true) delivers what was held at once', () => {
    const store = counter();
    const deferred = createDeferredView();
    const seen: number[] = [];
    deferred.view(store).subscribe((s) => seen.push(s.n));
    store.setState({ n: 3 });
    expect(seen).toEqual([]);
    deferred.setActive(true);
    expect(seen).toEqual([3]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([3]);
  });

  it('flush() delivers at once without making the view active', () => {
    const store = counter();
    const deferred = createDeferredView();
    const seen: number[] = [];
    deferred.view(store).subscribe((s) => seen.push(s.n));
    store.setState({ n: 1 });
    deferred.flush();
    expect(seen).toEqual([1]);
    store.setState({ n: 2 });
    expect(seen).toEqual([1]);
    expect(deferred.isActive()).toBe(false);
  });

  it('setActive(false) holds changes again', () => {
    const store = counter();
    const deferred = createDeferredView();
    const seen: number[] = [];
    deferred.view(store).subscribe((s) => seen.push(s.n));
    deferred.setActive(true);
    store.setState({ n: 1 });
    deferred.setActive(false);
    store.setState({ n: 2 });
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(PAUSE_MS);
    expect(seen).toEqual([1, 2]);
  });

  it('view(store, live) delivers at once while live(state) holds, and holds again once it does not', () => {
    const store = counter();
    const deferred = createDeferredView();
    const seen: number[] = [];
    // "live" while n is odd: a run that trains, say
    deferred.view(store, (s) => s.n % 2 === 1).subscribe((s) => seen.push(s.n));
    store.setState({ n: 1 });
    store.setState({ n: 3 });
    expect(seen).toEqual([1, 3]);
    store.setState({ n: 4 });
    expect(seen).toEqual([1, 3]);
    vi.advanceTimersByTime(PAUSE_MS);
    expect(seen).toEqual([1, 3, 4]);
  });

  it('writes through the view reach the store at once, held or not', () => {
    const store = counter();
    const view = createDeferredView().view(store);
    view.subscribe(() => {});
    view.setState({ n: 7 });
    expect(store.getState().n).toBe(7);
  });

  it('view(store) is the same object each time, and a view with no subscriber reads the store itself', () => {
    const store = counter();
    const deferred = createDeferredView();
    expect(deferred.view(store)).toBe(deferred.view(store));
    store.setState({ n: 4 });
    expect(deferred.view(store).getState().n).toBe(4);
    expect(deferred.view(store).getInitialState().n).toBe(0);
  });

  it('unsubscribing the last listener unsubscribes from the store and drops what was held', () => {
    const store = counter();
    const deferred = createDeferredView();
    const listener = vi.fn();
    const unsubscribe = deferred.view(store).subscribe(listener);
    store.setState({ n: 1 });
    unsubscribe();
    vi.advanceTimersByTime(1000);
    expect(listener).not.toHaveBeenCalled();
    // the store has no listener of the view left: a change does not even schedule a delivery
    store.setState({ n: 2 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('dispose() drops the pending delivery', () => {
    const store = counter();
    const deferred = createDeferredView();
    const listener = vi.fn();
    deferred.view(store).subscribe(listener);
    store.setState({ n: 1 });
    deferred.dispose();
    vi.advanceTimersByTime(1000);
    expect(listener).not.toHaveBeenCalled();
  });
});
