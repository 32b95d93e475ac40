// @ts-check
/**
 * Chapter 8 while it trains: (a) frames per second the page draws with training running (rAF callbacks
 * counted in the page over ~3 s), against 50; (b) main-thread work per keyboard step of the
 * learning-rate and the hidden-units slider with training running, minus the same number of frames of
 * training alone, by Chromium's own accounting (Performance.getMetrics TaskDuration, threadTicks, as
 * bench/interaction.mjs measures), against 4 ms.
 *
 * Standalone: `node bench/backprop.mjs` (after a build; LOGIT_LAB_DIST picks the build directory).
 */
/* global requestAnimationFrame, document -- run inside the page, through page.evaluate */
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { startStaticServer } from './lib/server.mjs';
import { DIST_DIR } from './lib/paths.mjs';

export const GOAL_FPS = 50;
export const GOAL_MS = 4;
const FPS_WINDOW_MS = 3000;
const ROUTE = '#/backprop';
const READY = '.backprop-trainer [data-testid="bp-formula"] .katex';

/**
 * @typedef {{ slider: string, steps: number, taskMsPerStep: number, trainingMsPerSecond: number, extraMsPerStep: number, ratioToGoal: number }} SliderCost
 * @typedef {{ route: string, fps: number, idleFps: number, goalFps: number, fpsRatio: number, stepsPerSecond: number, sliders: SliderCost[], goalMs: number }} BackpropBench
 */

/** @param {import('playwright-core').CDPSession} cdp */
async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

/** @param {import('playwright-core').Page} page */
const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));

/** @param {import('playwright-core').Page} page */
const stepShown = async (page) => Number(await page.getByTestId('bp-step').textContent());

/**
 * Main-thread ms over `frames` frames, pressing ArrowRight before each when `press`, and the wall-clock
 * ms it took: training's own work goes on at a rate per second, whatever the keys do, so the baseline
 * is subtracted per second of wall clock, not per frame (a key press can span more than one frame).
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {number} frames
 * @param {boolean} press
 */
async function work(page, cdp, frames, press) {
  const before = await taskSeconds(cdp);
  const t0 = performance.now();
  for (let i = 0; i < frames; i += 1) {
    if (press) await page.keyboard.press('ArrowRight');
    await nextFrame(page);
  }
  return { taskMs: ((await taskSeconds(cdp)) - before) * 1000, wallMs: performance.now() - t0 };
}

/**
 * Frames per second the page draws over `windowMs`, counted by requestAnimationFrame in the page.
 * @param {import('playwright-core').Page} page
 * @param {number} windowMs
 */
async function countFrames(page, windowMs) {
  const counted = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        let frames = 0;
        let t0 = 0;
        const tick = (/** @type {number} */ t) => {
          if (frames === 0) t0 = t;
          frames += 1;
          if (t - t0 < ms) requestAnimationFrame(tick);
          else resolve({ frames, elapsed: t - t0 });
        };
        requestAnimationFrame(tick);
      }),
    windowMs,
  );
  const { frames, elapsed } = /** @type {{ frames: number, elapsed: number }} */ (counted);
  return (frames - 1) / (elapsed / 1000);
}

/** @param {{ baseURL: string }} options @returns {Promise<BackpropBench>} */
export async function measureBackprop({ baseURL }) {
  const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.context.newPage();
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(new URL(ROUTE, baseURL).href, { waitUntil: 'networkidle' });
    await page.locator(READY).first().waitFor({ state: 'visible' });
    // the plot and the controls on screen, as a learner would have them while training
    await page.locator('.backprop-trainer').scrollIntoViewIfNeeded();

    // the same count with training paused: what this machine gives the page anyway
    const idleFps = await countFrames(page, FPS_WINDOW_MS);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const startStep = await stepShown(page);
    await page.waitForFunction((s) => Number(document.querySelector('[data-testid="bp-step"]')?.textContent) > s + 50, startStep);

    // (a) frames drawn while training
    const stepBefore = await stepShown(page);
    const t0 = Date.now();
    const fps = await countFrames(page, FPS_WINDOW_MS);
    const stepsPerSecond = ((await stepShown(page)) - stepBefore) / ((Date.now() - t0) / 1000);

    // (b) a slider step's work beyond the training's own, both measured with training running
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    /** @type {SliderCost[]} */
    const sliders = [];
    for (const [name, steps] of /** @type {[string, number][]} */ ([['learning rate η (logarithmic slider)', 70], ['hidden units H', 31]])) {
      const slider = page.getByRole('slider', { name, exact: true });
      await slider.focus();
      await page.keyboard.press('Home');
      await nextFrame(page);
      await work(page, cdp, 10, false); // settle
      const baseline = await work(page, cdp, 2 * steps, false);
      const before = await slider.inputValue();
      const keyed = await work(page, cdp, steps, true);
      if ((await slider.inputValue()) === before) throw new Error(`${name}: ArrowRight changed nothing`);
      const baselineAfter = await work(page, cdp, 2 * steps, false);
      const trainingMsPerMs = (baseline.taskMs + baselineAfter.taskMs) / (baseline.wallMs + baselineAfter.wallMs);
      const extra = (keyed.taskMs - trainingMsPerMs * keyed.wallMs) / steps;
      sliders.push({
        slider: name,
        steps,
        taskMsPerStep: keyed.taskMs / steps,
        trainingMsPerSecond: 1000 * trainingMsPerMs,
        extraMsPerStep: extra,
        ratioToGoal: extra / GOAL_MS,
      });
    }
    // the trainer's own Pause: the chapter's opening figure shows the same run, with a Pause of its own
    const pause = page.getByRole('group', { name: 'Training' }).getByRole('button', { name: 'Pause', exact: true });
    if (!(await pause.isVisible())) throw new Error('training stopped during the measurement');
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`);
    return { route: ROUTE, fps, idleFps, goalFps: GOAL_FPS, fpsRatio: fps / GOAL_FPS, stepsPerSecond, sliders, goalMs: GOAL_MS };
  } finally {
    await browser.close();
  }
}

/** @param {BackpropBench} r */
export function formatBackprop(r) {
  const lines = [
    `${r.route} while training (Chromium, threadTicks)`,
    `  frames/s: ${r.fps.toFixed(1)} (goal ≥ ${r.goalFps}, ratio ${r.fpsRatio.toFixed(2)}); training ${r.stepsPerSecond.toFixed(0)} steps/s; paused, the same page draws ${r.idleFps.toFixed(1)} frames/s`,
  ];
  for (const s of r.sliders) {
    lines.push(
      `  "${s.slider}" step: ${s.extraMsPerStep.toFixed(2)} ms beyond training (goal < ${r.goalMs} ms, ratio ${s.ratioToGoal.toFixed(2)}); ` +
        `${s.taskMsPerStep.toFixed(2)} ms a step in all, training alone ${s.trainingMsPerSecond.toFixed(0)} ms of main thread a second, over ${s.steps} steps`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startStaticServer(DIST_DIR);
  try {
    console.log(formatBackprop(await measureBackprop({ baseURL: server.url })));
  } finally {
    await server.close();
  }
}
