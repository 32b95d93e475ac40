import katex from 'katex';
import { runnerImport, type Plugin } from 'vite';
import { liveKatexOptions } from '../math/katexOptions.ts';
import { texKey } from '../math/texKeys.ts';
import { learnTemplate, splitNumbers, type TexTemplate } from '../math/texTemplate.ts';

const PREFIX = 'virtual:prerendered-tex/';
type FormulaModule = typeof import('./prerenderedFormulas');

/**
 * Typesets a chapter's starting-state live formulas at build time into
 * `virtual:prerendered-tex/<slug>` (or every chapter's: `/all`, for tests), with the
 * templates of their shapes, so a chapter needs KaTeX's runtime neither for its first paint nor while
 * a learner moves numbers within those shapes (see src/math/texRuntime.ts and texTemplate.ts).
 * The formula list is loaded through Vite itself, so the config does not import the app's modules.
 */
export function prerenderTex(): Plugin {
  return {
    name: 'logit-lab:prerender-tex',
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : null),
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const slug = id.slice(PREFIX.length + 1);
      const { module } = await runnerImport<FormulaModule>(
        new URL('./prerenderedFormulas.ts', import.meta.url).pathname,
        { configFile: false, logLevel: 'error' },
      );
      const formulas: Record<string, string> = {};
      const templates: Record<string, TexTemplate> = {};
      for (const { tex, display } of module.prerenderedFormulas(slug)) {
        const render = (t: string) => katex.renderToString(t, { ...liveKatexOptions(display), throwOnError: true });
        const html = render(tex);
        const template = learnTemplate(tex, render);
        // A formula with a template is filled from it at run time: only the others ship their HTML.
        if (template) templates[texKey(splitNumbers(tex).shape, display)] = template;
        else formulas[texKey(tex, display)] = html;
      }
      return `export default ${JSON.stringify({ formulas, templates })};`;
    },
  };
}
