import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { DESKTOP_OPTIONS, expectNoErrors, launch, openRoute } from './browser';
import { describeChapterPageChecks } from './chapterPageChecks';
import { parseHash } from '../../src/url/hashRoute';
import { formatNumber } from '../../src/format/formatNumber';

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch(DESKTOP_OPTIONS);
});
afterAll(async () => {
  await browser?.close();
});

const ROUTE = '#/pytorch-loss';
const READY = '[data-testid="loss-formula"] .katex';
const open = (route = ROUTE) => openRoute(browser, route, { waitFor: READY });
const text = async (page: Page, id: string) => ((await page.getByTestId(id).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
const queryOf = (page: Page) => parseHash(new URL(page.url()).hash).query;
const explorer = (page: Page) => page.getByRole('region', { name: 'nn.CrossEntropyLoss, option by option' });
const cell = (page: Page, name: string) => explorer(page).getByRole('slider', { name, exact: true });
const preset = (page: Page, name: string) => explorer(page).getByRole('button', { name, exact: true }).click();

// By hand: −ln softmax of the rows [2, 0.5, −1], [0, 1.5, 0.5], [1, 0, 2] at the targets 0, 1, 0
const NLL = [0.241311, 0.464369, 1.407606];

describe('the PyTorch loss chapter (#/pytorch-loss)', () => {
  it('loads with no console error and no KaTeX error, at the plain mean L = 0.704', async () => {
    const { page, errors } = await open();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The PyTorch loss, option by option');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await text(page, 'loss-readout')).toBe(`L = ${((NLL[0]! + NLL[1]! + NLL[2]!) / 3).toFixed(3)}`);
    expectNoErrors(errors);
    await page.close();
  });

  it('from the keyboard: a logit cell steps with the arrows, the selected-logit slider goes to its end', async () => {
    const { page, errors } = await open();
    const z00 = cell(page, 'logit z[0, 0]');
    await z00.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => z00.getAttribute('aria-valuenow')).toBe('2.1');
    const slider = cell(page, 'selected logit z[0, 0]');
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => z00.getAttribute('aria-valuenow')).toBe('10');
    // sample 0 is now sure of its class: ℓ₀ = ln(1 + e^{−9.5} + e^{−11}), by hand
    expect(await text(page, 'sample-loss-0')).toBe(formatNumber(Math.log(1 + Math.exp(-9.5) + Math.exp(-11)), 3));
    expectNoErrors(errors);
    await page.close();
  });

  it('dragging a cell up raises its logit', async () => {
    const { page, errors } = await open();
    const z11 = cell(page, 'logit z[1, 1]');
    await z11.scrollIntoViewIfNeeded();
    const box = await z11.boundingBox();
    if (!box) throw new Error('no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(await z11.getAttribute('aria-valuenow'))).toBeGreaterThan(1.5);
    expectNoErrors(errors);
    await page.close();
  });

  it('the surprises: the weighted mean divides by 4.5, every sample ignored says nan (0 / 0) in words', async () => {
    const { page, errors } = await open();
    await preset(page, 'Weighted mean');
    const weighted = (2 * NLL[0]! + 0.5 * NLL[1]! + 2 * NLL[2]!) / 4.5;
    await expect.poll(() => text(page, 'loss-readout')).toBe(`L = ${weighted.toFixed(3)}`);
    expect(await text(page, 'denominator-text')).toContain('/ (2 + 0.5 + 2) = 3.530 / 4.5 = 0.784.');
    await preset(page, 'Every sample ignored');
    await expect.poll(() => text(page, 'loss-readout')).toBe('No number: every sample is ignored: PyTorch returns nan here (0 / 0).');
    expect(await explorer(page).textContent()).not.toMatch(/NaN/);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('"Copy as NumPy" shows the program for the options on screen', async () => {
    const { page, errors } = await open();
    await preset(page, 'Probability targets');
    await explorer(page).getByRole('button', { name: 'Copy as NumPy' }).click();
    const code = page.getByRole('region', { name: /NumPy program for nn.CrossEntropyLoss/ });
    await expect.poll(async () => (await code.textContent()) ?? '').toContain('denominator = N  # probability targets');
    expectNoErrors(errors);
    await page.close();
  });

  it('the options survive a reload, and embed links show each widget with its state', async () => {
    const { page, errors } = await open();
    await preset(page, 'One sample ignored');
    await explorer(page).getByRole('radio', { name: "'sum'" }).check();
    await expect.poll(() => queryOf(page).get('red'), { timeout: 2000 }).toBe('sum');
    expect(queryOf(page).get('ti')).toBe('-100,1,0');
    await page.reload({ waitUntil: 'load' });
    await page.locator(READY).first().waitFor();
    // Σ of the kept samples' weighted losses: 0.5·ℓ₁ + 2·ℓ₂
    expect(await text(page, 'loss-readout')).toBe(`L = ${(0.5 * NLL[1]! + 2 * NLL[2]!).toFixed(3)}`);
    expectNoErrors(errors);
    await page.close();

    const embed = await openRoute(browser, '#/embed/pytorch-loss/LossExplorer?n=2&c=2&lz=1,0,0,1&ti=0,-100&red=sum', { waitFor: READY });
    expect(await text(embed.page, 'loss-readout')).toBe(`L = ${Math.log(1 + Math.exp(-1)).toFixed(3)}`);
    expectNoErrors(embed.errors);
    await embed.page.close();

    const bce = await openRoute(browser, '#/embed/pytorch-loss/BceExplorer?pw=3', { waitFor: '[data-testid="bce-readout"]' });
    expect(await text(bce.page, 'bce-readout')).toMatch(/^L = Σ ℓₙ \/ N = 5\.343 \/ 4 = 1\.336/);
    expectNoErrors(bce.errors);
    await bce.page.close();

    const exercise = await openRoute(browser, '#/embed/pytorch-loss/WeightedMeanExercise?wm=5', { waitFor: 'text=What does' });
    expect(await exercise.page.getByRole('textbox').count()).toBeGreaterThan(0);
    expectNoErrors(exercise.errors);
    await exercise.page.close();
  });
});

// axe in the light and dark schemes at desktop width and on a phone, nothing wider than 360 px, the notation box
describeChapterPageChecks([{ slug: 'pytorch-loss', ready: READY, phoneDark: true }]);
