import Content from '../../../content/squared-error-vs-cross-entropy.mdx';
import { LossRace } from '../../widgets/LossRace';
import { SaturationExplorer } from '../../widgets/SaturationExplorer';
import { SeedExperiment } from '../../widgets/SeedExperiment';
import { SaturationOpener } from '../../widgets/openers/SaturationOpener';
import { embeddable } from '../../embed/embeddable';
import '../../styles/squared-error-vs-cross-entropy.css';
import prerendered from 'virtual:prerendered-tex/squared-error-vs-cross-entropy';
import { registerPrerendered } from '../../math/texRuntime';

// This chapter's starting formulas, typeset at build time: its first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/squared-error-vs-cross-entropy.mdx may use; this module is the chapter's lazy chunk. */
export const components = embeddable('squared-error-vs-cross-entropy', {
  SaturationExplorer,
  LossRace,
  SeedExperiment,
});

/** The page's map adds the opening figure, which is not embeddable (it is the chapter's first screen). */
const pageComponents = { ...components, Opener: SaturationOpener };

export default function SquaredErrorVsCrossEntropyChapter() {
  return <Content components={pageComponents} />;
}
