import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  DESKTOP_OPTIONS,
  expectNoErrors,
  launch,
  nextFrame,
  openRoute,
} from './browser';

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch(DESKTOP_OPTIONS);
});
afterAll(async () => {
  await browser?.close();
});

const ROUTE = '#/squared-error-vs-cross-entropy';
const READY = '.saturation-explorer [data-testid="live-formula"] .katex';
const open = (b = browser, colorScheme: 'light' | 'dark' = 'light') => openRoute(b, ROUTE, { colorScheme, waitFor: READY });
const text = async (page: Page, id: string) => ((await page.getByTestId(id).textContent()) ?? '').replace(/\s+/g, ' ').trim();
const dataValue = async (page: Page, id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
const weights = async (page: Page, id: string) => ((await page.getByTestId(id).getAttribute('data-value')) ?? '').split(',').map(Number);
const checkStates = (page: Page) => page.locator('.saturation-explorer .checks li').evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')));
const progress = (page: Page) => page.getByRole('progressbar', { name: 'Seeds finished' });
const progressNow = async (page: Page) => Number(await progress(page).getAttribute('aria-valuenow'));

// By hand: σ(z) = 1/(1 + e^{−z}); squared error's ∂L/∂z = (σ − t)σ(1 − σ), cross-entropy's = σ − t.
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const seGrad = (z: number, t: number) => (sigma(z) - t) * sigma(z) * (1 - sigma(z));
const shown = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));

/** Choose the number of seeds (and steps), press Run. */
async function runExperiment(page: Page, seeds: number, steps = 300) {
  await page.getByLabel('Seeds', { exact: true }).selectOption(String(seeds));
  await page.getByLabel('Steps per loss').selectOption(String(steps));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

describe('the squared error vs cross-entropy chapter (#/squared-error-vs-cross-entropy)', () => {
  it('loads with no console error and no KaTeX error, at z = −3 and t = 1, every check holding', async () => {
    const { page, errors } = await open();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Squared error vs cross-entropy');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await text(page, 'se-gradient')).toBe(`squared error ${shown(seGrad(-3, 1))}`);
    expect(await text(page, 'ce-gradient')).toBe(`cross-entropy ${shown(sigma(-3) - 1)}`);
    await expect.poll(() => page.getByTestId('live-formula').first().getAttribute('aria-label')).toContain(`= ${shown(sigma(-3) - 1)}`);
    expect(await checkStates(page)).toEqual(['true', 'true', 'true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('"logit z" at −8 shows the squared-error gradient vanishing while cross-entropy reads −1.000', async () => {
    const { page, errors } = await open();
    const slider = page.getByRole('slider', { name: 'logit z', exact: true });
    await slider.focus();
    await page.keyboard.press('Home');
    // σ(−8) = 1/(1 + e⁸) ≈ 3.35 × 10⁻⁴: squared error's gradient ≈ −3.35 × 10⁻⁴, cross-entropy's ≈ −1
    const se = seGrad(-8, 1);
    expect(se).toBeCloseTo(-3.35e-4, 6);
    await expect.poll(() => text(page, 'se-gradient')).toBe('squared error −3.35 × 10⁻⁴');
    expect(await text(page, 'ce-gradient')).toBe('cross-entropy −1.000');
    await expect.poll(() => page.getByTestId('live-formula').first().getAttribute('aria-label')).toContain('σ(−8.0)');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await checkStates(page)).toEqual(['true', 'true', 'true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('t = 0 mirrors the picture, and the plot handle moves z with the arrow keys', async () => {
    const { page, errors } = await open();
    await page.getByRole('radio', { name: /^t = 0/ }).check();
    // t = 0 at z = −3: squared error's gradient σ²(1 − σ), cross-entropy's σ
    await expect.poll(() => text(page, 'ce-gradient')).toBe(`cross-entropy ${shown(sigma(-3))}`);
    expect(await text(page, 'se-gradient')).toBe(`squared error ${shown(seGrad(-3, 0))}`);
    const handle = page.getByRole('slider', { name: 'logit z on the plot' });
    await handle.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    // z = −3 + 30 × 0.1 = 0: σ = ½, squared error's gradient ½ × ¼ = 0.125, cross-entropy's 0.5
    await expect.poll(() => text(page, 'se-gradient')).toBe('squared error 0.125');
    expect(await text(page, 'ce-gradient')).toBe('cross-entropy 0.500');
    expect(await handle.getAttribute('aria-valuenow')).toBe('0');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it("hovering squared error's marker on the plot lights up its value in the formula", async () => {
    const { page, errors } = await open();
    const inFormula = page.locator('.saturation-explorer .katex [data-term="dse-dz"]').first();
    const background = () => inFormula.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.mouse.move(0, 0);
    await nextFrame(page);
    const before = await background();
    await page.locator('.saturation-explorer svg circle[data-term="dse-dz"]').hover();
    await expect.poll(background).not.toBe(before);
    expectNoErrors(errors);
    await page.close();
  });

  it('the race: Step changes both losses, and from w = 0 squared error steps exactly a quarter as far', async () => {
    const { page, errors } = await open();
    const before = [await dataValue(page, 'race-loss-se'), await dataValue(page, 'race-loss-ce')];
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => text(page, 'race-step')).toBe('Step 1 of 300.');
    const after = [await dataValue(page, 'race-loss-se'), await dataValue(page, 'race-loss-ce')];
    expect(after[0]).toBeLessThan(before[0] ?? NaN);
    expect(after[1]).toBeLessThan(before[1] ?? NaN);
    // confidently wrong: cross-entropy's loss falls by far more than squared error's
    expect((before[1] ?? 0) - (after[1] ?? 0)).toBeGreaterThan(100 * ((before[0] ?? 0) - (after[0] ?? 0)));
    // the table's column names stand over their own columns, side by side (not stacked in one cell)
    const box = async (locator: ReturnType<Page['locator']>) => (await locator.boundingBox()) ?? { x: NaN, y: NaN, width: NaN, height: NaN };
    const heads = page.locator('.race-table thead th[scope="col"]');
    const [seHead, ceHead] = [await box(heads.nth(0)), await box(heads.nth(1))];
    const [seCell, ceCell] = [await box(page.getByTestId('race-loss-se')), await box(page.getByTestId('race-loss-ce'))];
    expect(seHead.y).toBeCloseTo(ceHead.y, 0);
    expect(seHead.x).toBeCloseTo(seCell.x, 0);
    expect(ceHead.x).toBeCloseTo(ceCell.x, 0);
    expect(ceHead.x).toBeGreaterThan(seHead.x + seHead.width - 1);

    await page.getByRole('radio', { name: /^neutral/ }).check();
    // w = 0: every ŷ = ½, so squared error's loss is ½ × ¼ = 0.125 and cross-entropy's ln 2
    await expect.poll(() => text(page, 'race-loss-se')).toBe('0.1250');
    expect(await text(page, 'race-loss-ce')).toBe(Math.LN2.toFixed(4));
    expect(await text(page, 'race-accuracy-se')).toBe('50%');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => text(page, 'race-step')).toBe('Step 1 of 300.');
    // σ'(0) = ¼ for every point: the squared-error step is the cross-entropy step divided by 4
    const se = await weights(page, 'race-weights-se');
    const ce = await weights(page, 'race-weights-ce');
    se.forEach((w, k) => expect(w).toBeCloseTo((ce[k] ?? NaN) / 4, 14));
    expect(await dataValue(page, 'race-loss-se')).toBeLessThan(0.125);
    expect(await dataValue(page, 'race-loss-ce')).toBeLessThan(Math.LN2);
    expectNoErrors(errors);
    await page.close();
  });

  it('the race does not start by itself, and Play runs it to the cap of 300 steps', async () => {
    const { page, errors } = await open();
    await page.waitForTimeout(300);
    expect(await text(page, 'race-step')).toBe('Step 0 of 300.');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => text(page, 'race-step'), { timeout: 20_000 }).toBe('Step 300 of 300: the race is over. Reset to run it again.');
    expect(await page.getByRole('button', { name: 'Play', exact: true }).isDisabled()).toBe(true);
    expect(await dataValue(page, 'race-accuracy-ce')).toBeGreaterThan(0.9);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => text(page, 'race-step')).toBe('Step 0 of 300.');
    expectNoErrors(errors);
    await page.close();
  });

  it('the many-seed experiment completes 10 seeds in workers and reports 10 results per loss', async () => {
    const { page, errors } = await open();
    await runExperiment(page, 10);
    await expect.poll(() => text(page, 'seed-status'), { timeout: 20_000 }).toBe('Done: 10 seeds, 300 steps from large random weights.');
    expect(await progressNow(page)).toBe(10);
    expect(await progress(page).getAttribute('aria-valuemax')).toBe('10');
    expect(await page.locator('.strip-squared-error .strip-dot').count()).toBe(20);
    expect(await page.locator('.strip-cross-entropy .strip-dot').count()).toBe(20);
    // cross-entropy minimises log loss: its median log loss is no worse than squared error's
    const medians = await page.locator('[data-testid$="-log-loss"] td:nth-of-type(3)').allTextContents();
    expect(Number(medians[1])).toBeLessThanOrEqual(Number(medians[0]));
    expectNoErrors(errors);
    await page.close();
  });

  it('the page stays responsive while 200 seeds run: a slider step is handled before they finish, and Cancel stops them', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await runExperiment(page, 200, 3000);
    await expect.poll(() => progressNow(page)).toBeGreaterThan(0);
    const slider = page.getByRole('slider', { name: 'logit z', exact: true });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    // z = −2.9: handled while the workers are still busy
    await expect.poll(() => text(page, 'ce-gradient')).toBe(`cross-entropy ${shown(sigma(-2.9) - 1)}`);
    expect(await progressNow(page)).toBeLessThan(200);
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    expect(longest, 'no main-thread task of the run blocks input for long').toBeLessThan(200);

    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => text(page, 'seed-status')).toMatch(/^Cancelled after \d+ of 200 seeds/);
    const stopped = await progressNow(page);
    expect(stopped).toBeLessThan(200);
    await page.waitForTimeout(300);
    expect(await progressNow(page)).toBe(stopped);
    expectNoErrors(errors);
    await page.close();
  });

  it('every widget’s state set on the page is in its address and comes back after a reload', async () => {
    const { page, errors } = await open();
    // the gradient comparison: z from −3 up five steps of 0.1 to −2.5, and t = 0
    const z = page.getByRole('slider', { name: 'logit z', exact: true });
    await z.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.getByRole('radio', { name: /^t = 0/ }).check();
    // the race: neutral start, η from 1 up five steps of 0.1 to 1.5, three steps taken
    await page.getByRole('radio', { name: /^neutral/ }).check();
    const rate = page.getByRole('slider', { name: 'learning rate η' });
    await rate.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => text(page, 'race-step')).toBe('Step 3 of 300.');
    const raced = [await text(page, 'race-weights-ce'), await text(page, 'race-loss-se')];
    // the experiment's settings (not run: its results are not kept)
    await page.getByLabel('Seeds', { exact: true }).selectOption('50');
    await page.getByLabel('Steps per loss').selectOption('1000');
    await page.getByRole('radio', { name: /^small random weights/ }).check();
    await page.waitForTimeout(400);
    const query = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({ logit: '-2.5', target: '0', start: 'neutral', rate: '1.5', n: '3', seeds: '50', init: 'small', steps: '1000' });

    await page.reload();
    await page.locator(READY).first().waitFor({ state: 'visible' });
    // t = 0 at z = −2.5: cross-entropy's gradient is σ(−2.5)
    expect(await text(page, 'ce-gradient')).toBe(`cross-entropy ${shown(sigma(-2.5))}`);
    expect(await page.getByRole('radio', { name: /^t = 0/ }).isChecked()).toBe(true);
    expect(await text(page, 'race-step')).toBe('Step 3 of 300.');
    expect(await page.getByRole('button', { name: 'Play', exact: true }).isVisible()).toBe(true);
    expect([await text(page, 'race-weights-ce'), await text(page, 'race-loss-se')]).toEqual(raced);
    expect(await rate.inputValue()).toBe('1.5');
    expect(await page.getByLabel('Seeds', { exact: true }).inputValue()).toBe('50');
    expect(await page.getByLabel('Steps per loss').inputValue()).toBe('1000');
    expect(await page.getByRole('radio', { name: /^small random weights/ }).isChecked()).toBe(true);
    expect(await text(page, 'seed-status')).toBe('Press Run to train both losses on every seed.');
    expectNoErrors(errors);
    await page.close();
  });

  it('each widget’s embed shows the state its address names', async () => {
    const embed = (key: string, query: string, waitFor: string) =>
      openRoute(browser, `#/embed/squared-error-vs-cross-entropy/${key}?${query}`, { waitFor });

    const saturation = await embed('SaturationExplorer', 'logit=-1.5&target=0', '[data-testid="ce-gradient"]');
    // t = 0 at z = −1.5: cross-entropy's gradient σ(−1.5), squared error's σ²(1 − σ)
    expect(await text(saturation.page, 'ce-gradient')).toBe(`cross-entropy ${shown(sigma(-1.5))}`);
    expect(await text(saturation.page, 'se-gradient')).toBe(`squared error ${shown(seGrad(-1.5, 0))}`);
    expect(await saturation.page.getByRole('slider', { name: 'logit z', exact: true }).inputValue()).toBe('-1.5');
    expectNoErrors(saturation.errors);
    await saturation.page.close();

    const race = await embed('LossRace', 'start=neutral&rate=2&n=1&lock=rate', '[data-testid="race-step"]');
    expect(await text(race.page, 'race-step')).toBe('Step 1 of 300.');
    expect(await race.page.getByRole('slider', { name: 'learning rate η' }).isDisabled()).toBe(true);
    expect(await race.page.getByRole('slider', { name: 'learning rate η' }).inputValue()).toBe('2');
    // one step from w = 0 at η = 2: σ′(0) = ¼ for every point, so squared error moved a quarter as far
    const se = await weights(race.page, 'race-weights-se');
    const ce = await weights(race.page, 'race-weights-ce');
    se.forEach((w, k) => expect(w).toBeCloseTo((ce[k] ?? NaN) / 4, 14));
    expect(Math.hypot(...ce)).toBeGreaterThan(0);
    expectNoErrors(race.errors);
    await race.page.close();

    const seeds = await embed('SeedExperiment', 'seeds=10&init=small&steps=3000&hide=init', '[data-testid="seed-status"]');
    expect(await seeds.page.getByLabel('Seeds', { exact: true }).inputValue()).toBe('10');
    expect(await seeds.page.getByLabel('Steps per loss').inputValue()).toBe('3000');
    expect(await seeds.page.getByRole('radio').count()).toBe(0);
    expect(await seeds.page.getByRole('progressbar', { name: 'Seeds finished' }).getAttribute('aria-valuemax')).toBe('10');
    expectNoErrors(seeds.errors);
    await seeds.page.close();
  });
});
