import { BceExplorer } from './BceExplorer';
import { LossExplorer } from './LossExplorer';
import { WeightedMeanOpener } from './WeightedMeanOpener';
import { embeddable } from '../../tools/share/embeddable';
import { widgets } from './index';
import './pytorchLoss.css';
import prerendered from 'virtual:prerendered-tex/pytorch-loss';
import { registerPrerendered } from '../../math/texRuntime';
import { withDeferredView } from '../../state/DeferredView';
import { lazyExercises } from '../../exercises/lazyExercises';

// in a chunk of their own, fetched when the page draws one (app/ChapterProse.tsx): the chapter opens without them
const { WeightBugExercise, WeightedMeanExercise } = lazyExercises(
  () => import('./PytorchLossExercises'),
  'WeightBugExercise',
  'WeightedMeanExercise',
);

/** The chapter's widgets come with its chunk: the page reads their address keys from here (app/ChapterProse.tsx). */
export { widgets };

// The explorer's starting formula, typeset at build time: the first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/pytorch-loss.mdx may use; this module is the chapter's lazy chunk. */
export const components = embeddable(widgets, {
  LossExplorer,
  BceExplorer,
  WeightedMeanExercise,
  WeightBugExercise,
});

/** The page's map adds the opening figure, which is not embeddable (it is the chapter's first screen). */
export const page = { ...components, Opener: withDeferredView(WeightedMeanOpener) };
