// @ts-check
/* global window, document, MutationObserver -- watchLoad and the evaluate callbacks run inside the page */
/**
 * First load on a slow phone: #/softmax opened at 4× CPU throttle over an emulated slow connection
 * (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, cache off, text gzipped as a static host sends
 * it), against a static HTML page holding the same chapter's prose, measured in the same run:
 * first contentful paint, largest contentful paint, when the chapter's first prose paragraph is
 * painted, and when the chapter's first slider is usable (a key press on it changes its value).
 *
 * The static page is generated here from the built page's own DOM: the chapter loaded without
 * throttling, its article (inside empty copies of its ancestors, so the same CSS lays it out the
 * same way) and the same stylesheets, written beside a copy of dist/. It has no script, so its
 * "slider" never moves: the goals read the app's slider against the static page's text.
 *
 * Standalone: `node bench/load.mjs [runs]` (after `npm run build`).
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { startStaticServer } from './lib/server.mjs';
import { DIST_DIR } from './lib/paths.mjs';

export const LOAD_ROUTE = '#/softmax';
export const CPU_THROTTLING_RATE = 4;
/** Network.emulateNetworkConditions: throughputs in bytes per second. */
export const SLOW_NETWORK = Object.freeze({ offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
/** A phone's screen: what the first screen shows depends on it. */
export const PHONE_VIEWPORT = Object.freeze({ width: 412, height: 915 });
/** The goals, as ratios to the static page: the chapter's text within 1.2×, its first slider within 2×. */
export const GOALS = Object.freeze({ text: 1.2, slider: 2 });
export const STATIC_PAGE = 'static-softmax.html';

/** The chapter's first paragraph of prose: a direct child of the MDX body, not the loading line. */
const PROSE = 'article.chapter .chapter-body > p:not(.loading)';
/** The chapter's first slider, native or ARIA. */
const SLIDER = 'article.chapter [role="slider"], article.chapter input[type="range"]';

/**
 * @typedef {{
 *   fcp: number | null, lcp: number | null, text: number | null, textSeen: number | null,
 *   slider: number | null, sliderSeen: number | null, requests: number, transferBytes: number,
 * }} LoadRun
 * @typedef {{ page: 'app' | 'static', runs: LoadRun[], median: LoadRun }} LoadSeries
 * @typedef {{
 *   route: string, cpuThrottlingRate: number, network: typeof SLOW_NETWORK, viewport: typeof PHONE_VIEWPORT,
 *   app: LoadSeries, static: LoadSeries,
 *   ratios: { fcp: number | null, lcp: number | null, text: number | null, slider: number | null },
 *   goals: typeof GOALS,
 * }} LoadReport
 */

/**
 * Watches the page from before its first byte is parsed: paint entries, the prose paragraph (given
 * an `elementtiming` attribute the moment it is inserted, so Element Timing reports when its text is
 * painted), and the slider (when it is there and enabled, and when its value first changes after
 * the bench pressed a key on it). Runs in the page; its selectors come in as the argument.
 * @param {{ prose: string, slider: string }} selectors
 */
function watchLoad({ prose, slider }) {
  /** @type {any} */
  const w = window;
  const state = (w.__load = { fcp: null, lcp: null, text: null, textSeen: null, slider: null, sliderSeen: null, pressedAt: null });
  const observe = (/** @type {string} */ type, /** @type {(e: any) => void} */ each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true });
    } catch {
      // an entry type this browser does not have: its figure stays null
    }
  };
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') state.fcp = e.startTime;
  });
  observe('largest-contentful-paint', (e) => {
    state.lcp = e.renderTime || e.startTime;
  });
  observe('element', (e) => {
    if (e.identifier === 'prose' && state.text === null) state.text = e.renderTime || e.startTime;
  });
  const scan = () => {
    if (state.textSeen === null) {
      const p = document.querySelector(prose);
      if (p && p.textContent && p.textContent.trim()) {
        p.setAttribute('elementtiming', 'prose');
        state.textSeen = performance.now();
      }
    }
    if (state.sliderSeen === null) {
      const s = /** @type {HTMLInputElement | null} */ (document.querySelector(slider));
      if (s && !s.disabled && s.getAttribute('aria-disabled') !== 'true') state.sliderSeen = performance.now();
    }
  };
  const changed = () => {
    if (state.pressedAt !== null && state.slider === null) state.slider = performance.now();
  };
  new MutationObserver((records) => {
    if (records.some((r) => r.type === 'attributes')) changed();
    scan();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  document.addEventListener('input', changed, true);
}

/**
 * One cold load of `url` in a fresh page: throttled CPU and network, cache off, and for the app a
 * key press on the first slider as soon as it is there (repeated until its value moves).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {{ pressSlider: boolean, timeoutMs?: number }} options
 * @returns {Promise<LoadRun>}
 */
async function loadOnce(context, url, { pressSlider, timeoutMs = 60_000 }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { ...SLOW_NETWORK });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING_RATE });
    let requests = 0;
    let transferBytes = 0;
    cdp.on('Network.loadingFinished', (e) => {
      requests += 1;
      transferBytes += e.encodedDataLength;
    });
    await page.addInitScript(watchLoad, { prose: PROSE, slider: SLIDER });
    // Not until the load event: a learner presses the slider once it is there, not once the last font
    // and lazy chunk have arrived. Waiting for them, the press came 330-490 ms after the slider was
    // there, against 120-180 ms now (same build, three rounds each). The paint figures come from
    // observers and do not depend on it.
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await page.waitForFunction(() => /** @type {any} */ (window).__load.text !== null, null, { polling: 50, timeout: timeoutMs });
    if (pressSlider) {
      await page.waitForFunction(() => /** @type {any} */ (window).__load.sliderSeen !== null, null, { polling: 20, timeout: timeoutMs });
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await page.evaluate((selector) => {
          const s = /** @type {HTMLElement} */ (document.querySelector(selector));
          /** @type {any} */ (window).__load.pressedAt ??= performance.now();
          s.focus();
        }, SLIDER);
        await page.keyboard.press('ArrowUp');
        const moved = await page
          .waitForFunction(() => /** @type {any} */ (window).__load.slider !== null, null, { polling: 20, timeout: 2_000 })
          .then(() => true, () => false);
        if (moved) break;
        if (Date.now() > deadline) throw new Error(`${url}: the first slider never answered a key press`);
      }
    }
    // Let late paints (and LCP candidates) land before reading them; fonts for parts drawn later may
    // still be arriving, which is no reason to fail the run.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    await page.waitForTimeout(500);
    /** @type {any} */
    const state = await page.evaluate(() => /** @type {any} */ (window).__load);
    return {
      fcp: state.fcp,
      lcp: state.lcp,
      text: state.text ?? state.textSeen,
      textSeen: state.textSeen,
      slider: state.slider,
      sliderSeen: state.sliderSeen,
      requests,
      transferBytes,
    };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

/**
 * The chapter as a static page: loads `route` unthrottled, waits for its prose and its live formula,
 * and writes its article (inside bare copies of its ancestors) with the page's stylesheets into
 * `dir`/STATIC_PAGE. `dir` must already hold a copy of dist/, for the stylesheets and fonts.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} baseURL
 * @param {string} dir
 */
async function writeStaticPage(context, baseURL, dir) {
  const page = await context.newPage();
  try {
    await page.goto(new URL(LOAD_ROUTE, baseURL).href, { waitUntil: 'networkidle' });
    await page.locator(PROSE).first().waitFor();
    await page.locator('[data-testid="live-formula"] .katex').first().waitFor();
    await page.waitForLoadState('networkidle');
    const { body, styles, title, lang } = await page.evaluate(() => {
      const article = /** @type {Element} */ (document.querySelector('article.chapter'));
      /** @type {Node} */
      let node = article.cloneNode(true);
      for (let el = article.parentElement; el && el !== document.body; el = el.parentElement) {
        const shell = el.cloneNode(false);
        shell.appendChild(node);
        node = shell;
      }
      const styles = [...document.querySelectorAll('link[rel="stylesheet"]')].map(
        (l) => `.${new URL(/** @type {HTMLLinkElement} */ (l).href).pathname}`,
      );
      return { body: /** @type {Element} */ (node).outerHTML, styles, title: document.title, lang: document.documentElement.lang };
    });
    const html = [
      '<!doctype html>',
      `<html lang="${lang}">`,
      '<head>',
      '<meta charset="UTF-8" />',
      '<meta name="viewport" content="width=device-width, initial-scale=1" />',
      '<meta name="color-scheme" content="light dark" />',
      `<title>${title}</title>`,
      ...styles.map((href) => `<link rel="stylesheet" href="${href}" />`),
      '</head>',
      `<body>${body}</body>`,
      '</html>',
    ].join('\n');
    await writeFile(join(dir, STATIC_PAGE), html);
  } finally {
    await page.close();
  }
}

/**
 * @param {LoadRun[]} runs
 * @returns {LoadRun}
 */
function medianRun(runs) {
  /** @param {(r: LoadRun) => number | null} pick */
  const median = (pick) => {
    const values = runs.map(pick).filter((v) => v !== null).sort((a, b) => /** @type {number} */ (a) - /** @type {number} */ (b));
    if (values.length === 0) return null;
    const mid = Math.floor(values.length / 2);
    return values.length % 2 ? /** @type {number} */ (values[mid]) : (/** @type {number} */ (values[mid - 1]) + /** @type {number} */ (values[mid])) / 2;
  };
  return {
    fcp: median((r) => r.fcp),
    lcp: median((r) => r.lcp),
    text: median((r) => r.text),
    textSeen: median((r) => r.textSeen),
    slider: median((r) => r.slider),
    sliderSeen: median((r) => r.sliderSeen),
    requests: /** @type {number} */ (median((r) => r.requests)),
    transferBytes: /** @type {number} */ (median((r) => r.transferBytes)),
  };
}

/**
 * Serves `distDir` gzipped, generates the static page beside a copy of it, and loads the app and the
 * static page `runs` times each, alternating, so both see the same machine.
 * @param {{ distDir?: string, runs?: number }} [options]
 * @returns {Promise<LoadReport>}
 */
export async function measureLoad({ distDir = DIST_DIR, runs = 3 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'logit-lab-load-'));
  const browser = await launchChromium({ viewport: { ...PHONE_VIEWPORT }, serviceWorkers: 'block' });
  try {
    await cp(distDir, dir, { recursive: true });
    const server = await startStaticServer(dir, { gzip: true });
    try {
      await writeStaticPage(browser.context, server.url, dir);
      const appURL = new URL(LOAD_ROUTE, server.url).href;
      const staticURL = new URL(STATIC_PAGE, server.url).href;
      /** @type {LoadRun[]} */
      const appRuns = [];
      /** @type {LoadRun[]} */
      const staticRuns = [];
      for (let i = 0; i < runs; i += 1) {
        appRuns.push(await loadOnce(browser.context, appURL, { pressSlider: true }));
        staticRuns.push(await loadOnce(browser.context, staticURL, { pressSlider: false }));
      }
      const app = medianRun(appRuns);
      const fixed = medianRun(staticRuns);
      /** @param {number | null} a @param {number | null} b */
      const ratio = (a, b) => (a !== null && b !== null && b > 0 ? a / b : null);
      return {
        route: LOAD_ROUTE,
        cpuThrottlingRate: CPU_THROTTLING_RATE,
        network: SLOW_NETWORK,
        viewport: PHONE_VIEWPORT,
        app: { page: 'app', runs: appRuns, median: app },
        static: { page: 'static', runs: staticRuns, median: fixed },
        // The static page has no script, so its slider never moves: the app's slider is read against its text.
        ratios: { fcp: ratio(app.fcp, fixed.fcp), lcp: ratio(app.lcp, fixed.lcp), text: ratio(app.text, fixed.text), slider: ratio(app.slider, fixed.text) },
        goals: GOALS,
      };
    } finally {
      await server.close();
    }
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * @param {LoadReport} report
 * @returns {string}
 */
export function formatLoad(report) {
  const ms = (/** @type {number | null} */ v) => (v === null ? '—' : `${Math.round(v)} ms`);
  const x = (/** @type {number | null} */ v) => (v === null ? '—' : `${v.toFixed(2)}×`);
  const { app, static: fixed, ratios } = report;
  const n = app.runs.length;
  const rows = [
    ['first contentful paint', ms(app.median.fcp), ms(fixed.median.fcp), x(ratios.fcp), ''],
    ['largest contentful paint', ms(app.median.lcp), ms(fixed.median.lcp), x(ratios.lcp), ''],
    ['chapter text painted', ms(app.median.text), ms(fixed.median.text), x(ratios.text), `≤ ${report.goals.text}×`],
    ['first slider usable (vs static text)', ms(app.median.slider), '—', x(ratios.slider), `≤ ${report.goals.slider}×`],
    ['requests', String(app.median.requests), String(fixed.median.requests), '', ''],
    ['transferred', `${(app.median.transferBytes / 1024).toFixed(0)} KB`, `${(fixed.median.transferBytes / 1024).toFixed(0)} KB`, '', ''],
  ];
  const head = ['measure', 'app', 'static', 'ratio', 'goal'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`;
  return [
    `first load of ${report.route}, CPU ${report.cpuThrottlingRate}×, ${report.network.latency} ms latency, ` +
      `${(report.network.downloadThroughput * 8) / 1e6} Mbit/s down, cache off, ${report.viewport.width}×${report.viewport.height}; median of ${n} cold loads each:`,
    line(head),
    ...rows.map(line),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 3);
  console.log(formatLoad(await measureLoad({ runs })));
}
