import katex from 'katex';
import { runnerImport, type Plugin } from 'vite';
import { katexOptions } from '../math/katexOptions.ts';
import { texKey } from '../math/texKeys.ts';

const ID = 'virtual:prerendered-tex';
type FormulaModule = typeof import('../math/prerenderedFormulas');

/**
 * Typesets the starting state's live formulas at build time into `virtual:prerendered-tex`, a map
 * from texKey to HTML, so a chapter's first paint needs no KaTeX runtime (see src/math/texRuntime.ts).
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
      const map: Record<string, string> = {};
      for (const { tex, display } of module.prerenderedFormulas()) {
        map[texKey(tex, display)] = katex.renderToString(tex, { ...katexOptions(display), throwOnError: true });
      }
      return `export default ${JSON.stringify(map)};`;
    },
  };
}
