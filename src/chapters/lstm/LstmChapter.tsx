import { GradientFlowExplorer } from './GradientFlowExplorer';
import { LstmCellExplorer } from './LstmCellExplorer';
import { LstmOpener } from './LstmOpener';
import { embeddable } from '../../tools/share/embeddable';
import { widgets } from './index';
import './lstm.css';
import prerendered from 'virtual:prerendered-tex/lstm';
import { registerPrerendered } from '../../math/texRuntime';
import { withDeferredView } from '../../state/DeferredView';
import { lazyExercises } from '../../exercises/lazyExercises';

// in a chunk of their own, fetched when the page draws one (app/ChapterProse.tsx): the chapter opens without them
const { CellPathExercise, CellUpdateExercise, ForgetPowerExercise } = lazyExercises(
  () => import('./LstmExercises'),
  'CellPathExercise',
  'CellUpdateExercise',
  'ForgetPowerExercise',
);

/** The chapter's widgets come with its chunk: the page reads their address keys from here (app/ChapterProse.tsx). */
export { widgets };

// This chapter's starting formulas, typeset at build time: its first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/lstm.mdx may use; this module is the chapter's lazy chunk. */
export const components = embeddable(widgets, {
  LstmCellExplorer,
  GradientFlowExplorer,
  CellUpdateExercise,
  ForgetPowerExercise,
  CellPathExercise,
});

/** The page's map adds the opening figure, which is not embeddable (it is the chapter's first screen). */
export const page = { ...components, Opener: withDeferredView(LstmOpener) };
