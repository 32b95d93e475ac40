import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { DESKTOP_OPTIONS, PHONE_OPTIONS, expectNoErrors, expectNoPageOverflow, fontsReady, launch, nextFrame, openRoute, settled, showWholePage } from './browser';

/**
 * Chapter 8's backward-pass explorer and mean-against-sum demo in Chromium (the whole-page checks of
 * #/backprop are in chapterPages.test.ts; the trainer's in backprop.test.ts).
 */
let desktop: LaunchedChromium;
beforeAll(async () => {
  desktop = await launch(DESKTOP_OPTIONS);
});
afterAll(async () => {
  await desktop?.close();
});

const ROUTE = '#/backprop';
const READY = '.backward-pass-explorer [data-testid="bp-shapes-formula"] .katex';
const open = (b = desktop, colorScheme: 'light' | 'dark' = 'light') => openRoute(b, ROUTE, { colorScheme, waitFor: READY });
/** A text alternative once every widget has caught up with the last input (they may wait for the pause). */
const ariaLabel = async (page: Page, testId: string) => {
  await settled(page);
  return (await page.getByTestId(testId).getAttribute('aria-label')) ?? '';
};
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();
const checkStates = (page: Page, testId: string) => page.getByTestId(testId).locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')));
const dz2Row = (page: Page) => Promise.all([1, 2, 3].map(async (k) => Number(await page.getByTestId(`bp-dz2-${k}`).getAttribute('data-value'))));
const allRunsDone = (page: Page) => expect.poll(() => text(page, 'bp-batch-progress'), { timeout: 30_000 }).toMatch(/^All 10 runs done/);
const number = (s: string) => Number(s.replace('−', '-'));

describe('the backward pass in matrix form and mean against sum (#/backprop)', () => {
  it('loads with no console error and no KaTeX error, the shapes of the 150-point run written out, every check holding', async () => {
    const { page, errors } = await open();
    expect(await page.locator('.katex-error').count()).toBe(0);
    const shapes = await ariaLabel(page, 'bp-shapes-formula');
    expect(shapes).toContain('dW₂ (16 × 3) = A₁ᵀ (16 × 150) times dZ₂ (150 × 3)');
    expect(shapes).toContain('dW₁ (2 × 16) = Xᵀ (2 × 150) times dZ₁ (150 × 16)');
    expect(await checkStates(page, 'bp-output-checks')).toEqual(['true', 'true']);
    expect(await checkStates(page, 'bp-hidden-checks')).toEqual(['true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('a link to blobs step 1000 with (W₁)₁,₆: the check names sample 96, marks the quotient across the kink with ⚠ (no pass, no fail) and passes the smaller nudge', async () => {
    const { page, errors } = await openRoute(desktop, '#/backprop?n=1000&w1x=1&w1h=6', { waitFor: READY });
    await expect.poll(() => page.getByTestId('bp-step').textContent(), { timeout: 30_000 }).toBe('1000');
    // the explorer redraws at most every REFRESH_MS while the link's run is trained again, so it can show
    // an earlier step (one where another nudge crosses the kink) just after the step counter reads 1000
    await expect
      .poll(() => text(page, 'bp-hidden-checks-difference'), { timeout: 10_000 })
      .toContain('sample 96’s pre-activation (Z₁)₉₆,₆ = −3.2 × 10⁻⁶ across ReLU’s kink at 0');
    await expect.poll(() => checkStates(page, 'bp-hidden-checks')).toEqual(['true', 'kink', 'true']);
    const marker = await page.getByTestId('bp-hidden-checks-difference').evaluate((li) => getComputedStyle(li, '::before').content);
    expect(marker).toBe('"⚠ "');
    expect(await checkStates(page, 'bp-output-checks')).toEqual(['true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('Next sample shows sample 2, whose row of dZ₂ = (P − Y)/150 adds up to 0 with one negative entry, at its class', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Next sample' }).click();
    await expect.poll(() => text(page, 'bp-sample-facts')).toMatch(/^Sample 2: x = \(/);
    const row = await dz2Row(page);
    // p sums to 1 and y is one-hot, so (p − y)/m sums to 0; only the true class's entry is negative
    expect(Math.abs(row.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
    expect(row.filter((v) => v < 0)).toHaveLength(1);
    const cls = Number(/class\s+(\d)/.exec(await text(page, 'bp-sample-facts'))?.[1]);
    expect(row[cls - 1]).toBeLessThan(0);
    // each entry is at most 1/150 in size
    for (const v of row) expect(Math.abs(v)).toBeLessThanOrEqual(1 / 150);
    expectNoErrors(errors);
    await page.close();
  });

  it('from the keyboard: End then ArrowDown on dW₂ then Enter selects (W₂)₂,₃, and its chain formula and checks follow', async () => {
    const { page, errors } = await open();
    const first = page.getByRole('button', { name: /^dW2, row 1, column 1:/ });
    await first.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => ariaLabel(page, 'bp-output-chain-formula')).toContain('∂L/∂(W₂)2,3 = the sum over the 150 samples');
    expect(await page.getByRole('button', { name: /^dW2, row 2, column 3:/ }).getAttribute('aria-pressed')).toBe('true');
    // the total in the formula is the cell's own number
    const cell = (await page.getByRole('button', { name: /^dW2, row 2, column 3:/ }).textContent()) ?? '';
    expect(await ariaLabel(page, 'bp-output-chain-formula')).toContain(`All 150 samples: ${cell}`);
    expect(await checkStates(page, 'bp-output-checks')).toEqual(['true', 'true']);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it("hovering a cell of dW₂ lights up its factor a₁ in sample's table", async () => {
    const { page, errors } = await open();
    const a1 = page.locator('[data-testid="bp-hidden-rows"] td[data-term="bp-a1-5"]');
    const background = () => a1.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.mouse.move(0, 0);
    await nextFrame(page);
    const before = await background();
    await page.getByRole('button', { name: /^dW2, row 5, column 2:/ }).hover();
    await expect.poll(background).not.toBe(before);
    expectNoErrors(errors);
    await page.close();
  });

  it('the demo: the mean learns at every m, the sum blows up at m = 1000 and never shows NaN; choosing "sum" switches the explorer to P − Y', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await allRunsDone(page);
    for (const m of [10, 30, 100, 300, 1000]) expect(number(await text(page, `bp-final-mean-${m}`))).toBeLessThan(0.1);
    expect(await text(page, 'bp-final-sum-1000')).toMatch(/^blew up/);
    expect(await page.locator('.batch-reduction-demo').textContent()).not.toMatch(/NaN/);
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    expect(longest, 'the runs train in slices that never block the page for long').toBeLessThan(200);

    await page.getByRole('radio', { name: /^sum/ }).check();
    await expect.poll(() => ariaLabel(page, 'bp-shapes-formula')).toContain('dZ₂ (150 × 3) = P − Y.');
    // without the 1/m the row of dZ₂ is p − y itself: still summing to 0, one entry in (−1, 0)
    const row = await dz2Row(page);
    expect(Math.abs(row.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
    expect(Math.min(...row)).toBeGreaterThan(-1);
    expect(await checkStates(page, 'bp-output-checks')).toEqual(['true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('η = 0.01 moves the breaking point: the sum then learns at m = 100', async () => {
    const { page, errors } = await open();
    await allRunsDone(page);
    expect(await text(page, 'bp-final-sum-100')).toMatch(/^blew up/);
    await page.getByLabel('Learning rate η of every run', { exact: true }).selectOption('0.01');
    await allRunsDone(page);
    expect(number(await text(page, 'bp-final-sum-100'))).toBeLessThan(0.1);
    expectNoErrors(errors);
    await page.close();
  });

  for (const [name, options, width] of [
    ['desktop-light', DESKTOP_OPTIONS, 1280],
    ['phone-light', { ...PHONE_OPTIONS, viewport: { width: 360, height: 800 } }, 360],
  ] as const) {
    it(`backprop-matrix-${name}.png: the two widgets, nothing wider than ${width} px`, async () => {
      const browser = name === 'desktop-light' ? desktop : await launch(options);
      try {
        const { page, errors } = await open(browser);
        await allRunsDone(page);
        await expectNoPageOverflow(page, width);
        await fontsReady(page);
        const restore = await showWholePage(page);
        for (const [widget, selector] of [
          ['explorer', '.backward-pass-explorer'],
          ['demo', '.batch-reduction-demo'],
        ] as const) {
          await page.locator(selector).screenshot({ path: `${inject('screenshotDir')}/backprop-matrix-${widget}-${name}.png`, animations: 'disabled' });
        }
        await restore();
        expectNoErrors(errors);
        await page.close();
      } finally {
        if (browser !== desktop) await browser.close();
      }
    });
  }
});
