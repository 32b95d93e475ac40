import type { MDXComponents } from 'mdx/types';
import Content from '../../../content/stability.mdx';
import { EpsilonTrickExplorer } from '../../widgets/stability/EpsilonTrickExplorer';
import { FusedBackward } from '../../widgets/stability/FusedBackward';
import { OverflowExplorer } from '../../widgets/stability/OverflowExplorer';
import { StabilityProvider } from '../../widgets/stability/StabilityContext';
import { bounded } from '../bounded';
import '../../styles/stability.css';
import prerendered from 'virtual:prerendered-tex/stability';
import { registerPrerendered } from '../../math/texRuntime';

// This chapter's starting formulas, typeset at build time: its first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/stability.mdx may use; this module is the chapter's lazy chunk. */
const components: MDXComponents = {
  OverflowExplorer: bounded('the naive against stable comparison', OverflowExplorer),
  EpsilonTrickExplorer: bounded('the epsilon trick explorer', EpsilonTrickExplorer),
  FusedBackward: bounded('the fused backward pass', FusedBackward),
};

/** One store for the chapter's widgets: the logits set in the first carry to the later ones. */
export default function StabilityChapter() {
  return (
    <StabilityProvider>
      <Content components={components} />
    </StabilityProvider>
  );
}
