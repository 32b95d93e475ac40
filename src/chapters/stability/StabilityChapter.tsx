import { EpsilonTrickExplorer } from './EpsilonTrickExplorer';
import { FusedBackward } from './FusedBackward';
import { OverflowExplorer } from './OverflowExplorer';
import { StabilityProvider } from './StabilityContext';
import { OverflowOpener } from './OverflowOpener';
import { embeddable } from '../../tools/share/embeddable';
import { widgets } from './index';
import './stability.css';
import prerendered from 'virtual:prerendered-tex/stability';
import { registerPrerendered } from '../../math/texRuntime';
import { withDeferredView } from '../../state/DeferredView';
import { lazyExercises } from '../../exercises/lazyExercises';

// in a chunk of their own, fetched when the page draws one (app/ChapterProse.tsx): the chapter opens without them
const { EpsilonBugExercise, LogSumExpExercise } = lazyExercises(
  () => import('./StabilityExercises'),
  'EpsilonBugExercise',
  'LogSumExpExercise',
);

/** The chapter's widgets come with its chunk: the page reads their address keys from here (app/ChapterProse.tsx). */
export { widgets };

// This chapter's starting formulas, typeset at build time: its first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/stability.mdx may use; this module is the chapter's lazy chunk. */
export const components = embeddable(widgets, {
  OverflowExplorer,
  EpsilonTrickExplorer,
  FusedBackward,
  LogSumExpExercise,
  EpsilonBugExercise,
});

/** What each of the chapter's widgets needs around it, in the chapter and in an embed. */
export const Provider = StabilityProvider;

/** The page's map adds the opening figure, which is not embeddable (it is the chapter's first screen). */
export const page = { ...components, Opener: withDeferredView(OverflowOpener) };
