/**
 * Dragging with a finger, one test per kind of draggable on the site: the bars of a bar chart
 * (useBarDrag, in chapters 1, 2 and 10), a curve plot's handle (CurvePlot, chapters 5 and 10), chapter
 * 7's gradient curves, chapter 9's error plot, chapter 6's points and chapter 8's points. Each drags with
 * real touch events on a phone (the DevTools protocol's Input.dispatchTouchEvent, which Chromium turns
 * into pointer events and, where touch-action allows, into scrolling), and checks that the value moved
 * and the page did not scroll instead. A control test shows the same swipe over prose does scroll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { PHONE_OPTIONS, expectNoErrors, launch, nextFrame, openRoute } from './browser';

let phone: LaunchedChromium;
beforeAll(async () => {
  phone = await launch(PHONE_OPTIONS);
});
afterAll(async () => {
  await phone?.close();
});

interface Point {
  x: number;
  y: number;
}

/** One finger down at `from`, moved in `steps` steps to `to`, lifted: real touch input, not pointer events. */
async function touchDrag(page: Page, from: Point, to: Point, steps = 12): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: Point) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] : [] });
  await touch('touchStart', from);
  for (let i = 1; i <= steps; i += 1) {
    await touch('touchMove', { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps });
  }
  await touch('touchEnd');
  await cdp.detach();
  await nextFrame(page);
}

interface TouchCase {
  /** what is dragged, and where */
  readonly name: string;
  readonly route: string;
  /** the element the finger lands on */
  readonly target: (page: Page) => Locator;
  /** where on it, as fractions of its box */
  readonly at: readonly [number, number];
  /** how far the finger moves, in CSS px */
  readonly by: readonly [number, number];
  /** the value the drag changes, as text */
  readonly read: (page: Page) => Promise<string>;
  /** optional: what the drag must not change (no point added instead of one moved) */
  readonly unchanged?: (page: Page) => Promise<string>;
}

const valueOf = (locator: Locator) => locator.evaluate((e) => e.getAttribute('aria-valuenow') ?? (e as HTMLInputElement).value ?? '');

const CASES: readonly TouchCase[] = [
  {
    name: 'a logit bar (useBarDrag) on #/softmax, dragged up',
    route: '#/softmax',
    target: (page) => page.locator('.softmax-explorer').getByRole('slider', { name: 'logit z1 bar', exact: true }),
    at: [0.5, 0.6],
    by: [0, -60],
    read: (page) => valueOf(page.getByRole('slider', { name: 'logit z1', exact: true })),
  },
  {
    name: 'a target bar (useBarDrag) on #/information, dragged up',
    route: '#/information',
    target: (page) => page.getByRole('slider', { name: /^target y\d+ bar$/ }).first(),
    at: [0.5, 0.8],
    by: [0, -50],
    read: (page) => valueOf(page.getByRole('slider', { name: /^target y\d+ bar$/ }).first()),
  },
  {
    name: "chapter 10's logit bar z3 (useBarDrag) on #/stability, dragged up",
    route: '#/stability',
    target: (page) => page.getByRole('slider', { name: 'logit z3 bar', exact: true }).first(),
    at: [0.5, 0.7],
    by: [0, -60],
    read: (page) => valueOf(page.getByRole('slider', { name: 'logit z3 bar', exact: true }).first()),
  },
  {
    name: 'the z handle of a curve plot (CurvePlot) on #/binary-cross-entropy, dragged sideways',
    route: '#/binary-cross-entropy',
    target: (page) => page.locator('svg.curve-plot[role="slider"]').first(),
    at: [0.3, 0.5],
    by: [120, 0],
    read: (page) => valueOf(page.locator('svg.curve-plot[role="slider"]').first()),
  },
  {
    name: "the true-class logit's handle on the ε trick's error plot (CurvePlot) on #/stability, dragged sideways",
    route: '#/stability',
    target: (page) => page.locator('svg.curve-plot[role="slider"]').first(),
    at: [0.3, 0.5],
    by: [120, 0],
    read: (page) => valueOf(page.locator('svg.curve-plot[role="slider"]').first()),
  },
  {
    name: 'z on the gradient curves (GradientCurves) on #/squared-error-vs-cross-entropy, dragged sideways',
    route: '#/squared-error-vs-cross-entropy',
    target: (page) => page.locator('.saturation-explorer svg.gradient-curves'),
    at: [0.3, 0.5],
    by: [120, 0],
    read: (page) => valueOf(page.getByRole('slider', { name: 'logit z on the plot' }).first()),
  },
  {
    name: 'h on the error plot (ErrorCurvePlot) on #/gradient-check, dragged sideways',
    route: '#/gradient-check',
    target: (page) => page.locator('.gradient-check-explorer svg.error-curve-plot'),
    at: [0.3, 0.5],
    by: [120, 0],
    read: (page) => valueOf(page.getByRole('slider', { name: 'step h, as a power of ten' })),
  },
  {
    name: "a point of chapter 6's scatter plot (PointScatter) on #/logistic-regression",
    route: '#/logistic-regression',
    target: (page) => page.locator('.lab-point').last(),
    at: [0.5, 0.5],
    by: [40, 30],
    read: (page) => page.locator('.lab-point').evaluateAll((ps) => ps.map((p) => `${p.getAttribute('data-x1')},${p.getAttribute('data-x2')}`).join(' ')),
    unchanged: async (page) => String(await page.locator('.lab-point').count()),
  },
  {
    name: "a point of chapter 8's decision regions (DecisionRegions) on #/backprop",
    route: '#/backprop',
    // the last point is drawn on top of any it overlaps, so the finger lands on it
    target: (page) => page.locator('.region-points circle.data-point').last(),
    at: [0.5, 0.5],
    by: [40, -30],
    read: (page) => page.locator('.region-points circle.data-point').evaluateAll((cs) => cs.map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`).join(' ')),
    unchanged: async (page) => String(await page.locator('.region-points circle.data-point').count()),
  },
];

/** Opens a chapter on the phone with `target` in the middle of the screen, so the page could scroll either way. */
async function openWith(route: string, target: (page: Page) => Locator) {
  const opened = await openRoute(phone, route, { waitFor: '.chapter-body .widget' });
  const element = target(opened.page);
  await element.waitFor({ state: 'visible', timeout: 15_000 });
  await element.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'nearest' }));
  await nextFrame(opened.page);
  return { ...opened, element };
}

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);/**
 * Where the plot holding the element is on the screen: a swipe that scrolled the page moves it by tens
 * of pixels; the browser's scroll anchoring (prose above laid out late, or a widget above that shares the
 * chapter's store growing a line) changes scrollY but leaves this within a pixel (`SCROLL_SLACK`).
 */
const screenTop = (element: Locator) => element.evaluate((e) => (e.closest('svg') ?? e).getBoundingClientRect().top);
/** e.g. #/stability's loss plot sets z₁ = −11.2, the comparison table above wraps one more line, and anchoring leaves 0.44 px */
const SCROLL_SLACK = 1;

describe('touch dragging on a phone', () => {
  it('control: the same kind of swipe over prose scrolls the page (so a drag that scrolled would be caught)', async () => {
    const { page, element } = await openWith('#/softmax', (p) => p.locator('.chapter-body p').nth(2));
    const box = await element.boundingBox();
    if (!box) throw new Error('no paragraph to swipe');
    const before = await scrollY(page);
    await touchDrag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, { x: box.x + box.width / 2, y: box.y + box.height / 2 - 120 });
    await expect.poll(() => scrollY(page)).toBeGreaterThan(before + 40);
    await page.close();
  });

  for (const c of CASES) {
    it(`${c.name}: the value follows the finger and the page stays put`, async () => {
      const { page, errors, element } = await openWith(c.route, c.target);
      const box = await element.boundingBox();
      if (!box) throw new Error(`${c.name}: nothing to touch`);
      const from = { x: box.x + box.width * c.at[0], y: box.y + box.height * c.at[1] };
      const before = await c.read(page);
      const top = await screenTop(element);
      const kept = await c.unchanged?.(page);
      await touchDrag(page, from, { x: from.x + c.by[0], y: from.y + c.by[1] });
      await expect.poll(() => c.read(page), { timeout: 5_000 }).not.toBe(before);
      expect(Math.abs((await screenTop(element)) - top), 'the page scrolled under the finger').toBeLessThanOrEqual(SCROLL_SLACK);
      if (c.unchanged) expect(await c.unchanged(page)).toBe(kept);
      expectNoErrors(errors);
      await page.close();
    });
  }
});
