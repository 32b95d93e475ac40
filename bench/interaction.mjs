// @ts-check
/**
 * Interaction cost: main-thread work per keyboard step on each chapter's main slider, by Chromium's own
 * accounting (DevTools protocol Performance.getMetrics, TaskDuration before and after N steps).
 * Wall-clock time from input to next frame is dominated by the wait for vsync in headless
 * Chromium, so it is not measured. Run at normal speed and with the CPU throttled 4×.
 *
 * Standalone: `node bench/interaction.mjs` (after `npm run build`).
 */
/* global requestAnimationFrame -- runs inside the page, through page.evaluate */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { startStaticServer } from './lib/server.mjs';
import { DIST_DIR } from './lib/paths.mjs';

export const STEPS = 200;
export const WARM_UP_STEPS = 20;
/** ms of main-thread work per step: a slider step must fit well inside one 60 Hz frame. */
export const GOAL_MS = Object.freeze({ normal: 4, throttled4x: 16.7 });

const METRICS = /** @type {const} */ (['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration']);

/**
 * @typedef {{ TaskDuration: number, ScriptDuration: number, LayoutDuration: number, RecalcStyleDuration: number }} MsPerStep
 * @typedef {{
 *   cpuThrottlingRate: number,
 *   steps: number,
 *   perStepMs: MsPerStep,
 *   baselinePerStepMs: MsPerStep,
 *   goalMs: number,
 *   ratioToGoal: number,
 * }} InteractionRun
 */

/**
 * @param {import('playwright-core').CDPSession} cdp
 * @returns {Promise<Record<string, number>>} seconds
 */
async function readMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  /** @type {Record<string, number>} */
  const out = {};
  for (const m of metrics) out[m.name] = m.value;
  return out;
}

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<unknown>}
 */
function nextFrame(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
}

/**
 * Runs `steps` steps and returns main-thread milliseconds per step for each metric. Every step goes
 * one way (ArrowRight), so each one shows logits the page has not shown before: no formula comes from
 * a cache, and the figure is the cost of a new state, not of revisiting an old one.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {number} steps
 * @param {boolean} pressKeys false for the baseline: the frame wait alone
 * @returns {Promise<MsPerStep>}
 */
async function measureSteps(page, cdp, steps, pressKeys) {
  const before = await readMetrics(cdp);
  for (let i = 0; i < steps; i += 1) {
    if (pressKeys) await page.keyboard.press('ArrowRight');
    await nextFrame(page);
  }
  const after = await readMetrics(cdp);
  const perStep = /** @type {MsPerStep} */ (
    Object.fromEntries(METRICS.map((name) => [name, (((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / steps]))
  );
  return perStep;
}

/**
 * @typedef {{
 *   route: string,
 *   ready: string,
 *   sliders: [string, string],
 *   warmUp: string,
 *   watch: string,
 *   scope?: string,
 *   steps?: number,
 * }} InteractionTarget
 * A chapter's main slider: `sliders` are the accessible names of the slider walked at normal speed and
 * of the one walked with the CPU throttled (different ones, so the second run revisits nothing),
 * `warmUp` a slider stepped first to warm the JIT, `watch` an element whose text or label must change
 * with a step (or the figure would measure nothing), `ready` what to wait for after loading. `scope`
 * (a CSS selector) picks the widget whose sliders are meant when a page has two sets with the same
 * names; `steps` walks a slider with fewer positions than the default number of steps, so no step
 * presses against the slider's end and measures nothing.
 */

/** @type {InteractionTarget[]} */
export const TARGETS = [
  {
    route: '#/softmax',
    ready: '[data-testid="live-formula"] .katex',
    sliders: ['logit z3', 'logit z2'],
    warmUp: 'logit z1',
    watch: '[data-testid="p-text-3"]',
  },
  {
    route: '#/jacobian',
    ready: '[data-testid="live-formula"] .katex',
    sliders: ['logit z3', 'logit z2'],
    warmUp: 'logit z1',
    watch: '[data-testid="live-formula"]',
  },
  {
    route: '#/information',
    ready: '[data-testid="live-formula"] .katex',
    sliders: ['logit z3', 'logit z2'],
    warmUp: 'logit z1',
    watch: '[data-testid="live-formula"]',
  },
  {
    route: '#/softmax-cross-entropy',
    ready: '[data-testid="live-formula"] .katex',
    sliders: ['logit z3', 'logit z2'],
    warmUp: 'logit z1',
    watch: '[data-testid="live-formula"]',
  },
  // One slider each: the throttled run walks the same values again.
  {
    route: '#/binary-cross-entropy',
    ready: '[data-testid="live-formula"] .katex',
    sliders: ['binary logit z', 'binary logit z'],
    warmUp: 'binary logit z',
    watch: '[data-testid="bce-loss"]',
  },
  {
    route: '#/squared-error-vs-cross-entropy',
    ready: '[data-testid="live-formula"] .katex',
    sliders: ['logit z', 'logit z'],
    warmUp: 'logit z',
    watch: '[data-testid="se-gradient"]',
  },
  // chapter 11: the slider under the batch sets the selected logit (z[0, 0] on load); its cells are sliders too
  {
    route: '#/pytorch-loss',
    ready: '[data-testid="loss-formula"] .katex',
    sliders: ['selected logit z[0, 0]', 'selected logit z[0, 0]'],
    warmUp: 'selected logit z[0, 0]',
    watch: '[data-testid="loss-readout"]',
  },
  // chapter 12: the Hessian explorer's logits (the tensor explorer further down has sliders of the same names)
  {
    route: '#/higher-derivatives',
    ready: '.hessian-explorer [data-testid="live-formula"] .katex',
    scope: '.hessian-explorer',
    sliders: ['logit z3', 'logit z2'],
    warmUp: 'logit z1',
    watch: '.hessian-explorer [data-testid="live-formula"]',
  },
  // chapter 13: the forget gate's bias under the gradient through time at its heaviest, T = 100 and H = 8, so
  // each step is the whole backward pass of an LSTM, the LSTM without its cell path and an RNN over 100 steps
  {
    route: '#/lstm?steps=100&hidden=8',
    ready: '[data-testid="flow-table"]',
    scope: '.gradient-flow-explorer',
    sliders: ['forget gate bias b f', 'forget gate bias b f'],
    warmUp: 'weight scale',
    watch: '[data-testid="flow-cell"]',
    steps: 16,
  },
];

/**
 * The floor: a page with nothing but a range input and an output (bench/fixtures/bare-slider), walked
 * the same way. What a chapter costs beyond it is the chapter's own work; the floor itself is the
 * browser's cost of a key event, an input event and a frame on this machine.
 * @type {InteractionTarget}
 */
export const BARE_SLIDER = {
  route: 'index.html',
  ready: '[data-testid="bare-output"]',
  sliders: ['bare slider', 'bare slider'],
  warmUp: 'bare slider',
  watch: '[data-testid="bare-output"]',
};
export const BARE_SLIDER_DIR = fileURLToPath(new URL('./fixtures/bare-slider/', import.meta.url));

/**
 * @param {import('playwright-core').Locator} element
 * @returns {Promise<string>}
 */
const readWatched = async (element) => `${await element.textContent()} ${await element.getAttribute('aria-label')}`;

/**
 * @param {{ baseURL: string, target?: InteractionTarget, steps?: number, warmUpSteps?: number }} options
 * @returns {Promise<{ route: string, runs: InteractionRun[] }>}
 */
export async function measureInteraction({ baseURL, target = TARGETS[0], steps: defaultSteps = STEPS, warmUpSteps = WARM_UP_STEPS }) {
  if (!target) throw new Error('no interaction target');
  const steps = target.steps ?? defaultSteps;
  const { route } = target;
  const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.context.newPage();
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(new URL(route, baseURL).href, { waitUntil: 'networkidle' });
    await page.locator(target.ready).first().waitFor({ state: 'visible' });
    /** @param {string} name */
    const slider = (name) => (target.scope ? page.locator(target.scope).first() : page).getByRole('slider', { name, exact: true });
    const first = slider(target.sliders[0]);
    await first.focus();

    // Every step must change the value, or the figure measures nothing.
    const watched = page.locator(target.watch).first();
    const start = { z: await first.inputValue(), shown: await readWatched(watched) };
    await page.keyboard.press('ArrowRight');
    await nextFrame(page);
    const moved = { z: await first.inputValue(), shown: await readWatched(watched) };
    if (moved.z === start.z || moved.shown === start.shown) {
      throw new Error(`${route}: ArrowRight on "${target.sliders[0]}" changed nothing (${start.z} → ${moved.z})`);
    }
    await page.keyboard.press('ArrowLeft');
    await nextFrame(page);

    const cdp = await browser.context.newCDPSession(page);
    // threadTicks: CPU time of the renderer's main thread, so time the 2-core machine spends running
    // the browser process or the test driver instead of the page is not billed to the page.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });

    // From Home, `steps` ArrowRight steps walk the slider upwards with every value new (a −10…10
    // slider in steps of 0.1 reaches its end exactly).
    /** @type {InteractionRun[]} */
    const runs = [];
    for (const [rate, name] of /** @type {[number, string][]} */ ([[1, target.sliders[0]], [4, target.sliders[1]]])) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await slider(target.warmUp).focus();
      await measureSteps(page, cdp, warmUpSteps, true);
      const walked = slider(name);
      await walked.focus();
      await page.keyboard.press('Home');
      await nextFrame(page);
      const perStepMs = await measureSteps(page, cdp, steps, true);
      const [min, max, step] = await Promise.all(['min', 'max', 'step'].map(async (a) => Number(await walked.getAttribute(a))));
      const expected = Math.min(max ?? NaN, (min ?? NaN) + steps * (step ?? NaN));
      const end = Number(await walked.inputValue());
      if (Math.abs(end - expected) > 1e-9) {
        throw new Error(`${route}: "${name}" ended at ${end}, not ${expected}, after ${steps} steps: steps were lost`);
      }
      const baselinePerStepMs = await measureSteps(page, cdp, steps, false);
      const goalMs = rate === 1 ? GOAL_MS.normal : GOAL_MS.throttled4x;
      runs.push({
        cpuThrottlingRate: rate,
        steps,
        perStepMs,
        baselinePerStepMs,
        goalMs,
        ratioToGoal: perStepMs.TaskDuration / goalMs,
      });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (pageErrors.length > 0) throw new Error(`page errors during the benchmark:\n${pageErrors.join('\n')}`);
    await cdp.detach();
    await page.close();
    return { route, runs };
  } finally {
    await browser.close();
  }
}

/**
 * Each chapter's step beside the bare slider's, at the same CPU rate: how much is the chapter's.
 * @param {{ route: string, runs: InteractionRun[] }[]} results
 * @param {{ route: string, runs: InteractionRun[] }} floor
 * @returns {string}
 */
export function formatAgainstFloor(results, floor) {
  const lines = ['slider step against a bare range input (task ms/step; "beyond" = chapter − bare, "×" = chapter ÷ bare):'];
  for (const r of results) {
    const cells = r.runs.map((run) => {
      const bare = floor.runs.find((f) => f.cpuThrottlingRate === run.cpuThrottlingRate);
      if (!bare) return '';
      const task = run.perStepMs.TaskDuration;
      const base = bare.perStepMs.TaskDuration;
      return `${run.cpuThrottlingRate}×: ${task.toFixed(2)} (bare ${base.toFixed(2)}, beyond ${(task - base).toFixed(2)}, ×${(task / base).toFixed(2)})`;
    });
    lines.push(`  ${r.route.padEnd(34)}${cells.join('   ')}`);
  }
  return lines.join('\n');
}

/**
 * @param {{ route: string, runs: InteractionRun[] }} result
 * @returns {string}
 */
export function formatInteraction(result) {
  const f = (/** @type {number} */ ms) => ms.toFixed(3).padStart(8);
  const lines = [
    `main-thread work per keyboard step of the main slider on ${result.route} (Performance.getMetrics, ms/step):`,
    `  CPU     task    script    layout     style  | no-key baseline task |  goal   ratio`,
  ];
  for (const r of result.runs) {
    const s = r.perStepMs;
    lines.push(
      `  ${`${r.cpuThrottlingRate}×`.padEnd(4)}${f(s.TaskDuration)}  ${f(s.ScriptDuration)}  ${f(s.LayoutDuration)}  ${f(
        s.RecalcStyleDuration,
      )}  |             ${f(r.baselinePerStepMs.TaskDuration)} | ${r.goalMs.toFixed(1).padStart(5)}  ${r.ratioToGoal
        .toFixed(2)
        .padStart(6)}`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startStaticServer(DIST_DIR);
  const bareServer = await startStaticServer(BARE_SLIDER_DIR);
  try {
    const floor = await measureInteraction({ baseURL: bareServer.url, target: BARE_SLIDER });
    console.log(formatInteraction(floor));
    const results = [];
    for (const target of TARGETS) {
      const result = await measureInteraction({ baseURL: server.url, target });
      console.log(formatInteraction(result));
      results.push(result);
    }
    console.log(formatAgainstFloor(results, floor));
  } finally {
    await server.close();
    await bareServer.close();
  }
}
