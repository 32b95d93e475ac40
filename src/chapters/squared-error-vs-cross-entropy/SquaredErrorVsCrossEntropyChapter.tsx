import { LossRace } from './LossRace';
import { SaturationExplorer } from './SaturationExplorer';
import { SeedExperiment } from './SeedExperiment';
import { SaturationOpener } from './SaturationOpener';
import { embeddable } from '../../tools/share/embeddable';
import { widgets } from './index';
import './squared-error-vs-cross-entropy.css';
import prerendered from 'virtual:prerendered-tex/squared-error-vs-cross-entropy';
import { registerPrerendered } from '../../math/texRuntime';
import { withDeferredView } from '../../state/DeferredView';
import { lazyExercises } from '../../exercises/lazyExercises';

// in a chunk of their own, fetched when the page draws one (app/ChapterProse.tsx): the chapter opens without them
const { HardestPushExercise, SquaredErrorGradientExercise } = lazyExercises(
  () => import('./SquaredErrorVsCrossEntropyExercises'),
  'HardestPushExercise',
  'SquaredErrorGradientExercise',
);

/** The chapter's widgets come with its chunk: the page reads their address keys from here (app/ChapterProse.tsx). */
export { widgets };

// This chapter's starting formulas, typeset at build time: its first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/squared-error-vs-cross-entropy.mdx may use; this module is the chapter's lazy chunk. */
export const components = embeddable(widgets, {
  SaturationExplorer,
  LossRace,
  SeedExperiment,
  SquaredErrorGradientExercise,
  HardestPushExercise,
});

/** The page's map adds the opening figure, which is not embeddable (it is the chapter's first screen). */
export const page = { ...components, Opener: withDeferredView(SaturationOpener) };
