import { URL_WRITE_DELAY_MS } from './stateSchema';

export interface PausedWriter {
  /** (re)starts the wait: the write happens URL_WRITE_DELAY_MS after the last call */
  schedule(): void;
  /** writes now if a write is waiting */
  flush(): void;
  /** drops a waiting write and stops listening for the page being left */
  dispose(): void;
}

/**
 * How every store writes the address: not on every slider step (a write costs about half a
 * millisecond of main-thread work, and replaceState 60 times a second buys nothing) but once the
 * learner pauses, and when the page is left with a write still waiting (pagehide), so a reload or a
 * closed tab keeps the last move. Disposing drops a waiting write: on leaving a route the hash already
 * names the next one, and writing this one's keys there would be wrong.
 */
export function writeAfterPause(write: () => void, delay = URL_WRITE_DELAY_MS): PausedWriter {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    write();
  };
  window.addEventListener('pagehide', flush);
  open.add(flush);
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(flush, delay);
    },
    flush,
    dispose() {
      clearTimeout(timer);
      timer = undefined;
      window.removeEventListener('pagehide', flush);
      open.delete(flush);
    },
  };
}

/** Every writer not yet disposed, by its flush. */
const open = new Set<() => void>();

/**
 * Writes every waiting address write now. A reload the page asks for itself (`location.reload()`)
 * has fixed its address before pagehide fires, so a write left to pagehide would be lost to it: call
 * this first.
 */
export function flushPausedWrites(): void {
  for (const flush of [...open]) flush();
}
