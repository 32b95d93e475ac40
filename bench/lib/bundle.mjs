// @ts-check
/**
 * What a reader's browser downloads for one route: every JS and CSS response from our own server
 * while the page loads (lazily imported chunks included), each file gzipped from dist/ at level 9.
 * Measured in Chromium rather than read from the manifest so that a chunk that is imported
 * eagerly by mistake counts against the budget.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

/**
 * The JS budget `npm test` enforces for the first chapter, in bytes of gzip: issue 15's 100 KB. The
 * first chapter loads about 99.3 KB (react-dom, react and the scheduler alone are about 66; its prose
 * is HTML prerendered at build time, not JS; its small shared widgets come in three files, see
 * src/build/chunkGroups.ts). Its exercises are not counted: they load when they near the screen or
 * 3 s after the chapter opens (app/whenWanted.ts), after this measure has stopped.
 */
export const JS_BUDGET_BYTES = 100 * 1024;

/**
 * @param {string} url
 * @param {string | null | undefined} contentType
 * @returns {'js' | 'css' | null}
 */
export function assetKind(url, contentType) {
  const pathname = new URL(url).pathname.toLowerCase();
  const type = (contentType ?? '').toLowerCase();
  if (pathname.endsWith('.js') || pathname.endsWith('.mjs') || type.includes('javascript')) return 'js';
  if (pathname.endsWith('.css') || type.includes('text/css')) return 'css';
  return null;
}

/**
 * @param {Buffer} bytes
 * @returns {number}
 */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
}

/**
 * @typedef {{ file: string, kind: 'js' | 'css', rawBytes: number, gzipBytes: number }} AssetSize
 * @typedef {{
 *   route: string,
 *   files: AssetSize[],
 *   js: { rawBytes: number, gzipBytes: number, count: number },
 *   css: { rawBytes: number, gzipBytes: number, count: number },
 *   jsBudgetBytes: number,
 * }} BundleReport
 */

/**
 * Opens `route` in a new page of `context`, waits for the network to go quiet (and for
 * `readySelector`, if given), runs `interact` if given and lets the network go quiet again, and
 * reports the gzipped size of every JS and CSS file it fetched from `baseURL`.
 * @param {{
 *   context: import('playwright-core').BrowserContext,
 *   baseURL: string,
 *   distDir: string,
 *   route: string,
 *   readySelector?: string,
 *   settleMs?: number,
 *   interact?: (page: import('playwright-core').Page) => Promise<void>,
 * }} options
 * @returns {Promise<BundleReport>}
 */
export async function measureRouteAssets({ context, baseURL, distDir, route, readySelector, settleMs = 500, interact }) {
  const base = new URL(baseURL);
  const root = resolve(distDir);
  /** @type {Map<string, 'js' | 'css'>} */
  const seen = new Map();
  /** @type {string[]} */
  const failures = [];
  const page = await context.newPage();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== base.origin) return;
    const kind = assetKind(response.url(), response.headers()['content-type']);
    if (kind === null) return;
    if (response.status() !== 200) {
      failures.push(`${response.status()} ${url.pathname}`);
      return;
    }
    seen.set(decodeURIComponent(url.pathname), kind);
  });
  try {
    await page.goto(new URL(route, base).href, { waitUntil: 'networkidle' });
    if (readySelector) await page.locator(readySelector).first().waitFor({ state: 'visible' });
    // Lazy chunks (the KaTeX runtime, say) may be requested after first paint.
    await page.waitForLoadState('networkidle');
    if (settleMs > 0) await page.waitForTimeout(settleMs);
    await page.waitForLoadState('networkidle');
    if (interact) {
      await interact(page);
      if (settleMs > 0) await page.waitForTimeout(settleMs);
      await page.waitForLoadState('networkidle');
    }
  } finally {
    await page.close();
  }
  if (failures.length > 0) throw new Error(`asset requests failed: ${failures.join(', ')}`);

  /** @type {AssetSize[]} */
  const files = [];
  for (const [pathname, kind] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
    const relative = pathname.startsWith(base.pathname) ? pathname.slice(base.pathname.length) : pathname;
    const filePath = resolve(join(root, relative));
    if (!filePath.startsWith(root + sep)) throw new Error(`asset outside dist: ${pathname}`);
    const bytes = await readFile(filePath);
    files.push({ file: relative, kind, rawBytes: bytes.length, gzipBytes: gzipSize(bytes) });
  }
  /** @param {'js' | 'css'} kind */
  const total = (kind) => {
    const of = files.filter((f) => f.kind === kind);
    return {
      rawBytes: of.reduce((s, f) => s + f.rawBytes, 0),
      gzipBytes: of.reduce((s, f) => s + f.gzipBytes, 0),
      count: of.length,
    };
  };
  return { route, files, js: total('js'), css: total('css'), jsBudgetBytes: JS_BUDGET_BYTES };
}

/**
 * @param {number} bytes
 * @returns {string}
 */
export function formatKB(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * A per-file table of a BundleReport, for logs; with the budget line unless `budget` is false (the
 * budget is for what a chapter loads to open, not for what it fetches later).
 * @param {BundleReport} report
 * @param {{ budget?: boolean }} [options]
 * @returns {string}
 */
export function formatBundleReport(report, { budget = true } = {}) {
  const jsLabel = `JS total (${report.js.count} files)`;
  const cssLabel = `CSS total (${report.css.count} files)`;
  const width = Math.max(jsLabel.length, cssLabel.length, ...report.files.map((f) => f.file.length));
  const row = (/** @type {string} */ name, /** @type {string} */ raw, /** @type {string} */ gz) =>
    `  ${name.padEnd(width)}  ${raw.padStart(10)}  ${gz.padStart(10)}`;
  const lines = [`assets loaded by ${report.route}:`, row('file', 'raw', 'gzip -9')];
  for (const f of report.files) lines.push(row(f.file, formatKB(f.rawBytes), formatKB(f.gzipBytes)));
  lines.push(row(jsLabel, formatKB(report.js.rawBytes), formatKB(report.js.gzipBytes)));
  lines.push(row(cssLabel, formatKB(report.css.rawBytes), formatKB(report.css.gzipBytes)));
  if (!budget) return lines.join('\n');
  const ratio = report.js.gzipBytes / report.jsBudgetBytes;
  lines.push(
    `  JS gzip ${formatKB(report.js.gzipBytes)} of ${formatKB(report.jsBudgetBytes)} budget (${(ratio * 100).toFixed(1)}%)`,
  );
  return lines.join('\n');
}
