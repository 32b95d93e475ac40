import { GradientCheckExplorer } from './GradientCheckExplorer';
import { TestTolerance } from './TestTolerance';
import { ZeroCases } from './ZeroCases';
import { GradientCheckOpener } from './GradientCheckOpener';
import { embeddable } from '../../tools/share/embeddable';
import { widgets } from './index';
import './gradient-check.css';
import prerendered from 'virtual:prerendered-tex/gradient-check';
import { registerPrerendered } from '../../math/texRuntime';
import { withDeferredView } from '../../state/DeferredView';
import { lazyExercises } from '../../exercises/lazyExercises';

// in a chunk of their own, fetched when the page draws one (app/ChapterProse.tsx): the chapter opens without them
const { AliasExercise, CentralDifferenceExercise } = lazyExercises(
  () => import('./GradientCheckExercises'),
  'AliasExercise',
  'CentralDifferenceExercise',
);

/** The chapter's widgets come with its chunk: the page reads their address keys from here (app/ChapterProse.tsx). */
export { widgets };

// This chapter's starting formulas, typeset at build time: its first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/gradient-check.mdx may use; this module is the chapter's lazy chunk. */
export const components = embeddable(widgets, {
  GradientCheckExplorer,
  ZeroCases,
  TestTolerance,
  CentralDifferenceExercise,
  AliasExercise,
});

/** The page's map adds the opening figure, which is not embeddable (it is the chapter's first screen). */
export const page = { ...components, Opener: withDeferredView(GradientCheckOpener) };
