/**
 * A slider step repaints what changed and no more (issue 15): Chromium's compositor takes a step on its
 * repaint-only path unless the page's layering has to be worked out again, a PaintArtifactCompositor
 * update that costs about 0.5 ms at 1× on these pages. A bar plot's opaque ground (PlotGround in
 * src/plots/axes.tsx) keeps a dragged bar from causing one at every step. Each case counts those
 * updates in a trace of twenty steps, then takes the grounds away and counts again, so the figure is
 * shown to be the ground's doing and the trace event to be still the one Chromium emits. The ground
 * must also look like nothing: its colour is the one behind its plot, in both palettes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { DESKTOP_OPTIONS, everySlotDrawn, expectNoErrors, fontsReady, launch, openRoute, settled } from './browser';

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch(DESKTOP_OPTIONS);
});
afterAll(async () => {
  await browser?.close();
});

const STEPS = 20;
/**
 * Updates a trace may hold for reasons of its own: a held formula catching up when a loaded machine
 * spaces two steps more than the pause apart, a font or a lazy part arriving. One per step is the fault.
 */
const STRAY = 6;

/** The compositor updates (full re-layerizations) during `STEPS` key steps of the focused slider. */
async function layerUpdatesPerSteps(page: Page, cdp: CDPSession): Promise<number> {
  const events: Record<string, string>[] = [];
  const collect = (e: { value: Record<string, string>[] }) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['blink'] }, transferMode: 'ReportEvents' });
  for (let i = 0; i < STEPS; i += 1) {
    await page.keyboard.press('ArrowRight');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  }
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events.filter((e) => e.name === 'PaintArtifactCompositor::Update').length;
}

const CASES = [
  { route: '#/softmax', waitFor: '[data-testid="p-text-1"]', scope: 'main', slider: 'logit z3' },
  { route: '#/softmax?pb=6', waitFor: '.exercise .prediction-bar', scope: '.exercise:has(.prediction-bars)', slider: 'p₁, your prediction' },
  {
    route: '#/logistic-regression?lp=1',
    waitFor: '.exercise .prediction-bar',
    scope: '.exercise:has(.prediction-bars)',
    slider: 'point 1, your prediction',
  },
] as const;

describe('a slider step under a bar plot', () => {
  for (const { route, waitFor, scope, slider } of CASES) {
    it(`${route}: "${slider}" steps without re-layerizing the page, and would without the ground`, async () => {
    const { page, errors } = await openRoute(browser, route, { waitFor });
    // every widget drawn first: one drawn during the trace is a layering change of its own
    await everySlotDrawn(page);
    await page.waitForLoadState('networkidle');
    await fontsReady(page);
    const cdp = await browser.context.newCDPSession(page);
    const control = page.locator(scope).first().getByRole('slider', { name: slider, exact: true }).first();
    await control.focus();
    // the first steps may draw what a step first shows (a focus ring, a held formula's catch-up)
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Home');
    await settled(page);

    const withGround = await layerUpdatesPerSteps(page, cdp);
    await page.keyboard.press('Home');
    await settled(page);
    await page.evaluate(() => document.querySelectorAll('.plot-ground').forEach((ground) => ground.remove()));
    const withoutGround = await layerUpdatesPerSteps(page, cdp);

    expect(withGround).toBeLessThanOrEqual(STRAY);
    expect(withoutGround).toBeGreaterThanOrEqual(STEPS - STRAY);
    await cdp.detach();
    expectNoErrors(errors);
    await page.close();
    });
  }

  it.each(['light', 'dark'] as const)('every bar plot on #/softmax?pb=6 has a ground the colour behind it (%s)', async (colorScheme) => {
    const { page, errors } = await openRoute(browser, '#/softmax?pb=6', { colorScheme, waitFor: '.exercise .prediction-bar' });
    await settled(page);
    const grounds = await page.evaluate(() => {
      const behind = (element: Element) => {
        for (let e = element.parentElement; e; e = e.parentElement) {
          const colour = getComputedStyle(e).backgroundColor;
          if (colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
        }
        return 'none';
      };
      return Array.from(document.querySelectorAll('svg.plot')).map((svg) => {
        const ground = svg.querySelector(':scope > .plot-ground');
        return { plot: svg.getAttribute('class'), fill: ground ? getComputedStyle(ground).fill : 'no ground', behind: behind(svg) };
      });
    });
    const bars = grounds.filter((g) => /bars/.test(g.plot ?? ''));
    // the logit bars, the probability bars and the exercise's prediction bars at least
    expect(bars.length).toBeGreaterThanOrEqual(3);
    for (const g of bars) expect(g.fill, `${g.plot}`).toBe(g.behind);
    expectNoErrors(errors);
    await page.close();
  });
});
