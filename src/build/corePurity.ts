import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Build-time guard for the numeric core: a module under src/core may import only other modules under
 * src/core. React, the DOM, d3-selection, zustand and KaTeX stay out, so the core runs unchanged in
 * node, in a worker and in the page, and its tests need no browser. (tsconfig.core.json, without DOM
 * types, catches the globals such as `window` and `document` that an import check cannot see.)
 *
 * Build tooling only: vite.config.ts loads it; the app never does.
 */
export function corePurity(): Plugin {
  const coreDir = fileURLToPath(new URL('../core', import.meta.url));
  return {
    name: 'logit-lab:core-purity',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !importer.startsWith(coreDir + path.sep)) return null;
      const target = source.startsWith('.') ? path.resolve(path.dirname(importer), source) : source;
      if (!target.startsWith(coreDir + path.sep)) {
        this.error(`src/core must stay pure: ${path.relative(coreDir, importer)} imports "${source}"`);
      }
      return null;
    },
  };
}
