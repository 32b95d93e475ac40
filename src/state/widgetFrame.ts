import { createContext, useContext } from 'react';

/**
 * What the wrapper around each widget (embeddable.tsx) shares with the widget's state hook and its
 * share toolbar: the hook hands in a writer for the widget's own state, so the toolbar's link carries
 * it, and the problems it found reading the URL, which the wrapper shows above the widget. A plain
 * object with listeners rather than React state: a slider step must not re-render the wrapper.
 */
export interface WidgetFrame {
  /** writes the widget's own state into a query (nothing for a widget without one) */
  writeState(query: URLSearchParams): URLSearchParams;
  setWriter(writer: ((query: URLSearchParams) => void) | null): void;
  /** the widget's state changed: an open share panel recomputes its link */
  changed(): void;
  version(): number;
  problems(): readonly string[];
  setProblems(problems: readonly string[]): void;
  subscribe(listener: () => void): () => void;
}

const NO_PROBLEMS: readonly string[] = [];

export function createWidgetFrame(): WidgetFrame {
  let writer: ((query: URLSearchParams) => void) | null = null;
  let version = 0;
  let problems = NO_PROBLEMS;
  const listeners = new Set<() => void>();
  const notify = () => {
    version += 1;
    for (const l of listeners) l();
  };
  return {
    writeState(query) {
      writer?.(query);
      return query;
    },
    setWriter(w) {
      writer = w;
    },
    changed: notify,
    version: () => version,
    problems: () => problems,
    setProblems(next) {
      if (next.length === problems.length && next.every((p, i) => p === problems[i])) return;
      problems = next.length ? [...next] : NO_PROBLEMS;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Outside any wrapper (a component test, a widget inside another): a frame nobody reads. */
const DETACHED = createWidgetFrame();

export const WidgetFrameContext = createContext<WidgetFrame>(DETACHED);

export function useWidgetFrame(): WidgetFrame {
  return useContext(WidgetFrameContext);
}
