import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// A chapter's exercise components take whatever props the MDX passes them, as widgets do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

/**
 * A chapter's exercises as lazy components, all from one module loaded the first time any of them is
 * drawn: `lazyExercises(() => import('./SoftmaxExercises'), 'ProbabilityExercise', 'SharesExercise')`.
 * The exercise frame, its grading and the chapter's exercise specs then leave the chapter's chunk,
 * which opens the chapter; the page draws an exercise when it nears the screen (app/ChapterProse.tsx).
 */
export function lazyExercises<M extends Record<K, AnyComponent>, K extends string>(
  load: () => Promise<M>,
  ...keys: readonly K[]
): { [N in K]: LazyExoticComponent<M[N]> } {
  let loading: Promise<M> | undefined;
  const once = () => (loading ??= load());
  const out: Partial<Record<K, LazyExoticComponent<AnyComponent>>> = {};
  for (const key of keys) out[key] = lazy(() => once().then((m) => ({ default: m[key] })));
  return out as { [N in K]: LazyExoticComponent<M[N]> };
}
