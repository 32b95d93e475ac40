import Content from '../../../content/softmax-cross-entropy.mdx';
import { CrossEntropyGradientExplorer } from '../../widgets/CrossEntropyGradientExplorer';
import { GradientDescentStep } from '../../widgets/GradientDescentStep';
import { embeddable } from '../../embed/embeddable';
import '../../styles/softmax-cross-entropy.css';
import prerendered from 'virtual:prerendered-tex/softmax-cross-entropy';
import { registerPrerendered } from '../../math/texRuntime';

// This chapter's starting formulas, typeset at build time: its first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/softmax-cross-entropy.mdx may use; this module is the chapter's lazy chunk. */
export const components = embeddable('softmax-cross-entropy', {
  CrossEntropyGradientExplorer,
  GradientDescentStep,
});

export default function SoftmaxCrossEntropyChapter() {
  return <Content components={components} />;
}
