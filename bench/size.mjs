// @ts-check
/**
 * Size: the gzipped JS and CSS the first chapter (#/softmax) makes the browser download, measured
 * in Chromium (lazy chunks included), per file and totalled, against the JS budget (bench/lib/bundle.mjs).
 *
 * Standalone: `node bench/size.mjs` (after `npm run build`).
 */
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { startStaticServer } from './lib/server.mjs';
import { DIST_DIR } from './lib/paths.mjs';
import { formatBundleReport, measureRouteAssets } from './lib/bundle.mjs';

export const SIZE_ROUTE = '#/softmax';

/**
 * @param {{ baseURL: string, distDir?: string }} options
 * @returns {Promise<import('./lib/bundle.mjs').BundleReport>}
 */
export async function measureSize({ baseURL, distDir = DIST_DIR }) {
  return measureSoftmaxAssets({ baseURL, distDir });
}

/**
 * What the same chapter has downloaded once a formula changes *shape* (here: a temperature other than
 * 1 adds "/T" to the live formula), which is when KaTeX's runtime is first fetched. Moving numbers
 * within a known shape never fetches it (see src/math/texRuntime.ts).
 * @param {{ baseURL: string, distDir?: string }} options
 * @returns {Promise<import('./lib/bundle.mjs').BundleReport>}
 */
export async function measureSizeAfterShapeChange({ baseURL, distDir = DIST_DIR }) {
  return measureSoftmaxAssets({
    baseURL,
    distDir,
    interact: async (page) => {
      await page.getByRole('slider', { name: 'temperature T', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await page.locator('[data-testid="live-formula"] [aria-busy="true"]').first().waitFor({ state: 'detached' });
    },
  });
}

/**
 * @param {{ baseURL: string, distDir: string, interact?: (page: import('playwright-core').Page) => Promise<void> }} options
 * @returns {Promise<import('./lib/bundle.mjs').BundleReport>}
 */
async function measureSoftmaxAssets({ baseURL, distDir, interact }) {
  const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  try {
    return await measureRouteAssets({
      context: browser.context,
      baseURL,
      distDir,
      route: SIZE_ROUTE,
      readySelector: '[data-testid="live-formula"] .katex',
      interact,
    });
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startStaticServer(DIST_DIR);
  try {
    console.log(formatBundleReport(await measureSize({ baseURL: server.url })));
    console.log(formatBundleReport(await measureSizeAfterShapeChange({ baseURL: server.url }), { budget: false }));
  } finally {
    await server.close();
  }
}
