import katex from 'katex';
import { runnerImport, type Plugin } from 'vite';
import { liveKatexOptions } from '../math/katexOptions.ts';
import { texKey } from '../math/texKeys.ts';
import { learnTemplate, splitNumbers, type TexTemplate } from '../math/texTemplate.ts';

const ID = 'virtual:prerendered-tex';
type FormulaModule = typeof import('../math/prerenderedFormulas');

/**
 * Typesets the starting state's live formulas at build time into `virtual:prerendered-tex`, with the
 * templates of their shapes, so a chapter needs KaTeX's runtime neither for its first paint nor while
 * a learner moves numbers within those shapes (see src/math/texRuntime.ts and texTemplate.ts).
 * The formula list is loaded through Vite itself, so the config does not import the app's modules.
 */
export function prerenderTex(): Plugin {
  return {
    name: 'logit-lab:prerender-tex',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    async load(id) {
      if (id !== `\0${ID}`) return null;
      const { module } = await runnerImport<FormulaModule>(
        new URL('../math/prerenderedFormulas.ts', import.meta.url).pathname,
        { configFile: false, logLevel: 'error' },
      );
      const formulas: Record<string, string> = {};
      const templates: Record<string, TexTemplate> = {};
      for (const { tex, display } of module.prerenderedFormulas()) {
        const render = (t: string) => katex.renderToString(t, { ...liveKatexOptions(display), throwOnError: true });
        formulas[texKey(tex, display)] = render(tex);
        const template = learnTemplate(tex, render);
        if (template) templates[texKey(splitNumbers(tex).shape, display)] = template;
      }
      return `export default ${JSON.stringify({ formulas, templates })};`;
    },
  };
}
