import type { MDXComponents } from 'mdx/types';
import Content from '../../../content/logistic-regression.mdx';
import { LogisticRegressionLab } from '../../widgets/logistic/LogisticRegressionLab';
import { bounded } from '../bounded';
import '../../styles/logistic-regression.css';
import prerendered from 'virtual:prerendered-tex/logistic-regression';
import { registerPrerendered } from '../../math/texRuntime';

// This chapter's starting formulas, typeset at build time: its first paint needs no KaTeX runtime.
registerPrerendered(prerendered);

/** The explicit list of what content/logistic-regression.mdx may use; this module is the chapter's lazy chunk. */
const components: MDXComponents = {
  LogisticRegressionLab: bounded('the logistic regression lab', LogisticRegressionLab),
};

export default function LogisticRegressionChapter() {
  return <Content components={components} />;
}
