import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPausedWrites, writeAfterPause } from '../../../src/url/writeAfterPause';
import { URL_WRITE_DELAY_MS } from '../../../src/url/stateSchema';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('writeAfterPause', () => {
  it('writeAfterPause(write).schedule() three times in a burst writes once, URL_WRITE_DELAY_MS after the last', () => {
    const write = vi.fn();
    const paused = writeAfterPause(write);
    paused.schedule();
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 1);
    paused.schedule();
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 1);
    paused.schedule();
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS - 1);
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(write).toHaveBeenCalledTimes(1);
    paused.dispose();
  });

  it('pagehide with a write waiting writes at once, and the timer does not write it again', () => {
    const write = vi.fn();
    const paused = writeAfterPause(write);
    paused.schedule();
    window.dispatchEvent(new Event('pagehide'));
    expect(write).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
    expect(write).toHaveBeenCalledTimes(1);
    paused.dispose();
  });

  it('pagehide with nothing waiting writes nothing', () => {
    const write = vi.fn();
    const paused = writeAfterPause(write);
    window.dispatchEvent(new Event('pagehide'));
    paused.schedule();
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    window.dispatchEvent(new Event('pagehide'));
    expect(write).toHaveBeenCalledTimes(1);
    paused.dispose();
  });

  it('dispose() drops a waiting write and stops listening for pagehide', () => {
    const write = vi.fn();
    const paused = writeAfterPause(write);
    paused.schedule();
    paused.dispose();
    vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
    window.dispatchEvent(new Event('pagehide'));
    expect(write).not.toHaveBeenCalled();
  });
});

describe('flushPausedWrites', () => {
  it('flushPausedWrites() writes every waiting write at once, once, and nothing for a writer that waits for nothing or was disposed', () => {
    const waitingWrite = vi.fn();
    const idleWrite = vi.fn();
    const disposedWrite = vi.fn();
    const waiting = writeAfterPause(waitingWrite);
    const idle = writeAfterPause(idleWrite);
    const disposed = writeAfterPause(disposedWrite);
    waiting.schedule();
    disposed.schedule();
    disposed.dispose();
    flushPausedWrites();
    expect(waitingWrite).toHaveBeenCalledTimes(1);
    expect(idleWrite).not.toHaveBeenCalled();
    expect(disposedWrite).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
    expect(waitingWrite).toHaveBeenCalledTimes(1);
    waiting.dispose();
    idle.dispose();
  });
});
