// @ts-check
/**
 * Continuous pointer drag: each chapter's main control (and each drag exercise's first bar) dragged with
 * the mouse for 2 s with the CPU throttled 4×, one small move each animation frame, sweeping between 10 %
 * and 90 % of the control; frames per second and the longest frame, against issue 15's goal of ≥ 55 fps
 * and no frame over 50 ms. The bare-slider page is dragged the same way, as the reference.
 *
 * Frames are timed by requestAnimationFrame in the page, not by the trace's frame events
 * (PipelineReporter): headless Chromium presents a frame only when something on screen changed, so
 * a count of presented frames follows how fast this script sends moves as much as the page. A rAF loop
 * asks for a frame at every vsync, as a display would, so each gap between two callbacks is the time the
 * main thread could not start the next frame: input handling, rendering, layout and paint included.
 *
 * Standalone: `node bench/drag.mjs [words…]` (after `npm run build`); words pick the routes that hold one.
 */
/* global requestAnimationFrame, HTMLInputElement -- run inside the page, through page.evaluate */
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { startStaticServer } from './lib/server.mjs';
import { DIST_DIR } from './lib/paths.mjs';
import { frameStats } from './lib/frameStats.mjs';
import { BARE_SLIDER, BARE_SLIDER_DIR, EXERCISE_TARGETS, targetName, TARGETS } from './interaction.mjs';

export const DRAG_MS = 2000;
export const WARM_UP_MS = 500;
export const CPU_RATE = 4;
export const GOAL_FPS = 55;
export const GOAL_LONGEST_MS = 50;
/** One sweep, 10 % to 90 % of the control, takes this long: 4 sweeps in 2 s, a brisk but human drag. */
const SWEEP_MS = 500;

/**
 * @typedef {{ route: string, ready: string, scope?: string, sliders: [string, string], exercise?: string }} DragTarget
 * @typedef {{
 *   route: string, exercise?: string, control: string, cpuThrottlingRate: number,
 *   moves: number, valueChanges: number, first: string, last: string,
 *   frames: number, seconds: number, fps: number, longestFrameMs: number, framesOver: number,
 *   goalFps: number, goalLongestMs: number, meetsGoal: boolean,
 * }} DragRun
 */

/**
 * Where along the control (0 to 1) the pointer is `t` ms into the drag: from `from` (held within 10–90 %)
 * back and forth between 10 % and 90 %, one sweep per SWEEP_MS.
 * @param {number} from
 * @param {number} t
 */
function sweep(from, t) {
  const low = 0.1;
  const span = 0.8;
  const travelled = Math.min(Math.max(from, low), low + span) - low + (span * t) / SWEEP_MS;
  const u = travelled % (2 * span);
  return low + (u <= span ? u : 2 * span - u);
}

/** @param {import('playwright-core').Page} page */
const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));

const FRAME_MS = 1000 / 60;
/** Moves sent and not yet acknowledged by the page, at most: a busy page gets the latest position, not a backlog. */
const MAX_IN_FLIGHT = 4;

/**
 * Presses on the control where its value puts its thumb, held within 10–90 % of the box (a bar's hit area
 * spans its whole axis and drags relative to where it was grabbed, so grabbing it at its value keeps it
 * from pressing against an end for half the sweep), and moves the pointer every 1/60 s for `ms`, through the
 * DevTools protocol's Input domain (real input to the page, as Playwright's mouse sends). Moves are not
 * awaited one by one: a round trip to a throttled page on a busy machine takes longer than a frame, and
 * would set the pace. As a real pointer's events are coalesced, a move is skipped while MAX_IN_FLIGHT
 * are unanswered; the path depends on time only, so a skipped move changes where the pointer is seen,
 * never where it goes.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {import('playwright-core').Locator} control
 * @param {number} ms
 * @returns {Promise<number>} the moves sent
 */
async function drag(cdp, control, ms) {
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  if (!box) throw new Error('the control has no box');
  const shape = await control.evaluate((el) =>
    el instanceof HTMLInputElement
      ? { vertical: false, at: (Number(el.value) - Number(el.min)) / (Number(el.max) - Number(el.min)) }
      : {
          vertical: el.getAttribute('aria-orientation') === 'vertical',
          at: (Number(el.getAttribute('aria-valuenow')) - Number(el.getAttribute('aria-valuemin'))) / (Number(el.getAttribute('aria-valuemax')) - Number(el.getAttribute('aria-valuemin'))),
        },
  );
  // a vertical bar's value grows upwards: 0 is its bottom
  const point = (/** @type {number} */ f) =>
    shape.vertical ? { x: box.x + box.width / 2, y: box.y + (1 - f) * box.height } : { x: box.x + f * box.width, y: box.y + box.height / 2 };
  // the press is where the sweep begins, never on the box's very edge (where it may miss the element)
  const start = point(sweep(shape.at, 0));
  /** @type {(type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', p: { x: number, y: number }, buttons: number) => Promise<unknown>} */
  const mouse = (type, p, buttons) =>
    cdp.send('Input.dispatchMouseEvent', { type, x: p.x, y: p.y, button: 'left', buttons, ...(type === 'mouseMoved' ? {} : { clickCount: 1 }) });
  await mouse('mouseMoved', start, 0);
  await mouse('mousePressed', start, 1);
  let moves = 0;
  let inFlight = 0;
  /** @type {Promise<unknown>[]} */
  const sent = [];
  const t0 = performance.now();
  // one move per 1/60 s tick at most, however early or late the timer wakes
  for (let tick = 0, t = 0; t < ms; t = performance.now() - t0) {
    const now = Math.floor(t / FRAME_MS);
    if (now >= tick && inFlight < MAX_IN_FLIGHT) {
      tick = now + 1;
      inFlight += 1;
      moves += 1;
      sent.push(mouse('mouseMoved', point(sweep(shape.at, t)), 1).finally(() => (inFlight -= 1)));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, (now + 1) * FRAME_MS - (performance.now() - t0))));
  }
  await Promise.all(sent);
  await mouse('mouseReleased', point(sweep(shape.at, ms)), 0);
  return moves;
}

/**
 * @param {{ baseURL: string, target: DragTarget, ms?: number, rate?: number }} options
 * @returns {Promise<DragRun>}
 */
export async function measureDrag({ baseURL, target, ms = DRAG_MS, rate = CPU_RATE }) {
  const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.context.newPage();
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(new URL(target.route, baseURL).href, { waitUntil: 'networkidle' });
    await page.locator(target.ready).first().waitFor({ state: 'visible' });
    const name = target.sliders[0];
    const control = (target.scope ? page.locator(target.scope).first() : page).getByRole('slider', { name, exact: true });

    // warm the JIT at full speed, unmeasured, as a learner's first drag would have done
    const cdp = await browser.context.newCDPSession(page);
    await drag(cdp, control, WARM_UP_MS);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await nextFrame(page);

    // every frame's time, and the control's value then: a drag that moves nothing measures nothing
    await control.evaluate((el) => {
      const read = () => (el instanceof HTMLInputElement ? el.value : (el.getAttribute('aria-valuenow') ?? ''));
      const w = /** @type {any} */ (globalThis);
      w.__drag = { times: [], values: [], running: true };
      const tick = (/** @type {number} */ t) => {
        const d = w.__drag;
        if (!d.running) return;
        d.times.push(t);
        d.values.push(read());
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const moves = await drag(cdp, control, ms);
    const recorded = /** @type {{ times: number[], values: string[] }} */ (
      await page.evaluate(() => {
        const d = /** @type {any} */ (globalThis).__drag;
        d.running = false;
        return { times: d.times, values: d.values };
      })
    );
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
    const valueChanges = recorded.values.filter((v, i) => i > 0 && v !== recorded.values[i - 1]).length;
    if (valueChanges === 0) throw new Error(`${target.route}: dragging "${name}" changed nothing`);
    if (pageErrors.length > 0) throw new Error(`page errors during the drag:\n${pageErrors.join('\n')}`);
    const stats = frameStats(recorded.times, GOAL_LONGEST_MS);
    return {
      route: target.route,
      ...(target.exercise ? { exercise: target.exercise } : {}),
      control: name,
      cpuThrottlingRate: rate,
      moves,
      valueChanges,
      first: recorded.values[0] ?? '',
      last: recorded.values.at(-1) ?? '',
      ...stats,
      goalFps: GOAL_FPS,
      goalLongestMs: GOAL_LONGEST_MS,
      meetsGoal: stats.fps >= GOAL_FPS && stats.longestFrameMs <= GOAL_LONGEST_MS,
    };
  } finally {
    await browser.close();
  }
}

/**
 * @param {DragRun[]} runs
 * @param {DragRun} [reference] the bare slider's
 * @returns {string}
 */
export function formatDrag(runs, reference) {
  const rows = [...(reference ? [{ ...reference, name: 'bare slider (reference)' }] : []), ...runs.map((r) => ({ ...r, name: targetName(r) }))];
  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = [
    `pointer drag for ${DRAG_MS / 1000} s at ${CPU_RATE}× CPU, a move every 1/60 s while fewer than ${MAX_IN_FLIGHT} are unanswered ` +
      `(frames timed by requestAnimationFrame in the page; goal ≥ ${GOAL_FPS} fps and no frame over ${GOAL_LONGEST_MS} ms):`,
    `  ${'route'.padEnd(width)}     fps  longest  >${GOAL_LONGEST_MS} ms  moves  value changes`,
  ];
  for (const r of rows) {
    lines.push(
      `  ${r.name.padEnd(width)}  ${r.fps.toFixed(1).padStart(6)}  ${`${r.longestFrameMs.toFixed(0)} ms`.padStart(7)}  ${String(r.framesOver).padStart(7)}  ${String(
        r.moves,
      ).padStart(5)}  ${String(r.valueChanges).padStart(13)}  ${r.meetsGoal ? '✓' : '✗'} "${r.control}"`,
    );
  }
  return lines.join('\n');
}

/** The bare slider, as a drag target. */
export const BARE_DRAG = BARE_SLIDER;
/** Every chapter's main control, then each drag exercise's first bar. */
export const DRAG_TARGETS = /** @type {DragTarget[]} */ ([...TARGETS, ...EXERCISE_TARGETS]);

/**
 * The reference and every target (or those whose route holds one of `only`), one browser each.
 * @param {{ baseURL: string, bareURL: string, only?: string[], log?: (line: string) => void }} options
 * @returns {Promise<{ reference: DragRun, runs: DragRun[] }>}
 */
export async function measureDrags({ baseURL, bareURL, only = [], log = () => {} }) {
  const reference = await measureDrag({ baseURL: bareURL, target: BARE_DRAG });
  log(`  bare slider: ${reference.fps.toFixed(1)} fps, longest ${reference.longestFrameMs.toFixed(0)} ms`);
  const runs = [];
  for (const target of DRAG_TARGETS.filter((t) => only.length === 0 || only.some((w) => t.route.includes(w)))) {
    const run = await measureDrag({ baseURL, target });
    log(`  ${targetName(run)}: ${run.fps.toFixed(1)} fps, longest ${run.longestFrameMs.toFixed(0)} ms`);
    runs.push(run);
  }
  return { reference, runs };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startStaticServer(DIST_DIR);
  const bareServer = await startStaticServer(BARE_SLIDER_DIR);
  try {
    const { reference, runs } = await measureDrags({ baseURL: server.url, bareURL: bareServer.url, only: process.argv.slice(2), log: console.log });
    console.log(formatDrag(runs, reference));
  } finally {
    await server.close();
    await bareServer.close();
  }
}
