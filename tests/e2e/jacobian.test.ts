import { parseHash } from '../../src/url/hashRoute';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { expectNoErrors, launch, logitSlider, nextFrame, openRoute, settled } from './browser';

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const openJacobian = (query = '') => openRoute(browser, `#/jacobian${query}`, { waitFor: '[data-testid="live-formula"] .katex' });
const cell = (page: Page, matrix: string, i: number, j: number) => page.getByRole('button', { name: `${matrix}, row ${i}, column ${j}:`, exact: false });
/** The formula's text alternative once it has caught up: formulas in the widget in use wait for the pause after input. */
const formulaLabel = async (page: Page) => {
  await settled(page);
  return page.getByTestId('live-formula').getAttribute('aria-label');
};

// z = [2, 3, 4]: p = [1, e, e²] / (1 + e + e²), J_ij = p_i(δ_ij − p_j), by hand
const E = Math.E;
const P = [1, E, E * E].map((v) => v / (1 + E + E * E));
const J = (i: number, j: number) => (P[i] ?? NaN) * ((i === j ? 1 : 0) - (P[j] ?? NaN));
const shown = (v: number) => (v < 0 ? `−${(-v).toFixed(3)}` : v.toFixed(3));

describe('the Jacobian chapter (#/jacobian)', () => {
  it('loads with no console error and no KaTeX error, showing J23 = p2(δ23 − p3) at the worked example', async () => {
    const { page, errors } = await openJacobian();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('The softmax Jacobian');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await formulaLabel(page)).toContain(`= ${shown(J(1, 2))}`);
    expect(await cell(page, 'J', 2, 3).textContent()).toBe(shown(J(1, 2)));
    expect(await cell(page, 'J', 1, 1).textContent()).toBe(shown(J(0, 0)));
    expectNoErrors(errors);
    await page.close();
  });

  it('every live check holds: symmetric, zero row sums, no negative eigenvalue, central differences agree', async () => {
    const { page, errors } = await openJacobian();
    const checks = page.getByRole('list', { name: 'Live checks' }).getByRole('listitem');
    expect(await checks.count()).toBe(4);
    for (const state of await checks.evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')))) {
      expect(state).toBe('true');
    }
    expectNoErrors(errors);
    await page.close();
  });

  it('hovering a J cell writes that entry out and lights up p_i and p_j in the bars', async () => {
    const { page, errors } = await openJacobian();
    const bar = page.locator('svg [data-term="p-1"]').first();
    const stroke = () => bar.evaluate((el) => getComputedStyle(el).stroke);
    await page.mouse.move(0, 0);
    await nextFrame(page);
    const before = await stroke();
    await cell(page, 'J', 1, 1).hover();
    await expect.poll(() => formulaLabel(page)).toContain(`J11 = ∂p1/∂z1 = p1 × (δ11 − p1) = ${P[0]?.toFixed(3)} × (1 − ${P[0]?.toFixed(3)})`);
    await expect.poll(stroke).not.toBe(before);
    expectNoErrors(errors);
    await page.close();
  });

  it('the arrow keys move between cells and the formula follows', async () => {
    const { page, errors } = await openJacobian();
    await cell(page, 'J', 2, 3).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^J, row 3, column 3:/);
    await expect.poll(() => formulaLabel(page)).toContain(`J33 = ∂p3/∂z3`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => formulaLabel(page)).toContain(`J32 = ∂p3/∂z2`);
    expect(await formulaLabel(page)).toContain(`= ${shown(J(2, 1))}`);
    expectNoErrors(errors);
    await page.close();
  });

  it('moving "logit z1" changes the matrix, and the checks still hold', async () => {
    const { page, errors } = await openJacobian();
    const before = await cell(page, 'J', 1, 1).textContent();
    await logitSlider(page, 1).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cell(page, 'J', 1, 1).textContent()).not.toBe(before);
    const states = await page.getByRole('list', { name: 'Live checks' }).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('data-ok')));
    expect(states).toEqual(['true', 'true', 'true', 'true']);
    expectNoErrors(errors);
    await page.close();
  });

  it('the entry chosen is in the address as i=2&j=0, survives a reload, and an embed of that address shows it', async () => {
    const { page, errors } = await openJacobian();
    await cell(page, 'J', 3, 1).click();
    await page.mouse.move(0, 0);
    // the chapter's address names the logits it shows too, from the start (polled: the address is
    // written after the click settles, later on a busy machine)
    await expect
      .poll(() => Object.fromEntries(parseHash(new URL(page.url()).hash).query), { timeout: 5000 })
      .toEqual({ z: '2,3,4', i: '2', j: '0' });

    await page.reload({ waitUntil: 'load' });
    await page.locator('[data-testid="live-formula"] .katex').first().waitFor();
    const tabStop = page.locator('.jacobian-explorer .matrix-main [data-cell][tabindex="0"]');
    expect(await tabStop.getAttribute('data-term')).toBe('J-3-1');
    expect(await formulaLabel(page)).toContain(`J31 = ∂p3/∂z1 = p3 × (δ31 − p1) = ${P[2]?.toFixed(3)} × (0 − ${P[0]?.toFixed(3)}) = ${shown(J(2, 0))}`);
    expectNoErrors(errors);
    await page.close();

    const embed = await openRoute(browser, '#/embed/jacobian/JacobianExplorer?i=2&j=0', { waitFor: '[data-testid="live-formula"] .katex' });
    expect(await formulaLabel(embed.page)).toContain(`J31 = ∂p3/∂z1`);
    expect(await embed.page.locator('.matrix-main [data-cell][tabindex="0"]').getAttribute('data-term')).toBe('J-3-1');
    expectNoErrors(embed.errors);
    await embed.page.close();
  });
});
