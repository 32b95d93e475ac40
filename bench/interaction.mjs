// @ts-check
/**
 * Interaction cost: main-thread work per keyboard step on each chapter's main slider, by Chromium's own
 * accounting (DevTools protocol Performance.getMetrics, TaskDuration before and after N steps).
 * Wall-clock time from input to next frame is dominated by the wait for vsync in headless
 * Chromium, so it is not measured. Run at normal speed and with the CPU throttled 4×.
 *
 * Standalone: `node bench/interaction.mjs` (after `npm run build`).
 */
/* global requestAnimationFrame, HTMLInputElement, document -- run inside the page, through page.evaluate */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { startStaticServer } from './lib/server.mjs';
import { DIST_DIR } from './lib/paths.mjs';
import { againstFloor, FLOOR_RATIO_GOAL } from './lib/againstFloor.mjs';

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
 * @typedef {{ route: string, exercise?: string, runs: InteractionRun[], floorRuns?: InteractionRun[] }} InteractionResult
 *   floorRuns: the bare slider measured just before this target, when the bench pairs them
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
 *   step?: number,
 *   exercise?: string,
 * }} InteractionTarget
 * A chapter's main slider: `sliders` are the accessible names of the slider walked at normal speed and
 * of the one walked with the CPU throttled (different ones, so the second run revisits nothing),
 * `warmUp` a slider stepped first to warm the JIT, `watch` an element whose text or label must change
 * with a step (or the figure would measure nothing), `ready` what to wait for after loading. `scope`
 * (a CSS selector) picks the widget whose sliders are meant when a page has two sets with the same
 * names; `steps` walks a slider with fewer positions than the default number of steps, so no step
 * presses against the slider's end and measures nothing. A slider that is not a range input (an
 * exercise's bar: role slider, aria-valuenow) has no step attribute: `step` gives its arrow step.
 * `exercise` names the exercise whose bars these are (absent: the chapter's main slider).
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
  // chapter 6: the starting weights, which move the boundary, the cost and the point on the contour map
  // (the learning rate only shades its gauge until the lab steps); 24 positions, −6 to 6 by 0.5
  {
    route: '#/logistic-regression',
    ready: '.logistic-lab [data-testid="live-formula"] .katex',
    scope: '.logistic-lab',
    sliders: ['starting w1', 'starting w2'],
    warmUp: 'learning rate η',
    watch: '[data-testid="lab-status"]',
    steps: 24,
  },
  // chapter 8: the trainer's hidden units, paused (bench/backprop.mjs measures it while training): each step
  // builds a new network and redraws its decision regions; 31 positions, 1 to 32
  {
    route: '#/backprop',
    ready: '.backprop-trainer [data-testid="bp-formula"] .katex',
    scope: '.backprop-trainer',
    sliders: ['hidden units H', 'hidden units H'],
    warmUp: 'learning rate η (logarithmic slider)',
    watch: '.backprop-trainer [data-testid="bp-loss"]',
    steps: 31,
  },
  // chapter 9: the step h, as a power of ten: every estimate in the table and the error curves' marker; 60 positions
  {
    route: '#/gradient-check',
    ready: '.gradient-check-explorer [data-testid="live-formula"] .katex',
    scope: '.gradient-check-explorer',
    sliders: ['step h, as a power of ten', 'step h, as a power of ten'],
    warmUp: 'step h, as a power of ten',
    watch: '.gradient-check-explorer [data-testid="live-formula"]',
    steps: 60,
  },
  // chapter 10: the naive-against-stable explorer's logits (its bars and the opener have sliders named alike)
  {
    route: '#/stability',
    ready: '.overflow-explorer [data-testid="overflow-readout"]',
    scope: '.overflow-explorer',
    sliders: ['logit z3', 'logit z2'],
    warmUp: 'logit z1',
    watch: '.overflow-explorer [data-testid="overflow-readout"]',
  },
];

/**
 * The exercises a learner answers by dragging bars (kind 'drag' in the chapters' exercise specs: softmax's
 * shares and logistic regression's predictions), stepped from the keyboard like the sliders: a bar is a
 * slider with aria-valuenow, and one arrow step is the exercise's step, 0.01 from 0 to 1.
 * @type {InteractionTarget[]}
 */
export const EXERCISE_TARGETS = [
  {
    route: '#/softmax?pb=6',
    exercise: 'the probabilities by eye',
    ready: '.exercise:has(.prediction-bars) .prediction-bar',
    scope: '.exercise:has(.prediction-bars)',
    sliders: ['p₁, your prediction', 'p₂, your prediction'],
    warmUp: 'p₃, your prediction',
    watch: '.exercise:has(.prediction-bars) .prediction-bar',
    steps: 100,
    step: 0.01,
  },
  {
    route: '#/logistic-regression?lp=1',
    exercise: 'the model’s probabilities by eye',
    ready: '.exercise:has(.prediction-bars) .prediction-bar',
    scope: '.exercise:has(.prediction-bars)',
    sliders: ['point 1, your prediction', 'point 2, your prediction'],
    warmUp: 'point 3, your prediction',
    watch: '.exercise:has(.prediction-bars) .prediction-bar',
    steps: 100,
    step: 0.01,
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
 * A slider's value: a range input's value, or aria-valuenow for any other element with role slider.
 * @param {import('playwright-core').Locator} slider
 * @returns {Promise<string>}
 */
export const sliderValue = (slider) =>
  slider.evaluate((el) => (el instanceof HTMLInputElement ? el.value : (el.getAttribute('aria-valuenow') ?? '')));

/**
 * A slider's range and arrow step: a range input's attributes, or aria-valuemin and aria-valuemax with the
 * target's `step` for any other element with role slider.
 * @param {import('playwright-core').Locator} slider
 * @param {number | undefined} step
 * @returns {Promise<{ min: number, max: number, step: number }>}
 */
async function sliderRange(slider, step) {
  const [min, max, attrStep] = await slider.evaluate((el) =>
    el instanceof HTMLInputElement ? [el.min, el.max, el.step] : [el.getAttribute('aria-valuemin'), el.getAttribute('aria-valuemax'), null],
  );
  return { min: Number(min), max: Number(max), step: step ?? Number(attrStep) };
}

/** A row's name in the tables: the route, and the exercise when the row is one. */
export const targetName = (/** @type {{ route: string, exercise?: string }} */ t) => (t.exercise ? `${t.route} exercise drag` : t.route);

/**
 * @param {{ baseURL: string, target?: InteractionTarget, steps?: number, warmUpSteps?: number }} options
 * @returns {Promise<InteractionResult>}
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
    const start = { z: await sliderValue(first), shown: await readWatched(watched) };
    await page.keyboard.press('ArrowRight');
    await nextFrame(page);
    // A formula or a text alternative waits for the pause after input (src/state/useHeldDuringInput.ts):
    // read it once nothing on the page holds changes any more.
    await page.waitForFunction(() => document.querySelector('[data-stale]') === null, undefined, { timeout: 5000 });
    const moved = { z: await sliderValue(first), shown: await readWatched(watched) };
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
      const { min, max, step } = await sliderRange(walked, target.step);
      const expected = Math.min(max, min + steps * step);
      const end = Number(await sliderValue(walked));
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
    return target.exercise ? { route, exercise: target.exercise, runs } : { route, runs };
  } finally {
    await browser.close();
  }
}

/**
 * Each chapter's step beside the bare slider's, at the same CPU rate: how much is the chapter's, and
 * whether it is within the goal of FLOOR_RATIO_GOAL bare steps (✓) or not (✗), at each rate.
 * @param {InteractionResult[]} results
 * @param {InteractionResult} floor
 * @returns {string}
 */
export function formatAgainstFloor(results, floor) {
  const lines = [
    `slider step against a bare range input (task ms/step; "beyond" = chapter − bare, "×" = chapter ÷ bare; goal ≤ ${FLOOR_RATIO_GOAL}× at every rate):`,
  ];
  const names = results.map(targetName);
  const width = Math.max(34, ...names.map((n) => n.length + 2));
  for (const [i, r] of results.entries()) {
    // the floor measured beside the row when there is one: the machine's load drifts over a run
    const ratios = againstFloor(r.runs, r.floorRuns ?? floor.runs);
    const cells = ratios.map(
      (f) =>
        `${f.rate}×: ${f.taskMs.toFixed(2)} (bare ${f.floorMs.toFixed(2)}, beyond ${(f.taskMs - f.floorMs).toFixed(2)}, ×${f.ratio.toFixed(2)} ${f.withinGoal ? '✓' : '✗'})`,
    );
    const verdict = ratios.length > 0 && ratios.every((f) => f.withinGoal) ? `within ${FLOOR_RATIO_GOAL}×` : `over ${FLOOR_RATIO_GOAL}×`;
    lines.push(`  ${(names[i] ?? '').padEnd(width)}${cells.join('   ')}   ${verdict}`);
  }
  return lines.join('\n');
}

/**
 * @param {InteractionResult} result
 * @returns {string}
 */
export function formatInteraction(result) {
  const f = (/** @type {number} */ ms) => ms.toFixed(3).padStart(8);
  const lines = [
    `main-thread work per keyboard step of ${result.exercise ? `the bars of the exercise '${result.exercise}'` : 'the main slider'} on ${result.route} (Performance.getMetrics, ms/step):`,
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
    // `node bench/interaction.mjs softmax stability` measures only the rows whose route holds one of the words
    const only = process.argv.slice(2);
    for (const target of [...TARGETS, ...EXERCISE_TARGETS].filter((t) => only.length === 0 || only.some((w) => t.route.includes(w)))) {
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
