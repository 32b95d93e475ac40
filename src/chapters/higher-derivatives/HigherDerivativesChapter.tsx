import { HessianExplorer } from './HessianExplorer';
import { QuadraticModelPlot } from './QuadraticModelPlot';
import { TensorExplorer } from './TensorExplorer';
import { HigherDerivativesOpener } from './HigherDerivativesOpener';
import { embeddable } from '../../tools/share/embeddable';
import { widgets } from './index';
import './higher-derivatives.css';
import prerendered from 'virtual:prerendered-tex/higher-derivatives';
import { registerPrerendered } from '../../math/texRuntime';
import { withDeferredView } from '../../state/DeferredView';
import { lazyExercises } from '../../exercises/lazyExercises';

// in a chunk of their own, fetched when the page draws one (app/ChapterProse.tsx): the chapter opens without them
const { EinsumBugExercise, HessianEntryExercise, StableRateExercise } = lazyExercises(
  () => import('./HigherDerivativesExercises'),
  'EinsumBugExercise',
  'HessianEntryExercise',
  'StableRateExercise',
);

/** The chapter's widgets come with its chunk: the page reads their address keys from here (app/ChapterProse.tsx). */
export { widgets };

// This chapter's starting formulas, typeset at build time: its first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/higher-derivatives.mdx may use; this module is the chapter's lazy chunk. */
export const components = embeddable(widgets, {
  HessianExplorer,
  QuadraticModelPlot,
  TensorExplorer,
  HessianEntryExercise,
  StableRateExercise,
  EinsumBugExercise,
});

/** The page's map adds the opening figure, which is not embeddable (it is the chapter's first screen). */
export const page = { ...components, Opener: withDeferredView(HigherDerivativesOpener) };
