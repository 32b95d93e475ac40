import { parseHash } from '../../src/url/hashRoute';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import {
  DESKTOP_OPTIONS,
  expectNoErrors,
  launch,
  logitSlider,
  openRoute,
  settled,
} from './browser';

const ROUTE = '#/softmax-cross-entropy';
const READY = '[data-testid="live-formula"] .katex';

// z = [2, 3, 4], y = [0, 1, 0]: p = [1, e, e²] / (1 + e + e²), ∂L/∂z = p − y, by hand
const E = Math.E;
const P = [1, E, E * E].map((v) => v / (1 + E + E * E));
const p = (i: number) => P[i] ?? NaN;
/** the page's formatter for six decimals: a true minus sign */
const six = (v: number) => (v < 0 ? `−${(-v).toFixed(6)}` : v.toFixed(6));
const three = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));

const gradientShown = (page: Page, j: number) => page.getByTestId(`g-text-${j}`).textContent();
const stepCount = (page: Page) => page.getByTestId('step-count').textContent();
/** The formula's text alternative once it has caught up: formulas in the widget in use wait for the pause after input. */
const formulaLabel = async (page: Page) => {
  await settled(page);
  return page.getByTestId('live-formula').getAttribute('aria-label');
};
/** z − η (softmax(z) − y) for a one-hot y at class t, and the loss −log softmax(z)_t, by hand */
const stepFrom = (z: number[], t: number, eta: number) => {
  const d = z.reduce((s, v) => s + Math.exp(v), 0);
  return z.map((v, i) => v - eta * (Math.exp(v) / d - (i === t ? 1 : 0)));
};
const lossAt = (z: number[], t: number) => Math.log(z.reduce((s, v) => s + Math.exp(v), 0)) - (z[t] ?? NaN);
const checkStates = (page: Page) =>
  page.getByRole('list', { name: 'Live checks' }).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')));

describe('the cross-entropy-through-softmax chapter (#/softmax-cross-entropy)', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    browser = await launch(DESKTOP_OPTIONS);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = (colorScheme: 'light' | 'dark' = 'light') => openRoute(browser, ROUTE, { colorScheme, waitFor: READY });

  it('loads with no console error and no KaTeX error, showing p − y = [p1, p2 − 1, p3] at the worked example', async () => {
    const { page, errors } = await open();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Cross-entropy through softmax');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await gradientShown(page, 1)).toBe(six(p(0)));
    expect(await gradientShown(page, 2)).toBe(six(p(1) - 1));
    expect(await gradientShown(page, 3)).toBe(six(p(2)));
    expect(await checkStates(page)).toEqual(['true', 'true', 'true', 'true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('"Next step" walks the derivation to the cancellation p2 − y2, and "Previous step" walks back', async () => {
    const { page, errors } = await open();
    expect(await stepCount(page)).toBe('Step 1 of 5: The loss');
    // L = −log p2
    expect(await formulaLabel(page)).toContain(`= ${three(-Math.log(p(1)))}`);
    const next = page.getByRole('button', { name: 'Next step' });
    await next.focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('Enter');
    await expect.poll(() => stepCount(page)).toBe('Step 5 of 5: The cancellation');
    expect(await formulaLabel(page)).toContain(`p2 − y2 = ${three(p(1) - 1)}`);
    await page.keyboard.press('Enter'); // at the end: stays, and keeps focus
    expect(await stepCount(page)).toBe('Step 5 of 5: The cancellation');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next step');
    await page.getByRole('button', { name: 'Previous step' }).click();
    await expect.poll(() => stepCount(page)).toBe('Step 4 of 5: Their product: the chain rule');
    expect(await formulaLabel(page)).toContain(`= ${three(p(1) - 1)}`);
    expectNoErrors(errors);
    await page.close();
  });

  it('the diagonal-only mistake sits beside p − y and central differences flag it; the product line shows all three paths', async () => {
    const { page, errors } = await open();
    const flagged = page.getByTestId('diagonal-check');
    expect(await flagged.getAttribute('data-ok')).toBe('false');
    // q = p1² + p3²: the relative error of [0, p2 − 1, 0] against p − y, by hand
    const q = p(0) ** 2 + p(2) ** 2;
    expect(await flagged.textContent()).toContain(`relative error ${Math.sqrt(q / ((1 - p(1)) ** 2 + q)).toFixed(3)}`);
    expect(await page.getByTestId('diagonal-text-1').textContent()).toBe('0.000000');
    expect(await page.getByTestId('diagonal-text-2').textContent()).toBe(six(p(1) - 1));
    // to the product line, from the keyboard, then write out z1: it gets all of its p1 through p2, off the diagonal
    const next = page.getByRole('button', { name: 'Next step' });
    await next.focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'write out ∂L/∂z1' }).click();
    const paths = page.getByRole('table', { name: 'The 3 paths from z1 to L, one through each pᵢ' });
    await expect.poll(() => paths.isVisible()).toBe(true);
    expect(await page.getByTestId('path-2').textContent()).toBe(three(p(0)));
    expect(await page.getByTestId('paths-sum').textContent()).toBe(three(p(0)));
    expect(await page.getByTestId('paths-diagonal').textContent()).toBe('0.000');
    expectNoErrors(errors);
    await page.close();
  });

  it('choosing class 3 as the true class turns its entry into p3 − 1 and class 2’s into p2', async () => {
    const { page, errors } = await open();
    await page.getByRole('radio', { name: 'class 3' }).check();
    await expect.poll(() => gradientShown(page, 3)).toBe(six(p(2) - 1));
    expect(await gradientShown(page, 2)).toBe(six(p(1)));
    expect(await checkStates(page)).toEqual(['true', 'true', 'true', 'true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('moving "logit z1" to 10 changes the gradient, and central differences still agree', async () => {
    const { page, errors } = await open();
    await logitSlider(page, 1).focus();
    await page.keyboard.press('End');
    // z = [10, 3, 4]: p2 = e³ / (e¹⁰ + e³ + e⁴)
    const p2 = E ** 3 / (E ** 10 + E ** 3 + E ** 4);
    await expect.poll(() => gradientShown(page, 2)).toBe(six(p2 - 1));
    expect(await checkStates(page)).toEqual(['true', 'true', 'true', 'true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('"Take one gradient step" at η = 1 moves z to z − (p − y) and the loss falls', async () => {
    const { page, errors } = await open();
    const before = -Math.log(p(1));
    const z = [2 - p(0), 3 - (p(1) - 1), 4 - p(2)];
    const d = z.reduce((s, v) => s + Math.exp(v), 0);
    const after = -Math.log(Math.exp(z[1] ?? NaN) / d);
    await page.getByRole('button', { name: 'Take one gradient step' }).click();
    await expect
      .poll(() => page.getByTestId('descent-status').textContent())
      .toBe(`Step 1: the loss went from ${three(before)} to ${three(after)}.`);
    expect(after).toBeLessThan(before);
    await expect
      .poll(() => page.getByRole('img', { name: /^Loss after each step:/ }).getAttribute('aria-label'))
      .toBe(`Loss after each step: start ${three(before)}, step 1 ${three(after)}`);
    expectNoErrors(errors);
    await page.close();
  });

  it('the derivation’s place, η and the steps taken are in the address, survive a reload, and embeds of that address show them', async () => {
    const { page, errors } = await open();
    const next = page.getByRole('button', { name: 'Next step' });
    await next.click();
    await next.click();
    await page.getByRole('button', { name: 'J, row 3, column 1:', exact: false }).click();
    const eta = page.getByRole('slider', { name: 'learning rate η' });
    await eta.focus();
    await page.keyboard.press('End');
    const take = page.getByRole('button', { name: 'Take one gradient step' });
    await take.click();
    await take.click();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    // the chapter's address names the logits and label the run starts from, too
    expect(Object.fromEntries(parseHash(new URL(page.url()).hash).query)).toEqual({ z: '2,3,4', y: '1', step: '2', i: '2', j: '0', eta: '5', run: '5,5' });

    // two steps at η = 5 from z = [2, 3, 4], y = class 2
    const z1 = stepFrom([2, 3, 4], 1, 5);
    const z2 = stepFrom(z1, 1, 5);
    const status = `Step 2: the loss went from ${three(lossAt(z1, 1))} to ${three(lossAt(z2, 1))}.`;
    await page.reload({ waitUntil: 'load' });
    await page.locator(READY).first().waitFor();
    expect(await stepCount(page)).toBe('Step 3 of 5: The softmax Jacobian');
    expect(await page.locator('.derivation [data-cell][tabindex="0"]').getAttribute('data-term')).toBe('J-3-1');
    // column 1 of J: p_i(δ_i1 − p1)
    expect(await formulaLabel(page)).toContain(`[${three(p(0) * (1 - p(0)))}, ${three(-p(1) * p(0))}, ${three(-p(2) * p(0))}]`);
    expect(await page.getByRole('slider', { name: 'learning rate η' }).inputValue()).toBe('5');
    expect(await page.getByTestId('descent-status').textContent()).toBe(status);
    expectNoErrors(errors);
    await page.close();

    const explorer = await openRoute(browser, '#/embed/softmax-cross-entropy/CrossEntropyGradientExplorer?step=2&i=2&j=0', { waitFor: READY });
    expect(await stepCount(explorer.page)).toBe('Step 3 of 5: The softmax Jacobian');
    expect(await explorer.page.locator('.derivation [data-cell][tabindex="0"]').getAttribute('data-term')).toBe('J-3-1');
    expectNoErrors(explorer.errors);
    await explorer.page.close();

    const descent = await openRoute(browser, '#/embed/softmax-cross-entropy/GradientDescentStep?eta=5&run=5,5', { waitFor: '[data-testid="descent-formula"] .katex' });
    expect(await descent.page.getByTestId('descent-status').textContent()).toBe(status);
    expect(await descent.page.getByRole('slider', { name: 'learning rate η' }).inputValue()).toBe('5');
    expectNoErrors(descent.errors);
    await descent.page.close();
  });
});
