import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  expectNoErrors,
  launch,
  nextFrame,
  openRoute,
  settled,
} from './browser';

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ROUTE = '#/binary-cross-entropy';
const READY = '.bce-explorer [data-testid="live-formula"] .katex';
const open = (b = browser, colorScheme: 'light' | 'dark' = 'light') => openRoute(b, ROUTE, { colorScheme, waitFor: READY });
/** A number's text once every widget has caught up with the last input. */
const value = async (page: Page, id: string) => {
  await settled(page);
  return page.getByTestId(id).textContent();
};
const zSlider = (page: Page) => page.getByRole('slider', { name: 'binary logit z', exact: true });
const checkStates = async (page: Page) => {
  await settled(page);
  return page.locator('.checks li').evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')));
};

// By hand, at the start z = −1, t = 1: ŷ = 1/(1 + e), L = ln(1 + e), ∂L/∂ŷ = −(1 + e), ∂L/∂z = −e/(1 + e).
const E = Math.E;
const shown = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));

describe('the binary cross-entropy chapter (#/binary-cross-entropy)', () => {
  it('loads with no console error and no KaTeX error, at z = −1 and t = 1', async () => {
    const { page, errors } = await open();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sigmoid and binary cross-entropy');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await value(page, 'bce-y-hat')).toBe(`ŷ = σ(z) = ${shown(1 / (1 + E))}`);
    expect(await value(page, 'bce-loss')).toBe(`L = ${shown(Math.log(1 + E))}`);
    expect(await value(page, 'bce-grad-y-hat')).toBe(`∂L/∂ŷ = ${shown(-(1 + E))}`);
    expect(await value(page, 'bce-grad-z')).toBe(`∂L/∂z = ŷ − t = ${shown(-E / (1 + E))}`);
    expect(await page.getByRole('radio', { name: 't = 1 (positive)' }).isChecked()).toBe(true);
    // every live check on the page holds: five in the explorer, two beside the two-class softmax
    expect(await checkStates(page)).toEqual(Array(7).fill('true'));
    expectNoErrors(errors);
    await page.close();
  });

  it('choosing t = 0 switches the loss to −ln(1 − ŷ) and the gradient to ŷ', async () => {
    const { page, errors } = await open();
    await page.getByRole('radio', { name: 't = 0 (negative)' }).check();
    // t = 0 at z = −1: L = ln(1 + e⁻¹), ∂L/∂ŷ = 1/(1 − ŷ) = (1 + e)/e, ∂L/∂z = ŷ = 1/(1 + e)
    await expect.poll(() => value(page, 'bce-loss')).toBe(`L = ${shown(Math.log(1 + 1 / E))}`);
    expect(await value(page, 'bce-grad-y-hat')).toBe(`∂L/∂ŷ = ${shown((1 + E) / E)}`);
    expect(await value(page, 'bce-grad-z')).toBe(`∂L/∂z = ŷ − t = ${shown(1 / (1 + E))}`);
    await expect.poll(() => page.getByTestId('live-formula').first().getAttribute('aria-label')).toContain(`= ŷ − t = ${shown(1 / (1 + E))} − 0`);
    expect(await checkStates(page)).toEqual(Array(7).fill('true'));
    expectNoErrors(errors);
    await page.close();
  });

  it('the slider "binary logit z" moves every number: at z = 0 the loss is ln 2 and the gradient −½', async () => {
    const { page, errors } = await open();
    const slider = zSlider(page);
    await slider.focus();
    for (let i = 0; i < 10; i += 1) await slider.press('ArrowRight');
    await nextFrame(page);
    expect(Number(await slider.inputValue())).toBeCloseTo(0, 10);
    await expect.poll(() => value(page, 'bce-y-hat')).toBe('ŷ = σ(z) = 0.500');
    expect(await value(page, 'bce-loss')).toBe(`L = ${shown(Math.LN2)}`);
    expect(await value(page, 'bce-grad-z')).toBe('∂L/∂z = ŷ − t = −0.500');
    // the two-class softmax beside it follows the same z: softmax([0, 0])₁ = ½
    expect(await value(page, 'pair-check-1')).toContain('softmax([z, 0])₁ = 0.500000 and σ(z) = 0.500000');
    await slider.press('End');
    // z = 10, t = 1: ∂L/∂z = −σ(−10) = −1/(1 + e¹⁰)
    await expect.poll(() => value(page, 'bce-grad-z')).toBe(`∂L/∂z = ŷ − t = −${(1 / (1 + E ** 10) / 1e-5).toFixed(2)} × 10⁻⁵`);
    expect(await checkStates(page)).toEqual(Array(7).fill('true'));
    expectNoErrors(errors);
    await page.close();
  });

  it('pressing on the middle of the sigmoid plot drags z to 0', async () => {
    const { page, errors } = await open();
    const plot = page.getByRole('slider', { name: /^binary logit z, on the plot of the sigmoid/ });
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    if (!box) throw new Error('the sigmoid plot has no box');
    // viewBox 360 wide, plot area from x = 40 to 348: z = 0 sits at x = 194
    await page.mouse.move(box.x + (194 / 360) * box.width, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(async () => Math.abs(Number(await zSlider(page).inputValue()))).toBeLessThanOrEqual(0.1);
    expectNoErrors(errors);
    await page.close();
  });

  it('hovering ŷ in the formula lights up its dot on the sigmoid curve', async () => {
    const { page, errors } = await open();
    const dot = page.locator('svg circle[data-term="y-hat"]');
    const stroke = () => dot.evaluate((el) => getComputedStyle(el).stroke);
    await page.mouse.move(0, 0);
    await nextFrame(page);
    const before = await stroke();
    await page.locator('.bce-explorer [data-testid="live-formula"] [data-term="y-hat"]').first().hover();
    await expect.poll(stroke).not.toBe(before);
    expectNoErrors(errors);
    await page.close();
  });

  it('the multi-label comparison: the softmax sums to 1, the sigmoids of z = [2, 3, 4] to σ(2) + σ(3) + σ(4)', async () => {
    const { page, errors } = await open();
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    expect(await value(page, 'softmax-sum')).toContain('Σ pᵢ = 1.000');
    expect(await value(page, 'sigmoid-sum')).toContain(`Σ σ(zᵢ) = ${shown(s(2) + s(3) + s(4))}`);
    // y = [0, 1, 0]: −ln p₂ = ln(1 + e + e²) − 1
    expect(await value(page, 'multiclass-loss')).toContain(`= ${shown(Math.log(1 + E + E * E) - 1)}`);
    expectNoErrors(errors);
    await page.close();
  });
});
