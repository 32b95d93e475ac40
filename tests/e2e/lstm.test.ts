import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../bench/lib/chromium.mjs';
import { DESKTOP_OPTIONS, expectNoErrors, launch, openRoute } from './browser';
import { describeChapterPageChecks } from './chapterPageChecks';
import { parseHash } from '../../src/url/hashRoute';

const READY = '.lstm-cell-explorer [data-testid="live-formula"] .katex';

// axe in light and dark, the desktop, wide and phone layouts (390 px and 360 px), screenshots
describeChapterPageChecks([{ slug: 'lstm', ready: READY, phoneDark: true }]);

let browser: LaunchedChromium;
beforeAll(async () => {
  browser = await launch(DESKTOP_OPTIONS);
});
afterAll(async () => {
  await browser?.close();
});

const open = () => openRoute(browser, '#/lstm', { waitFor: READY });
const text = async (page: Page, id: string) => ((await page.getByTestId(id).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
const queryOf = (page: Page) => parseHash(new URL(page.url()).hash).query;
const sigma = (a: number) => 1 / (1 + Math.exp(-a));

describe('the LSTM chapter (#/lstm)', () => {
  it('loads with no error: the cell at its start, c′ = 1.219, and the check agreeing', async () => {
    const { page, errors } = await open();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Where the gates live: the LSTM cell');
    expect(await page.locator('.katex-error').count()).toBe(0);
    // c′ = σ(2)·1 + σ(1)·tanh(0.5) by hand
    const cNext = (sigma(2) + sigma(1) * Math.tanh(0.5)).toFixed(3);
    await expect.poll(() => page.locator('.lstm-cell-explorer [data-testid="live-formula"]').getAttribute('aria-label')).toContain(`= ${cNext};`);
    expect(await text(page, 'cell-check')).toContain('they agree');
    expectNoErrors(errors);
    await page.close();
  });

  it('from the keyboard: Home on a_f sends the forget gate to σ(−6) and its cell factor with it; End on b_f lifts the cell gradient', async () => {
    const { page, errors } = await open();
    const af = page.getByRole('slider', { name: 'pre-activation of the forget gate, a f', exact: true });
    await af.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => text(page, 'cell-factor')).toBe(sigma(-6).toFixed(3));
    const before = await text(page, 'flow-cell');
    const bias = page.getByRole('slider', { name: 'forget gate bias b f', exact: true });
    await bias.focus();
    await page.keyboard.press('End');
    await expect.poll(() => bias.inputValue()).toBe('5');
    expect(await text(page, 'flow-cell')).not.toBe(before);
    // b_f = 5, T = 50: the cell gradient at t = 0 is about 10⁻², far above the RNN's 10⁻¹⁸
    expect(await text(page, 'flow-cell')).toMatch(/^0\.01/);
    expect(await text(page, 'flow-rnn')).toMatch(/× 10⁻¹⁸$/);
    const steps = page.getByRole('slider', { name: 'number of steps T', exact: true });
    await steps.focus();
    await page.keyboard.press('End');
    await expect.poll(() => steps.inputValue()).toBe('100');
    await page.waitForTimeout(400);
    await expect.poll(() => queryOf(page).get('steps'), { timeout: 2000 }).toBe('100');
    expect(Object.fromEntries(queryOf(page))).toEqual({ af: '-6', bf: '5', steps: '100' });
    expectNoErrors(errors);
    await page.close();
  });

  it('a reload keeps the state; each widget embeds with its state in the address', async () => {
    const { page, errors } = await openRoute(browser, '#/lstm?ag=-2&steps=20&bf=0', { waitFor: READY });
    expect(await page.getByRole('slider', { name: 'pre-activation of the candidate, a g', exact: true }).inputValue()).toBe('-2');
    expect(await page.getByRole('slider', { name: 'number of steps T', exact: true }).inputValue()).toBe('20');
    await page.reload({ waitUntil: 'load' });
    await page.locator(READY).first().waitFor();
    expect(await page.getByRole('slider', { name: 'forget gate bias b f', exact: true }).inputValue()).toBe('0');
    expectNoErrors(errors);
    await page.close();

    const cell = await openRoute(browser, '#/embed/lstm/LstmCellExplorer?af=0&c=2', { waitFor: '.lstm-cell-explorer' });
    expect(await text(cell.page, 'cell-factor')).toBe('0.500');
    expectNoErrors(cell.errors);
    await cell.page.close();

    const flow = await openRoute(browser, '#/embed/lstm/GradientFlowExplorer?steps=100&bf=2&hidden=8', { waitFor: '.gradient-flow-explorer' });
    expect(await flow.page.getByRole('slider', { name: 'hidden size H', exact: true }).inputValue()).toBe('8');
    expect(await text(flow.page, 'cell-check')).toContain('they agree');
    expect(await flow.page.getByText(/not a setting of this page/).count()).toBe(0);
    expectNoErrors(flow.errors);
    await flow.page.close();

    for (const key of ['CellUpdateExercise', 'ForgetPowerExercise', 'CellPathExercise']) {
      const ex = await openRoute(browser, `#/embed/lstm/${key}`, { waitFor: 'button:has-text("Check")' });
      expect(await ex.page.getByRole('button', { name: 'Check', exact: true }).count()).toBe(1);
      expectNoErrors(ex.errors);
      await ex.page.close();
    }
  });
});
