import { BackpropTrainer } from './BackpropTrainer';
import { BackpropWeights } from './BackpropWeights';
import { BackwardPassExplorer } from './BackwardPassExplorer';
import { BatchReductionDemo } from './BatchReductionDemo';
import { BackpropOpener } from './BackpropOpener';
import { BackpropProvider } from './BackpropContext';
import { embeddable } from '../../tools/share/embeddable';
import { widgets } from './index';
import './backprop.css';
import prerendered from 'virtual:prerendered-tex/backprop';
import { registerPrerendered } from '../../math/texRuntime';
import { withDeferredView } from '../../state/DeferredView';
import { lazyExercises } from '../../exercises/lazyExercises';

// in a chunk of their own, fetched when the page draws one (app/ChapterProse.tsx): the chapter opens without them
const { BatchDivisorExercise, OutputGradientExercise } = lazyExercises(
  () => import('./BackpropExercises'),
  'BatchDivisorExercise',
  'OutputGradientExercise',
);

/** The chapter's widgets come with its chunk: the page reads their address keys from here (app/ChapterProse.tsx). */
export { widgets };

// This chapter's starting formulas, typeset at build time: its first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/backprop.mdx may use; this module is the chapter's lazy chunk. */
export const components = embeddable(widgets, {
  BackpropTrainer,
  BackpropWeights,
  BackwardPassExplorer,
  BatchReductionDemo,
  OutputGradientExercise,
  BatchDivisorExercise,
});

/** What each of the chapter's widgets needs around it, in the chapter and in an embed: the run they share. */
export const Provider = BackpropProvider;

/** The page's map adds the opening figure, which is not embeddable (it is the chapter's first screen). */
export const page = { ...components, Opener: withDeferredView(BackpropOpener) };
