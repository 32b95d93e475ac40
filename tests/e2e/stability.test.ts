import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  DESKTOP_OPTIONS,
  expectNoErrors,
  launch,
  openRoute,
} from './browser';
import { formatNumber } from '../../src/format/formatNumber';
import { parseHash } from '../../src/url/hashRoute';

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch(DESKTOP_OPTIONS);
});
afterAll(async () => {
  await browser?.close();
});

const ROUTE = '#/stability';
const READY = '[data-testid="backward-formula"] .katex';
const open = (b = browser, colorScheme: 'light' | 'dark' = 'light') => openRoute(b, ROUTE, { colorScheme, waitFor: READY });
const text = async (page: Page, id: string) => ((await page.getByTestId(id).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
const preset = (page: Page, logits: string) => page.getByRole('button', { name: new RegExp(`^z = \\[${logits}\\]`) }).first().click();
const cellFinite = (page: Page, id: string) => page.getByTestId(`cell-${id}`).getAttribute('data-finite');
const queryOf = (page: Page) => parseHash(new URL(page.url()).hash).query;
const checked = async (page: Page, name: string | RegExp) =>
  Promise.all((await page.getByRole('radio', { name, exact: typeof name === 'string' }).all()).map((r) => r.isChecked()));

// By hand: log(1 + e^{-1} + e^{-2}) = log 1.5032147244 = 0.40760596
const LSE_REST = Math.log(1 + Math.exp(-1) + Math.exp(-2));

describe('the numerical stability chapter (#/stability)', () => {
  it('loads with no console error and no KaTeX error, every cell finite at z = [2, 3, 4]', async () => {
    const { page, errors } = await open();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Numerical stability');
    expect(await page.locator('.katex-error').count()).toBe(0);
    for (const id of ['naive-float32', 'naive-float64', 'stable-float32', 'stable-float64']) expect(await cellFinite(page, id)).toBe('true');
    // L = −log p₁ = log(e² + e³ + e⁴) − 2 = log(1 + e + e²) by hand
    const loss = Math.log(1 + Math.E + Math.E ** 2).toFixed(3);
    expect(await text(page, 'naive-float64-loss')).toBe(loss);
    expect(await text(page, 'stable-float32-loss')).toBe(loss);
    expectNoErrors(errors);
    await page.close();
  });

  it('"logit z1" set to 1000 shows NaN in the naive float64 cell and finite numbers in the stable cells', async () => {
    const { page, errors } = await open();
    const slider = page.getByRole('slider', { name: 'logit z1', exact: true });
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => text(page, 'naive-float64-p-1')).toBe('NaN');
    // z = [1000, 3, 4]: e^1000 = ∞, so p₁ = ∞/∞ and the others finite/∞ = 0
    expect(await text(page, 'naive-float64-p-2')).toBe('0.000');
    expect(await text(page, 'naive-float64-loss')).toBe('NaN');
    expect(await page.getByTestId('cell-naive-float64').textContent()).toContain('p₁ = NaN = ∞/∞');
    expect(await cellFinite(page, 'naive-float64')).toBe('false');
    // stable: p₁ = 1/(1 + e^{-997} + e^{-996}) = 1 to three decimals, L = 0
    expect(await cellFinite(page, 'stable-float64')).toBe('true');
    expect(await cellFinite(page, 'stable-float32')).toBe('true');
    expect(await text(page, 'stable-float64-p-1')).toBe('1.000');
    expect(await text(page, 'stable-float64-loss')).toBe('0.000');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('dragging bar z3 to the top overflows both precisions; the stable loss stays finite', async () => {
    const { page, errors } = await open();
    const bar = page.getByRole('slider', { name: 'logit z3 bar' });
    await bar.scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    if (!box) throw new Error('bar z3 has no box');
    // from the bottom of the bar's full-height hit area to its top: the whole axis, −1000 to 1000 and more
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('1000');
    // z = [2, 3, 1000], true class 1: naive p₁ = e²/∞ = 0, L = −log 0 = ∞; stable L = 998 + log(1 + e^{-998} + e^{-997}) = 998
    expect(await text(page, 'naive-float64-loss')).toBe('∞');
    expect(await text(page, 'naive-float32-loss')).toBe('∞');
    expect(await text(page, 'stable-float64-loss')).toBe('998.000');
    expect(await text(page, 'stable-float32-loss')).toBe('998.000');
    expectNoErrors(errors);
    await page.close();
  });

  it('the presets: [1000, 999, 998] gives NaN naively and log(1 + e⁻¹ + e⁻²) stably; [89, 0, 0] breaks only float32', async () => {
    const { page, errors } = await open();
    await preset(page, '1000, 999, 998');
    await expect.poll(() => text(page, 'naive-float64-loss')).toBe('NaN');
    expect(await text(page, 'naive-float32-loss')).toBe('NaN');
    expect(await page.getByTestId('cell-naive-float64').textContent()).toContain('NaN = ∞/∞: every exponential overflowed');
    expect(await text(page, 'stable-float64-loss')).toBe(LSE_REST.toFixed(3));
    expect(await text(page, 'stable-float32-loss')).toBe(LSE_REST.toFixed(3));

    await preset(page, '89, 0, 0');
    await expect.poll(() => cellFinite(page, 'naive-float32')).toBe('false');
    expect(await cellFinite(page, 'naive-float64')).toBe('true');
    // e^89 ≈ 4.49 × 10³⁸ > FLT_MAX: the exponential plot says so in words
    const plot = await page.locator('.overflow-explorer svg.exponential-plot').getAttribute('aria-label');
    expect(plot).toContain('ln(FLT_MAX) = 88.72');
    expect(plot).toContain('ln(DBL_MAX) = 709.78');
    expect(plot).toContain('z1 = 89.0: e^z is 4.49 × 10³⁸, ∞ in float32, finite in float64');
    expectNoErrors(errors);
    await page.close();
  });

  it('a typed logit that is not a number or is out of range is refused with a message, the last good value kept', async () => {
    const { page, errors } = await open();
    const box = page.getByRole('textbox', { name: 'type logit z1' });
    await box.fill('abc');
    await box.press('Enter');
    await expect.poll(() => text(page, 'typed-message')).toBe('“abc” is not a number: z1 must be a number from −1000 to 1000 in steps of 0.1. z1 stays 2.');
    await box.fill('5000');
    await box.press('Enter');
    await expect.poll(() => text(page, 'typed-message')).toBe('“5000” is too large: z1 must be a number from −1000 to 1000 in steps of 0.1. z1 stays 2.');
    expect(await page.getByRole('slider', { name: 'logit z1', exact: true }).inputValue()).toBe('2');
    await box.fill('710');
    await box.press('Enter');
    await expect.poll(() => page.getByRole('slider', { name: 'logit z1', exact: true }).inputValue()).toBe('710');
    expect(await cellFinite(page, 'naive-float64')).toBe('false');
    expectNoErrors(errors);
    await page.close();
  });

  it('the ε trick caps the loss at −ln ε and the unfused gradient is NaN at ε = 0 while the fused one is [−1, 0, 1]', async () => {
    const { page, errors } = await open();
    await preset(page, '−1000, 0, 1000');
    // true class 1: p₁ = e^{-2000} underflows; L = 2000, the trick gives −ln(10⁻⁸) = 18.421
    await expect.poll(() => text(page, 'epsilon-trick-loss')).toBe((8 * Math.LN10).toFixed(3));
    expect(await text(page, 'epsilon-true-loss')).toBe('2000.000');
    expect(await text(page, 'epsilon-gradient-kept')).toBe('0.0');
    for (const [j, g] of ['−1.000', '0.000', '1.000'].entries()) expect(await text(page, `fused-${j + 1}`)).toBe(g);
    for (const j of [1, 2, 3]) expect(Math.abs(Number((await text(page, `chain-${j}`)).replace('−', '-')))).toBe(0);
    expect(await text(page, 'backward-verdict')).toContain('has shrunk to 0.0% of p − y');

    await page.getByRole('radio', { name: /^ε = 0/ }).first().check();
    await expect.poll(() => text(page, 'chain-1')).toBe('NaN');
    expect(await text(page, 'backward-verdict')).toContain('The unfused gradient is NaN');
    expect(await text(page, 'fused-1')).toBe('−1.000');

    // the backward pass's own true-class radios, from the keyboard: class 3, where p = [0, 0, 1] and p − y = 0,
    // yet the chain is NaN from u₁ = −0/0
    const backward = page.getByRole('region', { name: 'Fused against unfused backward pass' });
    await backward.getByRole('group', { name: 'True class', exact: true }).getByRole('radio', { name: 'true class 1' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => checked(page, 'true class 3')).toEqual([true, true]);
    for (const j of [1, 2, 3]) expect(await text(page, `fused-${j}`)).toBe('0.000');
    for (const j of [1, 2, 3]) expect(await text(page, `chain-${j}`)).toBe('NaN');
    expect(await text(page, 'backward-verdict')).toContain('p1 underflowed to 0, so u1 = −0/(0 + 0) = 0/0 = NaN');
    expect(await text(page, 'overflow-readout')).toMatch(/true class 3/);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('the error plot is a slider on the true-class logit: End moves z1 to 1000 and the error to 0', async () => {
    const { page, errors } = await open();
    const handle = page.getByRole('slider', { name: /^true-class logit z1 on the error plot/ });
    await handle.focus();
    // z1 = 2 → −8: p₁ = e^{-8}/(e^{-8} + e³ + e⁴), by hand
    for (let i = 0; i < 10; i++) await page.keyboard.press('PageDown');
    await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe('-8');
    const p = Math.exp(-8) / (Math.exp(-8) + Math.exp(3) + Math.exp(4));
    // ε/p ≈ 2.2 × 10⁻³: the error −log(1 + ε/p) is about −0.002
    expect(await text(page, 'epsilon-error')).toBe(formatNumber(-Math.log1p(1e-8 / p), 3));
    await page.keyboard.press('End');
    await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe('1000');
    expect(await text(page, 'epsilon-true-loss')).toBe('0.000');
    expectNoErrors(errors);
    await page.close();
  });

  it('the logits, the true class, ε and the precision survive a reload; embed links show them', async () => {
    const { page, errors } = await open();
    const box = page.getByRole('textbox', { name: 'type logit z1' });
    await box.fill('710');
    await box.press('Enter');
    await page.getByRole('radio', { name: 'true class 2' }).first().check();
    await page.getByRole('radio', { name: 'ε = 10⁻¹²' }).first().check();
    await page.getByRole('radio', { name: 'float32', exact: true }).check();
    await page.waitForTimeout(400);
    await expect.poll(() => queryOf(page).get('prec'), { timeout: 2000 }).toBe('float32');
    expect(Object.fromEntries(queryOf(page))).toEqual({ sz: '710,3,4', sy: '1', eps: '1e-12', prec: 'float32' });

    await page.reload({ waitUntil: 'load' });
    await page.locator(READY).first().waitFor();
    expect(await page.getByRole('slider', { name: 'logit z1', exact: true }).inputValue()).toBe('710');
    // the true class and ε are chosen in two widgets each, one store: both groups show them
    expect(await checked(page, 'true class 2')).toEqual([true, true]);
    expect(await checked(page, 'ε = 10⁻¹²')).toEqual([true, true]);
    expect(await page.getByRole('radio', { name: 'float32', exact: true }).isChecked()).toBe(true);
    expect(await text(page, 'overflow-readout')).toMatch(/^z = \[710, 3, 4\], true class 2/);
    // e^710 overflows float64 (ln DBL_MAX = 709.78): the naive cell is not finite
    expect(await cellFinite(page, 'naive-float64')).toBe('false');
    expectNoErrors(errors);
    await page.close();

    const overflow = await openRoute(browser, '#/embed/stability/OverflowExplorer?sz=1000,999,998&sy=2', {
      waitFor: '[data-testid="overflow-readout"]',
    });
    expect(await text(overflow.page, 'overflow-readout')).toMatch(/^z = \[1000, 999, 998\], true class 3/);
    expect(await overflow.page.getByRole('radio', { name: 'true class 3' }).isChecked()).toBe(true);
    // every exponential overflows: naive p = ∞/∞ = NaN; stable L₃ = log(e² + e + 1) by hand
    expect(await text(overflow.page, 'naive-float64-loss')).toBe('NaN');
    expect(await text(overflow.page, 'stable-float64-loss')).toBe(Math.log(Math.exp(2) + Math.E + 1).toFixed(3));
    expectNoErrors(overflow.errors);
    await overflow.page.close();

    const epsilon = await openRoute(browser, '#/embed/stability/EpsilonTrickExplorer?eps=0', { waitFor: '[data-testid="epsilon-readout"]' });
    expect(await epsilon.page.getByRole('radio', { name: /^ε = 0/ }).isChecked()).toBe(true);
    expectNoErrors(epsilon.errors);
    await epsilon.page.close();

    const fused = await openRoute(browser, '#/embed/stability/FusedBackward?sz=-1000,0,1000&sy=2&eps=0&prec=float32', { waitFor: READY });
    expect(await fused.page.getByRole('radio', { name: 'float32', exact: true }).isChecked()).toBe(true);
    expect(await fused.page.getByRole('radio', { name: 'true class 3' }).isChecked()).toBe(true);
    expect(await fused.page.getByRole('radio', { name: /^ε = 0/ }).isChecked()).toBe(true);
    expect(await fused.page.locator('table.gradient-table caption').textContent()).toMatch(/true class 3, ε = 0, in float32$/);
    expect(await text(fused.page, 'chain-2')).toBe('NaN');
    // the link's settings were all understood: no notice of an ignored one
    expect(await fused.page.getByText(/not a setting of this page/).count()).toBe(0);
    expectNoErrors(fused.errors);
    await fused.page.close();
  });
});
