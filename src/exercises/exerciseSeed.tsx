import { createContext, useContext, useMemo, type ReactNode } from 'react';

/**
 * An exercise's numbers given by the page around it rather than read from the address: the Review
 * page shows exercises of several chapters at once, and two chapters' exercises may share a seed key
 * ('sb', 'sg', 'bg'), so one address could not hold both their seeds.
 */
export interface ExerciseSeed {
  readonly seed: number;
  /** "New numbers": the page keeps the new seed; nothing is written to the address */
  setSeed(seed: number): void;
}

const ExerciseSeedContext = createContext<ExerciseSeed | null>(null);

/** Gives the exercise inside its seed, and takes its "New numbers". */
export function ExerciseSeedProvider({ seed, setSeed, children }: { seed: number; setSeed: (seed: number) => void; children: ReactNode }) {
  const value = useMemo(() => ({ seed, setSeed }), [seed, setSeed]);
  return <ExerciseSeedContext.Provider value={value}>{children}</ExerciseSeedContext.Provider>;
}

/** The seed the page gives, or null where the exercise keeps its seed in the address (a chapter, an embed). */
export function useExerciseSeed(): ExerciseSeed | null {
  return useContext(ExerciseSeedContext);
}
