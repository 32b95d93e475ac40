// @ts-check
/**
 * The many-seed experiment of #/squared-error-vs-cross-entropy runs in a pool of Web Workers so the
 * page keeps drawing. This measures, in Chromium, the frame rate of the page while the experiment
 * runs (frames counted with requestAnimationFrame from Run to the last seed) and the longest gap
 * between two frames, with the pool size and the run's duration. The goal: 50 frames per second or
 * more. Figures, not a verdict.
 *
 * Standalone: `node bench/experiment.mjs` (after `npm run build`).
 */
/* global requestAnimationFrame, document -- run inside the page, through page.evaluate */
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { startStaticServer } from './lib/server.mjs';
import { DIST_DIR } from './lib/paths.mjs';

export const EXPERIMENT_ROUTE = '#/squared-error-vs-cross-entropy';
export const FPS_GOAL = 50;

/**
 * @typedef {{ route: string, seeds: number, cores: number, seconds: number, frames: number, fps: number,
 *   longestFrameGapMs: number, goalFps: number, ratioToGoal: number }} ExperimentRun
 */

/**
 * @param {{ baseURL: string }} options
 * @returns {Promise<ExperimentRun>}
 */
export async function measureExperiment({ baseURL }) {
  const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.context.newPage();
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(new URL(EXPERIMENT_ROUTE, baseURL).href, { waitUntil: 'networkidle' });
    // The largest experiment the page offers, so that it runs long enough to measure.
    await page.getByLabel('Seeds', { exact: true }).selectOption('200');
    await page.getByLabel('Steps per loss', { exact: true }).selectOption('3000');
    const progress = page.getByRole('progressbar', { name: 'Seeds finished' });
    await progress.scrollIntoViewIfNeeded();
    const seeds = Number(await progress.getAttribute('aria-valuemax'));

    // Count frames in the page from the click on Run until the last seed is in.
    await page.evaluate(() => {
      const w = /** @type {any} */ (globalThis);
      w.__frames = { count: 0, start: 0, last: 0, longest: 0, running: true };
      const tick = (/** @type {number} */ t) => {
        const f = w.__frames;
        if (!f.running) return;
        if (f.start === 0) f.start = t;
        else f.longest = Math.max(f.longest, t - f.last);
        f.last = t;
        f.count += 1;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(
      () => {
        const bar = document.querySelector('[role="progressbar"][aria-label="Seeds finished"]');
        return bar && bar.getAttribute('aria-valuenow') === bar.getAttribute('aria-valuemax');
      },
      undefined,
      { timeout: 600_000, polling: 250 },
    );
    const result = await page.evaluate(() => {
      const f = /** @type {any} */ (globalThis).__frames;
      f.running = false;
      return { frames: f.count, ms: f.last - f.start, longest: f.longest, cores: navigator.hardwareConcurrency };
    });
    if (pageErrors.length > 0) throw new Error(`page errors during the experiment:\n${pageErrors.join('\n')}`);
    const fps = (1000 * (result.frames - 1)) / result.ms;
    return {
      route: EXPERIMENT_ROUTE,
      seeds,
      cores: result.cores,
      seconds: result.ms / 1000,
      frames: result.frames,
      fps,
      longestFrameGapMs: result.longest,
      goalFps: FPS_GOAL,
      ratioToGoal: fps / FPS_GOAL,
    };
  } finally {
    await browser.close();
  }
}

/**
 * @param {ExperimentRun} r
 * @returns {string}
 */
export function formatExperiment(r) {
  return [
    `many-seed experiment on ${r.route}: ${r.seeds} seeds, ${r.cores} cores reported by the browser`,
    `  ran ${r.seconds.toFixed(1)} s; the page drew ${r.frames} frames: ${r.fps.toFixed(1)} frames per second ` +
      `(goal ≥ ${r.goalFps}, ratio ${r.ratioToGoal.toFixed(2)}), longest gap between frames ${r.longestFrameGapMs.toFixed(1)} ms`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startStaticServer(DIST_DIR);
  try {
    console.log(formatExperiment(await measureExperiment({ baseURL: server.url })));
  } finally {
    await server.close();
  }
}
