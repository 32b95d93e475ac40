import katex from 'katex';
import type { Plugin } from 'vite';
import { katexOptions } from '../math/katexOptions';
import { prerenderedFormulas } from '../math/prerenderedFormulas';
import { texKey } from '../math/texKeys';

const ID = 'virtual:prerendered-tex';

/**
 * Typesets the starting state's live formulas at build time into `virtual:prerendered-tex`, a map
 * from texKey to HTML, so a chapter's first paint needs no KaTeX runtime (see src/math/texRuntime.ts).
 */
export function prerenderTex(): Plugin {
  return {
    name: 'logit-lab:prerender-tex',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      const map: Record<string, string> = {};
      for (const { tex, display } of prerenderedFormulas()) {
        map[texKey(tex, display)] = katex.renderToString(tex, { ...katexOptions(display), throwOnError: true });
      }
      return `export default ${JSON.stringify(map)};`;
    },
  };
}
